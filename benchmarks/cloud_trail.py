"""Benchmark: ``mailwarden cloud trail`` over realistic CloudTrail log files.

    .venv/bin/python benchmarks/cloud_trail.py [--events 1000000] [--per-file 5000] [--profile]

Generates ``--events`` records (deterministic seed) as AWS writes them — gzip JSON
``{"Records": [...]}``, ~1–1.5 KB a record, ``AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/``
files of ``--per-file`` records over 30 days — into a temporary directory: mostly ordinary EC2,
S3, STS, KMS and IAM read calls by 300 principals (IAM users with long-term keys and assumed
roles) from their usual addresses, a sprinkle of SES calls, and a few planted abuse patterns.

Timed: (a) ``mailwarden cloud trail DIR --format json`` end to end as a user runs it (a child
process: start-up, reading, output); (b) the analysis alone (``analyse_sources`` in this
process). Prints events/s and MB/s (compressed and uncompressed) for both, by wall time and by
CPU time (the second is what one core does when other work shares the machine); ``--profile`` adds
the top of a cProfile of (b).

Importable: :func:`run` returns the figures (``benchmarks/cloud_audit.py`` calls it).

Target from issue 20: ≥ 100,000 events/s on one core."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
ACCOUNT = "123456789012"
REGIONS = ["ap-northeast-1", "us-east-1", "eu-west-1", "us-west-2"]
ORDINARY = [
    ("ec2.amazonaws.com", "DescribeInstances", {"instancesSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeVolumes", {"volumeSet": {}, "maxResults": 500}),
    ("s3.amazonaws.com", "ListBuckets", {"Host": "s3.amazonaws.com"}),
    ("s3.amazonaws.com", "GetBucketLocation", {"bucketName": "app-data-bucket", "location": ""}),
    ("sts.amazonaws.com", "GetCallerIdentity", None),
    ("kms.amazonaws.com", "Decrypt", {"encryptionAlgorithm": "SYMMETRIC_DEFAULT"}),
    ("kms.amazonaws.com", "GenerateDataKey", {"keySpec": "AES_256", "keyId": "alias/app"}),
    ("iam.amazonaws.com", "GetUser", None),
    ("iam.amazonaws.com", "ListRoles", {"maxItems": 100}),
    ("logs.amazonaws.com", "DescribeLogGroups", {"limit": 50}),
    ("cloudwatch.amazonaws.com", "GetMetricData", {"startTime": "x", "endTime": "y"}),
]
SES_CALLS = [
    ("ses.amazonaws.com", "GetSendQuota", None),
    ("ses.amazonaws.com", "ListIdentities", {"identityType": "Domain", "maxItems": 100}),
    ("ses.amazonaws.com", "GetAccount", None),
]
AGENTS = [
    "aws-sdk-java/2.25.31 Linux/5.10.219-208.866.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS "
    "Java/17.0.11 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_FARGATE io/sync http/Apache "
    "cfg/retry-mode/legacy",
    "Boto3/1.34.100 md/Botocore#1.34.100 ua/2.0 os/linux#5.10.219 md/arch#x86_64 lang/python#3.11.9 "
    "md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.100",
    "aws-cli/2.15.40 Python/3.11.8 Linux/6.1.84 exe/x86_64.amzn.2023 prompt/off "
    "command/ec2.describe-instances",
]


def _principals(rng: random.Random, n: int = 300) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        first = rng.choice([203, 198, 54, 13, 35])
        ip = f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
        if i % 3 == 0:
            name = f"svc-{i:03d}"
            key = f"AKIA{i:016d}"
            ident = {
                "type": "IAMUser",
                "principalId": f"AIDA{i:017d}",
                "arn": f"arn:aws:iam::{ACCOUNT}:user/{name}",
                "accountId": ACCOUNT,
                "accessKeyId": key,
                "userName": name,
            }
        else:
            role = f"app-role-{i:03d}"
            ident = {
                "type": "AssumedRole",
                "principalId": f"AROA{i:017d}:session-{i}",
                "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/session-{i}",
                "accountId": ACCOUNT,
                "accessKeyId": f"ASIA{i:016d}",
                "sessionContext": {
                    "sessionIssuer": {
                        "type": "Role",
                        "principalId": f"AROA{i:017d}",
                        "arn": f"arn:aws:iam::{ACCOUNT}:role/{role}",
                        "accountId": ACCOUNT,
                        "userName": role,
                    },
                    "attributes": {"creationDate": "2026-11-01T00:00:00Z", "mfaAuthenticated": "false"},
                },
            }
        out.append({"ident": ident, "ip": ip, "agent": AGENTS[i % len(AGENTS)]})
    return out


def _record(
    rng: random.Random, p: dict[str, Any], t: float, call: tuple[str, str, Any], region: str
) -> dict[str, Any]:
    source, name, req = call
    eid = f"{rng.getrandbits(128):032x}"
    return {
        "eventVersion": "1.09",
        "userIdentity": p["ident"],
        "eventTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)),
        "eventSource": source,
        "eventName": name,
        "awsRegion": region,
        "sourceIPAddress": p["ip"],
        "userAgent": p["agent"],
        "requestParameters": req,
        "responseElements": None,
        "requestID": f"{eid[:8]}-{eid[8:12]}-{eid[12:16]}-{eid[16:20]}-{eid[20:]}",
        "eventID": f"{eid[1:9]}-{eid[9:13]}-{eid[13:17]}-{eid[17:21]}-{eid[20:]}a",
        "readOnly": True,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
        "tlsDetails": {
            "tlsVersion": "TLSv1.3",
            "cipherSuite": "TLS_AES_128_GCM_SHA256",
            "clientProvidedHostHeader": f"{source.split('.')[0]}.{region}.amazonaws.com",
        },
    }


def generate(directory: Path, events: int, per_file: int = 5000, seed: int = 20) -> dict[str, int]:
    """Write ``events`` records into ``directory``; returns file count and byte sizes."""
    rng = random.Random(seed)
    principals = _principals(rng)
    start = 1_793_491_200.0  # 2026-11-01T00:00:00Z
    span = 30 * 86400
    files = raw = packed = 0
    for f0 in range(0, events, per_file):
        n = min(per_file, events - f0)
        region = REGIONS[(f0 // per_file) % len(REGIONS)]
        t0 = start + span * f0 / events
        t1 = start + span * (f0 + n) / events
        recs = []
        for _ in range(n):
            p = principals[int(rng.paretovariate(1.2)) % len(principals)]
            call = rng.choice(SES_CALLS) if rng.random() < 0.005 else rng.choice(ORDINARY)
            recs.append(_record(rng, p, rng.uniform(t0, t1), call, region))
        if f0 == per_file * (
            events // per_file // 2
        ):  # planted: a key for an SES SMTP user, from a new network
            thief = dict(principals[1], ip="185.220.101.7")
            rec = _record(
                rng,
                thief,
                t1,
                ("iam.amazonaws.com", "CreateAccessKey", {"userName": "ses-smtp-user.x"}),
                region,
            )
            recs.append(rec)
        recs.sort(key=lambda r: r["eventTime"])
        day = time.strftime("%Y/%m/%d", time.gmtime(t0))
        stamp = time.strftime("%Y%m%dT%H%MZ", time.gmtime(t0))
        out = directory / "AWSLogs" / ACCOUNT / "CloudTrail" / region / day
        out.mkdir(parents=True, exist_ok=True)
        data = orjson.dumps({"Records": recs})
        gz = gzip.compress(data, compresslevel=6)
        (out / f"{ACCOUNT}_CloudTrail_{region}_{stamp}_{files:06d}.json.gz").write_bytes(gz)
        files += 1
        raw += len(data)
        packed += len(gz)
    return {"files": files, "raw_bytes": raw, "gz_bytes": packed}


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished children: the command's use of one core,
    which a busy machine does not inflate as it does wall time."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run(events: int, per_file: int = 5000, profile: bool = False) -> dict[str, Any]:
    """Generate, then time the CLI end to end and the analysis alone; the figures."""
    from mailwarden.cloud.trail import analyse_sources

    with tempfile.TemporaryDirectory(prefix="trail-bench-") as tmp:
        d = Path(tmp)
        t = time.perf_counter()
        sizes = generate(d, events, per_file)
        gen_s = time.perf_counter() - t
        exe = [sys.executable, "-m", "mailwarden", "cloud", "trail", str(d), "--format", "json"]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        t = time.perf_counter()
        c = _children_cpu()
        proc = subprocess.run(exe, capture_output=True, env=env, check=False)
        cli_s = time.perf_counter() - t
        cli_cpu = _children_cpu() - c
        if proc.returncode not in (0, 1):
            raise RuntimeError(
                f"mailwarden cloud trail exited {proc.returncode}: {proc.stderr.decode()[-2000:]}"
            )
        cli_doc = json.loads(proc.stdout)
        t = time.perf_counter()
        c = time.process_time()
        if profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            result = prof.runcall(analyse_sources, [str(d)])
            pstats.Stats(prof).sort_stats("tottime").print_stats(15)
        else:
            result = analyse_sources([str(d)])
        analysis_s = time.perf_counter() - t
        analysis_cpu = time.process_time() - c
    ev = result.events
    return {
        "events": ev,
        "files": sizes["files"],
        "bytes_per_event": round(sizes["raw_bytes"] / max(ev, 1)),
        "gz_mb": round(sizes["gz_bytes"] / 1e6, 1),
        "raw_mb": round(sizes["raw_bytes"] / 1e6, 1),
        "generate_s": round(gen_s, 2),
        "cli_s": round(cli_s, 2),
        "cli_events_per_s": round(cli_doc["events"] / cli_s),
        "cli_raw_mb_per_s": round(sizes["raw_bytes"] / 1e6 / cli_s, 1),
        "cli_cpu_s": round(cli_cpu, 2),
        "cli_events_per_cpu_s": round(cli_doc["events"] / cli_cpu),
        "analysis_s": round(analysis_s, 2),
        "analysis_events_per_s": round(ev / analysis_s),
        "analysis_raw_mb_per_s": round(sizes["raw_bytes"] / 1e6 / analysis_s, 1),
        "analysis_gz_mb_per_s": round(sizes["gz_bytes"] / 1e6 / analysis_s, 1),
        "analysis_cpu_s": round(analysis_cpu, 2),
        "analysis_events_per_cpu_s": round(ev / analysis_cpu),
        "findings": result.counts,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--per-file", type=int, default=5000)
    ap.add_argument("--profile", action="store_true", help="cProfile the analysis")
    args = ap.parse_args()
    figures = run(args.events, args.per_file, args.profile)
    for key, value in figures.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
