"""The IAM area's checks over what iam.collect gathered (pure: no calls)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..core.i18n import N_
from . import iam_policy as pol
from .model import CheckResult, Facts, Scope

CODES = (
    "cloud.iam-root-access-key",
    "cloud.iam-access-key-old",
    "cloud.iam-credentials-unused-45",
    "cloud.iam-credentials-unused-90",
    "cloud.iam-policy-admin",
    "cloud.iam-policy-ses-wildcard",
    "cloud.iam-two-active-keys",
    "cloud.iam-console-no-mfa",
    "cloud.ses-smtp-key-old",
    "cloud.ses-smtp-key-unused",
    "cloud.ses-smtp-key-creators",
    "cloud.ses-smtp-unrestricted",
)
ADMIN_AWS = "arn:aws:iam::aws:policy/AdministratorAccess"
SENDING = {"ses:sendrawemail", "ses:sendemail"}
RESTRICTING = {"ses:fromaddress", "aws:sourceip", "aws:sourcevpce"}
ROOT = "<root_account>"
#: how the detail texts name a credential (translated where shown)
KEY_SLOT = {1: N_("access key 1"), 2: N_("access key 2")}


def when(value: str | None) -> datetime | None:
    """A credential report date (``N/A``, ``no_information``, ``not_supported``: None)."""
    if not value or not value[:1].isdigit():
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass
class Policy:
    label: str  # the managed policy's ARN or "inline NAME"
    arn: str | None  # managed policies only
    statements: list[dict[str, Any]]


@dataclass
class Principal:
    kind: str  # user | group | role
    name: str
    arn: str
    policies: list[Policy] = field(default_factory=list)

    @property
    def statements(self) -> list[dict[str, Any]]:
        return [s for p in self.policies for s in p.statements]


class Principals:
    """Users (with their groups' policies), groups and roles, with their policies read."""

    def __init__(self, details: dict[str, list[Any]]) -> None:
        self.bad: list[str] = []  # why some policies could not be read
        self.managed: dict[str, Policy] = {}
        for p in details.get("policies", []):
            arn = p.get("Arn", "")
            doc = next(
                (v.get("Document") for v in p.get("PolicyVersionList", []) if v.get("IsDefaultVersion")), None
            )
            self.managed[arn] = Policy(arn, arn, self._read(arn, doc))
        self.groups = {
            g["GroupName"]: self._principal("group", g, "GroupPolicyList") for g in details.get("groups", [])
        }
        self.roles = [self._principal("role", r, "RolePolicyList") for r in details.get("roles", [])]
        self.users = []
        for u in details.get("users", []):
            user = self._principal("user", u, "UserPolicyList")
            for g in u.get("GroupList", []):
                if g in self.groups:
                    user.policies.extend(self.groups[g].policies)
            self.users.append(user)

    def _read(self, label: str, doc: Any) -> list[dict[str, Any]]:
        if doc is None:
            return []
        try:
            return pol.statements(doc)
        except pol.BadPolicy as exc:
            self.bad.append(f"{label}: policy document not read ({exc})")
            return []

    def _principal(self, kind: str, raw: dict[str, Any], inline_key: str) -> Principal:
        name = raw.get(f"{kind.capitalize()}Name", "")
        p = Principal(kind, name, raw.get("Arn", ""))
        for a in raw.get("AttachedManagedPolicies", []):
            arn = a.get("PolicyArn", "")
            p.policies.append(self.managed.get(arn) or Policy(arn, arn, []))
        for i in raw.get(inline_key, []):
            label = f"{p.arn} inline {i.get('PolicyName', '')}"
            p.policies.append(Policy(label, None, self._read(label, i.get("PolicyDocument"))))
        return p

    def everyone(self) -> list[Principal]:
        return [*self.users, *self.groups.values(), *self.roles]

    def is_smtp(self, user: Principal) -> bool:
        if user.name.startswith("ses-smtp-user."):
            return True
        actions = pol.allowed_actions(user.statements)
        return bool(actions) and actions is not None and actions <= SENDING

    def smtp_users(self) -> list[str]:
        return [u.name for u in self.users if self.is_smtp(u)]


def _keys(row: dict[str, str]) -> list[tuple[int, datetime | None, datetime | None]]:
    """Active keys of a report row: (slot, last rotated, last used)."""
    out = []
    for n in (1, 2):
        if row.get(f"access_key_{n}_active", "").lower() == "true":
            out.append(
                (
                    n,
                    when(row.get(f"access_key_{n}_last_rotated")),
                    when(row.get(f"access_key_{n}_last_used_date")),
                )
            )
    return out


def _days(now: datetime, then: datetime | None) -> int | None:
    return None if then is None else (now - then).days


def run(facts: Facts, scope: Scope, report_key: str, details_key: str, summary_key: str) -> list[CheckResult]:
    r = {code: CheckResult(check=code) for code in CODES}
    g = {"region": "global"}
    root_arn = f"arn:{scope.partition}:iam::{scope.account_id}:root"
    now = scope.now

    # root access keys: the report's root row, else the account summary
    root = r["cloud.iam-root-access-key"]
    rows = facts.get(report_key)
    if rows is not None:
        root_row = next((x for x in rows if x.get("user") == ROOT), None)
        if root_row is not None:
            root.checked = 1
            slots = [n for n, _, _ in _keys(root_row)]
            if slots:
                root.fail(
                    root_arn, **g, resource_type="AwsAccount", account=scope.account_id, keys=len(slots)
                )
    if not root.checked and facts.get(summary_key) is not None:
        root.checked = 1
        present = int(facts.get(summary_key).get("AccountAccessKeysPresent", 0) or 0)
        if present:
            root.fail(root_arn, **g, resource_type="AwsAccount", account=scope.account_id, keys=present)
    if not root.checked:
        facts.need(root, report_key, summary_key)
        if rows is not None:
            root.cannot("iam:GetCredentialReport: no <root_account> row")

    # per-user credential checks
    report_codes = [
        "cloud.iam-access-key-old",
        "cloud.iam-credentials-unused-45",
        "cloud.iam-credentials-unused-90",
        "cloud.iam-two-active-keys",
        "cloud.iam-console-no-mfa",
    ]
    users_by_name: dict[str, dict[str, str]] = {}
    if all([facts.need(r[c], report_key) for c in report_codes]):
        for row in rows:
            if row.get("user") == ROOT:
                continue
            name, arn = row.get("user", ""), row.get("arn", "")
            users_by_name[name] = row
            keys = _keys(row)
            user_p = {**g, "resource_type": "AwsIamUser", "user": name}
            for n, rotated, _used in keys:
                r["cloud.iam-access-key-old"].checked += 1
                age = _days(now, rotated)
                if age is not None and age > 90:
                    r["cloud.iam-access-key-old"].fail(
                        arn, **g, resource_type="AwsIamAccessKey", user=name, slot=n, days=age
                    )
            r["cloud.iam-two-active-keys"].checked += 1
            if len(keys) == 2:
                r["cloud.iam-two-active-keys"].fail(arn, **user_p)
            password = row.get("password_enabled", "").lower() == "true"
            r["cloud.iam-console-no-mfa"].checked += int(password)
            if password and row.get("mfa_active", "").lower() != "true":
                r["cloud.iam-console-no-mfa"].fail(arn, **user_p)
            created = when(row.get("user_creation_time"))
            creds: list[tuple[str, int | None]] = [
                (KEY_SLOT[n], _days(now, used or rotated)) for n, rotated, used in keys
            ]
            if password:
                creds.append((N_("password"), _days(now, when(row.get("password_last_used")) or created)))
            for what, idle in creds:
                r["cloud.iam-credentials-unused-45"].checked += 1
                r["cloud.iam-credentials-unused-90"].checked += 1
                if idle is None:
                    continue
                code = (
                    "cloud.iam-credentials-unused-90"
                    if idle >= 90
                    else "cloud.iam-credentials-unused-45"
                    if idle >= 45
                    else ""
                )
                if code:
                    r[code].fail(arn, **user_p, credential=what, days=idle)

    # policies and SMTP users
    policy_codes = [c for c in CODES if "policy" in c or c.startswith("cloud.ses-smtp")]
    details = facts.get(details_key)
    if not all([facts.need(r[c], details_key) for c in policy_codes]):
        for c in ("cloud.ses-smtp-key-old", "cloud.ses-smtp-key-unused"):
            facts.need(r[c], report_key)
        return list(r.values())
    ps = Principals(details)
    for c in policy_codes:
        for why in ps.bad:
            r[c].cannot(why)
    _policy_checks(ps, r, g)
    _smtp_checks(ps, r, g, now, users_by_name if rows is not None else None, facts, report_key)
    return list(r.values())


def _policy_checks(ps: Principals, r: dict[str, CheckResult], g: dict[str, str]) -> None:
    admin, ses = r["cloud.iam-policy-admin"], r["cloud.iam-policy-ses-wildcard"]
    attached: dict[str, list[str]] = {}
    for p in ps.everyone():
        for policy in p.policies:
            if policy.arn:
                attached.setdefault(policy.arn, []).append(p.arn)
    seen: set[str] = set()
    for p in ps.everyone():
        for policy in p.policies:
            aws_managed = bool(policy.arn and ":aws:policy/" in policy.arn)
            if policy.label in seen:
                continue
            seen.add(policy.label)
            if aws_managed:
                if policy.arn == ADMIN_AWS:
                    admin.checked += 1
                    for who in attached.get(ADMIN_AWS, []):
                        if ":user/" in who:
                            admin.fail(
                                who, **g, resource_type="AwsIamUser", policy=policy.label, attached_to=who
                            )
                continue
            admin.checked += 1
            ses.checked += 1
            to = ", ".join(attached.get(policy.arn, [])) if policy.arn else p.arn
            subject = policy.arn or p.arn
            rtype = "AwsIamPolicy" if policy.arn else f"AwsIam{p.kind.capitalize()}"
            if any(pol.is_admin(s) for s in policy.statements):
                admin.fail(
                    subject, **g, resource_type=rtype, policy=policy.label, attached_to=to or "nothing"
                )
            if any(pol.is_ses_wildcard(s) for s in policy.statements):
                ses.fail(subject, **g, resource_type=rtype, policy=policy.label, attached_to=to or "nothing")


def _smtp_checks(
    ps: Principals,
    r: dict[str, CheckResult],
    g: dict[str, str],
    now: datetime,
    rows: dict[str, dict[str, str]] | None,
    facts: Facts,
    report_key: str,
) -> None:
    old, unused = r["cloud.ses-smtp-key-old"], r["cloud.ses-smtp-key-unused"]
    creators, unrestricted = r["cloud.ses-smtp-key-creators"], r["cloud.ses-smtp-unrestricted"]
    # only principals with an Allow that names iam:CreateAccessKey are asked per SMTP user
    # (principal, its statements naming the action, whether it may for every user: an Allow on
    # "*" and no Deny of the action at all)
    makers: list[tuple[Principal, list[dict[str, Any]], bool]] = []
    for o in ps.everyone():
        own = [s for s in o.statements if pol.action_matches(s, "iam:CreateAccessKey")]
        allow = [s for s in own if pol.effect(s) == "Allow"]
        if allow:
            anyone = not any(pol.effect(s) == "Deny" for s in own) and any(
                "*" in pol.strings(s.get("Resource")) for s in allow
            )
            makers.append((o, own, anyone))
    for user in (u for u in ps.users if ps.is_smtp(u)):
        p = {**g, "resource_type": "AwsIamUser", "user": user.name}
        # who else can make this user a new key
        creators.checked += 1
        who = [
            o.arn
            for o, own, anyone in makers
            if o.arn != user.arn and (anyone or pol.allows(own, "iam:CreateAccessKey", user.arn))
        ]
        if who:
            creators.fail(user.arn, **p, principals=", ".join(sorted(who)), count=len(who))
        # sending from anywhere as anyone
        sends = [s for a in sorted(SENDING) for s in pol.allowing(user.statements, a, "*")]
        if sends:
            unrestricted.checked += 1
            if any(not _restricted(s) for s in sends):
                unrestricted.fail(user.arn, **p)
        # its keys
        if rows is None:
            facts.need(old, report_key)
            facts.need(unused, report_key)
            continue
        for n, rotated, used in _keys(rows.get(user.name, {})):
            old.checked += 1
            unused.checked += 1
            age = _days(now, rotated)
            if age is not None and age > 90:
                old.fail(user.arn, **{**p, "resource_type": "AwsIamAccessKey"}, slot=n, days=age)
            idle = _days(now, used)
            if used is None or (idle is not None and idle >= 45):
                last = N_("never") if used is None else used.date().isoformat()
                unused.fail(user.arn, **{**p, "resource_type": "AwsIamAccessKey"}, slot=n, last_used=last)


def _restricted(stmt: dict[str, Any]) -> bool:
    cond = stmt.get("Condition")
    if not isinstance(cond, dict):
        return False
    keys = {k.lower() for block in cond.values() if isinstance(block, dict) for k in block}
    return bool(keys & RESTRICTING)
