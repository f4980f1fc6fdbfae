"""``mailwarden scan``: explain phishing and BEC verdicts for messages."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.markup import escape

from ..analyze.engine import analyze, analyze_online
from ..analyze.result import VerdictJson
from ..analyze.rules import VERDICT_LABELS, Rules, load_rules
from ..core.config import get_settings
from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.labels import label
from ..core.message import parse_message
from ..core.reasons import read_error
from ..core.render import WrappingTable
from ..core.sources import looks_like_mail, messages, per_message, read_stdin
from .common import (
    ExitCode,
    ExitTracker,
    LangOpt,
    NameserverOpt,
    fail,
    out,
    resolver_or_exit,
    use_language,
    write_json_rows,
)


class ScanFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


_RECEIVED_FROM = re.compile(r"from\s+(\S+)\s+\(([^)]*?)\[(?:IPv6:)?([0-9a-fA-F:.]+)\]", re.I)


def client_from_received(received: list[str], relay: str) -> tuple[str, str] | None:
    """(client IP, HELO) from the Received header written by the trusted relay ``relay``."""
    relay = relay.lower().rstrip(".")
    for value in received:
        by = re.search(r"\bby\s+(\S+)", value, re.I)
        if by and by.group(1).lower().rstrip(".;") == relay:
            m = _RECEIVED_FROM.search(value)
            if m:
                return m.group(3), m.group(1)
    return None


def not_mail() -> dict[str, Any]:
    """The error a file that is not a message gets (a README, a Makefile): its own row."""
    return {"error": _("not an email message")}


def _offline_results(paths: list[str], rules: Rules, stdin: bytes | None) -> Iterator[dict[str, Any]]:
    def one(data: bytes) -> dict[str, Any]:
        if not looks_like_mail(data):
            return not_mail()
        try:
            return dict(analyze(data, rules).to_dict())
        except (RecursionError, MemoryError, ValueError, TypeError, LookupError, AttributeError) as exc:
            # a message the analyser cannot take is its own error row; in a worker process an
            # exception would end the whole scan (the checks' own failures are signals already)
            return {"error": _("analysis failed: {error}").format(error=f"{type(exc).__name__}: {exc}"[:200])}

    return per_message(paths, stdin, one)


PathsArg = Annotated[
    list[str] | None, typer.Argument(help=_("Messages: .eml, mbox, directories, or - for stdin."))
]
FormatOpt = Annotated[ScanFormat, typer.Option("--format", "-f", help=_("Output format."))]
OfflineOpt = Annotated[
    bool, typer.Option("--offline", help=_("No DNS: trust the receiving server's Authentication-Results."))
]
ClientIpOpt = Annotated[str | None, typer.Option("--client-ip", help=_("Connecting client IP for SPF."))]
MailFromOpt = Annotated[str | None, typer.Option("--mail-from", help=_("Envelope sender for SPF."))]
HeloOpt = Annotated[str, typer.Option("--helo", help=_("HELO name for SPF."))]
RelayOpt = Annotated[
    str | None,
    typer.Option("--trusted-relay", help=_("Take client IP and HELO from this relay's Received header.")),
]
RulesOpt = Annotated[Path | None, typer.Option("--rules", help=_("YAML file overriding weights and lists."))]
ExplainOpt = Annotated[
    str | None,
    typer.Option(
        "--explain",
        help=_(
            "Describe one signal (its attack family, its weight and where the weight comes from), "
            "or 'all' for every signal; then exit."
        ),
    ),
]
AuthservOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--authserv-id", help=_("Trust Authentication-Results from this authserv-id; repeat for several.")
    ),
]
HistoryOpt = Annotated[
    bool,
    typer.Option("--history/--no-history", help=_("Remember link domains in the store; flag new ones.")),
]


def scan(
    paths: PathsArg = None,
    fmt: FormatOpt = ScanFormat.table,
    offline: OfflineOpt = False,
    client_ip: ClientIpOpt = None,
    mail_from: MailFromOpt = None,
    helo: HeloOpt = "",
    trusted_relay: RelayOpt = None,
    rules_file: RulesOpt = None,
    explain_code: ExplainOpt = None,
    history: HistoryOpt = True,
    authserv_id: AuthservOpt = None,
    nameserver: NameserverOpt = None,
    lang: LangOpt = None,
) -> None:
    """Analyse messages: verdict, score and every signal, explained."""
    use_language(lang)
    try:
        rules = load_rules(rules_file or _rules_from_settings())
    except ConfigError as exc:
        # the message quotes the file's values: "[…]" in them is text, not console markup
        raise fail(escape(str(exc))) from exc
    if authserv_id:
        rules.trusted_authserv_ids = tuple(a.lower() for a in authserv_id)
    if explain_code:
        _explain(rules, explain_code)
        return
    if not paths:
        raise fail(_("give at least one message, directory or -"))
    stdin = _stdin() if "-" in paths else None
    if offline:
        results: Iterator[dict[str, Any]] = _offline_results(paths, rules, stdin)
    else:
        resolver = resolver_or_exit(nameserver)

        async def run() -> list[dict[str, Any]]:
            done = []
            for origin, data in messages(paths, stdin):
                if isinstance(data, str):
                    done.append({"path": origin, "error": data})
                    continue
                if not looks_like_mail(data):
                    done.append({"path": origin, **not_mail()})
                    continue
                msg = parse_message(data)
                ip, h = client_ip, helo
                if trusted_relay and not ip:
                    found = client_from_received(msg.header_all("received"), trusted_relay)
                    if found:
                        ip, h = found[0], h or found[1]
                v = await analyze_online(
                    msg, rules, resolver=resolver, client_ip=ip, mail_from=mail_from, helo=h
                )
                row: dict[str, Any] = {"path": origin, **v.to_dict()}
                done.append(row)
            return done

        results = iter(asyncio.run(run()))
    if history:
        from ..analyze.history import History
        from ..core.store import open_store

        memory = History(open_store())
        # a scan row is a verdict and its path (or the path and an error, left as it is)
        rows = cast(Iterator[VerdictJson], results)
        results = (cast(dict[str, Any], r) for r in memory.apply_all(rows, rules))
    tracker = ExitTracker()
    seen = 0

    def counted(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        nonlocal seen
        for row in rows:
            seen += 1
            yield row

    _print(counted(tracker.watch(results, _exit_code)), fmt, rules)
    if not seen:
        # an empty directory (or one of no regular files): nothing was read, say so
        raise fail(escape(_("no message found in {paths}").format(paths=", ".join(paths))))
    tracker.exit()


FLAGGED = {"suspicious", "phishing", "malicious"}


def _exit_code(result: dict[str, Any]) -> ExitCode:
    """README, "Exit codes": 1 for a flagged message; 3 (the larger) when a check could not
    be made — a part or check that could not be inspected (``analysis.uninspected``), or an
    authentication result verified here that DNS could not answer (``temperror``)."""
    code = ExitCode.FINDINGS if result.get("verdict") in FLAGGED else ExitCode.OK
    if undetermined(result):
        code = max(code, ExitCode.UNCHECKED)
    return code


def undetermined(result: dict[str, Any]) -> bool:
    """Did a check of this verdict stay undetermined (README's exit code 3)?"""
    if any(s.get("code") == "analysis.uninspected" for s in result.get("signals") or ()):
        return True
    auth = result.get("authentication") or {}
    # only what was verified here: a temperror the receiving server recorded (--offline) is
    # that server's DNS, not this check's
    return auth.get("source") == "verified" and any(
        r.get("result") == "temperror" for r in auth.get("results") or ()
    )


def _rules_from_settings() -> Path | None:
    return get_settings().analyze_rules


def _provenance(rules: Rules, code: str) -> str:
    sig = rules.signals[code]
    if code in rules.weights:
        return _("set in your rules file")
    if sig.fitted:
        counts = dict(sig.fitted)
        return _(
            "fitted on the tuning sets: fired in {phishing} phishing and {ham} legitimate messages"
        ).format(phishing=counts.get("phishing", 0), ham=counts.get("ham", 0))
    return _("written by hand (too rare in the tuning sets to fit)")


def _explain(rules: Rules, code: str) -> None:
    if code == "all":
        table = WrappingTable(title=_("Signals and their weights"))
        for col in (_("Signal"), _("Weight"), _("Attack family"), _("Weight from")):
            table.add_column(col)
        for c in sorted(rules.signals, key=lambda c: (-rules.weight(c), c)):
            table.add_row(c, f"{rules.weight(c):+g}", _(rules.signals[c].family), _provenance(rules, c))
        out.print(table)
        out.print(_thresholds(rules))
        return
    sig = rules.signals.get(code)
    if sig is None:
        raise fail(_("unknown signal {code}").format(code=code))
    out.print(f"[bold]{sig.id}[/bold] — {_(sig.title)}")
    weight = f"{rules.weight(code):+g} ({_provenance(rules, code)})"
    out.print(f"{_('Category')}: {label(sig.category, 'category')}   {_('Weight')}: {weight}")
    if sig.family:
        out.print(f"{_('Attack family')}: {_(sig.family)}")
    out.print(f"{_('Explanation')}: {_(sig.explain)}")
    out.print(_thresholds(rules))
    for ref in sig.references:
        out.print(f"  - {ref}")


def _thresholds(rules: Rules) -> str:
    th = rules.thresholds
    return _(
        "A message's score is the sum of its signals' weights, each counted once: suspicious from {s:g}, "
        "phishing from {p:g}; with a spam signal among them, spam from {spam:g}."
    ).format(s=th["suspicious"], p=th["phishing"], spam=th["spam"])


def _print(results: Iterator[dict[str, Any]], fmt: ScanFormat, rules: Rules) -> None:
    if fmt in (ScanFormat.json, ScanFormat.jsonl):
        write_json_rows(results, jsonl=fmt == ScanFormat.jsonl)
        return
    all_results = list(results)
    if not all_results:
        return  # no table of nothing: the caller says that no message was found
    table = WrappingTable(title=_("Scan results"))
    for col in (_("Message"), _("Verdict"), _("Score"), _("Signals")):
        table.add_column(col)
    for r in all_results:
        if "error" in r:
            table.add_row(r["path"], _("unreadable"), "-", read_error(r["error"]))
            continue
        shown = [f"{s['weight']:+g} {s['code']}: {s['explanation']}" for s in r["signals"][:SHOWN]]
        if len(r["signals"]) > SHOWN:
            shown.append(_("… {n} more (--format json lists them all)").format(n=len(r["signals"]) - SHOWN))
        # two decimals, as the thresholds are written: 3.45 is not "3.5" against 3.49
        table.add_row(r["path"], _(VERDICT_LABELS[r["verdict"]]), f"{r['score']:.2f}", "\n".join(shown))
    out.print(table)
    out.print(_thresholds(rules))
    trusted = _trusted_unnamed(all_results, rules)
    if trusted:
        # anyone can write an Authentication-Results header: without the receiving server's
        # name, the topmost is taken for its own (a forged one when it adds none)
        out.print(
            _(
                "Authentication results were taken from the topmost Authentication-Results header "
                "({authserv}): name your receiving server in the rules file (trusted_authserv_ids) "
                "so that only its own are trusted."
            ).format(authserv=", ".join(trusted)),
            highlight=False,
        )
    if len(all_results) == 1 and "error" not in all_results[0] and all_results[0]["authentication"]["header"]:
        out.print(all_results[0]["authentication"]["header"])


def _trusted_unnamed(results: list[dict[str, Any]], rules: Rules) -> list[str]:
    """The authserv-ids whose recorded results were trusted without being named in the rules."""
    if rules.trusted_authserv_ids:
        return []
    names: dict[str, None] = {}
    for r in results:
        source = (r.get("authentication") or {}).get("source") or ""
        if source.startswith("recorded by "):
            names[source.removeprefix("recorded by ")] = None
    return list(names)[:3]


#: signals listed in a table row (JSON lists them all)
SHOWN = 8


def _stdin() -> bytes:
    try:
        return read_stdin()
    except InputError as exc:
        raise fail(str(exc)) from exc
