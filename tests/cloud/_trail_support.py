"""CloudTrail records and files as AWS writes them, for the trail tests."""

from __future__ import annotations

import gzip
import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

ACCOUNT = "123456789012"
T0 = datetime(2026, 11, 1, tzinfo=UTC)
_ids = itertools.count(1)


def at(days: float = 0, minutes: float = 0) -> str:
    return (T0 + timedelta(days=days, minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def user_arn(name: str) -> str:
    return f"arn:aws:iam::{ACCOUNT}:user/{name}"


def record(
    time: str,
    source: str,
    name: str,
    *,
    user: str = "app",
    key: str = "AKIAAPPKEY0000000001",
    ip: str = "203.0.113.10",
    region: str = "ap-northeast-1",
    request: dict[str, Any] | None = None,
    response: Any = None,
    error: str | None = None,
    agent: str = "aws-sdk-python/1.35",
) -> dict[str, Any]:
    r: dict[str, Any] = {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "IAMUser",
            "principalId": "AIDA" + user.upper()[:16],
            "arn": user_arn(user),
            "accountId": ACCOUNT,
            "accessKeyId": key,
            "userName": user,
        },
        "eventTime": time,
        "eventSource": source,
        "eventName": name,
        "awsRegion": region,
        "sourceIPAddress": ip,
        "userAgent": agent,
        "requestParameters": request,
        "responseElements": response,
        "requestID": f"req-{next(_ids)}",
        "eventID": f"evt-{next(_ids)}",
        "readOnly": name.startswith(("Get", "List", "Describe")),
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
    }
    if error:
        r["errorCode"] = error
        r["errorMessage"] = "User is not authorized to perform this action"
    return r


def noise(
    days: int, *, user: str = "app", key: str = "AKIAAPPKEY0000000001", ip: str = "203.0.113.10"
) -> list[dict[str, Any]]:
    """Ordinary calls by ``user`` every few hours for ``days`` days from the usual network."""
    rows = []
    calls = [
        ("ec2.amazonaws.com", "DescribeInstances"),
        ("s3.amazonaws.com", "ListBuckets"),
        ("sts.amazonaws.com", "GetCallerIdentity"),
        ("kms.amazonaws.com", "Decrypt"),
        ("iam.amazonaws.com", "GetUser"),
    ]
    for h in range(0, days * 24, 6):
        source, name = calls[h // 6 % len(calls)]
        rows.append(record(at(h / 24), source, name, user=user, key=key, ip=ip))
    return rows


def write(path: Path, records: list[dict[str, Any]], *, gz: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = orjson.dumps({"Records": records})
    path.write_bytes(gzip.compress(data) if gz else data)
    return path
