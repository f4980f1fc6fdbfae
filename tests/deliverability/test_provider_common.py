"""The providers' shared pieces: JSON body, times, addresses, SMTP codes, window, replay cache,
field checks, the batch cap, and configured() building only the providers with secrets."""

from __future__ import annotations

import datetime as dt

import pytest

from mailwarden.core.config import Settings
from mailwarden.deliverability.events import MAX_REASON, HookRequest, Parsed, Rejected
from mailwarden.deliverability.providers import configured
from mailwarden.deliverability.providers.common import (
    BadField,
    ReplayCache,
    address,
    capped,
    check_window,
    codes_from,
    domain_of,
    field,
    load_json,
    parse_time,
    reason,
)

UTC = dt.UTC


def req(body: bytes) -> HookRequest:
    return HookRequest("x", body, {}, "127.0.0.1", {}, dt.datetime.now(UTC))


def test_load_json():
    assert load_json(req(b'{"a": [1]}'), 100) == {"a": [1]}
    for body, status in [(b"{", 400), (b"\xff\xfe", 400), (b"", 400), (b"[" * 20 + b"]" * 20, 413)]:
        with pytest.raises(Rejected) as info:
            load_json(req(body), 30)
        assert info.value.status == status


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-05T08:00:01.123Z", dt.datetime(2026, 12, 5, 8, 0, 1, 123000, tzinfo=UTC)),
        ("2026-12-05T17:00:00+09:00", dt.datetime(2026, 12, 5, 8, 0, tzinfo=UTC)),
        ("2026-12-05T08:00:00", dt.datetime(2026, 12, 5, 8, 0, tzinfo=UTC)),
        (1733385600, dt.datetime(2024, 12, 5, 8, 0, tzinfo=UTC)),
        (1733385600.5, dt.datetime(2024, 12, 5, 8, 0, 0, 500000, tzinfo=UTC)),
        ("1733385600", dt.datetime(2024, 12, 5, 8, 0, tzinfo=UTC)),
        (1733385600000, dt.datetime(2024, 12, 5, 8, 0, tzinfo=UTC)),
    ],
)
def test_parse_time(value, expected):
    at = parse_time(value)
    assert at == expected and at.tzinfo is not None and at.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("value", [None, True, "", "soon", -1, float("nan"), 1e30, "9" * 100, [], {}])
def test_parse_time_refuses(value):
    with pytest.raises(ValueError):
        parse_time(value)


def test_address_and_domain():
    assert address("Taro <Taro@Example.JP>") == "taro@example.jp"
    assert address("x@y.z") == "x@y.z"
    assert address("no address") == "" and address(5) == "" and address(None) == ""
    assert domain_of('"Shop, Inc." <info@News.Example.jp>') == "news.example.jp"
    assert domain_of("") == "" and domain_of(["a@b"]) == ""


def test_codes_from():
    assert codes_from("smtp; 550 5.1.1 user unknown") == ("550", "5.1.1")
    assert codes_from("421-4.7.0 try again later") == ("421", "4.7.0")
    assert codes_from("5.7.26 unauthenticated") == ("", "5.7.26")
    assert codes_from("delivered") == ("", "") and codes_from(None) == ("", "")
    assert codes_from("port 1550 and 6.1.1") == ("", "")
    long = "x " * 100_000 + "550 5.1.1"
    assert codes_from(long) == ("", "")  # only the head of a huge text is searched


def test_check_window():
    now = dt.datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    check_window(now - dt.timedelta(seconds=299), now, 300)
    check_window(now + dt.timedelta(seconds=299), now, 300)
    for skew in (301, -301):
        with pytest.raises(Rejected) as info:
            check_window(now - dt.timedelta(seconds=skew), now, 300)
        assert info.value.status == 401


def test_replay_cache_expires_and_is_bounded():
    cache = ReplayCache(ttl=300, size=3)
    assert not cache.seen("a", now=0) and cache.seen("a", now=10)
    assert not cache.seen("a", now=301)  # expired, a new first sighting
    for t in ("b", "c", "d"):
        assert not cache.seen(t, now=302)
    assert len(cache) == 3  # "a" pushed out by the bound
    assert not cache.seen("a", now=303)


def test_field_checks():
    assert field({"a": "x"}, "a") == "x"
    assert field({}, "a") is None
    assert field({"n": 3}, "n", int) == 3
    for obj, name, kind in [({"a": 3}, "a", str), ({"n": True}, "n", int), ("x", "a", str)]:
        with pytest.raises(BadField) as info:
            field(obj, name, kind)
        assert info.value.key == f"bad-field:{name}"
    with pytest.raises(BadField):
        field({}, "a", required=True)


def test_capped_counts_the_rest():
    parsed = Parsed()
    assert list(capped(list(range(12)), parsed, limit=10)) == list(range(10))
    assert parsed.ignored["over-limit"] == 2
    assert len(reason("x" * 5000)) == MAX_REASON


def test_configured_builds_only_providers_with_secrets():
    assert "ses" not in configured(Settings())
    built = configured(Settings(hook_sns_topics="arn:aws:sns:ap-northeast-1:123456789012:ses-events"))
    assert built["ses"].name == "ses" and built["ses"].max_body == 256 * 1024
