"""Logs as text for people or as one JSON object a line for a log shipper.

``MAILWARDEN_LOG_FORMAT=json`` (or ``--log-format json``) writes each record as
``{"time", "level", "logger", "message", …}`` plus the record's extra fields (``log.info(…,
extra={"spool_id": …})``) and, for an exception, ``"exc"``: the traceback as one string. One
line a record, whatever the message holds (newlines are escaped by JSON), so a shipper never
splits or merges records.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from typing import Any, Literal

from .errors import ConfigError
from .i18n import gettext as _

__all__ = ["FORMATS", "JsonFormatter", "configure_logging", "log_format"]

FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

#: what every LogRecord has: anything else on a record came from ``extra=`` — except uvicorn's
#: ``color_message``, the message again with terminal colour codes
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName", "color_message"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_") and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def log_format(given: str | None = None) -> Literal["text", "json"]:
    """The format asked for: ``given`` (a command's option), else ``MAILWARDEN_LOG_FORMAT``,
    else text."""
    value = (given or os.environ.get("MAILWARDEN_LOG_FORMAT") or "text").strip().lower()
    if value == "json":
        return "json"
    if value == "text":
        return "text"
    raise ConfigError(_("unknown log format {value!r}: text or json").format(value=value))


def configure_logging(
    fmt: str = "text", *, level: int = logging.WARNING, own_level: int = logging.INFO
) -> None:
    """One handler on the root logger (stderr) in ``fmt``; mailwarden's own loggers at
    ``own_level``, everything else (aiosmtpd's line per command, libraries) at ``level``.
    Uvicorn's loggers send their records to the root logger here rather than to handlers of
    their own, so its access log is in the same format."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("mailwarden").setLevel(own_level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        log = logging.getLogger(name)
        log.handlers.clear()
        log.propagate = True
        log.setLevel(logging.INFO)
