"""Which network a source IP address is in: (ASN, country) from an iptoasn.com table, or the
IPv4 /16 / IPv6 /32 around it. AWS service principals (``ses.amazonaws.com``) are none."""

from __future__ import annotations

import gzip
import ipaddress
from bisect import bisect_right
from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import gettext as _


class IpDb:
    """The iptoasn.com ``ip2asn-v4.tsv`` / ``ip2asn-combined.tsv`` format (gzip accepted):
    range_start, range_end, AS_number, country_code, AS_description, tab-separated."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.rows: list[tuple[int, int, str, str]] = []  # (v6 flag, end, asn, country)

    @classmethod
    def load(cls, path: Path) -> IpDb:
        db = cls()
        rows: list[tuple[int, int, int, str, str]] = []
        try:
            raw = path.read_bytes()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            text = raw.decode("utf-8", "replace")
        except (OSError, EOFError) as exc:
            raise InputError(
                _("{file}: the IP database cannot be read ({reason}).").format(file=path, reason=exc)
            ) from exc
        for line in text.splitlines():
            parts = line.split("\t")
            if len(parts) < 4:
                continue
            try:
                a = ipaddress.ip_address(parts[0].strip())
                b = ipaddress.ip_address(parts[1].strip())
            except ValueError:
                continue
            v6 = 1 if a.version == 6 else 0
            rows.append((v6, int(a), int(b), parts[2].strip(), parts[3].strip()))
        if not rows:
            raise InputError(_("{file}: no IP ranges in the iptoasn.com format.").format(file=path))
        rows.sort()
        db.starts = [(v6 << 128) | s for v6, s, _e, _a, _c in rows]
        db.rows = [(v6, e, a, c) for v6, _s, e, a, c in rows]
        return db

    def lookup(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> tuple[str, str] | None:
        v6 = 1 if ip.version == 6 else 0
        n = int(ip)
        i = bisect_right(self.starts, (v6 << 128) | n) - 1
        if i < 0:
            return None
        rv6, end, asn, country = self.rows[i]
        if rv6 != v6 or n > end or asn in ("0", ""):
            return None
        return asn, country


class Networks:
    """Source IP -> network name (cached: a trail has few distinct addresses)."""

    def __init__(self, db: IpDb | None = None) -> None:
        self.db = db
        self._cache: dict[str, tuple[str, str, str] | None] = {}

    def of(self, ip: str) -> tuple[str, str, str] | None:
        """(network, asn, country) — asn and country empty without a database — or None."""
        try:
            return self._cache[ip]
        except KeyError:
            pass
        net = self._compute(ip)
        self._cache[ip] = net
        return net

    def _compute(self, ip: str) -> tuple[str, str, str] | None:
        try:
            addr = ipaddress.ip_address(ip.strip())
        except ValueError:
            return None  # a service principal (ses.amazonaws.com), "AWS Internal"
        if self.db is not None:
            hit = self.db.lookup(addr)
            if hit is not None:
                asn, country = hit
                return f"AS{asn} {country}", asn, country
        prefix = 16 if addr.version == 4 else 32
        net = ipaddress.ip_network(f"{addr}/{prefix}", strict=False)
        return str(net), "", ""
