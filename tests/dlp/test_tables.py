"""Tables cell by cell: every format a list leaves in, headers and row labels as context, and
the bulk counts a policy acts on."""

from __future__ import annotations

import pytest

from mailwarden.core.message import parse_message
from mailwarden.dlp.checks import luhn_ok, my_number_ok
from mailwarden.dlp.extract import content_of
from mailwarden.dlp.found import found_in
from mailwarden.dlp.service import check_message
from tests.support.tablecorpus import card, my_number
from tests.support.tablefiles import FORMATS, mail_with, write_table

PLAIN = "Content-Type: text/plain; charset=utf-8"
CRM_JA = ["会員番号", "氏名", "電話番号", "メールアドレス", "カード番号", "有効期限"]
CRM_EN = ["Member ID", "Name", "Phone", "Email", "Card number", "Expiry"]


def luhn_member_number(i: int) -> str:
    """A 16-digit member number with a card's prefix that passes Luhn: a hard negative."""
    body = f"4{i:014d}"
    return next(body + str(d) for d in range(10) if luhn_ok(body + str(d)))


def crm_rows(n: int, seed: int = 1) -> tuple[list[list[str | int]], set[str]]:
    import random

    rnd = random.Random(seed)
    rows: list[list[str | int]] = []
    cards = set()
    for i in range(n):
        c = card(rnd)
        cards.add(c)
        rows.append(
            [
                luhn_member_number(i),
                f"山田 {i}",
                f"090-{i % 10000:04d}-5678",
                f"u{i}@docomo.ne.jp",
                c,
                "08/2031",
            ]
        )
    return rows, cards


def found(data: bytes):
    return found_in(content_of(parse_message(data))).every()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_card_in_a_crm_list_is_found_in_every_format(fmt):
    rows, cards = crm_rows(30)
    name, content = write_table(fmt, CRM_JA if fmt != "pdf" else CRM_EN, rows, name="顧客")
    matches = found(mail_with(fmt, name, content))
    got = {f.match.value for f in matches if f.match.detector == "credit-card"}
    assert got == cards  # every card, and no member number that passes Luhn
    assert all(f.row is not None for f in matches if f.match.detector == "credit-card")
    members = {str(r[0]) for r in rows}
    assert not {f.match.value for f in matches} & members
    emails = {f.match.value for f in matches if f.match.detector == "email-address"}
    assert emails == {str(r[3]) for r in rows}


def test_a_cell_is_named_by_sheet_row_and_column():
    rows, _ = crm_rows(12)
    name, content = write_table("xlsx", CRM_JA, rows, name="顧客")
    cards = [f for f in found(mail_with("xlsx", name, content)) if f.match.detector == "credit-card"]
    assert cards[0].location == "attachment:顧客.xlsx!data!E2"
    assert cards[-1].location == "attachment:顧客.xlsx!data!E13"


def test_hidden_sheets_and_hidden_columns_are_read():
    rows, cards = crm_rows(5)
    for kwargs in ({"hidden_sheet": True}, {"hidden_column": True}):
        rows2 = [[*r[:4], r[5], r[4]] for r in rows]  # the cards in the last column, hidden
        header = [*CRM_JA[:4], CRM_JA[5], CRM_JA[4]]
        name, content = write_table("xlsx", header, rows2, **kwargs)
        got = {
            f.match.value
            for f in found(mail_with("xlsx", name, content))
            if f.match.detector == "credit-card"
        }
        assert got == cards, kwargs


def test_my_numbers_in_numeric_cells_are_found():
    import random

    rnd = random.Random(5)
    numbers = [n for n in (my_number(rnd) for _ in range(30)) if n[0] != "0"][:20]  # a number cell drops a 0
    rows: list[list[str | int]] = [[f"E{i:04d}", "佐藤 花子", int(n)] for i, n in enumerate(numbers)]
    for fmt in ("xlsx", "xls", "ods"):
        name, content = write_table(fmt, ["社員番号", "氏名", "個人番号"], rows)
        got = {
            f.match.value for f in found(mail_with(fmt, name, content)) if f.match.detector == "jp.my-number"
        }
        assert got == set(numbers), fmt


def test_a_tab_separated_row_in_a_body_is_cells():
    body = "お世話になっております。\nyamada@docomo.ne.jp\t5502327074503094\t08/2031\n以上です。\n"
    msg = f"From: a@example.co.jp\nTo: b@example.net\nSubject: x\n{PLAIN}\n\n{body}"
    got = {(f.match.detector, f.location) for f in found(msg.encode())}
    assert ("credit-card", "body:text1!B2") in got
    assert ("email-address", "body:text1!A2") in got


def test_comma_rows_in_a_body_and_an_html_table_are_cells():
    c1, c2 = "4111111111111111", "5500000000000004"
    text = f"一覧です。\n山田,{c1},12/30\n佐藤,{c2},01/31\n"
    page = (
        "<p>list</p><table><tr><th>Name</th><th>Card</th><th>No</th></tr>"
        f"<tr><td>A</td><td>{c1}</td><td>12</td></tr></table>"
    )
    for body, ctype in ((text, "plain"), (page, "html")):
        msg = f"From: a@x.jp\nTo: b@y.jp\nSubject: s\nContent-Type: text/{ctype}; charset=utf-8\n\n{body}"
        cards = [f for f in found(msg.encode()) if f.match.detector == "credit-card"]
        assert {f.match.value for f in cards} >= {c1}
        assert all("!" in f.location for f in cards)


def test_neighbouring_numbers_are_never_joined():
    # a card next to a month and a year; a My Number split across two cells is no My Number
    mn = "123456789018"
    assert my_number_ok(mn)
    rows = [["4111111111111111", "08", "2031"], [mn[:6], mn[6:], ""]]
    name, content = write_table("xlsx", ["カード番号", "月", "年"], rows)
    got = {(f.match.detector, f.match.value) for f in found(mail_with("xlsx", name, content))}
    assert ("credit-card", "4111111111111111") in got
    assert not any(d == "jp.my-number" for d, _ in got)


def test_headers_raise_confidence_and_rule_out_other_numbers():
    c = "4111111111111111"
    named = found(mail_with("csv-utf8", "a.csv", f"カード番号\n{c}\n".encode()))
    plain = found(mail_with("csv-utf8", "a.csv", f"氏名\n{c}\n".encode()))
    member = found(mail_with("csv-utf8", "a.csv", f"会員番号\n{c}\n".encode()))
    assert named[0].match.confidence > plain[0].match.confidence
    assert member == []


def test_a_row_label_is_context_in_a_form():
    # a Word form: labels on the left, values on the right; the account needs its label
    rows = [["氏名", "山田 太郎"], ["口座番号", "123-4567890"], ["備考", "123-4567890"]]
    name, content = write_table("docx", ["項目", "内容"], rows)
    accounts = [f for f in found(mail_with("docx", name, content)) if f.match.detector == "jp.bank-account"]
    assert [f.location.rsplit("!", 1)[1] for f in accounts] == ["B3"]


def test_user_words_extend_the_headers(tmp_path, monkeypatch):
    from mailwarden.dlp import columns

    extra = tmp_path / "columns.yaml"
    extra.write_text("not_personal: [得意先番号]\nnamed: {credit-card: [決済番号]}\n", encoding="utf-8")
    monkeypatch.setenv("MAILWARDEN_DLP_COLUMNS_FILE", str(extra))
    columns.words.cache_clear()
    columns.read_label.cache_clear()
    try:
        assert columns.read_label("得意先番号").refused >= {"credit-card", "jp.my-number"}
        assert "credit-card" in columns.read_label("決済番号").named
    finally:
        monkeypatch.delenv("MAILWARDEN_DLP_COLUMNS_FILE")
        columns.words.cache_clear()
        columns.read_label.cache_clear()
    assert columns.read_label("得意先番号") == columns.NOTHING


def test_bulk_counts_and_the_example_policy():
    from mailwarden.dlp.policy import EXAMPLE_POLICY, load_policy

    policy = load_policy(EXAMPLE_POLICY).model_copy(update={"test_mode": False})
    rows, _ = crm_rows(60)
    data = mail_with("xlsx", *write_table("xlsx", CRM_JA, rows, name="顧客"))
    r = check_message(data, policy, recipients=["partner@other.example"])
    assert r["counts"]["credit-card"] == 60 and r["personal_rows"] == 60 and r["tables"] == 1
    assert {m["rule"] for m in r["decision"]["matched_rules"]} >= {"hold-bulk-personal-data"}
    to_free = check_message(data, policy, recipients=["someone@gmail.com"])
    assert to_free["decision"]["action"] == "block"
    assert "block-cards-to-freemail" in {m["rule"] for m in to_free["decision"]["matched_rules"]}
    few = mail_with("xlsx", *write_table("xlsx", CRM_JA, rows[:8], name="顧客"))
    small = check_message(few, policy, recipients=["partner@other.example"])
    assert small["personal_rows"] == 8
    assert "hold-bulk-personal-data" not in {m["rule"] for m in small["decision"]["matched_rules"]}


def test_dlp_check_prints_the_counts_and_one_line_per_column(tmp_path):
    import json
    import os
    import subprocess
    import sys

    rows, cards = crm_rows(40)
    msg = tmp_path / "crm.eml"
    msg.write_bytes(mail_with("xlsx", *write_table("xlsx", CRM_EN, rows, name="customers")))
    env = {**os.environ, "MAILWARDEN_LANG": "en", "COLUMNS": "500"}
    cmd = [sys.executable, "-m", "mailwarden", "dlp", "check", str(msg)]
    table = subprocess.run(cmd, capture_output=True, env=env, timeout=120, text=True)
    assert table.returncode == 1, table.stderr  # personal data found
    assert "40 table rows hold personal data (tables: 1)" in table.stdout
    assert "40 in attachment:customers.xlsx!data!E2:E41 (40 distinct) — Card number" in table.stdout
    assert not any(c in table.stdout for c in cards)  # masked, always
    js = subprocess.run([*cmd, "--format", "json"], capture_output=True, env=env, timeout=120, text=True)
    [r] = json.loads(js.stdout)
    assert r["counts"]["credit-card"] == 40 and r["personal_rows"] == 40
    assert {c["header"] for c in r["columns"]} == {"Card number", "Email", "Phone"}


@pytest.mark.parametrize("header", ["会員番号", "注文番号", "伝票番号", "社員番号", "ID", "Order number"])
def test_a_column_named_for_another_number_holds_no_identifiers(header):
    # each value passes a check digit: a My Number, a Corporate Number, a card
    values = ["123456789018", "5835678256246", "4111111111111111"]
    assert my_number_ok(values[0]) and luhn_ok(values[2])
    rows: list[list[str | int]] = [[v, "山田"] for v in values]
    got = found(mail_with("csv-utf8", *write_table("csv-utf8", [header, "氏名"], rows)))
    assert [f.match.detector for f in got] == []
    # the same values under a neutral header are reported (too few to judge the column)
    plain = found(mail_with("csv-utf8", *write_table("csv-utf8", ["値", "氏名"], rows)))
    assert {f.match.detector for f in plain} >= {"jp.my-number", "credit-card"}


def test_tables_side_by_side_and_one_below_another_each_have_their_own_header():
    cards = ["4111111111111111", "5500000000000004", "4012888888881881"]
    members = [luhn_member_number(i) for i in range(3)]
    # members (no identifiers) on the left, payments on the right, an empty column between
    side: list[list[str | int]] = [["会員番号", "氏名", "", "カード番号", "有効期限"]]
    side += [[m, "山田", "", c, "08/30"] for m, c in zip(members, cards, strict=True)]
    # and the same two one below the other, a title and an empty row between
    stacked: list[list[str | int]] = [["会員番号", "氏名"], *[[m, "山田"] for m in members], ["", ""]]
    stacked += [["決済データ", ""], ["", ""], ["カード番号", "有効期限"], *[[c, "08/30"] for c in cards]]
    for rows in (side, stacked):
        name, content = write_table("xlsx", [str(x) for x in rows[0]], rows[1:])
        got = {
            f.match.value
            for f in found(mail_with("xlsx", name, content))
            if f.match.detector == "credit-card"
        }
        assert got == set(cards)  # the cards under their header; the Luhn-valid member numbers not


def test_no_after_japanese_is_bangou_and_half_width_kana_is_read():
    from mailwarden.dlp.columns import read_label

    assert "credit-card" in read_label("ｶｰﾄﾞNo").named
    assert "credit-card" in read_label("カードＮｏ．").named
    assert "jp.my-number" in read_label("受付No.").refused
    assert "credit-card" in read_label("ポイントカード番号").refused  # a point card is no payment card
    assert "jp.corporate-number" in read_label("corporate_number").named


def test_a_weak_header_yields_to_a_column_of_valid_check_digits():
    import random

    rnd = random.Random(3)
    numbers = [n for n in (my_number(rnd) for _ in range(12)) if n[0] != "0"][:6]
    rows: list[list[str | int]] = [[n, "佐藤"] for n in numbers]
    got = found(mail_with("csv-utf8", *write_table("csv-utf8", ["ID", "氏名"], rows)))
    assert {f.match.value for f in got if f.match.detector == "jp.my-number"} == set(numbers)
    # half of them wrong: the column holds some other number, and "ID" says so
    rows = [[n if i % 2 else n[:-1] + str((int(n[-1]) + 1) % 10), "佐藤"] for i, n in enumerate(numbers)]
    got = found(mail_with("csv-utf8", *write_table("csv-utf8", ["ID", "氏名"], rows)))
    assert [f for f in got if f.match.detector == "jp.my-number"] == []


def test_a_point_card_number_in_a_note_is_not_a_payment_card():
    c = "4111111111111111"
    for note, expected in ((f"ポイントカード番号 {c} 統合済", set()), (f"カード番号 {c} を確認", {c})):
        rows: list[list[str | int]] = [["山田", note], ["佐藤", "特になし"]]
        got = found(mail_with("csv-utf8", *write_table("csv-utf8", ["氏名", "備考"], rows)))
        assert {f.match.value for f in got if f.match.detector == "credit-card"} == expected


def test_a_sheet_that_starts_away_from_a1_names_its_cells_right():
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "data"
    wb.active["C5"] = "カード番号"
    wb.active["C7"] = "4111111111111111"
    buf = io.BytesIO()
    wb.save(buf)
    [card] = [
        f for f in found(mail_with("xlsx", "a.xlsx", buf.getvalue())) if f.match.detector == "credit-card"
    ]
    assert card.location == "attachment:a.xlsx!data!C7"


def test_an_empty_cell_in_a_pdf_row_does_not_shift_the_columns():
    cards = ["4111111111111111", "5500000000000004"]
    rows: list[list[str | int]] = [
        ["Yamada", "", luhn_member_number(1), cards[0]],
        ["Sato", "VIP", luhn_member_number(2), cards[1]],
    ]
    name, content = write_table("pdf", ["Name", "Memo", "Member ID", "Card number"], rows)
    got = found(mail_with("pdf", name, content))
    assert {f.match.value for f in got if f.match.detector == "credit-card"} == set(cards)
    assert [f.location.rsplit("!", 1)[1][0] for f in got if f.match.detector == "credit-card"] == ["D", "D"]


def test_an_indented_line_is_no_table_row_and_keeps_its_context():
    body = "口座番号:\n\t123 4567890\nよろしくお願いします。\n"
    msg = f"From: a@example.co.jp\nTo: b@example.net\nSubject: x\n{PLAIN}\n\n{body}"
    got = {(f.match.detector, f.location) for f in found(msg.encode())}
    assert ("jp.bank-account", "body:text1") in got


def test_each_list_is_counted_and_summarised_under_its_own_header():
    side: list[list[str | int]] = [
        ["メールアドレス", "氏名", "", "電話番号", "氏名"],
        ["a@x.jp", "山田", "", "090-1111-2222", "佐藤"],
        ["b@x.jp", "田中", "", "090-3333-4444", "鈴木"],
    ]
    data = mail_with("xlsx", *write_table("xlsx", [str(x) for x in side[0]], side[1:]))
    r = check_message(data)
    assert r["personal_rows"] == 4  # two lists of two people side by side
    assert {(c["detector"], c["header"]) for c in r["columns"]} == {
        ("email-address", "メールアドレス"),
        ("jp.phone", "電話番号"),
    }


def test_a_utf16_html_attachment_is_read_as_html():
    page = "<html><body><p>カード番号</p><p>4111 1111 1111 1111</p></body></html>"
    data = mail_with("csv-utf16", "page.html", b"\xff\xfe" + page.encode("utf-16-le"))
    got = [f for f in found(data) if f.match.detector == "credit-card"]
    assert [f.location for f in got] == ["attachment:page.html"]


def test_the_example_policy_holds_a_long_list_outside_tables_too():
    from mailwarden.dlp.policy import EXAMPLE_POLICY, load_policy

    policy = load_policy(EXAMPLE_POLICY).model_copy(update={"test_mode": False})
    body = "\n".join(f"{i}. user{i}@example.jp" for i in range(60))
    msg = f"From: a@example.co.jp\nTo: b@example.net\nSubject: x\n{PLAIN}\n\n{body}\n".encode()
    r = check_message(msg, policy, recipients=["b@example.net"])
    assert "hold-many-addresses" in {m["rule"] for m in r["decision"]["matched_rules"]}
