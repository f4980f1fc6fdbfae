"""A phrase signal that fires on words inside a link quotes the link's host and the words, not
the words as if the text said them (a new user's trial, 2026-12-07: "The text says
'unsubscribe'" of a newsletter whose only "unsubscribe" was in its link). The link still
counts: an unsubscribe link is a sign of bulk mail, and taking such words out of links lost
junk mail on the tuning sets."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules
from mailwarden.core.i18n import language


def _mail(body: str) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"], msg["To"], msg["Subject"] = "events@acme-tools.example", "you@example.net", "Webinar"
    msg.set_content(body)
    return msg.as_bytes()


def _signal(body: str, code: str) -> dict:
    with language("en"):
        result = analyze(_mail(body), load_rules())
    return next(s for s in result.signals if s["code"] == code)


def test_a_word_only_in_a_link_is_quoted_as_the_links_host_and_the_word() -> None:
    body = "Join our webinar.\nManage: https://www.acme-tools.example/Unsubscribe?u=1&r=taro@example.net\n"
    bulk = _signal(body, "spam.bulk")
    assert bulk["evidence"]["phrase"] == "www.acme-tools.example/…unsubscribe…"  # no token, no address
    assert bulk["explanation"] == 'The text says "www.acme-tools.example/…unsubscribe…".'
    long_link = "Join.\nhttps://t.acme-tools.example/" + "x" * 3000 + "/unsubscribe\n"
    assert _signal(long_link, "spam.bulk")["evidence"]["phrase"] == "t.acme-tools.example/…unsubscribe…"


def test_a_word_in_the_text_is_quoted_as_the_word() -> None:
    body = "Join our webinar.\nTo unsubscribe, visit https://www.acme-tools.example/unsubscribe?u=1\n"
    assert _signal(body, "spam.bulk")["evidence"]["phrase"] == "unsubscribe"


def test_a_link_without_a_scheme_is_quoted_whole_too() -> None:
    gambling = _signal("Big wins tonight at www.lucky-casino.example/join now\n", "text.gambling")
    assert gambling["evidence"]["phrase"] == "www.lucky-casino.example/…casino…"


def test_a_signed_newsletter_with_shortened_links_is_known_once_its_domain_is_listed(tmp_path) -> None:
    """What the README tells a subscriber to do (a new user's trial: a signed newsletter with
    bit.ly links was called suspicious; junk mail comes in that same form)."""
    from mailwarden.analyze.rules import load_rules as load

    from .mail import AUTH, found, message

    d = "mail.nikkei-tech.example.com"
    body = "今週の注目記事\n1. 生成AIの導入事例 https://bit.ly/3abcDEF\n配信停止: https://mail.nikkei-tech.example.com/unsub\n"
    extra = AUTH.format(d=d) + f"List-Unsubscribe: <https://{d}/unsub?u=1>\r\n"
    mail = message(body, from_=f"Nikkei Tech <newsletter@{d}>", extra_headers=extra)
    base = "own_domains: [minato-seiki.co.jp]\ntrusted_authserv_ids: [mx1.minato-seiki.co.jp]\n"
    (tmp_path / "plain.yaml").write_text(base)
    (tmp_path / "listed.yaml").write_text(base + "correspondents: [nikkei-tech.example.com]\n")
    verdict, hits = found(mail, load(tmp_path / "plain.yaml"))
    assert {"url.shortener", "bulk.authenticated"} <= set(hits) and verdict.verdict == "suspicious"
    verdict, hits = found(mail, load(tmp_path / "listed.yaml"))
    assert "sender.known-authenticated" in hits and verdict.verdict in ("clean", "spam")


def test_a_link_glued_to_the_text_before_it_is_still_quoted_as_a_link() -> None:
    for body in (
        "配信停止はこちら：https://www.acme-tools.example/unsubscribe?u=1&r=taro@example.net\n",
        "Manage:https://www.acme-tools.example/unsubscribe?u=1\n",
        "[link](https://www.acme-tools.example/unsubscribe)\n",
        "https://user:pw@www.acme-tools.example/unsubscribe\n",  # no user name or password shown
        "https://www.acme-tools.example#unsubscribe\n",
    ):
        assert _signal(body, "spam.bulk")["evidence"]["phrase"] == "www.acme-tools.example/…unsubscribe…", (
            body
        )


def test_the_host_quoted_is_the_one_a_browser_goes_to() -> None:
    body = "Manage: https://evil.example\\@good.example/unsubscribe\n"
    assert _signal(body, "spam.bulk")["evidence"]["phrase"] == "evil.example/…unsubscribe…"
