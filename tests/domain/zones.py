"""Fixture zones for the domain audit tests: one root zone with many small test domains."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from tests.support.nsd import Zone, txt_rdata


def rsa_p(bits: int) -> str:
    if bits < 1024:
        # cryptography will not generate short keys; any odd modulus of the size will do
        # for a public key whose length is all we measure.
        n = (1 << (bits - 1)) | 0xF1 | 1
        key = rsa.RSAPublicNumbers(65537, n).public_key()
    else:
        key = rsa.generate_private_key(public_exponent=65537, key_size=bits).public_key()
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


def ed_p() -> str:
    raw = (
        ed25519.Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return base64.b64encode(raw).decode()


def T(*strings: str) -> str:
    return txt_rdata(strings)


def build_zone() -> Zone:
    z = Zone(".")
    a = z.add
    # good.test — everything right
    a("good.test", "TXT", T("v=spf1 include:_spf.provider.test -all"))
    a("_spf.provider.test", "TXT", T("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all"))
    a("_dmarc.good.test", "TXT", T("v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc@good.test"))
    a("google._domainkey.good.test", "TXT", T("v=DKIM1; k=rsa; p=" + rsa_p(2048)))
    a("brand._domainkey.good.test", "TXT", T("v=DKIM1; k=ed25519; p=" + ed_p()))
    a("good.test", "MX", "10 mx1.good.test.")
    a("mx1.good.test", "A", "127.0.0.1")
    a("1.0.0.127.in-addr.arpa", "PTR", "mx1.good.test.")
    a("_mta-sts.good.test", "TXT", T("v=STSv1; id=20261127"))
    a("mta-sts.good.test", "A", "127.0.0.1")
    a("_smtp._tls.good.test", "TXT", T("v=TLSRPTv1; rua=mailto:tls@good.test"))
    a("default._bimi.good.test", "TXT", T("v=BIMI1; l=https://good.test/logo.svg;"))
    a(
        "good.test",
        "DNSKEY",
        "257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==",
    )
    a("sub.good.test", "A", "192.0.2.10")
    # bad.test — many problems at once
    a("bad.test", "TXT", T("v=spf1 ptr a:nothing1.bad.test a:nothing2.bad.test a:nothing3.bad.test +all"))
    a("_dmarc.bad.test", "TXT", T("v=DMARC1; p=none; pct=50; rua=mailto:reports@collector.test; ri=3600"))
    a("s1._domainkey.bad.test", "TXT", T("v=DKIM1; k=rsa; p=" + rsa_p(1024)))
    a("s2._domainkey.bad.test", "TXT", T("v=DKIM1; k=rsa; p=" + rsa_p(512)))
    a("bad.test", "MX", "10 alias.bad.test.")
    a("bad.test", "MX", "20 nowhere.bad.test.")
    a("alias.bad.test", "CNAME", "mx1.good.test.")
    a("nowhere.bad.test", "TXT", T("no address here"))
    # authorised external reporting
    a("_dmarc.shop.test", "TXT", T("v=DMARC1; p=quarantine; t=y; rua=mailto:agg@collector.test"))
    a("shop.test._report._dmarc.collector.test", "TXT", T("v=DMARC1"))
    a("shop.test", "TXT", T("v=spf1 mx ~all"))
    a("shop.test", "MX", "0 .")
    # too many lookups: 11 includes of valid records
    a("heavy.test", "TXT", T("v=spf1 " + " ".join(f"include:p{i}.heavy.test" for i in range(11)) + " -all"))
    for i in range(11):
        a(f"p{i}.heavy.test", "TXT", T(f"v=spf1 ip4:198.51.100.{i} -all"))
    # loops and broken includes
    a("loop.test", "TXT", T("v=spf1 include:loop2.test -all"))
    a("loop2.test", "TXT", T("v=spf1 include:loop.test -all"))
    a("broken.test", "TXT", T("v=spf1 include:nospf.test foo:bar -all"))
    a("missinginc.test", "TXT", T("v=spf1 include:nospf.test ?all"))
    a("nospf.test", "A", "192.0.2.1")
    a("twospf.test", "TXT", T("v=spf1 -all"))
    a("twospf.test", "TXT", T("v=spf1 ~all"))
    a("noall.test", "TXT", T("v=spf1 ip4:192.0.2.1"))
    a("long.test", "TXT", T("v=spf1 " + " ".join(f"ip4:203.0.113.{i}" for i in range(40)) + " -all"))
    # nothing at all (the name exists)
    a("empty.test", "A", "192.0.2.1")
    # MTA-STS in testing mode whose policy misses the real MX
    a("sts.test", "MX", "10 mx.sts.test.")
    a("mx.sts.test", "A", "127.0.0.1")
    a("_mta-sts.sts.test", "TXT", T("v=STSv1; id=abc123"))
    a("mta-sts.sts.test", "A", "127.0.0.1")
    a("_dmarc.sts.test", "TXT", T("v=DMARC1; p=reject"))
    a("default._bimi.sts.test", "TXT", T("v=BIMI1; l=http://sts.test/logo.png;"))
    # MTA-STS whose policy host redirects
    a("_mta-sts.redirect.test", "TXT", T("v=STSv1; id=1"))
    a("mta-sts.redirect.test", "A", "127.0.0.1")
    # CNAME loop
    a("cloop.test", "CNAME", "cloop2.test.")
    a("cloop2.test", "CNAME", "cloop.test.")
    # a huge TXT record (several KB, forces TCP)
    a("huge.test", "TXT", " ".join(T("x" * 250) for _ in range(20)))
    a("huge.test", "TXT", T("v=spf1 -all"))
    # IDN domain: 例え.test → xn--r8jz45g.test
    a("xn--r8jz45g.test", "TXT", T("v=spf1 -all"))
    a("_dmarc.xn--r8jz45g.test", "TXT", T("v=DMARC1; p=reject"))
    # DMARC inherited from the organisational domain
    a("_dmarc.org.test", "TXT", T("v=DMARC1; p=reject; sp=quarantine"))
    a("mail.dept.org.test", "A", "192.0.2.5")
    # invalid DMARC and unknown tags
    a("_dmarc.dmarcbad.test", "TXT", T("v=DMARC1; p=bogus"))
    a("dmarcbad.test", "A", "192.0.2.7")
    a("_dmarc.dmarcodd.test", "TXT", T("v=DMARC1; p=reject; foo=bar; adkim=s"))
    a("dmarcodd.test", "A", "192.0.2.7")
    # a misspelt policy beside a valid rua=: receivers read p=none (RFC 9989 §4.7)
    a("_dmarc.dmarctypo.test", "TXT", T("v=DMARC1; p=rejectt; rua=mailto:agg@collector.test"))
    a("dmarctypo.test", "A", "192.0.2.7")
    # MX given as an IP address, an MX without PTR, and one whose PTR does not point back
    a("ipmx.test", "MX", "10 192.0.2.1.")
    a("ipmx.test", "MX", "20 mx1.ipmx.test.")
    a("ipmx.test", "MX", "30 mx2.ipmx.test.")
    a("mx1.ipmx.test", "A", "127.0.0.2")
    a("mx2.ipmx.test", "A", "127.0.0.3")
    a("3.0.0.127.in-addr.arpa", "PTR", "elsewhere.ipmx.test.")
    a("elsewhere.ipmx.test", "A", "192.0.2.99")
    # odd DKIM key records
    a("bad._domainkey.dkimodd.test", "TXT", T("v=DKIM1; k=rsa; p=!!notbase64!!"))
    a("gone._domainkey.dkimodd.test", "TXT", T("v=DKIM1; p="))
    a("sha1._domainkey.dkimodd.test", "TXT", T("v=DKIM1; h=sha1; p=" + rsa_p(2048)))
    a("test._domainkey.dkimodd.test", "TXT", T("v=DKIM1; t=y; k=ed25519; p=" + ed_p()))
    return z


def https_pages() -> dict[tuple[str, str], tuple[int, str, bytes]]:
    return {
        ("mta-sts.good.test", "/.well-known/mta-sts.txt"): (
            200,
            "text/plain",
            b"version: STSv1\r\nmode: enforce\r\nmx: mx1.good.test\r\nmax_age: 1209600\r\n",
        ),
        ("mta-sts.sts.test", "/.well-known/mta-sts.txt"): (
            200,
            "text/plain",
            b"version: STSv1\nmode: testing\nmx: *.other.test\nmax_age: 86400\n",
        ),
        ("mta-sts.redirect.test", "/.well-known/mta-sts.txt"): (302, "text/html", b""),
    }


HTTPS_NAMES = ["mta-sts.good.test", "mta-sts.sts.test", "mta-sts.redirect.test"]
