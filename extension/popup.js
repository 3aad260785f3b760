// The popup: capture the job description from the active tab (or the tab named by ?tab=ID,
// which the browser tests use), let the user edit it, score it through the service worker.

import { captureJobPosting, SOURCE_LABELS } from "./capture.js";
import { reportLink } from "./report-link.js";
import { loadSettings } from "./service.js";

const $ = (id) => document.getElementById(id);
const TOP_SUGGESTIONS = 3;

async function targetTabId() {
  const requested = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab) throw new Error("no active tab");
  return tab.id;
}

async function capture() {
  $("capture-source").textContent = "";
  $("status").textContent = "Capturing the job description…";
  try {
    const tabId = await targetTabId();
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId },
      func: captureJobPosting,
    });
    const found = injection && injection.result;
    if (!found || !found.text) throw new Error("no text found on the page");
    $("job-text").value = found.text;
    $("capture-source").textContent = `(from ${SOURCE_LABELS[found.source] || found.source})`;
    $("capture-source").dataset.source = found.source;
    $("status").textContent = "";
  } catch (error) {
    $("status").textContent = "";
    showError(
      `Could not read this page (${error.message}). Paste the job description into the box instead.`,
    );
  }
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = false;
}

function chip(text, kind) {
  const item = document.createElement("li");
  item.className = `chip ${kind}`;
  item.textContent = text;
  return item;
}

async function render(report, serviceUrl) {
  $("score").textContent = String(Math.round(report.score));
  $("band").textContent = report.band;
  $("band").className = `band band-${report.band}`;
  const missing = report.missing.filter((item) => item.importance === "required");
  const list = $("missing-required");
  list.replaceChildren(...missing.map((item) => chip(item.name, "missing")));
  if (!missing.length) list.append(chip("none: every required skill is shown", "matched"));
  const suggestions = [...report.suggestions]
    .sort((a, b) => a.priority - b.priority)
    .slice(0, TOP_SUGGESTIONS)
    .map((suggestion) => {
      const item = document.createElement("li");
      item.textContent = suggestion.message;
      return item;
    });
  $("suggestions").replaceChildren(...suggestions);
  $("report-link").href = await reportLink(serviceUrl, report);
  $("result").hidden = false;
}

async function score(event) {
  event.preventDefault();
  $("error").hidden = true;
  $("result").hidden = true;
  const jobText = $("job-text").value.trim();
  if (!jobText) {
    showError("The job description is empty: capture it again or paste it.");
    return;
  }
  $("score-button").disabled = true;
  $("status").textContent = "Scoring…";
  try {
    const answer = await chrome.runtime.sendMessage({ type: "match", jobText });
    if (!answer || !answer.ok) throw new Error(answer ? answer.error.message : "no answer");
    await render(answer.report, answer.serviceUrl);
    $("status").textContent = "Scored.";
  } catch (error) {
    $("status").textContent = "";
    showError(error.message);
  } finally {
    $("score-button").disabled = false;
  }
}

async function checkSetup() {
  const settings = await loadSettings();
  const needs = [];
  if (!settings.serviceUrl) needs.push("the service URL");
  if (!settings.resume) needs.push("your resume");
  if (needs.length) {
    $("setup").textContent = `Before scoring, add ${needs.join(" and ")} in the Options.`;
    $("setup").hidden = false;
  }
}

$("match-form").addEventListener("submit", score);
$("recapture-button").addEventListener("click", () => capture());
checkSetup();
capture();
