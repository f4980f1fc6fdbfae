"""The audit as a whole on the moto server: read-only calls only (and only those the documented
policy lists), credentials that cannot be used, throttling, an assumed role, the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError
from typer.testing import CliRunner

from mailwarden.cli.main import app
from mailwarden.cloud.audit import actions, policy_document, run_audit
from mailwarden.cloud.model import Status
from mailwarden.cloud.session import CloudCredentialsError, open_context
from tests.cloud.conftest import REGION, MotoAccount, stub_operation

ROOT = Path(__file__).resolve().parents[2]
READ_ONLY = re.compile(r"^(Get|List|Describe)[A-Z]|^GenerateCredentialReport$")


def _account_details(ctx: Any, region: str = REGION) -> None:
    stub_operation(
        ctx.client("sesv2", region),
        "GetAccount",
        {
            "SendingEnabled": True,
            "ProductionAccessEnabled": True,
            "EnforcementStatus": "HEALTHY",
            "SendQuota": {"Max24HourSend": 50000.0, "MaxSendRate": 14.0, "SentLast24Hours": 120.0},
        },
    )


def _seed(aws: MotoAccount) -> None:
    iam = aws.client("iam")
    iam.create_user(UserName="ses-smtp-user.20240101")
    iam.create_access_key(UserName="ses-smtp-user.20240101")
    iam.put_user_policy(
        UserName="ses-smtp-user.20240101",
        PolicyName="AmazonSesSendingAccess",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "ses:SendRawEmail", "Resource": "*"}],
            }
        ),
    )
    ses = aws.client("sesv2")
    ses.create_email_identity(EmailIdentity="example.jp")
    aws.client("sns").create_topic(Name="ses-bounces")


def test_the_audit_calls_only_read_only_actions_and_only_those_documented(aws: MotoAccount) -> None:
    _seed(aws)
    ctx = aws.context()
    _account_details(ctx)
    report = run_audit(ctx, domains=False)
    assert report.account_id == "123456789012"
    called = set(report.actions)
    assert called, "the audit made no call"
    for action in called:
        assert READ_ONLY.match(action.split(":", 1)[1]), f"{action} is not a read-only call"
    allowed = set(actions())
    assert called <= allowed, f"called but not in the documented policy: {sorted(called - allowed)}"
    # every area asked something
    assert {a.split(":")[0] for a in called} >= {"iam", "ses", "cloudtrail", "guardduty", "sts"}


def test_the_documented_policy_is_the_one_the_audit_needs() -> None:
    doc = (ROOT / "docs" / "cloud.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- policy -->\n```json\n(.*?)\n```", doc, re.S)
    assert block, "docs/cloud.md has no policy block"
    assert json.loads(block.group(1)) == policy_document()
    statement = policy_document()["Statement"][0]
    assert statement["Effect"] == "Allow" and all(
        READ_ONLY.match(a.split(":")[1]) for a in statement["Action"]
    )


def test_every_check_is_reported_pass_fail_or_undetermined(aws: MotoAccount) -> None:
    _seed(aws)
    ctx = aws.context()
    _account_details(ctx)
    report = run_audit(ctx, domains=False)
    from mailwarden.cloud import codes

    audit_codes = set(codes.AUDIT_CODES)
    assert {c.check for c in report.checks} == audit_codes
    assert sum(report.counts().values()) == len(audit_codes)
    # --no-domains: the alignment checks are undetermined, never passing
    status = {c.check: c.status for c in report.checks}
    assert status["cloud.ses-domain-unaligned"] is Status.UNDETERMINED


def test_refused_calls_make_checks_undetermined_never_passing(aws: MotoAccount) -> None:
    _seed(aws)
    ctx = aws.context()
    _account_details(ctx)

    def deny(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "AccessDenied", "Message": "not authorised"}}, "Any")

    for service in ("iam", "cloudtrail", "guardduty", "securityhub", "cloudwatch", "sns"):
        ctx.client(service).meta.events.register(
            f"before-call.{ctx.client(service).meta.service_model.service_name}", deny
        )
    report = run_audit(ctx, domains=False)
    status = {c.check: c for c in report.checks}
    for code in (
        "cloud.iam-root-access-key",
        "cloud.iam-access-key-old",
        "cloud.trail-multi-region",
        "cloud.guardduty-off",
    ):
        assert status[code].status is Status.UNDETERMINED, code
        assert any("AccessDenied" in why for why in status[code].undetermined)


def test_expired_credentials_stop_the_audit_with_a_clear_error(aws: MotoAccount) -> None:
    ctx = aws.context()

    def expired(**_: Any) -> None:
        raise ClientError(
            {
                "Error": {
                    "Code": "ExpiredToken",
                    "Message": "The security token included in the request is expired",
                }
            },
            "Any",
        )

    ctx.client("iam").meta.events.register("before-call.iam", expired)
    with pytest.raises(CloudCredentialsError, match="ExpiredToken"):
        run_audit(ctx, domains=False)


def test_throttled_calls_are_retried(aws: MotoAccount) -> None:
    _seed(aws)
    ctx = aws.context()
    _account_details(ctx)
    throttled: list[str] = []

    def throttle(request: Any, **_: Any) -> AWSResponse | None:
        # the first two answers to GetAccountAuthorizationDetails are 400 Throttling, as IAM sends them
        sent = request.body or b""
        sent = sent.encode() if isinstance(sent, str) else bytes(sent)
        if b"GetAccountAuthorizationDetails" in sent and len(throttled) < 2:
            throttled.append("x")
            body = (
                b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                b"<Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>"
            )
            return AWSResponse(request.url, 400, {}, _Raw(body))
        return None

    ctx.client("iam").meta.events.register("before-send.iam", throttle)
    report = run_audit(ctx, domains=False)
    assert len(throttled) == 2
    status = {c.check: c for c in report.checks}
    assert status["cloud.iam-policy-admin"].status is not Status.UNDETERMINED


class _Raw:
    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Any:
        yield self.body

    def read(self) -> bytes:
        return self.body


def test_a_role_is_assumed_from_the_credential_chain(aws: MotoAccount) -> None:
    iam = aws.client("iam")
    role = iam.create_role(
        RoleName="mailwarden-audit",
        AssumeRolePolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}],
            }
        ),
    )["Role"]["Arn"]
    ctx = open_context(role_arn=role, regions=[REGION], endpoint_url=aws.endpoint)
    assert ctx.account_id == "123456789012"
    assert [c.action for c in ctx.calls][:2] == ["sts:AssumeRole", "sts:GetCallerIdentity"]


def test_the_cli_without_credentials_says_so_and_exits_2(
    aws: MotoAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    result = CliRunner().invoke(
        app, ["cloud", "audit", "--endpoint-url", aws.endpoint, "--no-domains", "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "credentials" in result.output.lower()
    assert "Traceback" not in result.output


def test_an_unknown_profile_is_a_clear_error(aws: MotoAccount) -> None:
    result = CliRunner().invoke(
        app, ["cloud", "audit", "--profile", "nobody", "--endpoint-url", aws.endpoint, "--lang", "en"]
    )
    assert result.exit_code == 2 and "nobody" in result.output


def test_the_cli_json_report(aws: MotoAccount) -> None:
    _seed(aws)
    result = CliRunner().invoke(
        app,
        [
            "cloud",
            "audit",
            "--endpoint-url",
            aws.endpoint,
            "--region",
            REGION,
            "--no-domains",
            "--format",
            "json",
        ],
    )
    # GetAccount is not served by moto: that check is undetermined (exit 3 wins over 1)
    assert result.exit_code == 3, result.output
    data = json.loads(result.output)
    assert data["account_id"] == "123456789012" and data["regions"] == [REGION]
    failing = {c["check"] for c in data["checks"] if c["status"] == "fail"}
    assert "cloud.ses-smtp-unrestricted" in failing
    assert all(c["status"] in ("pass", "fail", "undetermined") for c in data["checks"])


def test_the_generated_cloud_docs_are_current() -> None:
    """docs/cloud-checks*.md come from the registry (make docs)."""
    import subprocess
    import sys

    mw = str(Path(sys.executable).with_name("mailwarden"))
    for lang, name in (("en", "cloud-checks.md"), ("ja", "cloud-checks.ja.md")):
        made = subprocess.run(
            [mw, "cloud", "checks", "--format", "markdown", "--lang", lang],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == made, f"run make docs ({name})"
