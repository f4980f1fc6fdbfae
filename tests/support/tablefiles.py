"""Tables written in every file format a mail may carry them in — spreadsheets, CSV in the
encodings Excel writes, Word, PowerPoint, PDF, and HTML or plain-text mail bodies — and whole
messages carrying them, for the DLP table-extraction tests and the quality benchmark."""

from __future__ import annotations

import csv
import html
import io
import zipfile
from email import policy
from email.message import EmailMessage

FORMATS: tuple[str, ...] = (
    "xlsx",
    "xlsm",
    "xls",
    "ods",
    "csv-utf8",
    "csv-utf16",
    "csv-sjis",
    "tsv",
    "docx",
    "pptx",
    "html",
    "pdf",
    "text",
)

Cell = str | int

# (file extension, MIME type); csv-utf16 is ".txt" because that is what Excel's "Unicode text" saves.
_KINDS: dict[str, tuple[str, str]] = {
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "xlsm": ("xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12"),
    "xls": ("xls", "application/vnd.ms-excel"),
    "ods": ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    "csv-utf8": ("csv", "text/csv"),
    "csv-utf16": ("txt", "text/plain"),
    "csv-sjis": ("csv", "text/csv"),
    "tsv": ("tsv", "text/tab-separated-values"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pptx": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "html": ("html", "text/html"),
    "pdf": ("pdf", "application/pdf"),
    "text": ("txt", "text/plain"),
}
_XLSX_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_XLSM_MAIN = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_CID_FONT = "HeiseiKakuGo-W5"

_WORDS = {
    "ja": (
        "お世話になっております。下記のとおり一覧をお送りします。",
        "ご確認のほど、よろしくお願いいたします。",
    ),
    "en": ("Hello, please find the list below.", "Let me know if anything is missing. Best regards,"),
}
_INTRO = {
    "ja": "お世話になっております。資料をお送りします。",
    "en": "Hello, please find the document attached.",
}


def _lang(texts: list[str]) -> str:
    return "en" if all(t.isascii() for t in texts) else "ja"


def _grid(header: list[str], rows: list[list[Cell]]) -> list[list[Cell]]:
    return [[*header], *rows]


def write_table(
    fmt: str,
    header: list[str],
    rows: list[list[Cell]],
    *,
    sheet: str = "data",
    name: str = "list",
    hidden_sheet: bool = False,
    hidden_column: bool = False,
) -> tuple[str, bytes]:
    """(file name with extension, content). For "html" the content is an HTML page with a <table>
    (UTF-8 bytes) meant as a mail's HTML body; for "text" it is a plain-text mail body whose table
    is tab-separated lines (UTF-8 bytes) with a short Japanese or English sentence before and after.

    ``int`` cells are numeric cells in xlsx/xlsm/xls/ods and their decimal text elsewhere; ``str``
    cells stay text (leading zeros kept). ``hidden_sheet`` (xlsx/xlsm only) puts the table on a
    hidden sheet "secret" after an empty visible ``sheet``; ``hidden_column`` hides its last column.
    """
    if fmt not in _KINDS:
        raise ValueError(f"unknown format {fmt!r}")
    if (hidden_sheet or hidden_column) and fmt not in ("xlsx", "xlsm"):
        raise ValueError("hidden_sheet and hidden_column are for xlsx and xlsm only")
    ext = _KINDS[fmt][0]
    if fmt in ("xlsx", "xlsm"):
        data = _xlsx(header, rows, sheet, hidden_sheet, hidden_column)
        content = _macro_enabled(data) if fmt == "xlsm" else data
    elif fmt == "xls":
        content = _xls(header, rows, sheet)
    elif fmt == "ods":
        content = _ods(header, rows, sheet)
    elif fmt == "docx":
        content = _docx(header, rows, name)
    elif fmt == "pptx":
        content = _pptx(header, rows, name)
    elif fmt == "pdf":
        content = _pdf(header, rows, name)
    elif fmt == "html":
        content = _html(header, rows)
    elif fmt == "text":
        before, after = _WORDS[_lang(header)]
        lines = ["\t".join(str(v) for v in row) for row in _grid(header, rows)]
        content = "\n".join([before, "", *lines, "", after, ""]).encode("utf-8")
    else:
        content = _delimited(fmt, header, rows)
    return f"{name}.{ext}", content


def _delimited(fmt: str, header: list[str], rows: list[list[Cell]]) -> bytes:
    delimiter = "\t" if fmt in ("csv-utf16", "tsv") else ","
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n" if fmt == "tsv" else "\r\n")
    writer.writerows(_grid(header, rows))
    text = buf.getvalue()
    if fmt == "csv-utf8":
        return ("\ufeff" + text).encode("utf-8")
    if fmt == "csv-utf16":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if fmt == "csv-sjis":
        return text.encode("cp932", errors="replace")
    return text.encode("utf-8")


def _xlsx(
    header: list[str], rows: list[list[Cell]], sheet: str, hidden_sheet: bool, hidden_column: bool
) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet[:31]
    if hidden_sheet:
        ws = wb.create_sheet("secret")
        ws.sheet_state = "hidden"
    for r, row in enumerate(_grid(header, rows), start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, even when the text starts with "="
    if hidden_column:
        ws.column_dimensions[get_column_letter(len(header))].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _macro_enabled(xlsx: bytes) -> bytes:
    """The workbook with the macro-enabled content type: what Excel names .xlsm (no VBA project)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(_XLSX_MAIN, _XLSM_MAIN)
            dst.writestr(item, data)
    return out.getvalue()


def _xls(header: list[str], rows: list[list[Cell]], sheet: str) -> bytes:
    import xlwt  # type: ignore[import-untyped]

    if len(rows) + 1 > 65536:
        raise ValueError("an .xls sheet holds at most 65536 rows")
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sheet[:31])
    for r, row in enumerate(_grid(header, rows)):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ods(header: list[str], rows: list[list[Cell]], sheet: str) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for row in _grid(header, rows):
        tr = TableRow()
        for value in row:
            if isinstance(value, int):
                tc = TableCell(valuetype="float", value=value)
            else:
                tc = TableCell(valuetype="string")
            tc.addElement(P(text=str(value)))
            tr.addElement(tc)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    return buf.getvalue()


def _docx(header: list[str], rows: list[list[Cell]], title: str) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    table = doc.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    for row in _grid(header, rows):
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = str(value)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pptx(header: list[str], rows: list[list[Cell]], title: str) -> bytes:
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"
    assert slide.shapes.title is not None
    slide.shapes.title.text = title
    height = Emu(Inches(0.25) * (len(rows) + 1))
    shape = slide.shapes.add_table(len(rows) + 1, len(header), Inches(0.3), Inches(1.5), Inches(9.4), height)
    table = shape.table
    for tr, row in zip(table.rows, _grid(header, rows), strict=True):
        for cell, value in zip(tr.cells, row, strict=True):  # table.cell(r, c) is linear in r
            frame = cell.text_frame
            frame.text = str(value)
            for run in frame.paragraphs[0].runs:
                run.font.size = Pt(8)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _pdf(header: list[str], rows: list[list[Cell]], title: str) -> bytes:
    """Landscape A4 pages, the header row repeated on each. A row is one text object, its cells
    placed at column positions 24 pt apart; ASCII cells in Helvetica, others in the CID font (pypdf
    misjudges the width of Latin letters in the CID font, which glues columns in layout mode)."""
    from reportlab.lib.pagesizes import A4, landscape  # type: ignore[import-untyped]
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

    if _CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_CID_FONT))

    def font(text: str) -> str:
        return "Helvetica" if text.isascii() else _CID_FONT

    table = [[str(v) for v in row] for row in _grid(header, rows)]
    unit = [max(pdfmetrics.stringWidth(r[i], font(r[i]), 1) for r in table) for i in range(len(header))]
    page_w, page_h = landscape(A4)
    gap, margin = 24.0, 36.0
    size = min(9.0, (page_w - 2 * margin - gap * (len(header) - 1)) / max(sum(unit), 1.0))
    lead = size * 1.7
    per_page = max(1, int((page_h - 2 * margin - 3 * lead) / lead) - 1)
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(page_w, page_h), invariant=True)
    pdf.setTitle(title)
    for start in range(0, max(len(rows), 1), per_page):
        y = page_h - margin
        if start == 0:
            pdf.setFont(font(title), 12)
            pdf.drawString(margin, y, title)
            y -= 3 * lead
        for row in [table[0], *table[1 + start : 1 + start + per_page]]:
            text, x = pdf.beginText(), margin
            for i, value in enumerate(row):
                text.setTextOrigin(x, y)
                text.setFont(font(value), size)
                text.textOut(value)
                x += unit[i] * size + gap
            pdf.drawText(text)
            pdf.setLineWidth(0.3)
            pdf.line(margin, y - lead / 3, x - gap, y - lead / 3)
            y -= lead
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _html(header: list[str], rows: list[list[Cell]]) -> bytes:
    before, after = _WORDS[_lang(header)]
    lines = ["<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>"]
    lines += ["<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows]
    body = "\n".join(lines)
    return (
        '<html><head><meta charset="utf-8"></head><body>\n'
        f'<p>{html.escape(before)}</p>\n<table border="1">\n{body}\n</table>\n<p>{html.escape(after)}</p>\n'
        "</body></html>\n"
    ).encode()


def _cte(text: bytes) -> str | None:
    """base64 for UTF-8 text, so that messages stay 7-bit clean; the email package's choice else."""
    return None if text.isascii() else "base64"


def mail_with(
    fmt: str,
    filename: str,
    content: bytes,
    *,
    subject: str = "資料送付",
    sender: str = "tanaka@example.co.jp",
    to: str = "partner@example.net",
) -> bytes:
    """A whole RFC 5322 message (CRLF line ends, 7-bit clean) built with the email package. "text": one
    text/plain part, a short intro then ``content``; "html": multipart/alternative, a text/plain
    intro and ``content`` as text/html; any other format: a plain body and the file attached with
    its MIME type and an RFC 2231-encoded file name (filename*=utf-8''...)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    intro = _INTRO[_lang([subject, filename])]
    if fmt == "text":
        msg.set_content(intro + "\n\n" + content.decode(), charset="utf-8", cte=_cte(content))
    elif fmt == "html":
        msg.set_content(intro + "\n", charset="utf-8", cte=_cte(intro.encode()))
        msg.add_alternative(content.decode(), subtype="html", charset="utf-8", cte=_cte(content))
    else:
        msg.set_content(intro + "\n", charset="utf-8", cte=_cte(intro.encode()))
        maintype, subtype = _KINDS[fmt][1].split("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()
