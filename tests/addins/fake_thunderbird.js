// Thunderbird's side of the MailExtension API (`browser`), as far as the add-on uses it.
// The test sets globalThis.__fakeConfig first (the raw message, storage, the _locales messages).
(() => {
  const cfg = globalThis.__fakeConfig;
  const tb = globalThis.__tb = {
    clicked: [], installed: [], calls: [], titles: [], badges: [], notes: [], granted: [],
    store: Object.assign({}, cfg.storage),
  };
  function message(key, subs) {
    const entry = cfg.messages[key];
    if (!entry) return "";
    let text = entry.message;
    for (const [name, ph] of Object.entries(entry.placeholders || {})) {
      text = text.split("$" + name.toUpperCase() + "$").join(ph.content);
    }
    (subs || []).forEach((s, i) => { text = text.split("$" + (i + 1)).join(s); });
    return text;
  }
  function rawMessage() {
    if (cfg.rawAs === "file") {
      const bytes = Uint8Array.from(atob(cfg.raw), (c) => c.charCodeAt(0));
      return new File([bytes], "message.eml", { type: "message/rfc822" });
    }
    return atob(cfg.raw);  // a binary string, as getRaw gives in manifest v2
  }
  globalThis.browser = {
    messageDisplayAction: {
      onClicked: { addListener(fn) { tb.clicked.push(fn); } },
      setTitle(d) { tb.titles.push(d); return Promise.resolve(); },
      setBadgeText(d) { tb.badges.push(d); return Promise.resolve(); },
    },
    messageDisplay: {
      getDisplayedMessage(tabId) {
        tb.calls.push(["getDisplayedMessage", tabId]);
        return Promise.resolve(tabId === 7 ? { id: 42, subject: "?", folder: { accountId: "account1", path: "/INBOX" } } : null);
      },
    },
    messages: {
      getRaw(id) { tb.calls.push(["getRaw", id]); return Promise.resolve(rawMessage()); },
    },
    accounts: {
      get(id) { return Promise.resolve(id === "account1" ? { id, identities: [{ email: cfg.reporter }] } : null); },
    },
    storage: { local: {
      get(keys) { const out = {}; for (const k of keys) if (k in tb.store) out[k] = tb.store[k]; return Promise.resolve(out); },
      set(obj) { Object.assign(tb.store, obj); return Promise.resolve(); },
    } },
    permissions: { request(p) { tb.granted.push(p); return Promise.resolve(cfg.grant); } },
    runtime: {
      onInstalled: { addListener(fn) { tb.installed.push(fn); } },
      getURL(path) { return location.origin + "/thunderbird/" + path; },
    },
    notifications: { create(o) { tb.notes.push(o); return Promise.resolve("n" + tb.notes.length); } },
    i18n: { getMessage: message },
  };
})();
