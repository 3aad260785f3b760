// The recruiter page: many resumes (or a zip) and one job -> POST /v1/screenings -> poll the
// progress -> the ranked table with breakdowns, CSV and HTML downloads, delete.

import { api, apiJson, el, formatSize, initDropzone, initKeyPanel, showError } from "./client.js";
import { bandLabel, componentList, skillChips } from "./report.js";

const $ = (id) => document.getElementById(id);

// The multipart fields of POST /v1/screenings.
const FIELDS = { resumes: "resumes", job: "job_text", blind: "blind" };
const POLL_MS = 1500;
const FINISHED = new Set(["done", "complete", "completed", "finished", "failed", "error"]);

let current = null; // {id, results}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function showChosen() {
  const files = [...$("resume-files").files];
  const total = files.reduce((sum, file) => sum + file.size, 0);
  $("files-chosen").textContent = files.length
    ? `${files.length} file${files.length === 1 ? "" : "s"} chosen (${formatSize(total)}): ` +
      files.slice(0, 5).map((file) => file.name).join(", ") + (files.length > 5 ? ", …" : "")
    : "No files chosen.";
}

function setProgress(done, total, text) {
  $("progress").max = Math.max(total, 1);
  $("progress").value = Math.min(done, Math.max(total, 1));
  $("progress-label").textContent = text;
}

async function poll(id) {
  for (;;) {
    let status;
    try {
      status = await apiJson(`/v1/screenings/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error.status !== 429) throw error;
      await sleep(Math.max(error.retryAfter, 1) * 1000);
      continue;
    }
    const { done = 0, total = 0 } = status.progress || {};
    setProgress(done, total, `${done} of ${total} resumes scored (${status.status}).`);
    if (FINISHED.has(status.status) || (total > 0 && done >= total)) return status;
    await sleep(POLL_MS);
  }
}

function yearsCell(row) {
  const has = row.years == null ? "–" : Number(row.years).toFixed(1);
  const asked = row.years_required == null ? "–" : `${Number(row.years_required).toFixed(0)}+`;
  return `${has} / ${asked}`;
}

function breakdown(row) {
  const parts = [];
  if (row.error) {
    parts.push(el("p", { className: "row-error", text: `Could not read this file: ${row.error.message} (${row.error.code})` }));
  }
  if (row.duplicate_of) parts.push(el("p", { className: "duplicate", text: `Same content as ${row.duplicate_of}; scored once.` }));
  if (row.top_evidence) parts.push(el("p", {}, [el("strong", { text: "Top evidence: " }), el("q", { text: row.top_evidence })]));
  if (row.top_suggestion) parts.push(el("p", {}, [el("strong", { text: "Top suggestion: " }), el("span", { text: row.top_suggestion })]));
  if (row.report) {
    parts.push(componentList(row.report.components), skillChips(row.report));
  }
  return el("div", { className: "breakdown" }, parts);
}

let rowCount = 0;

// A candidate's row, and a full-width row under it with the breakdown, opened by a button.
function tableRows(row) {
  const id = `breakdown-${(rowCount += 1)}`;
  const toggle = el("button", {
    className: "toggle link",
    text: row.file,
    attrs: { type: "button", "aria-expanded": "false", "aria-controls": id },
  });
  const details = el("tr", { className: "breakdown-row", attrs: { id } }, [
    el("td", { attrs: { colspan: "7" } }, [breakdown(row)]),
  ]);
  details.hidden = true;
  toggle.addEventListener("click", () => {
    details.hidden = !details.hidden;
    toggle.setAttribute("aria-expanded", String(!details.hidden));
  });
  const score = row.score == null
    ? el("td", { className: "score row-error", text: row.error ? row.error.code : "–" })
    : el("td", { className: "score" }, [el("span", { text: `${Math.round(row.score)} ` }), bandLabel(row.band)]);
  const main = el("tr", { className: "candidate", attrs: { "data-rank": row.rank == null ? "" : String(row.rank) } }, [
    el("td", { text: row.rank == null ? "–" : String(row.rank) }),
    el("td", { className: "file" }, [toggle]),
    score,
    el("td", { text: row.required_total ? `${row.required_met} / ${row.required_total}` : "–" }),
    el("td", { text: (row.missing_required || []).join(", ") || "none" }),
    el("td", { text: yearsCell(row) }),
    el("td", { text: (row.flags || []).join("; ") }),
  ]);
  return [main, details];
}

function renderResults(results) {
  const rows = results.results || [];
  const scored = rows.filter((row) => row.score != null).length;
  $("results-summary").textContent =
    `${scored} of ${rows.length} resumes scored` +
    (results.job && results.job.title ? ` for “${results.job.title}”` : "") +
    (results.blind ? "; blind: names and contact details redacted." : ".");
  $("ranked").tBodies[0].replaceChildren(...rows.flatMap(tableRows));
  $("download-csv").disabled = $("download-html").disabled = $("delete-screening").disabled = false;
  $("results").hidden = false;
  $("results").focus();
}

async function submit(event) {
  event.preventDefault();
  $("error").hidden = true;
  const files = [...$("resume-files").files];
  if (!files.length) return showError($("error"), new Error("Choose at least one resume or a .zip of resumes."));
  if (!$("job-text").value.trim()) return showError($("error"), new Error("Paste the job description."));
  const body = new FormData();
  for (const file of files) body.append(FIELDS.resumes, file, file.name);
  body.append(FIELDS.job, $("job-text").value);
  if ($("blind").checked) body.append(FIELDS.blind, "true");

  $("submit").disabled = true;
  $("results").hidden = true;
  $("progress-panel").hidden = false;
  setProgress(0, 1, "Uploading…");
  try {
    const created = await apiJson("/v1/screenings", { method: "POST", body });
    current = { id: created.id, results: null };
    setProgress(0, 1, "Queued…");
    await poll(created.id);
    current.results = await apiJson(`/v1/screenings/${encodeURIComponent(created.id)}/results`);
    renderResults(current.results);
  } catch (error) {
    showError($("error"), error);
    $("progress-label").textContent = "Stopped.";
  } finally {
    $("submit").disabled = false;
  }
}

function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { attrs: { href: url, download: filename } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function filenameOf(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const match = /filename="?([^";]+)"?/i.exec(header);
  return match ? match[1] : fallback;
}

async function download(format) {
  if (!current) return;
  const path = `/v1/screenings/${encodeURIComponent(current.id)}/results?format=${format}`;
  try {
    const response = await api(path, { accept: format === "csv" ? "text/csv" : "text/html" });
    saveBlob(await response.blob(), filenameOf(response, `screening-${current.id}.${format}`));
  } catch (error) {
    if (format === "html" && error.status === 400 && current.results) {
      saveBlob(await standaloneReport(), `screening-${current.id}.html`);
      return;
    }
    showError($("error"), error);
  }
}

// The service renders the report (?format=html: table, charts, breakdowns). A service too old to
// offer that format answers 400; then save a self-contained copy of the ranked table instead,
// with this page's stylesheet inlined.
async function standaloneReport() {
  const css = await (await fetch($("stylesheet-url").href)).text();
  const table = $("results").cloneNode(true);
  table.querySelectorAll("button").forEach((button) => button.remove());
  table.querySelectorAll(".breakdown-row").forEach((row) => row.removeAttribute("hidden"));
  const doc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>jobfit screening</title><style>${css}</style></head><body><main>${table.outerHTML}</main></body></html>`;
  return new Blob([doc], { type: "text/html" });
}

async function remove() {
  if (!current) return;
  try {
    await api(`/v1/screenings/${encodeURIComponent(current.id)}`, { method: "DELETE" });
    $("results-summary").textContent = "Deleted from the service: the results and the uploaded resumes are gone.";
    $("download-csv").disabled = $("download-html").disabled = $("delete-screening").disabled = true;
    current = null;
  } catch (error) {
    showError($("error"), error);
  }
}

initKeyPanel();
initDropzone($("dropzone"), $("resume-files"), showChosen);
$("screen-form").addEventListener("submit", submit);
$("download-csv").addEventListener("click", () => download("csv"));
$("download-html").addEventListener("click", () => download("html"));
$("delete-screening").addEventListener("click", () => remove());
showChosen();
