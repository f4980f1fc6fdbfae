from __future__ import annotations

import os

# Tests speak English unless a test asks for Japanese.
os.environ.setdefault("MAILWARDEN_LANG", "en")
