"""cloud trail: sources (plain and gzip files, directories, S3 on moto), bad input, the CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import orjson
from typer.testing import CliRunner

from mailwarden.cli.main import app
from mailwarden.cloud.trail import analyse_sources

from ._trail_support import at, noise, record, write

SES = "ses.amazonaws.com"


def planted() -> list[dict[str, Any]]:
    return [*noise(2), record(at(1), SES, "VerifyDomainIdentity", request={"domain": "evil.example"})]


def test_plain_json_and_nested_dirs(tmp_path: Path) -> None:
    recs = planted()
    write(
        tmp_path / "AWSLogs" / "123" / "CloudTrail" / "ap-northeast-1" / "2026" / "a.json", recs[:3], gz=False
    )
    write(tmp_path / "AWSLogs" / "123" / "CloudTrail" / "us-east-1" / "b.json.gz", recs[3:])
    r = analyse_sources([str(tmp_path)])
    assert r.files == 2 and r.events == len(recs) and not r.skipped
    assert r.counts == {"cloud.trail-ses-identity": 1}


def test_bad_input_noted_others_read(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    write(logs / "good.json.gz", planted())
    whole = gzip.compress(orjson.dumps({"Records": planted()}))
    (logs / "truncated.json.gz").write_bytes(whole[: len(whole) // 2])
    (logs / "notjson.json").write_bytes(b"<html>not json</html>")
    (logs / "norecords.json").write_bytes(b'{"foo": 1}')
    broken = [{"eventName": "X"}, "text", {**record(at(1), SES, "GetSendQuota"), "userIdentity": None}]
    write(logs / "missing.json.gz", [*broken, record(at(1), "s3.amazonaws.com", "ListBuckets")])
    r = analyse_sources([str(logs)])
    assert r.files == 5
    notes = "\n".join(r.skipped)
    assert "truncated.json.gz: not a whole gzip file" in notes
    assert "notjson.json: not JSON" in notes
    assert "norecords.json: no CloudTrail Records list" in notes
    assert "missing.json.gz: 3 records without" in notes
    assert r.counts == {"cloud.trail-ses-identity": 1}
    assert r.events == len(planted()) + 1


def test_size_cap(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    write(logs / "big.json.gz", noise(40))  # ~160 records: far over a 4 kB cap once inflated
    write(logs / "big.json", noise(40), gz=False)
    write(logs / "small.json.gz", planted()[-1:])
    r = analyse_sources([str(logs)], cap=4096)
    assert sum("larger than" in n for n in r.skipped) == 2
    assert r.counts == {"cloud.trail-ses-identity": 1}


def test_s3_source(aws: Any, tmp_path: Path) -> None:
    s3 = aws.client("s3", "us-east-1")
    s3.create_bucket(Bucket="trail-logs")
    recs = planted()
    prefix = "AWSLogs/123456789012/CloudTrail/ap-northeast-1/2026/11/01/"
    s3.put_object(
        Bucket="trail-logs", Key=prefix + "a.json.gz", Body=gzip.compress(orjson.dumps({"Records": recs[:4]}))
    )
    s3.put_object(
        Bucket="trail-logs", Key=prefix + "b.json.gz", Body=gzip.compress(orjson.dumps({"Records": recs[4:]}))
    )
    s3.put_object(Bucket="trail-logs", Key=prefix + "c.json.gz", Body=b"\x1f\x8b\x08garbage")
    s3.put_object(Bucket="trail-logs", Key="other/x.json", Body=b"{}")
    r = analyse_sources(["s3://trail-logs/AWSLogs/"], endpoint_url=aws.endpoint)
    assert r.files == 3 and r.events == len(recs)
    assert r.counts == {"cloud.trail-ses-identity": 1}
    assert [n.split(":")[0] for n in r.skipped] == ["s3"]
    assert "c.json.gz" in r.skipped[0]
    # through the CLI too
    res = CliRunner().invoke(
        app,
        ["cloud", "trail", "s3://trail-logs/AWSLogs/", "--endpoint-url", aws.endpoint, "--format", "json"],
    )
    assert res.exit_code == 3, res.output  # findings (1) and an unreadable file (3): 3
    assert json.loads(res.stdout)["counts"] == {"cloud.trail-ses-identity": 1}
    missing = CliRunner().invoke(
        app, ["cloud", "trail", "s3://no-such-bucket/x", "--endpoint-url", aws.endpoint]
    )
    assert missing.exit_code == 2
    assert "cannot be listed" in " ".join(missing.output.split()) and "Traceback" not in missing.output


def test_cli_json_sarif_table(tmp_path: Path) -> None:
    write(tmp_path / "a.json.gz", planted())
    runner = CliRunner()
    res = runner.invoke(
        app, ["cloud", "trail", str(tmp_path), "--format", "json", "--known-domain", "example.com"]
    )
    assert res.exit_code == 1, res.output
    doc = json.loads(res.stdout)
    assert doc["events"] == len(planted()) and doc["files"] == 1
    [f] = doc["findings"]
    assert f["code"] == "cloud.trail-ses-identity" and f["severity"] == "warning"
    assert f["params"]["domain"] == "evil.example" and "evil.example" in f["detail"]
    res = runner.invoke(app, ["cloud", "trail", str(tmp_path), "--format", "sarif"])
    sarif = json.loads(res.stdout)
    assert sarif["version"] == "2.1.0"
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "cloud.trail-ses-identity" and result["level"] == "note"
    res = runner.invoke(app, ["cloud", "trail", str(tmp_path), "--format", "jsonl"])
    assert [json.loads(line)["code"] for line in res.stdout.splitlines()] == ["cloud.trail-ses-identity"]
    res = runner.invoke(app, ["cloud", "trail", str(tmp_path), "--lang", "ja"])
    assert res.exit_code == 1 and "evil.example" in res.stdout
    res = runner.invoke(app, ["cloud", "trail", str(tmp_path), "--lang", "en"])
    text = " ".join(res.stdout.split())
    assert "SES identity created for an unknown domain: arn:aws:iam::123456789012:user/app created" in text
    assert "aws sesv2 delete-email-identity --email-identity evil.example" in text


def test_cli_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["cloud", "trail", str(tmp_path / "nope")])
    assert res.exit_code == 2 and "no such file or directory" in " ".join(res.output.split())
    bad = tmp_path.parent / f"{tmp_path.name}-db.tsv"
    bad.write_text("nothing here\n")
    res = runner.invoke(app, ["cloud", "trail", str(tmp_path), "--ip-db", str(bad)])
    assert res.exit_code == 2 and "no IP ranges" in " ".join(res.output.split())
    write(tmp_path / "quiet.json.gz", noise(1))
    res = runner.invoke(app, ["cloud", "trail", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["findings"] == []
