"""Organisational-domain approximation used where RFC 9989's DNS tree walk is not applicable.

The tree walk (dmarc.discover) is authoritative for policy discovery. For deciding whether
a report destination is "external" we compare registrable domains with a short list of
multi-label public suffixes common in our users' mail (Japan first).
"""

from __future__ import annotations

MULTI_LABEL_SUFFIXES = frozenset(
    [
        "co.jp",
        "ne.jp",
        "or.jp",
        "ac.jp",
        "go.jp",
        "ad.jp",
        "ed.jp",
        "gr.jp",
        "lg.jp",
        "co.uk",
        "org.uk",
        "ac.uk",
        "gov.uk",
        "com.au",
        "net.au",
        "org.au",
        "co.nz",
        "com.br",
        "com.cn",
        "com.tw",
        "com.hk",
        "co.kr",
        "co.in",
        "com.sg",
        "com.my",
        "co.th",
        "com.mx",
    ]
)


def registrable(domain: str) -> str:
    labels = domain.lower().rstrip(".").split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in MULTI_LABEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_organisation(a: str, b: str) -> bool:
    return registrable(a) == registrable(b)
