"""``mailwarden campaign domain|targets|groups|templates|profile …``: the organisation's set-up
for simulations — its domains (verified by a DNS TXT token), targets and groups, the lure
templates, and the sending profiles. Registered on the groups of ``campaign_cmds``; campaigns
themselves (create, start, pause, resume, stop, list, show, send) live there."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.render import to_json
from .campaign_cmds import (
    JsonOpt,
    LangOpt,
    campaign_store,
    domain_app,
    groups_app,
    profile_app,
    targets_app,
    templates_app,
)
from .common import NameserverOpt, fail, out, print_rows


@domain_app.command("add")
def domain_add(domain: Annotated[str, typer.Argument(help=_("A domain of the organisation."))]) -> None:
    """Add a domain and print the TXT record that verifies it."""
    from ..simulate.domains import add_domain

    st = add_domain(domain, store=campaign_store())
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
    v = asyncio.run(verify_domain(domain, store=campaign_store(), resolver=resolver))
    if not v.verified:
        raise fail(_("{domain} is not verified: {reason}").format(domain=v.domain, reason=v.reason))
    out.print(_("{domain} is verified").format(domain=v.domain))


@domain_app.command("list")
def domain_list(as_json: JsonOpt = False) -> None:
    """The organisation's domains and whether they are verified."""
    from ..simulate.domains import list_domains

    rows = [asdict(d) for d in list_domains(store=campaign_store())]
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
        r = import_targets(data, store=campaign_store(), dry_run=dry_run)
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

    rows = [asdict(t) for t in list_targets(store=campaign_store(), group=group)]
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

    rows = [{"group": g, "targets": n} for g, n in list_groups(store=campaign_store())]
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


@profile_app.command("add")
def profile_add(
    name: Annotated[str, typer.Argument(help=_("Profile name."))],
    relay: Annotated[str, typer.Option("--relay", help=_("SMTP relay HOST[:PORT]."))],
    mail_from: Annotated[str, typer.Option("--from", help=_("Sender address of the campaign's mail."))],
    security: Annotated[
        str, typer.Option("--security", help=_("starttls, tls or none (none only to a loopback relay)."))
    ] = "starttls",
    username: Annotated[str, typer.Option("--username", help=_("Relay login."))] = "",
    password_env: Annotated[
        str,
        typer.Option(
            "--password-env", help=_("Environment variable holding the relay password (never stored).")
        ),
    ] = "",
    as_json: JsonOpt = False,
) -> None:
    """Add a sending profile."""
    from ..simulate.campaigns import add_profile

    try:
        p = add_profile(
            name,
            relay,
            mail_from=mail_from,
            security=security,
            username=username,
            password_env=password_env,
            store=campaign_store(),
        )
    except (InputError, ConfigError) as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(to_json(asdict(p)) + "\n")
        return
    out.print(_("sending profile {name} added").format(name=p.name))


@profile_app.command("list")
def profile_list(as_json: JsonOpt = False) -> None:
    """The sending profiles."""
    from ..simulate.campaigns import list_profiles

    rows = [asdict(p) for p in list_profiles(store=campaign_store())]
    print_rows(
        rows,
        as_json,
        [_("Name"), _("Relay"), _("Security"), _("Username"), _("Password variable"), _("From")],
        lambda r: [
            r["name"],
            r["relay"],
            r["security"],
            r["username"] or "-",
            r["password_env"] or "-",
            r["mail_from"],
        ],
        empty=_("No sending profiles."),
    )


@profile_app.command("remove")
def profile_remove(name: Annotated[str, typer.Argument(help=_("Profile name."))]) -> None:
    """Remove a sending profile no campaign uses."""
    from ..simulate.campaigns import remove_profile

    try:
        remove_profile(name, store=campaign_store())
    except InputError as exc:
        raise fail(str(exc)) from exc
    out.print(_("sending profile {name} removed").format(name=name))
