"""Cloud audit area: ses — how the account sends through Amazon SES, per Region: the sending
status and quota (enforcement, paused, sandbox), identities (DKIM signing, custom MAIL FROM,
sending authorisation policies), configuration sets (required TLS), where bounces, complaints and
rejects go (event destinations, identity notifications), alarms on the reputation metrics, and
the SNS topics SES publishes to (public, unencrypted).

Email-address identities are judged, for DKIM, by the DKIM attributes SES reports for them
(SES reports an address's DKIM as inherited from its domain when that domain is a verified
identity with signing): an address whose domain does not sign is signed only with SES's own
amazonses.com key, which cannot align with DMARC. The MAIL FROM check is about domain identities.

Contract (see cloud/audit.py): ACTIONS, collect(ctx) -> Facts, check(facts, scope) ->
list[CheckResult] (one result per check code of cloud/ses.yaml); domain_identities and
sending_regions for the audit as a whole."""

from __future__ import annotations

from dataclasses import dataclass

from . import ses_checks
from .model import CheckResult, Facts, Scope
from .ses_collect import ACTIONS as ACTIONS
from .ses_collect import REGIONS, account_key, identities_key, identity_key, mail_from_key
from .ses_collect import collect as collect

__all__ = ["ACTIONS", "SesDomain", "check", "collect", "domain_identities", "sending_regions"]


@dataclass(frozen=True)
class SesDomain:
    """A domain identity of SES in one Region, as the domain audit needs it."""

    domain: str
    region: str
    verified: bool
    dkim_signing: bool
    dkim_origin: str  # "AWS_SES" | "EXTERNAL" | "AWS_SES_<REGION>" (Deterministic Easy DKIM)
    dkim_tokens: tuple[str, ...]
    mail_from_domain: str | None
    mail_from_status: str | None


def domain_identities(facts: Facts) -> list[SesDomain]:
    """Every domain identity that could be read, in every audited Region."""
    out: list[SesDomain] = []
    for region in facts.get(REGIONS) or []:
        for summary in facts.get(identities_key(region)) or []:
            name = summary["IdentityName"]
            ident = facts.get(identity_key(region, name))
            if "@" in name or not isinstance(ident, dict):
                continue
            dkim = ident["DkimAttributes"]
            mail_from = (
                ident["MailFromAttributes"] or (facts.get(mail_from_key(region)) or {}).get(name) or {}
            )
            out.append(
                SesDomain(
                    domain=name,
                    region=region,
                    verified=str(ident.get("VerificationStatus") or summary.get("VerificationStatus")).upper()
                    == "SUCCESS",
                    dkim_signing=bool(dkim["SigningEnabled"]) and str(dkim["Status"]).upper() == "SUCCESS",
                    dkim_origin=str(dkim["SigningAttributesOrigin"] or "AWS_SES"),
                    dkim_tokens=tuple(dkim["Tokens"]),
                    mail_from_domain=mail_from.get("MailFromDomain"),
                    mail_from_status=mail_from.get("MailFromDomainStatus"),
                )
            )
    return out


def region_sends(facts: Facts, region: str) -> bool | None:
    """True when SES sends (or can send) for the account in ``region``: a verified identity,
    production access or mail sent in the last 24 hours; None when that could not be learnt."""
    account = facts.get(account_key(region))
    if account and (account.get("ProductionAccessEnabled") or (account.get("SentLast24Hours") or 0) > 0):
        return True
    identities = facts.get(identities_key(region))
    if identities and any(str(i.get("VerificationStatus")).upper() == "SUCCESS" for i in identities):
        return True
    if identities is None or account is None:
        return None
    return False


def sending_regions(facts: Facts) -> list[str]:
    """Regions with a verified identity, production access, or SentLast24Hours > 0."""
    return [r for r in facts.get(REGIONS) or [] if region_sends(facts, r)]


def check(facts: Facts, scope: Scope) -> list[CheckResult]:
    return ses_checks.run(facts, scope, region_sends)
