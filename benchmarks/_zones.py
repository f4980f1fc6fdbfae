"""Synthetic zones with a realistic mix of good and broken mail setups (for benchmarks)."""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from tests.support.nsd import Zone, txt_rdata

TLD = "bench"
PROVIDERS = [f"mx{i}.provider.{TLD}" for i in range(1, 6)]


def _key(bits: int) -> str:
    pub = rsa.generate_private_key(public_exponent=65537, key_size=bits).public_key()
    der = pub.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


@dataclass
class Corpus:
    zones: list[Zone]
    inputs: list[str]
    #: Domains whose checks fetch over HTTPS in some tools (MTA-STS, BIMI records).
    fetching: set[str]


def T(s: str) -> str:
    return txt_rdata([s])


def build(n: int, seed: int = 7) -> Corpus:
    rnd = random.Random(seed)
    k2048, k1024 = _key(2048), _key(1024)
    parent = Zone(TLD)
    provider = Zone(f"provider.{TLD}")
    for i, host in enumerate(PROVIDERS):
        provider.add(host, "A", f"198.51.100.{i + 1}")
    provider.add(f"spf.provider.{TLD}", "TXT", T("v=spf1 ip4:198.51.100.0/24 -all"))
    provider.add(f"_spf.mail.provider.{TLD}", "TXT", T("v=spf1 include:spf.provider.bench ~all"))
    for i in range(12):
        provider.add(f"s{i}.provider.{TLD}", "TXT", T(f"v=spf1 ip4:192.0.2.{i} -all"))
    provider.add(f"example.bench._report._dmarc.reports.provider.{TLD}", "TXT", T("v=DMARC1"))
    rev_provider = Zone("100.51.198.in-addr.arpa")
    for i, host in enumerate(PROVIDERS):
        rev_provider.add(f"{i + 1}.100.51.198.in-addr.arpa", "PTR", host + ".")
    rev_own = Zone("113.0.203.in-addr.arpa")
    zones: list[Zone] = [parent, provider, rev_provider, rev_own]
    inputs: list[str] = []
    fetching: set[str] = set()
    for i in range(n):
        name = f"d{i:06d}.{TLD}"
        roll = rnd.random()
        if roll < 0.01:
            inputs.append("x" * 64 + f"{i}.{TLD}")  # invalid name
            continue
        inputs.append(name)
        if roll < 0.03:
            continue  # not delegated: NXDOMAIN from the parent
        z = Zone(name)
        z.add(name, "A", f"203.0.113.{i % 250 + 1}")
        # SPF (~83 %)
        if rnd.random() < 0.83:
            q = rnd.choices(["-", "~", "?", "+", ""], weights=[35, 50, 10, 2, 3])[0]
            incs = rnd.choices([0, 1, 2, 3], weights=[30, 45, 20, 5])[0]
            terms = ["v=spf1"] + [f"include:s{j}.provider.{TLD}" for j in range(incs)]
            extra = rnd.random()
            if extra < 0.03:
                terms = ["v=spf1"] + [f"include:s{j}.provider.{TLD}" for j in range(11)]
            elif extra < 0.05:
                terms.append("ip4:192.0.2.300")  # syntax error
            elif extra < 0.10:
                terms.append("mx")
            if q:
                terms.append(f"{q}all")
            z.add(name, "TXT", T(" ".join(terms)))
            if rnd.random() < 0.02:
                z.add(name, "TXT", T("v=spf1 -all"))
        z.add(name, "TXT", T(f"google-site-verification=token{i}"))
        # DMARC (~25 %)
        if rnd.random() < 0.25:
            p = rnd.choices(["none", "quarantine", "reject"], weights=[70, 15, 15])[0]
            rua = rnd.choices(
                ["", f"; rua=mailto:dmarc@{name}", f"; rua=mailto:x@reports.provider.{TLD}"],
                weights=[20, 60, 20],
            )[0]
            z.add(f"_dmarc.{name}", "TXT", T(f"v=DMARC1; p={p}{rua}"))
        # DKIM (~45 %)
        if rnd.random() < 0.45:
            sel = rnd.choice(["google", "selector1", "s1", "k1"])
            key = k2048 if rnd.random() < 0.85 else k1024
            z.add(f"{sel}._domainkey.{name}", "TXT", txt_rdata(["v=DKIM1; k=rsa; ", "p=" + key]))
        # MX
        mx = rnd.random()
        if mx < 0.88:
            for pref, host in enumerate(rnd.sample(PROVIDERS, rnd.choice([1, 2]))):
                z.add(name, "MX", f"{10 * (pref + 1)} {host}.")
        elif mx < 0.96:
            z.add(name, "MX", f"10 mail.{name}.")
            octet = i % 250 + 1
            z.add(f"mail.{name}", "A", f"203.0.113.{octet}")
            rev_own.add(f"{octet}.113.0.203.in-addr.arpa", "PTR", f"mail.{name}.")
        elif mx < 0.99:
            z.add(name, "MX", "0 .")
        if rnd.random() < 0.04:
            z.add(f"_mta-sts.{name}", "TXT", T(f"v=STSv1; id={i}"))
            fetching.add(name)
        if rnd.random() < 0.06:
            z.add(f"_smtp._tls.{name}", "TXT", T(f"v=TLSRPTv1; rua=mailto:tls@{name}"))
        if rnd.random() < 0.01:
            z.add(f"default._bimi.{name}", "TXT", T(f"v=BIMI1; l=https://{name}/logo.svg"))
            fetching.add(name)
        zones.append(z)
    # PTR names repeat when i wraps at 250: keep the first of each owner.
    seen: set[str] = set()
    rev_own.records = [r for r in rev_own.records if not (r[0] in seen or seen.add(r[0]))]  # type: ignore[func-returns-value]
    return Corpus(zones, inputs, fetching)
