// Presensi: live front camera and GPS, one capture, its answer. Where the server asks for the
// liveness challenge, the capture is a short burst: the server draws the instruction (bring
// the phone closer, or take it further away), the guide shows it, and three stills are taken
// while the user moves. A refusal that asks for something (a purpose and note, a better GPS
// fix) is fixed here and the same capture is sent again with the same key; an unanswered
// send leaves the capture in the outbox. The same screen sends a campaign's whereabouts
// report (#/presensi/lapor/<campaign id>): the capture goes to the campaign, not the outbox.
import * as camera from "../camera.js";
import { GPS_LIMIT_M, fetchChallenge, newCapture, send, sendReport } from "../checkins.js";
import { busy, h } from "../dom.js";
import { clockTime, serverNow } from "../format.js";
import * as geo from "../geo.js";
import { T } from "../texts.js";

const FIXABLE = new Set(["NOTE_REQUIRED", "LOW_ACCURACY"]);
const GET_READY_MS = 2000; // to read the instruction and hold the phone at the start

function problemCard(title, advice, action) {
  return h("div", { class: "card bad", role: "alert", id: "problem" },
    h("h2", {}, title), h("p", {}, advice), action);
}

function gpsLine(fix) {
  if (!fix) return [h("span", { class: "dot" }), T.capture.gpsWaiting];
  const poor = fix.accuracy > GPS_LIMIT_M;
  return [h("span", { class: `dot ${poor ? "warn" : "ok"}` }),
    poor ? T.capture.gpsPoor(fix.accuracy) : T.capture.gpsFix(fix.accuracy)];
}

function answerCard(app, answer, capture) {
  const tz = app.profile.today.tz;
  const tone = { ACCEPTED: "good", PENDING: "wait", REJECTED: "bad" }[answer.status];
  const card = h("div", { class: `card ${tone}`, id: "answer", role: "status" },
    h("h2", {}, T.result[answer.status]), h("p", {}, answer.message));
  if (answer.status === "PENDING") {
    for (const code of answer.codes) if (T.pending[code]) card.append(h("p", {}, T.pending[code]));
    if (answer.captured_at) {
      card.append(h("p", { class: "muted" }, T.result.captured(clockTime(answer.captured_at, tz),
        clockTime(answer.recorded_at, tz))));
    }
  }
  if (answer.status === "REJECTED") {
    const advice = answer.codes.map((code) => T.advice[code]).filter(Boolean);
    if (advice.length) {
      card.append(h("h2", {}, T.result.fix), h("ul", { class: "steps" },
        advice.map((text) => h("li", {}, text))));
    }
  }
  return card;
}

function purposeForm(capture) {
  const choices = Object.entries(T.result.purposes).map(([value, label]) => h("label",
    { class: "choice" }, h("input", { type: "radio", name: "purpose", value,
      checked: capture.purpose === value }), label));
  const note = h("textarea", { id: "note", maxlength: 500,
    placeholder: T.result.notePlaceholder }, capture.note || "");
  const form = h("div", { class: "card", id: "purpose-form" },
    h("h2", {}, T.result.purposeTitle), ...choices,
    h("label", { for: "note" }, T.result.note), note);
  form.read = () => ({ purpose: (form.querySelector("input[name=purpose]:checked") || {}).value,
    note: note.value.trim() });
  return form;
}

function reportCard(answer) {
  return h("div", { class: `card ${answer.inside_zone ? "good" : "wait"}`, id: "answer",
    role: "status" }, h("h2", {}, T.report.recorded), h("p", {}, answer.message));
}

export async function render(app, [kindParam, campaignParam]) {
  const kind = kindParam === "out" ? "out" : "in";
  const campaign = kindParam === "lapor" ? Number(campaignParam) : null;
  const view = h("section", {});
  const video = h("video", { autoplay: true, muted: true, playsinline: true });
  const still = h("img", { alt: "", hidden: true });
  const guide = h("div", { class: "guide" });
  const cue = h("div", { class: "cue", id: "cue", hidden: true, "aria-live": "assertive" });
  const frame = h("div", { class: "camera" }, video, still, guide, cue);
  const gps = h("div", { class: "gps", id: "gps" }, ...gpsLine(null));
  const controls = h("div", {});
  const answerArea = h("div", {});
  let stream = null;
  let fix = null;
  let gpsError = null;
  let capture = null;
  let onFix = () => {}; // what the current state does when the GPS fix changes

  const title = campaign ? T.report.title : kind === "in" ? T.capture.titleIn
    : T.capture.titleOut;
  view.append(h("h1", {}, title), frame, gps, answerArea, controls);

  const stopGps = geo.watch((next) => {
    fix = next;
    gpsError = null;
    gps.replaceChildren(...gpsLine(fix));
    onFix();
  }, (error) => {
    gpsError = T.location[error.code] || T.location[2];
    if (!fix) gps.replaceChildren(h("span", { class: "dot bad" }), gpsError[0]);
    onFix();
  });

  function backHome() { return h("button", { class: "secondary", onclick: () => app.go("beranda") },
    T.capture.back); }

  function showPreview() {
    capture = null;
    onFix = () => {};
    still.hidden = true;
    video.hidden = false;
    answerArea.replaceChildren();
    const shoot = h("button", { id: "shoot", class: "huge" }, T.capture.shoot);
    shoot.addEventListener("click", async () => {
      const done = busy(shoot, T.challenge.preparing);
      let shot;
      try {
        shot = app.profile.liveness_challenge ? await followChallenge(shoot) : await single();
      } catch (error) {
        done();
        answerArea.replaceChildren(h("div", { class: "card bad", role: "alert" }, error.message));
        return;
      }
      still.src = URL.createObjectURL(shot.selfie);
      still.hidden = false;
      video.hidden = true;
      showCaptured(shot, shot.capturedAt);
    });
    controls.replaceChildren(h("ul", { class: "steps muted" },
      T.capture.steps.map((text) => h("li", {}, text))), shoot, backHome());
  }

  async function single() {
    const capturedAt = serverNow().toISOString();
    return { selfie: await camera.capture(video), capturedAt };
  }

  // The burst under a fresh challenge; without a network, a single still (it goes to the
  // outbox and is reviewed as an offline capture).
  async function followChallenge(button) {
    const challenge = await fetchChallenge();
    if (!challenge) return single();
    const move = challenge.instruction;
    button.textContent = T.challenge.follow;
    cue.hidden = false;
    cue.textContent = T.challenge.ready[move];
    guide.className = `guide start-${move}`;
    await new Promise((resolve) => setTimeout(resolve, GET_READY_MS));
    cue.textContent = T.challenge.move[move];
    guide.className = `guide moving-${move}`;
    const capturedAt = serverNow().toISOString();
    const shot = await camera.burst(video, move, (n) => { cue.dataset.shots = String(n); });
    cue.hidden = true;
    guide.className = "guide";
    const at = move === "closer" ? capturedAt : serverNow().toISOString(); // the far end
    return { ...shot, challenge, capturedAt: at };
  }

  function showCaptured(shot, capturedAt) {
    const sendButton = h("button", { id: "send", class: "huge" },
      campaign ? T.report.send : T.capture.send);
    const waitFix = h("p", { class: "muted" }, T.capture.needFix);
    onFix = () => {
      sendButton.disabled = !fix;
      waitFix.hidden = Boolean(fix);
      if (gpsError && !fix) waitFix.textContent = `${gpsError[0]} ${gpsError[1]}`;
    };
    onFix();
    sendButton.addEventListener("click", async () => {
      onFix = () => {};
      capture = newCapture(app.profile.id, kind, shot, fix, capturedAt);
      await (campaign ? submitReport(sendButton) : submit(sendButton));
    });
    controls.replaceChildren(waitFix, sendButton,
      h("button", { class: "secondary", onclick: showPreview }, T.capture.retake));
  }

  async function submit(button, options = {}) {
    const done = busy(button, T.capture.sending);
    let result;
    try {
      result = await send(capture, options);
    } catch (error) {
      done();
      answerArea.replaceChildren(h("div", { class: "card bad", role: "alert" }, error.message));
      return;
    }
    if (result.queued) { showQueued(result.reason); return; }
    showAnswer(result.answer);
  }

  async function submitReport(button) {
    const done = busy(button, T.capture.sending);
    try {
      const answer = await sendReport(capture, campaign);
      answerArea.replaceChildren(reportCard(answer));
      camera.stop(stream);
      controls.replaceChildren(backHome());
    } catch (error) {
      done();
      answerArea.replaceChildren(h("div", { class: "card bad", role: "alert", id: "answer" },
        error.message));
    }
  }

  function showQueued(reason) {
    const retry = h("button", { id: "retry" }, T.result.tryNow);
    retry.addEventListener("click", () => submit(retry));
    answerArea.replaceChildren(h("div", { class: "card wait", id: "queued", role: "status" },
      h("h2", {}, T.result.queued),
      h("p", {}, reason === "server" ? T.result.serverDown : T.result.queuedText)));
    controls.replaceChildren(...(reason === "server" ? [retry] : []), backHome());
    camera.stop(stream);
  }

  function showAnswer(answer) {
    answerArea.replaceChildren(answerCard(app, answer, capture));
    const code = answer.codes[answer.codes.length - 1]; // the refusal ends the checks
    const fixable = answer.status === "REJECTED" && FIXABLE.has(code);
    if (!fixable) {
      camera.stop(stream);
      const again = h("button", { id: "new-photo", onclick: () => restart() }, T.result.newPhoto);
      controls.replaceChildren(...(answer.status === "REJECTED" ? [again] : []), backHome());
      return;
    }
    const resend = h("button", { id: "resend", class: "huge" },
      code === "LOW_ACCURACY" ? T.result.resendFix : T.result.resend);
    const extra = code === "NOTE_REQUIRED" ? purposeForm(capture) : null;
    const error = h("p", { class: "field-error", hidden: true }, T.result.needPurpose);
    resend.addEventListener("click", async () => {
      if (extra) {
        const { purpose, note } = extra.read();
        error.hidden = Boolean(purpose && note);
        if (!purpose || !note) return;
        Object.assign(capture, { purpose, note });
      } else if (fix) {
        Object.assign(capture, { lat: fix.lat, lon: fix.lon, accuracy: fix.accuracy });
      }
      await submit(resend);
    });
    controls.replaceChildren(...[extra, error, resend, backHome()].filter(Boolean));
  }

  async function restart() {
    try {
      if (!stream || !stream.active) stream = await camera.start(video);
      showPreview();
    } catch (error) {
      const [title, advice] = T.camera[error.name] || T.camera.other;
      frame.hidden = true;
      controls.replaceChildren(problemCard(title, advice,
        h("button", { onclick: () => { frame.hidden = false; restart(); } }, T.camera.retry)),
      backHome());
    }
  }

  controls.append(h("p", { class: "muted" }, T.capture.cameraStarting));
  restart();
  return { node: view, leave: () => { camera.stop(stream); stopGps(); } };
}
