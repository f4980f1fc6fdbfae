"""The SES area's checks (cloud/ses.yaml): pure functions of the collected facts. A value that
could not be collected makes its part undetermined, never passing."""

from __future__ import annotations

from collections.abc import Callable

from ..core.findings import Severity
from .model import CheckResult, Facts, Scope
from .ses_collect import (
    REGIONS,
    account_key,
    alarms_key,
    config_set_key,
    config_sets_key,
    destinations_key,
    identities_key,
    identity_key,
    mail_from_key,
    notifications_key,
    topic_key,
    topics_used,
)
from .ses_policy import outsiders

CODES = (
    "cloud.ses-identity-no-dkim",
    "cloud.ses-no-mail-from",
    "cloud.ses-enforcement",
    "cloud.ses-sending-paused",
    "cloud.ses-quota-near",
    "cloud.ses-sandbox",
    "cloud.ses-config-set-tls",
    "cloud.ses-no-event-destination",
    "cloud.ses-no-reputation-alarm",
    "cloud.ses-reputation-alarm-loose",
    "cloud.ses-topic-public",
    "cloud.ses-topic-unencrypted",
    "cloud.ses-identity-policy-open",
)
#: warn when this share of the 24-hour quota is used
QUOTA_WARN = 0.8
#: the rates above which SES reviews (bounce) or may pause (complaint) an account: fractions
LIMITS = {"Reputation.BounceRate": 0.05, "Reputation.ComplaintRate": 0.001}
WANTED_EVENTS = ("BOUNCE", "COMPLAINT", "REJECT")
HIGH = ("GreaterThanThreshold", "GreaterThanOrEqualToThreshold", "GreaterThanUpperThreshold")

Sends = Callable[[Facts, str], "bool | None"]


def run(facts: Facts, scope: Scope, sends: Sends) -> list[CheckResult]:
    results = {code: CheckResult(code) for code in CODES}
    regions = list(facts.get(REGIONS) or scope.regions)
    for region in regions:
        _identities(facts, scope, region, results)
        _account(facts, scope, region, sends, results)
        _config_sets(facts, scope, region, results)
        sending = sends(facts, region)
        regional = ("cloud.ses-no-event-destination", "cloud.ses-no-reputation-alarm")
        if sending is None:
            for code in (*regional, "cloud.ses-reputation-alarm-loose"):
                facts.need(results[code], account_key(region), identities_key(region))
        elif sending:
            _events(facts, scope, region, results["cloud.ses-no-event-destination"])
            _alarms(facts, scope, region, results)
    _topics(facts, scope, results)
    return [results[code] for code in CODES]


def _arn(scope: Scope, service: str, region: str, resource: str) -> str:
    return f"arn:{scope.partition}:{service}:{region}:{scope.account_id}:{resource}"


def _account_arn(scope: Scope) -> str:
    return f"arn:{scope.partition}:iam::{scope.account_id}:root"


def _identities(facts: Facts, scope: Scope, region: str, results: dict[str, CheckResult]) -> None:
    dkim, mail_from = results["cloud.ses-identity-no-dkim"], results["cloud.ses-no-mail-from"]
    policy_open = results["cloud.ses-identity-policy-open"]
    if not facts.need(dkim, identities_key(region)):
        facts.need(mail_from, identities_key(region))
        facts.need(policy_open, identities_key(region))
        return
    for summary in facts.get(identities_key(region)):
        name = summary["IdentityName"]
        key = identity_key(region, name)
        if not facts.need(dkim, key):
            if "@" not in name:  # MAIL FROM is asked of domains only
                facts.need(mail_from, key)
            facts.need(policy_open, key)
            continue
        ident = facts.get(key)
        subject = _arn(scope, "ses", region, f"identity/{name}")
        common = {"identity": name, "region": region, "resource_type": "Other"}
        for policy_name, policy in sorted(ident["Policies"].items()):
            policy_open.checked += 1
            others = outsiders(policy, scope.account_id)
            if others:
                found = policy_open.fail(subject, policy=policy_name, principals=", ".join(others), **common)
                if "*" not in others:  # named accounts: a grant to review, not anyone
                    found.severity_override = Severity.WARNING
        verified = (
            str(ident.get("VerificationStatus") or summary.get("VerificationStatus")).upper() == "SUCCESS"
        )
        if not verified:
            continue  # an identity SES does not let send yet
        attrs = ident["DkimAttributes"]
        dkim.checked += 1
        status = str(attrs["Status"] or "NOT_STARTED").upper()
        if not (attrs["SigningEnabled"] and status == "SUCCESS"):
            kind = "email address" if "@" in name else "domain"
            dkim.fail(subject, signing=bool(attrs["SigningEnabled"]), status=status, kind=kind, **common)
        if "@" in name:
            continue
        attrs_mf = ident["MailFromAttributes"]
        if attrs_mf is None:
            if not facts.need(mail_from, mail_from_key(region)):
                continue
            attrs_mf = facts.get(mail_from_key(region)).get(name) or {}
        mail_from.checked += 1
        mf_status = str(attrs_mf.get("MailFromDomainStatus") or "").upper()
        if not attrs_mf.get("MailFromDomain") or mf_status != "SUCCESS":
            mail_from.fail(
                subject,
                mail_from=attrs_mf.get("MailFromDomain") or "none",
                status=mf_status or "NOT_SET",
                **common,
            )


def _account(facts: Facts, scope: Scope, region: str, sends: Sends, results: dict[str, CheckResult]) -> None:
    codes = ("cloud.ses-enforcement", "cloud.ses-sending-paused", "cloud.ses-quota-near", "cloud.ses-sandbox")
    if not all([facts.need(results[c], account_key(region)) for c in codes]):
        return
    acct = facts.get(account_key(region))
    max_24h = float(acct.get("Max24HourSend") or 0)
    sent = float(acct.get("SentLast24Hours") or 0)
    params = {
        "region": region,
        "resource_type": "AwsAccount",
        "account": scope.account_id,
        "max_24h": int(max_24h) if max_24h >= 0 else -1,  # -1: unlimited
        "sent_24h": int(sent),
        "max_rate": acct.get("MaxSendRate"),
        "percent": round(100 * sent / max_24h, 1) if max_24h > 0 else 0.0,
    }
    subject = _account_arn(scope)
    for code in codes:
        results[code].checked += 1
    status = str(acct.get("EnforcementStatus") or "").upper()
    if status and status != "HEALTHY":
        results["cloud.ses-enforcement"].fail(subject, status=status, **params)
    elif not status:
        results["cloud.ses-enforcement"].cannot(f"ses:GetAccount ({region}): no EnforcementStatus")
    if acct.get("SendingEnabled") is False:
        results["cloud.ses-sending-paused"].fail(subject, **params)
    if max_24h > 0 and sent >= QUOTA_WARN * max_24h:
        results["cloud.ses-quota-near"].fail(subject, **params)
    if acct.get("ProductionAccessEnabled") is False and sends(facts, region):
        results["cloud.ses-sandbox"].fail(subject, **params)


def _config_sets(facts: Facts, scope: Scope, region: str, results: dict[str, CheckResult]) -> None:
    tls = results["cloud.ses-config-set-tls"]
    if not facts.need(tls, config_sets_key(region)):
        return
    for name in facts.get(config_sets_key(region)):
        if not facts.need(tls, config_set_key(region, name)):
            continue
        tls.checked += 1
        policy = str(facts.get(config_set_key(region, name))["TlsPolicy"]).upper()
        if policy != "REQUIRE":
            tls.fail(
                _arn(scope, "ses", region, f"configuration-set/{name}"),
                config_set=name,
                tls_policy=policy,
                region=region,
                resource_type="Other",
            )


def _events(facts: Facts, scope: Scope, region: str, result: CheckResult) -> None:
    covered: set[str] = set()
    unknown: list[str] = []
    for kinds in (facts.get(notifications_key(region)) or {}).values():
        covered |= {k.upper() for k in ("Bounce", "Complaint") if kinds.get(k)}
    if notifications_key(region) in facts.missing:
        unknown.append(notifications_key(region))
    if config_sets_key(region) in facts.values:
        for cs in facts.get(config_sets_key(region)):
            if destinations_key(region, cs) not in facts.values:
                unknown.append(destinations_key(region, cs))
            for dest in facts.get(destinations_key(region, cs)) or []:
                if dest["Enabled"]:
                    covered |= set(dest["Types"])
    else:
        unknown.append(config_sets_key(region))
    missing = [e for e in WANTED_EVENTS if e not in covered]
    if not missing:
        result.checked += 1
        return
    if unknown:  # what could not be read might send them
        facts.need(result, *unknown)
        return
    result.checked += 1
    found = result.fail(
        _account_arn(scope),
        missing=", ".join(missing),
        region=region,
        resource_type="AwsAccount",
        account=scope.account_id,
    )
    if missing == ["REJECT"]:
        found.severity_override = Severity.NOTICE


def _alarms(facts: Facts, scope: Scope, region: str, results: dict[str, CheckResult]) -> None:
    none, loose = results["cloud.ses-no-reputation-alarm"], results["cloud.ses-reputation-alarm-loose"]
    if not facts.need(none, alarms_key(region)):
        facts.need(loose, alarms_key(region))
        return
    alarms = facts.get(alarms_key(region))
    none.checked += 1
    absent = []
    for metric, limit in LIMITS.items():
        mine = [a for a in alarms if a["MetricName"] == metric and a["ComparisonOperator"] in HIGH]
        if not mine:
            absent.append(metric)
            continue
        loose.checked += 1
        thresholds = [a for a in mine if a["Threshold"] is not None]
        if not thresholds or any(a["Threshold"] <= limit for a in thresholds):
            continue
        best = min(thresholds, key=lambda a: a["Threshold"])
        loose.fail(
            best["AlarmArn"] or _arn(scope, "cloudwatch", region, f"alarm:{best['AlarmName']}"),
            alarm=best["AlarmName"],
            metric=metric,
            threshold=best["Threshold"],
            limit=limit,
            region=region,
            resource_type="Other",
        )
    if absent:
        none.fail(
            _account_arn(scope),
            metrics=", ".join(absent),
            region=region,
            resource_type="AwsAccount",
            account=scope.account_id,
        )


def _topics(facts: Facts, scope: Scope, results: dict[str, CheckResult]) -> None:
    public, plain = results["cloud.ses-topic-public"], results["cloud.ses-topic-unencrypted"]
    for arn, users in sorted(topics_used(facts).items()):
        if not facts.need(public, topic_key(arn)):
            facts.need(plain, topic_key(arn))
            continue
        attrs = facts.get(topic_key(arn))
        parts = arn.split(":")
        params = {
            "topic": parts[-1],
            "region": parts[3] if len(parts) > 5 else "",
            "resource_type": "AwsSnsTopic",
            "used_by": ", ".join(users[:5]) + (f" (+{len(users) - 5})" if len(users) > 5 else ""),
        }
        public.checked += 1
        plain.checked += 1
        account = parts[4] if len(parts) > 5 else scope.account_id
        others = outsiders(attrs["Policy"], account, org_is_inside=True)
        if "*" in others:
            public.fail(arn, **params)
        if not attrs["KmsMasterKeyId"]:
            plain.fail(arn, **params)
