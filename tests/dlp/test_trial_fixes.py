"""What a new user's trial of `dlp check` found (2026-12-07), each case as it was met: a crash,
data cut without a word, rows counted twice, headers misread, a note in a presentation."""

from __future__ import annotations

import base64
import io
from email.message import EmailMessage
from email.policy import SMTP

from typer.testing import CliRunner

from mailwarden.cli.main import app
from mailwarden.core.message import parse_message
from mailwarden.dlp.extract import MAX_TEXT, content_of
from mailwarden.dlp.found import found_in
from mailwarden.dlp.service import check_message
from mailwarden.dlp.tables import MAX_CELL
from tests.support.tablefiles import mail_with

CARD, CARD2 = "4111111111111111", "5500000000000004"
MY_NUMBER = "123456789018"  # passes the check digit


def _two_parts(text: str, html: str) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"], msg["To"], msg["Subject"] = "a@example.co.jp", "b@example.net", "名簿"
    msg.set_content(text, charset="utf-8", cte="base64")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="base64")
    return msg.as_bytes()


def _found(data: bytes) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in found_in(content_of(parse_message(data))).every():
        out.setdefault(f.match.detector, set()).add(f.match.value)
    return out


# -- a lone CR: a crash of the whole run, or a whole file unread --------------------------------


def _raw_body(body: str) -> bytes:
    """A message whose body is exactly ``body`` (the email package would turn a lone CR into
    a line break when it writes one)."""
    encoded = base64.encodebytes(body.encode()).replace(b"\n", b"\r\n")
    head = (
        "From: a@example.co.jp\r\nTo: b@example.net\r\nSubject: list\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    )
    return head.encode() + encoded


def test_a_lone_cr_in_a_tab_separated_body_is_read_not_a_crash():
    body = f"氏名\tメモ\tカード番号\n山田\t至急\r対応\t{CARD}\n鈴木\t特になし\t{CARD2}\n"
    assert "\r" in parse_message(_raw_body(body)).texts[0]
    r = check_message(_raw_body(body))
    assert r["counts"]["credit-card"] == 2
    assert r["unscannable"] == []


def test_a_mac_csv_and_a_lone_cr_in_a_cell_are_read():
    mac = f"氏名,マイナンバー\r山田,{MY_NUMBER}\r鈴木,{MY_NUMBER[:-1]}0\r".encode("cp932")
    r = check_message(mail_with("csv-utf8", "mac.csv", mac))
    assert r["unscannable"] == []
    assert r["counts"] == {"jp.my-number": 1}
    assert r["columns"][0]["header"] == "マイナンバー"
    cell = f"氏名,メモ,カード番号\n山田,至急\r対応,{CARD}\n".encode()
    r = check_message(mail_with("csv-utf8", "cell.csv", cell))
    assert r["unscannable"] == [] and r["counts"] == {"credit-card": 1}


# -- nothing cut without a word -------------------------------------------------------------------


def test_a_csv_longer_than_a_text_part_is_read_to_its_end():
    rows = [f"{n:07d},商品{n},1200" for n in range(MAX_TEXT // 20)]
    text = "注文番号,品名,金額\n" + "\n".join(rows) + f"\n9999999,カード,{CARD}\n"
    assert len(text) > MAX_TEXT
    r = check_message(mail_with("csv-utf8", "売上.csv", text.encode("cp932")))
    assert r["counts"].get("credit-card") == 1
    assert r["unscannable"] == []


def test_a_cell_longer_than_excel_allows_is_read_through():
    filler = "備考 " * 14_000  # 42,000 characters
    csv_data = f"氏名,メモ\n山田,{filler}{CARD}\n".encode()
    assert _found(mail_with("csv-utf8", "long.csv", csv_data))["credit-card"] == {CARD}
    tsv_body = f"氏名\tメモ\n山田\t{filler}{CARD}\n"
    assert _found(mail_with("text", "x.txt", tsv_body.encode()))["credit-card"] == {CARD}
    html = f"<table><tr><th>氏名</th><th>メモ</th></tr><tr><td>山田</td><td>{filler}{CARD}</td></tr></table>"
    assert _found(mail_with("html", "x.html", html.encode()))["credit-card"] == {CARD}


def test_a_cell_cut_at_the_limit_is_reported():
    text = f"氏名,メモ\n山田,{CARD} {'x' * MAX_CELL}{CARD2}\n"
    r = check_message(mail_with("csv-utf8", "huge.csv", text.encode()))
    assert r["counts"]["credit-card"] == 1  # the first card; the second stood past the cut
    assert [u["reason"] for u in r["unscannable"]] == [f"a cell of more than {MAX_CELL} characters cut"]


# -- rows counted once ----------------------------------------------------------------------------


def _people(n: int) -> list[tuple[str, str, str]]:
    return [(f"会員{i}", f"user{i}@example.jp", f"090-{1000 + i:04d}-{2000 + i:04d}") for i in range(n)]


def test_a_table_and_its_plain_text_alternative_are_the_same_rows():
    people = _people(30)
    text = "氏名\tメールアドレス\t電話番号\n" + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in people)
    html = "<table><tr><th>氏名</th><th>メールアドレス</th><th>電話番号</th></tr>" + "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in people
    )
    r = check_message(_two_parts(text, html + "</table>"))
    assert r["tables"] == 2
    assert r["personal_rows"] == 30  # not 60
    assert r["counts"]["email-address"] == 30
    # a different list in the second table: its rows add up
    others = _people(40)[30:]
    html2 = "<table><tr><th>氏名</th><th>メールアドレス</th><th>電話番号</th></tr>" + "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in others
    )
    assert check_message(_two_parts(text, html2 + "</table>"))["personal_rows"] == 40


# -- headers --------------------------------------------------------------------------------------


def test_a_header_broken_over_two_lines_is_still_the_header():
    # 会員\n番号 (Alt+Enter in Excel, <br> in HTML) over numbers that pass the My Number check
    for header in ("会員\n番号", "会員<br>番号"):
        html = f"<table><tr><th>{header}</th><th>氏名</th></tr>" + "".join(
            f"<tr><td>{MY_NUMBER}</td><td>山田{i}</td></tr>" for i in range(4)
        )
        r = check_message(mail_with("html", "x.html", (html + "</table>").encode()))
        assert "jp.my-number" not in r["counts"], header
    html = f"<table><tr><th>個人<br>番号</th><th>氏名</th></tr><tr><td>{MY_NUMBER}</td><td>山田</td></tr>"
    html += "</table>"
    r = check_message(mail_with("html", "x.html", html.encode()))
    assert r["columns"][0]["header"].replace("\n", "").replace(" ", "") == "個人番号"
    assert r["columns"][0]["confidence"] >= 0.9


def test_a_line_of_a_form_is_not_taken_for_a_header():
    # "住所 | 東京都…" first: the address must not become a column's name (shown unmasked)
    address = "東京都千代田区丸の内1-1-1"
    html = (
        f"<table><tr><td>住所</td><td>{address}</td></tr><tr><td>個人番号</td><td>{MY_NUMBER}</td></tr>"
        f"<tr><td>カード番号</td><td>{CARD}</td></tr></table>"
    )
    r = check_message(mail_with("html", "form.html", html.encode()))
    assert {"jp.my-number", "credit-card"} <= set(r["counts"])
    assert all(address not in c["header"] for c in r["columns"])


# -- what a presentation keeps aside ----------------------------------------------------------------


def test_a_speaker_note_is_read_apart_from_the_placeholder_after_it():
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "概要"
    slide.notes_slide.notes_text_frame.text = f"担当者メモ: 個人番号 {MY_NUMBER}"
    buf = io.BytesIO()
    prs.save(buf)
    found = _found(mail_with("pptx", "提案.pptx", buf.getvalue()))
    assert found.get("jp.my-number") == {MY_NUMBER}


def test_a_paragraph_cut_into_runs_is_one_text():
    import docx

    document = docx.Document()
    p = document.add_paragraph()
    for piece in ("個人", "番号: ", MY_NUMBER[:6], MY_NUMBER[6:]):
        p.add_run(piece)
    document.add_paragraph("10/17/16")
    buf = io.BytesIO()
    document.save(buf)
    assert _found(mail_with("docx", "memo.docx", buf.getvalue())).get("jp.my-number") == {MY_NUMBER}


# -- the command line -----------------------------------------------------------------------------


def test_an_output_language_without_a_catalogue_is_refused(tmp_path):
    path = tmp_path / "m.eml"
    path.write_bytes(mail_with("text", "x.txt", b"hello"))
    r = CliRunner().invoke(app, ["dlp", "check", "--lang", "fr", str(path)])
    assert r.exit_code == 2
    assert "fr" in r.output and "ja, en" in r.output


def test_my_numbers_kept_as_numbers_get_their_leading_zeros_back():
    # Excel keeps 012345678901 as the number 12345678901 and shows it through a format of
    # twelve zeros: under a My Number header the number is read with its zeros
    import openpyxl

    from mailwarden.dlp.checks import my_number_ok

    candidates = (f"0{k:010d}{d}" for k in (433218196, 5123456789) for d in range(10))
    zeroed = [n for n in candidates if my_number_ok(n)]
    assert zeroed
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["氏名", "個人番号"])
    ws.append(["山田", int(MY_NUMBER)])
    for i, n in enumerate(zeroed):
        ws.append([f"社員{i}", int(n)])
        ws.cell(ws.max_row, 2).number_format = "000000000000"
    ws.append(["鈴木", 12345678901])  # eleven digits that pass no check even with a zero before
    buf = io.BytesIO()
    wb.save(buf)
    found = _found(mail_with("xlsx", "年末調整.xlsx", buf.getvalue()))
    assert found["jp.my-number"] == {MY_NUMBER, *zeroed}
    # without a header that names them, eleven digits are no My Number
    wb2 = openpyxl.Workbook()
    wb2.active.append(["氏名", "番号"])
    for n in zeroed:
        wb2.active.append(["x", int(n)])
    buf2 = io.BytesIO()
    wb2.save(buf2)
    assert "jp.my-number" not in _found(mail_with("xlsx", "list.xlsx", buf2.getvalue()))


def test_a_table_left_open_is_read_to_the_end_of_the_page():
    # an HTML body cut at the size limit ends inside its table: the rows before the cut count
    rows = "".join(f"<tr><td>会員{i}</td><td>user{i}@example.jp</td></tr>" for i in range(40))
    html = f"<html><body><table><tr><th>氏名</th><th>メールアドレス</th></tr>{rows}<tr><td>途中"
    r = check_message(mail_with("html", "x.html", html.encode()))
    assert r["tables"] == 1
    assert r["personal_rows"] == 40


def test_a_transfer_list_with_the_account_number_in_a_column_of_its_own():
    # 氏名 / 銀行名 / 支店名 / 口座種別 / 口座番号: seven digits alone under 口座番号
    rows = [
        ["田中 一郎", "みずほ銀行", "新宿支店", "普通", f"{9548430 + i}", "タナカ イチロウ"] for i in range(6)
    ]
    text = "氏名,銀行名,支店名,口座種別,口座番号,口座名義\n" + "".join(",".join(r) + "\n" for r in rows)
    r = check_message(mail_with("csv-utf8", "振込先.csv", text.encode()))
    assert r["counts"].get("jp.bank-account") == 6
    assert r["personal_rows"] == 6
    assert {m["location"][-2:] for m in r["matches"] if m["detector"] == "jp.bank-account"} == {
        f"E{n}" for n in range(2, 8)
    }
    # seven digits under another header are no account
    other = text.replace("口座番号", "会員番号")
    assert "jp.bank-account" not in check_message(mail_with("csv-utf8", "会員.csv", other.encode()))["counts"]


def test_rows_alike_within_a_table_are_rows_and_an_extra_table_changes_nothing():
    # sixty staff sharing a dormitory's address and switchboard: sixty rows, whatever else
    # the message holds (counting every table's rows by their values let one more table
    # bring the sixty down to one)
    staff = "氏名,住所,電話番号\n" + "".join(
        f"社員{i},東京都千代田区丸の内1-1-1,03-1234-5678\n" for i in range(60)
    )
    alone = check_message(mail_with("csv-utf8", "寮.csv", staff.encode()))
    assert alone["personal_rows"] == 60
    msg = EmailMessage(policy=SMTP)
    msg["From"], msg["To"], msg["Subject"] = "a@example.co.jp", "b@example.net", "名簿"
    msg.set_content("添付します。")
    msg.add_alternative(
        "<table><tr><th>氏名</th><th>メール</th></tr><tr><td>山田</td><td>yamada@example.jp</td></tr></table>",
        subtype="html",
    )
    msg.add_attachment(staff.encode(), maintype="text", subtype="csv", filename="寮.csv")
    both = check_message(msg.as_bytes())
    assert both["tables"] == 2
    assert both["personal_rows"] == 61


def test_numbers_under_tax_id_are_not_given_zeros():
    # "Tax ID" names the My Number too, and a US EIN of nine digits: no zeros put back there
    from mailwarden.dlp.checks import my_number_ok

    eins = [f"{n:09d}" for n in range(120000000, 120400000, 1999)]
    assert any(my_number_ok(e.zfill(12)) for e in eins)  # some would pass once padded
    text = "Company,Tax ID\n" + "".join(f"Firm {i},{e}\n" for i, e in enumerate(eins))
    assert "jp.my-number" not in check_message(mail_with("csv-utf8", "vendors.csv", text.encode()))["counts"]


def test_a_file_given_alone_is_checked_as_it_would_leave(tmp_path):
    # `dlp check 顧客.xlsx`: the workbook was read as a message (its bytes as headers)
    import json as _json

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["氏名", "カード番号"])
    wb.active.append(["山田", CARD])
    xlsx = tmp_path / "顧客.xlsx"
    wb.save(xlsx)
    csv_file = tmp_path / "list.csv"
    csv_file.write_bytes(f"氏名,マイナンバー\n山田,{MY_NUMBER}\n".encode("cp932"))
    r = CliRunner().invoke(app, ["dlp", "check", "--format", "json", str(xlsx), str(csv_file)])
    rows = _json.loads(r.output)
    assert [m["location"] for m in rows[0]["matches"]] == ["attachment:顧客.xlsx!Sheet!B2"]
    assert rows[1]["counts"] == {"jp.my-number": 1}
    assert rows[1]["matches"][0]["location"] == "attachment:list.csv!B2"


def test_the_csv_modules_field_limit_is_left_as_it_was():
    # it is the process's: raised for ever, it let other readers (target lists) take any field
    import csv

    before = csv.field_size_limit()
    text = f"氏名,メモ\n山田,{'x' * 200_000} {CARD}\n"
    assert check_message(mail_with("csv-utf8", "big.csv", text.encode()))["counts"] == {"credit-card": 1}
    assert csv.field_size_limit() == before
