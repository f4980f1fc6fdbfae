"""Message analysis in the console: upload or paste, verdict and signals, the body shown
inert, JSON twin and MISP export; login and CSRF required; garbage is a clean answer."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.analyze.mail import message
from tests.web.test_console import app, csrf_of, login  # noqa: F401 - the fixture and helpers

BEC = message(
    "経理部御中\n至急、振込先の変更をお願いします。内密に。",
    from_="社長 <ceo@example.co.jp>",
    reply_to="ceo.private@gmail.com",
    html='<p onclick="steal()">振込先の変更</p><script>alert(1)</script>'
    '<img src="https://tracker.example/pixel.gif"><a href="https://evil.example/pay">pay</a>',
)


def test_login_and_csrf_required(app):  # noqa: F811
    with TestClient(app) as c:
        assert c.post("/api/messages/analyze", files={"file": ("m.eml", BEC)}).status_code == 401
        login(c)
        assert c.post("/api/messages/analyze", files={"file": ("m.eml", BEC)}).status_code == 403


def test_upload_shows_verdict_and_inert_body(app):  # noqa: F811
    with TestClient(app) as c:
        login(c)
        form = c.get("/messages")
        r = c.post(
            "/messages/analyze",
            data={"csrf": csrf_of(form.text)},
            files={"file": ("bec.eml", BEC, "message/rfc822")},
        )
        assert r.status_code == 200
        page = r.text
        assert 'id="verdict" class="verdict-phishing"' in page
        assert "header.reply-to-freemail" in page and "ceo.private@gmail.com" in page
        frame = page.split('id="body-html"', 1)[1].split("</iframe>", 1)[0]
        assert 'sandbox=""' in frame
        # nothing active or remote survives, even escaped inside srcdoc
        for bad in ("script", "onclick", "tracker.example/pixel", "href="):
            assert bad not in frame, bad
        assert "evil.example/pay" in frame  # kept as a title to read, not a link to follow
        assert "script-src 'self'" in r.headers["content-security-policy"]


def test_paste_and_json_twin_and_misp(app):  # noqa: F811
    with TestClient(app) as c:
        login(c)
        form = c.get("/messages")
        r = c.post("/messages/analyze", data={"csrf": csrf_of(form.text), "text": BEC.decode()})
        assert r.status_code == 200 and "verdict-phishing" in r.text
        token = c.get("/api/session").json()["csrf_token"]
        data = c.post(
            "/api/messages/analyze", files={"file": ("m.eml", BEC)}, headers={"X-CSRF-Token": token}
        ).json()
        assert data["verdict"] == "phishing"
        assert {"code", "weight", "explanation"} <= set(data["signals"][0])
        misp = c.post(
            "/api/messages/misp", files={"file": ("m.eml", BEC)}, headers={"X-CSRF-Token": token}
        ).json()
        assert misp["name"] == "email" and misp["template_uuid"]
        rel = {(a["object_relation"], a["value"]) for a in misp["Attribute"]}
        assert ("from", "ceo@example.co.jp") in rel and ("reply-to", "ceo.private@gmail.com") in rel


def test_garbage_and_empty_input_never_500(app):  # noqa: F811
    with TestClient(app) as c:
        login(c)
        token = c.get("/api/session").json()["csrf_token"]
        for data in (b"\x00\xff" * 5000, b"Content-Type: multipart/mixed\r\n\r\n--", b"From: x\r\n" * 10000):
            r = c.post(
                "/api/messages/analyze", files={"file": ("g.eml", data)}, headers={"X-CSRF-Token": token}
            )
            assert r.status_code == 200, r.text
        r = c.post("/api/messages/analyze", files={"file": ("e.eml", b"  ")}, headers={"X-CSRF-Token": token})
        assert r.status_code == 422
