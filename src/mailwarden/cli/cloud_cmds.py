"""``mailwarden cloud``: the Amazon SES sending-account audit and CloudTrail analysis.

Exit codes (README, "Exit codes"): 0 every check passed; 1 a check failed; 2 a usage error or
credentials that cannot be used; 3 a check could not be run (AccessDenied, a Region disabled)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.i18n import gettext as _
from ..core.render import WrappingTable, severity_label, to_json
from .common import ExitCode, ExitTracker, LangOpt, NameserverOpt, err, fail, out, use_language
from .localise import LocalisedGroup

if TYPE_CHECKING:
    from ..cloud.model import CloudAudit

cloud_app = typer.Typer(
    cls=LocalisedGroup,
    help=_("Amazon SES sending account: audit and CloudTrail analysis"),
    no_args_is_help=True,
)


class AuditFormat(StrEnum):
    table = "table"
    json = "json"
    sarif = "sarif"
    ocsf = "ocsf"
    asff = "asff"


ProfileOpt = Annotated[
    str | None, typer.Option("--profile", help=_("Named profile from the AWS configuration files."))
]
RoleOpt = Annotated[
    str | None,
    typer.Option("--role-arn", help=_("Role to assume (read-only) with the credentials found.")),
]
RegionOpt = Annotated[
    list[str] | None,
    typer.Option("--region", help=_("Region to audit (repeatable; default: the profile's Region).")),
]
EndpointOpt = Annotated[
    str | None,
    typer.Option("--endpoint-url", help=_("Send every AWS call to this URL (a test server).")),
]

#: how many resources a check lists in the table before "and N more"
SHOWN = 5


@cloud_app.command("audit")
def cloud_audit(
    profile: ProfileOpt = None,
    role_arn: RoleOpt = None,
    external_id: Annotated[
        str | None, typer.Option("--external-id", help=_("External ID the role's trust policy asks for."))
    ] = None,
    region: RegionOpt = None,
    endpoint_url: EndpointOpt = None,
    nameserver: NameserverOpt = None,
    no_domains: Annotated[
        bool, typer.Option("--no-domains", help=_("Do not run the domain audit on SES's domains."))
    ] = False,
    save: Annotated[
        bool, typer.Option("--save", help=_("Keep the audit for the console (and compare with the last)."))
    ] = False,
    fmt: Annotated[AuditFormat, typer.Option("--format", "-f")] = AuditFormat.table,
    lang: LangOpt = None,
) -> None:
    """Audit the Amazon SES sending account: IAM keys and users, SES, logging and detection."""
    use_language(lang)
    from ..cloud.audit import run_audit
    from ..cloud.session import CloudCredentialsError, open_context
    from ..core.errors import ConfigError

    try:
        ctx = open_context(
            profile=profile,
            role_arn=role_arn,
            regions=region,
            endpoint_url=endpoint_url,
            external_id=external_id,
        )
    except CloudCredentialsError as exc:
        raise fail(_("the AWS credentials cannot be used: {reason}").format(reason=exc)) from exc
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    resolver = None
    if not no_domains:
        from .common import resolver_or_exit

        resolver = resolver_or_exit(nameserver)
    with err.status(_("Auditing account {account}…").format(account=ctx.account_id)):
        try:
            audit = run_audit(ctx, domains=not no_domains, resolver=resolver)
        except CloudCredentialsError as exc:
            raise fail(_("the AWS credentials cannot be used: {reason}").format(reason=exc)) from exc
    if save:
        import getpass

        from ..cloud.service import save as keep
        from ..core.config import get_settings
        from ..core.store import open_store

        audit_id = keep(open_store(get_settings()), audit, getpass.getuser())
        err.print(_("Kept as audit {id}: mailwarden serve → /cloud/{id}").format(id=audit_id))
    _emit(audit, fmt)
    tracker = ExitTracker()
    counts = audit.counts()
    if counts["fail"]:
        tracker.note(ExitCode.FINDINGS)
    if counts["undetermined"]:
        tracker.note(ExitCode.UNCHECKED)
    tracker.exit()


def _emit(audit: CloudAudit, fmt: AuditFormat) -> None:
    if fmt is AuditFormat.json:
        print(to_json(audit.to_dict()))
    elif fmt is AuditFormat.sarif:
        from ..core.render import findings_sarif

        log = findings_sarif(audit.findings)
        log["runs"][0]["tool"]["driver"]["name"] = "mailwarden-cloud"
        print(to_json(log))
    elif fmt is AuditFormat.ocsf:
        from ..cloud.ocsf import to_ocsf

        print(to_json(to_ocsf(audit)))
    elif fmt is AuditFormat.asff:
        from ..cloud.asff import to_asff

        print(to_json(to_asff(audit, audit.regions[0] if audit.regions else "us-east-1")))
    else:
        render_audit(audit)


def render_audit(audit: CloudAudit) -> None:
    """What to fix first: failing checks, worst first, each with the resources and the fix;
    then what could not be checked and why; then the SES domains through the domain audit."""
    from ..cloud.model import Status
    from ..core.findings import get_def

    counts = audit.counts()
    heading = _(
        "AWS account {account} ({regions}): {fail} failing, {undetermined} undetermined, {ok} passing"
    )
    out.print(
        "[bold]"
        + heading.format(
            account=audit.account_id,
            regions=", ".join(audit.regions),
            fail=counts["fail"],
            undetermined=counts["undetermined"],
            ok=counts["pass"],
        )
        + "[/bold]"
    )
    failing = [c for c in audit.checks if c.status is Status.FAIL]
    if failing:
        t = WrappingTable(title=_("Fix first"))
        t.add_column("#", justify="right")
        t.add_column(_("Severity"))
        t.add_column(_("Check"))
        t.add_column(_("Resources"))
        t.add_column(_("What to do"))
        for i, c in enumerate(failing, 1):
            d = get_def(c.check)
            names = [f.subject.rsplit("/", 1)[-1] or f.subject for f in c.findings[:SHOWN]]
            more = len(c.findings) - SHOWN
            if more > 0:
                names.append(_("and {n} more").format(n=more))
            controls = ", ".join(x.split(":", 1)[1] for x in d.controls if x.startswith("SecurityHub:"))
            title = _(d.title) + (f" [dim]({controls})[/dim]" if controls else "")
            t.add_row(
                str(i),
                severity_label(c.severity),
                f"{title}\n[dim]{c.findings[0].detail}[/dim]",
                "\n".join(names),
                c.findings[0].remediation,
            )
        out.print(t)
    unknown = [c for c in audit.checks if c.status is Status.UNDETERMINED]
    if unknown:
        t = WrappingTable(title=_("Could not be checked (not a pass)"))
        t.add_column(_("Check"))
        t.add_column(_("Why"))
        for c in unknown:
            t.add_row(_(get_def(c.check).title), "\n".join(c.undetermined[:SHOWN]))
        out.print(t)
    if audit.domains:
        t = WrappingTable(title=_("SES domains and DMARC"))
        t.add_column(_("Domain"))
        t.add_column(_("Region"))
        t.add_column(_("DKIM aligned"))
        t.add_column(_("SPF aligned"))
        t.add_column(_("DMARC policy"))
        t.add_column(_("Grade"))
        yes, no, unknown_word = _("yes"), _("no"), _("unknown")
        for a in audit.domains:
            t.add_row(
                a.domain,
                a.region,
                unknown_word if a.dkim_aligned is None else (yes if a.dkim_aligned else no),
                unknown_word if a.spf_aligned is None else (yes if a.spf_aligned else no),
                a.dmarc_policy or _("none"),
                a.grade or "",
            )
        out.print(t)
    if not failing and not unknown:
        out.print(_("Every check passed."))
    sys.stdout.flush()


@cloud_app.command("policy")
def cloud_policy() -> None:
    """Print the read-only IAM policy the audit needs (attach it to the audit's role or user)."""
    from ..cloud.audit import policy_document

    print(to_json(policy_document()))


class ChecksFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


@cloud_app.command("checks")
def cloud_checks(
    fmt: Annotated[ChecksFormat, typer.Option("--format", "-f")] = ChecksFormat.table,
    lang: LangOpt = None,
) -> None:
    """List the audit's checks: severity, AWS Security Hub control, Prowler check, why it matters."""
    use_language(lang)
    from ..cloud.audit import check_definitions

    defs = check_definitions()
    if fmt is ChecksFormat.json:
        rows = [
            {
                "check": d.code,
                "severity": str(d.severity),
                "title": _(d.title),
                "rationale": _(d.rationale) if d.rationale else "",
                "remediation": _(d.remediation) if d.remediation else "",
                "controls": list(d.controls),
                "references": list(d.references),
            }
            for d in defs
        ]
        print(to_json(rows))
        return
    if fmt is ChecksFormat.markdown:
        lines = [
            "# " + _("Cloud audit checks"),
            "",
            _("Generated by `make docs` (mailwarden cloud checks --format markdown); do not edit by hand."),
            "",
            "| "
            + " | ".join((_("check"), _("severity"), _("Security Hub"), _("Prowler"), _("title"), _("why")))
            + " |",
            "|---|---|---|---|---|---|",
        ]
        for d in defs:
            hub = ", ".join(c.split(":", 1)[1] for c in d.controls if c.startswith("SecurityHub:"))
            prowler = ", ".join(f"`{c.split(':', 1)[1]}`" for c in d.controls if c.startswith("Prowler:"))
            why = (_(d.rationale) if d.rationale else "").replace("|", "\\|").replace("\n", " ")
            lines.append(
                f"| `{d.code}` | {severity_label(d.severity)} | {hub} | {prowler} | {_(d.title)} | {why} |"
            )
        print("\n".join(lines))
        return
    t = WrappingTable(title=_("Cloud audit checks"))
    for col in (_("Check"), _("Severity"), _("Controls"), _("Title")):
        t.add_column(col)
    for d in defs:
        t.add_row(d.code, severity_label(d.severity), "\n".join(d.controls), _(d.title))
    out.print(t)
