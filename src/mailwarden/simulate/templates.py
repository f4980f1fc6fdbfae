"""Lure templates (mail + landing page) in Japanese and English, and landing-page rendering.

Template syntax — deliberately small, nothing is executed: ``{variable}`` is replaced by the
variable's value (HTML-escaped in HTML parts), ``{{`` and ``}}`` are literal braces. The
variables are those in :data:`VARIABLES`; a template naming any other is refused when it is
loaded. Shipped templates live in ``templates/*.yaml``, one lure per file with a ``ja`` and an
``en`` part each.

Landing pages never collect passwords: :func:`render_landing` removes, on the server, every
``<input type=password>`` and every input whose name, id or autocomplete suggests one, and
:func:`submitted` keeps only the fact of a submission and the field *names*, never values."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, cast

import lxml.html
import yaml

from ..core.errors import InputError
from ..core.i18n import gettext as _

#: the variables templates may use
VARIABLES = frozenset({"name", "email", "department", "manager", "company", "link", "date"})
LANGS = ("ja", "en")
_VAR = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def variables_in(text: str) -> set[str]:
    return {m.group(1) for m in _VAR.finditer(text) if m.group(1) is not None}


def _check(text: str, where: str) -> None:
    unknown = variables_in(text) - VARIABLES
    if unknown:
        raise InputError(
            _("{where}: unknown variables: {names}").format(where=where, names=", ".join(sorted(unknown)))
        )
    if re.sub(_VAR, "", text).count("{") or re.sub(_VAR, "", text).count("}"):
        raise InputError(_("{where}: a lone brace (write {{ or }})").format(where=where))


def substitute(text: str, values: Mapping[str, str], *, escape: bool = False) -> str:
    """``text`` with its variables replaced (missing ones become empty)."""

    def one(m: re.Match[str]) -> str:
        if m.group(0) == "{{":
            return "{"
        if m.group(0) == "}}":
            return "}"
        value = values.get(m.group(1), "")
        return html.escape(value) if escape else value

    return _VAR.sub(one, text)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str


@dataclass(frozen=True)
class LurePart:
    """One language of a lure."""

    sender_name: str
    subject: str
    body: str
    landing: str = ""
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Template:
    id: str
    category: str
    difficulty: str
    parts: dict[str, LurePart] = field(default_factory=dict)

    def part(self, lang: str) -> LurePart:
        return self.parts.get(lang) or self.parts["en"]


@dataclass(frozen=True)
class RenderedMail:
    sender_name: str
    subject: str
    body: str
    attachments: tuple[Attachment, ...]


def parse_template(data: Mapping[str, Any], where: str) -> Template:
    """A template from its YAML mapping; raises InputError naming what is wrong."""
    try:
        tid = str(data["id"])
        parts: dict[str, LurePart] = {}
        for lang in LANGS:
            p = data.get(lang)
            if p is None:
                continue
            atts = tuple(
                Attachment(str(a["filename"]), str(a["content_type"])) for a in p.get("attachments", [])
            )
            part = LurePart(
                str(p["sender_name"]), str(p["subject"]), str(p["body"]), str(p.get("landing", "")), atts
            )
            for name in ("sender_name", "subject", "body", "landing"):
                _check(getattr(part, name), f"{where} {lang}.{name}")
            parts[lang] = part
    except (KeyError, TypeError) as exc:
        problem = _("{where}: missing or malformed field {field}").format(where=where, field=exc)
        raise InputError(problem) from exc
    if "en" not in parts:
        raise InputError(_("{where}: no English part").format(where=where))
    return Template(tid, str(data.get("category", "")), str(data.get("difficulty", "medium")), parts)


def load_templates() -> dict[str, Template]:
    """The shipped templates by id."""
    out: dict[str, Template] = {}
    folder = resources.files(__package__).joinpath("templates")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            t = parse_template(yaml.safe_load(entry.read_text("utf-8")), entry.name)
            out[t.id] = t
    return out


def render_mail(template: Template, lang: str, values: Mapping[str, str]) -> RenderedMail:
    p = template.part(lang)
    return RenderedMail(
        substitute(p.sender_name, values),
        substitute(p.subject, values),
        substitute(p.body, values),
        p.attachments,
    )


_PASSWORDISH = re.compile(r"pass|pwd|secret|パスワード|暗証", re.IGNORECASE)


def _is_password(el: Any) -> bool:
    if (el.get("type") or "").strip().lower() == "password":
        return True
    auto = (el.get("autocomplete") or "").lower()
    if "password" in auto or "one-time-code" in auto:
        return True
    return any(_PASSWORDISH.search(el.get(a) or "") for a in ("name", "id"))


def strip_passwords(page: str) -> str:
    """``page`` without any password input, parsed with lxml's HTML parser (case-insensitive
    tags and attributes, forms nested or not, inputs anywhere)."""
    doc = lxml.html.document_fromstring(page or "<html></html>")
    for el in list(doc.iter("input")):
        if _is_password(el):
            cast(lxml.html.HtmlElement, el).drop_tree()
    return str(lxml.html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>"))


def render_landing(
    template: Template | str, lang: str = "ja", values: Mapping[str, str] | None = None
) -> str:
    """The landing page, variables replaced (HTML-escaped), password fields removed."""
    page = template if isinstance(template, str) else template.part(lang).landing
    return strip_passwords(substitute(page, values or {}, escape=True))


@dataclass(frozen=True)
class Submission:
    submitted: bool
    fields: tuple[str, ...]


def submitted(form: Mapping[str, Any]) -> Submission:
    """What a landing-page submission leaves: that it happened and the field names."""
    return Submission(True, tuple(sorted(str(k)[:100] for k in form)))
