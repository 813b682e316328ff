// Lainnya: recap, device, password, sign out, and how to install the app.
import { h } from "../dom.js";
import { T } from "../texts.js";

export async function render(app) {
  const link = (route, label) => h("button", { class: "secondary", onclick: () => app.go(route) },
    label);
  return { node: h("section", {}, h("h1", {}, T.more.title),
    h("div", { class: "card" }, h("b", {}, app.profile.name),
      h("div", { class: "muted" }, `NIP ${app.profile.nip} · ${app.profile.opd.name}`)),
    link("rekap", T.more.recap), link("perangkat", T.more.device),
    app.profile.roles.some((role) => role === "operator" || role === "admin")
      ? link("wajah", T.more.enrol) : null,
    link("sandi", T.more.password),
    h("button", { class: "danger", id: "logout", onclick: () => app.signOut() }, T.more.logout),
    h("p", { class: "muted" }, T.more.install)) };
}
