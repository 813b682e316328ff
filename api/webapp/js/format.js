// Time as the server sees it. The device clock may be wrong; the offset to the server's clock,
// measured at each /me, corrects it. Dates and times are shown in the office's time zone.
import { MONTHS, WEEKDAYS, ZONES } from "./texts.js";

const OFFSET_KEY = "hadir.clock_offset_ms";

export function noteServerTime(iso) {
  const offset = Date.parse(iso) - Date.now();
  if (Number.isFinite(offset)) localStorage.setItem(OFFSET_KEY, String(offset));
}

export function serverNow() {
  return new Date(Date.now() + Number(localStorage.getItem(OFFSET_KEY) || 0));
}

function parts(date, tz) {
  const values = {};
  for (const p of new Intl.DateTimeFormat("en-GB", { timeZone: tz, year: "numeric",
    month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    weekday: "short" }).formatToParts(date)) values[p.type] = p.value;
  return values;
}

export function clockTime(iso, tz) {
  if (!iso) return "—";
  const p = parts(new Date(iso), tz);
  return `${p.hour}:${p.minute} ${ZONES[tz] || tz}`;
}

export function localDate(iso, tz) {
  const p = parts(new Date(iso), tz);
  return `${p.year}-${p.month}-${p.day}`;
}

export function dayText(isoDate) {
  const [y, m, d] = isoDate.split("-").map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return `${WEEKDAYS[weekday]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

export function monthText(isoMonth) {
  const [y, m] = isoMonth.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

export function dateTimeText(iso, tz) {
  if (!iso) return "—";
  const p = parts(new Date(iso), tz);
  return `${Number(p.day)} ${MONTHS[Number(p.month) - 1].slice(0, 3)} ${p.hour}:${p.minute} ` +
    `${ZONES[tz] || tz}`;
}

export function hhmm(isoTime) {
  return isoTime ? isoTime.slice(11, 16).replace(":", ".") : "—";
}

export function shiftMonth(isoMonth, delta) {
  const [y, m] = isoMonth.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function monthDays(isoMonth) {
  const [y, m] = isoMonth.split("-").map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  return { count, first, from: `${isoMonth}-01`, to: `${isoMonth}-${String(count).padStart(2, "0")}` };
}
