"""`mailwarden dlp check`: messages with attachments (txt, csv, docx, xlsx, pdf, zip with cp932
names, encrypted zip), masked output with locations and counts, JSONL with paths."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

from mailwarden.dlp.service import check_message
from tests.analyze.mail import message


def office(kind: str, text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        if kind == "docx":
            zf.writestr(
                "word/document.xml", f"<w:document><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:document>"
            )
        else:
            zf.writestr("xl/sharedStrings.xml", f"<sst><si><t>{text}</t></si></sst>")
    return buf.getvalue()


def pdf(text: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode())
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def cp932_zip(name: str, data: bytes, encrypted: bool = False) -> bytes:
    """A zip as Windows Explorer writes it in Japan: the member name in cp932, no UTF-8 flag."""
    wanted = name.encode("cp932")
    placeholder = b"x" * len(wanted)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(placeholder.decode(), data)
    raw = bytearray(buf.getvalue().replace(placeholder, wanted))
    if encrypted:
        for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            i = 0
            while (i := raw.find(sig, i)) != -1:
                raw[i + off] |= 1
                i += 4
    return bytes(raw)


def test_attachments_are_read_and_located():
    atts = [
        ("顧客.csv", "text/csv", "氏名,カード\n山田,4111111111111111\n".encode("cp932")),
        ("申請書.docx", "application/octet-stream", office("docx", "マイナンバー 123456789018")),
        ("一覧.xlsx", "application/octet-stream", office("xlsx", "5555555555554444")),
        ("statement.pdf", "application/pdf", pdf("Card 4012888888881881")),
        ("名簿.zip", "application/zip", cp932_zip("社員名簿.txt", b"AKIAIOSFODNN7EXAMPLE")),
        ("秘密.zip", "application/zip", cp932_zip("a.txt", b"x", encrypted=True)),
    ]
    r = check_message(message("添付します", attachments=atts))
    where = {(m["detector"], m["location"]) for m in r["matches"]}
    assert ("credit-card", "attachment:顧客.csv!B2") in where  # a CSV is a table: the cell is named
    assert ("jp.my-number", "attachment:申請書.docx") in where
    assert ("credit-card", "attachment:一覧.xlsx") in where
    assert ("credit-card", "attachment:statement.pdf") in where
    assert ("secret.aws-access-key", "attachment:名簿.zip!社員名簿.txt") in where  # cp932 name read right
    assert {"location": "attachment:秘密.zip", "reason": "encrypted archive"} in [
        {k: u[k] for k in ("location", "reason")} for u in r["unscannable"]
    ]
    assert r["counts"]["credit-card"] == 3
    assert all("4111111111111111" not in json.dumps(m) for m in r["matches"])


def test_cli_jsonl_carries_paths(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    (d / "a.eml").write_bytes(message("カード 4111-1111-1111-1111"))
    (d / "b.eml").write_bytes(message("特になし"))
    proc = subprocess.run(
        [sys.executable, "-m", "mailwarden", "dlp", "check", "--format", "jsonl", str(d)],
        capture_output=True,
        env={**os.environ, "MAILWARDEN_LANG": "en"},
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr  # a card number found: exit code 1
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["path"].rsplit("/", 1)[-1] for r in rows] == ["a.eml", "b.eml"]
    assert rows[0]["counts"] == {"credit-card": 1} and rows[1]["matches"] == []
    assert rows[0]["matches"][0]["masked"] == "4111 **** **** 1111"
