// Tim (direct supervisors and heads of OPD): what waits for my decision — check-ins outside
// the office or captured offline, with selfie, distance and note; absence requests with their
// document; reasons for a missed whereabouts report (campaigns). Approve, or reject with a
// reason: the same API as the dashboard.
import * as api from "../api.js";
import { busy, fieldError, h, row } from "../dom.js";
import { clockTime, dayText } from "../format.js";
import { T } from "../texts.js";

function showFile(path, target) {
  api.blob(path).then((file) => {
    target.src = URL.createObjectURL(file);
  }).catch(() => {});
}

function checkinDetails(item, tz) {
  const c = item.checkin;
  const selfie = h("img", { class: "photo", alt: item.employee.name });
  if (c.selfie_url) showFile(c.selfie_url, selfie);
  return [selfie,
    c.offline ? row(T.team.captured, clockTime(c.captured_at, tz)) : null,
    row(c.offline ? T.team.received : T.calendar.checkIn, clockTime(c.recorded_at, tz)),
    c.distance_m !== null ? row(T.team.where, T.team.distance(Math.round(c.distance_m))) : null,
    c.purpose ? row(T.team.purpose, T.result.purposes[c.purpose] || c.purpose) : null,
    c.note ? row(T.team.note, c.note) : null,
    c.similarity !== null ? h("p", { class: "muted" }, T.team.similarity(c.similarity.toFixed(3)))
      : null];
}

function documentButton(url) {
  return h("button", { class: "secondary", onclick: async () => {
    const file = await api.blob(url);
    window.open(URL.createObjectURL(file), "_blank", "noopener");
  } }, T.team.document);
}

function absenceDetails(item) {
  const a = item.absence;
  return [row(a.code_label, T.team.days(a.workdays)),
    h("p", {}, a.date_from === a.date_to ? dayText(a.date_from)
      : `${dayText(a.date_from)} – ${dayText(a.date_to)}`),
    a.reason ? h("p", {}, a.reason) : null, documentButton(a.document_url)];
}

function excuseDetails(item) {
  const e = item.campaign_excuse;
  return [row(e.campaign_name, e.window_label), h("p", {}, e.reason),
    documentButton(e.document_url)];
}

const DETAILS = { absence: absenceDetails, campaign_excuse: excuseDetails };

function itemCard(app, item) {
  const tz = app.profile.today.tz;
  const reason = h("textarea", { maxlength: 500, "aria-label": T.team.reason,
    placeholder: T.team.reason });
  const approve = h("button", { class: "approve" }, T.team.approve);
  const reject = h("button", { class: "danger reject" }, T.team.reject);
  const card = h("div", { class: "card", dataset: { kind: item.kind, id: item.id } },
    h("h2", {}, item.employee.name), h("p", { class: "muted" }, item.summary),
    ...(item.kind === "checkin" ? checkinDetails(item, tz) : DETAILS[item.kind](item)),
    reason, h("div", { class: "pair" }, approve, reject));
  const decide = async (verdict, button) => {
    if (verdict === "reject" && !reason.value.trim()) { fieldError(card, T.team.needReason); return; }
    const done = busy(button, T.capture.sending);
    try {
      await api.post(`/api/v1/approvals/${item.kind}/${item.id}/${verdict}`,
        { reason: reason.value.trim() });
      card.replaceChildren(h("p", {}, `${item.employee.name}: `,
        verdict === "approve" ? T.team.approved : T.team.rejected));
    } catch (error) {
      fieldError(card, error.message);
      done();
    }
  };
  approve.addEventListener("click", () => decide("approve", approve));
  reject.addEventListener("click", () => decide("reject", reject));
  return card;
}

export async function render(app) {
  const body = await api.get("/api/v1/approvals?limit=50");
  const items = body.items.filter((item) => item.kind === "checkin" || DETAILS[item.kind]);
  return { node: h("section", {}, h("h1", {}, T.team.title),
    items.length ? h("div", { id: "team-queue" }, items.map((item) => itemCard(app, item)))
      : h("p", { class: "card" }, T.team.none)) };
}
