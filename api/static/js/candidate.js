// The candidate page: a resume (file or text) and a job description -> POST /v1/match -> report.

import { api, formatSize, initDropzone, initKeyPanel, showError } from "./client.js";
import { renderReport } from "./report.js";
import { reportFromFragment } from "./report-link.js";

const $ = (id) => document.getElementById(id);
const ACCEPTED = /\.(pdf|docx|txt|md)$/i;
const MAX_BYTES = 10 * 1024 * 1024;

function chosenFile() {
  return $("resume-file").files[0] || null;
}

function showChosen() {
  const file = chosenFile();
  $("file-chosen").textContent = file
    ? `Chosen: ${file.name} (${formatSize(file.size)}). The file is used instead of pasted text.`
    : "No file chosen.";
  $("clear-file").hidden = !file;
}

function clearError() {
  $("error").hidden = true;
  $("error").textContent = "";
}

// Problems the page can see before sending anything; the service checks everything again.
function checkForm() {
  const file = chosenFile();
  if (!file && !$("resume-text").value.trim()) return "Add your resume: choose a file or paste its text.";
  if (file && !ACCEPTED.test(file.name)) return `${file.name}: choose a PDF, DOCX or TXT file.`;
  if (file && file.size > MAX_BYTES) return `${file.name} is larger than 10 MB.`;
  if (!$("job-text").value.trim()) return "Paste the job description.";
  return null;
}

async function submit(event) {
  event.preventDefault();
  clearError();
  const problem = checkForm();
  if (problem) {
    showError($("error"), new Error(problem));
    return;
  }
  const body = new FormData();
  const file = chosenFile();
  if (file) body.append("resume", file, file.name);
  else body.append("resume_text", $("resume-text").value);
  body.append("job_text", $("job-text").value);
  if ($("blind").checked) body.append("blind", "true");

  $("submit").disabled = true;
  $("busy").textContent = "Scoring… reading the resume and comparing it with the job.";
  $("results").hidden = true;
  try {
    const report = await (await api("/v1/match", { method: "POST", body })).json();
    renderReport($("results"), report);
    $("busy").textContent = `Done: ${Math.round(report.score)}/100.`;
    $("results").focus();
  } catch (error) {
    $("busy").textContent = "";
    showError($("error"), error);
  } finally {
    $("submit").disabled = false;
  }
}

async function showLinkedReport() {
  try {
    const report = await reportFromFragment(location.hash);
    if (!report) return;
    renderReport($("results"), report, {
      origin: "This report came from the jobfit browser extension, inside the link itself; it was not sent to the service again.",
    });
  } catch (error) {
    showError($("error"), new Error(`The report link could not be read: ${error.message}`));
  }
}

initKeyPanel();
initDropzone($("dropzone"), $("resume-file"), showChosen);
$("clear-file").addEventListener("click", () => {
  $("resume-file").value = "";
  showChosen();
});
$("match-form").addEventListener("submit", submit);
window.addEventListener("hashchange", showLinkedReport);
showChosen();
showLinkedReport();
