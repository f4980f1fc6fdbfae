"""Why a part of a message was not read, and what was wrong with its structure, in the
reader's language. Reasons and defect names are kept as written (English, Python's names) in
results and records — stable and searchable — and rendered through the catalogues here, by
matching a reason against templates whose ``{fields}`` stand for the values in it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .i18n import N_, gettext

#: what core.message records in ``ParsedMessage.uninspected``
MESSAGE_REASONS = (
    N_("message over {limit} bytes: only the first part was read"),
    N_("header section over {limit} bytes: cut"),
    N_("MIME parts nested too deep to parse: the body was not inspected"),
    N_("more than {limit} MIME parts: the rest was not inspected"),
    N_("MIME parts nested deeper than {limit} levels"),
    N_("part {type}: undecodable transfer encoding"),
    N_("body text over the size limit: the rest was not inspected"),
    N_("body text over the size limit: cut"),
)

#: the email package's defect classes, as a reader would say them
DEFECTS = {
    "NoBoundaryInMultipartDefect": N_("a multipart without its boundary"),
    "StartBoundaryNotFoundDefect": N_("a multipart whose first boundary is missing"),
    "CloseBoundaryNotFoundDefect": N_("a multipart whose closing boundary is missing"),
    "FirstHeaderLineIsContinuationDefect": N_("a header section starting with a continuation line"),
    "MisplacedEnvelopeHeaderDefect": N_("an envelope line among the headers"),
    "MissingHeaderBodySeparatorDefect": N_("no blank line between headers and body"),
    "MultipartInvariantViolationDefect": N_("a multipart with no parts"),
    "InvalidMultipartContentTransferEncodingDefect": N_("a multipart with a transfer encoding"),
    "UndecodableBytesDefect": N_("bytes that cannot be decoded"),
    "InvalidBase64PaddingDefect": N_("base64 with wrong padding"),
    "InvalidBase64CharactersDefect": N_("base64 with invalid characters"),
    "InvalidBase64LengthDefect": N_("base64 of an invalid length"),
    "HeaderMissingRequiredValue": N_("a header without its required value"),
    "NonPrintableDefect": N_("non-printable characters in a header"),
    "ObsoleteHeaderDefect": N_("a header in obsolete syntax"),
    "NonASCIILocalPartDefect": N_("non-ASCII characters in an address"),
    "InvalidHeaderDefect": N_("an invalid header"),
    "InvalidDateDefect": N_("an invalid date"),
}


def localiser(templates: Iterable[str]) -> Callable[[str], str]:
    """A function rendering a reason in the current language: the first template it fits,
    translated, with the reason's values put back; the reason itself when none fits."""
    patterns = []
    for t in templates:
        rx = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(t))
        patterns.append((re.compile(rx + r"\Z"), t))

    def localise(reason: str) -> str:
        for rx, template in patterns:
            m = rx.match(reason)
            if m is not None:
                return gettext(template).format(**m.groupdict())
        return reason

    return localise


message_reason = localiser(MESSAGE_REASONS)

#: where an authentication result comes from (analyze.auth's AuthOutcome.source)
AUTH_SOURCES = (
    N_("recorded by the receiving server"),
    N_("recorded by {authserv}"),
    N_("verified"),
)
auth_source = localiser(AUTH_SOURCES)

#: how a lookalike domain resembles its target (analyze.headers: header.lookalike-domain)
LOOKALIKE_HOW = (
    N_("distance {distance} after folding confusable characters"),
    N_("its name with words added"),
)
lookalike_how = localiser(LOOKALIKE_HOW)


def defect(name: str) -> str:
    """A defect class's name as a reader would say it (the name itself if unknown)."""
    text = DEFECTS.get(name)
    return gettext(text) if text else name


#: why an input could not be read (core.sources: kept in English in JSON rows)
READ_ERRORS = (
    N_("not a regular file"),
    N_("larger than {limit} bytes"),
)
_OS_ERRORS = {
    "FileNotFoundError": N_("no such file"),
    "PermissionError": N_("permission denied"),
    "IsADirectoryError": N_("a directory"),
    "NotADirectoryError": N_("not a directory"),
}
_read_error = localiser(READ_ERRORS)


def read_error(error: str) -> str:
    """An input's read error (``FileNotFoundError: No such file or directory``, ``not a
    regular file``) in the reader's language."""
    kind, sep, _ = error.partition(": ")
    if sep and kind in _OS_ERRORS:
        return gettext(_OS_ERRORS[kind])
    return _read_error(error)
