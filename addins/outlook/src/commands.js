/*
 * mailwarden report button for Outlook (integrated spam reporting, Mailbox 1.14).
 *
 * Outlook shows the pre-processing dialog (the reasons and the comment box declared in the
 * manifest), then calls onSpamReport with the reporter's choices. The handler asks Outlook for
 * the message as it was received (getAsFileAsync: the .eml, base64) and posts it with the
 * answers to mailwarden's POST /api/reports. It never opens, fetches or follows anything the
 * message names: the only request it makes is that one POST.
 *
 * Where to post and with which API token: globalThis.MAILWARDEN_CONFIG = {apiUrl, token},
 * written in front of this file by `make addins` (addins/build.py).
 */
(function (root) {
  "use strict";

  // The reasons offered in the dialog, in the manifest's order (event.options[i] is true when
  // the reporter ticked reason i): stable keys for the stored answers.
  var REASONS = ["asks_for_password", "unexpected_sender", "urgent_or_payment", "clicked_link", "spam"];

  var TEXT = {
    en: {
      title: "Report to the security team",
      thanks: "Thank you. The security team has your report and will tell you what they find.",
      failed: "The report could not be sent. Please forward the message to the security team. Reason: ",
      notConfigured: "the add-in has no server address or API token",
      noMessage: "Outlook did not hand over the message",
      rejected: "the server refused the report",
      unreachable: "the server could not be reached",
    },
    ja: {
      title: "セキュリティ担当に報告",
      thanks: "ご報告ありがとうございます。セキュリティ担当が確認し、結果をお知らせします。",
      failed: "報告を送信できませんでした。このメールをセキュリティ担当に転送してください。理由: ",
      notConfigured: "アドインにサーバーのアドレスまたは API トークンが設定されていません",
      noMessage: "Outlook からメールを取得できませんでした",
      rejected: "サーバーが報告を受け付けませんでした",
      unreachable: "サーバーに接続できませんでした",
    },
  };

  function text(office) {
    var lang = "";
    try {
      lang = String(office.context.displayLanguage || "");
    } catch (e) {
      lang = "";
    }
    return lang.toLowerCase().indexOf("ja") === 0 ? TEXT.ja : TEXT.en;
  }

  function answersFrom(event) {
    var answers = { client: "outlook" };
    var options = (event && event.options) || [];
    for (var i = 0; i < REASONS.length; i++) {
      answers[REASONS[i]] = options[i] === true;
    }
    if (event && typeof event.freeText === "string" && event.freeText.trim()) {
      answers.comment = event.freeText.trim().slice(0, 2000);
    }
    return answers;
  }

  function reporterOf(office) {
    try {
      return String(office.context.mailbox.userProfile.emailAddress || "");
    } catch (e) {
      return "";
    }
  }

  function endpoint(config) {
    return String(config.apiUrl).replace(/\/+$/, "") + "/api/reports";
  }

  // The one request the add-in makes. No cookies, no referrer, no redirects followed.
  function postReport(config, base64, answers, reporter) {
    return root.fetch(endpoint(config), {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      redirect: "error",
      referrerPolicy: "no-referrer",
      cache: "no-store",
      headers: { Authorization: "Bearer " + config.token, "Content-Type": "application/json" },
      body: JSON.stringify({ message: base64, answers: answers, reporter: reporter }),
    });
  }

  function finish(office, event, ok, detail) {
    var t = text(office);
    var done = {
      onErrorDeleteItem: false,
      showPostProcessingDialog: { title: t.title, description: ok ? t.thanks : t.failed + detail },
    };
    if (ok) {
      done.moveItemTo = office.MailboxEnums.MoveSpamItemTo.JunkFolder;
    }
    event.completed(done);
  }

  function onSpamReport(event) {
    var office = root.Office;
    var t = text(office);
    var config = root.MAILWARDEN_CONFIG || {};
    if (!config.apiUrl || !config.token) {
      finish(office, event, false, t.notConfigured);
      return;
    }
    office.context.mailbox.item.getAsFileAsync({ asyncContext: event }, function (result) {
      var ev = result.asyncContext || event;
      if (result.status !== office.AsyncResultStatus.Succeeded || typeof result.value !== "string") {
        finish(office, ev, false, t.noMessage);
        return;
      }
      postReport(config, result.value, answersFrom(ev), reporterOf(office)).then(
        function (response) {
          if (response.ok) {
            finish(office, ev, true, "");
          } else {
            finish(office, ev, false, t.rejected + " (HTTP " + response.status + ")");
          }
        },
        function () {
          finish(office, ev, false, t.unreachable);
        }
      );
    });
  }

  root.mailwardenOutlook = { onSpamReport: onSpamReport, answersFrom: answersFrom, REASONS: REASONS };
  if (root.Office && root.Office.actions && typeof root.Office.actions.associate === "function") {
    root.Office.actions.associate("onSpamReport", onSpamReport);
  }
  if (root.Office && typeof root.Office.onReady === "function") {
    root.Office.onReady();
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
