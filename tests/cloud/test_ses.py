"""The SES area against moto on loopback: identities (DKIM, MAIL FROM, sending authorisation
policies), the account's sending status and quota, configuration sets, where bounces,
complaints and rejects go, reputation alarms and the SNS topics SES publishes to — each check
failing, passing and undetermined."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mailwarden.cloud import codes, ses
from mailwarden.cloud.model import CheckResult, Scope, Status
from mailwarden.cloud.ses_collect import topic_key
from mailwarden.cloud.ses_policy import outsiders
from mailwarden.core.findings import Severity

from ._ses_support import answer_account, answer_notifications, refuse
from .conftest import ACCOUNT, REGION, MotoAccount

assert codes.DEFS

OTHER = "us-east-1"
OUTSIDER = "999988887777"
SES_CODES = {
    d.code for d in codes.DEFS if d.code.startswith("cloud.ses-") and not d.code.startswith("cloud.ses-smtp-")
} - {
    "cloud.ses-domain-unaligned",
    "cloud.ses-dkim-not-published",
}


def run(ctx: Any) -> tuple[dict[str, CheckResult], Any]:
    facts = ses.collect(ctx)
    scope = Scope(ACCOUNT, tuple(ctx.regions), ctx.now, sending_regions=tuple(ses.sending_regions(facts)))
    results = ses.check(facts, scope)
    assert sorted(r.check for r in results) == sorted(SES_CODES)  # one result per code, always
    return {r.check: r for r in results}, facts


def policy(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def topic(
    aws: MotoAccount, name: str, region: str = REGION, *, public: bool = False, kms: bool = False
) -> str:
    sns = aws.client("sns", region)
    arn: str = sns.create_topic(Name=name)["TopicArn"]
    if public:
        statement = {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "SNS:Subscribe", "Resource": arn}
        sns.set_topic_attributes(TopicArn=arn, AttributeName="Policy", AttributeValue=policy(statement))
    if kms:
        sns.set_topic_attributes(TopicArn=arn, AttributeName="KmsMasterKeyId", AttributeValue="alias/aws/sns")
    return arn


def alarm(aws: MotoAccount, name: str, metric: str, threshold: float, region: str = REGION) -> None:
    aws.client("cloudwatch", region).put_metric_alarm(
        AlarmName=name,
        Namespace="AWS/SES",
        MetricName=metric,
        Statistic="Maximum",
        Period=3600,
        EvaluationPeriods=1,
        Threshold=threshold,
        ComparisonOperator="GreaterThanOrEqualToThreshold",
        AlarmActions=[f"arn:aws:sns:{region}:{ACCOUNT}:alerts"],
    )


def healthy(aws: MotoAccount, region: str = REGION) -> str:
    """A Region where everything is as it should be; returns the events topic's ARN."""
    sesv2, v1 = aws.client("sesv2", region), aws.client("ses", region)
    sesv2.create_email_identity(
        EmailIdentity="mail.example.com", DkimSigningAttributes={"NextSigningKeyLength": "RSA_2048_BIT"}
    )
    v1.set_identity_mail_from_domain(Identity="mail.example.com", MailFromDomain="bounce.mail.example.com")
    own = {
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:role/mailer"},
        "Action": "ses:SendRawEmail",
        "Resource": "*",
    }
    sesv2.create_email_identity_policy(EmailIdentity="mail.example.com", PolicyName="own", Policy=policy(own))
    events = topic(aws, "ses-events", region, kms=True)
    sesv2.create_configuration_set(
        ConfigurationSetName="transactional", DeliveryOptions={"TlsPolicy": "REQUIRE"}
    )
    v1.create_configuration_set_event_destination(  # moto lacks SESv2's call
        ConfigurationSetName="transactional",
        EventDestination={
            "Name": "feedback",
            "Enabled": True,
            "MatchingEventTypes": ["bounce", "complaint", "reject", "delivery"],
            "SNSDestination": {"TopicARN": events},
        },
    )
    alarm(aws, "ses-bounce", "Reputation.BounceRate", 0.04, region)
    alarm(aws, "ses-complaint", "Reputation.ComplaintRate", 0.0008, region)
    return events


def test_a_healthy_region_passes_every_check(aws: MotoAccount) -> None:
    events = healthy(aws)
    ctx = aws.context([REGION])
    answer_account(ctx, REGION, sent=1200)
    answer_notifications(ctx, aws, REGION)
    result, facts = run(ctx)
    for code, r in result.items():
        assert r.status is Status.PASS, (code, r.findings, r.undetermined)
    assert result["cloud.ses-identity-no-dkim"].checked == 1
    assert result["cloud.ses-no-mail-from"].checked == 1
    assert result["cloud.ses-identity-policy-open"].checked == 1
    assert result["cloud.ses-config-set-tls"].checked == 1
    assert result["cloud.ses-topic-unencrypted"].checked == 1  # the events topic was looked at
    assert result["cloud.ses-reputation-alarm-loose"].checked == 2
    assert ses.sending_regions(facts) == [REGION]
    [domain] = ses.domain_identities(facts)
    assert domain == ses.SesDomain(
        domain="mail.example.com",
        region=REGION,
        verified=True,
        dkim_signing=True,
        dkim_origin="AWS_SES",
        dkim_tokens=domain.dkim_tokens,
        mail_from_domain="bounce.mail.example.com",
        mail_from_status="SUCCESS",
    )
    assert facts.get(topic_key(events)) == {
        "Policy": facts.get(topic_key(events))["Policy"],
        "KmsMasterKeyId": "alias/aws/sns",
    }


def failing(aws: MotoAccount) -> dict[str, str]:
    sesv2, v1 = aws.client("sesv2"), aws.client("ses")
    sesv2.create_email_identity(EmailIdentity="news.example.net")  # no DKIM, no MAIL FROM
    sesv2.create_email_identity(EmailIdentity="noreply@news.example.net")
    sesv2.create_email_identity_policy(
        EmailIdentity="news.example.net",
        PolicyName="anyone",
        Policy=policy({"Effect": "Allow", "Principal": "*", "Action": "ses:SendEmail", "Resource": "*"}),
    )
    sesv2.create_email_identity_policy(
        EmailIdentity="news.example.net",
        PolicyName="partner",
        Policy=policy(
            {"Effect": "Allow", "Principal": {"AWS": OUTSIDER}, "Action": "ses:SendEmail", "Resource": "*"}
        ),
    )
    bounces = topic(aws, "ses-bounces", public=True)
    for kind in ("Bounce", "Complaint"):
        v1.set_identity_notification_topic(
            Identity="news.example.net", NotificationType=kind, SnsTopic=bounces
        )
    sesv2.create_configuration_set(
        ConfigurationSetName="marketing", DeliveryOptions={"TlsPolicy": "OPTIONAL"}
    )
    alarm(aws, "ses-bounce-percent", "Reputation.BounceRate", 5)  # 5 means 500%: the metric is a fraction
    return {"bounces": bounces}


def test_a_careless_region_fails_every_check(aws: MotoAccount) -> None:
    made = failing(aws)
    ctx = aws.context([REGION])
    answer_account(
        ctx, REGION, production=False, enforcement="PROBATION", sending=False, max_24h=200, sent=180
    )
    answer_notifications(ctx, aws, REGION)
    result, facts = run(ctx)
    for code, r in result.items():
        assert r.status is Status.FAIL, (code, r.undetermined)
    ident = f"arn:aws:ses:{REGION}:{ACCOUNT}:identity/"
    dkim = {f.subject: f.params for f in result["cloud.ses-identity-no-dkim"].findings}
    assert set(dkim) == {ident + "news.example.net", ident + "noreply@news.example.net"}
    assert dkim[ident + "news.example.net"]["status"] == "NOT_STARTED"
    assert dkim[ident + "noreply@news.example.net"]["kind"] == "email address"
    [mail_from] = result["cloud.ses-no-mail-from"].findings  # the address is not asked
    assert mail_from.params["mail_from"] == "none" and "bounce.news.example.net" in mail_from.remediation
    opened = {f.params["policy"]: f for f in result["cloud.ses-identity-policy-open"].findings}
    assert opened["anyone"].severity is Severity.ERROR and opened["anyone"].params["principals"] == "*"
    assert (
        opened["partner"].severity is Severity.WARNING and opened["partner"].params["principals"] == OUTSIDER
    )
    [enforcement] = result["cloud.ses-enforcement"].findings
    assert (
        enforcement.params["status"] == "PROBATION" and enforcement.subject == f"arn:aws:iam::{ACCOUNT}:root"
    )
    [quota] = result["cloud.ses-quota-near"].findings
    assert (quota.params["sent_24h"], quota.params["max_24h"], quota.params["percent"]) == (180, 200, 90.0)
    assert "200" in result["cloud.ses-sandbox"].findings[0].detail
    [tls] = result["cloud.ses-config-set-tls"].findings
    assert tls.params["tls_policy"] == "OPTIONAL"
    assert "--tls-policy REQUIRE" in tls.remediation and "marketing" in tls.remediation
    [events] = result["cloud.ses-no-event-destination"].findings  # notifications count for two
    assert events.params["missing"] == "REJECT" and events.severity is Severity.NOTICE
    [no_alarm] = result["cloud.ses-no-reputation-alarm"].findings
    assert no_alarm.params["metrics"] == "Reputation.ComplaintRate"
    [loose] = result["cloud.ses-reputation-alarm-loose"].findings
    assert (loose.params["alarm"], loose.params["threshold"]) == ("ses-bounce-percent", 5)
    assert [f.subject for f in result["cloud.ses-topic-public"].findings] == [made["bounces"]]
    assert "news.example.net (Bounce)" in result["cloud.ses-topic-public"].findings[0].params["used_by"]
    assert [f.subject for f in result["cloud.ses-topic-unencrypted"].findings] == [made["bounces"]]
    assert ses.domain_identities(facts)[0].dkim_signing is False
    for r in result.values():  # every text is filled from the finding's params
        for f in r.findings:
            assert "{" not in f.detail and "{region}" not in f.remediation, (f.code, f.detail)
            assert f.params["region"] == REGION and f.params["resource_type"], f.code


def test_event_types_missing_everywhere_are_named(aws: MotoAccount) -> None:
    sesv2 = aws.client("sesv2")
    sesv2.create_email_identity(EmailIdentity="quiet.example.org")
    sesv2.create_configuration_set(ConfigurationSetName="cs")
    aws.client("ses").create_configuration_set_event_destination(
        ConfigurationSetName="cs",
        EventDestination={
            "Name": "off",
            "Enabled": False,  # a disabled destination receives nothing
            "MatchingEventTypes": ["bounce", "complaint", "reject"],
            "SNSDestination": {"TopicARN": topic(aws, "unused")},
        },
    )
    ctx = aws.context([REGION])
    answer_account(ctx, REGION)
    answer_notifications(ctx, aws, REGION)
    result, _ = run(ctx)
    [events] = result["cloud.ses-no-event-destination"].findings
    assert events.params["missing"] == "BOUNCE, COMPLAINT, REJECT" and events.severity is Severity.WARNING
    assert result["cloud.ses-topic-unencrypted"].checked == 0  # a disabled destination's topic is not SES's


def test_get_account_refused_makes_the_account_checks_undetermined(aws: MotoAccount) -> None:
    healthy(aws)
    ctx = aws.context([REGION])
    refuse(ctx, "sesv2", "GetAccount", REGION)
    answer_notifications(ctx, aws, REGION)
    result, facts = run(ctx)
    for code in (
        "cloud.ses-enforcement",
        "cloud.ses-sending-paused",
        "cloud.ses-quota-near",
        "cloud.ses-sandbox",
    ):
        assert result[code].status is Status.UNDETERMINED, code
        assert result[code].undetermined == [f"ses:GetAccount ({REGION}): AccessDenied"]
    # a verified identity still makes the Region a sending one
    assert ses.sending_regions(facts) == [REGION]
    assert result["cloud.ses-no-reputation-alarm"].status is Status.PASS


@pytest.mark.parametrize(
    ("service", "operation", "codes_"),
    [
        ("sesv2", "GetEmailIdentity", ("cloud.ses-identity-no-dkim", "cloud.ses-no-mail-from")),
        ("sesv2", "ListEmailIdentities", ("cloud.ses-identity-no-dkim", "cloud.ses-identity-policy-open")),
        ("sesv2", "GetConfigurationSet", ("cloud.ses-config-set-tls",)),
        (
            "cloudwatch",
            "DescribeAlarms",
            ("cloud.ses-no-reputation-alarm", "cloud.ses-reputation-alarm-loose"),
        ),
        ("sns", "GetTopicAttributes", ("cloud.ses-topic-public", "cloud.ses-topic-unencrypted")),
        ("ses", "GetIdentityNotificationAttributes", ()),
    ],
)
def test_a_refused_call_makes_its_checks_undetermined(
    aws: MotoAccount, service: str, operation: str, codes_: tuple[str, ...]
) -> None:
    healthy(aws)
    ctx = aws.context([REGION])
    answer_account(ctx, REGION)
    refuse(ctx, service, operation, REGION)
    result, _ = run(ctx)
    for code in codes_:
        assert result[code].status is Status.UNDETERMINED, code
        assert any(operation in why and "AccessDenied" in why for why in result[code].undetermined)
    if not codes_:  # the config set's destinations already receive every event: still a pass
        assert result["cloud.ses-no-event-destination"].status is Status.PASS


def test_unknown_destinations_make_a_missing_event_undetermined(aws: MotoAccount) -> None:
    aws.client("sesv2").create_email_identity(EmailIdentity="x.example.org")
    aws.client("sesv2").create_configuration_set(ConfigurationSetName="cs")
    ctx = aws.context([REGION])
    answer_account(ctx, REGION)
    answer_notifications(ctx, aws, REGION)
    refuse(ctx, "sesv2", "GetConfigurationSetEventDestinations", REGION)
    result, _ = run(ctx)
    r = result["cloud.ses-no-event-destination"]
    assert r.status is Status.UNDETERMINED
    assert r.undetermined == [f"ses:GetConfigurationSetEventDestinations ({REGION}): AccessDenied"]


def test_a_region_not_enabled_is_undetermined_and_named(aws: MotoAccount) -> None:
    healthy(aws)
    ctx = aws.context([REGION, OTHER])
    answer_account(ctx, REGION)
    answer_notifications(ctx, aws, REGION)
    for service in ("sesv2", "ses", "cloudwatch"):
        refuse(ctx, service, None, OTHER, code="OptInRequired")
    result, facts = run(ctx)
    assert ses.sending_regions(facts) == [REGION]
    for code in SES_CODES - {"cloud.ses-topic-public", "cloud.ses-topic-unencrypted"}:
        r = result[code]
        assert r.status is Status.UNDETERMINED, code
        assert any(f"({OTHER}): OptInRequired" in why for why in r.undetermined), (code, r.undetermined)
    assert result["cloud.ses-topic-public"].status is Status.PASS


def test_a_quiet_region_is_not_a_sending_region(aws: MotoAccount) -> None:
    healthy(aws)
    ctx = aws.context([REGION, OTHER])
    answer_account(ctx, REGION)
    answer_account(ctx, OTHER, production=False, max_24h=200)
    answer_notifications(ctx, aws, REGION)
    answer_notifications(ctx, aws, OTHER)
    result, facts = run(ctx)
    assert ses.sending_regions(facts) == [REGION]
    assert result["cloud.ses-sandbox"].status is Status.PASS  # not sending there: the sandbox is no news
    assert result["cloud.ses-no-reputation-alarm"].status is Status.PASS


def test_many_identities_over_four_regions(aws: MotoAccount) -> None:
    regions = [REGION, OTHER, "eu-west-1", "us-west-2"]
    for n in range(300):
        region = regions[n % 4]
        extra: dict[str, Any] = (
            {"DkimSigningAttributes": {"NextSigningKeyLength": "RSA_2048_BIT"}} if n % 2 else {}
        )
        aws.client("sesv2", region).create_email_identity(EmailIdentity=f"d{n}.example.com", **extra)
    ctx = aws.context(regions)
    for region in regions:
        answer_account(ctx, region)
    result, facts = run(ctx)
    assert result["cloud.ses-identity-no-dkim"].checked == 300
    assert len(result["cloud.ses-identity-no-dkim"].findings) == 150
    assert len(ses.domain_identities(facts)) == 300
    assert sorted(ses.sending_regions(facts)) == sorted(regions)
    assert {f.params["region"] for f in result["cloud.ses-no-reputation-alarm"].findings} == set(regions)


def test_every_call_is_read_only_and_listed_in_actions(aws: MotoAccount) -> None:
    healthy(aws)
    failing(aws)
    ctx = aws.context([REGION])
    answer_account(ctx, REGION)
    ses.collect(ctx)
    called = {c.action for c in ctx.calls if c.service != "sts"}
    assert called <= set(ses.ACTIONS), sorted(called - set(ses.ACTIONS))
    assert "ses:GetEmailIdentity" in called and "sns:GetTopicAttributes" in called


# --- who a policy lets in ---------------------------------------------------------------------


def stmt(principal: Any, condition: dict[str, Any] | None = None, effect: str = "Allow") -> dict[str, Any]:
    out: dict[str, Any] = {"Effect": effect, "Principal": principal, "Action": "*", "Resource": "*"}
    if condition:
        out["Condition"] = condition
    return out


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (stmt("*"), ["*"]),
        (stmt({"AWS": "*"}), ["*"]),
        (stmt({"AWS": ["arn:aws:iam::*:root"]}), ["*"]),
        (stmt({"AWS": ACCOUNT}), []),
        (stmt({"AWS": f"arn:aws:iam::{ACCOUNT}:user/a"}), []),
        (stmt({"AWS": [ACCOUNT, f"arn:aws:iam::{OUTSIDER}:root"]}), [OUTSIDER]),
        (stmt({"Service": "ses.amazonaws.com"}), []),
        (stmt("*", effect="Deny"), []),
        (stmt({"AWS": "*"}, {"StringEquals": {"AWS:SourceOwner": ACCOUNT}}), []),
        (stmt("*", {"StringEquals": {"aws:SourceAccount": OUTSIDER}}), ["*"]),
        (stmt("*", {"ArnLike": {"aws:SourceArn": f"arn:aws:ses:*:{ACCOUNT}:identity/*"}}), []),
        (stmt("*", {"ArnLike": {"aws:SourceArn": "arn:aws:ses:*:*:*"}}), ["*"]),
        (stmt("*", {"Bool": {"aws:SecureTransport": "true"}}), ["*"]),
        (stmt("*", {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}), ["*"]),
    ],
)
def test_outsiders(statement: dict[str, Any], expected: list[str]) -> None:
    assert outsiders(policy(statement), ACCOUNT) == expected


def test_outsiders_of_an_organisation_and_of_nothing() -> None:
    org = policy(stmt("*", {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}))
    assert outsiders(org, ACCOUNT, org_is_inside=True) == []
    assert outsiders("", ACCOUNT) == [] and outsiders("not json", ACCOUNT) == ["*"]
