"""The console's DLP policy test page and its JSON twin: masked matches, the decision, clear
errors for a bad policy; login and CSRF required."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.analyze.mail import message
from tests.web.test_console import app, csrf_of, login  # noqa: F401 - the fixture and helpers

POLICY = "rules: [{id: cards-out, when: {detector: credit-card, recipients: external}, action: hold}]\n"
MAIL = message("カード番号 4111-1111-1111-1111 です")


def test_page_shows_masked_matches_and_the_decision(app):  # noqa: F811
    with TestClient(app) as c:
        assert c.post("/api/dlp/check", files={"file": ("m.eml", MAIL)}).status_code == 401
        login(c)
        form = c.get("/dlp")
        r = c.post(
            "/dlp/check",
            data={
                "csrf": csrf_of(form.text),
                "text": MAIL.decode(),
                "policy": POLICY,
                "rcpt": "x@partner.example",
            },
        )
        assert r.status_code == 200
        # the action as data, and its label in the reader's language
        assert '<span id="dlp-action" data-action="hold">' in r.text and "cards-out" in r.text
        assert "承認待ち" in r.text or "hold for approval" in r.text
        assert "4111 **** **** 1111" in r.text and "4111-1111-1111-1111" not in r.text


def test_json_twin_and_bad_policies(app):  # noqa: F811
    with TestClient(app) as c:
        login(c)
        token = c.get("/api/session").json()["csrf_token"]
        assert c.post("/api/dlp/check", files={"file": ("m.eml", MAIL)}).status_code == 403
        data = c.post(
            "/api/dlp/check",
            files={"file": ("m.eml", MAIL), "policy": ("p.yaml", POLICY.encode())},
            headers={"X-CSRF-Token": token},
        ).json()
        assert data["counts"] == {"credit-card": 1}
        # the policy lists no internal domains, so the message's To: counts as external
        assert data["decision"]["action"] == "hold"
        bad = c.post(
            "/api/dlp/check",
            files={"file": ("m.eml", MAIL), "policy": ("p.yaml", b"rules: [{id: a, action: explode}]")},
            headers={"X-CSRF-Token": token},
        )
        assert bad.status_code == 422 and "action" in bad.json()["error"]["message"]
        assert bad.json()["error"]["code"] == "invalid-input"


def test_page_shows_the_bulk_counts_of_a_spreadsheet(app):  # noqa: F811
    from tests.support.tablefiles import mail_with, write_table

    rows = [[f"{i:05d}", f"u{i}@docomo.ne.jp", "4111111111111111"] for i in range(12)]
    data = mail_with("xlsx", *write_table("xlsx", ["会員番号", "メールアドレス", "カード番号"], rows))
    with TestClient(app) as c:
        login(c)
        form = c.get("/dlp")
        r = c.post("/dlp/check", data={"csrf": csrf_of(form.text)}, files={"file": ("m.eml", data)})
        assert r.status_code == 200
        assert '<p id="dlp-rows">個人情報を含む表の行: 12 行' in r.text  # the console speaks Japanese first
        assert "<code>email-address</code>: 12" in r.text and "<code>credit-card</code>: 1" in r.text
        assert "4111111111111111" not in r.text
        assert (
            '<table id="dlp-columns">' in r.text
            and "!data!C2:C13</td><td>カード番号</td><td>12</td>" in r.text
        )
