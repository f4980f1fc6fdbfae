"""Translation layer: gettext catalogues (``locale/<lang>/LC_MESSAGES/mailwarden.po``).

Message ids are English. The language is chosen, in order, by the ``MAILWARDEN_LANG``
setting, then ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``; Japanese is the default when none
names a supported language. The current language is a context variable so that each web
request can carry its own.
"""

from __future__ import annotations

import contextvars
import marshal
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_current: contextvars.ContextVar[str | None] = contextvars.ContextVar("mailwarden_lang", default=None)


def normalise_language(value: str | None) -> str | None:
    """Map ``ja_JP.UTF-8``, ``en-US``, ``EN`` … to a supported language, or None."""
    if not value:
        return None
    code = value.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else None


def language_from_environment() -> str:
    for var in ("MAILWARDEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        lang = normalise_language(os.environ.get(var))
        if lang:
            return lang
    return DEFAULT_LANGUAGE


def get_language() -> str:
    return _current.get() or language_from_environment()


def set_language(lang: str | None) -> None:
    _current.set(normalise_language(lang))


@contextmanager
def language(lang: str | None) -> Iterator[None]:
    token = _current.set(normalise_language(lang))
    try:
        yield
    finally:
        _current.reset(token)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The translations of ``lang``: read from the ``.po`` file once, then from a copy in the
    user's cache directory while the ``.po`` is unchanged (reading the ``.po`` with Babel costs
    about a tenth of a second, at every start of the command)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "mailwarden.po"
    try:
        st = path.stat()
    except OSError:
        return {}
    cached = _cache_dir() / f"i18n-{lang}-{st.st_mtime_ns}-{st.st_size}.marshal"
    try:
        data = marshal.loads(cached.read_bytes())
        if isinstance(data, dict):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    out = _read_po(path, lang)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(out))
        os.replace(tmp, cached)  # whole or not at all, whoever writes at the same time
    except OSError:
        pass  # no writable cache: read the .po each time
    return out


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mailwarden"


def _read_po(path: Path, lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        cat = read_po(fh, locale=lang)
    out: dict[str, str] = {}
    for msg in cat:
        if msg.id and isinstance(msg.id, str) and msg.string and not msg.fuzzy:
            out[msg.id] = str(msg.string)
    return out


def gettext(message: str) -> str:
    """Translate ``message`` into the current language (falls back to the id)."""
    return catalogue(get_language()).get(message, message)


_ = gettext


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message
