// Beranda: today's schedule and status, the next action (Masuk / Pulang), what waits in the
// outbox, and today's attempts.
import * as api from "../api.js";
import { h, row } from "../dom.js";
import { clockTime, dayText, hhmm, localDate, serverNow } from "../format.js";
import * as outbox from "../outbox.js";
import { T } from "../texts.js";

function scheduleCard(today) {
  const lines = [h("div", { class: "big" }, dayText(today.work_date))];
  if (!today.workday) {
    lines.push(h("p", {}, today.holiday_name ? T.home.holiday(today.holiday_name) : T.home.off));
  } else {
    lines.push(h("p", { class: "muted" }, `${T.home.workday} · ` +
      `${T.home.windowIn(hhmm(today.checkin_open), hhmm(today.checkin_close))}, ` +
      `${T.home.windowOut(hhmm(today.checkout_open), hhmm(today.checkout_close))}`));
  }
  return h("div", { class: "card" }, ...lines);
}

function statusCard(app, day, tz) {
  if (day === undefined) return null; // not known (offline)
  if (day === null) day = { label: T.home.notYet };
  const late = day.late_minutes ? ` (${T.home.late(day.late_minutes)})` : "";
  const early = day.early_minutes && day.check_out_at ? ` (${T.home.early(day.early_minutes)})` : "";
  return h("div", { class: "card", id: "today-status" },
    h("h2", {}, T.home.today),
    row(T.home.arrived, day.check_in_at ? clockTime(day.check_in_at, tz) + late : T.home.none),
    row(T.home.left, day.check_out_at ? clockTime(day.check_out_at, tz) + early : T.home.none),
    row(T.home.status, day.status ? app.statusText(day) : day.label),
    day.has_pending ? h("p", { class: "muted" }, T.home.pendingDay) : null);
}

function nextKind(schedule, day, events, waiting, tz) {
  const queuedToday = waiting.filter((c) => localDate(c.capturedAt, tz) === schedule.work_date);
  const inWaiting = [...events.filter((e) => e.status === "PENDING"), ...queuedToday]
    .some((attempt) => attempt.kind === "in");
  // a check-in is taken until the working day ends (late ones are counted); after that, out
  const inOver = schedule.end && serverNow() > new Date(schedule.end);
  return (day && day.check_in_at) || inWaiting || inOver ? "out" : "in";
}

function outboxCard(app, waiting) {
  if (!waiting.length) return null;
  const tz = app.profile.today.tz;
  const send = h("button", { class: "secondary", onclick: async () => {
    send.disabled = true;
    send.textContent = T.outbox.sending;
    await app.sendOutbox();
    app.go(`beranda/${Date.now()}`);
  } }, T.outbox.sendNow);
  return h("div", { class: "card wait", id: "outbox" },
    h("h2", {}, T.outbox.waiting(waiting.length)),
    h("p", {}, T.outbox.explain),
    h("ul", { class: "list" }, waiting.map((c) => h("li", {},
      `${c.kind === "in" ? T.home.checkIn : T.home.checkOut} · ` +
      T.outbox.captured(clockTime(c.capturedAt, tz))))),
    app.offline ? null : send);
}

// The campaigns that ask this employee to report today: each window with its state, the
// report button while one is open and not yet reported, and the reports already sent.
function campaignsCard(app, campaigns, tz) {
  return campaigns.map(({ campaign, today, history }) => {
    const open = today.find((w) => w.status === "open");
    return h("div", { class: "card", id: `campaign-${campaign.id}` },
      h("h2", {}, T.report.card(campaign.name)), h("p", { class: "muted" }, T.report.explain),
      h("ul", { class: "list" }, today.map((w) => h("li", {},
        h("span", { class: `tag ${w.status}` }, T.report.status[w.status]), " ", w.label,
        w.report ? ` · ${T.report.at(clockTime(w.report.reported_at, tz))}` : "",
        w.report && !w.report.inside_zone ? ` · ${T.report.outside}` : ""))),
      open ? h("button", { class: "huge", id: `report-${campaign.id}`,
        onclick: () => app.go(`presensi/lapor/${campaign.id}`) }, T.report.now) : null,
      history.length ? h("p", { class: "muted" }, `${T.report.history}: ` + history.slice(0, 5)
        .map((r) => `${dayText(r.work_date)} ${clockTime(r.reported_at, tz)}`).join(", "))
        : null,
      h("button", { class: "link", id: `excuse-${campaign.id}`,
        onclick: () => app.go(`alasan/${campaign.id}`) }, T.report.excuse));
  });
}

function eventsCard(events, tz) {
  if (!events.length) return null;
  return h("div", { class: "card" }, h("h2", {}, T.home.todayEvents),
    h("ul", { class: "list" }, events.map((e) => h("li", {},
      h("span", { class: `tag ${e.status}` }, T.result[e.status]), " ",
      `${e.kind === "in" ? T.home.arrived : T.home.left} ${clockTime(e.recorded_at, tz)}`))));
}

export async function render(app) {
  const profile = app.profile;
  const tz = profile.today.tz;
  const date = profile.today.work_date;
  let day; // undefined: unknown; null: no record yet today
  let events = [];
  let campaigns = [];
  if (!app.offline) {
    try {
      await app.loadProfile();
      [day, events, campaigns] = await Promise.all([
        api.get(`/api/v1/attendance/days?from=${date}&to=${date}`).then((b) => b.items[0] || null),
        api.get(`/api/v1/attendance/checkins?employee=${profile.id}&from=${date}&to=${date}`)
          .then((b) => b.items),
        api.get("/api/v1/campaigns/mine")]);
    } catch (error) {
      if (!(error instanceof api.NetworkError)) throw error;
    }
  }
  const waiting = await outbox.waiting(profile.id);
  const kind = nextKind(profile.today, day, events, waiting, tz);
  const label = kind === "in" ? T.home.checkIn : (day && day.check_out_at ? T.home.again
    : T.home.checkOut);
  const other = kind === "in" ? T.home.checkOut : T.home.checkIn;
  return { node: h("section", {},
    h("h1", {}, T.home.greeting(app.profile.name)),
    app.offline ? h("p", { class: "card wait" }, T.home.offlineProfile) : null,
    profile.face_enrolled ? null : h("p", { class: "card bad" }, T.home.noFace),
    outboxCard(app, waiting),
    ...campaignsCard(app, campaigns, tz),
    scheduleCard(app.profile.today),
    h("button", { class: "huge", id: "act", onclick: () => app.go(`presensi/${kind}`) }, label),
    h("button", { class: "link", onclick: () => app.go(`presensi/${kind === "in" ? "out" : "in"}`) },
      T.home.other(other)),
    statusCard(app, day, tz),
    eventsCard(events, tz)) };
}
