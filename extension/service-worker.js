// The service worker makes every call to the jobfit service, with the key from the options.
// Messages: {type: "match", jobText} and {type: "extract", filename, contentBase64}.

import { extractResume, loadSettings, matchJob, ServiceError } from "./service.js";

const HANDLERS = {
  async match(message) {
    const settings = await loadSettings();
    const report = await matchJob(settings, String(message.jobText || ""));
    return { report, serviceUrl: settings.serviceUrl };
  },
  async extract(message) {
    const settings = await loadSettings();
    const resume = await extractResume(settings, message.filename, message.contentBase64);
    return { resume };
  },
};

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own pages may ask (content scripts are never injected with a sender).
  if (sender.id !== chrome.runtime.id || !message || !HANDLERS[message.type]) return false;
  HANDLERS[message.type](message).then(
    (result) => sendResponse({ ok: true, ...result }),
    (error) =>
      sendResponse({
        ok: false,
        error: {
          code: error instanceof ServiceError ? error.code : "extension_error",
          message: String(error && error.message ? error.message : error),
        },
      }),
  );
  return true; // the answer comes asynchronously
});
