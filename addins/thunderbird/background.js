/* The report button: one click reports the displayed message (report.js). */
"use strict";

browser.messageDisplayAction.onClicked.addListener(function (tab) {
  return globalThis.mailwardenThunderbird.reportDisplayed(browser, tab);
});

// A build made for one server (`make addins MAILWARDEN_REPORT_URL=… MAILWARDEN_REPORT_TOKEN=…`)
// carries defaults.json inside the add-on: stored once, unless the user already set their own.
browser.runtime.onInstalled.addListener(function () {
  return browser.storage.local.get(["serverUrl"]).then(function (saved) {
    if (saved.serverUrl) {
      return undefined;
    }
    return fetch(browser.runtime.getURL("defaults.json")).then(
      function (response) {
        return response.ok ? response.json().then((d) => browser.storage.local.set(d)) : undefined;
      },
      function () {
        return undefined;
      }
    );
  });
});
