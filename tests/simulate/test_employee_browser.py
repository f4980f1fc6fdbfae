"""The whole exercise as it happens: a campaign made with the CLI is sent through Postfix into
Dovecot; scripted scanners hit the mail's links the way the documented scanner behaviours do
(a HEAD, a prefetch, a library's user agent, an image proxy, the hidden honeypot link, and a
plain GET straight after delivery); then a Chromium "employee" opens the delivered message,
clicks, sees the landing page (its beacon fires) and submits it, and lands on the training
page. The figures count the person once and the scanners not at all, every scanner hit with
its reason; what the employee typed is nowhere in the store.

The scanners come from 127.0.0.2, the employee from 127.0.0.1 (loopback is a /8): one address
following the honeypot must not make its neighbour a scanner. ``instant_seconds`` is an hour
here (a scanner-rules file, as a user would write one), so that no step depends on how fast a
loaded machine gets from delivery to the scanners' hits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from mailwarden.core.store import open_store
from mailwarden.simulate.compose import links
from mailwarden.simulate.models import SimDomain
from tests.simulate.test_send_postfix import PEOPLE, _inbox, mailstore  # noqa: F401  (the fixture)
from tests.support.serve import serve
from tests.support.smtpsink import wait_until
from tests.web.test_browser import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.smtp, pytest.mark.imap]
KEY = "an-employee-test-secret-key-0123456789"
TYPED = "Hunter2-typed-by-the-employee"
CHROME_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


def test_a_chromium_employee_clicks_and_submits_among_scanners(tmp_path: Path, mailstore) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    postfix, dovecot, lda = mailstore
    rules = tmp_path / "scanners.yaml"
    rules.write_text("limits:\n  instant_seconds: 3600\n")
    env = {
        **os.environ,
        "MAILWARDEN_LANG": "en",
        "COLUMNS": "300",
        "MAILWARDEN_DATA_DIR": str(tmp_path / "data"),
        "MAILWARDEN_SECRET_KEY": KEY,
        "MAILWARDEN_SCANNER_RULES": str(rules),
        "MAILWARDEN_TRUSTED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("LC_ALL", None)
    env.pop("MAILWARDEN_DATABASE_URL", None)

    def mw(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "mailwarden", *args], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
        return done

    with serve(env) as served:
        # the organisation: a verified domain (written straight into the store), three people
        store = open_store(url=f"sqlite:///{tmp_path / 'data' / 'mailwarden.db'}")
        with store.session(write=True) as s:
            s.add(SimDomain(domain="example.co.jp", token="t", verified_at=datetime(2026, 1, 1)))
        store.engine.dispose()
        csv = tmp_path / "staff.csv"
        csv.write_text(
            "氏名,メールアドレス,部署,上長\n"
            + "".join(f"社員{i},{user}@example.co.jp,営業部,\n" for i, user in enumerate(PEOPLE)),
            encoding="utf-8",
        )
        mw("campaign", "targets", "import", str(csv))
        mw(
            "campaign", "profile", "add", "mta", "--relay", f"127.0.0.1:{postfix.port}", "--security", "none",
            "--from", "notice@example.co.jp",
        )  # fmt: skip
        created = json.loads(
            mw(
                "campaign", "create", "Q4 drill", "--template", "delivery-absence", "--profile", "mta",
                "--contact", "security@example.co.jp", "--base-url", served.base, "--json",
            ).stdout
        )  # fmt: skip
        campaign = str(created["id"])
        mw("campaign", "start", campaign)
        mw("campaign", "send")
        wait_until(lambda: dovecot.count(user="u0") >= 1, 60)
        (mail,) = _inbox(dovecot, "u0")
        token = mail["Message-ID"].split(".", 1)[1].split("@", 1)[0]
        link = links(served.base, KEY, token)
        html = mail.get_body(("html",))
        assert html is not None
        page = tmp_path / "message.html"
        page.write_text(html.get_content(), encoding="utf-8")

        # the scanners, from 127.0.0.2
        scanner = httpx.Client(
            transport=httpx.HTTPTransport(local_address="127.0.0.2"), timeout=30, follow_redirects=False
        )
        with scanner:
            assert scanner.head(link.click).status_code in (200, 302)
            scanner.get(link.click, headers={"Sec-Purpose": "prefetch", "User-Agent": CHROME_UA})
            scanner.get(link.click, headers={"User-Agent": "python-requests/2.32.3"})
            scanner.get(link.open, headers={"User-Agent": "Mozilla/5.0 (via ggpht.com GoogleImageProxy)"})
            scanner.get(link.honeypot, headers={"User-Agent": CHROME_UA})
            scanner.get(link.click, headers={"User-Agent": CHROME_UA})  # a plain GET on arrival

        # the employee, in Chromium, from 127.0.0.1
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                context = browser.new_context(user_agent=CHROME_UA, locale="ja-JP")
                tab = context.new_page()
                with tab.expect_response(lambda r: "/t/o/" in r.url):
                    tab.goto(page.as_uri())  # the mail client shows the message: the pixel loads
                assert not tab.locator(f'a[href="{link.honeypot}"]').is_visible()
                with tab.expect_request(lambda r: "/t/b/" in r.url and r.method == "POST"):
                    tab.click(f'a[href="{link.click}"]')  # the landing page's beacon fires
                assert "/t/l/" in tab.url
                assert tab.locator("input[type=password]").count() == 0
                fields = tab.locator("form input[type=text], form input:not([type])")
                assert fields.count() >= 1
                fields.first.fill(TYPED)
                with tab.expect_navigation():
                    tab.locator("form button, form input[type=submit]").first.click()
                assert "/t/x/" in tab.url
                training = tab.content()
                assert "notice@example.co.jp" in training  # this message, shown to learn from
            finally:
                browser.close()

    # the server has stopped: every hit it took is stored
    hits = json.loads(mw("campaign", "hits", campaign, "--json", "--limit", "1000").stdout)["hits"]
    mine = [h for h in hits if h["address"] == "u0@example.co.jp"]
    by_ip = {ip: [h for h in mine if h["ip"] == ip] for ip in ("127.0.0.1", "127.0.0.2")}
    assert by_ip["127.0.0.2"] and all(h["human"] is False for h in by_ip["127.0.0.2"])
    reasons = {r["code"] for h in by_ip["127.0.0.2"] for r in h["reasons"]}
    assert {"method", "prefetch", "user-agent", "honeypot", "instant"} <= reasons, reasons
    person = {h["kind"]: h for h in by_ip["127.0.0.1"]}
    assert {"open", "click", "landing", "beacon", "submit"} <= set(person)
    assert person["click"]["human"] and person["landing"]["human"] and person["submit"]["human"]
    figures = json.loads(mw("campaign", "metrics", campaign, "--json").stdout)["figures"]
    assert figures["sent"] == 3
    assert (figures["clicked"]["human"], figures["submitted"]["human"]) == (1, 1)
    assert figures["clicked"]["raw_hits"] > figures["clicked"]["human"]
    assert figures["trained"] == 1
    db = (tmp_path / "data" / "mailwarden.db").read_bytes()
    assert TYPED.encode() not in db
    assert lda.errors == []
