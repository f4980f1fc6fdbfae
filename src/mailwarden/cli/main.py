"""The ``mailwarden`` command: thin Typer commands over library functions, one module per feature."""

from __future__ import annotations

import typer

from ..core import i18n
from ..core.errors import StoreError
from ..core.i18n import gettext as _

i18n.set_language(i18n.language_from_environment())

from . import (  # noqa: E402,F401  (reports subcommands)
    campaign_results_cmds,
    campaign_server_cmds,
    campaign_setup_cmds,
    cloud_trail_cmds,
    feedback_cmds,
    remediate_cmds,
    triage_cmds,
)
from .admin_cmds import codes, db_app, serve, user_app  # noqa: E402  (help texts need the language set)
from .campaign_cmds import campaign_app  # noqa: E402
from .cloud_cmds import cloud_app  # noqa: E402
from .deliverability_cmds import deliverability_app  # noqa: E402
from .dlp_cmds import dlp_app  # noqa: E402
from .dmarc_cmds import dmarc_app  # noqa: E402
from .domain_cmds import domain_app  # noqa: E402
from .gateway_cmds import gateway_app  # noqa: E402
from .leaks_cmds import leaks_app  # noqa: E402
from .localise import LocalisedGroup  # noqa: E402
from .pqc_cmds import pqc_app  # noqa: E402
from .reports_cmds import reports_app, token_app  # noqa: E402
from .scan_cmds import scan  # noqa: E402
from .sender_cmds import sender_app  # noqa: E402

app = typer.Typer(
    cls=LocalisedGroup,
    help=_("mailwarden: email-security toolkit"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(domain_app, name="domain")
app.add_typer(dmarc_app, name="dmarc")
app.add_typer(dlp_app, name="dlp")
app.add_typer(gateway_app, name="gateway")
app.add_typer(reports_app, name="reports")
app.add_typer(token_app, name="token")
app.add_typer(campaign_app, name="campaign")
app.add_typer(leaks_app, name="leaks")
app.add_typer(cloud_app, name="cloud")
app.add_typer(deliverability_app, name="deliverability")
app.add_typer(sender_app, name="sender")
app.add_typer(pqc_app, name="pqc")
app.add_typer(user_app, name="user")
app.add_typer(db_app, name="db")
app.command("scan")(scan)
app.command("serve")(serve)
app.command("codes")(codes)


def main() -> None:
    from ..core.parallel import exit_on_sigterm

    exit_on_sigterm()  # SIGTERM stops the worker processes too, as Ctrl-C does
    try:
        app()
    except OSError as exc:
        # an unwritable data directory, a full disk, a file that vanished: a sentence, not a traceback
        from .common import err

        where = f": {exc.filename}" if exc.filename else ""
        err.print(f"[red]{_('Error')}:[/red] {exc.strerror or exc}{where}")
        raise SystemExit(2) from None
    except StoreError as exc:
        from .common import err

        problem = _("the database cannot be used")
        err.print(f"[red]{_('Error')}:[/red] {problem}: {exc}")
        raise SystemExit(2) from None
