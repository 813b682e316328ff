// Perangkat: this browser's device id, my bound devices, and a device-change request.
import * as api from "../api.js";
import { busy, fieldError, h } from "../dom.js";
import { deviceId } from "../device.js";
import { T } from "../texts.js";

export async function render(app) {
  const mine = await api.get("/api/v1/devices/mine");
  const id = deviceId();
  const bound = mine.some((b) => b.device_uid === id && b.status === "active");
  const note = h("textarea", { id: "device-note", maxlength: 500 });
  const request = h("button", { id: "request-device" }, T.device.request);
  const form = h("div", { class: "card" }, h("label", { for: "device-note" }, T.device.note), note,
    request);
  request.addEventListener("click", async () => {
    const done = busy(request, T.capture.sending);
    try {
      await api.post("/api/v1/devices/requests", { device_id: id, note: note.value.trim() });
      app.toast(T.device.requested);
      app.go(`perangkat/${Date.now()}`);
    } catch (error) {
      fieldError(form, error.message);
      done();
    }
  });
  return { node: h("section", {}, h("h1", {}, T.device.title),
    h("div", { class: "card" }, h("div", { class: "muted" }, T.device.thisId),
      h("div", { class: "mono", id: "device-id" }, id)),
    h("p", {}, T.device.explain),
    h("h2", {}, T.device.mine),
    mine.length ? h("ul", { class: "list card" }, mine.map((b) => h("li", {},
      h("span", { class: `tag ${b.status}` }, T.device.statuses[b.status] || b.status), " ",
      h("span", { class: "mono" }, b.device_uid)))) : h("p", { class: "muted" }, T.device.none),
    bound ? null : form) };
}
