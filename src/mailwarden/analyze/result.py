"""What message analysis returns — the verdict every face renders as it is (`mailwarden scan`
tables and JSON, the console's message page and API): typed here once. The JSON schema in
docs/schemas/analysis-verdict.json is made from these types (tools/schemas.py)."""

from __future__ import annotations

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

_EXACT = ConfigDict(extra="forbid")


@with_config(_EXACT)
class Signal(TypedDict):
    """One thing the analyser saw, with its weight and the evidence (text, never executable)."""

    code: str
    category: str
    weight: float
    title: str
    explanation: str
    evidence: dict[str, str]


@with_config(_EXACT)
class Authentication(TypedDict):
    #: "verified" (checked here), the trusted server's Authentication-Results, or none
    source: str | None
    #: per method: {"method", "result"} and the properties RFC 8601 names (header.d, smtp.mailfrom…)
    results: list[dict[str, str]]
    #: the Authentication-Results header these results make
    header: str | None


@with_config(_EXACT)
class AttachmentInfo(TypedDict):
    filename: str
    content_type: str
    size: int
    sha256: str


# "from" is a keyword: the functional form
Headers = TypedDict(
    "Headers",
    {
        "from": str,
        "from_name": str,
        "reply_to": str,
        "return_path": str,
        "subject": str,
        "date": str,
        "message_id": str,
    },
)
Headers.__pydantic_config__ = _EXACT  # type: ignore[attr-defined]


@with_config(_EXACT)
class VerdictJson(TypedDict):
    verdict: str
    score: float
    signals: list[Signal]
    authentication: Authentication
    urls: list[dict[str, str]]
    attachments: list[AttachmentInfo]
    headers: Headers


@with_config(_EXACT)
class ScanRow(VerdictJson):
    """A row of ``mailwarden scan --format json/jsonl``: one message's verdict and where it
    was read from (a file, ``inbox.mbox#3``, ``-``)."""

    path: str


@with_config(_EXACT)
class ScanError(TypedDict):
    """A row of ``mailwarden scan --format json/jsonl`` for input that could not be read."""

    path: str
    error: str


#: what ``mailwarden scan --format json`` prints a list of (``jsonl``: one a line)
ScanOutputRow = ScanRow | ScanError
