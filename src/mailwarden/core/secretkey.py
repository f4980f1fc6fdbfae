"""The key that signs console sessions and the cancel links in gateway notices."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from .config import Settings
from .errors import ConfigError
from .i18n import gettext


def secret_key(settings: Settings) -> str:
    """MAILWARDEN_SECRET_KEY, else a key generated once into the data directory (0600).

    Several processes may start at once on a fresh data directory (two ``campaign send``, a
    console and a gateway): the key is written whole to a file of its own and then linked into
    place, which only one of them can do; the others read the key that won."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.data_dir) / "secret_key"
    if path.exists():
        return _stored(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")  # created 0600
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())  # never a linked, empty key after a power cut
        try:
            os.link(tmp, path)
        except FileExistsError:
            return _stored(path)
        except OSError:  # a file system without hard links: create it in place, once
            try:
                out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                return _stored(path)
            with os.fdopen(out, "w") as fh:
                fh.write(key)
    finally:
        os.unlink(tmp)
    return key


def _stored(path: Path) -> str:
    key = path.read_text().strip()
    if not key:
        raise ConfigError(
            gettext("The secret key file {path} is empty: remove it, or set MAILWARDEN_SECRET_KEY.").format(
                path=path
            )
        )
    return key
