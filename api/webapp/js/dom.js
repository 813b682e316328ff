// Tiny DOM helpers: elements are built with textContent, never innerHTML, so nothing a user
// or the server wrote can become markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      el.className = value;
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (key === "value") {
      el.value = value;
    } else {
      el.setAttribute(key, value === true ? "" : value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function row(label, value) {
  return h("div", { class: "row" }, h("span", {}, label), h("b", {}, value));
}

export function fieldError(form, message) {
  const old = form.querySelector(".field-error.form");
  if (old) old.remove();
  if (message) form.append(h("p", { class: "field-error form", role: "alert" }, message));
}

export function busy(button, text) {
  const before = button.textContent;
  button.disabled = true;
  button.textContent = text;
  return () => { button.disabled = false; button.textContent = before; };
}
