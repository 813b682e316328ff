// Change the password; the first login must do it before anything else.
import * as api from "../api.js";
import { busy, fieldError, h } from "../dom.js";
import { T } from "../texts.js";

function field(id, label, autocomplete) {
  const input = h("input", { id, type: "password", autocomplete, required: true });
  return [h("label", { for: id }, label), input];
}

export async function render(app) {
  const forced = app.profile.must_change_password;
  const [oldLabel, old] = field("old-password", T.password.old, "current-password");
  const [newLabel, fresh] = field("new-password", T.password.fresh, "new-password");
  const [againLabel, again] = field("new-password-again", T.password.again, "new-password");
  const submit = h("button", { type: "submit" }, T.password.submit);
  const form = h("form", { class: "card", novalidate: true },
    forced ? h("p", { class: "card wait" }, T.password.forced) : null,
    oldLabel, old, newLabel, fresh, h("p", { class: "muted" }, T.password.hint),
    againLabel, again, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (fresh.value !== again.value) { fieldError(form, T.password.mismatch); return; }
    fieldError(form, null);
    const done = busy(submit, T.login.busy);
    try {
      await api.changePassword(old.value, fresh.value);
      await app.loadProfile();
      app.toast(T.password.done);
      app.go("beranda");
    } catch (error) {
      const details = error.details && Object.values(error.details).flat().join(" ");
      fieldError(form, details ? `${error.message} ${details}` : error.message);
      done();
    }
  });
  const logout = forced ? h("button", { class: "link", type: "button",
    onclick: () => app.signOut() }, T.more.logout) : null;
  return { node: h("section", {}, h("h1", {}, T.password.title), form, logout) };
}
