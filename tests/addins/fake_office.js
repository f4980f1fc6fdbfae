// Office.js as far as the Outlook handler sees it: the host boundary, nothing of the add-in's own.
// The test sets globalThis.__fakeConfig first (the .eml, the display language, the add-in's config).
(() => {
  const cfg = globalThis.__fakeConfig;
  globalThis.__mw = { associated: {}, ready: 0, asked: 0 };
  globalThis.MAILWARDEN_CONFIG = cfg.config;
  globalThis.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { MoveSpamItemTo: { JunkFolder: "junkFolder", DeletedItemsFolder: "deletedItemsFolder",
                                      CustomFolder: "customFolder", NoMove: "noMove" } },
    actions: { associate(name, fn) { __mw.associated[name] = fn; } },
    onReady() { __mw.ready += 1; return Promise.resolve({ host: "Outlook" }); },
    context: {
      displayLanguage: cfg.language,
      mailbox: {
        userProfile: { emailAddress: cfg.reporter },
        item: {
          getAsFileAsync(options, callback) {
            __mw.asked += 1;
            const result = cfg.eml === null
              ? { status: "failed", error: { code: 9002, message: "Internal error" }, asyncContext: options.asyncContext }
              : { status: "succeeded", value: cfg.eml, asyncContext: options.asyncContext };
            queueMicrotask(() => callback(result));
          },
        },
      },
    },
  };
  // what Outlook does when the reporter presses Report in the pre-processing dialog
  globalThis.__report = (options, freeText) => new Promise((resolve) => {
    __mw.associated.onSpamReport({ type: "SpamReporting", options, freeText, completed: resolve });
  });
})();
