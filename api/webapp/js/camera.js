// The front camera: a live preview and a still captured to JPEG at the size the face engine
// works with (longest side 640 px; a face of a selfie at arm's length is well above 60 px).
const MAX_SIDE = 640;
const QUALITY = 0.9;

export async function start(video, facing = "user") {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw Object.assign(new Error("no camera API"), { name: "SecurityError" });
  }
  const stream = await navigator.mediaDevices.getUserMedia({ audio: false,
    video: { facingMode: facing, width: { ideal: 640 }, height: { ideal: 480 } } });
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute("playsinline", "");
  await video.play();
  return stream;
}

export function stop(stream) {
  if (stream) stream.getTracks().forEach((track) => track.stop());
}

export function capture(video) {
  const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob(
    (blob) => (blob ? resolve(blob) : reject(new Error("capture failed"))), "image/jpeg",
    QUALITY));
}

// The challenge burst: three stills STEP_MS apart while the user moves the phone as told
// ("closer": from arm's length to the face; "farther": the other way). The selfie is the far
// end; the other two frames go with it in capture order. `onShot(n)` after each still.
export const STEP_MS = 1000;

export async function burst(video, instruction, onShot = () => {}) {
  const shots = [];
  for (let n = 0; n < 3; n += 1) {
    if (n) await new Promise((resolve) => setTimeout(resolve, STEP_MS));
    shots.push(await capture(video));
    onShot(n + 1);
  }
  return instruction === "closer" ? { selfie: shots[0], frames: shots.slice(1) }
    : { selfie: shots[2], frames: shots.slice(0, 2) };
}
