"""``mailwarden campaign …``: phishing-awareness simulations — the organisation's domains,
targets and groups, and the lure templates."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import InputError
from ..core.i18n import gettext as _
from ..core.render import to_json
from .common import NameserverOpt, fail, out, print_rows

if TYPE_CHECKING:
    from ..core.store import Store

campaign_app = typer.Typer(help=_("Phishing-awareness simulations."), no_args_is_help=True)
domain_app = typer.Typer(
    help=_("The organisation's domains (verified by a DNS TXT token)."), no_args_is_help=True
)
targets_app = typer.Typer(help=_("Simulation targets."), no_args_is_help=True)
groups_app = typer.Typer(help=_("Groups of targets (departments)."), no_args_is_help=True)
templates_app = typer.Typer(help=_("Lure templates."), no_args_is_help=True)
campaign_app.add_typer(domain_app, name="domain")
campaign_app.add_typer(targets_app, name="targets")
campaign_app.add_typer(groups_app, name="groups")
campaign_app.add_typer(templates_app, name="templates")

JsonOpt = Annotated[bool, typer.Option("--json", help=_("Print JSON."))]
LangOpt = Annotated[str, typer.Option("--lang", help=_("Template language: ja or en."))]


def _store() -> Store:
    from ..core.config import get_settings
    from ..core.store import open_store

    return open_store(get_settings())


@domain_app.command("add")
def domain_add(domain: Annotated[str, typer.Argument(help=_("A domain of the organisation."))]) -> None:
    """Add a domain and print the TXT record that verifies it."""
    from ..simulate.domains import add_domain

    st = add_domain(domain, store=_store())
    out.print(
        _("Publish this TXT record, then run 'mailwarden campaign domain verify {domain}':").format(
            domain=st.domain
        )
    )
    sys.stdout.write(f'{st.record_name}. TXT "{st.record_value}"\n')


@domain_app.command("verify")
def domain_verify(
    domain: Annotated[str, typer.Argument(help=_("The domain to verify."))],
    nameserver: NameserverOpt = None,
) -> None:
    """Look up the domain's verification record."""
    from ..simulate.domains import verify_domain
    from .common import resolver_or_exit

    resolver = resolver_or_exit(nameserver)
    v = asyncio.run(verify_domain(domain, store=_store(), resolver=resolver))
    if not v.verified:
        raise fail(_("{domain} is not verified: {reason}").format(domain=v.domain, reason=v.reason))
    out.print(_("{domain} is verified").format(domain=v.domain))


@domain_app.command("list")
def domain_list(as_json: JsonOpt = False) -> None:
    """The organisation's domains and whether they are verified."""
    from ..simulate.domains import list_domains

    rows = [asdict(d) for d in list_domains(store=_store())]
    print_rows(
        rows,
        as_json,
        [_("Domain"), _("Verified"), _("Last checked"), _("TXT record")],
        lambda r: [r["domain"], str(r["verified_at"] or "-"), str(r["checked_at"] or "-"), r["record_value"]],
        empty=_("No domains yet."),
    )


@targets_app.command("import")
def targets_import(
    file: Annotated[Path, typer.Argument(help=_("CSV file: name, address, department, manager."))],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_("Check the file, import nothing."))] = False,
    as_json: JsonOpt = False,
) -> None:
    """Import targets from a CSV file (UTF-8, Shift_JIS or UTF-16; English or Japanese headers)."""
    from ..simulate.targets import MAX_BYTES, import_targets

    if not file.is_file():
        raise fail(_("not a regular file"))
    with file.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    try:
        r = import_targets(data, store=_store(), dry_run=dry_run)
    except InputError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(asdict(r)) + "\n")
        return
    out.print(
        _("imported: {imported}, updated: {updated}, duplicates: {dup}, refused: {refused}").format(
            imported=r.imported, updated=r.updated, dup=len(r.duplicates), refused=len(r.refused)
        )
    )
    if dry_run:
        out.print(_("(dry run: nothing was written)"))
    for d in r.duplicates:
        out.print(_("duplicate, imported once: {address}").format(address=d))
    for x in r.refused:
        out.print(
            _("line {line}: {address} refused: {reason}").format(
                line=x.line, address=x.address, reason=x.reason
            )
        )


@targets_app.command("list")
def targets_list(
    group: Annotated[str | None, typer.Option("--group", help=_("Only this group."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """The targets."""
    from ..simulate.targets import list_targets

    rows = [asdict(t) for t in list_targets(store=_store(), group=group)]
    print_rows(
        rows,
        as_json,
        [_("Name"), _("Address"), _("Group"), _("Manager")],
        lambda r: [r["name"], r["address"], r["group"] or "-", r["manager"] or "-"],
        empty=_("No targets."),
    )


@groups_app.command("list")
def groups_list(as_json: JsonOpt = False) -> None:
    """The groups and how many targets each has."""
    from ..simulate.targets import list_groups

    rows = [{"group": g, "targets": n} for g, n in list_groups(store=_store())]
    print_rows(
        rows,
        as_json,
        [_("Group"), _("Targets")],
        lambda r: [r["group"], str(r["targets"])],
        empty=_("No groups."),
    )


@templates_app.command("list")
def templates_list(lang: LangOpt = "ja", as_json: JsonOpt = False) -> None:
    """The shipped lure templates."""
    from ..simulate.templates import load_templates

    rows = [
        {"id": t.id, "category": t.category, "difficulty": t.difficulty, "subject": t.part(lang).subject}
        for t in load_templates().values()
    ]
    print_rows(
        rows,
        as_json,
        [_("Template id"), _("Category"), _("Difficulty"), _("Subject")],
        lambda r: [r["id"], r["category"], r["difficulty"], r["subject"]],
    )


@templates_app.command("show")
def templates_show(
    template_id: Annotated[str, typer.Argument(help=_("Template id."))],
    lang: LangOpt = "ja",
    as_json: JsonOpt = False,
) -> None:
    """One template: sender, subject, body, attachments and landing page."""
    from ..simulate.templates import load_templates

    t = load_templates().get(template_id)
    if t is None:
        raise fail(_("no template {id}").format(id=template_id))
    p = t.part(lang)
    if as_json:
        sys.stdout.write(to_json({"id": t.id, "lang": lang, **asdict(p)}) + "\n")
        return
    sys.stdout.write(f"From: {p.sender_name}\nSubject: {p.subject}\n\n{p.body}\n")
    for a in p.attachments:
        sys.stdout.write(f"[{a.filename} ({a.content_type})]\n")
    if p.landing:
        sys.stdout.write(f"\n--- landing ---\n{p.landing}\n")
