// Daftarkan wajah (operators, admins): pick an employee of the OPD, take 1–3 photos with the
// phone's camera (front or back), enrol them. The API checks each photo's quality.
import * as api from "../api.js";
import * as camera from "../camera.js";
import { busy, fieldError, h } from "../dom.js";
import { T } from "../texts.js";

const MAX_PHOTOS = 3;

function picker(app, choose) {
  const q = h("input", { id: "enrol-search", type: "search", autocomplete: "off" });
  const list = h("ul", { class: "list", id: "enrol-people" });
  let timer = null;
  const search = async () => {
    const body = await api.get(`/api/v1/employees?limit=20&active=true&q=${encodeURIComponent(
      q.value.trim())}`);
    const people = body.items.filter((person) => person.id !== app.profile.id);
    list.replaceChildren(...(people.length ? people.map((person) => h("li", {},
      h("b", {}, person.name), h("div", { class: "muted" }, `NIP ${person.nip} · ` +
        (person.face_enrolled ? T.enrol.enrolled : T.enrol.missing)),
      h("button", { class: "secondary", dataset: { id: person.id },
        onclick: () => choose(person) }, T.enrol.choose)))
      : [h("li", { class: "muted" }, T.enrol.none)]));
  };
  q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 300); });
  search();
  return h("div", { class: "card" }, h("label", { for: "enrol-search" }, T.enrol.search), q, list);
}

export async function render(app) {
  const view = h("section", {}, h("h1", {}, T.enrol.title), h("p", { class: "muted" },
    T.enrol.explain));
  let stream = null;
  let facing = "user";
  const stop = () => { camera.stop(stream); stream = null; };

  async function photograph(person) {
    const photos = [];
    const video = h("video", { autoplay: true, muted: true, playsinline: true });
    const thumbs = h("div", { class: "pair", id: "enrol-photos" });
    const count = h("p", { class: "muted" }, T.enrol.photos(0));
    const shoot = h("button", { id: "enrol-shoot", disabled: true }, T.enrol.shoot);
    const submit = h("button", { id: "enrol-submit", class: "huge", disabled: true },
      T.enrol.submit);
    const box = h("div", { class: "card" }, h("h2", {}, person.name),
      h("div", { class: "camera" }, video), shoot,
      h("button", { class: "secondary", onclick: async () => {
        facing = facing === "user" ? "environment" : "user";
        stop();
        stream = await camera.start(video, facing);
      } }, T.enrol.flip), count, thumbs, submit,
      h("button", { class: "link", onclick: () => { stop(); app.go(`wajah/${Date.now()}`); } },
        T.enrol.other));
    const redraw = () => {
      count.textContent = T.enrol.photos(photos.length);
      shoot.disabled = photos.length >= MAX_PHOTOS;
      submit.disabled = photos.length === 0;
      thumbs.replaceChildren(...photos.map((photo, index) => h("div", {},
        h("img", { class: "photo", alt: "", src: URL.createObjectURL(photo) }),
        h("button", { class: "link", onclick: () => { photos.splice(index, 1); redraw(); } },
          T.enrol.remove))));
    };
    shoot.addEventListener("click", async () => { photos.push(await camera.capture(video)); redraw(); });
    submit.addEventListener("click", async () => {
      const data = new FormData();
      photos.forEach((photo, index) => data.append("photos", photo, `wajah-${index + 1}.jpg`));
      const done = busy(submit, T.capture.sending);
      try {
        const result = await api.call("POST", `/api/v1/employees/${person.id}/face`,
          { form: data });
        stop();
        const waiting = result.status === 202;
        view.replaceChildren(h("h1", {}, T.enrol.title), h("div", {
          class: `card ${waiting ? "wait" : "good"}`, id: "enrol-done" },
        waiting ? T.enrol.pending(person.name) : T.enrol.done(person.name, photos.length)),
        h("button", { onclick: () => app.go(`wajah/${Date.now()}`) }, T.enrol.other));
      } catch (error) {
        const photosWrong = (error.details && error.details.photos) || [];
        fieldError(box, [error.message, ...photosWrong.map((photo) =>
          T.enrol.photoProblem(photo.index + 1, photo.messages.join(" ")))].join(" "));
        done();
      }
    });
    view.replaceChildren(h("h1", {}, T.enrol.title), box);
    try {
      stream = await camera.start(video, facing);
      shoot.disabled = false;
    } catch (error) {
      const [title, advice] = T.camera[error.name] || T.camera.other;
      box.replaceChildren(h("div", { class: "card bad", role: "alert" }, h("h2", {}, title),
        h("p", {}, advice)));
    }
  }

  view.append(picker(app, photograph));
  return { node: view, leave: stop };
}
