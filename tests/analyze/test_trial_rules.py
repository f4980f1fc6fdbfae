"""A rules file whose list is written as a single value (``own_domains: minato-seiki.co.jp``) is
a list of one, not a list of letters; a value of another wrong type is an error naming its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules
from mailwarden.core.errors import ConfigError

from .mail import message


def rules_file(tmp_path: Path, text: str) -> Path:
    f = tmp_path / "rules.yaml"
    f.write_text(text, encoding="utf-8")
    return f


def test_a_single_value_is_a_list_of_one(tmp_path):
    rules = load_rules(
        rules_file(
            tmp_path,
            "own_domains: minato-seiki.co.jp\n"
            "correspondents: daiwa-shoji.co.jp\n"
            "trusted_authserv_ids: MX1.minato-seiki.co.jp\n"
            "freemail: example-free.jp\n"
            "vips: {name: 高橋 健一, addresses: k.takahashi@minato-seiki.co.jp}\n",
        )
    )
    assert rules.own_domains == ("minato-seiki.co.jp",)
    assert rules.correspondents == ("daiwa-shoji.co.jp",)
    assert rules.trusted_authserv_ids == ("mx1.minato-seiki.co.jp",)
    assert "example-free.jp" in rules.freemail and "e" not in rules.freemail
    assert rules.vips == (("高橋 健一", ("k.takahashi@minato-seiki.co.jp",)),)


def test_lookalike_protection_works_with_a_single_value(tmp_path):
    as_list = load_rules(rules_file(tmp_path, "own_domains: [minato-seiki.co.jp]\n"))
    single = load_rules(rules_file(tmp_path, "own_domains: minato-seiki.co.jp\n"))
    mail = message(
        "本日中に下記口座へ300万円の振込をお願いします。至急。",
        from_="経理部 <keiri@minato-selki.co.jp>",
    )
    codes = {s["code"] for s in analyze(mail, single).to_dict()["signals"]}
    assert "header.lookalike-domain" in codes
    assert codes == {s["code"] for s in analyze(mail, as_list).to_dict()["signals"]}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("own_domains: 5\n", "own_domains"),
        ("correspondents: {daiwa-shoji.co.jp: 1}\n", "correspondents"),
        ("own_domains: [[minato-seiki.co.jp]]\n", "own_domains"),
        ("trusted_authserv_ids: true\n", "trusted_authserv_ids"),
        ("vips: [高橋 健一]\n", "vips"),
        ("vips: [{name: 高橋, addresses: {a: b}}]\n", "vips.addresses"),
        ("weights: [text.urgency]\n", "weights"),
        ("weights: {text.urgency: high}\n", "weights.text.urgency"),
        ("thresholds: 3\n", "thresholds"),
        ("ppap: 'no'\n", "ppap"),
    ],
)
def test_a_value_of_the_wrong_type_is_an_error_naming_its_key(tmp_path, text, key):
    with pytest.raises(ConfigError) as caught:
        load_rules(rules_file(tmp_path, text))
    assert f"{key} in the rules file" in str(caught.value)


def test_right_types_still_load(tmp_path):
    rules = load_rules(
        rules_file(
            tmp_path,
            "thresholds: {suspicious: 3, phishing: 6.5}\nweights: {text.urgency: 1}\n"
            "ppap: false\nown_domains:\nbrands: [{name: 例銀行, domains: example-bank.jp}]\n",
        )
    )
    assert rules.thresholds["phishing"] == 6.5 and rules.weights == {"text.urgency": 1.0}
    assert rules.ppap is False and rules.own_domains == ()
    assert any(b.name == "例銀行" and b.domains == ("example-bank.jp",) for b in rules.brands)


def test_scan_refuses_the_file_with_the_key_named(tmp_path, mw):
    f = rules_file(tmp_path, "own_domains: [minato-seiki.co.jp]\ncorrespondents: 42\n")
    mail = tmp_path / "m.eml"
    mail.write_bytes(message("こんにちは"))
    proc = mw("scan", "--offline", "--no-history", "--rules", str(f), str(mail))
    assert proc.returncode == 2
    assert "correspondents in the rules file must be a list, not 42" in proc.stderr
