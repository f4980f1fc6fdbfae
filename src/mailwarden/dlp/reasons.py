"""Why something could not be scanned, in the reader's language. Reasons are kept in English
in results and records (stable, searchable); ``localise`` renders one through the catalogues
by matching it against the templates below."""

from __future__ import annotations

from ..core.i18n import N_
from ..core.reasons import MESSAGE_REASONS, localiser

TEMPLATES = (
    N_("encrypted archive"),
    N_("encrypted Office file"),
    N_("encrypted workbook"),
    N_("encrypted PDF"),
    N_("legacy Office file"),
    N_("unreadable Office file"),
    N_("broken zip"),
    N_("binary content of an unknown kind"),
    N_("archives nested too deep"),
    N_("too large or too compressed to open"),
    N_("too compressed to open"),
    N_("unreadable member"),
    N_("larger than the inspection limit"),
    N_("not a workbook"),
    N_("binary workbook (xlsb) not read"),
    N_("{count} members, more than {limit}"),
    N_("{size} bytes of XML, more than {limit}"),
    N_("a sheet spans {rows} rows × {cols} columns, more than {limit} cells"),
    N_("{count} sheets, more than {limit}: the rest not read"),
    N_("more than {limit} cells"),
    N_("a row of more than {limit} columns"),
    N_("unreadable PDF ({error})"),
    N_("unreadable workbook ({error})"),
    N_("unreadable sheet ({error})"),
    N_("broken workbook ({error})"),
    N_("broken XML ({error})"),
    N_("malformed delimited text ({error})"),
    N_("cut at {limit} characters: the rest not read"),
    N_("a cell of more than {limit} characters cut"),
    N_("{count} pages, more than {limit}: the rest not read"),
)


_localise = localiser((*TEMPLATES, *MESSAGE_REASONS))


def localise(reason: str) -> str:
    """``reason`` in the current language (itself when no template fits)."""
    return _localise(reason)
