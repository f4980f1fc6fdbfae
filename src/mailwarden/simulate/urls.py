"""Where a simulation's mail points: one place for the tracking, landing and training URLs.

Every URL carries the recipient's link id (``simulate/ids.py``) and nothing else that names
the person; all of them live under ``/t/`` of the campaign's base URL:

========  =====================  =============================================================
kind      path                   what it is
========  =====================  =============================================================
open      ``/t/o/<id>.gif``      the open pixel (a 1x1 GIF)
click     ``/t/c/<id>``          the lure's link: redirects to the landing page (or training)
honeypot  ``/t/h/<id>``          a link hidden from people in the HTML part (scanners follow)
landing   ``/t/l/<id>``          the landing page, password fields removed, with the beacon
submit    ``/t/s/<id>``          where the landing page's form posts (field names kept only)
beacon    ``/t/b/<id>``          the landing page's JavaScript confirmation (POST)
training  ``/t/x/<id>``          the training page (GET) and its quiz (POST)
survey    ``/t/v/<id>``          the optional survey after the campaign (GET, POST)
========  =====================  =============================================================
"""

from __future__ import annotations

PATHS = {
    "open": "/t/o/{id}.gif",
    "click": "/t/c/{id}",
    "honeypot": "/t/h/{id}",
    "landing": "/t/l/{id}",
    "submit": "/t/s/{id}",
    "beacon": "/t/b/{id}",
    "training": "/t/x/{id}",
    "survey": "/t/v/{id}",
}


def url(base: str, kind: str, link_id: str) -> str:
    """The absolute URL of ``kind`` for the recipient whose link id is ``link_id``."""
    return base.rstrip("/") + PATHS[kind].format(id=link_id)


def path(kind: str, link_id: str) -> str:
    """The same, as a path on the tracking server (for redirects and forms)."""
    return PATHS[kind].format(id=link_id)
