// The controller: restores the session, routes between screens (#/…), keeps the header, the
// tabs and the offline state current, and sends the outbox whenever the network is back.
import * as api from "./api.js";
import { flush } from "./checkins.js";
import { h } from "./dom.js";
import { noteServerTime } from "./format.js";
import { T } from "./texts.js";
import * as absence from "./screens/absence.js";
import * as calendar from "./screens/calendar.js";
import * as capture from "./screens/capture.js";
import * as device from "./screens/device.js";
import * as enrol from "./screens/enrol.js";
import * as excuse from "./screens/excuse.js";
import * as home from "./screens/home.js";
import * as inbox from "./screens/inbox.js";
import * as login from "./screens/login.js";
import * as more from "./screens/more.js";
import * as password from "./screens/password.js";
import * as recap from "./screens/recap.js";
import * as team from "./screens/team.js";

const PROFILE_KEY = "hadir.profile";
const SCREENS = { "": home, beranda: home, masuk: login, sandi: password, presensi: capture,
  kalender: calendar, rekap: recap, ajukan: absence, "kotak-masuk": inbox, tim: team,
  lainnya: more, perangkat: device, wajah: enrol, alasan: excuse };
const OPEN = new Set(["masuk"]); // screens without a session

const app = {
  profile: null,
  offline: false,
  labels: {},
  statusText(day) {
    const text = day.label || day.status;
    return app.labels[text] ? `${app.labels[text]} (${text})` : text;
  },
  go(route) { location.hash = `#/${route}`; },
  toast(text) {
    const box = document.getElementById("toast");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(app.toastTimer);
    app.toastTimer = setTimeout(() => { box.hidden = true; }, 6000);
  },
  supervises() {
    return Boolean(app.profile && app.profile.roles.some((r) => r === "atasan" || r === "kepala_opd"));
  },
  async loadProfile() {
    const profile = await api.get("/api/v1/me");
    noteServerTime(profile.server_time);
    if (!profile.must_change_password && !Object.keys(app.labels).length) {
      const codes = await api.get("/api/v1/rules/codes");
      app.labels = Object.fromEntries(codes.map((c) => [c.code, c.label]));
    }
    app.setProfile(profile);
    return profile;
  },
  setProfile(profile) {
    app.profile = profile;
    if (profile) localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
    else localStorage.removeItem(PROFILE_KEY);
    drawChrome();
  },
  async signedIn(body) {
    await app.loadProfile();
    app.go(body.must_change_password ? "sandi" : "beranda");
  },
  async signOut() {
    await api.logout();
    app.setProfile(null);
    app.go("masuk");
  },
  async sendOutbox() {
    if (!app.profile || !api.hasSession()) return 0;
    const sent = await flush(app.profile.id).catch(() => 0);
    if (sent) app.toast(T.outbox.sent);
    return sent;
  },
};

let leave = null;
let shown = 0; // the newest navigation wins: a slower earlier screen is never mounted over it

function drawChrome() {
  const profile = app.profile;
  document.getElementById("who").textContent = profile ? profile.name : "";
  const tabs = document.getElementById("tabs");
  const shown = profile && !profile.must_change_password;
  tabs.hidden = !shown;
  if (!shown) return;
  const items = [["beranda", T.tabs.home, "⌂"], ["kalender", T.tabs.calendar, "▦"],
    ["ajukan", T.tabs.request, "✎"], ["kotak-masuk", T.tabs.inbox, "✉"]];
  if (app.supervises()) items.push(["tim", T.tabs.team, "✓"]);
  items.push(["lainnya", T.tabs.more, "☰"]);
  const current = (location.hash.slice(2).split("/")[0]) || "beranda";
  tabs.replaceChildren(...items.map(([route, label, glyph]) => h("a", {
    href: `#/${route}`, "aria-current": route === current ? "page" : null },
  h("span", { class: "glyph", "aria-hidden": "true" }, glyph), label)));
}

function drawNetwork() {
  app.offline = !navigator.onLine;
  document.getElementById("net").hidden = !app.offline;
}

async function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const screen = SCREENS[name] || home;
  if (!OPEN.has(name) && !app.profile) { app.go("masuk"); return; }
  if (app.profile && app.profile.must_change_password && screen !== password) {
    app.go("sandi");
    return;
  }
  if (leave) { leave(); leave = null; }
  drawChrome();
  const main = document.getElementById("screen");
  const mine = ++shown;
  let result;
  try {
    result = await screen.render(app, rest);
  } catch (error) {
    result = { node: h("div", { class: "card bad", role: "alert" }, error.message) };
  }
  if (mine !== shown) {
    if (result.leave) result.leave();
    return;
  }
  main.replaceChildren(result.node);
  leave = result.leave || null;
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

async function restore() {
  const cached = localStorage.getItem(PROFILE_KEY);
  try {
    if (await api.refresh()) {
      await app.loadProfile();
      return;
    }
    app.setProfile(null); // the cookie is gone or revoked: sign in again
  } catch {
    // no network: carry on with the profile this phone last saw; captures go to the outbox
    if (cached) app.setProfile(JSON.parse(cached));
  }
}

async function boot() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/presensi/sw.js", { scope: "/presensi/" }).catch(() => {});
  }
  // ask the browser not to evict the outbox under storage pressure (Safari evicts otherwise)
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  drawNetwork();
  window.addEventListener("online", async () => {
    drawNetwork();
    if (!api.hasSession() && app.profile) await api.refresh().catch(() => false);
    if (await app.sendOutbox()) route();
  });
  window.addEventListener("offline", drawNetwork);
  window.addEventListener("hashchange", route);
  api.onSessionExpired(() => {
    if (!app.profile) return;
    app.toast(T.error.expired);
    app.setProfile(null);
    app.go("masuk");
  });
  await restore();
  await app.sendOutbox();
  setInterval(() => { if (navigator.onLine) app.sendOutbox(); }, 60000);
  await route();
}

boot();
