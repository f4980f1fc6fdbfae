"""The key that signs console sessions and the cancel links in gateway notices."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from .config import Settings


def secret_key(settings: Settings) -> str:
    """MAILWARDEN_SECRET_KEY, else a key generated once into the data directory (0600).

    Several processes may start at once on a fresh data directory (two ``campaign send``, a
    console and a gateway): the key is written whole to a file of its own and then linked into
    place, which only one of them can do; the others read the key that won."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.data_dir) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")  # created 0600
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(key)
        os.link(tmp, path)
    except FileExistsError:
        return path.read_text().strip()
    finally:
        os.unlink(tmp)
    return key
