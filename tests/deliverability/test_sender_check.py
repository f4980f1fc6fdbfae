"""check_message against NSD: a compliant campaign, each way of failing, and garbage."""

from __future__ import annotations

import pytest

from mailwarden.deliverability.sender import MAX_MESSAGE, MessageTooLarge

from ._sender_support import (
    DOMAIN,
    GENERIC_IP,
    NO_PTR_IP,
    NOT_IN_SPF_IP,
    OTHER,
    SIGNED,
    check,
    make_keys,
    message,
    sign,
    start_dns,
    statuses,
)

GOOD = {"client_ip": "127.0.0.1", "helo": f"mta.{DOMAIN}", "mail_from": f"bounce@{DOMAIN}"}

pytestmark = pytest.mark.dns


@pytest.fixture(scope="module")
def keys():
    return make_keys()


@pytest.fixture(scope="module")
def dns(keys):
    server = start_dns(keys)
    yield server
    server.stop()


def test_compliant_campaign_passes(dns, keys):
    r = check(sign(message(), keys.own), dns, **GOOD)
    s = statuses(r)
    for name in (
        "spf",
        "spf-alignment",
        "dkim",
        "dkim-alignment",
        "dmarc",
        "unsubscribe",
        "unsubscribe-post",
        "unsubscribe-signed",
        "from",
        "message-id",
        "date",
        "ptr",
        "fcrdns",
        "phishing",
    ):
        assert s[name][0] == "pass", (name, s[name])
    assert s["dmarc-policy"] == ("warn", "sender.dmarc-policy-none")
    assert s["unsubscribe-endpoint"] == ("skipped", "sender.unsubscribe-untried")
    assert s["tls"][0] == "skipped"
    assert not r.failed()
    assert r.grade == "A" and r.score >= 90
    d = r.to_dict()
    assert d["authentication"]["dkim"][0]["aligned"] is True
    assert "list-unsubscribe-post" in d["authentication"]["dkim"][0]["signed_headers"]
    assert d["authentication"]["spf"] == {"result": "pass", "domain": DOMAIN, "aligned": True}
    assert d["receivers"]["outlook"]["meets"] is True
    assert d["receivers"]["gmail"]["meets"] is None  # TLS only known by the inbox
    assert d["receivers"]["gmail"]["unchecked"] == ["tls"]
    assert {c["name"] for c in d["checks"]} >= {"spf", "dkim", "dmarc"}
    assert all(c["receivers"] for c in d["checks"])


def test_authentication_results_header_is_not_trusted(dns):
    forged = (
        b"Authentication-Results: mx.google.com; dkim=pass header.d=example.test; spf=pass; dmarc=pass\r\n"
    )
    raw = forged + message().as_bytes()
    s = statuses(check(raw, dns, **GOOD))
    assert s["dkim"] == ("fail", "sender.dkim-none")


def test_unsigned(dns):
    r = check(message().as_bytes(), dns, **GOOD)
    s = statuses(r)
    assert s["dkim"] == ("fail", "sender.dkim-none")
    assert s["unsubscribe-signed"][1] == "sender.unsubscribe-unsigned"
    assert s["dmarc"][0] == "pass"  # SPF aligned still carries DMARC
    assert r.failed() and r.receivers()["gmail"]["meets"] is False
    assert "dkim" in r.receivers()["outlook"]["failing"]


def test_dkim_not_aligned(dns, keys):
    raw = sign(message(), keys.other, domain=OTHER)
    s = statuses(check(raw, dns, client_ip="127.0.0.1", mail_from=f"bounce@{OTHER}"))
    assert s["dkim"] == ("pass", "sender.dkim-pass")
    assert s["dkim-alignment"] == ("warn", "sender.dkim-not-aligned")
    assert s["unsubscribe-signed"] == ("fail", "sender.unsubscribe-unsigned")
    assert s["spf"][0] == "fail"
    assert s["dmarc"] == ("fail", "sender.dmarc-fail")


def test_list_unsubscribe_not_signed(dns, keys):
    headers = [h for h in SIGNED if not h.startswith(b"list-")]
    r = check(sign(message(), keys.own, headers=headers), dns, **GOOD)
    c = r.check("unsubscribe-signed")
    assert c is not None and c.status == "fail"
    assert "List-Unsubscribe, List-Unsubscribe-Post" in c.finding.detail
    assert "list-unsubscribe" not in c.params["signed"]


def test_one_click_post_missing_and_wrong(dns, keys):
    s = statuses(check(sign(message(one_click=None), keys.own), dns, **GOOD))
    assert s["unsubscribe-post"] == ("fail", "sender.unsubscribe-post-missing")
    s = statuses(check(sign(message(one_click="yes"), keys.own), dns, **GOOD))
    assert s["unsubscribe-post"] == ("fail", "sender.unsubscribe-post-wrong")
    s = statuses(check(sign(message(unsubscribe="<mailto:u@example.test>"), keys.own), dns, **GOOD))
    assert s["unsubscribe"] == ("fail", "sender.unsubscribe-no-https")
    r = check(sign(message(unsubscribe=None, one_click=None), keys.own), dns, **GOOD)
    assert r.check("unsubscribe").code == "sender.unsubscribe-missing"
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in (r.check("unsubscribe").fix or "")
    assert r.check("unsubscribe-signed").status == "skipped"


def test_html_only(dns, keys):
    s = statuses(check(sign(message(text=None), keys.own), dns, **GOOD))
    assert s["text-alternative"] == ("warn", "sender.html-only")


def test_missing_message_id_and_date(dns, keys):
    r = check(sign(message(message_id=False, date=False, feedback_id=False), keys.own), dns, **GOOD)
    s = statuses(r)
    assert s["message-id"] == ("fail", "sender.message-id-invalid")
    assert s["date"] == ("fail", "sender.date-invalid")
    assert s["feedback-id"] == ("info", "sender.feedback-id-missing")
    assert "no Message-ID" in r.check("message-id").finding.detail
    s = statuses(check(sign(message(extra={"Reply-To": "not an address"}), keys.own), dns, **GOOD))
    assert s["reply-to"] == ("warn", "sender.reply-to-invalid")


def test_shortener_link(dns, keys):
    body = "Read our offer: https://bit.ly/3abcDEF\n"
    r = check(sign(message(text=body, html=None), keys.own), dns, **GOOD)
    assert r.check("shorteners").code == "sender.shorteners"
    assert "bit.ly" in r.check("shorteners").params["hosts"]


def test_spf_fails_for_another_address(dns, keys):
    r = check(sign(message(), keys.own), dns, client_ip=NOT_IN_SPF_IP, mail_from=f"bounce@{DOMAIN}")
    c = r.check("spf")
    assert c.code == "sender.spf-fail" and c.params["result"] == "fail"
    # the fix is the published record with the address added, valid for the domain audit
    assert (
        c.fix == f'{DOMAIN}. TXT "v=spf1 ip4:127.0.0.1 ip4:127.0.0.2 ip4:127.0.0.4 ip4:{NOT_IN_SPF_IP} -all"'
    )
    assert r.check("spf-alignment").status == "info"
    assert r.check("dmarc").status == "pass"  # DKIM aligned


def test_no_ptr_and_generic_ptr(dns, keys):
    raw = sign(message(), keys.own)
    s = statuses(check(raw, dns, client_ip=NO_PTR_IP, mail_from=f"bounce@{DOMAIN}"))
    assert s["ptr"] == ("fail", "sender.ptr-missing")
    assert s["fcrdns"][0] == "skipped"
    r = check(raw, dns, client_ip=GENERIC_IP, mail_from=f"bounce@{DOMAIN}")
    assert r.check("ptr").code == "sender.ptr-generic"
    assert r.check("fcrdns").code == "sender.fcrdns-fail"
    assert r.check("fcrdns").fix == f"ip-127-0-0-4.dyn.{DOMAIN}. A {GENERIC_IP}"


def test_no_client_ip_skips_network_checks(dns, keys):
    r = check(sign(message(), keys.own), dns)
    s = statuses(r)
    assert s["spf"] == ("skipped", "sender.no-client-ip")
    assert s["ptr"][0] == s["fcrdns"][0] == "skipped"
    assert s["dkim"][0] == "pass"


def test_dmarc_missing_proposes_a_valid_record(dns, keys):
    m = message(sender=f"news@{OTHER}")
    r = check(sign(m, keys.own), dns, **GOOD)
    c = r.check("dmarc")
    assert c.code == "sender.dmarc-missing", r.authentication
    assert c.fix == f'_dmarc.{OTHER}. TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@{OTHER}"'
    assert r.check("dkim-alignment").status == "warn"


LURE_TEXT = (
    "Dear customer,\n\nYour PayPal account has been suspended because of unusual activity.\n"
    "To avoid permanent closure you must verify your account and confirm your password within 24 hours:\n"
    "http://paypal-secure-login.example.test/verify?acct=1\n\nPayPal Security Team\n"
)
LURE_HTML = (
    "<p>Dear customer,</p><p>Your PayPal account has been <b>suspended</b>."
    " Verify your password within 24 hours or it will be closed:</p><p><a href='http://paypal-secure-login.example.test/verify'>"
    "https://www.paypal.com/signin</a></p><p>PayPal Security Team</p>"
)


def test_phishing_looking_campaign(dns, keys):
    m = message(
        sender=f"security@{DOMAIN}",
        subject="Urgent: your PayPal account is suspended",
        text=LURE_TEXT,
        html=LURE_HTML,
    )
    del m["From"]
    m["From"] = f"PayPal Security <security@{DOMAIN}>"
    r = check(sign(m, keys.own), dns, **GOOD)
    c = r.check("phishing")
    assert c.status == "fail", r.analysis
    assert c.params["verdict"] in ("suspicious", "phishing", "malicious")
    assert c.params["signals"]
    assert r.analysis["signals"]


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        bytes(range(256)) * 40,
        b"From: a@example.test\r\nSubject: headers only\r\n",
        b"X-Long: " + b"a" * 300_000 + b"\r\n\r\nbody\r\n",
        b"\x00\xff\xfe garbage \r\n\r\n\r\n",
    ],
    ids=["empty", "binary", "headers-only", "huge-header", "nul"],
)
def test_garbage_gives_failing_report(dns, raw):
    r = check(raw, dns, client_ip="127.0.0.1")
    assert r.failed()
    assert r.check("from").status == "fail" or r.check("dkim").status == "fail"
    assert r.grade in ("C", "D", "F")
    assert isinstance(r.to_dict()["checks"], list)


def test_too_large_refused(dns):
    with pytest.raises(MessageTooLarge):
        check(b"x" * (MAX_MESSAGE + 1), dns)
