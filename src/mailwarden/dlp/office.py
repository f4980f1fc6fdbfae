"""Word and PowerPoint files: their tables cell by cell, the rest of their text as text.

A table's cells (``w:tc`` in Word, ``a:tc`` in PowerPoint) become a Table named
``attachment:form.docx!table1`` (``…!slide2!table1`` for slides); the text outside tables is
read as before. The XML is parsed by lxml with entities and network access off and the
default tree limits on, after the zip sizes were checked (extract.py).
"""

from __future__ import annotations

import html
import re
import zipfile

from lxml import etree

from .tables import MAX_COLUMNS, Table, clip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_XML_TEXT = re.compile(rb"<(?:w:t|a:t|t|v)(?:\s[^>]*)?>([^<]*)</(?:w:t|a:t|t|v)>")
_PARAGRAPH_END = re.compile(rb"</(?:[A-Za-z]+:)?p>")
# a tab or line break inside a paragraph (<w:tab/>, <w:br w:type="page"/>, <a:br><a:rPr/></a:br>)
_BREAK = re.compile(rb"<(?:[A-Za-z]+:)?(?:tab|br|cr)\b[^>]{0,512}>")
_SLIDE = re.compile(r"ppt/slides/slide([0-9]+)\.xml$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _cell_text(tc: etree._Element, ns: str) -> str:
    """A cell's text, paragraph by paragraph, leaving out tables nested inside it (they are
    tables of their own)."""
    row = tc.getparent()
    own = row.getparent() if row is not None else None  # tc -> tr -> tbl
    paras = []
    for p in tc.iter(f"{ns}p"):
        if next(p.iterancestors(f"{ns}tbl"), None) is not own:
            continue
        paras.append("".join(t.text or "" for t in p.iter(f"{ns}t")))
    return clip("\n".join(x for x in paras if x))


def _tables(root: etree._Element, ns: str, location: str) -> list[Table]:
    out: list[Table] = []
    for tbl in root.iter(f"{ns}tbl"):
        rows = []
        for tr in tbl.iterchildren(f"{ns}tr"):
            cells = [_cell_text(tc, ns) for tc in tr.iterchildren(f"{ns}tc")]
            rows.append(cells[:MAX_COLUMNS])
        if rows:
            out.append(Table(f"{location}!table{len(out) + 1}", rows))
    return out


def _text_outside_tables(xml: bytes, root: etree._Element | None, ns: str) -> str:
    """The text of a part, paragraphs apart by a blank line (the number reader joins a number
    a line break cuts): the runs of a paragraph are one text (Word and PowerPoint cut words into
    runs where formatting changes), a tab or line break within it a space; paragraphs, shapes,
    text boxes and notes apart — joined by spaces, "個人番号 104332181963" in a note and
    "10/17/16" in the next placeholder read as one number."""
    if root is None:
        paragraphs = _PARAGRAPH_END.split(_BREAK.sub(b"<t> </t>", xml))
        return html.unescape(
            "\n\n".join(
                line
                for para in paragraphs
                if (line := "".join(t.decode("utf-8", "replace") for t in _XML_TEXT.findall(para)))
            )
        )
    lines: list[str] = []
    last: etree._Element | None = None
    p, tbl, t = f"{ns}p", f"{ns}tbl", f"{ns}t"
    for el in root.iter(t, f"{ns}tab", f"{ns}br", f"{ns}cr"):
        up = el.iterancestors(p, tbl)  # its paragraph first, then what holds that
        para = next(up, None)
        if para is not None and (para.tag == tbl or any(a.tag == tbl for a in up)):
            continue  # a table's text: the table's cells hold it
        piece = (el.text or "") if el.tag == t else " "
        if para is not None and lines and para is last:
            lines[-1] += piece
        else:
            lines.append(piece)
        last = para
    return "\n\n".join(x for x in lines if x.strip())


def read_ooxml(
    location: str, zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], max_member: int
) -> tuple[str, list[Table], list[tuple[str, str]]]:
    """(text outside tables, tables, problems) of a Word, PowerPoint or other OOXML file."""
    texts: list[str] = []
    tables: list[Table] = []
    problems: list[tuple[str, str]] = []
    for info in members:
        name = info.filename
        if not name.endswith(".xml") or info.file_size > max_member:
            continue
        xml = zf.read(info)
        where, ns = location, ""
        if name == "word/document.xml" or name.startswith(("word/header", "word/footer")):
            ns = W
        else:
            slide = _SLIDE.match(name)
            if slide:
                ns, where = A, f"{location}!slide{slide.group(1)}"
        if not ns or (b"tbl" not in xml):
            texts.append(_text_outside_tables(xml, None, ns))
            continue
        try:
            root = etree.fromstring(xml, _PARSER)
        except etree.XMLSyntaxError as exc:
            problems.append((f"{location}!{name}", f"broken XML ({exc.msg})"))
            texts.append(_text_outside_tables(xml, None, ns))
            continue
        found = _tables(root, ns, where)
        for t in found:  # numbered across the document, not per part
            t.location = f"{where}!table{len(tables) + 1}"
            tables.append(t)
        texts.append(_text_outside_tables(xml, root, ns))
    return "\n\n".join(x for x in texts if x), tables, problems
