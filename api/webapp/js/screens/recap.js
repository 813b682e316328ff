// My monthly recap: the Lampiran II figures, the TPP cut and PP 94 year to date.
import * as api from "../api.js";
import { h, row } from "../dom.js";
import { monthNav, routeMonth } from "../month-nav.js";
import { T } from "../texts.js";

function recapCard(line) {
  return h("div", { class: "card", id: "recap" },
    row(T.recap.lateMinutes, line.late_minutes), row(T.recap.earlyMinutes, line.early_minutes),
    row(T.recap.tk, line.tk_days), row(T.recap.leave, line.leave_days),
    row(T.recap.izin, line.izin_days), row(T.recap.workdays, line.workdays),
    row(T.recap.present, line.present_days),
    row(T.recap.attendance, `${line.attendance_percent.toFixed(1)}%`),
    row(T.recap.tpp, `${line.tpp_percent.toFixed(2)}%`));
}

function disciplineCard(line) {
  return h("div", { class: "card" }, h("h2", {}, T.recap.ytdTitle),
    row(T.recap.ytdTk, line.pp94_days),
    row(T.recap.level, line.pp94_level ? `${line.pp94_level}: ${line.pp94_penalty}`
      : T.recap.none));
}

export async function render(app, [monthParam]) {
  const month = routeMonth(monthParam, app.profile.today.work_date);
  const body = await api.get(`/api/v1/me/recap?month=${month}`);
  const lines = body.rows.map((line) => [
    body.rows.length > 1 ? h("h2", {}, line.opd_name) : null, recapCard(line)]);
  return { node: h("section", {},
    h("h1", {}, T.recap.title),
    monthNav(app, "rekap", month),
    body.rows.length ? lines : h("p", { class: "card" }, T.recap.noRows),
    body.rows.length ? disciplineCard(body.rows[0]) : null) };
}
