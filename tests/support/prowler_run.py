"""Prowler, the peer the cloud audit is compared with: run against a moto server, limited to
given checks and Regions, its OCSF output read back.

Prowler lives in ``.venv-prowler`` (``make prowler``: it pins its own boto3 and botocore, so it
cannot share the project's ``.venv``). It runs as a child process through
``tests/support/prowler_launch.py`` (see there for the one SESv2 route it aligns with the moto
server), with ``AWS_ENDPOINT_URL`` pointing every boto3 client at the server and fake
credentials; nothing reaches the internet (no ``--shodan``, no Security Hub or S3 output, no
``--push-to-cloud``; the version check runs only for ``--version``)."""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .aws_seed import env_for

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-prowler"
PROWLER = VENV / "bin" / "prowler"
PYTHON = VENV / "bin" / "python"
LAUNCH = Path(__file__).with_name("prowler_launch.py")
VERSION = "5.46.0"
MISSING = (
    f"Prowler is not installed at {PROWLER}: run `make prowler` "
    f"(it makes .venv-prowler with prowler=={VERSION})"
)


def available() -> bool:
    return PROWLER.is_file() and PYTHON.is_file()


@dataclass(frozen=True)
class ProwlerFinding:
    """One row of Prowler's OCSF output."""

    check: str  # metadata.event_code: "iam_user_two_active_access_key"
    status: str  # status_code: PASS, FAIL, MANUAL
    resources: tuple[str, ...]  # resources[].uid (an ARN, mostly)
    region: str
    detail: str

    @property
    def failed(self) -> bool:
        return self.status == "FAIL"


@dataclass
class ProwlerRun:
    command: list[str]
    findings: list[ProwlerFinding] = field(default_factory=list)
    seconds: float = 0.0
    returncode: int = 0
    stderr: str = ""

    @property
    def failures(self) -> list[ProwlerFinding]:
        return [f for f in self.findings if f.failed]


def command(checks: Sequence[str], regions: Sequence[str], output_dir: str | Path) -> list[str]:
    """The command line: only ``checks``, only ``regions``, OCSF JSON into ``output_dir``."""
    return [
        str(PYTHON),
        str(LAUNCH),
        "aws",
        "--checks",
        *checks,
        "--region",
        *regions,
        "--output-formats",
        "json-ocsf",
        "--output-directory",
        str(output_dir),
        "--output-filename",
        "prowler",
        "--no-banner",
        "--no-color",
        "--ignore-exit-code-3",  # failed checks are what we want, not an error
        "--log-level",
        "CRITICAL",  # moto lacks some calls Prowler makes on the side (organizations…)
    ]


def parse_ocsf(path: str | Path) -> list[ProwlerFinding]:
    rows = json.loads(Path(path).read_text()) if Path(path).stat().st_size else []
    out = []
    for row in rows:
        check = (row.get("metadata") or {}).get("event_code") or (
            (row.get("finding_info") or {}).get("analytic") or {}
        ).get("uid", "")
        resources = tuple(r.get("uid", "") for r in row.get("resources") or [])
        region = ((row.get("cloud") or {}).get("region")) or next(
            (r.get("region", "") for r in row.get("resources") or []), ""
        )
        out.append(
            ProwlerFinding(
                check=check,
                status=row.get("status_code", ""),
                resources=resources,
                region=region,
                detail=row.get("status_detail", "") or row.get("message", ""),
            )
        )
    return out


def run(
    endpoint: str,
    checks: Sequence[str],
    regions: Sequence[str],
    *,
    output_dir: str | Path | None = None,
    timeout: float = 1800,
) -> ProwlerRun:
    """Prowler limited to ``checks`` in ``regions`` against the moto server at ``endpoint``.
    Raises ``RuntimeError`` (with :data:`MISSING`) when Prowler is not installed and when it
    fails; the findings are those of its OCSF file."""
    if not available():
        raise RuntimeError(MISSING)
    with tempfile.TemporaryDirectory(prefix="prowler-") as tmp:
        out = Path(output_dir) if output_dir else Path(tmp)
        cmd = command(checks, regions, out)
        env = env_for(endpoint)
        env.pop("PYTHONPATH", None)
        started = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=tmp)
        seconds = time.perf_counter() - started
        result = ProwlerRun(command=cmd, seconds=seconds, returncode=proc.returncode, stderr=proc.stderr)
        ocsf = out / "prowler.ocsf.json"
        if proc.returncode != 0 or not ocsf.exists():
            raise RuntimeError(
                f"Prowler failed (exit {proc.returncode}): {' '.join(cmd)}\n"
                f"{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
            )
        result.findings = parse_ocsf(ocsf)
        return result
