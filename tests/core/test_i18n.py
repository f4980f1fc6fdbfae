"""Every user-facing string has a Japanese and an English translation with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from mailwarden.core import i18n
from mailwarden.core.findings import Finding, registry
from mailwarden.domain import codes as _codes  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}")


def extracted() -> set[str]:
    method_map = [
        ("**.py", "python"),
        ("**/templates/**.html", "jinja2"),
        ("**.yaml", "mailwarden.core.i18n_extract:extract_findings"),
    ]
    ids = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(ROOT / "src"), method_map=method_map, keywords={"_": None, "N_": None, "gettext": None}
    ):
        if isinstance(message, str):
            ids.add(message)
    return ids


@pytest.fixture(scope="module")
def messages() -> set[str]:
    ids = extracted()
    assert len(ids) > 300
    return ids


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_message_translated(messages, lang):
    cat = i18n.catalogue(lang)
    missing = sorted(m for m in messages if m not in cat)
    assert not missing, f"{len(missing)} messages missing from {lang}; run `make i18n`: {missing[:5]}"


def test_placeholders_kept(messages):
    cat = i18n.catalogue("ja")
    for msgid in messages:
        assert set(PLACEHOLDER.findall(cat[msgid])) == set(PLACEHOLDER.findall(msgid)), msgid


#: terms Japanese administrators write as they are
TECHNICAL = (
    *("Null MX", "Message-ID", "ID", "Prowler", "Security Hub", "Gmail Postmaster Tools", "NIST"),
    # header and protocol names, the same in every language (the sender test inbox's check titles)
    *("ARC", "DKIM", "DMARC", "SPF", "TLS", "HTTP {status}", "Feedback-ID", "Reply-To"),
    *("List-Unsubscribe", "List-Unsubscribe-Post"),
)


def command(msgid: str) -> bool:
    """An AWS CLI command given as the whole remediation: the same in every language."""
    return msgid.startswith("aws ")


def test_japanese_text_is_japanese(messages):
    cat = i18n.catalogue("ja")
    kana_or_kanji = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    untranslated = [
        m for m in messages if not kana_or_kanji.search(cat[m]) and m not in TECHNICAL and not command(m)
    ]
    assert not untranslated, untranslated[:10]


def test_registry_texts_are_extracted(messages):
    for d in registry().values():
        assert d.title in messages and d.detail in messages
        if d.remediation:
            assert d.remediation in messages


def test_findings_render_in_the_chosen_language():
    f = Finding("spf.too-many-lookups", subject="example.jp", params={"domain": "example.jp", "count": 12})
    with i18n.language("ja"):
        assert f.title == "SPF の DNS 参照回数が多すぎます"
        assert "12 回" in f.detail and "example.jp" in f.detail
    with i18n.language("en"):
        assert f.title == "Too many DNS lookups in SPF"
        assert "needs 12 DNS lookups" in f.detail


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"MAILWARDEN_LANG": "en"}, "en"),
        ({"MAILWARDEN_LANG": "", "LANG": "ja_JP.UTF-8"}, "ja"),
        ({"MAILWARDEN_LANG": "", "LANG": "en_US.UTF-8"}, "en"),
        ({"MAILWARDEN_LANG": "", "LANG": "C"}, "ja"),
        ({"MAILWARDEN_LANG": "fr", "LC_ALL": "en_GB"}, "en"),
    ],
)
def test_language_from_environment(monkeypatch, env, expected):
    for var in ("MAILWARDEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert i18n.language_from_environment() == expected


def test_marked_parameter_values_are_translated():
    f = Finding(
        "dmarc.removed-tag",
        subject="a.jp",
        params={
            "domain": "a.jp",
            "tag": "pct",
            "advice": "the percentage ramp is gone; use t=y for a testing phase.",
        },
    )
    with i18n.language("ja"):
        assert "割合による段階適用は廃止" in f.detail and "a.jp" in f.detail


def test_catalogue_cached_while_the_po_is_unchanged(tmp_path, monkeypatch):
    from mailwarden.core import i18n

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    po = i18n.LOCALE_DIR / "ja" / "LC_MESSAGES" / "mailwarden.po"
    want = i18n._read_po(po, "ja")
    assert len(want) > 1000
    i18n.catalogue.cache_clear()
    try:
        assert i18n.catalogue("ja") == want  # read from the .po, copy written
        (copy,) = (tmp_path / "mailwarden").glob("i18n-ja-*.marshal")
        i18n.catalogue.cache_clear()
        assert i18n.catalogue("ja") == want  # read from the copy
        copy.write_bytes(b"\x00not marshal")  # a damaged copy is read past, and rewritten
        i18n.catalogue.cache_clear()
        assert i18n.catalogue("ja") == want
        assert copy.read_bytes() != b"\x00not marshal"
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
        (tmp_path / "file").write_text("not a directory")  # nowhere to write: the .po each time
        i18n.catalogue.cache_clear()
        assert i18n.catalogue("ja") == want
    finally:
        i18n.catalogue.cache_clear()
