// Sign in with NIP and password.
import * as api from "../api.js";
import { busy, fieldError, h } from "../dom.js";
import { T } from "../texts.js";

export async function render(app) {
  const nip = h("input", { id: "nip", name: "nip", autocomplete: "username", inputmode: "numeric",
    required: true });
  const password = h("input", { id: "password", name: "password", type: "password",
    autocomplete: "current-password", required: true });
  const submit = h("button", { type: "submit" }, T.login.submit);
  const form = h("form", { class: "card", novalidate: true },
    h("p", { class: "muted" }, T.login.intro),
    h("label", { for: "nip" }, T.login.nip), nip,
    h("label", { for: "password" }, T.login.password), password, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!nip.value.trim() || !password.value) { fieldError(form, T.login.missing); return; }
    fieldError(form, null);
    const done = busy(submit, T.login.busy);
    try {
      await app.signedIn(await api.login(nip.value.trim(), password.value));
    } catch (error) {
      fieldError(form, error.message);
      done();
    }
  });
  return { node: h("section", {}, h("h1", {}, T.login.title), form) };
}
