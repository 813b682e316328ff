// Kotak masuk: decisions on my requests and check-ins, and changes to my records.
import * as api from "../api.js";
import { h } from "../dom.js";
import { dateTimeText } from "../format.js";
import { T } from "../texts.js";

export async function render(app) {
  const { items } = await api.get("/api/v1/me/inbox");
  const tz = app.profile.today.tz;
  return { node: h("section", {}, h("h1", {}, T.inbox.title),
    items.length ? h("ul", { class: "list card", id: "inbox" }, items.map((item) => h("li", {},
      h("span", { class: `tag ${item.status}` }, T.inbox.statuses[item.status] || item.status),
      " ", h("b", {}, item.title),
      h("div", { class: "muted" }, [dateTimeText(item.at, tz),
        item.by ? T.inbox.by(item.by) : null].filter(Boolean).join(" · ")),
      item.reason ? h("div", {}, item.reason) : null)))
      : h("p", { class: "card" }, T.inbox.none)) };
}
