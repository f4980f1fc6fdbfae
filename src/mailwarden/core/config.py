"""Settings from ``MAILWARDEN_*`` environment variables (pydantic-settings)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    return Path(user_data_dir("mailwarden", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAILWARDEN_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    lang: str | None = None
    #: The zone times are shown in (IANA name, e.g. Asia/Tokyo). Unset: Asia/Tokyo for
    #: Japanese readers, the system's zone for others (core/timefmt.py reads it).
    timezone: str | None = None
    secret_key: str | None = None
    #: Comma-separated ``HOST[:PORT]`` list; empty means the system resolver.
    nameservers: str = ""
    dns_timeout: float = 2.0
    dns_retries: int = 2
    dns_concurrency: int = 200
    #: Where jobs (surveys, audits, DMARC ingestion and polls, scans) run: ``inline`` in the
    #: process that starts them, ``queue`` on ``mailwarden worker`` processes (PostgreSQL),
    #: ``auto`` the queue when the database is PostgreSQL, else inline.
    jobs: Literal["auto", "inline", "queue"] = "auto"
    #: DNS zones answering origin-AS questions in Team Cymru's format (IPv4, IPv6).
    asn_zone: str = "origin.asn.cymru.com"
    asn6_zone: str = "origin6.asn.cymru.com"
    #: YAML overriding the message analyser's weights, thresholds and lists.
    analyze_rules: Path | None = None
    #: YAML overriding the rules that auto-resolve staff reports on intake (reports/rules.yaml).
    report_rules: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    #: Fetching anything named by analysed mail is off unless turned on.
    allow_fetch_from_mail: bool = False
    #: The DLP gateway's spool (default: ``spool`` in the data directory).
    gateway_spool: Path | None = None
    #: Several gateways sharing their hold and delay queues through the store (PostgreSQL;
    #: docs/operations.md, "Several gateways"): set on every gateway, console and CLI host.
    gateway_shared: bool = False
    #: Who the gateway's notices come from, and the console address they link to.
    notify_from: str = "postmaster@localhost"
    console_url: str = "http://127.0.0.1:8000"
    #: Host headers the console answers (comma-separated; "*" for any). Empty: the host of
    #: console_url, plus localhost and 127.0.0.1
    trusted_hosts: str = ""
    #: Credentials: what the MTA must present to the gateway (AUTH), and what the gateway
    #: presents to its relay. From the environment only.
    gateway_auth_user: str | None = None
    gateway_auth_password: str | None = None
    relay_user: str | None = None
    relay_password: str | None = None
    #: Reports one API token may post a minute (a report button per member of staff shares
    #: the installation's token: a whole office reporting one campaign must fit).
    report_rate: int = 600
    #: Processes staff reports are read and analysed in beside the console (the console keeps
    #: them): 0 does it all on the console's threads. ``mailwarden serve`` sets it to the cores
    #: beyond two (at most 3) unless it is given: 0 on a 2-core machine.
    intake_workers: int | None = None
    #: Feedback mails to staff who report suspicious mail: the SMTP relay (``HOST[:PORT]``;
    #: empty: feedback is queued but not sent), how it is reached (starttls: required; tls:
    #: implicit TLS; none: plain, loopback only) and who the mails come from (default:
    #: notify_from). The relay's login is relay_user / relay_password.
    feedback_relay: str = ""
    feedback_relay_security: str = "starttls"
    feedback_from: str | None = None
    #: Remediation across staff mailboxes: the IMAP server (``HOST[:PORT]``), how it is reached
    #: (tls, starttls), the master user (or admin) that may open every mailbox and how its
    #: login is written (Dovecot: ``{mailbox}*{master}``), the mailboxes to search (a file, one
    #: address per line) and the folder messages are moved to.
    remediate_imap: str = ""
    remediate_imap_security: str = "tls"
    remediate_master_user: str | None = None
    remediate_master_password: str | None = None
    remediate_login_format: str = "{mailbox}*{master}"
    remediate_mailboxes: Path | None = None
    remediate_quarantine: str = "Quarantine"
    #: Phishing simulations: the public base URL of the tracking links, landing and training
    #: pages (default: console_url), the days raw tracking hits keep their address, user agent
    #: and headers, and a YAML of scanner networks and user agents added to the shipped list.
    sim_url: str = ""
    sim_retention_days: int = 180
    scanner_rules: Path | None = None
    #: Extra CA bundle for HTTPS (MTA-STS, BIMI) – used by tests with a private CA.
    ca_bundle: Path | None = None
    #: Deliverability. The sending domains whose provider events are kept (comma-separated;
    #: empty: every domain); events for other domains are counted and dropped.
    sending_domains: str = ""
    #: Webhook verification, from the environment only: SendGrid's verification keys (base64
    #: public keys, comma-separated while rotating); Postmark's basic-auth user and password
    #: and, optionally, the networks its posts may come from (comma-separated CIDRs); Resend's
    #: (Svix) signing secrets (whsec_…, comma-separated while rotating); Mailgun's webhook
    #: signing keys (comma-separated while rotating); the SNS topics (ARNs) SES events may
    #: come from. A provider left unset has no webhook (404).
    hook_sendgrid_keys: str = ""
    hook_postmark_user: str | None = None
    hook_postmark_password: str | None = None
    hook_postmark_networks: str = ""
    hook_resend_secrets: str = ""
    hook_mailgun_keys: str = ""
    hook_sns_topics: str = ""
    #: Seconds a signed timestamp may differ from the clock (replays, clock skew).
    hook_tolerance: int = 300
    #: The HTTPS port SNS signing certificates and subscription URLs are fetched on (443;
    #: tests point it at a private server, with nameservers and ca_bundle).
    sns_https_port: int = 443
    #: Deliverability alerts: addresses mailed (comma-separated; sent through feedback_relay),
    #: and a webhook posted to, signed with alert_webhook_secret (HMAC-SHA256).
    alert_mail_to: str = ""
    alert_webhook_url: str = ""
    alert_webhook_secret: str | None = None
    #: Google Postmaster Tools (API v2): a service-account key file (JSON) with the
    #: postmaster.readonly scope, and the API's and token endpoints (tests: a private server).
    postmaster_credentials: Path | None = None
    postmaster_endpoint: str = "https://gmailpostmastertools.googleapis.com"
    postmaster_token_url: str = "https://oauth2.googleapis.com/token"
    #: The sender test inbox: the domain of its addresses (the console shows one to send to).
    sender_inbox_domain: str = ""

    def spool_dir(self) -> Path:
        return self.gateway_spool or self.data_dir / "spool"

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'mailwarden.db'}"


@cache
def get_settings() -> Settings:
    return Settings()
