"""Parse SPF records (RFC 7208 §4.6, §12 ABNF) into terms, keeping error positions."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field

from ...core.errors import InputError
from ...core.i18n import gettext

VERSION_RE = re.compile(r"^v=spf1( |$)", re.IGNORECASE)
QUALIFIERS = "+-~?"
MECHANISMS = ("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists")
LOOKUP_MECHANISMS = frozenset({"include", "a", "mx", "ptr", "exists"})
NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9\-_.]*$")
# qnum: no leading zeros (RFC 7208 §12).
QNUM = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
IP4_RE = re.compile(rf"^{QNUM}\.{QNUM}\.{QNUM}\.{QNUM}$")
CIDR4_RE = re.compile(r"/(0|[1-9][0-9]?)$")
CIDR6_RE = re.compile(r"//(0|[1-9][0-9]{0,2})$")
MACRO_LETTERS = "slodiphcrtv"
MACRO_EXP_ONLY = "crt"
TOPLABEL_RE = re.compile(r"^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$")


class SpfSyntaxError(InputError):
    """A record that is not valid SPF; ``position`` is the offset of the bad term."""

    def __init__(self, message: str, *, position: int = 0, term: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.term = term


@dataclass
class Mechanism:
    qualifier: str
    name: str
    domain_spec: str | None = None
    cidr4: int | None = None
    cidr6: int | None = None
    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
    text: str = ""
    position: int = 0

    @property
    def does_lookup(self) -> bool:
        return self.name in LOOKUP_MECHANISMS


@dataclass
class Modifier:
    name: str
    value: str
    text: str = ""
    position: int = 0


@dataclass
class SpfRecord:
    text: str
    mechanisms: list[Mechanism] = field(default_factory=list)
    redirect: Modifier | None = None
    exp: Modifier | None = None
    unknown_modifiers: list[Modifier] = field(default_factory=list)

    @property
    def all_mechanism(self) -> Mechanism | None:
        return next((m for m in self.mechanisms if m.name == "all"), None)


def is_spf_record(text: str) -> bool:
    """Record selection (§4.5): ``v=spf1`` followed by a space or the end."""
    return bool(VERSION_RE.match(text))


def validate_macro_string(s: str, *, allow_exp: bool = False) -> None:
    """Raise ValueError unless ``s`` is a valid macro-string (§7.1)."""
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "%":
            if i + 1 >= n:
                raise ValueError(gettext("'%' at end of macro string"))
            nxt = s[i + 1]
            if nxt in "%_-":
                i += 2
                continue
            if nxt != "{":
                raise ValueError(gettext("invalid macro escape '%{nxt}'").format(nxt=nxt))
            end = s.find("}", i + 2)
            if end < 0:
                raise ValueError(gettext("unterminated macro"))
            body = s[i + 2 : end]
            if not re.fullmatch(r"[A-Za-z][0-9]*r?[.\-+,/_=]*", body, flags=re.IGNORECASE):
                raise ValueError(gettext("invalid macro '%{{{body}}}'").format(body=body))
            letter = body[0].lower()
            if letter not in MACRO_LETTERS:
                raise ValueError(gettext("unknown macro letter '{value}'").format(value=body[0]))
            if letter in MACRO_EXP_ONLY and not allow_exp:
                raise ValueError(
                    gettext("macro '%{{{value}}}' is only allowed in explanations").format(value=body[0])
                )
            i = end + 1
            continue
        if not allow_exp and not (0x21 <= ord(c) <= 0x7E):
            raise ValueError(gettext("invalid character {c!r}").format(c=c))
        if allow_exp and not (0x20 <= ord(c) <= 0x7E):
            raise ValueError(gettext("invalid character {c!r}").format(c=c))
        i += 1


def validate_domain_spec(spec: str) -> None:
    """domain-spec = macro-string domain-end (§7.1)."""
    if not spec:
        raise ValueError(gettext("empty domain-spec"))
    validate_macro_string(spec)
    if spec.endswith("}") and re.search(r"%\{[^}]*\}$", spec):
        return  # ends with a macro-expand
    body = spec[:-1] if spec.endswith(".") else spec
    if "." not in body:
        raise ValueError(gettext("domain-spec {spec!r} has no top-level label").format(spec=spec))
    top = body.rsplit(".", 1)[1]
    if not TOPLABEL_RE.match(top):
        raise ValueError(gettext("invalid top-level label {top!r}").format(top=top))


def _split_cidr(arg: str) -> tuple[str, int | None, int | None]:
    cidr6: int | None = None
    cidr4: int | None = None
    m6 = CIDR6_RE.search(arg)
    if m6:
        cidr6 = int(m6.group(1))
        arg = arg[: m6.start()]
    elif "//" in arg:
        raise ValueError(gettext("invalid IPv6 prefix length"))
    m4 = CIDR4_RE.search(arg)
    if m4:
        cidr4 = int(m4.group(1))
        arg = arg[: m4.start()]
    if cidr4 is not None and cidr4 > 32:
        raise ValueError(gettext("IPv4 prefix length {cidr4} > 32").format(cidr4=cidr4))
    if cidr6 is not None and cidr6 > 128:
        raise ValueError(gettext("IPv6 prefix length {cidr6} > 128").format(cidr6=cidr6))
    return arg, cidr4, cidr6


def _parse_mechanism(term: str, pos: int) -> Mechanism:
    qualifier = "+"
    body = term
    if body and body[0] in QUALIFIERS:
        qualifier = body[0]
        body = body[1:]
    m = re.match(r"^([A-Za-z0-9]+)(.*)$", body, flags=re.DOTALL)
    if not m:
        raise SpfSyntaxError(gettext("invalid term {term!r}").format(term=term), position=pos, term=term)
    name, rest = m.group(1).lower(), m.group(2)
    if name not in MECHANISMS:
        raise SpfSyntaxError(
            gettext("unknown mechanism {value!r}").format(value=m.group(1)), position=pos, term=term
        )
    mech = Mechanism(qualifier, name, text=term, position=pos)
    try:
        if name == "all":
            if rest:
                raise ValueError(gettext("'all' takes no argument"))
        elif name in ("include", "exists"):
            if not rest.startswith(":"):
                raise ValueError(gettext("'{name}' needs ':domain'").format(name=name))
            mech.domain_spec = rest[1:]
            validate_domain_spec(mech.domain_spec)
        elif name == "ptr":
            if rest:
                if not rest.startswith(":"):
                    raise ValueError(gettext("'ptr' takes only ':domain'"))
                mech.domain_spec = rest[1:]
                validate_domain_spec(mech.domain_spec)
        elif name in ("a", "mx"):
            spec, mech.cidr4, mech.cidr6 = _split_cidr(rest)
            if spec:
                if not spec.startswith(":"):
                    raise ValueError(gettext("invalid argument {rest!r}").format(rest=rest))
                mech.domain_spec = spec[1:]
                validate_domain_spec(mech.domain_spec)
        elif name == "ip4":
            if not rest.startswith(":"):
                raise ValueError(gettext("'ip4' needs ':address'"))
            addr, cidr4, cidr6 = _split_cidr(rest[1:])
            if cidr6 is not None or not IP4_RE.match(addr):
                raise ValueError(gettext("invalid IPv4 network {value!r}").format(value=rest[1:]))
            mech.cidr4 = 32 if cidr4 is None else cidr4
            mech.network = ipaddress.IPv4Network(f"{addr}/{mech.cidr4}", strict=False)
        elif name == "ip6":
            if not rest.startswith(":"):
                raise ValueError(gettext("'ip6' needs ':address'"))
            arg = rest[1:]
            m6 = re.search(r"/(0|[1-9][0-9]{0,2})$", arg)
            addr = arg[: m6.start()] if m6 else arg
            cidr = int(m6.group(1)) if m6 else 128
            if cidr > 128 or "/" in addr:
                raise ValueError(gettext("invalid IPv6 network {arg!r}").format(arg=arg))
            try:
                ip = ipaddress.IPv6Address(addr)
            except ValueError as exc:
                raise ValueError(gettext("invalid IPv6 address {addr!r}").format(addr=addr)) from exc
            mech.cidr6 = cidr
            mech.network = ipaddress.IPv6Network(f"{ip}/{cidr}", strict=False)
    except ValueError as exc:
        raise SpfSyntaxError(str(exc), position=pos, term=term) from exc
    return mech


def parse_record(text: str) -> SpfRecord:
    """Parse a whole record; any syntax error anywhere raises (§4.6)."""
    if not is_spf_record(text):
        raise SpfSyntaxError(gettext("record does not start with 'v=spf1'"), position=0, term=text[:10])
    rec = SpfRecord(text)
    pos = 6
    # Terms are separated by SP only (§12: terms = *( 1*SP ( directive / modifier ) )).
    for match in re.finditer(r"[^ ]+", text[6:]):
        term = match.group(0)
        tpos = pos + match.start()
        for ch in term:
            if not (0x21 <= ord(ch) <= 0x7E):
                raise SpfSyntaxError(
                    gettext("invalid character {ch!r} in term").format(ch=ch), position=tpos, term=term
                )
        eq = term.find("=")
        colon = term.find(":")
        slash = term.find("/")
        is_modifier = eq > 0 and (colon < 0 or eq < colon) and (slash < 0 or eq < slash)
        if is_modifier and NAME_RE.match(term[:eq]):
            name, value = term[:eq].lower(), term[eq + 1 :]
            mod = Modifier(name, value, term, tpos)
            try:
                if name in ("redirect", "exp"):
                    validate_domain_spec(value)
                else:
                    validate_macro_string(value)
            except ValueError as exc:
                raise SpfSyntaxError(str(exc), position=tpos, term=term) from exc
            if name == "redirect":
                if rec.redirect is not None:
                    raise SpfSyntaxError(gettext("more than one 'redirect'"), position=tpos, term=term)
                rec.redirect = mod
            elif name == "exp":
                if rec.exp is not None:
                    raise SpfSyntaxError(gettext("more than one 'exp'"), position=tpos, term=term)
                rec.exp = mod
            else:
                rec.unknown_modifiers.append(mod)
            continue
        if eq >= 0 and is_modifier:
            raise SpfSyntaxError(
                gettext("invalid modifier name in {term!r}").format(term=term), position=tpos, term=term
            )
        rec.mechanisms.append(_parse_mechanism(term, tpos))
    return rec
