"""Babel extractor for finding definitions kept in YAML (declared in babel.cfg)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml

TEXT_KEYS = ("title", "detail", "remediation", "rationale")


def extract_findings(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for entry in data.get("findings", []):
        for key in TEXT_KEYS:
            if entry.get(key):
                yield 0, "_", entry[key], [f"{entry['code']} {key}"]
    for entry in data.get("signals", []):  # analyze/signals.yaml
        for key in ("title", "explain", "family"):
            if entry.get(key):
                yield 0, "_", entry[key], [f"{entry['id']} {key}"]
    for entry in data.get("services", []):  # dmarc/services.yaml
        for key in ("fix_dkim", "fix_spf"):
            if entry.get(key):
                yield 0, "_", entry[key], [f"{entry['id']} {key}"]


def _command_names(tree: Any) -> set[str]:
    """Functions registered as ``app.command("name")(function)`` in a module, or named as the
    attribute of a part in cli/main.py's table (``"scan": ("scan_cmds", "scan", ())``)."""
    import ast

    names: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Call)
            and isinstance(node.func.func, ast.Attribute)
            and node.func.func.attr == "command"
        ):
            names.update(a.id for a in node.args if isinstance(a, ast.Name))
        elif isinstance(node, ast.Dict):
            for value in node.values:
                if (
                    isinstance(value, ast.Tuple)
                    and len(value.elts) >= 2
                    and isinstance(value.elts[1], ast.Constant)
                    and isinstance(value.elts[1].value, str)
                ):
                    names.add(value.elts[1].value)
    return names


def extract_cli(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[Any]:
    """The Python messages of a CLI module, and the docstrings of its commands — Typer shows
    them as help, and cli/localise.py translates them (decorated with ``.command``/``.callback``
    here, or registered as ``app.command("name")(function)`` in cli/main.py)."""
    import ast
    from pathlib import Path

    from babel.messages.extract import extract_python

    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    tree = ast.parse(source)
    registered: set[str] = set()
    main = Path(getattr(fileobj, "name", "")).with_name("main.py")
    if main.is_file():
        registered = _command_names(ast.parse(main.read_bytes()))
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        decorated = any(
            isinstance(d, ast.Call)
            and isinstance(d.func, ast.Attribute)
            and d.func.attr in ("command", "callback")
            for d in node.decorator_list
        )
        doc = ast.get_docstring(node)
        if doc and (decorated or node.name in registered):
            yield node.lineno, "_", doc, ["command help"]
