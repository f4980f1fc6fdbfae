"""``mailwarden deliverability``: the sending providers' events — rates against the receivers'
thresholds, bounce reasons, recipients to suppress, alerts, Google Postmaster Tools."""

from __future__ import annotations

import typer

from ..core.i18n import gettext as _
from .localise import LocalisedGroup

deliverability_app = typer.Typer(
    cls=LocalisedGroup,
    help=_("Deliverability: bounce and complaint rates, alerts, Postmaster Tools"),
    no_args_is_help=True,
)
