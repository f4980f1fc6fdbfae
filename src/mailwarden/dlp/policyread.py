"""Reading a DLP policy file: YAML whose mappings refuse a key written twice, and errors a
person can act on — where a mistake stands (``rule 3 (hold-bulk) › when › min_rows``, counted
from 1), what would be right, the likely key or word, in the reader's language, every value
quoted short whatever YAML aliases make of it. The models themselves are in ``policyfile``."""

from __future__ import annotations

import difflib
import re
import reprlib
from typing import Any

import yaml
from pydantic import BaseModel

from ..core.i18n import N_, gettext


class _UniqueKeys(yaml.SafeLoader):
    """YAML whose mappings refuse a key written twice (the later one would silently win)."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    """The mapping, refused when one of its own keys is written twice. Keys are compared as
    written (``1`` and ``1.0`` are two); merged keys (``<<: *base``) may be overridden."""
    seen: set[tuple[str, str]] = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag in _MERGE_TAGS:
            continue
        key = (key_node.tag, key_node.value)
        if key in seen:
            raise Twice(brief(key_node.value), key_node.start_mark.line + 1)
        seen.add(key)
    return loader.construct_mapping(node, deep)


_MERGE_TAGS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")
_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class Twice(yaml.YAMLError):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key, line)
        self.key, self.line = key, line


def load_yaml(text: str) -> Any:
    """The YAML, anything it cannot be read as a ``yaml.YAMLError`` (lists nested a thousand
    deep, an integer of ten thousand digits)."""
    try:
        return yaml.load(text, Loader=_UniqueKeys)  # a SafeLoader
    except RecursionError as exc:
        raise yaml.YAMLError(gettext("nested too deeply")) from exc
    except ValueError as exc:
        raise yaml.YAMLError(shown(str(exc)).strip("'")) from exc


# --- errors a person can act on ------------------------------------------------------------------

_SAYS = {
    "int_parsing": N_("a whole number is needed, not {input}"),
    "int_type": N_("a whole number is needed, not {input}"),
    "int_from_float": N_("a whole number is needed, not {input}"),
    "float_parsing": N_("a number is needed, not {input}"),
    "float_type": N_("a number is needed, not {input}"),
    "bool_parsing": N_("true or false is needed, not {input}"),
    "bool_type": N_("true or false is needed, not {input}"),
    "string_type": N_("text is needed, not {input}"),
    "list_type": N_("a list is needed, not {input}"),
    "dict_type": N_("a mapping (key: value) is needed, not {input}"),
    "model_type": N_("a mapping (key: value) is needed, not {input}"),
    "missing": N_("missing: this key is needed"),
    "literal_error": N_("one of {expected} is needed, not {input}"),
    "greater_than_equal": N_("at least {ge} is needed, not {input}"),
    "less_than_equal": N_("at most {le} is needed, not {input}"),
    "too_short": N_("must not be empty"),
}
# which model a key belongs to, by the key above it


def problem(error: Any, data: Any, models: dict[str, type[BaseModel]], top: type[BaseModel]) -> str:
    """One of pydantic's errors as a person can act on it: ``models`` by the key above them,
    ``top`` the model of the whole file."""
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        says = _unknown_key(loc, models, top)
    elif kind == "value_error":
        says = str(ctx.get("error", error["msg"]))
        if not loc:
            return says  # a rule's own error says which rule
    elif kind == "literal_error":
        says = _one_of(ctx.get("expected", ""), error.get("input"))
    elif kind == "invalid_key":
        says = gettext("a key must be text, not {input}").format(input=shown(loc[-1]))
        loc = loc[:-1]
    elif loc[-1:] == ("[key]",):
        says = gettext("a key must be text, not {input}").format(input=shown(error.get("input")))
        loc = loc[:-2]
    elif kind in _SAYS:
        shown_ctx = {k: shown(v) for k, v in ctx.items()}
        says = gettext(_SAYS[kind]).format(input=shown(error.get("input")), **shown_ctx)
    else:
        says = error["msg"]
    return f"{_where(loc, data)}: {says}"


_SHOWN = reprlib.Repr()
_SHOWN.maxstring = _SHOWN.maxother = 60
_SHOWN.maxlist = _SHOWN.maxdict = _SHOWN.maxtuple = _SHOWN.maxset = 4
_SHOWN.maxlevel = 2


def shown(value: Any) -> str:
    """A value as an error message quotes it: short whatever it is (a policy's aliases can
    make a list of a billion items; an integer of ten thousand digits has no decimal repr)."""
    try:
        return _SHOWN.repr(value)
    except ValueError:
        return f"<{type(value).__name__}>"


def brief(name: Any) -> str:
    """A name (a rule's id, a key, a group) as an error message gives it: as written, cut short,
    what cannot be printed escaped."""
    if not isinstance(name, str):
        return shown(name)
    text: str = name if len(name) <= 60 else name[:57] + "…"
    return text if text.isprintable() else text.encode("utf-8", "backslashreplace").decode("utf-8")


def _one_of(expected: str, given: Any) -> str:
    words = re.findall(r"'([^']*)'", expected)
    near = difflib.get_close_matches(given, words, n=1, cutoff=0.6) if isinstance(given, str) else []
    if near:
        says = gettext("{input} is not one of {expected} (did you mean {near}?)")
        return says.format(input=shown(given), expected=", ".join(words), near=near[0])
    says = gettext("one of {expected} is needed, not {input}")
    return says.format(expected=", ".join(words), input=shown(given))


def _unknown_key(loc: tuple[Any, ...], models: dict[str, type[BaseModel]], top: type[BaseModel]) -> str:
    key = brief(loc[-1])
    parent = next((x for x in reversed(loc[:-1]) if isinstance(x, str)), "")
    model = models.get(parent, top)
    known = list(model.model_fields)
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if near:
        return gettext("unknown key {key} (did you mean {near}?)").format(key=key, near=near[0])
    return gettext("unknown key {key}; the keys here are {known}").format(key=key, known=", ".join(known))


def _where(loc: tuple[Any, ...], data: Any) -> str:
    """``rule 3 (hold-bulk) › when › min_rows``: rules counted from 1 and named by their id,
    the items of other lists counted from 1 too."""
    parts: list[str] = []
    node = data
    for here in loc:
        if isinstance(node, list) and isinstance(here, int):
            item = node[here] if here < len(node) else None
            if parts and parts[-1] == "rules":
                rid = item.get("id") if isinstance(item, dict) else None
                named = gettext("rule {n} ({id})") if rid else gettext("rule {n}")
                parts[-1] = named.format(n=here + 1, id=brief(rid))
            else:
                parts.append(f"{parts.pop() if parts else ''}[{here + 1}]")
            node = item
            continue
        parts.append(brief(here))
        node = node.get(here) if isinstance(node, dict) else None
    return " › ".join(parts) or gettext("the policy")
