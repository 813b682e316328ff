// This browser's stable device id: made once, kept in localStorage, shown to the user so a
// device-change request can name it.
const KEY = "hadir.device_id";

export function deviceId() {
  let id = localStorage.getItem(KEY);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(KEY, id);
  }
  return id;
}
