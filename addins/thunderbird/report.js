/*
 * mailwarden report button for Thunderbird: what the button does, given the MailExtension API
 * object (`browser`). background.js wires it to the messageDisplayAction button.
 *
 * The displayed message is taken as it was received (messages.getRaw) and posted, base64, to
 * mailwarden's POST /api/reports with the API token from the options page. Nothing the message
 * names (links, images, attachments) is ever opened or fetched: the one request is that POST.
 */
(function (root) {
  "use strict";

  var CHUNK = 0x8000;

  function binaryStringToBase64(text) {
    var parts = [];
    for (var i = 0; i < text.length; i += CHUNK) {
      parts.push(root.btoa(text.slice(i, i + CHUNK)));
    }
    // each slice is a multiple of 3 bytes except the last, so the pieces join cleanly
    return parts.join("");
  }

  function bytesToBase64(bytes) {
    var parts = [];
    for (var i = 0; i < bytes.length; i += CHUNK) {
      parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK)));
    }
    return root.btoa(parts.join(""));
  }

  // getRaw gives a binary string (manifest v2's default) or a File (data_format "File", v3)
  async function rawToBase64(raw) {
    if (typeof raw === "string") {
      return binaryStringToBase64(raw);
    }
    if (raw && typeof raw.arrayBuffer === "function") {
      return bytesToBase64(new Uint8Array(await raw.arrayBuffer()));
    }
    throw new Error("no message");
  }

  async function reporterOf(api, message) {
    try {
      var accountId = message.folder && message.folder.accountId;
      if (!accountId || !api.accounts) {
        return "";
      }
      var account = await api.accounts.get(accountId);
      var identity = account && account.identities && account.identities[0];
      return (identity && identity.email) || "";
    } catch (e) {
      return "";
    }
  }

  function endpoint(serverUrl) {
    return String(serverUrl).replace(/\/+$/, "") + "/api/reports";
  }

  async function tell(api, tab, key, detail) {
    var text = api.i18n.getMessage(key, detail ? [detail] : undefined) || key;
    var title = api.i18n.getMessage("extensionName");
    if (tab && tab.id !== undefined) {
      await api.messageDisplayAction.setTitle({ tabId: tab.id, title: text });
      await api.messageDisplayAction.setBadgeText({ tabId: tab.id, text: key === "reportSent" ? "✓" : "!" });
    }
    if (api.notifications) {
      await api.notifications.create({ type: "basic", title: title, message: text });
    }
    return text;
  }

  var inFlight = new Set();

  // Report the message shown in `tab`. Returns {ok, status, text}.
  async function reportDisplayed(api, tab) {
    var settings = await api.storage.local.get(["serverUrl", "token"]);
    if (!settings.serverUrl || !settings.token) {
      return { ok: false, status: 0, text: await tell(api, tab, "notConfigured") };
    }
    var message = await api.messageDisplay.getDisplayedMessage(tab.id);
    if (!message) {
      return { ok: false, status: 0, text: await tell(api, tab, "noMessage") };
    }
    if (inFlight.has(message.id)) {
      return { ok: false, status: 0, text: "" };
    }
    inFlight.add(message.id);
    try {
      var base64;
      try {
        base64 = await rawToBase64(await api.messages.getRaw(message.id));
      } catch (e) {
        return { ok: false, status: 0, text: await tell(api, tab, "noMessage") };
      }
      var response;
      try {
        response = await root.fetch(endpoint(settings.serverUrl), {
          method: "POST",
          credentials: "omit",
          redirect: "error",
          referrerPolicy: "no-referrer",
          cache: "no-store",
          headers: { Authorization: "Bearer " + settings.token, "Content-Type": "application/json" },
          body: JSON.stringify({
            message: base64,
            answers: { client: "thunderbird" },
            reporter: await reporterOf(api, message),
          }),
        });
      } catch (e) {
        return { ok: false, status: 0, text: await tell(api, tab, "unreachable") };
      }
      if (!response.ok) {
        return {
          ok: false,
          status: response.status,
          text: await tell(api, tab, "rejected", String(response.status)),
        };
      }
      return { ok: true, status: response.status, text: await tell(api, tab, "reportSent") };
    } finally {
      inFlight.delete(message.id);
    }
  }

  root.mailwardenThunderbird = { reportDisplayed: reportDisplayed, rawToBase64: rawToBase64 };
})(typeof globalThis !== "undefined" ? globalThis : this);
