"""What a new user's trial of bulk-data policies found (2026-12-07, second trial): mistakes in
a policy file that were accepted and silently changed the outcome, errors that named the
wrong rule in the wrong language, an exception that could not be written, recipients not
recognised as written, and a decision that did not say why."""

from __future__ import annotations

import email
import email.policy
import re

import pytest

from mailwarden.core.errors import ConfigError
from mailwarden.core.i18n import language
from mailwarden.dlp.policy import parse_policy
from mailwarden.dlp.service import check_message
from mailwarden.gateway.notices import compose
from mailwarden.gateway.screen import screen
from tests.analyze.mail import message
from tests.conftest import mailwarden_runner

from .test_example_policy_file import my_number

HEAD = "internal_domains: [minato-seiki.co.jp]\ngroups: {jinji: [jinji@minato-seiki.co.jp]}\nrules:\n"
CARDS = "\n".join(f"カード番号: {c}" for c in ("4111111111111111", "5500000000000004", "340000000000009"))


def _refused(rules: str, lang: str = "en") -> str:
    with language(lang), pytest.raises(ConfigError) as caught:
        parse_policy(HEAD + rules, "policy.yaml")
    return str(caught.value)


# -- errors a person can act on -------------------------------------------------------------------


def test_a_bad_value_names_the_rule_counted_from_one_and_by_its_id() -> None:
    rules = (
        "  - {id: a, when: {detector: credit-card}, action: hold}\n"
        "  - {id: b, when: {detector: email-address}, action: hold}\n"
        '  - {id: hold-bulk, when: {min_rows: "50件"}, action: hold}\n'
    )
    said = _refused(rules)
    assert "rule 3 (hold-bulk) › when › min_rows: a whole number is needed, not '50件'" in said
    japanese = _refused(rules, "ja")
    assert "ルール 3（hold-bulk）" in japanese and "整数" in japanese and "a whole number" not in japanese


def test_a_misspelt_key_or_detector_gets_the_likely_one() -> None:
    assert "unknown key min_row (did you mean min_rows?)" in _refused(
        "  - {id: a, when: {min_row: 50}, action: hold}\n"
    )
    said = _refused("  - {id: a, when: {detector: creditcard}, action: hold}\n")
    assert "unknown detector creditcard (did you mean credit-card?" in said and "dlp detectors" in said
    with pytest.raises(ConfigError, match="did you mean test_mode"):
        parse_policy("testmode: true\nrules: [{id: a, action: hold}]\n", "p")


def test_a_key_written_twice_two_rules_with_one_id_and_negative_thresholds_are_refused() -> None:
    twice = "  - id: a\n    when: {min_rows: 50}\n    when: {recipients: external}\n    action: hold\n"
    assert "the key when is written twice (line 6)" in _refused(twice)
    same_id = "  - {id: a, action: hold}\n  - {id: a, action: block}\n"
    assert "two rules have the id a" in _refused(same_id)
    negative = _refused(
        "  - {id: a, when: {detector: credit-card, min_unique: -5, min_rows: 0}, action: hold}\n"
    )
    assert (
        "min_unique: at least 0 is needed, not -5" in negative
        and "min_rows: at least 1 is needed" in negative
    )


def test_a_domain_written_as_an_address_is_read_as_the_domain_and_an_address_refused() -> None:
    p = parse_policy(
        "internal_domains: ['@Minato-Seiki.co.jp.']\nfreemail: ['@example-free.jp']\n"
        "rules: [{id: a, when: {recipients: freemail}, action: hold}]\n",
        "p",
    )
    assert p.internal_domains == ["minato-seiki.co.jp"] and p.freemail == ["example-free.jp"]
    said = _refused("  - {id: a, when: {recipients: [tanaka@partner.example]}, action: hold}\n")
    assert "tanaka@partner.example is not a domain" in said
    said = _refused("  - {id: a, when: {recipients: free-mail}, action: hold}\n")
    assert "recipients is external, freemail, internal or a list of domains, not free-mail" in said


# -- recipients as written ------------------------------------------------------------------------


def _action(policy: str, body: str, *recipients: str, sender: str = "tanaka@minato-seiki.co.jp") -> str:
    p = parse_policy(HEAD + policy, "p")
    result = check_message(message(body), p, recipients=list(recipients), sender=sender)
    return result["decision"]["action"]


def test_a_list_of_recipients_may_mix_domains_with_freemail() -> None:
    rule = "  - {id: a, when: {detector: credit-card, recipients: [freemail, partner-shoji.co.jp]},"
    rule += " action: block}\n"
    assert _action(rule, CARDS, "me@gmail.com") == "block"
    assert _action(rule, CARDS, "buyer@partner-shoji.co.jp") == "block"
    assert _action(rule, CARDS, "buyer@other.co.jp") == "allow"


def test_subdomains_are_inside_their_domain_and_addresses_are_read_as_written() -> None:
    rule = "  - {id: a, when: {detector: credit-card, recipients: external}, action: hold}\n"
    assert _action(rule, CARDS, "sato@tokyo.minato-seiki.co.jp") == "allow"  # internal
    free = "  - {id: a, when: {detector: credit-card, recipients: freemail}, action: block}\n"
    for written in ("<Me@Gmail.com>", "me@gmail.com.", "me@ymobile.ne.jp", "me@rakumail.jp"):
        assert _action(free, CARDS, written) == "block", written


# -- unless: the exception an allow rule cannot make ----------------------------------------------

UNLESS = (
    "  - id: block-my-number\n"
    "    when: {detector: jp.my-number, recipients: external}\n"
    "    unless: {senders: jinji, recipients: [sato-sharoushi.jp]}\n"
    "    action: block\n"
)


def test_unless_leaves_out_the_groups_mail_to_its_domains_only() -> None:
    body = f"個人番号 {my_number('12345678901')}"
    hr = "jinji@minato-seiki.co.jp"
    assert _action(UNLESS, body, "office@sato-sharoushi.jp", sender=hr) == "allow"
    assert _action(UNLESS, body, "office@sato-sharoushi.jp", sender="eigyo@minato-seiki.co.jp") == "block"
    assert _action(UNLESS, body, "office@sato-sharoushi.jp", "me@gmail.com", sender=hr) == "block"
    senders_only = UNLESS.replace("{senders: jinji, recipients: [sato-sharoushi.jp]}", "{senders: jinji}")
    assert _action(senders_only, body, "me@gmail.com", sender=hr) == "allow"
    assert _action(senders_only, body, "me@gmail.com", sender="eigyo@minato-seiki.co.jp") == "block"


def test_unless_needs_something_and_a_known_group() -> None:
    empty = UNLESS.replace("{senders: jinji, recipients: [sato-sharoushi.jp]}", "{}")
    assert "unless needs senders" in _refused(empty)
    unknown = UNLESS.replace("senders: jinji", "senders: somu")
    assert "rule 1 (block-my-number): unknown group somu" in _refused(unknown)


# -- saying why -----------------------------------------------------------------------------------


def test_dlp_check_says_why_and_when_rules_could_not_match(tmp_path) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_text(
        HEAD
        + "  - {id: allow-sharoushi, when: {detector: credit-card}, action: allow}\n"
        + "  - {id: hold-cards, when: {detector: credit-card}, action: hold,"
        + " reason: カード番号は承認が必要です}\n"
        + "  - {id: hold-outside, when: {recipients: external}, action: hold}\n",
        encoding="utf-8",
    )
    mail = tmp_path / "m.eml"
    mail.write_bytes(message(CARDS).replace(b"To: hanako@example.co.jp\r\n", b""))
    run = mailwarden_runner(tmp_path, "ja")
    out = re.sub(r"[\s│]", "", run("dlp", "check", str(mail), "--policy", str(policy)).stdout)  # cells wrap
    assert "承認待ち" in out and "hold-cards:カード番号は承認が必要です" in out
    assert "宛先がありません" in out  # no To/Cc/Bcc and no --rcpt: hold-outside could not match
    assert "allow-sharoushi:allow" in out and "ルールはより厳しいルールを打ち消しません" in out


def test_the_approvers_notice_says_how_many_rows_hold_personal_data() -> None:
    rows = "\n".join(f"顧客{i}\t090-{1000 + i:04d}-{2000 + i:04d}\tc{i}@example.net" for i in range(60))
    data = message("氏名\t電話\tメール\n" + rows)
    policy = parse_policy(HEAD + "  - {id: hold-bulk, when: {min_rows: 50}, action: hold}\n", "p")
    outcome = screen(data, "tanaka@minato-seiki.co.jp", ["a@partner.example"], policy)
    assert outcome.disposition == "hold" and outcome.record["personal_rows"] == 60
    with language("en"):
        notice = compose(
            "held", to=["approver@x"], sender_address="dlp@x", meta={"id": "1", "record": outcome.record}
        )
    body = email.message_from_bytes(notice, policy=email.policy.default).get_content()
    assert "Table rows holding personal data: 60" in body


def test_lists_that_share_most_of_their_people_count_each_person_once() -> None:
    from email.message import EmailMessage
    from email.policy import SMTP

    def person(i: int) -> str:
        return f"顧客{i},090-{1000 + i:04d}-{2000 + i:04d},c{i}@example.net"

    april = ["氏名,電話,メール", *(person(i) for i in range(30))]
    may = ["氏名,電話,メール", *(person(i) for i in range(2, 32))]  # 28 of April's, 2 new
    msg = EmailMessage(policy=SMTP)
    msg["From"], msg["To"], msg["Subject"] = "a@minato-seiki.co.jp", "b@partner.example", "名簿"
    msg.set_content("4月と5月の名簿です。")
    for name, rows in (("april.csv", april), ("may.csv", may)):
        msg.add_attachment("\n".join(rows).encode(), maintype="text", subtype="csv", filename=name)
    r = check_message(msg.as_bytes())
    assert r["personal_rows"] == 32 and r["counts"]["email-address"] == 32
    # rows alike within one table still count each (two orders of one customer are two rows)
    twice = ["氏名,電話,メール", person(1), person(1)]
    msg2 = EmailMessage(policy=SMTP)
    msg2["From"], msg2["To"], msg2["Subject"] = "a@minato-seiki.co.jp", "b@partner.example", "x"
    msg2.set_content("x")
    msg2.add_attachment("\n".join(twice).encode(), maintype="text", subtype="csv", filename="t.csv")
    assert check_message(msg2.as_bytes())["personal_rows"] == 2


# -- what the review of these changes found -------------------------------------------------------


def test_aliases_nested_to_a_billion_items_give_a_short_error() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    text = "\n".join(lines) + "\ninternal_domains: [*a7]\nrules: [{id: a, action: block}]\n"
    with pytest.raises(ConfigError) as caught:
        parse_policy(text, "p")
    assert len(str(caught.value)) < 3000 and "unknown key a0" in str(caught.value)


def test_merge_keys_work_and_odd_keys_are_refused_cleanly() -> None:
    merged = parse_policy("rules: [ &r {id: a, action: block}, {<<: *r, id: b} ]\n", "p")
    assert [(r.id, r.action) for r in merged.rules] == [("a", "block"), ("b", "block")]
    for text in (
        "rules: [{id: a, action: block, ? [x, y] : 1}]\n",
        "rules: [{id: a, action: hold, when: {1: 2}}]\n",
    ):
        with pytest.raises(ConfigError):
            parse_policy(text, "p")
    with pytest.raises(ConfigError, match=r"rule 1 \(a\) › when: a key must be text, not 1"):
        parse_policy("rules: [{id: a, action: hold, when: {1: 2}}]\n", "p")


def test_domains_users_write_are_read_and_an_idn_meets_its_envelope_form() -> None:
    p = parse_policy(
        "internal_domains: [localdomain, '*.Example.org', 例え.jp]\n"
        "rules: [{id: a, when: {detector: credit-card, recipients: external}, action: hold}]\n",
        "p",
    )
    assert p.internal_domains == ["localdomain", "example.org", "xn--r8jz45g.jp"]
    for inside in ("x@xn--r8jz45g.jp", "x@例え.jp", "x@host.localdomain", "x@a.example.org"):
        assert check_message(message(CARDS), p, recipients=[inside])["decision"]["action"] == "allow", inside


def test_none_found_can_be_a_condition_and_recipient_words_are_read_in_any_case() -> None:
    p = parse_policy(
        "rules: [{id: a, when: {detector: credit-card, min_unique: 0, max_unique: 0, recipients: [External]},"
        " action: notify}]\n",
        "p",
    )
    assert p.rules[0].when.recipients == ["external"]
    assert (
        check_message(message("請求書を送ります"), p, recipients=["x@y.example"])["decision"]["action"]
        == "notify"
    )


def test_internal_stands_alone_and_outside_tables_needs_detectors() -> None:
    assert "internal stands alone" in _refused(
        "  - {id: a, when: {recipients: [internal, x.example]}, action: hold}\n"
    )
    said = _refused("  - {id: a, when: {outside_tables: true}, action: hold}\n")
    assert "outside_tables counts the values of detector or detectors" in said


def test_a_misspelt_action_gets_the_likely_one_and_the_whole_list() -> None:
    said = _refused("  - {id: a, action: hodl}\n")
    assert (
        "'hodl' is not one of allow, add_header, tag_subject, notify, force_bcc, delay, hold, block" in said
    )
    assert "(did you mean hold?)" in said
    japanese = _refused("  - {id: a, action: hodl}\n", "ja")
    assert " or " not in japanese


def test_a_pattern_re2_refuses_is_explained_in_the_readers_language() -> None:
    text = "patterns: [{id: p, regex: '(a)\\1'}]\nrules: [{id: a, when: {pattern: p}, action: hold}]\n"
    with language("ja"), pytest.raises(ConfigError) as caught:
        parse_policy(text, "p")
    assert "RE2" in str(caught.value) and "後方参照" in str(caught.value)


# -- the second review ----------------------------------------------------------------------------


def test_every_name_an_error_quotes_is_short_whatever_aliases_make_of_it() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 8)]
    for tail in (
        "rules: [{id: *a7, action: block}]",
        "rules: [{id: a, action: block, when: {senders: *a7}}]",
    ):
        with pytest.raises(ConfigError) as caught:
            parse_policy("\n".join(lines) + "\n" + tail + "\n", "p")
        assert len(str(caught.value)) < 5000


def test_yaml_nested_too_deeply_or_a_huge_number_is_a_clean_refusal() -> None:
    for text in (
        "x: " + "[" * 2000 + "]" * 2000 + "\n",
        "rules: [{id: a, action: hold, when: {min_unique: " + "9" * 5000 + "}}]\n",
    ):
        with pytest.raises(ConfigError):
            parse_policy(text, "p")


def test_a_misspelt_recipient_word_in_a_list_is_refused_not_read_as_a_domain() -> None:
    said = _refused("  - {id: a, when: {recipients: [externel, partner.jp]}, action: block}\n")
    assert "externel is neither a domain nor a recipient word (did you mean external?)" in said
    for written, says in (("[gmail]", "gmail is neither a domain"), ("['*']", "* is not a domain")):
        assert says in _refused(f"  - {{id: a, when: {{recipients: {written}}}, action: block}}\n")
    unless = "  - {id: a, when: {recipients: external}, unless: {recipients: [freemail]}, action: block}\n"
    assert "freemail is not a domain" in _refused(unless)


def test_the_re2_reason_is_given_once() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_policy(
            "patterns: [{id: p, regex: '(a)\\1'}]\nrules: [{id: a, when: {pattern: p}, action: hold}]\n", "p"
        )
    assert str(caught.value).count("RE2") == 1


def test_domains_follow_idna_2008_as_mail_software_does() -> None:
    p = parse_policy("internal_domains: [faß.de, 例え．jp。]\nrules: [{id: a, action: hold}]\n", "p")
    assert p.internal_domains == ["xn--fa-hia.de", "xn--r8jz45g.jp"]


def test_values_no_message_can_quote_are_refused_cleanly() -> None:
    for text in (
        "rules: [{id: 0x" + "f" * 5000 + ", action: hold}]\n",
        'internal_domains: ["\\ud800.jp"]\nrules: [{id: a, action: hold}]\n',
        'rules: [{id: a, action: hold, when: {recipients: ["\\udc80"]}}]\n',
        "internal_domains: [example.co.jp;example.com]\nrules: [{id: a, action: hold}]\n",
        "internal_domains: ['<example.co.jp>']\nrules: [{id: a, action: hold}]\n",
    ):
        with pytest.raises(ConfigError):
            parse_policy(text, "p")


def test_full_width_dots_and_suggestions_only_of_words_allowed_there() -> None:
    p = parse_policy("rules: [{id: a, action: hold, when: {recipients: 例え。jp}}]\n", "p")
    assert p.rules[0].when.recipients == ["xn--r8jz45g.jp"]
    said = _refused("  - {id: a, action: hold, unless: {recipients: [externel]}}\n")
    assert "did you mean" not in said  # unless takes domains only
    said = _refused("  - {id: a, action: hold, when: {recipients: [internl]}}\n")
    assert "did you mean external" not in said
