"""Authentication: DKIM (dkimpy) and ARC verified here, SPF evaluated with the domain audit's
``check_host()`` for a given client IP, DMARC alignment and the published policy — or, with
``offline``, the Authentication-Results recorded by a trusted receiver. The outcome is an
RFC 8601 ``Authentication-Results`` header and signals."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..domain.orgdomain import same_organisation
from .context import Context

if TYPE_CHECKING:
    from ..core.dns import Resolver

_RESULT = re.compile(r"\b(spf|dkim|dmarc|arc)\s*=\s*([a-z]+)", re.I)
_PROP = re.compile(r"\b(header\.[a-z]+|smtp\.[a-z]+|policy\.[a-z]+)\s*=\s*([^\s;()]+)", re.I)


@dataclass
class AuthResult:
    method: str
    result: str
    props: dict[str, str] = field(default_factory=dict)
    reason: str = ""


@dataclass
class AuthOutcome:
    authserv_id: str
    source: str  # "verified" or "recorded by <authserv-id>"
    results: list[AuthResult] = field(default_factory=list)
    dmarc_policy: str | None = None

    def first(self, method: str) -> AuthResult | None:
        return next((r for r in self.results if r.method == method), None)

    def header(self) -> str:
        """RFC 8601 Authentication-Results."""
        parts = [self.authserv_id]
        for r in self.results:
            text = f"{r.method}={r.result}"
            if r.reason:
                text += f" ({r.reason})"
            for k, v in r.props.items():
                text += f" {k}={v}"
            parts.append(text)
        if len(parts) == 1:
            parts.append("none")
        return "Authentication-Results: " + ";\n\t".join(parts)


def parse_authentication_results(value: str) -> tuple[str, list[AuthResult]]:
    """(authserv-id, results) of one header; lenient: Microsoft 365 omits the authserv-id."""
    text = re.sub(r"\([^()]*\)", " ", value)  # comments
    chunks = [c.strip() for c in text.split(";")]
    authserv = ""
    if chunks and "=" not in chunks[0].split(" ", 1)[0]:
        authserv = chunks.pop(0).split()[0].lower() if chunks[0].split() else ""
    results = []
    for chunk in chunks:
        m = _RESULT.search(chunk)
        if not m or m.start() > 0:
            continue
        props = {k.lower(): v.strip('"').lower() for k, v in _PROP.findall(chunk)}
        results.append(AuthResult(m.group(1).lower(), m.group(2).lower(), props))
    return authserv, results


def recorded(ctx: Context) -> AuthOutcome | None:
    """The Authentication-Results of the trusted receiver: one whose authserv-id is in the
    rules, or — with none configured — the topmost header (added last, by our own MX)."""
    trusted = ctx.rules.trusted_authserv_ids
    for value in ctx.msg.header_all("authentication-results"):
        authserv, results = parse_authentication_results(value)
        if trusted and authserv not in trusted:
            continue
        # (the source is kept in English, as recorded; core.reasons.auth_source shows it)
        source = f"recorded by {authserv}" if authserv else "recorded by the receiving server"
        return AuthOutcome(authserv or "unknown", source, results)
    return None


def signals_from(ctx: Context, outcome: AuthOutcome) -> None:
    sender = ctx.msg.sender
    domain = sender.domain if sender else ""
    dmarc = outcome.first("dmarc")
    spf = outcome.first("spf")
    dkims = [r for r in outcome.results if r.method == "dkim"]
    if dmarc and dmarc.result in ("fail", "permerror"):
        ctx.hit("auth.dmarc-fail", domain=domain, source=outcome.source)
        policy = outcome.dmarc_policy or dmarc.props.get("policy.published-domain-policy")
        if policy in ("reject", "quarantine"):
            ctx.hit("auth.dmarc-fail-reject", domain=domain, policy=policy)
    if spf and spf.result in ("fail", "softfail", "permerror"):
        ctx.hit(
            "auth.spf-fail",
            domain=spf.props.get("smtp.mailfrom", domain),
            result=spf.result,
            source=outcome.source,
        )
    for d in dkims:
        if d.result in ("fail", "permerror"):
            ctx.hit("auth.dkim-fail", domain=d.props.get("header.d", "?"), reason=d.reason or d.result)
    arc = outcome.first("arc")
    if arc and arc.result == "fail":
        ctx.hit("auth.arc-fail", result=arc.result)
    methods = [r for r in outcome.results if r.method in ("spf", "dkim", "dmarc")]
    passed = any(r.result == "pass" for r in methods)
    # a temporary error (the DNS did not answer) of SPF or DMARC decides nothing: no evidence of
    # "none". Not a DKIM signature's: its d= is whatever the sender wrote, a domain whose name
    # servers never answer included, which would switch the signal off at will
    undetermined = any(r.result == "temperror" for r in methods if r.method in ("spf", "dmarc"))
    if not passed and not undetermined and not ctx.fired("auth.dmarc-fail"):
        ctx.hit("auth.none", domain=domain)


# -- verification here --------------------------------------------------------------------
def _dnsfunc(resolver: Resolver, loop: asyncio.AbstractEventLoop, seen: dict[str, Any] | None = None) -> Any:
    """dkimpy's DNS callback, answered by the DNS seam on the caller's event loop. dkimpy turns
    every key problem into a bare "did not verify"; ``seen`` keeps what the lookup really gave
    (the key text, or that the answer was temporary), so the result can say temperror or
    permerror as RFC 8601 asks."""

    def dnsfunc(name: bytes | str, timeout: int = 5) -> bytes | None:
        qname = name.decode() if isinstance(name, bytes) else name
        fut = asyncio.run_coroutine_threadsafe(resolver.query(qname.rstrip("."), "TXT"), loop)
        try:
            ans = fut.result(timeout=timeout + resolver_timeout(resolver))
        except TimeoutError:
            if seen is not None:
                seen["temporary"] = True
            raise
        texts = ans.texts()
        if seen is not None:
            seen["temporary"] = ans.temporary
            seen["key"] = texts[0] if texts else None
        return texts[0] if texts else None

    return dnsfunc


def _failure(dkim: Any, seen: dict[str, Any], name: bytes) -> tuple[str, str]:
    """(result, reason) of a signature that did not verify: temperror when the key could not
    be looked up, permerror when there is no usable key, fail when the key was fine."""
    if seen.get("temporary"):
        return "temperror", "the key could not be looked up (DNS)"
    key = seen.get("key")
    if key is None:
        return "permerror", "no key published for the selector"
    try:
        dkim.evaluate_pk(name, key)
    except Exception as exc:
        return "permerror", f"unusable key: {str(exc)[:80]}"
    return "fail", "signature did not verify"


def _exception_result(exc: Exception, seen: dict[str, Any]) -> tuple[str, str]:
    """What a dkimpy exception means in RFC 8601 terms: a body or signature that does not
    match is fail (the message changed); a lookup that could not be answered temperror; a
    signature that cannot be evaluated at all (a tag missing, a bad version) permerror."""
    text = str(exc)[:120]
    if seen.get("temporary"):
        return "temperror", text
    if "mismatch" in text or "did not verify" in text or "verification failed" in text:
        return "fail", text
    return "permerror", text


def _key_name(tags: dict[str, str]) -> bytes:
    return f"{tags.get('s', '')}._domainkey.{tags.get('d', '')}.".encode()


def resolver_timeout(resolver: Resolver) -> float:
    return float(getattr(resolver, "timeout", 2.0)) * (1 + int(getattr(resolver, "retries", 2)))


async def verify(
    ctx: Context,
    *,
    resolver: Resolver,
    client_ip: str | None = None,
    mail_from: str | None = None,
    helo: str = "",
    authserv_id: str = "mailwarden",
) -> AuthOutcome:
    # the online path's modules, imported here: an offline scan never loads them
    import dkim  # type: ignore[import-untyped]

    from ..domain.dmarc import discover, parse_record
    from ..domain.spf.evaluate import check_host
    from . import dkimrules

    raw = ctx.msg.raw
    loop = asyncio.get_running_loop()
    dnsfunc = _dnsfunc(resolver, loop)
    out = AuthOutcome(authserv_id, "verified")
    sender = ctx.msg.sender
    from_domain = sender.domain if sender else ""

    def run_dkim() -> list[AuthResult]:
        found = []
        try:
            d = dkim.DKIM(raw)
        except Exception as exc:  # not even a message dkimpy can read: nothing verifies
            return [AuthResult("dkim", "permerror", {}, type(exc).__name__)]
        sigs = (
            [v for k, v in ctx.msg.message.items() if k.lower() == "dkim-signature"]
            if ctx.msg.message
            else []
        )
        for idx in range(min(len(sigs), 5)):
            tags = dkimrules.tags_of(str(sigs[idx]))
            seen: dict[str, Any] = {}
            ok = False
            early = dkimrules.before_lookup(tags)
            if early is not None:
                result, reason = early
            else:
                try:
                    ok = d.verify(idx=idx, dnsfunc=_dnsfunc(resolver, loop, seen))
                    result, reason = ("pass", "") if ok else _failure(dkim, seen, _key_name(tags))
                except dkim.DKIMException as exc:
                    result, reason = _exception_result(exc, seen)
                except Exception as exc:
                    result, reason = (
                        ("temperror" if seen.get("temporary") else "permerror"),
                        type(exc).__name__,
                    )
                if result in ("pass", "fail"):
                    result, reason = dkimrules.with_key(tags, seen.get("key"), ok) or (result, reason)
            if result == "pass" and tags.get("a", "").lower() == "rsa-sha1" and not ctx.rules.allow_rsa_sha1:
                # RFC 8301 §3.1: verifiers MUST NOT consider rsa-sha1 signatures valid
                result, reason = "fail", "rsa-sha1 is not acceptable (RFC 8301)"
            elif result == "pass" and tags.get("a", "").lower() == "rsa-sha1":
                reason = "rsa-sha1, accepted by the rules (RFC 8301 says not to)"
            found.append(
                AuthResult(
                    "dkim",
                    result,
                    {"header.d": tags.get("d", "?").lower(), "header.s": tags.get("s", "?")},
                    reason,
                )
            )
        return found

    def run_arc() -> AuthResult | None:
        """RFC 8617 §5.2: no ARC header at all is "none"; ARC headers that do not make a valid
        chain — a seal missing, a seal saying cv=fail, one that does not verify — "fail"."""
        names = {k.lower() for k, _ in ctx.msg.raw_headers}
        present = names & {"arc-seal", "arc-message-signature", "arc-authentication-results"}
        if not present:
            return None
        if "arc-seal" not in present:
            return AuthResult("arc", "fail", {}, "ARC headers without an ARC-Seal")
        if any(re.search(r"\bcv\s*=\s*fail\b", v, re.I) for v in ctx.msg.header_all("arc-seal")):
            return AuthResult("arc", "fail", {}, "a seal in the chain says cv=fail")
        try:
            cv, _results, comment = dkim.arc_verify(raw, dnsfunc=dnsfunc)
        except Exception as exc:
            return AuthResult("arc", "fail", {}, type(exc).__name__)
        value = (cv.decode() if isinstance(cv, bytes) else str(cv)).lower()
        if value not in ("pass", "fail"):
            value = "fail"  # headers present, yet no chain to speak of
        return AuthResult("arc", value, {}, str(comment)[:80] if value != "pass" else "")

    dkim_results = await asyncio.to_thread(run_dkim)
    out.results.extend(dkim_results or [AuthResult("dkim", "none")])
    arc = await asyncio.to_thread(run_arc)
    if arc:
        out.results.append(arc)
    spf_domain = ""
    if client_ip:
        env = mail_from if mail_from is not None else ctx.msg.return_path
        ev = await check_host(client_ip, env or "", helo, resolver=resolver)
        spf_domain = ev.domain
        out.results.append(AuthResult("spf", str(ev.result.value), {"smtp.mailfrom": env or helo}))
    if from_domain:
        disc = await discover(from_domain, resolver=resolver)
        aligned_dkim = any(
            r.result == "pass" and same_organisation(r.props.get("header.d", ""), from_domain)
            for r in dkim_results
        )
        spf = out.first("spf")
        aligned_spf = bool(
            spf and spf.result == "pass" and spf_domain and same_organisation(spf_domain, from_domain)
        )
        if disc.status == "found" and disc.texts:
            try:
                rec = parse_record(disc.texts[0])
                out.dmarc_policy = rec.policy
            except Exception:
                rec = None
            result = "pass" if (aligned_dkim or aligned_spf) else "fail"
            props = {"header.from": from_domain}
            if rec is not None:
                props["policy.published-domain-policy"] = rec.policy
            out.results.append(AuthResult("dmarc", result, props))
        elif disc.status == "undetermined":
            out.results.append(AuthResult("dmarc", "temperror", {"header.from": from_domain}))
        else:
            out.results.append(AuthResult("dmarc", "none", {"header.from": from_domain}))
    return out
