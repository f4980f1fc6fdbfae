"""Matches in tables are kept column by column (found.py): what the counts, the policy and the
column summary read of them is what a record for each match would give."""

from __future__ import annotations

from mailwarden.core.message import parse_message
from mailwarden.dlp.extract import content_of
from mailwarden.dlp.found import MAX_LISTED, found_in, rows_holding, values_of
from tests.support.tablefiles import mail_with, write_table

CARDS = ["4111111111111111", "5555555555554444", "4012888888881881"]


def findings(header: list[str], rows: list[list[str | int]], fmt: str = "csv-utf8"):
    name, data = write_table(fmt, header, rows, name="list")
    return found_in(content_of(parse_message(mail_with(fmt, name, data))))


def test_a_column_keeps_every_row_value_and_confidence_in_order():
    rows: list[list[str | int]] = [[f"氏名{i}", CARDS[i % 3]] for i in range(7)]
    f = findings(["氏名", "カード番号"], rows)
    (cards,) = [c for c in f.columns if c.detector == "credit-card"]
    assert list(cards.rows) == list(range(1, 8))  # the header is row 0
    assert cards.values == [CARDS[i % 3] for i in range(7)]
    summary = cards.summary()
    assert summary["count"] == 7 and summary["distinct"] == 3
    assert summary["location"].endswith("!B2:B8") and summary["header"] == "カード番号"
    assert f.counts() == {"credit-card": 3} and f.personal_rows() == 7 and f.total == 7
    every = f.every()
    assert [(x.match.value, x.location.rsplit("!", 1)[1]) for x in every] == [
        (CARDS[i % 3], f"B{i + 2}") for i in range(7)
    ]


def test_the_policy_reads_values_and_rows_at_a_confidence():
    # a card under a header that names it is surer than one in a column that does not
    rows: list[list[str | int]] = [[CARDS[0], "x"], [CARDS[1], "y"], ["", CARDS[2]]]
    f = findings(["カード番号", "備考"], rows)
    named = next(c for c in f.columns if c.header == "カード番号")
    plain = next(c for c in f.columns if c.header == "備考")
    assert max(plain.confidences) < min(named.confidences)
    cut = (max(plain.confidences) + min(named.confidences)) / 2
    assert values_of([], f.columns, ["credit-card"], 0.0) == set(CARDS)
    assert values_of([], f.columns, ["credit-card"], cut) == set(CARDS[:2])
    assert rows_holding(f.columns, ["credit-card"], 0.0) == 3
    assert rows_holding(f.columns, ["credit-card"], cut) == 2
    assert rows_holding(f.columns, ["email-address"], 0.0) == 0


def test_only_the_first_matches_are_kept_whole():
    rows: list[list[str | int]] = [[f"u{i}@example.jp"] for i in range(MAX_LISTED + 50)]
    f = findings(["メールアドレス"], rows)
    assert len(f.listed) == MAX_LISTED and f.total == MAX_LISTED + 50
    assert [x.match.value for x in f.listed] == [x.match.value for x in f.every()][:MAX_LISTED]


def test_a_policy_reads_recipients_of_a_hostile_to_header():
    from mailwarden.dlp.policy import recipients_of

    headers = [("To", "(" * 3000 + " x@example.jp"), ("Cc", "Ann <ann@example.co.jp>")]
    assert recipients_of(headers) == ["x@example.jp", "ann@example.co.jp"]
