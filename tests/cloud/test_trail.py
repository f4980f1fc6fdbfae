"""cloud trail: each SES abuse pattern found with its params, and not in its benign twin."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from mailwarden.cloud.trail import Rules, TrailResult, analyse_sources

from ._trail_support import at, noise, record, user_arn, write

SES = "ses.amazonaws.com"
IAM = "iam.amazonaws.com"
COMMON = {"event_time", "event_name", "source_ip", "region", "principal"}


def run(tmp_path: Path, records: list[dict[str, Any]], rules: Rules | None = None, **kw: Any) -> TrailResult:
    write(tmp_path / "AWSLogs" / "a.json.gz", records)
    return analyse_sources([str(tmp_path)], rules, **kw)


def codes(result: TrailResult, code: str) -> list[Any]:
    found = [f for f in result.findings if f.code == code]
    for f in found:
        assert set(f.params) >= COMMON
        assert f.subject
    return found


def test_access_key_for_ses_user(tmp_path: Path) -> None:
    recs = [
        *noise(3, user="admin", key="AKIAADMIN00000000001"),
        record(
            at(2),
            IAM,
            "CreateAccessKey",
            user="admin",
            key="AKIAADMIN00000000001",
            request={"userName": "ses-smtp-user.20261101"},
            response={
                "accessKey": {"accessKeyId": "AKIANEWKEY000000001", "userName": "ses-smtp-user.20261101"}
            },
        ),
        record(
            at(2.1),
            IAM,
            "CreateUser",
            user="admin",
            key="AKIAADMIN00000000001",
            request={"userName": "ses-smtp-user.x"},
        ),
        record(
            at(2.2),
            IAM,
            "CreateAccessKey",
            user="mailer",
            key="AKIAMAILER0000000001",
            request={"userName": "mailer"},
        ),
        record(
            at(2.3),
            IAM,
            "CreateAccessKey",
            user="admin",
            key="AKIAADMIN00000000001",
            request={"userName": "relay"},
        ),
    ]
    r = run(tmp_path, recs, Rules(ses_users=("mailer",)))
    found = codes(r, "cloud.trail-ses-access-key")
    by_user = {f.params["user"]: f for f in found}
    assert by_user["ses-smtp-user.20261101"].params["new_key_id"] == "AKIANEWKEY000000001"
    assert by_user["ses-smtp-user.20261101"].subject == user_arn("admin")
    assert str(by_user["ses-smtp-user.20261101"].severity) == "error"
    assert by_user["mailer"].params["reason"] == "ses_user"  # listed, even by itself
    assert by_user["relay"].params["reason"] == "other_principal"
    assert str(by_user["relay"].severity) == "warning"
    assert [f.params["user"] for f in codes(r, "cloud.trail-ses-user-created")] == ["ses-smtp-user.x"]


def test_access_key_benign(tmp_path: Path) -> None:
    recs = [*noise(2), record(at(1), IAM, "CreateAccessKey", request={"userName": "app"})]
    r = run(tmp_path, recs)
    assert not codes(r, "cloud.trail-ses-access-key")


def test_sending_policy_identity_quota(tmp_path: Path) -> None:
    recs = [
        *noise(2),
        record(at(1), SES, "UpdateAccountSendingEnabled", request={"enabled": True}),
        record(
            at(1.1), SES, "PutAccountSendingAttributes", request={"sendingEnabled": False}, region="us-east-1"
        ),
        record(
            at(1.2),
            SES,
            "PutIdentityPolicy",
            request={"identity": "example.com", "policyName": "p1", "policy": "{}"},
        ),
        record(
            at(1.3),
            SES,
            "CreateEmailIdentityPolicy",
            request={"emailIdentity": "example.com", "policyName": "p2"},
        ),
        record(at(1.4), SES, "VerifyDomainIdentity", request={"domain": "evil.example"}),
        record(at(1.5), SES, "CreateEmailIdentity", request={"emailIdentity": "x@mail.example.com"}),
        record(at(1.6), SES, "VerifyEmailIdentity", request={"emailAddress": "spam@evil.example"}),
        record(
            at(1.7),
            SES,
            "PutAccountDetails",
            request={"productionAccessEnabled": True, "mailType": "MARKETING"},
        ),
        record(
            at(1.8),
            "servicequotas.amazonaws.com",
            "RequestServiceQuotaIncrease",
            request={"serviceCode": "ses", "quotaCode": "L-804C8AE8", "desiredValue": 1000000.0},
        ),
        record(
            at(1.9),
            "servicequotas.amazonaws.com",
            "RequestServiceQuotaIncrease",
            request={"serviceCode": "ec2"},
        ),
        record(
            at(1.95), SES, "VerifyDomainIdentity", request={"domain": "evil2.example"}, error="AccessDenied"
        ),
    ]
    r = run(tmp_path, recs, Rules(known_domains=("example.com",)))
    states = {
        (f.params["state"], f.params["region"], str(f.severity)) for f in codes(r, "cloud.trail-ses-sending")
    }
    assert states == {("on", "ap-northeast-1", "warning"), ("off", "us-east-1", "notice")}
    pol = codes(r, "cloud.trail-ses-identity-policy")
    assert {(f.params["identity"], f.params["policy_name"]) for f in pol} == {
        ("example.com", "p1"),
        ("example.com", "p2"),
    }
    ident = codes(r, "cloud.trail-ses-identity")
    assert sorted(f.params["identity"] for f in ident) == [
        "evil.example",
        "spam@evil.example",
    ]  # known domain's twin not
    assert all(str(f.severity) == "warning" for f in ident)
    quota = codes(r, "cloud.trail-ses-quota-request")
    assert [(f.params["request"], f.params["quota_code"]) for f in quota] == [
        ("production access", "-"),
        ("quota increase", "L-804C8AE8"),
    ]
    assert quota[1].params["desired_value"] == "1000000.0"


def test_identity_without_known_domains_is_notice(tmp_path: Path) -> None:
    r = run(
        tmp_path, [*noise(1), record(at(0.5), SES, "VerifyDomainIdentity", request={"domain": "example.com"})]
    )
    [f] = codes(r, "cloud.trail-ses-identity")
    assert str(f.severity) == "notice" and f.params["known"] == "-"


def test_new_network(tmp_path: Path) -> None:
    recs = [
        *noise(5),
        record(at(0.5), SES, "ListIdentities", ip="203.0.113.99"),  # same /16 in the baseline: not new
        record(at(3), SES, "ListIdentities", ip="198.51.100.7"),
        record(at(3.1), IAM, "ListUsers", ip="198.51.100.8"),  # same network: once
        record(at(3.2), "ec2.amazonaws.com", "DescribeRegions", ip="192.0.2.1"),  # not SES/IAM
        record(at(3.3), SES, "ListIdentities", ip="ses.amazonaws.com"),  # a service, not a network
    ]
    r = run(tmp_path, recs)
    [f] = codes(r, "cloud.trail-new-network")
    assert f.params["network"] == "198.51.0.0/16"
    assert f.params["source_ip"] == "198.51.100.7"
    assert f.params["event_name"] == "ListIdentities"
    assert f.params["baseline"] == "203.0.0.0/16"
    assert f.subject == user_arn("app")


def test_new_network_with_ip_db(tmp_path: Path) -> None:
    db = tmp_path / "ip2asn-v4.tsv.gz"
    db.write_bytes(
        gzip.compress(
            b"203.0.113.0\t203.0.113.255\t64500\tJP\tEXAMPLE-JP\n"
            b"198.51.100.0\t198.51.100.255\t64501\tRU\tEXAMPLE-RU\n"
            b"203.0.114.0\t203.0.114.255\t64500\tJP\tEXAMPLE-JP\n"
        )
    )
    from mailwarden.cloud.trail import IpDb

    recs = [
        *noise(3),
        record(at(2), IAM, "ListUsers", ip="203.0.114.5"),  # same ASN and country
        record(at(2.5), IAM, "CreateUser", request={"userName": "x"}, ip="198.51.100.9"),
    ]
    logs = tmp_path / "logs"
    write(logs / "f.json.gz", recs)
    r = analyse_sources([str(logs)], ip_db=IpDb.load(db))
    [f] = codes(r, "cloud.trail-new-network")
    assert (f.params["asn"], f.params["country"], f.params["network"]) == ("64501", "RU", "AS64501 RU")


def test_probe(tmp_path: Path) -> None:
    recs = (
        noise(3)
        + noise(3, user="thief", key="AKIATHIEF00000000001")
        + [
            record(at(2), SES, "GetSendQuota", user="thief", key="AKIATHIEF00000000001", region="us-east-1"),
            record(
                at(2, 4), SES, "GetSendQuota", user="thief", key="AKIATHIEF00000000001", region="eu-west-1"
            ),
            record(
                at(2, 5), SES, "GetAccount", user="thief", key="AKIATHIEF00000000001", error="AccessDenied"
            ),
            record(at(2.5), SES, "GetSendStatistics", user="app", ip="198.51.100.4"),
        ]
    )
    r = run(tmp_path, recs)
    found = {(f.params["reason"], f.params["principal"]) for f in codes(r, "cloud.trail-ses-probe")}
    assert found == {
        ("regions", user_arn("thief")),
        ("denied", user_arn("thief")),
        ("new_network", user_arn("app")),
    }
    regions = next(f for f in r.findings if f.params.get("reason") == "regions").params["regions"]
    assert regions == "eu-west-1, us-east-1"


def test_probe_benign(tmp_path: Path) -> None:
    recs = noise(3) + [record(at(d), SES, "GetSendQuota") for d in (0.2, 1, 2)]
    r = run(tmp_path, recs)
    assert not codes(r, "cloud.trail-ses-probe")
    # two Regions, 11 minutes apart: not within 10 minutes
    recs2 = [
        *noise(3),
        record(at(1), SES, "GetSendQuota"),
        record(at(1, 11), SES, "GetSendQuota", region="us-west-2"),
    ]
    assert not codes(run(tmp_path / "b", recs2), "cloud.trail-ses-probe")


def test_dormant_key(tmp_path: Path) -> None:
    old = noise(2, user="old", key="AKIAOLDKEY0000000001")
    late = record(at(45), SES, "SendRawEmail", user="old", key="AKIAOLDKEY0000000001", ip="203.0.113.10")
    temp = [
        record(at(d), "s3.amazonaws.com", "ListBuckets", user="t", key="ASIATEMP000000000001")
        for d in (0, 60)
    ]
    r = run(tmp_path, [*old, late, *temp, *noise(60)])
    [f] = codes(r, "cloud.trail-dormant-key")
    assert f.params["access_key_id"] == "AKIAOLDKEY0000000001"
    assert f.params["gap_days"] == 44
    assert f.params["event_time"] == at(45)
    assert f.params["arn"] == user_arn("old")
    assert f.params["last_used"] == at(1)[:10]
    assert f.subject == "AKIAOLDKEY0000000001"
    # the daily key (noise(60)) and a silence shorter than --silence-days are not reported
    assert not codes(run(tmp_path / "b", [*old, late], Rules(silence_days=50)), "cloud.trail-dormant-key")


def test_order_does_not_matter(tmp_path: Path) -> None:
    recs = [
        *noise(5),
        record(at(3), SES, "ListIdentities", ip="198.51.100.7"),
        record(at(4), SES, "GetSendQuota", region="us-east-1", ip="198.51.100.7"),
        record(at(4, 1), SES, "GetSendQuota", region="eu-west-1", ip="198.51.100.7"),
    ]
    a = tmp_path / "a"
    write(a / "1.json.gz", recs[: len(recs) // 2])
    write(a / "2.json.gz", recs[len(recs) // 2 :])
    b = tmp_path / "b"
    write(b / "1.json.gz", list(reversed(recs[len(recs) // 2 :])))
    write(b / "2.json.gz", list(reversed(recs[: len(recs) // 2])))
    ra, rb = analyse_sources([str(a)]), analyse_sources([str(b)])
    assert ra.findings and [f.to_dict() for f in ra.findings] == [f.to_dict() for f in rb.findings]
    assert ra.counts == {"cloud.trail-new-network": 1, "cloud.trail-ses-probe": 2}


def test_unusual_records_read_one_by_one_with_the_same_answer(tmp_path: Path) -> None:
    """A file whose records all have the usual shape is decoded straight into the fields the
    rules read; one odd record sends the whole file down the record-by-record path. Both must
    give the same findings, and the odd records are counted, not fatal."""
    recs = [
        *noise(5, user="admin", key="AKIAADMIN00000000001"),
        record(
            at(2),
            IAM,
            "CreateAccessKey",
            user="admin",
            key="AKIAADMIN00000000001",
            request={"userName": "ses-smtp-user.1"},
            response={"accessKey": {"accessKeyId": "AKIANEWKEY000000001", "userName": "ses-smtp-user.1"}},
        ),
        record(at(3), SES, "GetSendQuota", region="us-east-1", ip="198.51.100.7"),
        record(at(3, 1), SES, "GetSendQuota", region="eu-west-1", ip="198.51.100.7"),
        record(at(4), SES, "VerifyDomainIdentity", request={"domain": "evil.example"}),
    ]
    usual = run(tmp_path / "usual", recs)
    admin = {"user": "admin", "key": "AKIAADMIN00000000001"}
    odd: list[Any] = [
        {**record(at(0, 5), SES, "GetSendQuota", **admin), "eventName": ["GetSendQuota"]},  # not a name
        {**record(at(0, 5), SES, "GetSendQuota", **admin), "eventTime": 1_700_000_000},  # not ISO text
        "text",
        {**record(at(0, 5), "s3.amazonaws.com", "ListBuckets", **admin), "sourceIPAddress": 3405803786},
    ]
    unusual = run(tmp_path / "unusual", [*recs, *odd])
    assert usual.counts.get("cloud.trail-ses-access-key") == 1
    assert usual.counts.get("cloud.trail-ses-identity") == 1
    assert [f.to_dict() for f in unusual.findings] == [f.to_dict() for f in usual.findings]
    assert unusual.events == usual.events + 1  # the record with a numeric address is read
    assert any("3 records without" in note for note in unusual.skipped)
    assert not usual.skipped
