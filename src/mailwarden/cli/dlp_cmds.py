"""``mailwarden dlp``: find personal data and secrets in messages, offline."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.labels import label
from ..core.reasons import read_error
from ..core.render import WrappingTable
from ..core.sources import looks_like_mail, per_message, read_stdin
from ..dlp.detectors import BY_ID, DETECTORS, PERSONAL
from ..dlp.policy import EXAMPLE_POLICY, load_policy
from ..dlp.result import DlpDecision
from ..dlp.service import check_message
from .common import ExitCode, ExitTracker, LangOpt, fail, out, use_language, write_json_rows

dlp_app = typer.Typer(
    help=_("Data-loss prevention: personal data and secrets in outgoing mail."), no_args_is_help=True
)


#: matches listed one by one in the table output (the counts cover them all)
SHOWN = 30


class DlpFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


PolicyOpt = Annotated[
    Path | None, typer.Option("--policy", help=_("Policy YAML: show the action it calls for."))
]
RcptOpt = Annotated[
    list[str] | None, typer.Option("--rcpt", help=_("Envelope recipient (repeat); default: To, Cc and Bcc."))
]
SenderOpt = Annotated[str | None, typer.Option("--sender", help=_("Envelope sender; default: From."))]


@dlp_app.command("check")
def check(
    paths: Annotated[list[str], typer.Argument(help=_("Messages: .eml, mbox, directories, or - for stdin."))],
    fmt: Annotated[DlpFormat, typer.Option("--format", "-f", help=_("Output format."))] = DlpFormat.table,
    policy_file: PolicyOpt = None,
    rcpt: RcptOpt = None,
    sender: SenderOpt = None,
    lang: LangOpt = None,
) -> None:
    """List every match, masked, with its detector, location and unique-instance counts; with
    --policy, the action and the rules that matched."""
    use_language(lang)
    if not paths:
        raise fail(_("give at least one message, directory or -"))
    try:
        policy = load_policy(policy_file) if policy_file else None
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    stdin = _stdin() if "-" in paths else None
    tracker = ExitTracker()
    results = tracker.watch(
        per_message(
            paths,
            stdin,
            lambda data: check_message(data, policy, recipients=rcpt, sender=sender),
            prepare=as_message,
        ),
        _exit_code,
    )
    if fmt in (DlpFormat.json, DlpFormat.jsonl):
        write_json_rows(results, jsonl=fmt == DlpFormat.jsonl)
        tracker.exit()
        return
    table = WrappingTable(title=_("Data-loss prevention"))
    for col in (_("Message"), _("Detector"), _("Match"), _("Where"), _("Confidence")):
        table.add_column(col)
    for r in results:
        if "error" in r:
            table.add_row(r["path"], _("unreadable"), "-", read_error(r["error"]), "-")
            continue
        # one line per table column, then the matches outside tables one by one
        for col in r.get("columns", []):
            what = _("{count} in {cells} ({distinct} distinct)").format(
                count=col["count"], cells=col["location"], distinct=col["distinct"]
            )
            if col["header"]:
                what += f" — {col['header']}"
            table.add_row(
                r["path"], _(col["description"]), str(col["count"]), what, f"{col['confidence']:.2f}"
            )
        loose = [m for m in r["matches"] if not m.get("cell")]
        for m in loose[:SHOWN]:
            table.add_row(
                r["path"], _(m["description"]), m["masked"], m["location"], f"{m['confidence']:.2f}"
            )
        in_tables = sum(c["count"] for c in r.get("columns", []))
        hidden = r.get("matches_total", len(r["matches"])) - in_tables - min(SHOWN, len(loose))
        if hidden > 0:
            more = _("{n} more matches not listed (the counts cover them all)").format(n=hidden)
            table.add_row(r["path"], "…", "-", more, "-")
        for det, n in r["counts"].items():
            table.add_row(r["path"], _("distinct values"), str(n), _(BY_ID[det].description), "-")
        if r.get("tables"):
            rows = _("{rows} table rows hold personal data (tables: {tables})").format(
                rows=r["personal_rows"], tables=r["tables"]
            )
            table.add_row(r["path"], _("tables"), str(r["personal_rows"]), rows, "-")
        for u in r["unscannable"]:
            why = u.get("text", u["reason"])
            table.add_row(r["path"], _("unscannable"), "-", f"{u['location']}: {why}", "-")
        if not r["matches"] and not r["unscannable"]:
            table.add_row(r["path"], _("nothing found"), "-", "-", "-")
        if "decision" in r:
            _decision_rows(table, r["path"], r["decision"])
    out.print(table)
    tracker.exit()


def _decision_rows(table: WrappingTable, path: str, d: DlpDecision) -> None:
    """The action in the reader's language with the rules that called for it and their
    reasons; a word where the result may not be what the policy's author meant."""
    matched = d["matched_rules"]
    winning = [m for m in matched if m["action"] == d["action"]]
    why = "; ".join(f"{m['rule']}: {m['reason']}" if m.get("reason") else m["rule"] for m in winning)
    others = [m["rule"] for m in matched if m["action"] != d["action"]]
    if others:
        why += " " + _("(also matched: {rules})").format(rules=", ".join(others))
    name = _("action (test mode)") if d["test_mode"] else _("action")
    table.add_row(path, name, label(d["action"], "action"), why or "-", "-")
    if not d["recipients"]:
        note = _(
            "no recipients (To, Cc, Bcc or --rcpt): rules that need an outside, free-mail or listed "
            "recipient could not match"
        )
        table.add_row(path, _("note"), "-", note, "-")
    lifted = [m["rule"] for m in matched if m["action"] == "allow" and d["action"] != "allow"]
    if lifted:
        note = _(
            "{rules}: an allow rule does not lift a stricter one (the strictest action wins); "
            "to leave recipients out of a rule, give it unless: {{senders: GROUP, recipients: [DOMAIN]}}"
        ).format(rules=", ".join(lifted))
        table.add_row(path, _("note"), "-", note, "-")


def as_message(origin: str, data: bytes) -> bytes:
    """A file that is not mail (a workbook, a CSV, a PDF given alone) as the attachment of a
    message of its own, so that it is checked as it would leave: ``dlp check 顧客.xlsx``."""
    if looks_like_mail(data):
        return data
    from email.message import EmailMessage
    from email.policy import SMTP

    name = Path(origin.split("#", 1)[0]).name or "attachment"
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = name
    msg.set_content("")
    msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return msg.as_bytes()


def _exit_code(result: dict[str, Any]) -> ExitCode:
    """Could not check: a part that could not be scanned (the largest code wins, as the README
    says: what was found may not be all there is); findings: personal data or secrets found,
    or a policy taking an action other than letting the mail go."""
    if result.get("unscannable"):
        return ExitCode.UNCHECKED
    decision = result.get("decision")
    if result.get("matches_total", len(result.get("matches", []))) or (
        decision and decision["action"] != "allow"
    ):
        return ExitCode.FINDINGS
    return ExitCode.OK


class ListFormat(StrEnum):
    table = "table"
    json = "json"


@dlp_app.command("detectors")
def detectors(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=_("Output format."))] = ListFormat.table,
    lang: LangOpt = None,
) -> None:
    """List every detector: its id (for policies), what it finds, whether that is personal data."""
    use_language(lang)
    rows: list[dict[str, Any]] = [
        {
            "id": d.id,
            "description": _(d.description),
            "personal": d.id in PERSONAL,
            "secret": d.secret,
            "needs_context": d.needs_context,
        }
        for d in DETECTORS
    ]
    if fmt is ListFormat.json:
        write_json_rows(rows, jsonl=False)
        return
    table = WrappingTable(title=_("DLP detectors"))
    table.add_column(_("Detector id"), no_wrap=True)  # what a policy names: kept whole
    for col in (_("What it finds"), _("Personal data"), _("Secret")):
        table.add_column(col)
    yes, no = _("yes"), _("no")
    for r in rows:
        table.add_row(r["id"], r["description"], yes if r["personal"] else no, yes if r["secret"] else no)
    out.print(table)


@dlp_app.command("example-policy")
def example_policy(lang: LangOpt = None) -> None:
    """Print the shipped example policy (YAML), to save and edit."""
    use_language(lang)
    sys.stdout.write(EXAMPLE_POLICY.read_text(encoding="utf-8"))


def _stdin() -> bytes:
    try:
        return read_stdin()
    except InputError as exc:
        raise fail(str(exc)) from exc
