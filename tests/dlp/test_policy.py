"""DLP policies: validation with clear errors, conditions, the most restrictive action, test mode."""

from __future__ import annotations

import pytest

from mailwarden.core.errors import ConfigError
from mailwarden.dlp.policy import load_policy
from mailwarden.dlp.service import check_message
from tests.analyze.mail import message

from .test_check_cli import cp932_zip

POLICY = """
internal_domains: [example.co.jp]
groups: {sales: [tanaka@example.co.jp]}
keywords: [{id: confidential, words: [社外秘, Confidential]}]
patterns: [{id: project, regex: "PRJ-[0-9]{4}"}]
rules:
  - id: block-my-number
    when: {detector: jp.my-number}
    action: block
    reason: マイナンバーは社外へ送れません
  - id: confidential-outside
    when: {keyword: confidential, recipients: external}
    action: hold
  - id: project-code
    when: {pattern: project, recipients: external}
    action: add_header
    header: "X-DLP: project"
  - id: freemail-attachment
    when: {recipients: freemail, attachments: true}
    action: delay
    minutes: 5
  - id: many-external
    when: {external_recipients_over: 2}
    action: force_bcc
  - id: encrypted-out
    when: {encrypted: true, recipients: external}
    action: notify
    notify: [approver]
  - id: sales-cards
    when: {senders: sales, detector: credit-card, min_unique: 2}
    action: hold
"""


@pytest.fixture
def policy(tmp_path):
    f = tmp_path / "policy.yaml"
    f.write_text(POLICY, encoding="utf-8")
    return load_policy(f)


def decision(policy, data, **kw):
    return check_message(data, policy, **kw)["decision"]


def test_the_most_restrictive_action_wins_and_all_matches_are_listed(policy):
    data = message("社外秘: 個人番号 123456789018", from_="T <tanaka@example.co.jp>")
    d = decision(policy, data, recipients=["partner@other.example"])
    assert d["action"] == "block"
    assert [m["rule"] for m in d["matched_rules"]] == ["block-my-number", "confidential-outside"]
    assert d["matched_rules"][0]["reason"] == "マイナンバーは社外へ送れません"


def test_internal_mail_passes_what_external_mail_does_not(policy):
    data = message("社外秘の資料です", from_="T <tanaka@example.co.jp>")
    assert decision(policy, data, recipients=["sato@example.co.jp"])["action"] == "allow"
    assert decision(policy, data, recipients=["x@other.example"])["action"] == "hold"


def test_recipient_conditions(policy):
    att = [("a.pdf", "application/pdf", b"%PDF-1.4\n%%EOF")]
    data = message("資料", attachments=att)
    d = decision(policy, data, recipients=["me@gmail.com"])
    assert d["action"] == "delay" and d["matched_rules"][0]["minutes"] == 5
    many = decision(policy, message("hi"), recipients=["a@x.example", "b@y.example", "c@z.example"])
    assert many["action"] == "force_bcc"
    header = decision(policy, message("PRJ-1234 の件"), recipients=["a@x.example"])
    assert header["action"] == "add_header"


def test_encrypted_attachments_and_sender_groups(policy):
    enc = cp932_zip("見積.xlsx", b"x", encrypted=True)
    d = decision(
        policy,
        message("見積", attachments=[("見積.zip", "application/zip", enc)]),
        recipients=["a@x.example"],
    )
    assert d["action"] == "notify"
    cards = message("4111111111111111 と 5555555555554444", from_="T <tanaka@example.co.jp>")
    assert decision(policy, cards, recipients=["sato@example.co.jp"])["action"] == "hold"
    other = message("4111111111111111 と 5555555555554444", from_="S <suzuki@example.co.jp>")
    assert decision(policy, other, recipients=["sato@example.co.jp"])["action"] == "allow"


def test_recipients_default_to_the_headers(policy):
    data = message("社外秘")  # To: hanako@example.co.jp — internal
    assert decision(policy, data)["action"] == "allow"


def test_test_mode_is_reported(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("test_mode: true\nrules: [{id: all, action: block}]\n", encoding="utf-8")
    d = decision(load_policy(f), message("hi"))
    assert d["action"] == "block" and d["test_mode"] is True


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("rules: []\n", "rules"),
        ("rules: [{id: a, action: explode}]\n", "action"),
        ("rules: [{id: a, action: delay}]\n", "a delay needs minutes"),
        ("rules: [{id: a, when: {detector: jp.nothing}, action: block}]\n", "unknown detector jp.nothing"),
        ("rules: [{id: a, when: {keyword: nope}, action: block}]\n", "unknown keyword nope"),
        ("patterns: [{id: p, regex: '('}]\nrules: [{id: a, action: block}]\n", "not a regular expression"),
        ("rules: [{id: a, action: block, colour: red}]\n", "colour"),
        ("rules: [{id: a, when: {recipients: everyone}, action: block}]\n", "recipients is"),
    ],
)
def test_invalid_policies_say_what_is_wrong(tmp_path, text, needle):
    f = tmp_path / "bad.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=needle.replace("(", r"\(")):
        load_policy(f)
