// Ajukan: an absence request with its document (a PDF, or a photo taken with the camera),
// and my requests with their status.
import * as api from "../api.js";
import { documentPicker, refusalText } from "../document.js";
import { busy, fieldError, h } from "../dom.js";
import { dayText } from "../format.js";
import { T } from "../texts.js";

function requestItem(app, item) {
  const cancel = item.status === "pending" ? h("button", { class: "link", onclick: async () => {
    await api.post(`/api/v1/absences/${item.id}/cancel`, { reason: T.absence.cancelReason });
    app.go(`ajukan/${Date.now()}`);
  } }, T.absence.cancel) : null;
  const span = item.date_from === item.date_to ? dayText(item.date_from)
    : `${dayText(item.date_from)} – ${dayText(item.date_to)}`;
  return h("li", {}, h("span", { class: `tag ${item.status}` }, T.absence.statuses[item.status]),
    " ", h("b", {}, item.code_label), h("div", { class: "muted" }, span),
    item.decision_reason ? h("div", {}, item.decision_reason) : null, cancel);
}

export async function render(app) {
  const today = app.profile.today.work_date;
  const [codes, mine] = await Promise.all([api.get("/api/v1/rules/codes"),
    api.get(`/api/v1/absences?employee=${app.profile.id}&limit=20`)]);
  const code = h("select", { id: "code" }, codes.filter((c) => c.requestable)
    .map((c) => h("option", { value: c.code }, `${c.label} (${c.code})`)));
  const from = h("input", { id: "date-from", type: "date", value: today });
  const to = h("input", { id: "date-to", type: "date", value: today });
  const reason = h("textarea", { id: "reason", maxlength: 500 });
  const picker = documentPicker();
  const submit = h("button", { type: "submit" }, T.absence.submit);
  const form = h("form", { class: "card", novalidate: true },
    h("label", { for: "code" }, T.absence.code), code,
    h("div", { class: "pair" },
      h("div", {}, h("label", { for: "date-from" }, T.absence.from), from),
      h("div", {}, h("label", { for: "date-to" }, T.absence.to), to)),
    h("label", { for: "reason" }, T.absence.reason), reason, ...picker.nodes, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!picker.file) { fieldError(form, T.absence.noDocument); return; }
    fieldError(form, null);
    const data = new FormData();
    data.set("code", code.value);
    data.set("date_from", from.value);
    data.set("date_to", to.value);
    data.set("reason", reason.value.trim());
    data.set("document", picker.file, picker.file.name);
    const done = busy(submit, T.capture.sending);
    try {
      await api.call("POST", "/api/v1/absences", { form: data });
      app.toast(T.absence.done);
      app.go(`ajukan/${Date.now()}`);
    } catch (error) {
      fieldError(form, refusalText(error));
      done();
    }
  });
  return { node: h("section", {}, h("h1", {}, T.absence.title), form,
    h("h2", {}, T.absence.mine),
    mine.items.length ? h("ul", { class: "list card", id: "my-requests" },
      mine.items.map((item) => requestItem(app, item))) : h("p", { class: "muted" },
      T.absence.none)) };
}
