"""The ``mailwarden`` command: thin Typer commands over library functions, one module per feature.

A run imports only the feature it names: ``mailwarden dlp check …`` loads the DLP commands and
not the other fourteen (each pulls its own libraries in; all of them together cost about half a
second before anything is done). ``mailwarden``, ``mailwarden --help`` and anything not named
below build the whole command, as does reading :data:`app` (tests, documentation tools)."""

from __future__ import annotations

import importlib
import os
import sys

import typer

from ..core import i18n
from ..core.errors import StoreError
from ..core.i18n import gettext as _

i18n.set_language(i18n.language_from_environment())  # help texts are read at import

from .localise import LocalisedGroup  # noqa: E402

#: top-level name -> (module, attribute, modules that add commands to it), in the order of --help
_PARTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "domain": ("domain_cmds", "domain_app", ()),
    "dmarc": ("dmarc_cmds", "dmarc_app", ()),
    "dlp": ("dlp_cmds", "dlp_app", ()),
    "gateway": ("gateway_cmds", "gateway_app", ()),
    "reports": ("reports_cmds", "reports_app", ("feedback_cmds", "remediate_cmds", "triage_cmds")),
    "token": ("reports_cmds", "token_app", ()),
    "campaign": (
        "campaign_cmds",
        "campaign_app",
        ("campaign_results_cmds", "campaign_server_cmds", "campaign_setup_cmds"),
    ),
    "leaks": ("leaks_cmds", "leaks_app", ()),
    "cloud": ("cloud_cmds", "cloud_app", ("cloud_trail_cmds",)),
    "deliverability": ("deliverability_cmds", "deliverability_app", ()),
    "sender": ("sender_cmds", "sender_app", ()),
    "pqc": ("pqc_cmds", "pqc_app", ()),
    "user": ("admin_cmds", "user_app", ()),
    "db": ("admin_cmds", "db_app", ()),
    "scan": ("scan_cmds", "scan", ()),
    "jobs": ("jobs_cmds", "jobs_app", ("jobs_poll_cmds",)),
    "worker": ("jobs_cmds", "worker", ()),
    "serve": ("admin_cmds", "serve", ()),
    "codes": ("admin_cmds", "codes", ()),
}


def build(only: str | None = None) -> typer.Typer:
    """The command with every part, or with the one part ``only`` names."""
    root = typer.Typer(
        cls=LocalisedGroup,
        help=_("mailwarden: email-security toolkit"),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
    )
    if only is not None:
        # a group even with one command in it (Typer would make a lone command the root)
        root.callback()(_root)
    for name, (module_name, attribute, extras) in _PARTS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f".{module_name}", __package__)
        for extra in extras:
            importlib.import_module(f".{extra}", __package__)
        part = getattr(module, attribute)
        if isinstance(part, typer.Typer):
            root.add_typer(part, name=name)
        else:
            root.command(name)(part)
    return root


def _root() -> None:
    """mailwarden: email-security toolkit"""


def _take_language(args: list[str]) -> list[str]:
    """``--lang X`` (or ``--lang=X``) wherever it stands, applied before any command is
    imported — their help texts are read at import — and taken out of the arguments, so that
    every command speaks it, whether it declares the option or not (``reports list --lang en``
    was refused, ``scan --help --lang en`` answered in Japanese). After ``--`` nothing is read."""
    out: list[str] = []
    lang: str | None = None
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            out.append(arg)
            out.extend(rest)
            break
        if arg == "--lang":
            lang = next(rest, "")
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            out.append(arg)
    if lang is None:
        return args
    if i18n.normalise_language(lang) is None:
        from .common import err

        choices = ", ".join(i18n.LANGUAGES)
        err.print(
            f"[red]{_('Error')}:[/red] "
            + _("no output language {lang!r}: choose one of {choices}").format(lang=lang, choices=choices),
            highlight=False,
            markup=True,
        )
        raise SystemExit(2)
    i18n.set_language(lang)
    os.environ["MAILWARDEN_LANG"] = lang  # worker processes started afresh speak it too
    return out


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the whole command, built once on first use
        whole = build()
        globals()["app"] = whole
        return whole
    raise AttributeError(name)


def main() -> None:
    from ..core.parallel import exit_on_sigterm

    exit_on_sigterm()  # SIGTERM stops the worker processes too, as Ctrl-C does
    sys.argv[1:] = _take_language(sys.argv[1:])
    first = sys.argv[1] if len(sys.argv) > 1 else ""
    command = build(first if first in _PARTS else None)
    try:
        command()
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
