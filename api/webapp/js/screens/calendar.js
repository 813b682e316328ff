// This month's calendar: each day's code, and the day's times and minutes on a tap.
import * as api from "../api.js";
import { h, row } from "../dom.js";
import { clockTime, dayText, monthDays } from "../format.js";
import { monthNav, routeMonth } from "../month-nav.js";
import { T, WEEKDAYS } from "../texts.js";

const EXCUSED = new Set(["CT", "CB", "CS", "CM", "CAP", "CB-BERSAMA", "CLTN", "S", "I", "DL",
  "DIK", "TB"]);

function tone(day) {
  if (!day) return "";
  if (EXCUSED.has(day.status)) return "excused";
  if ((day.status === "H" || day.status === "WFH") && (day.late_minutes || day.early_minutes)) {
    return "late";
  }
  return day.status;
}

function details(app, day, tz) {
  const source = T.calendar.sources[day.source] || day.source;
  return h("div", { class: "card", id: "day-details" }, h("h2", {}, dayText(day.work_date)),
    row(T.home.status, app.statusText(day)),
    row(T.calendar.checkIn, clockTime(day.check_in_at, tz)),
    row(T.calendar.checkOut, clockTime(day.check_out_at, tz)),
    row(T.calendar.late, T.calendar.minutes(day.late_minutes)),
    row(T.calendar.early, T.calendar.minutes(day.early_minutes)),
    row(T.calendar.source, source));
}

export async function render(app, [monthParam]) {
  const today = app.profile.today.work_date;
  const month = routeMonth(monthParam, today);
  const { count, first, from, to } = monthDays(month);
  const body = await api.get(`/api/v1/attendance/days?from=${from}&to=${to}`);
  const byDate = Object.fromEntries(body.items.map((day) => [day.work_date, day]));
  const tz = app.profile.today.tz;
  const panel = h("div", {}, h("p", { class: "muted" }, body.items.length ? T.calendar.pick
    : T.calendar.empty));
  const cells = WEEKDAYS.map((name) => h("div", { class: "head" }, name.slice(0, 3)));
  for (let i = 0; i < first; i += 1) cells.push(h("div", {}));
  for (let d = 1; d <= count; d += 1) {
    const date = `${month}-${String(d).padStart(2, "0")}`;
    const day = byDate[date];
    cells.push(h("button", { class: `${tone(day)} ${date === today ? "today" : ""}`,
      "aria-label": dayText(date), dataset: { date },
      onclick: () => day && panel.replaceChildren(details(app, day, tz)) },
    String(d), h("small", {}, day ? (day.label || day.status).split("/")[0] : "")));
  }
  return { node: h("section", {},
    h("h1", {}, T.calendar.title),
    monthNav(app, "kalender", month),
    h("div", { class: "calendar" }, cells), panel) };
}
