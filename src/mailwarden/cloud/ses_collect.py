"""What the SES area asks AWS, per Region, on threads: the account's sending status (SESv2
GetAccount), every identity (ListEmailIdentities, GetEmailIdentity), configuration sets and their
event destinations, identity feedback notifications (SESv1), CloudWatch alarms on the SES
reputation metrics, and the attributes of every SNS topic SES sends to.

Every value is stored in :class:`Facts` under a key named here; a refused call (AccessDenied, a
Region not enabled) is stored as missing with its reason, which names the Region."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from .model import Facts
from .session import DENIED, REGION_OFF, AwsContext, Unavailable

ACTIONS: tuple[str, ...] = (
    "ses:GetAccount",
    "ses:ListEmailIdentities",
    "ses:GetEmailIdentity",
    "ses:GetIdentityMailFromDomainAttributes",
    "ses:GetIdentityNotificationAttributes",
    "ses:ListConfigurationSets",
    "ses:GetConfigurationSet",
    "ses:GetConfigurationSetEventDestinations",
    "ses:DescribeConfigurationSet",
    "cloudwatch:DescribeAlarms",
    "sns:GetTopicAttributes",
)

#: how many calls run at once (boto3's clients are shared and thread-safe)
WORKERS = 16
#: SESv1's batched Get* calls take at most this many identities
BATCH = 100
#: the SES metrics a reputation alarm watches
METRICS = ("Reputation.BounceRate", "Reputation.ComplaintRate")

REGIONS = "regions"


def account_key(region: str) -> str:
    return f"ses:account:{region}"


def identities_key(region: str) -> str:
    return f"ses:identities:{region}"


def identity_key(region: str, name: str) -> str:
    return f"ses:identity:{region}:{name}"


def mail_from_key(region: str) -> str:
    return f"ses:mailfrom:{region}"


def notifications_key(region: str) -> str:
    return f"ses:notifications:{region}"


def config_sets_key(region: str) -> str:
    return f"ses:configsets:{region}"


def config_set_key(region: str, name: str) -> str:
    return f"ses:configset:{region}:{name}"


def destinations_key(region: str, name: str) -> str:
    return f"ses:destinations:{region}:{name}"


def alarms_key(region: str) -> str:
    return f"ses:alarms:{region}"


def topic_key(arn: str) -> str:
    return f"sns:topic:{arn}"


Job = tuple[str, Callable[[], Any]]


def collect(ctx: AwsContext) -> Facts:
    facts = Facts()
    facts.put(REGIONS, list(ctx.regions))
    first: list[Job] = []
    for region in ctx.regions:
        first += [
            (account_key(region), partial(_account, ctx, region)),
            (identities_key(region), partial(_identities, ctx, region)),
            (config_sets_key(region), partial(_config_set_names, ctx, region)),
            (alarms_key(region), partial(_alarms, ctx, region)),
        ]
    facts.gather_all(first, WORKERS)
    second: list[Job] = []
    for region in ctx.regions:
        names = [i["IdentityName"] for i in facts.get(identities_key(region)) or []]
        second += [(identity_key(region, n), partial(_identity, ctx, region, n)) for n in names]
        if names:
            second.append((notifications_key(region), partial(_notifications, ctx, region, names)))
        for cs in facts.get(config_sets_key(region)) or []:
            second.append((config_set_key(region, cs), partial(_config_set, ctx, region, cs)))
            second.append((destinations_key(region, cs), partial(_destinations, ctx, region, cs)))
    facts.gather_all(second, WORKERS)
    third: list[Job] = []
    for region in ctx.regions:
        # SESv2 gives MAIL FROM with the identity; an endpoint that leaves it out is asked SESv1
        lacking = [
            name
            for name in (i["IdentityName"] for i in facts.get(identities_key(region)) or [])
            if isinstance(facts.get(identity_key(region, name)), dict)
            and facts.get(identity_key(region, name)).get("MailFromAttributes") is None
            and "@" not in name
        ]
        if lacking:
            third.append((mail_from_key(region), partial(_mail_from, ctx, region, lacking)))
    third += [(topic_key(arn), partial(_topic, ctx, arn)) for arn in sorted(topics_used(facts))]
    facts.gather_all(third, WORKERS)
    return facts


def _account(ctx: AwsContext, region: str) -> dict[str, Any]:
    answer = ctx.call("sesv2", "GetAccount", region=region)
    quota = answer.get("SendQuota") or {}
    return {
        "SendingEnabled": answer.get("SendingEnabled"),
        "EnforcementStatus": answer.get("EnforcementStatus"),
        "ProductionAccessEnabled": answer.get("ProductionAccessEnabled"),
        "Max24HourSend": quota.get("Max24HourSend"),
        "MaxSendRate": quota.get("MaxSendRate"),
        "SentLast24Hours": quota.get("SentLast24Hours"),
    }


def _identities(ctx: AwsContext, region: str) -> list[dict[str, Any]]:
    return [
        {
            "IdentityName": i["IdentityName"],
            "IdentityType": i.get("IdentityType", ""),
            "VerificationStatus": i.get("VerificationStatus", ""),
            "SendingEnabled": i.get("SendingEnabled", True),
        }
        for i in ctx.pages("sesv2", "ListEmailIdentities", "EmailIdentities", region=region, PageSize=1000)
    ]


def _identity(ctx: AwsContext, region: str, name: str) -> dict[str, Any]:
    answer = ctx.call("sesv2", "GetEmailIdentity", region=region, EmailIdentity=name)
    dkim = answer.get("DkimAttributes") or {}
    mail_from = answer.get("MailFromAttributes")
    return {
        "IdentityType": answer.get("IdentityType", ""),
        "VerificationStatus": answer.get("VerificationStatus", ""),
        "DkimAttributes": {
            "SigningEnabled": bool(dkim.get("SigningEnabled")),
            "Status": dkim.get("Status", ""),
            "Tokens": list(dkim.get("Tokens") or []),
            "SigningAttributesOrigin": dkim.get("SigningAttributesOrigin", ""),
        },
        "MailFromAttributes": None
        if mail_from is None
        else {
            "MailFromDomain": mail_from.get("MailFromDomain") or None,
            "MailFromDomainStatus": mail_from.get("MailFromDomainStatus") or None,
        },
        "Policies": dict(answer.get("Policies") or {}),
        "ConfigurationSetName": answer.get("ConfigurationSetName"),
    }


def _chunks(names: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(names), BATCH):
        yield names[start : start + BATCH]


def _mail_from(ctx: AwsContext, region: str, names: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(names):
        answer = ctx.call("ses", "GetIdentityMailFromDomainAttributes", region=region, Identities=chunk)
        for name, attrs in (answer.get("MailFromDomainAttributes") or {}).items():
            out[name] = {
                "MailFromDomain": attrs.get("MailFromDomain") or None,
                # SESv1 spells the states Success/Pending/Failed/TemporaryFailure
                "MailFromDomainStatus": _v2_status(attrs.get("MailFromDomainStatus")),
            }
    return out


def _v2_status(status: str | None) -> str | None:
    if not status:
        return None
    return "".join("_" + c if c.isupper() and i else c for i, c in enumerate(status)).upper()


def _notifications(ctx: AwsContext, region: str, names: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(names):
        answer = ctx.call("ses", "GetIdentityNotificationAttributes", region=region, Identities=chunk)
        for name, attrs in (answer.get("NotificationAttributes") or {}).items():
            out[name] = {kind: attrs.get(f"{kind}Topic") for kind in ("Bounce", "Complaint", "Delivery")} | {
                "ForwardingEnabled": bool(attrs.get("ForwardingEnabled"))
            }
    return out


def _config_set_names(ctx: AwsContext, region: str) -> list[str]:
    return [
        str(n)
        for n in ctx.pages(
            "sesv2", "ListConfigurationSets", "ConfigurationSets", region=region, PageSize=1000
        )
    ]


def _config_set(ctx: AwsContext, region: str, name: str) -> dict[str, Any]:
    answer = ctx.call("sesv2", "GetConfigurationSet", region=region, ConfigurationSetName=name)
    return {"TlsPolicy": (answer.get("DeliveryOptions") or {}).get("TlsPolicy") or "OPTIONAL"}


def _destinations(ctx: AwsContext, region: str, name: str) -> list[dict[str, Any]]:
    """The configuration set's event destinations: name, enabled, event types (upper case,
    SESv2's spelling) and SNS topic (or None)."""
    try:
        answer = ctx.call(
            "sesv2", "GetConfigurationSetEventDestinations", region=region, ConfigurationSetName=name
        )
        return [
            {
                "Name": d.get("Name", ""),
                "Enabled": bool(d.get("Enabled")),
                "Types": sorted({str(t).upper() for t in d.get("MatchingEventTypes") or []}),
                "Topic": (d.get("SnsDestination") or {}).get("TopicArn"),
            }
            for d in answer.get("EventDestinations") or []
        ]
    except Unavailable as exc:
        if exc.code in DENIED or exc.code in REGION_OFF or exc.code.endswith("AccessDenied"):
            raise
    # an endpoint without the SESv2 call (moto): SESv1 describes the same destinations
    answer = ctx.call(
        "ses",
        "DescribeConfigurationSet",
        region=region,
        ConfigurationSetName=name,
        ConfigurationSetAttributeNames=["eventDestinations"],
    )
    return [
        {
            "Name": d.get("Name", ""),
            "Enabled": bool(d.get("Enabled")),
            "Types": sorted({_v1_event(str(t)) for t in d.get("MatchingEventTypes") or []}),
            "Topic": (d.get("SNSDestination") or {}).get("TopicARN"),
        }
        for d in answer.get("EventDestinations") or []
    ]


def _v1_event(kind: str) -> str:
    """SESv1's ``renderingFailure`` → SESv2's ``RENDERING_FAILURE``."""
    return _v2_status(kind[:1].upper() + kind[1:]) or kind.upper()


def _alarms(ctx: AwsContext, region: str) -> list[dict[str, Any]]:
    """The Region's metric alarms on the SES reputation metrics (plain or in metric math)."""
    out = []
    for alarm in ctx.pages(
        "cloudwatch", "DescribeAlarms", "MetricAlarms", region=region, AlarmTypes=["MetricAlarm"]
    ):
        metrics = set()
        if alarm.get("Namespace") == "AWS/SES" and alarm.get("MetricName") in METRICS:
            metrics.add(alarm["MetricName"])
        for query in alarm.get("Metrics") or []:
            metric = (query.get("MetricStat") or {}).get("Metric") or {}
            if metric.get("Namespace") == "AWS/SES" and metric.get("MetricName") in METRICS:
                metrics.add(metric["MetricName"])
        for metric_name in sorted(metrics):
            out.append(
                {
                    "AlarmName": alarm.get("AlarmName", ""),
                    "AlarmArn": alarm.get("AlarmArn", ""),
                    "MetricName": metric_name,
                    "Threshold": alarm.get("Threshold"),
                    "ComparisonOperator": alarm.get("ComparisonOperator", ""),
                    "ActionsEnabled": bool(alarm.get("ActionsEnabled", True)),
                    "AlarmActions": list(alarm.get("AlarmActions") or []),
                }
            )
    return out


def topics_used(facts: Facts) -> dict[str, list[str]]:
    """Every SNS topic SES sends to, with what sends to it (``identity example.com (Bounce)``,
    ``configuration set marketing``)."""
    used: dict[str, list[str]] = {}
    for region in facts.get(REGIONS) or []:
        for name, kinds in (facts.get(notifications_key(region)) or {}).items():
            for kind in ("Bounce", "Complaint", "Delivery"):
                if kinds.get(kind):
                    used.setdefault(kinds[kind], []).append(f"{name} ({kind})")
        for cs in facts.get(config_sets_key(region)) or []:
            for dest in facts.get(destinations_key(region, cs)) or []:
                if dest["Enabled"] and dest["Topic"]:
                    used.setdefault(dest["Topic"], []).append(f"{cs}/{dest['Name']}")
    return used


def _topic(ctx: AwsContext, arn: str) -> dict[str, Any]:
    parts = arn.split(":")
    region = parts[3] if len(parts) > 5 and parts[3] else None
    attrs = ctx.call("sns", "GetTopicAttributes", region=region, TopicArn=arn).get("Attributes") or {}
    return {"Policy": attrs.get("Policy") or "", "KmsMasterKeyId": attrs.get("KmsMasterKeyId") or ""}
