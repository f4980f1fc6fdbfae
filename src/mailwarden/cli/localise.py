"""The CLI in the reader's language: command help (the commands' docstrings), option help,
and the words Click and Typer print themselves (Usage, Options, errors…).

Click and Typer look their own words up with the standard library's gettext, which knows no
catalogue of ours; their module-level ``_`` and Typer's panel titles are pointed at
mailwarden's catalogue instead. Command and option help is translated in place when the
command line starts (`LocalisedGroup.main`), so it follows the language chosen then.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import re
import sys
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any, cast

from typer.core import TyperGroup

from ..core.i18n import N_, gettext

#: Click's and Typer's own messages that mailwarden's users see (extracted into the catalogue).
CLICK_MESSAGES = (
    N_("Show this message and exit."),
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Arguments"),
    N_("Error"),
    N_("Aborted!"),
    N_("Aborted."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Try [blue]'{command_path} {help_option}'[/] for help."),
    N_("[default: {}]"),
    N_("[required]"),
    N_("[env var: {}]"),
    N_("default: {default}"),
    N_("required"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{name} {filename!r} does not exist."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Invalid value for {hint}: {message}"),
    N_("Missing {kind}{hint}."),
    N_("argument"),
    N_("option"),
    N_("parameter"),
    N_("No such option: {name}"),
    N_("(Possible options: {names})"),
)

#: pydantic's error types (Typer checks values with pydantic) → what the reader is told
_VALUE_ERRORS = {
    "int_parsing": N_("a whole number is expected (got {value!r})"),
    "int_type": N_("a whole number is expected (got {value!r})"),
    "float_parsing": N_("a number is expected (got {value!r})"),
    "float_type": N_("a number is expected (got {value!r})"),
    "bool_parsing": N_("true or false is expected (got {value!r})"),
    "enum": N_("{value!r} is not one of the choices: {expected}"),
    "literal_error": N_("{value!r} is not one of the choices: {expected}"),
}
_GENERIC_VALUE_ERROR = N_("{value!r} is not a valid value here")

_RICH_CONSTANTS = {
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


def _translate_library_words() -> None:
    for name in (
        "typer._click.core",
        "typer._click.exceptions",
        "typer._click.formatting",
        "typer._click.decorators",
        "typer._click.parser",
        "typer._click.termui",
        "typer.core",
        "typer.main",
    ):
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module.__dict__["_"] = gettext
    from typer._click import exceptions

    exceptions.BadParameter.format_message = _bad_parameter  # type: ignore[method-assign]
    exceptions.MissingParameter.format_message = _missing_parameter  # type: ignore[method-assign]
    exceptions.NoSuchOption.format_message = _no_such_option  # type: ignore[method-assign]

    # Typer imports its help and error formatting (with rich's Markdown and Pygments: about a
    # tenth of a second) only to print help or an error: its words are set when it comes
    if "typer.rich_utils" in sys.modules:
        _translate_rich(sys.modules["typer.rich_utils"])
    elif not any(isinstance(f, _WhenImported) and not f.used for f in sys.meta_path):
        sys.meta_path.insert(0, _WhenImported("typer.rich_utils", _translate_rich))


def _translate_rich(rich_utils: ModuleType) -> None:
    for constant, english in _RICH_CONSTANTS.items():
        setattr(rich_utils, constant, gettext(english))


class _WhenImported(importlib.abc.MetaPathFinder):
    """Calls ``then(module)`` right after module ``name`` is first imported. It stays in
    ``sys.meta_path`` (answering nothing once used): removing itself could make another
    thread's import, walking the list at that moment, skip the next finder."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.then = then
        self.used = False

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> ModuleSpec | None:
        if self.used or fullname != self.name:
            return None
        self.used = True
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        # a loader may serve many modules (zipimport): it is wrapped for this spec, not changed
        spec.loader = _ThenLoader(spec.loader, self.then)
        return spec


class _ThenLoader(importlib.abc.Loader):
    """``loader``, calling ``then(module)`` after executing the module; anything else (source
    for tracebacks, resources) asked of the real loader."""

    def __init__(self, loader: Any, then: Callable[[ModuleType], None]) -> None:
        self._loader = loader
        self._then = then

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return cast(ModuleType | None, self._loader.create_module(spec))

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        self._then(module)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)


def _hint(error: Any) -> str:
    from typer._click.exceptions import _join_param_hints

    if error.param_hint is not None:
        return str(_join_param_hints(error.param_hint))
    if error.param is not None:
        return str(_join_param_hints(error.param.get_error_hint()))
    return ""


def _bad_parameter(self: Any) -> str:
    message = str(self.message)
    cause = self.__cause__
    errors = cause.errors() if hasattr(cause, "errors") else []
    if errors:
        first = errors[0]
        template = _VALUE_ERRORS.get(str(first.get("type")), _GENERIC_VALUE_ERROR)
        expected = str((first.get("ctx") or {}).get("expected", ""))
        choices = re.search(r"is not one of (.+?)\.?$", str(first.get("msg", "")))
        if choices:  # Typer's check of a choice (an Enum option)
            template, expected = _VALUE_ERRORS["enum"], choices.group(1)
        message = gettext(template).format(value=first.get("input"), expected=expected)
    hint = _hint(self)
    if not hint:
        return gettext("Invalid value: {message}").format(message=message)
    return gettext("Invalid value for {hint}: {message}").format(hint=hint, message=message)


def _missing_parameter(self: Any) -> str:
    hint = _hint(self)
    kind = self.param_type or (self.param.param_type_name if self.param is not None else "parameter")
    return gettext("Missing {kind}{hint}.").format(
        kind=gettext(kind) if kind in ("argument", "option", "parameter") else kind,
        hint=f" {hint}" if hint else "",
    )


def _no_such_option(self: Any) -> str:
    text = gettext("No such option: {name}").format(name=self.option_name)
    if self.possibilities:
        names = ", ".join(sorted(self.possibilities))
        text += " " + gettext("(Possible options: {names})").format(names=names)
    return text


def _translate_tree(command: Any, seen: set[int]) -> None:
    if id(command) in seen:
        return
    seen.add(id(command))
    for attr in ("help", "short_help"):
        text = getattr(command, attr, None)
        if text:
            setattr(command, attr, gettext(text))
    # the help option is made on first use, with Click's English text: make it now
    helper = command.get_help_option(command.context_class(command))
    for param in [*command.params, *([helper] if helper is not None else [])]:
        text = getattr(param, "help", None)
        if text:
            param.help = gettext(text)
    for sub in getattr(command, "commands", {}).values():
        _translate_tree(sub, seen)


class LocalisedGroup(TyperGroup):
    """The root command group: translates the whole command tree's help before it runs."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _translate_library_words()
        _translate_tree(self, set())
        return super().main(*args, **kwargs)
