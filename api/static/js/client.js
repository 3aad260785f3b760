// Calls to this service's /v1 API from the pages: the API key (if any) from sessionStorage,
// and every failure turned into an ApiError whose message reads well on the page.

const KEY_STORAGE = "jobfit.apiKey";

export class ApiError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

const FRIENDLY = {
  unauthorized: "This service needs a valid API key: enter it above and try again.",
  rate_limited: "Too many requests right now. Wait a moment and try again.",
  document_too_large: null, // the service's own message says the limit
};

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || "";
}

export async function api(path, { method = "GET", body = null, accept = "application/json" } = {}) {
  const headers = { Accept: accept };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body && !(body instanceof FormData)) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: "omit", cache: "no-store" });
  } catch {
    throw new ApiError("unreachable", "The service could not be reached. Check your connection and try again.");
  }
  if (response.ok) return response;
  let detail = null;
  try {
    detail = (await response.json()).error;
  } catch {
    detail = null; // not the JSON error shape (a proxy's page, say): fall back to the status
  }
  const code = detail ? detail.code : "http_error";
  const message = FRIENDLY[code] || (detail && detail.message) || `The service answered HTTP ${response.status}.`;
  const error = new ApiError(code, message, response.status);
  error.retryAfter = Number(response.headers.get("Retry-After")) || 0;
  if (response.status === 401) revealKeyPanel();
  throw error;
}

export async function apiJson(path, options) {
  return (await api(path, options)).json();
}

export function revealKeyPanel() {
  const panel = document.getElementById("key-panel");
  if (!panel) return;
  panel.hidden = false;
  document.getElementById("api-key").focus();
}

export function initKeyPanel() {
  const form = document.getElementById("key-form");
  if (!form) return;
  const input = document.getElementById("api-key");
  input.value = apiKey();
  if (apiKey()) document.getElementById("key-panel").hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
    document.getElementById("key-hint").textContent = key ? "Key set for this tab." : "No key set.";
  });
  document.getElementById("forget-key").addEventListener("click", () => {
    sessionStorage.removeItem(KEY_STORAGE);
    input.value = "";
    document.getElementById("key-hint").textContent = "Key forgotten.";
  });
}

export function showError(element, error) {
  element.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  if (error && error.code && error.code !== "http_error") {
    const code = document.createElement("span");
    code.className = "error-code";
    code.textContent = ` (${error.code})`;
    element.append(code);
  }
  element.hidden = false;
  if (error && error.status === 401) return; // the key box has the focus: that is what to fix
  element.focus();
}

// Wire a drop zone to a file input: dropped files become the input's files.
export function initDropzone(zone, input, onChange) {
  for (const type of ["dragenter", "dragover"]) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  }
  for (const type of ["dragleave", "drop"]) {
    zone.addEventListener(type, () => zone.classList.remove("dragging"));
  }
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (!event.dataTransfer || !event.dataTransfer.files.length) return;
    input.files = event.dataTransfer.files;
    onChange();
  });
  input.addEventListener("change", onChange);
}

export function el(tag, { className = "", text = null, attrs = {} } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
