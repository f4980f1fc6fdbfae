"""Reading CloudTrail log files: local files and directories, or ``s3://BUCKET/PREFIX``.

Each source yields whole files' record lists, one file at a time (memory is bounded by the
largest file, itself capped at :data:`MAX_BYTES` uncompressed). A file that cannot be read —
truncated gzip, not JSON, no ``Records`` list, over the cap — becomes a note; the others are
still read.

Records are decoded straight into :class:`~.trail_scan.Record` structs (msgspec): only the
fields the rules read are built, the rest of each record is skipped, and the types are
checked on the way. A file whose records do not all fit that shape is decoded again as plain
JSON and taken record by record: the ones without a usable ``eventTime``, ``eventSource``,
``eventName`` and ``userIdentity`` are counted (``missing``), the rest are read."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import orjson

from ..core.i18n import gettext as _
from .trail_scan import Identity, Record

#: The largest file read, uncompressed (CloudTrail's own files are a few MB at most).
MAX_BYTES = 512 * 1024 * 1024


@dataclass
class Batch:
    """What one file gave: its name, its size on disk and its records (or why none)."""

    name: str
    size: int
    records: list[Record]
    note: str | None = None
    #: records left out for lacking a usable eventTime, eventSource, eventName or userIdentity
    missing: int = 0


class _File(msgspec.Struct, gc=False):
    Records: list[Record]


_DECODER = msgspec.json.Decoder(_File)


def _decode(name: str, raw: bytes, cap: int) -> Batch:
    size = len(raw)
    try:
        data = _gunzip(raw, cap) if raw[:2] == b"\x1f\x8b" else raw
    except (EOFError, OSError, zlib.error):
        return Batch(
            name, size, [], _("{file}: not a whole gzip file (truncated?); skipped.").format(file=name)
        )
    if len(data) > cap:
        return Batch(name, size, [], _too_big(name, cap))
    try:
        return Batch(name, size, _DECODER.decode(data).Records)
    except msgspec.ValidationError:
        pass  # JSON, but not every record has the usual shape: taken one record at a time
    except msgspec.DecodeError:
        return Batch(name, size, [], _("{file}: not JSON; skipped.").format(file=name))
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        return Batch(name, size, [], _("{file}: not JSON; skipped.").format(file=name))
    records = doc.get("Records") if isinstance(doc, dict) else None
    if not isinstance(records, list):
        return Batch(name, size, [], _("{file}: no CloudTrail Records list; skipped.").format(file=name))
    kept = [rec for rec in map(_lenient, records) if rec is not None]
    return Batch(name, size, kept, missing=len(records) - len(kept))


def _text(v: Any) -> str | None:
    return v if type(v) is str else None


def _lenient(r: Any) -> Record | None:
    """One record of an unusual file as a :class:`Record`, or None when it cannot be one."""
    if type(r) is not dict:
        return None
    t, es, en, ui = r.get("eventTime"), r.get("eventSource"), r.get("eventName"), r.get("userIdentity")
    if type(t) is not str or type(es) is not str or type(en) is not str or type(ui) is not dict:
        return None
    return Record(
        eventTime=t,
        eventSource=es,
        eventName=en,
        userIdentity=Identity(
            arn=_text(ui.get("arn")),
            accessKeyId=_text(ui.get("accessKeyId")),
            type=_text(ui.get("type")),
            userName=_text(ui.get("userName")),
        ),
        sourceIPAddress=_text(r.get("sourceIPAddress")),
        awsRegion=_text(r.get("awsRegion")),
        errorCode=_text(r.get("errorCode")),
        requestParameters=r.get("requestParameters"),
        responseElements=r.get("responseElements"),
    )


def _gunzip(raw: bytes, cap: int) -> bytes:
    # several members are allowed (as gzip writes them); more than cap bytes is stopped early
    d = zlib.decompressobj(wbits=31)
    out = [d.decompress(raw, cap + 1)]
    total = len(out[0])
    while not d.eof:
        if total > cap:
            return b"".join(out)
        if not d.unconsumed_tail:
            raise EOFError("truncated")
        chunk = d.decompress(d.unconsumed_tail, cap + 1 - total)
        out.append(chunk)
        total += len(chunk)
    rest = d.unused_data
    if rest.strip(b"\x00"):
        out.append(_gunzip(rest, cap - total) if rest[:2] == b"\x1f\x8b" else b"")
    return b"".join(out)


def _too_big(name: str, cap: int) -> str:
    return _("{file}: larger than {mb} MB uncompressed; skipped.").format(file=name, mb=cap // (1024 * 1024))


def _local_files(paths: list[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            yield p


def read_local(paths: list[Path], cap: int = MAX_BYTES) -> Iterator[Batch]:
    for f in _local_files(paths):
        name = str(f)
        try:
            size = f.stat().st_size
            if size > cap and not f.name.endswith(".gz"):
                yield Batch(name, size, [], _too_big(name, cap))
                continue
            if size > cap:  # compressed beyond the cap is far beyond it once inflated
                yield Batch(name, size, [], _too_big(name, cap))
                continue
            raw = f.read_bytes()
        except OSError as exc:
            yield Batch(
                name,
                0,
                [],
                _("{file}: cannot be read ({reason}); skipped.").format(
                    file=name, reason=exc.strerror or exc
                ),
            )
            continue
        yield _decode(name, raw, cap)


def parse_s3(url: str) -> tuple[str, str]:
    rest = url[len("s3://") :]
    bucket, _sep, prefix = rest.partition("/")
    return bucket, prefix


def read_s3(
    url: str,
    *,
    profile: str | None = None,
    endpoint_url: str | None = None,
    cap: int = MAX_BYTES,
    client: Any = None,
) -> Iterator[Batch]:
    """Every object under ``s3://BUCKET/PREFIX``, listed then fetched one by one."""
    from botocore.exceptions import BotoCoreError, ClientError

    bucket, prefix = parse_s3(url)
    if client is None:
        import boto3

        client = boto3.Session(profile_name=profile).client("s3", endpoint_url=endpoint_url)
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    for page in pages:
        for obj in page.get("Contents", []):
            key = obj["Key"]
            name = f"s3://{bucket}/{key}"
            size = int(obj.get("Size", 0))
            if key.endswith("/"):
                continue
            if size > cap:
                yield Batch(name, size, [], _too_big(name, cap))
                continue
            try:
                raw = client.get_object(Bucket=bucket, Key=key)["Body"].read()
            except (ClientError, BotoCoreError) as exc:
                yield Batch(
                    name,
                    size,
                    [],
                    _("{file}: cannot be read ({reason}); skipped.").format(file=name, reason=exc),
                )
                continue
            yield _decode(name, raw, cap)


Reader = Callable[[], Iterator[Batch]]
