"""Attachment signals: the true type by content, not by name; macros and external links in
Office files; archives (encrypted ones, the Japanese "PPAP" habit); HTML smuggling. Nothing
is executed; archives are listed, never extracted to disk, within bounds."""

from __future__ import annotations

import io
import re
import zipfile
from struct import error as struct_error

from ..core.i18n import N_
from .context import Context

EXECUTABLE_EXT = {
    "exe", "scr", "com", "pif", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh",
    "hta", "msi", "msp", "jar", "cpl", "dll", "reg", "msc", "appx", "appinstaller", "scf", "lnk",
    "chm", "one", "xll", "py", "sh", "apk",
}  # fmt: skip
IMAGE_EXT = {"iso", "img", "vhd", "vhdx", "udf"}
DOC_EXT = {
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "txt",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "zip",
    "rtf",
    "csv",
}
_SMUGGLING = (
    ("atob(", re.compile(rb"atob\s*\(", re.I)),
    ("Blob", re.compile(rb"new\s+Blob\s*\(", re.I)),
    ("createObjectURL", re.compile(rb"createObjectURL", re.I)),
    ("msSaveOrOpenBlob", re.compile(rb"msSaveOrOpenBlob", re.I)),
    ("document.write", re.compile(rb"document\.write\s*\(", re.I)),
    ("unescape", re.compile(rb"unescape\s*\(", re.I)),
    (N_("a long base64 string"), re.compile(rb"[A-Za-z0-9+/]{4000,}={0,2}")),
    (N_("a form posting a password"), re.compile(rb"type\s*=\s*[\"']?password", re.I)),
    ("window.location", re.compile(rb"window\.location|location\.href\s*=|location\.replace", re.I)),
)
_PASSWORD_IN_BODY = re.compile(
    r"(?i)(パスワード|パスコード|解凍パス|password|passcode|pwd)\s*(?:は|:|：|=)\s*[「\"']?([!-~]{4,32})"
)
MAX_MEMBERS = 1000
MAX_NESTING = 3


def sniff(data: bytes) -> str | None:
    """What the bytes are, for the kinds that matter; None for anything else."""
    if data[:2] == b"MZ":
        return N_("a Windows executable")
    if data[:4] == b"\x7fELF":
        return N_("a Linux executable")
    if data[:4] in (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe"):
        return N_("a macOS executable")
    if data[:8] == b"L\x00\x00\x00\x01\x14\x02\x00":
        return N_("a Windows shortcut (LNK)")
    if data[:2] == b"#!":
        return N_("a script")
    if len(data) > 0x8006 and data[0x8001:0x8006] == b"CD001":
        return N_("a disk image (ISO)")
    if data[:8] == b"conectix" or data[-512:-504] == b"conectix":
        return N_("a disk image (VHD)")
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:6] in (b"7z\xbc\xaf\x27\x1c",) or data[:4] == b"Rar!":
        return "archive"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<script", b"<svg")):
        return "html"
    return None


def _ext(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower().strip() if "." in name else ""


_RANDOM_NAME = re.compile(r"^(?=[^.]*[a-z])(?=[^.]*[A-Z])(?=[^.]*\d)[A-Za-z0-9_]{14,}(?:\.\w{1,5})?$")


def check_attachments(ctx: Context) -> None:
    for att in ctx.msg.attachments:
        name = att.filename or "(unnamed)"
        if att.truncated:
            mb = len(att.data) // (1 << 20)
            ctx.hit(
                "analysis.uninspected",
                reason=f"{name}: larger than the inspection limit (first {mb} MB read)",
            )
        _check_one(ctx, name, att.data, depth=0)
        if _RANDOM_NAME.match(name):
            ctx.hit("attachment.random-name", name=name)
    body = "\n".join(ctx.msg.texts)
    if ctx.fired("attachment.encrypted-archive"):
        m = _PASSWORD_IN_BODY.search(body)
        if m:
            ctx.hit("attachment.password-in-body", phrase=m.group(0)[:60])


def _check_one(ctx: Context, name: str, data: bytes, depth: int) -> None:
    ext = _ext(name)
    kind = sniff(data)
    base = name.rsplit(".", 1)[0] if "." in name else name
    # "invoice.pdf.exe", "invoice.pdf      .exe"
    if ext in EXECUTABLE_EXT | IMAGE_EXT and _ext(base.rstrip()) in DOC_EXT:
        ctx.hit("attachment.double-extension", name=name)
    if ext in IMAGE_EXT or kind in ("a disk image (ISO)", "a disk image (VHD)"):
        ctx.hit("attachment.disk-image", name=name, kind=kind or ext.upper())
    elif kind == "a Windows shortcut (LNK)" or ext == "lnk":
        ctx.hit("attachment.disk-image", name=name, kind=N_("a Windows shortcut (LNK)"))
    elif kind in (
        "a Windows executable",
        "a Linux executable",
        "a macOS executable",
        "a script",
    ):
        ctx.hit("attachment.executable", name=name, kind=kind)
    elif ext in EXECUTABLE_EXT:
        ctx.hit("attachment.executable", name=name, kind=f".{ext}")
    elif (
        kind is not None
        and ext in ("pdf", "jpg", "jpeg", "png", "gif", "txt")
        and kind not in ("pdf", "html")
    ):
        ctx.hit("attachment.type-mismatch", name=name, kind=kind)
    if kind == "html" or ext in ("html", "htm", "shtml", "svg", "xhtml"):
        found = [label for label, pat in _SMUGGLING if pat.search(data[:2_000_000])]
        if len(found) >= 2:
            ctx.hit("attachment.html-smuggling", name=name, patterns=", ".join(found))
        else:
            ctx.hit("attachment.html", name=name)
    if kind == "zip":
        _zip(ctx, name, data, depth)
    elif kind == "ole":
        _ole(ctx, name, data)
    elif kind == "pdf" and re.search(rb"/(JavaScript|JS|Launch|EmbeddedFile)\b", data[:5_000_000]):
        ctx.hit("attachment.type-mismatch", name=name, kind=N_("a PDF with script or embedded files"))


def _ole(ctx: Context, name: str, data: bytes) -> None:
    """Legacy Office files and encrypted OOXML (both OLE containers), read with olefile and
    msoffcrypto-tool: a VBA project means macros; an EncryptedPackage or an encrypted legacy
    document means its content cannot be inspected."""
    import msoffcrypto  # type: ignore[import-untyped]
    import olefile  # type: ignore[import-untyped]

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        streams = ["/".join(p) for p in ole.listdir(streams=True, storages=True)]
    except (OSError, ValueError, IndexError, struct_error, TypeError):
        ctx.hit("analysis.uninspected", reason=f"{name}: unreadable OLE file")
        return
    encrypted = "EncryptedPackage" in streams
    if not encrypted:
        try:
            encrypted = bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
        except Exception:
            encrypted = False
    if encrypted:
        ppap = " (common practice in Japanese business mail: weight lowered)" if ctx.rules.ppap else ""
        ctx.hit("attachment.encrypted-archive", name=name, ppap=ppap)
    elif any(
        "VBA" in part.split("/") or part.startswith("_VBA_PROJECT") or "Macros" in part for part in streams
    ):
        ctx.hit("attachment.office-macro", name=name)


def _zip(ctx: Context, name: str, data: bytes, depth: int) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        ctx.hit("analysis.uninspected", reason=f"{name}: broken zip")
        return
    if len(infos) > MAX_MEMBERS:
        ctx.hit("analysis.uninspected", reason=f"{name}: {len(infos)} members")
        infos = infos[:MAX_MEMBERS]
    names = {i.filename for i in infos}
    if "word/vbaProject.bin" in names or "xl/vbaProject.bin" in names or "ppt/vbaProject.bin" in names:
        ctx.hit("attachment.office-macro", name=name)
    is_office = any(n.startswith(("word/", "xl/", "ppt/")) for n in names)
    if any(i.flag_bits & 0x1 for i in infos):
        ppap = " (common practice in Japanese business mail: weight lowered)" if ctx.rules.ppap else ""
        ctx.hit("attachment.encrypted-archive", name=name, ppap=ppap)
    for info in infos:
        member = info.filename
        if info.is_dir():
            continue
        if is_office and member.endswith(".rels") and info.file_size < 1_000_000 and not info.flag_bits & 1:
            try:
                rels = zf.read(info)
            except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
                continue
            for m in re.finditer(
                rb'Target="((?:https?|file|\\\\)[^"]{1,300})"[^>]*TargetMode="External"', rels
            ):
                target = m.group(1).decode("utf-8", "replace")
                if "schemas.openxmlformats.org" not in target and "schemas.microsoft.com" not in target:
                    ctx.hit("attachment.office-external", name=name, target=target[:120])
            continue
        if is_office:
            continue
        inner = f"{name}!{member}"
        if info.flag_bits & 0x1:
            ext = _ext(member)
            if ext in EXECUTABLE_EXT:
                ctx.hit("attachment.executable", name=inner, kind=f".{ext}")
            continue
        if info.file_size > 50 * 1024 * 1024 or (
            info.compress_size
            and info.file_size / max(info.compress_size, 1) > 200
            and info.file_size > 1 << 20
        ):
            ctx.hit("analysis.uninspected", reason=f"{inner}: too large or too compressed to open")
            continue
        if depth >= MAX_NESTING:
            ctx.hit("analysis.uninspected", reason=f"{inner}: archives nested too deep")
            continue
        try:
            with zf.open(info) as fh:
                content = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
            ctx.hit("analysis.uninspected", reason=f"{inner}: unreadable member")
            continue
        _check_one(ctx, inner, content, depth + 1)
