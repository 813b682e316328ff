// A supporting document: a PDF or picture chosen from the phone, or a photo taken with the
// camera. Used by the absence request and the campaign excuse.
import { h } from "./dom.js";
import { T } from "./texts.js";

export function documentPicker() {
  const file = h("input", { id: "document", type: "file", accept: "application/pdf,image/*" });
  const photo = h("input", { id: "document-photo", type: "file", accept: "image/*",
    capture: "environment", hidden: true });
  const chosen = h("p", { class: "muted" });
  const picker = { file: null };
  for (const input of [file, photo]) {
    input.addEventListener("change", () => {
      picker.file = input.files[0] || null;
      chosen.textContent = picker.file ? T.absence.chosen(picker.file.name) : "";
    });
  }
  picker.nodes = [h("label", { for: "document" }, T.absence.document), file,
    h("button", { type: "button", class: "secondary", onclick: () => photo.click() },
      T.absence.photo), photo, chosen];
  return picker;
}

// The API's refusal with its field details, in one line under the form.
export function refusalText(error) {
  const details = error.details && Object.values(error.details).flat().join(" ");
  return details ? `${error.message} ${details}` : error.message;
}
