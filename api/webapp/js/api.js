// The one API client. The access token lives only in this module's memory (a reload asks for a
// new one); the refresh token is an HttpOnly cookie the page cannot read, renewed through
// /auth/refresh with the CSRF token of its companion cookie. Failures become ApiError (the
// server's code and Bahasa message) or NetworkError (no answer at all).
import { T } from "./texts.js";

let accessToken = null;
let refreshing = null;
const expiredListeners = new Set();

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    Object.assign(this, { status, code, details });
  }
}

export class NetworkError extends Error {
  constructor() { super(T.error.network); }
}

export function onSessionExpired(listener) { expiredListeners.add(listener); }
export function hasSession() { return accessToken !== null; }

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)hadir_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

async function send(method, path, { json, form, headers = {}, timeoutMs = 20000,
  auth = true } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const init = { method, headers: { ...headers }, signal: controller.signal,
    credentials: "same-origin", cache: "no-store" };
  if (auth && accessToken) init.headers.Authorization = `Bearer ${accessToken}`;
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  }
  if (form) init.body = form;
  try {
    return await fetch(path, init);
  } catch {
    throw new NetworkError();
  } finally {
    clearTimeout(timer);
  }
}

async function answer(response) {
  const isJson = (response.headers.get("Content-Type") || "").includes("json");
  const body = isJson ? await response.json().catch(() => null) : null;
  if (response.ok) return { status: response.status, body, headers: response.headers };
  const error = body && body.error;
  const failure = new ApiError(response.status, error ? error.code : `HTTP_${response.status}`,
    error ? error.message : T.error.server(response.status), error && error.details);
  failure.body = body; // a check-in answered 503 still carries its answer
  throw failure;
}

export async function refresh() {
  if (!csrfToken()) return false; // never signed in here, or signed out: no session cookie
  if (!refreshing) {
    refreshing = (async () => {
      try {
        const response = await send("POST", "/api/v1/auth/refresh", { auth: false,
          headers: { "X-CSRF-TOKEN": csrfToken() } });
        if (!response.ok) { accessToken = null; return false; }
        accessToken = (await response.json()).access_token;
        return true;
      } finally { refreshing = null; }
    })();
  }
  return refreshing;
}

export async function call(method, path, options = {}) {
  let response = await send(method, path, options);
  if (response.status === 401 && options.auth !== false) {
    if (await refresh()) {
      response = await send(method, path, options);
    } else {
      expiredListeners.forEach((listener) => listener());
    }
  }
  return answer(response);
}

export async function get(path) { return (await call("GET", path)).body; }
export async function post(path, json) { return (await call("POST", path, { json })).body; }

export async function blob(path) {
  let response = await send("GET", path);
  if (response.status === 401 && await refresh()) response = await send("GET", path);
  if (!response.ok) return answer(response);
  return response.blob();
}

export async function login(nip, password) {
  const result = await answer(await send("POST", "/api/v1/auth/login", { auth: false,
    json: { nip, password, refresh_cookie: true } }));
  accessToken = result.body.access_token;
  return result.body;
}

export async function changePassword(oldPassword, newPassword) {
  const body = await post("/api/v1/auth/password", { old_password: oldPassword,
    new_password: newPassword });
  accessToken = body.access_token;
  return body;
}

export async function logout() {
  try { await call("POST", "/api/v1/auth/logout", { json: {} }); } catch { /* gone anyway */ }
  accessToken = null;
}
