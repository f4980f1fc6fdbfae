/* The options page: the mailwarden server's address and the API token, in storage.local.
 * Saving asks Thunderbird for permission to contact that server (and only it). */
"use strict";

(function () {
  var api = globalThis.browser;
  var form = document.getElementById("options");
  var status = document.getElementById("status");

  document.querySelectorAll("[data-i18n]").forEach(function (el) {
    el.textContent = api.i18n.getMessage(el.getAttribute("data-i18n"));
  });

  // https anywhere; plain http only for a server on this computer
  function originOf(text) {
    var url;
    try {
      url = new URL(text.trim());
    } catch (e) {
      return null;
    }
    var local = ["localhost", "127.0.0.1", "[::1]"].indexOf(url.hostname) >= 0;
    if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
      return null;
    }
    return url.origin;
  }

  api.storage.local.get(["serverUrl", "token"]).then(function (saved) {
    form.serverUrl.value = saved.serverUrl || "";
    form.token.value = saved.token || "";
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var origin = originOf(form.serverUrl.value);
    if (!origin) {
      status.textContent = api.i18n.getMessage("optionsBadUrl");
      return;
    }
    var serverUrl = form.serverUrl.value.trim().replace(/\/+$/, "");
    var token = form.token.value.trim();
    // asked at once, inside the click: Thunderbird asks the user only from a user action
    api.permissions.request({ origins: [origin + "/*"] }).then(function (granted) {
      if (!granted) {
        status.textContent = api.i18n.getMessage("optionsDenied");
        return;
      }
      return api.storage.local.set({ serverUrl: serverUrl, token: token }).then(function () {
        status.textContent = api.i18n.getMessage("optionsSaved");
      });
    });
  });
})();
