"""Reading a message the console was given: an uploaded file, or pasted source."""

from __future__ import annotations

from fastapi import HTTPException, UploadFile

from ..core.i18n import gettext

MAX_MESSAGE = 30 * 1024 * 1024


async def read_message(file: UploadFile | None, text: str | None) -> bytes:
    """The file when one was chosen, else the pasted text; 413 over the size cap, 422 when empty."""
    if file is not None and file.filename:
        data = await file.read(MAX_MESSAGE + 1)
    else:
        data = (text or "").encode("utf-8")
    if len(data) > MAX_MESSAGE:
        raise HTTPException(413, gettext("file too large"))
    if not data.strip():
        raise HTTPException(422, gettext("no message given"))
    return data
