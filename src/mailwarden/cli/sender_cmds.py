"""``mailwarden sender``: the sender test inbox — grade a real outgoing message against the
receivers' rules (``sender check``) or receive messages to grade (``sender inbox``)."""

from __future__ import annotations

import typer

from ..core.i18n import gettext as _
from .localise import LocalisedGroup

sender_app = typer.Typer(
    cls=LocalisedGroup,
    help=_("Sender test inbox: grade outgoing mail against the receivers' rules"),
    no_args_is_help=True,
)
