"""Reports of the same attack grouped, so one decision settles them all.

A report's *keys* are the values that tie it to others: the hash of the message's body,
its attachments' hashes, its link targets, the bands of a MinHash of its subject and body
(locality-sensitive hashing: near-identical text shares a band), its sender's domain (not a
free-mail one) and its envelope sender. Keys are rows with an index (``report_cluster_keys``),
so placing a new report is a handful of index lookups whatever the number of stored reports.

A report joins the cluster one of its keys names; a band match counts only when the MinHash
estimates the texts at least ``NEAR`` alike. The sender's domain and envelope tie a report
only to a cluster still open: a resolved "clean" newsletter must not absorb a forgery of
its sender.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

import numpy as np
from datasketch import MinHash

from ..core.freemail import freemail_domains
from ..core.message import ParsedMessage

NUM_PERM = 128
#: datasketch's hashing scheme, named so stored signatures stay comparable across versions
SCHEME: Literal["affine32"] = "affine32"
BANDS = 16
ROWS = NUM_PERM // BANDS
#: estimated Jaccard similarity of subject+body shingles for "near-identical"
NEAR = 0.8
SHINGLE = 5
MAX_TEXT = 20_000
STRONG = ("body", "attachment", "url", "band")
WEAK = ("sender", "envelope")
_SPACE = re.compile(r"\s+")
# per-recipient noise in otherwise identical mail: addresses, long digit runs, tracking ids
_NOISE = re.compile(r"[\w.+-]+@[\w.-]+|\d{4,}|[0-9a-f]{16,}", re.I)


@dataclass
class Features:
    body_hash: str
    minhash: MinHash | None
    keys: list[tuple[str, str]] = field(default_factory=list)
    sender_domain: str = ""
    subject: str = ""

    def signature(self) -> bytes | None:
        if self.minhash is None:
            return None
        return np.asarray(self.minhash.hashvalues, dtype=np.uint32).tobytes()


def _h(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return _SPACE.sub(" ", _NOISE.sub(" ", text)).strip()


def minhash_of(text: str) -> MinHash | None:
    text = normalise(text)[:MAX_TEXT]
    if len(text) < SHINGLE:
        return None
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    shingles = {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}
    m.update_batch([s.encode("utf-8", "surrogatepass") for s in shingles])
    return m


def minhash_from(signature: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM,
        hashvalues=np.frombuffer(signature, dtype=np.uint32).copy(),
        scheme=SCHEME,
        permutations=_permutations(),
    )


@cache
def _permutations() -> Any:
    """The seed's permutations, made once (datasketch makes them again for every MinHash)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def bands(m: MinHash) -> list[str]:
    values = np.asarray(m.hashvalues, dtype=np.uint32)
    return [
        hashlib.sha256(bytes([b]) + values[b * ROWS : (b + 1) * ROWS].tobytes()).hexdigest()
        for b in range(BANDS)
    ]


def features(msg: ParsedMessage, verdict: dict[str, Any], body_hash: str) -> Features:
    text = "\n".join([msg.subject, *msg.texts, *(_strip_tags(h) for h in msg.htmls)])
    m = minhash_of(text)
    keys: list[tuple[str, str]] = [("body", body_hash)]
    for att in verdict.get("attachments", []):
        if att.get("sha256"):
            keys.append(("attachment", str(att["sha256"])))
    for url in verdict.get("urls", []):
        target = str(url.get("url") or url.get("href") or "")
        if target and _specific(target):
            keys.append(("url", _h(target.strip().lower())))
    if m is not None:
        keys.extend(("band", b) for b in bands(m))
    sender = msg.sender
    if sender is not None and sender.domain and sender.domain not in freemail_domains():
        keys.append(("sender", _h(sender.domain)))
    if msg.return_path:
        keys.append(("envelope", _h(msg.return_path)))
    domain = sender.domain if sender is not None else ""
    return Features(body_hash, m, list(dict.fromkeys(keys)), domain, msg.subject)


def _specific(url: str) -> bool:
    """A link with a path or query names one page: a bare home page is shared by unrelated mail."""
    rest = re.sub(r"^[a-z][a-z0-9+.-]*://[^/?#]*", "", url.strip(), flags=re.I)
    return rest.strip("/") != ""


_TAG = re.compile(r"<[^>]+>")


def _strip_tags(page: str) -> str:
    return _TAG.sub(" ", page)


def near(a: MinHash, signature: bytes | None) -> bool:
    if signature is None:
        return False
    return float(a.jaccard(minhash_from(signature))) >= NEAR
