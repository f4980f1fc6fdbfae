"""A correspondent's mailbox taken over sends authenticated mail: its brand lures still count.
(Round 11 tried leaving brand signals out of mail signed for the organisation's own or a
correspondent's domain, for an internal survey naming Amazon; a review showed a compromised
supplier's "Microsoft 365" password lure then read as clean, and the change was undone.)"""

from __future__ import annotations

from .mail import AUTH, found, message


def test_a_brand_lure_from_a_correspondents_signed_mailbox_is_still_phishing(org_rules):
    d = "daiwa-shoji.co.jp"
    mail = message(
        "Microsoft 365 のパスワードの有効期限が切れます。以下から更新してください。\n"
        "https://login-microsoftonline.example-phish.top/auth\n",
        subject="Microsoft 365 パスワード有効期限のお知らせ",
        from_=f"Microsoft 365 <it@{d}>",
        extra_headers=AUTH.format(d=d),
    )
    verdict, hits = found(mail, org_rules)
    assert hits["sender.known-authenticated"]["kind"] == "correspondent"
    assert {"brand.in-display-name", "brand.in-subject"} <= set(hits)
    assert verdict.verdict in ("suspicious", "phishing", "malicious")
