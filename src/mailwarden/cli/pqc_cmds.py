"""``mailwarden pqc``: post-quantum readiness of the organisation's mail cryptography.

Exit codes (README, "Exit codes"): 0 nothing is exposed; 1 an asset is broken now or exposed to
harvest-now-decrypt-later (a finding at warning or error); 2 a usage error; 3 something could not
be inventoried (an MX that did not answer, a file that could not be read)."""

from __future__ import annotations

import asyncio
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.render import findings_sarif, to_json
from .common import (
    ExitCode,
    ExitTracker,
    LangOpt,
    NameserverOpt,
    err,
    fail,
    out,
    resolver_or_exit,
    use_language,
)
from .localise import LocalisedGroup

if TYPE_CHECKING:
    from ..pqc.inventory import Inventory

pqc_app = typer.Typer(
    cls=LocalisedGroup,
    help=_("Post-quantum readiness of mail cryptography: inventory, risk by date, CBOM."),
    no_args_is_help=True,
)


class PqcFormat(StrEnum):
    table = "table"
    json = "json"
    cbom = "cbom"
    sarif = "sarif"


EXPOSURE = {
    "now": N_("broken now"),
    "hndl": N_("harvest now, decrypt later"),
    "forgery": N_("forgeable later"),
    "none": N_("post-quantum"),
    "unknown": N_("not read"),
}


def _table(inv: Inventory) -> None:
    from rich.table import Table

    from ..core.render import WrappingTable

    s = inv.summary()
    table: Table = WrappingTable(title=_("Mail cryptography inventory"))
    for col in (_("Priority"), _("Kind"), _("Asset"), _("Algorithm"), _("Exposure"), _("NIST"), _("Finding")):
        table.add_column(col)
    for c in inv.classified:
        a = c.asset
        algo = a.group if a.kind.value == "tls-session" and a.group else a.algorithm
        size = a.curve or (str(a.key_size) if a.key_size else "")
        nist = (
            _("deprecated after {year}").format(year=c.deprecated_after)
            if c.deprecated_after and c.deprecated_after < (c.disallowed_after or 9999)
            else (_("disallowed after {year}").format(year=c.disallowed_after) if c.disallowed_after else "")
        )
        proto = f" {a.protocol}" if a.protocol else ""
        table.add_row(
            str(c.priority),
            a.kind.value,
            f"{a.name or a.source}{proto}",
            f"{algo} {size}".strip() or "—",
            _(EXPOSURE.get(c.exposure, c.exposure)),
            nist,
            c.findings[0].title if c.findings else "",
        )
    out.print(table)
    if s["tls_sessions"]:
        out.print(
            _("TLS sessions negotiating a hybrid post-quantum group: {n} of {total} ({share:.0%}).").format(
                n=s["hybrid_sessions"], total=s["tls_sessions"], share=s["hybrid_share"] or 0
            )
        )
    if inv.plan:
        out.print()
        out.print(_("Migration plan"))
        for step in inv.plan:
            d = step.to_dict()
            out.print(f"{d['priority']}. [{d['due']}] {d['title']} ({d['count']}) — {d['why']}")
            out.print(f"   {d['how']}")


def _emit(inv: Inventory, fmt: PqcFormat, output: Path | None) -> None:
    if fmt is PqcFormat.table and output is None:
        _table(inv)
        return
    if fmt is PqcFormat.cbom:
        from ..pqc.cbom import cbom_json

        text = cbom_json(inv.classified, generated=inv.generated)
    elif fmt is PqcFormat.sarif:
        text = to_json(findings_sarif(inv.findings))
    else:
        text = to_json(inv.to_dict())
    if output is not None:
        output.write_text(text + "\n", encoding="utf-8")
        err.print(_("Written to {path}.").format(path=output))
    else:
        sys.stdout.write(text + "\n")


@pqc_app.command("inventory")
def inventory_cmd(
    domain: Annotated[
        list[str] | None,
        typer.Option("--domain", "-d", help=_("A domain: its DKIM keys and MX hosts (repeatable).")),
    ] = None,
    selector: Annotated[
        list[str] | None,
        typer.Option("--selector", help=_("A DKIM selector to look up besides the usual ones.")),
    ] = None,
    smime: Annotated[
        list[Path] | None,
        typer.Option("--smime", help=_("S/MIME certificates, PKCS#7 files or messages (file or directory).")),
    ] = None,
    openpgp: Annotated[
        list[Path] | None, typer.Option("--openpgp", help=_("OpenPGP keys or keyrings (file or directory)."))
    ] = None,
    mail: Annotated[
        list[Path] | None,
        typer.Option(
            "--mail", help=_("Messages (.eml, mbox, directories): their S/MIME and OpenPGP material.")
        ),
    ] = None,
    listener: Annotated[
        list[str] | None,
        typer.Option(
            "--listener", help=_("A listener of ours: smtp://HOST:PORT (STARTTLS), smtps:// or https://.")
        ),
    ] = None,
    survey_file: Annotated[
        Path | None,
        typer.Option("--survey", help=_("Many domains (a file, one per line): see 'pqc survey'.")),
    ] = None,
    self_check: Annotated[
        bool,
        typer.Option("--self", help=_("Inventory mailwarden's own console (MAILWARDEN_CONSOLE_URL) too.")),
    ] = False,
    port: Annotated[int, typer.Option("--port", help=_("The SMTP port of MX hosts."))] = 25,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help=_("Seconds per connection."))] = 10.0,
    nameserver: NameserverOpt = None,
    save: Annotated[bool, typer.Option("--save", help=_("Keep the inventory for the console."))] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=_("Write to this file."))] = None,
    fmt: Annotated[PqcFormat, typer.Option("--format", "-f")] = PqcFormat.table,
    lang: LangOpt = None,
) -> None:
    """Inventory keys, certificates and TLS sessions, classify their quantum risk, plan the move."""
    use_language(lang)
    from ..core.config import get_settings
    from ..pqc.inventory import Listener, collect, make_inventory
    from ..pqc.inventory import listener as parse_listener

    if survey_file is not None:
        run_survey_cmd(
            survey_file,
            output,
            selectors=selector or [],
            port=port,
            timeout=timeout,
            concurrency=100,
            nameserver=nameserver,
            as_json=fmt is PqcFormat.json,
        )
        return
    domains = [d.strip().lower().rstrip(".") for d in domain or [] if d.strip()]
    listeners: list[Listener] = []
    for text in listener or []:
        try:
            listeners.append(parse_listener(text))
        except ValueError as exc:
            raise fail(
                _("not a listener URL (smtp://, smtps:// or https://): {url}").format(url=text)
            ) from exc
    if self_check:
        console = get_settings().console_url
        if console.lower().startswith("https://"):
            listeners.append(parse_listener(console))
        else:
            err.print(
                _("The console is served without TLS ({url}); only HTTPS listeners are inventoried.").format(
                    url=console
                )
            )
    paths = [*(smime or []), *(openpgp or []), *(mail or [])]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise fail(_("no such file or directory: {path}").format(path=missing[0]))
    if not (domains or paths or listeners):
        raise fail(_("nothing to inventory: give --domain, --smime, --openpgp, --mail, --listener or --self"))
    resolver = resolver_or_exit(nameserver) if domains else None
    assets = asyncio.run(
        collect(
            domains=domains,
            selectors=selector or [],
            smime=smime or [],
            openpgp=openpgp or [],
            mail=mail or [],
            listeners=listeners,
            resolver=resolver,
            port=port,
            timeout=timeout,
        )
    )
    scope = {
        "domains": domains,
        "paths": [str(p) for p in paths],
        "listeners": [x.label for x in listeners],
    }
    inv = make_inventory(assets, scope=scope)
    if save:
        import getpass

        from ..core.store import open_store
        from ..pqc.service import save_inventory

        kept = save_inventory(open_store(get_settings()), inv, getpass.getuser())
        err.print(_("Kept as inventory {id}: mailwarden serve → /pqc/{id}").format(id=kept))
    _emit(inv, fmt, output)
    tracker = ExitTracker()
    if any(c.exposure in ("now", "hndl") for c in inv.classified):
        tracker.note(ExitCode.FINDINGS)
    if any(c.exposure == "unknown" for c in inv.classified):
        tracker.note(ExitCode.UNCHECKED)
    tracker.exit()


def run_survey_cmd(
    source: Path,
    output: Path | None,
    *,
    selectors: list[str],
    port: int,
    timeout: float,
    concurrency: int,
    nameserver: list[str] | None,
    as_json: bool,
) -> None:
    """Inventory many domains (one per line): rows as JSON Lines in ``output`` (resumed when it
    exists), a progress bar, and the share of MX hosts that negotiate a hybrid group."""
    import json

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..domain.survey import load_existing, read_domains
    from ..pqc.domains import survey
    from ..pqc.tls_probe import set_workers

    try:
        with source.open(encoding="utf-8") as fh:
            domains = list(dict.fromkeys(read_domains(fh)))
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(_("cannot read {path}: {error}").format(path=source, error=exc)) from exc
    resolver = resolver_or_exit(nameserver, timeout)
    set_workers(max(4, concurrency))
    done: dict[str, dict[str, Any]] = {}
    if output is not None:
        for row in load_existing(output):
            done[str(row.get("domain"))] = row
        with output.open("w", encoding="utf-8") as fh:  # rewritten without a torn last line
            for row in done.values():
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    sink = output.open("a", encoding="utf-8") if output is not None else None
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        disable=not err.is_terminal,
    )
    with progress:
        task = progress.add_task(_("Inventorying"), total=len(domains), completed=len(done), rate="")

        def on_row(row: dict[str, object]) -> None:
            progress.advance(task)
            progress.update(task, rate=f"{progress.tasks[0].speed or 0:.0f}/s")

        try:
            stats = asyncio.run(
                survey(
                    domains,
                    resolver=resolver,
                    selectors=selectors,
                    port=port,
                    timeout=timeout,
                    concurrency=concurrency,
                    out=sink,
                    done=done,
                    on_row=on_row,
                )
            )
        finally:
            if sink is not None:
                sink.close()
    summary = stats.to_dict()
    if as_json:
        sys.stdout.write(to_json(summary) + "\n")
        return
    out.print(
        _(
            "{domains} domains ({resumed} resumed), {dkim} DKIM keys, {sessions} MX TLS sessions, "
            "{failed} handshakes not made."
        ).format(
            domains=summary["domains"],
            resumed=summary["resumed"],
            dkim=summary["dkim_keys"],
            sessions=summary["mx_sessions"],
            failed=summary["handshakes_failed"],
        )
    )
    share = stats.hybrid_share
    out.print(
        _("MX hosts negotiating a hybrid post-quantum group: {n} of {total} ({share:.1%}).").format(
            n=stats.hybrid, total=stats.mx_sessions, share=share or 0.0
        )
    )


@pqc_app.command("survey")
def survey_cmd(
    source: Annotated[Path, typer.Argument(help=_("A file of domains, one per line."))],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=_("JSON Lines, one row per domain; resumed when it exists.")),
    ] = None,
    selector: Annotated[
        list[str] | None,
        typer.Option("--selector", help=_("A DKIM selector to look up besides the usual ones.")),
    ] = None,
    port: Annotated[int, typer.Option("--port", help=_("The SMTP port of MX hosts."))] = 25,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help=_("Seconds per connection."))] = 10.0,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-c", min=1, max=2000, help=_("Domains at once."))
    ] = 100,
    nameserver: NameserverOpt = None,
    fmt: Annotated[
        PqcFormat, typer.Option("--format", "-f", help=_("table or json (the summary)."))
    ] = PqcFormat.table,
    lang: LangOpt = None,
) -> None:
    """Inventory the DKIM keys and MX TLS of many domains; print the share negotiating a hybrid group."""
    use_language(lang)
    run_survey_cmd(
        source,
        output,
        selectors=selector or [],
        port=port,
        timeout=timeout,
        concurrency=concurrency,
        nameserver=nameserver,
        as_json=fmt is PqcFormat.json,
    )
