// Alasan: why a campaign window was not reported (a date, one window or the whole day, a
// reason and a document); the direct supervisor decides it.
import * as api from "../api.js";
import { documentPicker, refusalText } from "../document.js";
import { busy, fieldError, h } from "../dom.js";
import { T } from "../texts.js";

export async function render(app, [campaignId]) {
  const campaign = await api.get(`/api/v1/campaigns/${campaignId}`);
  const today = app.profile.today.work_date;
  const last = campaign.date_to < today ? campaign.date_to : today;
  const day = h("input", { id: "excuse-date", type: "date", value: last,
    min: campaign.date_from, max: last });
  const window = h("select", { id: "excuse-window" },
    h("option", { value: "" }, T.excuse.wholeDay),
    campaign.windows.map((w) => h("option", { value: String(w.index) }, w.label)));
  const reason = h("textarea", { id: "excuse-reason", maxlength: 500 });
  const picker = documentPicker();
  const submit = h("button", { type: "submit" }, T.excuse.submit);
  const form = h("form", { class: "card", novalidate: true },
    h("label", { for: "excuse-date" }, T.excuse.date), day,
    h("label", { for: "excuse-window" }, T.excuse.window), window,
    h("label", { for: "excuse-reason" }, T.absence.reason), reason, ...picker.nodes, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!picker.file) { fieldError(form, T.absence.noDocument); return; }
    fieldError(form, null);
    const data = new FormData();
    data.set("work_date", day.value);
    if (window.value) data.set("window", window.value);
    data.set("reason", reason.value.trim());
    data.set("document", picker.file, picker.file.name);
    const done = busy(submit, T.capture.sending);
    try {
      await api.call("POST", `/api/v1/campaigns/${campaignId}/excuses`, { form: data });
      app.toast(T.excuse.done);
      app.go("beranda");
    } catch (error) {
      fieldError(form, refusalText(error));
      done();
    }
  });
  return { node: h("section", {}, h("h1", {}, T.excuse.title),
    h("p", { class: "muted" }, campaign.name), form) };
}
