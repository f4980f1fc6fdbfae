"""Hostile and broken workbooks: a clear reason, bounded work, never a crash (calamine aborts
the whole process on a sheet it cannot lay out, so such sheets must never reach it)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from mailwarden.core.message import parse_message
from mailwarden.dlp.extract import content_of
from mailwarden.dlp.found import found_in
from mailwarden.dlp.service import check_message
from mailwarden.dlp.sheets import ods_extent, read_workbook, xlsx_extent
from mailwarden.dlp.tables import CUT_MARK, MAX_CELL
from tests.support.tablefiles import mail_with, write_table

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
    'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats'
    '-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def xlsx_of(sheet_data: str) -> bytes:
    """A workbook of one sheet "data" whose <sheetData> is ``sheet_data``, as a hostile tool
    may write it."""
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{sheet_data}</sheetData></worksheet>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (
            ("[Content_Types].xml", _CT),
            ("_rels/.rels", _RELS),
            ("xl/workbook.xml", _WB),
            ("xl/_rels/workbook.xml.rels", _WB_RELS),
            ("xl/worksheets/sheet1.xml", sheet),
        ):
            z.writestr(name, text)
    return buf.getvalue()


def problems(data: bytes, kind: str = "xlsx") -> list[str]:
    return [reason for _, reason in read_workbook("attachment:x", data, kind).problems]


def test_a_sheet_claiming_a_million_rows_and_columns_is_refused_not_laid_out():
    far = xlsx_of(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row>'
    )
    with zipfile.ZipFile(io.BytesIO(far)) as z:
        assert xlsx_extent(z.read("xl/worksheets/sheet1.xml")) == (1048576, 16384)
    assert problems(far) == ["a sheet spans 1048576 rows × 16384 columns, more than 5000000 cells"]
    # in a message: unscannable, which a policy can hold on
    from mailwarden.core.i18n import language

    with language("ja"):
        r = check_message(mail_with("xlsx", "far.xlsx", far))
    assert r["unscannable"][0]["location"] == "attachment:far.xlsx"
    assert r["unscannable"][0]["text"].startswith(
        "シートが 1048576 行 × 16384 列"
    )  # in the reader's language


def test_formulas_are_read_by_their_values_and_external_links_never_followed():
    data = xlsx_of(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>カード番号</t></is></c></row>'
        '<row r="2"><c r="A2" t="str"><f>[1]Sheet1!A1</f><v>4111111111111111</v></c></row>'
        '<row r="3"><c r="A3"><f>\'C:\\secret\\[book.xlsx]S\'!B2*1</f><v>5500000000000004</v></c></row>'
    )
    found = found_in(content_of(parse_message(mail_with("xlsx", "f.xlsx", data))))
    got = {f.match.value for f in found.every()}
    assert got == {"4111111111111111", "5500000000000004"}


def test_merged_cells_and_a_megabyte_cell():
    big = "4111111111111111 " + "x" * 1_000_000
    data = xlsx_of(
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>{big}</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>5500000000000004</t></is></c></row>'
    ).replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A2:C3"/></mergeCells>')
    tables = read_workbook("attachment:x", data, "xlsx").tables
    # read that far, not to Excel's 32,767, and marked as cut
    assert tables[0].rows[0][0] == big[:MAX_CELL] + CUT_MARK
    content = content_of(parse_message(mail_with("xlsx", "m.xlsx", data)))
    found = found_in(content).every()
    assert {f.match.value for f in found} == {"4111111111111111", "5500000000000004"}
    # what was cut is said: the rest of the cell was not checked
    cut = f"a cell of more than {MAX_CELL} characters cut"
    assert content.unscannable == [("attachment:m.xlsx!data", cut)]


def test_an_ods_repeating_one_cell_over_the_whole_sheet_is_refused():
    content = (
        '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
        'office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:'
        'names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="d">'
        '<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-'
        'repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    assert ods_extent(content.encode()) == (1048576, 16384)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    assert "spans 1048576 rows" in problems(buf.getvalue(), "ods")[0]
    # what LibreOffice writes at the end of every sheet (empty repeats) spans nothing
    _, normal = write_table("ods", ["カード番号"], [["4111111111111111"]])
    assert problems(normal, "ods") == []


def test_an_xls_with_a_cell_at_its_far_corner_is_refused():
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("data")
    sheet.write(0, 0, "a")
    sheet.write(65535, 255, "b")
    buf = io.BytesIO()
    book.save(buf)
    assert problems(buf.getvalue(), "xls") == [
        "a sheet spans 65536 rows × 256 columns, more than 5000000 cells"
    ]


def test_two_hundred_sheets_are_all_read():
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "s0"
    wb.active["A1"] = "4111111111111111"
    for i in range(1, 200):
        wb.create_sheet(f"s{i}")["B2"] = f"u{i}@example.jp"
    buf = io.BytesIO()
    wb.save(buf)
    tables = read_workbook("attachment:x", buf.getvalue(), "xlsx")
    assert len(tables.tables) == 200 and tables.problems == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (write_table("xlsx", ["a"], [["b"]])[1][:300], "broken zip"),
        (b"PK\x03\x04" + b"\x00" * 100, "broken"),
    ],
)
def test_corrupt_workbooks_are_unscannable(data, reason):
    r = check_message(mail_with("xlsx", "bad.xlsx", data))
    assert r["unscannable"] and reason in r["unscannable"][0]["reason"]


def test_a_password_protected_workbook_is_unscannable():
    import msoffcrypto.format.ooxml

    plain = io.BytesIO(write_table("xlsx", ["カード番号"], [["4111111111111111"]])[1])
    locked = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", locked)
    r = check_message(mail_with("xlsx", "locked.xlsx", locked.getvalue()))
    assert r["matches"] == []
    [u] = r["unscannable"]
    assert (u["location"], u["reason"]) == ("attachment:locked.xlsx", "encrypted Office file")


def test_a_hundred_thousand_rows_are_read_whole():
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(["メールアドレス", "備考"])
    for i in range(100_000):
        ws.append([f"user{i}@example.jp", "-"])
    buf = io.BytesIO()
    wb.save(buf)
    r = check_message(mail_with("xlsx", "big.xlsx", buf.getvalue()))
    assert r["counts"] == {"email-address": 100_000}
    assert r["personal_rows"] == 100_000
    assert len(r["matches"]) == 1000 and r["matches_total"] == 100_000  # listed in part, counted whole


HOSTILE = Path(__file__).resolve().parents[1] / "data" / "dlp-hostile"


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.*") if p.suffix != ".md"))
def test_workbooks_built_to_get_past_the_extent_check_are_refused(name):
    kind = {".xls": "xls", ".ods": "ods"}.get(Path(name).suffix, "xlsx")
    reasons = problems((HOSTILE / name).read_bytes(), kind)
    assert reasons and ("more than 5000000 cells" in reasons[0]), reasons


def _extent(sheet_data: str) -> tuple[int, int]:
    return xlsx_extent(f'<worksheet xmlns="x"><sheetData>{sheet_data}</sheetData></worksheet>'.encode())


def test_cells_without_a_reference_widen_the_grid_they_stand_in():
    # calamine places a cell without r after the one before it: 1,000 of them make a row
    # 1,000 cells wide, and with a row at 190,000 the grid is 190 million cells
    wide = '<row r="1">' + "<c/>" * 1000 + '</row><row r="190000"><c r="A190000"/></row>'
    rows, cols = _extent(wide)
    assert rows == 190000 and cols >= 1000
    assert any("more than 5000000 cells" in p for p in problems(xlsx_of(wide)))
    # rows without r, their cells without r: counted one after another
    assert _extent("<row><c/><c/><c/></row>" * 4) == (4, 4)
    # the width of a row cut by a chunk's end is carried into the next chunk
    from mailwarden.dlp import sheets

    big = '<row r="1"><c r="A1"/>' + "<c></c>" * (sheets.CHUNK // 7 + 10) + "</row>"
    assert _extent(big)[1] >= sheets.CHUNK // 7


def test_a_column_name_longer_than_any_sheet_has_is_refused():
    # calamine's column number wraps past 32 bits: KGAAAYDORC is column C again to it
    _, cols = _extent('<row r="1"><c r="KGAAAYDORC3"/></row>')
    assert cols > 16384
    assert problems(xlsx_of('<row r="1"><c r="A1"/><c r="KGAAAYEMXD1048576"/></row>'))
    assert _extent('<row r="AAAAAAAAAA40"><c r="A1"/></row>')[0] >= 40


def test_a_sheet_part_not_named_xml_is_checked_too():
    data = xlsx_of('<row r="1"><c r="A1"/></row><row r="1048576"><c r="XFD1048576"/></row>')
    renamed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(renamed, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info)
            name = info.filename.replace("sheet1.xml", "sheet1.bin")
            out.writestr(name, body.replace(b"sheet1.xml", b"sheet1.bin"))
    assert any("more than 5000000 cells" in p for p in problems(renamed.getvalue()))


def test_an_r_that_is_not_the_cells_own_reference_places_nothing():
    # calamine reads only an attribute named r: x:r= or "r=" inside another value leave the
    # cell to be placed after the one before it (a 1.6 KB workbook asked for 32 GB)
    for cell in ('<c x:r="A1" xmlns:x="u"/>', "<c t=\"s\" foo='a r=b'/>"):
        wide = '<row r="1">' + cell * 1000 + '</row><row r="1000000"><c r="A1000000"/></row>'
        rows, cols = _extent(wide)
        assert rows == 1000000 and cols >= 1000, cell
    # an attribute after others, quoted either way, is the reference
    assert _extent('<row r="3"><c t="s" s=\'1\' r="C3"/></row>') == (3, 3)


def test_row_tags_that_never_close_are_read_in_linear_time():
    # "<row <row <row …" without ">": a lazy pattern up to ">" read it in quadratic time
    assert _extent("<row " * 40_000) == (0, 1)  # no cell in them
