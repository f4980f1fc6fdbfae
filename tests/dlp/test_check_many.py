"""`mailwarden dlp check` on a directory, as a user runs it: the messages are shared by two
worker processes, and what comes out is what one process gives — the same findings, in the
same order — whatever a hostile attachment in one of them does."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

from mailwarden.core.parallel import can_fork
from mailwarden.dlp.service import check_message
from mailwarden.dlp.sheets import xlsx_extent
from tests.analyze.mail import message
from tests.dlp.test_check_cli import office, pdf
from tests.dlp.test_tables_bad_input import xlsx_of
from tests.support.tablefiles import write_table

HEADER = ["氏名", "電話番号", "メールアドレス", "カード番号"]
ROWS: list[list[str | int]] = [
    ["山田 太郎", "03-1234-5678", "taro@example.co.jp", "4111 1111 1111 1111"],
    ["佐藤 花子", "090-1234-5678", "hanako@example.jp", "5555 5555 5555 4444"],
]


def zipped(name: str, data: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        zf.writestr(name, data)
    return buf.getvalue()


def corpus() -> list[tuple[str, bytes]]:
    """Good messages with attachments of every kind, with hostile ones between them."""
    xlsx = write_table("xlsx", HEADER, ROWS)[1]
    good = [
        ("顧客.csv", "text/csv", write_table("csv-utf8", HEADER, ROWS)[1]),
        ("顧客.xlsx", "application/octet-stream", xlsx),
        ("申請書.docx", "application/octet-stream", office("docx", "マイナンバー 123456789018")),
        ("statement.pdf", "application/pdf", pdf("Card 4012888888881881")),
        ("名簿.zip", "application/zip", zipped("顧客.xlsx", xlsx)),
    ]
    hostile = [
        ("broken.zip", "application/zip", b"PK\x03\x04" + b"\x00\xff" * 500),
        ("broken.pdf", "application/pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n" * 20),
        # a cell at the far corner: calamine would lay out seventeen billion cells
        ("corner.xlsx", "application/octet-stream", xlsx_of('<row r="1048576"><c r="XFD1048576"/></row>')),
        ("bomb.zip", "application/zip", zipped("zeros.txt", b"\x00" * (4 << 20))),
        ("garbage.xlsx", "application/octet-stream", b"PK\x03\x04" + os.urandom(4096)),
    ]
    out = []
    for i in range(12):
        atts = [good[i % len(good)], good[(i + 2) % len(good)]]
        if i % 3 == 1:
            atts.insert(1, hostile[(i // 3) % len(hostile)])
        body = f"お世話になっております。No. {i}、ご確認ください。TEL 03-{1000 + i}-5678"
        out.append((f"{i:02d}.eml", message(body, attachments=atts)))
    out.append(("12.eml", message("最後", attachments=[hostile[4], hostile[1]])))
    return out


@pytest.mark.skipif(not can_fork(), reason="the directory is shared by worker processes only where fork is")
def test_two_processes_give_what_one_gives_in_the_same_order(tmp_path):
    messages = corpus()
    for name, data in messages:
        (tmp_path / name).write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-m", "mailwarden", "dlp", "check", "--format", "jsonl", str(tmp_path)],
        capture_output=True,
        env={**os.environ, "MAILWARDEN_LANG": "en"},
        timeout=300,
    )
    assert proc.returncode == 3, proc.stderr  # the last message could not be checked at all
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r.pop("path").rsplit("/", 1)[-1] for r in rows] == [name for name, _ in messages]
    # one process, in this one: the same results, field by field and match by match
    alone = [json.loads(json.dumps(check_message(data))) for _, data in messages]
    assert rows == alone
    # the hostile attachments were reported, and every message around them was read
    reasons = {u["location"].split(":", 1)[1]: u["reason"] for r in rows for u in r["unscannable"]}
    assert reasons["broken.zip"] == "broken zip"
    assert reasons["broken.pdf"].startswith("unreadable PDF")
    assert reasons["bomb.zip!zeros.txt"] == "too large or too compressed to open"
    assert "corner.xlsx" in reasons and "garbage.xlsx" in reasons
    assert all(r["counts"].get("credit-card") for r in rows[:12])


def test_a_message_with_only_hostile_attachments_is_unscannable_not_an_error():
    r = check_message(corpus()[-1][1])
    assert [u["location"] for u in r["unscannable"]] == ["attachment:garbage.xlsx", "attachment:broken.pdf"]
    assert r["matches_total"] == 0


@pytest.mark.parametrize(
    ("sheet", "extent"),
    [
        # Excel's own page margins (header="0.3") send a sheet down the slow path: the same extent
        ('<row r="3"><c r="A3"/><c r="C3"/></row><pageMargins header="0.3" footer="0.3"/>', (3, 3)),
        # references the fast patterns miss: lower case, single quotes, zero padding
        ("<row><c r='ab12'/><c r=\"b007\"/></row>", (12, 28)),
        ('<row><c r="A2"/></row><row><c r = "AAB99"/></row>', (99, 704)),
        # a cell naming a row past its row tag's, by more digits or by as many
        ('<row r="3"><c r="A3"/><c r="B7000000"/></row>', (7000000, 2)),
        ('<row r="12"><c r="A12"/></row><row r="13"><c r="C13"/><c r="A19"/></row>', (19, 3)),
        ('<row r="99"><c r="A99"/><c r="AB100"/></row>', (100, 28)),
        # attributes whose names end in r (error=, operator=) are no references
        ('<row r="5"><c r="A5"/></row><dataValidation error="x0" operator="between"/>', (5, 1)),
        # the widest one-letter column counts, wherever it stands (not 26 for every sheet:
        # 195,000 rows of one column spanned 5 million cells and were refused)
        ('<row r="1"><c r="A1"/></row><row r="2"><c r="A2"/><c r="Q2"/><c r="D2"/></row>', (2, 17)),
        ('<row r="195000"><c r="A195000"/></row>', (195000, 1)),
    ],
)
def test_the_extent_check_reads_every_way_a_reference_is_written(sheet, extent):
    xml = f'<worksheet xmlns="x"><sheetData>{sheet}</sheetData></worksheet>'.encode()
    assert xlsx_extent(xml) == extent


@pytest.mark.parametrize("top", [0, 1, 9, 10, 99, 1234, 99999, 100000, 100001, 1048576])
def test_the_pattern_for_rows_past_the_highest_tag_finds_exactly_those(top):
    from mailwarden.dlp.sheets import _beyond

    pattern = _beyond(top)
    numbers = {*range(0, 2000), *range(max(0, top - 1500), top + 1500), 10**7, 10**11}
    for n in sorted(numbers):
        assert (pattern.search(b'<c r="AB%d"/>' % n) is not None) == (n > top), n
