"""The one way the cloud audit reaches AWS: boto3's standard credential chain (or a profile, or
an assumed role), botocore's standard retry mode for throttling, and a log of every call made.

Every call goes through :meth:`AwsContext.call` or :meth:`AwsContext.pages`. A refusal
(AccessDenied and its relatives) or a Region that is not enabled becomes :class:`Unavailable`,
which the checks turn into an *undetermined* result — never a pass. Credentials that are
missing, expired or invalid everywhere stop the audit with :class:`CloudCredentialsError`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..core.errors import ConfigError

#: Error codes that mean "you may not ask this" (the audit goes on, the check is undetermined).
DENIED = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "UnauthorizedOperation",
        "UnauthorizedAccess",
        "AuthorizationError",
        "AuthorizationErrorException",
        "Forbidden",
        "NotAuthorized",
    }
)
#: Error codes that mean "this Region is not enabled for the account" (or not for this service).
REGION_OFF = frozenset(
    {"OptInRequired", "UnrecognizedClientException", "InvalidClientTokenId", "SubscriptionRequiredException"}
)
#: Error codes that mean the credentials themselves are no good: the audit stops.
BAD_CREDENTIALS = frozenset(
    {"ExpiredToken", "ExpiredTokenException", "RequestExpired", "SignatureDoesNotMatch"}
)

#: How many times botocore tries a throttled or failed call (standard mode: exponential backoff
#: with jitter, Throttling/TooManyRequests/5xx retried).
MAX_ATTEMPTS = 8


class CloudCredentialsError(ConfigError):
    """No usable AWS credentials: none found, expired, or refused for every call."""


class Unavailable(Exception):
    """A call the audit could not make; the checks that need its answer are undetermined."""

    def __init__(self, action: str, region: str, code: str, message: str = "") -> None:
        self.action = action  # "iam:GenerateCredentialReport"
        self.region = region
        self.code = code
        self.message = message
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        where = f" ({self.region})" if self.region and self.region != "global" else ""
        return f"{self.action}{where}: {self.code}"


@dataclass(frozen=True)
class Call:
    """One API call made (service's IAM prefix, operation, Region)."""

    service: str
    operation: str
    region: str

    @property
    def action(self) -> str:
        return f"{self.service}:{self.operation}"


#: boto3 service name → the prefix IAM policies use for its actions
IAM_PREFIX = {"sesv2": "ses", "ses": "ses", "monitoring": "cloudwatch", "cloudwatch": "cloudwatch"}


@dataclass
class AwsContext:
    """What every collector is given: clients per service and Region, the Regions to audit,
    the audit's clock and the log of calls."""

    session: Any  # boto3.Session
    regions: list[str]
    endpoint_url: str | None = None
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    account_id: str = ""
    partition: str = "aws"
    calls: list[Call] = field(default_factory=list)
    _clients: dict[tuple[str, str], Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def home_region(self) -> str:
        return self.regions[0] if self.regions else "us-east-1"

    def client(self, service: str, region: str | None = None) -> Any:
        """A client for ``service`` in ``region`` (IAM and other global services: the home
        Region). Made once and shared: botocore clients are thread-safe, sessions are not."""
        region = region or self.home_region
        key = (service, region)
        with self._lock:
            found = self._clients.get(key)
            if found is None:
                from botocore.config import Config

                config = Config(
                    retries={"mode": "standard", "max_attempts": MAX_ATTEMPTS},
                    connect_timeout=10,
                    read_timeout=60,
                    max_pool_connections=20,
                    user_agent_extra="mailwarden-cloud-audit",
                )
                found = self.session.client(
                    service, region_name=region, endpoint_url=self.endpoint_url, config=config
                )
                found.meta.events.register("before-parameter-build", self._record)
                self._clients[key] = found
            return found

    def _record(self, model: Any, **kwargs: Any) -> None:
        meta = model.service_model
        prefix = meta.signing_name or meta.endpoint_prefix
        region = (kwargs.get("context") or {}).get("client_region", "") or ""
        with self._lock:
            self.calls.append(Call(IAM_PREFIX.get(prefix, prefix), model.name, region))

    def call(self, service: str, operation: str, region: str | None = None, **params: Any) -> Any:
        """``client.<operation>(**params)`` with refusals turned into :class:`Unavailable`."""
        client = self.client(service, region)
        method = getattr(client, _snake(operation))
        try:
            return method(**params)
        except Exception as exc:
            raise self._translate(exc, service, operation, region or self.home_region) from exc

    def pages(
        self, service: str, operation: str, key: str, region: str | None = None, **params: Any
    ) -> Iterator[Any]:
        """Every item under ``key`` across the pages of a paginated call."""
        client = self.client(service, region)
        name = _snake(operation)
        try:
            if client.can_paginate(name):
                for page in client.get_paginator(name).paginate(**params):
                    yield from page.get(key, [])
                return
            # no paginator in botocore's model (SESv2's lists): follow NextToken by hand
            token: str | None = None
            for _ in range(100_000):
                page = getattr(client, name)(**params, **({"NextToken": token} if token else {}))
                yield from page.get(key, [])
                token = page.get("NextToken")
                if not token:
                    return
        except Exception as exc:
            raise self._translate(exc, service, operation, region or self.home_region) from exc

    def _translate(self, exc: Exception, service: str, operation: str, region: str) -> Exception:
        from botocore.exceptions import ClientError, NoCredentialsError, PartialCredentialsError

        action = f"{IAM_PREFIX.get(service, service)}:{operation}"
        if isinstance(exc, NoCredentialsError | PartialCredentialsError):
            return CloudCredentialsError(str(exc))
        if isinstance(exc, ClientError):
            error = exc.response.get("Error", {})
            code = str(error.get("Code", ""))
            message = str(error.get("Message", ""))
            if code in BAD_CREDENTIALS:
                return CloudCredentialsError(f"{action}: {code}: {message}")
            if code in DENIED or code in REGION_OFF or code.endswith("AccessDenied"):
                return Unavailable(action, region, code, message)
            # anything else a service answers (a bug, an unsupported call) is also "could not
            # ask": the check is undetermined and the reason shown
            return Unavailable(action, region, code or type(exc).__name__, message)
        from botocore.exceptions import BotoCoreError

        if isinstance(exc, BotoCoreError):
            return Unavailable(action, region, type(exc).__name__, str(exc))
        return exc


def _snake(operation: str) -> str:
    """``GenerateCredentialReport`` → ``generate_credential_report`` (botocore's method names)."""
    from botocore import xform_name

    return str(xform_name(operation))


def open_context(
    *,
    profile: str | None = None,
    role_arn: str | None = None,
    regions: list[str] | None = None,
    endpoint_url: str | None = None,
    external_id: str | None = None,
) -> AwsContext:
    """A context on boto3's standard credential chain (environment, shared files, SSO, instance
    role), a named profile, or a role assumed from either. Asks STS who it is, once."""
    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    if profile and role_arn:
        raise ConfigError("--profile and --role-arn: give one of them (the role is assumed from the chain)")
    try:
        session = boto3.Session(profile_name=profile) if profile else boto3.Session()
    except BotoCoreError as exc:  # an unknown profile
        raise CloudCredentialsError(str(exc)) from exc
    home = (regions[0] if regions else None) or session.region_name or "us-east-1"
    if role_arn:
        ctx = AwsContext(session, [home], endpoint_url)
        params: dict[str, Any] = {"RoleArn": role_arn, "RoleSessionName": "mailwarden-cloud-audit"}
        if external_id:
            params["ExternalId"] = external_id
        try:
            creds = ctx.call("sts", "AssumeRole", **params)["Credentials"]
        except Unavailable as exc:
            raise CloudCredentialsError(f"the role {role_arn} cannot be assumed: {exc.reason}") from exc
        session = boto3.Session(
            aws_access_key_id=creds["AccessKeyId"],
            aws_secret_access_key=creds["SecretAccessKey"],
            aws_session_token=creds["SessionToken"],
        )
        assumed = ctx.calls
    else:
        assumed = []
    ctx = AwsContext(session, list(regions or [home]), endpoint_url, calls=list(assumed))
    try:
        who = ctx.call("sts", "GetCallerIdentity")
    except Unavailable as exc:
        raise CloudCredentialsError(f"the credentials are refused: {exc.reason}") from exc
    except ClientError as exc:  # pragma: no cover - translated above
        raise CloudCredentialsError(str(exc)) from exc
    ctx.account_id = str(who["Account"])
    ctx.partition = str(who["Arn"]).split(":")[1] if str(who.get("Arn", "")).count(":") >= 2 else "aws"
    return ctx
