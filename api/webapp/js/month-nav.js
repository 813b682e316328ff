// The month shown by a screen, from its route, and the buttons to the months around it.
import { h } from "./dom.js";
import { monthText, shiftMonth } from "./format.js";
import { T } from "./texts.js";

export function routeMonth(param, today) {
  return /^\d{4}-\d{2}$/.test(param || "") ? param : today.slice(0, 7);
}

export function monthNav(app, route, month) {
  const go = (delta) => () => app.go(`${route}/${shiftMonth(month, delta)}`);
  return [h("div", { class: "pair" },
    h("button", { class: "secondary", onclick: go(-1) }, `‹ ${T.calendar.prev}`),
    h("button", { class: "secondary", onclick: go(1) }, `${T.calendar.next} ›`)),
  h("h2", {}, monthText(month))];
}
