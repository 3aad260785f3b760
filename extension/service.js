// Settings in chrome.storage.local and calls to the jobfit service (used by the service worker
// and the options page). Nothing here is fetched from anywhere but the configured service.

export const SETTINGS_KEYS = ["serviceUrl", "apiKey", "resume"];

export async function loadSettings() {
  const stored = await chrome.storage.local.get(SETTINGS_KEYS);
  return {
    serviceUrl: stored.serviceUrl || "",
    apiKey: stored.apiKey || "",
    resume: stored.resume || null,
  };
}

// "https://jobs.example.org/jobfit/" -> "https://jobs.example.org/jobfit"; throws on a bad URL.
export function normaliseServiceUrl(raw) {
  const url = new URL(String(raw).trim());
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error("the service URL must start with https:// (or http:// on this computer)");
  }
  if (url.protocol === "http:" && !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error("use https:// for a service that is not on this computer");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export function originPattern(serviceUrl) {
  return `${new URL(serviceUrl).origin}/*`;
}

export class ServiceError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

// POST a JSON body to the service; answers the parsed body or throws a ServiceError whose
// message can be shown to the user as it is.
export async function postJson(settings, path, body) {
  if (!settings.serviceUrl) {
    throw new ServiceError("not_configured", "Set the jobfit service URL in the options first.");
  }
  const headers = { "Content-Type": "application/json" };
  if (settings.apiKey) headers.Authorization = `Bearer ${settings.apiKey}`;
  let response;
  try {
    response = await fetch(`${settings.serviceUrl}${path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    throw new ServiceError(
      "unreachable",
      `Could not reach the jobfit service at ${settings.serviceUrl}. Check that it is running, ` +
        `that its JOBFIT_CORS_ORIGINS lists chrome-extension://${chrome.runtime.id}, ` +
        "or grant this extension access to the service in the options.",
    );
  }
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    payload = null; // not JSON: handled below with the status
  }
  if (response.ok && payload) return payload;
  const detail = payload && payload.error ? payload.error : null;
  if (response.status === 401) {
    throw new ServiceError(
      "unauthorized",
      "The service needs an API key: add yours in the options." +
        (detail ? ` (${detail.message})` : ""),
      401,
    );
  }
  throw new ServiceError(
    detail ? detail.code : "http_error",
    detail ? detail.message : `The service answered HTTP ${response.status}.`,
    response.status,
  );
}

export function extractResume(settings, filename, contentBase64) {
  return postJson(settings, "/v1/extract", {
    kind: "resume",
    file: { filename, content_base64: contentBase64 },
  });
}

export function matchJob(settings, jobText) {
  if (!settings.resume || !settings.resume.text) {
    throw new ServiceError("no_resume", "Upload your resume in the options first.");
  }
  return postJson(settings, "/v1/match", { resume_text: settings.resume.text, job_text: jobText });
}

export function bytesToBase64(bytes) {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
