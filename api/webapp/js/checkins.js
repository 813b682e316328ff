// Sending a capture. A capture is one selfie with its GPS fix and capture time, and one
// Idempotency-Key for every send of it: retries, a resend after a fixable refusal, and the
// outbox's send when the network is back. What the server did not answer goes to the outbox.
// A capture taken under a liveness challenge carries the challenge and its burst of frames;
// sent later from the outbox it is judged without it (an offline capture waits for review).
import { ApiError, NetworkError, call } from "./api.js";
import { deviceId } from "./device.js";
import * as outbox from "./outbox.js";

export const GPS_LIMIT_M = 100; // the default geofence accuracy limit (rule parameter)

export function newCapture(employeeId, kind, shot, fix, capturedAt) {
  return { key: crypto.randomUUID(), employeeId, kind, selfie: shot.selfie,
    frames: shot.frames || [], challenge: shot.challenge || null, lat: fix.lat, lon: fix.lon,
    accuracy: fix.accuracy, capturedAt, note: "", purpose: null };
}

// A fresh challenge for the next capture from this phone, or null without a network.
export async function fetchChallenge() {
  try {
    return (await call("POST", "/api/v1/attendance/challenges",
      { json: { device_id: deviceId() } })).body;
  } catch (error) {
    if (error instanceof NetworkError) return null;
    throw error;
  }
}

function form(capture, offline) {
  const data = new FormData();
  data.set("kind", capture.kind);
  data.set("lat", String(capture.lat));
  data.set("lon", String(capture.lon));
  data.set("accuracy_m", String(capture.accuracy));
  data.set("is_mock", "false");
  data.set("device_id", deviceId());
  data.set("client_time", capture.capturedAt);
  data.set("note", capture.note || "");
  if (capture.purpose) data.set("purpose", capture.purpose);
  data.set("offline", offline ? "true" : "false");
  data.set("client", "web");
  data.set("selfie", capture.selfie, "swafoto.jpg");
  if (capture.challenge) {
    data.set("challenge_id", String(capture.challenge.challenge_id));
    data.set("challenge_nonce", capture.challenge.nonce);
    capture.frames.forEach((frame, n) => data.append("frames", frame, `rangkaian-${n + 1}.jpg`));
  }
  return data;
}

// A whereabouts report (a campaign's window): the same capture, no outbox (a report counts
// only inside its window, so a late send would be refused anyway).
export async function sendReport(capture, campaignId) {
  const data = form(capture, false);
  for (const field of ["kind", "client_time", "note", "offline"]) data.delete(field);
  const result = await call("POST", `/api/v1/campaigns/${campaignId}/reports`, {
    timeoutMs: 30000, form: data, headers: { "Idempotency-Key": capture.key } });
  return result.body;
}

// {answer} when the server judged it; {queued, reason} when it is kept for later.
export async function send(capture, { offline = false } = {}) {
  try {
    const result = await call("POST", "/api/v1/attendance/checkins", { timeoutMs: 30000,
      form: form(capture, offline), headers: { "Idempotency-Key": capture.key } });
    await outbox.drop(capture.key);
    return { answer: result.body };
  } catch (error) {
    const unavailable = error instanceof ApiError && error.status >= 500;
    if (!(error instanceof NetworkError) && !unavailable) throw error;
    await outbox.keep(capture);
    return { queued: true, reason: unavailable ? "server" : "network" };
  }
}

// Send what waits in the outbox, oldest first, always as offline captures (PENDING review).
export async function flush(employeeId) {
  let sent = 0;
  for (const capture of await outbox.waiting(employeeId)) {
    const result = await send(capture, { offline: true }).catch(() => ({ queued: true }));
    if (result.queued) break;
    sent += 1;
  }
  return sent;
}
