"""``mailwarden cloud``: the Amazon SES account audit and CloudTrail analysis."""

from __future__ import annotations

import typer

from ..core.i18n import gettext as _
from .localise import LocalisedGroup

cloud_app = typer.Typer(
    cls=LocalisedGroup,
    help=_("Amazon SES sending account: audit and CloudTrail analysis"),
    no_args_is_help=True,
)
