"""Times shown in the reader's zone and format (issue 16)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailwarden.core.timefmt import local_date, local_datetime, reader_zone, to_datetime

NOON_UTC = int(datetime(2026, 12, 4, 12, 0, tzinfo=UTC).timestamp())


@pytest.fixture(autouse=True)
def no_configured_zone(monkeypatch):
    monkeypatch.delenv("MAILWARDEN_TIMEZONE", raising=False)
    monkeypatch.setenv("TZ", "UTC")


def test_a_japanese_reader_sees_japan_time_whatever_the_server_zone():
    assert local_datetime(NOON_UTC, "ja") == "2026/12/04 21:00 JST"
    # 20:00 UTC is already the next day in Japan
    assert local_date(datetime(2026, 12, 4, 20, 0, tzinfo=UTC), "ja") == "2026/12/05"


def test_an_english_reader_sees_the_system_zone_in_english_format():
    assert local_datetime(NOON_UTC, "en") == "Dec 4, 2026, 12:00 PM UTC"
    assert local_date(NOON_UTC, "en") == "Dec 4, 2026"


def test_the_setting_wins_and_a_bad_zone_name_falls_back(monkeypatch):
    monkeypatch.setenv("MAILWARDEN_TIMEZONE", "America/New_York")
    assert local_datetime(NOON_UTC, "ja") == "2026/12/04 07:00 EST"
    monkeypatch.setenv("MAILWARDEN_TIMEZONE", "Not/AZone")
    assert str(reader_zone("ja")) == "Asia/Tokyo"


def test_stored_forms_all_read_as_utc():
    naive = datetime(2026, 12, 4, 12, 0)  # the store's naive UTC
    assert to_datetime(naive) == to_datetime(NOON_UTC) == to_datetime("2026-12-04T12:00:00+00:00")
    assert local_datetime(None) == "" and local_date("") == ""
