"""The key that signs console sessions and the cancel links in gateway notices."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .config import Settings


def secret_key(settings: Settings) -> str:
    """MAILWARDEN_SECRET_KEY, else a key generated once into the data directory (0600)."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.data_dir) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key
