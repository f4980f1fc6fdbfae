"""Regular expressions typed by users (a DLP policy's ``patterns``), run where they cannot
hang anything: RE2 (google-re2) matches in time linear in the text, whatever the pattern —
``(a+)+$`` on a long line costs what any pattern costs, where Python's ``re`` would backtrack
for seconds or hours and freeze the console or the gateway. RE2 has no backreferences or
lookarounds; a pattern using them is refused with the reason when the policy is read."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..core.i18n import gettext

MAX_PATTERN = 1000  # characters
MAX_PROGRAM_MEMORY = 8 << 20  # bytes RE2 may use to compile one pattern


@lru_cache(maxsize=256)
def compile_user_regex(pattern: str) -> Any:
    """The compiled pattern; ``ValueError`` with the reason when it cannot be used."""
    import re2  # type: ignore[import-not-found,import-untyped,unused-ignore]

    if len(pattern) > MAX_PATTERN:
        raise ValueError(gettext("longer than {n} characters").format(n=MAX_PATTERN))
    options = re2.Options()
    options.log_errors = False
    options.max_mem = MAX_PROGRAM_MEMORY
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = (
            exc.args[0].decode("utf-8", "replace")
            if exc.args and isinstance(exc.args[0], bytes)
            else str(exc)
        )
        raise ValueError(gettext("no backreferences or lookarounds: {reason}").format(reason=reason)) from exc
