"""Accounts made in a moto server through the real boto3 client, for the Prowler parity test
(``tests/cloud/test_prowler_parity.py``) and the cloud audit benchmark
(``benchmarks/cloud_audit.py``).

- :func:`seed_vulnerable`: a small "vulnerable SES account" — users with an old, an unused,
  and two active access keys, a console password without MFA, an administrator inline policy,
  a ``ses:*`` policy, an administrator (``*:*``) managed policy attached to a user, an
  ``ses-smtp-user.*`` user (SES SMTP credentials), SES identities with and without DKIM signing
  (one with a public identity policy), SES notification topics that are public and unencrypted
  (one with an ``http`` subscription), a configuration set that does not require TLS, no
  CloudTrail trail, GuardDuty and Security Hub off. What needs a date in the past (a key made
  200 days ago, last used 100 days ago) is set in moto's in-process state by :func:`backdate`,
  given ``aws.backend("iam")``.
- :func:`seed_big`: the benchmark's account — ``users`` IAM users with ``keys`` access keys
  (AWS allows two a user), ``identities`` SES identities spread over the Regions, a few of
  each vulnerable kind in proportion.

Every call goes through boto3 over HTTP (``endpoint_url``), batched on a thread pool: moto's
server answers requests on threads, and one call is a few milliseconds of its CPU, so the big
account (about 7,000 calls) takes some seconds, not minutes."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

ACCOUNT = "123456789012"  # moto's default account

ADMIN_POLICY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
SES_ALL_POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "ses:*", "Resource": "*"}],
}
#: what the SES console gives an SMTP user: sending raw mail only
SMTP_POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "ses:SendRawEmail", "Resource": "*"}],
}


def credentials_env() -> dict[str, str]:
    """Fake credentials for moto (never a real account's)."""
    return {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


class Clients:
    """boto3 clients on ``endpoint``, one per (service, Region), shared by the seeding threads
    (botocore clients are thread-safe; a session is not, so clients are made under a lock)."""

    def __init__(self, endpoint: str) -> None:
        import boto3
        from botocore.config import Config

        self.endpoint = endpoint
        self._session = boto3.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
        )
        self._config = Config(retries={"mode": "standard", "max_attempts": 5}, max_pool_connections=64)
        self._clients: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()

    def __call__(self, service: str, region: str = "us-east-1") -> Any:
        with self._lock:
            client = self._clients.get((service, region))
            if client is None:
                client = self._session.client(
                    service, region_name=region, endpoint_url=self.endpoint, config=self._config
                )
                self._clients[(service, region)] = client
            return client


def run_all(jobs: Iterable[Callable[[], Any]], workers: int = 16) -> list[Any]:
    """Runs every job on ``workers`` threads; the first exception is raised."""
    with ThreadPoolExecutor(workers, thread_name_prefix="aws-seed") as pool:
        return [f.result() for f in [pool.submit(job) for job in jobs]]


def user_arn(name: str) -> str:
    return f"arn:aws:iam::{ACCOUNT}:user/{name}"


def identity_arn(region: str, name: str) -> str:
    return f"arn:aws:ses:{region}:{ACCOUNT}:identity/{name}"


# --- the vulnerable account -----------------------------------------------------------------


@dataclass
class VulnerableAccount:
    """What :func:`seed_vulnerable` made: names by role, for the tests to point at."""

    regions: list[str]
    #: role → user name ("old_key", "unused_key", "two_keys", "console_no_mfa", "admin_inline",
    #: "admin_attached", "ses_all", "smtp", "clean")
    users: dict[str, str] = field(default_factory=dict)
    #: (Region, identity) of SES identities: with DKIM signing, without, with a public policy
    dkim_on: list[tuple[str, str]] = field(default_factory=list)
    dkim_off: list[tuple[str, str]] = field(default_factory=list)
    public_identities: list[tuple[str, str]] = field(default_factory=list)
    #: SNS topic ARNs: public and unencrypted; unencrypted only
    public_topics: list[str] = field(default_factory=list)
    unencrypted_topics: list[str] = field(default_factory=list)
    #: (Region, name) of configuration sets that do not require TLS
    tls_optional: list[tuple[str, str]] = field(default_factory=list)
    #: the customer managed policy that allows ses:* on everything
    ses_all_policy_arn: str = ""
    #: the customer managed policy that allows *:* (attached to the "admin_attached" user)
    admin_policy_arn: str = ""


def seed_vulnerable(endpoint: str, regions: Sequence[str]) -> VulnerableAccount:
    """The parity test's account in ``regions`` (the first is the home Region; IAM is global).
    Call :func:`backdate` afterwards (in the moto server's process) for the dated findings."""
    c = Clients(endpoint)
    iam = c("iam")
    acct = VulnerableAccount(regions=list(regions))
    u = acct.users
    u.update(
        old_key="ops-deploy",  # one active key made 200 days ago, never rotated
        unused_key="report-bot",  # one active key last used 100 days ago
        two_keys="mailer-app",  # two active keys
        console_no_mfa="alice",  # console password, no MFA
        admin_inline="bob-admin",  # inline policy allowing *:*
        admin_attached="carol",  # a customer managed policy allowing *:* attached
        ses_all="newsletter",  # customer managed policy allowing ses:* on *
        smtp="ses-smtp-user.20240101-093000",  # SES SMTP credentials, as the console makes them
        clean="readonly-auditor",  # nothing wrong: no keys, no password
    )
    for name in u.values():
        iam.create_user(UserName=name)
    for role in ("old_key", "unused_key", "ses_all", "smtp"):
        iam.create_access_key(UserName=u[role])
    for _ in range(2):
        iam.create_access_key(UserName=u["two_keys"])
    iam.create_login_profile(
        UserName=u["console_no_mfa"], Password="Initial-Passw0rd!", PasswordResetRequired=False
    )
    iam.put_user_policy(
        UserName=u["admin_inline"], PolicyName="everything", PolicyDocument=json.dumps(ADMIN_POLICY)
    )
    # a customer managed copy of AdministratorAccess (moto loads AWS's managed policies only
    # when asked to, at a cost of seconds per reset)
    admin = iam.create_policy(PolicyName="admin-everything", PolicyDocument=json.dumps(ADMIN_POLICY))
    acct.admin_policy_arn = admin["Policy"]["Arn"]
    iam.attach_user_policy(UserName=u["admin_attached"], PolicyArn=acct.admin_policy_arn)
    policy = iam.create_policy(PolicyName="ses-full-access", PolicyDocument=json.dumps(SES_ALL_POLICY))
    acct.ses_all_policy_arn = policy["Policy"]["Arn"]
    iam.attach_user_policy(UserName=u["ses_all"], PolicyArn=acct.ses_all_policy_arn)
    iam.put_user_policy(
        UserName=u["smtp"], PolicyName="AmazonSesSendingAccess", PolicyDocument=json.dumps(SMTP_POLICY)
    )

    for i, region in enumerate(regions):
        sesv2, ses, sns = c("sesv2", region), c("ses", region), c("sns", region)
        signed, unsigned = f"mail{i}.example.com", f"news{i}.example.net"
        sesv2.create_email_identity(
            EmailIdentity=signed, DkimSigningAttributes={"NextSigningKeyLength": "RSA_2048_BIT"}
        )
        sesv2.create_email_identity(EmailIdentity=unsigned)
        sesv2.create_email_identity(EmailIdentity=f"noreply@{signed}")
        acct.dkim_on.append((region, signed))
        acct.dkim_off += [(region, unsigned), (region, f"noreply@{signed}")]
        # anyone may send as this identity: a public sending authorisation policy
        sesv2.create_email_identity_policy(
            EmailIdentity=unsigned,
            PolicyName="anyone-sends",
            Policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": "*",
                            "Action": ["ses:SendEmail", "ses:SendRawEmail"],
                            "Resource": identity_arn(region, unsigned),
                        }
                    ],
                }
            ),
        )
        acct.public_identities.append((region, unsigned))

        # bounce/complaint notifications: a public, unencrypted topic with an http subscriber,
        # set as the identity's notification topic and as the event destination of a
        # configuration set that requires TLS (moto's GetIdentityNotificationAttributes leaves
        # the topics out, so only the configuration set shows the topic to an audit)
        bounces = sns.create_topic(Name=f"ses-bounces-{i}")["TopicArn"]
        sns.set_topic_attributes(
            TopicArn=bounces,
            AttributeName="Policy",
            AttributeValue=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Effect": "Allow", "Principal": "*", "Action": "SNS:Subscribe", "Resource": bounces}
                    ],
                }
            ),
        )
        sns.subscribe(TopicArn=bounces, Protocol="http", Endpoint="http://hooks.example.com/ses")
        acct.public_topics.append(bounces)
        for kind in ("Bounce", "Complaint"):
            ses.set_identity_notification_topic(Identity=unsigned, NotificationType=kind, SnsTopic=bounces)
        # the other configuration set's event destination: unencrypted, not public
        events = sns.create_topic(Name=f"ses-events-{i}")["TopicArn"]
        acct.unencrypted_topics.append(events)
        config_set = f"marketing-{i}"
        for name, tls, topic in (
            (f"transactional-{i}", "REQUIRE", bounces),
            (config_set, "OPTIONAL", events),
        ):
            sesv2.create_configuration_set(ConfigurationSetName=name, DeliveryOptions={"TlsPolicy": tls})
            ses.create_configuration_set_event_destination(  # SESv1: moto lacks SESv2's call
                ConfigurationSetName=name,
                EventDestination={
                    "Name": f"{name}-to-sns",
                    "Enabled": True,
                    "MatchingEventTypes": ["bounce", "complaint", "delivery"],
                    "SNSDestination": {"TopicARN": topic},
                },
            )
        acct.tls_optional.append((region, config_set))
    return acct


def backdate(iam_backend: Any, acct: VulnerableAccount, now: datetime | None = None) -> None:
    """Dates that the API cannot set, in moto's in-process IAM state (``aws.backend("iam")``):
    every user made 300 days ago; the old key made 200 days ago and never used; the unused key
    made 200 days ago and last used 100 days ago; the other keys made and used today."""
    from moto.iam.models import AccessKeyLastUsed

    now = now or datetime.now(UTC)
    users = iam_backend.users
    for name in acct.users.values():
        users[name].create_date = now - timedelta(days=300)
    for role in ("old_key", "unused_key"):
        for key in users[acct.users[role]].access_keys:
            key.create_date = now - timedelta(days=200)
    for key in users[acct.users["unused_key"]].access_keys:
        key.last_used = AccessKeyLastUsed(now - timedelta(days=100), "ses", acct.regions[0])
    for role in ("two_keys", "ses_all", "smtp"):
        for key in users[acct.users[role]].access_keys:
            key.last_used = AccessKeyLastUsed(now - timedelta(hours=2), "ses", acct.regions[0])


# --- the benchmark's big account ------------------------------------------------------------


@dataclass
class BigAccount:
    regions: list[str]
    users: int = 0
    keys: int = 0
    identities: int = 0
    topics: int = 0
    config_sets: int = 0
    calls: int = 0
    seconds: float = 0.0


def seed_big(
    endpoint: str,
    regions: Sequence[str],
    *,
    users: int = 2000,
    keys: int = 4000,
    identities: int = 300,
    workers: int = 16,
) -> BigAccount:
    """``users`` users (every 10th with a console password and no MFA, every 50th with an admin
    inline policy, every 25th with the ``ses:*`` policy attached, every 100th an
    ``ses-smtp-user.*``), ``keys`` access keys (the first ``keys - users`` users have two),
    ``identities`` SES identities spread evenly over ``regions`` (two thirds domains, half of
    them with DKIM signing), per Region two SNS topics (one public) and two configuration sets
    sending events to them (one without required TLS)."""
    import time

    if keys > 2 * users:
        raise ValueError(f"{keys} keys for {users} users: AWS allows two access keys a user")
    started = time.perf_counter()
    c = Clients(endpoint)
    iam = c("iam")
    out = BigAccount(regions=list(regions))
    policy_arn = iam.create_policy(PolicyName="ses-full-access", PolicyDocument=json.dumps(SES_ALL_POLICY))[
        "Policy"
    ]["Arn"]
    calls = 1
    names = [f"ses-smtp-user.2024{n:05d}" if n % 100 == 99 else f"user-{n:05d}" for n in range(users)]

    def make_user(n: int) -> int:
        name = names[n]
        made = 1
        iam.create_user(UserName=name)
        for _ in range(2 if n < keys - users else 1 if n < keys else 0):
            iam.create_access_key(UserName=name)
            made += 1
        if n % 10 == 3:
            iam.create_login_profile(UserName=name, Password="Initial-Passw0rd!")
            made += 1
        if n % 50 == 7:
            iam.put_user_policy(
                UserName=name, PolicyName="everything", PolicyDocument=json.dumps(ADMIN_POLICY)
            )
            made += 1
        if n % 25 == 11:
            iam.attach_user_policy(UserName=name, PolicyArn=policy_arn)
            made += 1
        if name.startswith("ses-smtp-user."):
            iam.put_user_policy(
                UserName=name, PolicyName="AmazonSesSendingAccess", PolicyDocument=json.dumps(SMTP_POLICY)
            )
            made += 1
        return made

    calls += sum(run_all([lambda n=n: make_user(n) for n in range(users)], workers))
    out.users = users
    out.keys = keys if keys <= 2 * users else 2 * users

    def make_identity(n: int) -> int:
        region = regions[n % len(regions)]
        sesv2 = c("sesv2", region)
        if n % 3 == 2:
            sesv2.create_email_identity(EmailIdentity=f"sender{n}@d{n - 1}.example.com")
        elif n % 2:
            sesv2.create_email_identity(
                EmailIdentity=f"d{n}.example.com",
                DkimSigningAttributes={"NextSigningKeyLength": "RSA_2048_BIT"},
            )
        else:
            sesv2.create_email_identity(EmailIdentity=f"d{n}.example.com")
        return 1

    calls += sum(run_all([lambda n=n: make_identity(n) for n in range(identities)], workers))
    out.identities = identities

    def make_region(i: int, region: str) -> int:
        sesv2, sns = c("sesv2", region), c("sns", region)
        public = sns.create_topic(Name=f"ses-bounces-{i}")["TopicArn"]
        sns.set_topic_attributes(
            TopicArn=public,
            AttributeName="Policy",
            AttributeValue=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Effect": "Allow", "Principal": "*", "Action": "SNS:Publish", "Resource": public}
                    ],
                }
            ),
        )
        events = sns.create_topic(Name=f"ses-events-{i}")["TopicArn"]
        ses = c("ses", region)
        # the public topic is also a configuration set's destination: moto's
        # GetIdentityNotificationAttributes leaves identities' topics out
        for name, tls, topic in ((f"bulk-{i}", "OPTIONAL", events), (f"alerts-{i}", "REQUIRE", public)):
            sesv2.create_configuration_set(ConfigurationSetName=name, DeliveryOptions={"TlsPolicy": tls})
            ses.create_configuration_set_event_destination(
                ConfigurationSetName=name,
                EventDestination={
                    "Name": f"{name}-to-sns",
                    "Enabled": True,
                    "MatchingEventTypes": ["bounce", "complaint"],
                    "SNSDestination": {"TopicARN": topic},
                },
            )
        # a domain identity of this Region (identity n is in Region n % len(regions))
        n = next((n for n in range(i, identities, len(regions)) if n % 3 != 2), None)
        if n is not None:
            domain = f"d{n}.example.com"
            for kind in ("Bounce", "Complaint"):
                ses.set_identity_notification_topic(Identity=domain, NotificationType=kind, SnsTopic=public)
        return 9

    calls += sum(run_all([lambda i=i, r=r: make_region(i, r) for i, r in enumerate(regions)], workers))
    out.topics = 2 * len(regions)
    out.config_sets = 2 * len(regions)
    out.calls = calls
    out.seconds = time.perf_counter() - started
    return out


def wait_for(endpoint: str, timeout: float = 30.0) -> None:
    """Until the moto server at ``endpoint`` answers (it was just started as a process)."""
    import time

    import httpx

    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(f"{endpoint}/moto-api/", timeout=2).raise_for_status()
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def env_for(endpoint: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """A child process's environment that reaches only ``endpoint`` with fake credentials: every
    ``AWS_*`` variable of ``base`` (default: this process's) dropped, then the endpoint, the
    credentials, and no shared config or credentials files."""
    env = {k: v for k, v in (base if base is not None else os.environ).items() if not k.startswith("AWS_")}
    env.update(credentials_env())
    env.update(
        AWS_ENDPOINT_URL=endpoint,
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE="/nonexistent",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
        AWS_EC2_METADATA_DISABLED="true",
    )
    return env
