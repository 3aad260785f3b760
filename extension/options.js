// Options: the service URL and API key, and the resume (text extracted once by the service,
// kept in chrome.storage.local until cleared).

import { bytesToBase64, loadSettings, normaliseServiceUrl, originPattern } from "./service.js";

const $ = (id) => document.getElementById(id);

function showResume(resume) {
  $("resume-status").textContent = resume
    ? `Saved: ${resume.filename} (${resume.chars} characters of text` +
      (resume.warnings.length ? `; ${resume.warnings.map((w) => w.message).join("; ")}` : "") +
      ")."
    : "No resume saved.";
  $("clear-resume").disabled = !resume;
}

async function saveService(event) {
  event.preventDefault();
  let serviceUrl;
  try {
    serviceUrl = normaliseServiceUrl($("service-url").value);
  } catch (error) {
    $("service-status").textContent = `Not saved: ${error.message}.`;
    return;
  }
  // Ask for access to this one origin while the click still counts as a user gesture; the
  // service's CORS allowlist is the other way in, so saving does not wait for the answer.
  const granted = chrome.permissions
    .request({ origins: [originPattern(serviceUrl)] })
    .catch(() => false);
  await chrome.storage.local.set({ serviceUrl, apiKey: $("api-key").value.trim() });
  $("service-url").value = serviceUrl;
  $("service-status").textContent = `Saved. Requests go to ${serviceUrl}.`;
  granted.then((ok) => {
    if (!ok) {
      $("service-status").textContent +=
        ` Access was not granted; the service must list chrome-extension://${chrome.runtime.id}` +
        " in JOBFIT_CORS_ORIGINS.";
    }
  });
}

async function uploadResume() {
  const file = $("resume-file").files[0];
  $("resume-error").hidden = true;
  if (!file) return;
  $("resume-status").textContent = `Extracting the text of ${file.name}…`;
  const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  const answer = await chrome.runtime.sendMessage({
    type: "extract",
    filename: file.name,
    contentBase64,
  });
  if (!answer || !answer.ok) {
    $("resume-error").textContent = `Not saved: ${answer ? answer.error.message : "no answer"}`;
    $("resume-error").hidden = false;
    showResume((await loadSettings()).resume);
    return;
  }
  const resume = {
    filename: file.name,
    text: answer.resume.text,
    chars: answer.resume.text.length,
    warnings: answer.resume.warnings || [],
    savedAt: new Date().toISOString(),
  };
  await chrome.storage.local.set({ resume });
  showResume(resume);
}

async function clearResume() {
  await chrome.storage.local.remove("resume");
  $("resume-file").value = "";
  showResume(null);
}

async function init() {
  const settings = await loadSettings();
  $("service-url").value = settings.serviceUrl;
  $("api-key").value = settings.apiKey;
  showResume(settings.resume);
}

$("service-form").addEventListener("submit", saveService);
$("resume-file").addEventListener("change", () => uploadResume());
$("clear-resume").addEventListener("click", () => clearResume());
init();
