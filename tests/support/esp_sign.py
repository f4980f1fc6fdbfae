"""Signed webhook requests as the sending providers make them, for the providers' tests, the
web layer's HTTP tests and the benchmark: each signer returns what a provider would send.

Sections: Amazon SNS / SES (below); SendGrid, Postmark, Resend, Mailgun (their own section)."""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

# ---------------------------------------------------------------------------------------------
# Amazon SNS / SES
# ---------------------------------------------------------------------------------------------

SNS_HOST = "sns.ap-northeast-1.amazonaws.com"
SNS_CERT_PATH = "/SimpleNotificationService-test.pem"
_SENT_AT = "2026-12-05T08:00:00.000Z"
SNS_TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:ses-events"
_SNS_SIGNED = {
    "Notification": ("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"),
    "SubscriptionConfirmation": (
        "Message",
        "MessageId",
        "SubscribeURL",
        "Timestamp",
        "Token",
        "TopicArn",
        "Type",
    ),
}
_SNS_SIGNED["UnsubscribeConfirmation"] = _SNS_SIGNED["SubscriptionConfirmation"]


@dataclass
class SnsSigner:
    """An SNS signing key and its certificate (PEM, served at ``cert_url``)."""

    key: rsa.RSAPrivateKey
    cert_pem: bytes
    host: str = SNS_HOST
    path: str = SNS_CERT_PATH

    @classmethod
    def new(
        cls,
        host: str = SNS_HOST,
        path: str = SNS_CERT_PATH,
        *,
        not_before: _dt.datetime | None = None,
        not_after: _dt.datetime | None = None,
    ) -> SnsSigner:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = _dt.datetime.now(_dt.UTC)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or now - _dt.timedelta(days=1))
            .not_valid_after(not_after or now + _dt.timedelta(days=30))
            .sign(key, hashes.SHA256())
        )
        return cls(key, cert.public_bytes(serialization.Encoding.PEM), host, path)

    @property
    def cert_url(self) -> str:
        return f"https://{self.host}{self.path}"

    def page(self) -> tuple[tuple[str, str], tuple[int, str, bytes]]:
        """The certificate as an ``HttpsServer`` page."""
        return (self.host, self.path), (200, "application/x-pem-file", self.cert_pem)


def sns_canonical(fields: dict[str, Any]) -> bytes:
    keys = _SNS_SIGNED[fields["Type"]]
    return "".join(f"{k}\n{fields[k]}\n" for k in keys if fields.get(k) is not None).encode()


def sns_signed(signer: SnsSigner, fields: dict[str, Any], version: int = 1) -> bytes:
    """The body of an SNS message: ``fields`` plus SignatureVersion, SigningCertURL and the
    signature (SHA1withRSA for version 1, SHA256withRSA for 2)."""
    doc = dict(fields)
    doc.setdefault("SigningCertURL", signer.cert_url)
    doc["SignatureVersion"] = str(version)
    algorithm = hashes.SHA1() if version == 1 else hashes.SHA256()
    sig = signer.key.sign(sns_canonical(doc), padding.PKCS1v15(), algorithm)
    doc["Signature"] = base64.b64encode(sig).decode()
    return json.dumps(doc).encode()


def _iso(at: _dt.datetime | None) -> str:
    at = at or _dt.datetime.now(_dt.UTC)
    return at.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def sns_notification(
    topic_arn: str,
    message: dict[str, Any],
    *,
    message_id: str = "a1b2c3d4-0000-4000-8000-000000000001",
    timestamp: _dt.datetime | None = None,
    subject: str | None = None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "Type": "Notification",
        "MessageId": message_id,
        "TopicArn": topic_arn,
        "Message": json.dumps(message),
        "Timestamp": _iso(timestamp),
        "UnsubscribeURL": f"https://{SNS_HOST}/?Action=Unsubscribe&SubscriptionArn={topic_arn}:x",
    }
    if subject is not None:
        fields["Subject"] = subject
    return fields


def sns_subscription(
    topic_arn: str,
    subscribe_url: str,
    token: str,
    *,
    kind: str = "SubscriptionConfirmation",
    message_id: str = "a1b2c3d4-0000-4000-8000-0000000000ff",
    timestamp: _dt.datetime | None = None,
) -> dict[str, Any]:
    return {
        "Type": kind,
        "MessageId": message_id,
        "Token": token,
        "TopicArn": topic_arn,
        "Message": f"You have chosen to subscribe to the topic {topic_arn}.",
        "SubscribeURL": subscribe_url,
        "Timestamp": _iso(timestamp),
    }


def _ses_mail(source: str, destination: list[str], at: str) -> dict[str, Any]:
    return {
        "timestamp": at,
        "source": source,
        "sourceArn": "arn:aws:ses:ap-northeast-1:123456789012:identity/example.jp",
        "sendingAccountId": "123456789012",
        "messageId": "0106018c-aaaa-bbbb-cccc-000000000000-000000",
        "destination": destination,
        "headersTruncated": False,
        "commonHeaders": {
            "from": [f"Example <{source}>"],
            "to": destination,
            "messageId": "0106018c-aaaa-bbbb-cccc-000000000000-000000",
            "subject": "ご注文の確認",
        },
    }


def ses_bounce(
    recipients: list[str] | None = None,
    *,
    bounce_type: str = "Permanent",
    sub_type: str = "General",
    source: str = "Shop <info@example.jp>",
    diagnostic: str = "smtp; 550 5.1.1 user unknown",
    status: str = "5.1.1",
    event_publishing: bool = True,
    at: str = "2026-12-05T08:00:01.000Z",
) -> dict[str, Any]:
    recipients = recipients or ["nobody@example.net"]
    bounce = {
        "bounceType": bounce_type,
        "bounceSubType": sub_type,
        "bouncedRecipients": [
            {"emailAddress": r, "action": "failed", "status": status, "diagnosticCode": diagnostic}
            for r in recipients
        ],
        "timestamp": at,
        "feedbackId": "0106018c-feed-0000-0000-000000000000-000000",
        "reportingMTA": "dsn; e226-1.smtp-out.ap-northeast-1.amazonses.com",
    }
    key = "eventType" if event_publishing else "notificationType"
    return {
        key: "Bounce",
        "bounce": bounce,
        "mail": _ses_mail(source, recipients, _SENT_AT),
    }


def ses_delivery(
    recipients: list[str] | None = None,
    *,
    source: str = "info@example.jp",
    at: str = "2026-12-05T08:00:02.000Z",
    event_publishing: bool = True,
) -> dict[str, Any]:
    recipients = recipients or ["taro@example.net"]
    key = "eventType" if event_publishing else "notificationType"
    return {
        key: "Delivery",
        "mail": _ses_mail(source, recipients, _SENT_AT),
        "delivery": {
            "timestamp": at,
            "processingTimeMillis": 812,
            "recipients": recipients,
            "smtpResponse": "250 2.0.0 OK 1733385602 x1si123 - gsmtp",
            "reportingMTA": "e226-1.smtp-out.ap-northeast-1.amazonses.com",
        },
    }


def ses_complaint(
    recipients: list[str] | None = None,
    *,
    source: str = "info@example.jp",
    feedback_type: str = "abuse",
    at: str = "2026-12-05T09:00:00.000Z",
) -> dict[str, Any]:
    recipients = recipients or ["hanako@example.net"]
    return {
        "eventType": "Complaint",
        "mail": _ses_mail(source, recipients, _SENT_AT),
        "complaint": {
            "complainedRecipients": [{"emailAddress": r} for r in recipients],
            "timestamp": at,
            "feedbackId": "0106018c-cccc-0000-0000-000000000000-000000",
            "userAgent": "Yahoo!-Mail-Feedback/2.0",
            "complaintFeedbackType": feedback_type,
            "arrivalDate": at,
        },
    }


def ses_event(event_type: str, part: dict[str, Any], recipients: list[str] | None = None) -> dict[str, Any]:
    """Any other event-publishing event: ``{"eventType": T, "<t>": part, "mail": …}``."""
    recipients = recipients or ["taro@example.net"]
    key = {"DeliveryDelay": "deliveryDelay", "Rendering Failure": "failure"}.get(
        event_type, event_type[:1].lower() + event_type[1:]
    )
    return {
        "eventType": event_type,
        key: part,
        "mail": _ses_mail("info@example.jp", recipients, _SENT_AT),
    }


# ---------------------------------------------------------------------------------------------
# SendGrid, Postmark, Resend, Mailgun (written by the other providers' task)
# ---------------------------------------------------------------------------------------------

# SendGrid: ECDSA P-256 over timestamp + body (Event Webhook signature)

SENDGRID_SIG = "x-twilio-email-event-webhook-signature"
SENDGRID_TS = "x-twilio-email-event-webhook-timestamp"


def sendgrid_keys() -> tuple[ec.EllipticCurvePrivateKey, str]:
    """A signing key and its public key as SendGrid shows it (base64 DER SubjectPublicKeyInfo)."""
    key = ec.generate_private_key(ec.SECP256R1())
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return key, base64.b64encode(der).decode("ascii")


def sendgrid_signed(
    key: ec.EllipticCurvePrivateKey, events: list[dict[str, Any]], timestamp: int
) -> tuple[dict[str, str], bytes]:
    body = json.dumps(events, ensure_ascii=False).encode("utf-8")
    ts = str(timestamp)
    signature = key.sign(ts.encode("ascii") + body, ec.ECDSA(hashes.SHA256()))
    headers = {
        "Content-Type": "application/json",
        "X-Twilio-Email-Event-Webhook-Signature": base64.b64encode(signature).decode("ascii"),
        "X-Twilio-Email-Event-Webhook-Timestamp": ts,
    }
    return headers, body


_SG_KINDS = ("processed", "delivered", "open", "click", "bounce", "deferred", "spamreport", "dropped")


def sendgrid_event(
    kind: str, email: str = "taro@example.net", *, timestamp: int = 1_796_457_600, n: int = 0, **extra: Any
) -> dict[str, Any]:
    """One SendGrid event with the fields real payloads carry."""
    event: dict[str, Any] = {
        "email": email,
        "timestamp": timestamp,
        "smtp-id": f"<{n}.abc@ismtpd-01.sendgrid.net>",
        "event": kind,
        "category": ["newsletter"],
        "sg_event_id": f"sg-{kind}-{n:08d}-{email}",
        "sg_message_id": f"14c5d75ce93.dfd.{n}.filter0001.16648.5515E0B88.0",
    }
    if kind == "bounce":
        event.update(type="bounce", status="5.1.1", reason="550 5.1.1 The email account does not exist.")
    elif kind == "deferred":
        event.update(response="421 4.7.28 try again later", attempt="1")
    elif kind == "click":
        event.update(url="https://example.jp/sale", useragent="Mozilla/5.0", ip="192.0.2.1")
    elif kind == "open":
        event.update(useragent="Mozilla/5.0", ip="192.0.2.1")
    elif kind == "dropped":
        event.update(reason="Bounced Address")
    elif kind == "delivered":
        event.update(response="250 OK", ip="168.1.1.1", tls=1)
    event.update(extra)
    return event


def sendgrid_events(
    n: int, *, kinds: tuple[str, ...] = _SG_KINDS, start: int = 0, timestamp: int = 1_796_457_600
) -> list[dict[str, Any]]:
    """``n`` events cycling through ``kinds``, each with a distinct sg_event_id."""
    return [
        sendgrid_event(kinds[i % len(kinds)], f"user{i}@example.net", timestamp=timestamp, n=start + i)
        for i in range(n)
    ]


# Postmark: HTTP basic auth, one JSON object per request


def postmark_auth(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}", "Content-Type": "application/json"}


def postmark_bounce(
    email: str = "taro@example.net",
    *,
    kind: str = "HardBounce",
    bounce_id: int = 4323372036854775807,
    sender: str = "info@example.jp",
    at: str = "2026-12-05T08:00:05.0000000-05:00",
) -> dict[str, Any]:
    return {
        "RecordType": "Bounce",
        "MessageStream": "outbound",
        "ID": bounce_id,
        "Type": kind,
        "TypeCode": 1,
        "Name": "Hard bounce",
        "Tag": "newsletter",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "ServerID": 23,
        "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": email,
        "From": sender,
        "BouncedAt": at,
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "お知らせ",
        "Content": "",
    }


def postmark_record(record_type: str, email: str = "taro@example.net", **extra: Any) -> dict[str, Any]:
    """Delivery, SpamComplaint, Open, Click or SubscriptionChange as Postmark sends them."""
    base: dict[str, Any] = {
        "RecordType": record_type,
        "MessageStream": "outbound",
        "MessageID": "00000000-0000-0000-0000-000000000001",
        "Recipient": email,
        "Tag": "newsletter",
        "Metadata": {},
    }
    if record_type == "Delivery":
        base.update(ServerID=23, DeliveredAt="2026-12-05T08:00:05Z", Details="Test delivery webhook details")
    elif record_type == "SpamComplaint":
        base = postmark_bounce(email, kind="SpamComplaint", bounce_id=42)
        base["RecordType"] = "SpamComplaint"
    elif record_type == "Open":
        base.update(
            FirstOpen=True, ReceivedAt="2026-12-05T08:10:00Z", Platform="WebMail", UserAgent="Mozilla/5.0"
        )
    elif record_type == "Click":
        base.update(
            ReceivedAt="2026-12-05T08:11:00Z", OriginalLink="https://example.jp/sale", ClickLocation="HTML"
        )
    elif record_type == "SubscriptionChange":
        base.update(
            ChangedAt="2026-12-05T08:12:00Z",
            Origin="Recipient",
            SuppressSending=True,
            SuppressionReason="ManualSuppression",
        )
    base.update(extra)
    return base


# Resend (Svix) and Mailgun: signers below


def resend_secret() -> str:
    return "whsec_" + base64.b64encode(os.urandom(24)).decode("ascii")


def resend_signed(
    secret: str, payload: dict[str, Any], msg_id: str, timestamp: int
) -> tuple[dict[str, str], bytes]:
    """Headers and body as Resend (Svix) sends them."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    headers = {
        "Content-Type": "application/json",
        "svix-id": msg_id,
        "svix-timestamp": str(timestamp),
        "svix-signature": "v1," + base64.b64encode(mac).decode("ascii"),
    }
    return headers, body


def resend_event(
    type_: str = "email.bounced",
    to: list[str] | str | None = None,
    *,
    sender: str = "Acme <news@example.jp>",
    created_at: str = "2026-12-05T08:00:05.000Z",
    **data: Any,
) -> dict[str, Any]:
    """A Resend webhook payload with the fields its events carry."""
    body: dict[str, Any] = {
        "email_id": "56761188-7520-42d8-8898-ff6fc54ce618",
        "created_at": "2026-12-05T08:00:00.000Z",
        "from": sender,
        "to": to or ["taro@example.net"],
        "subject": "12月のお知らせ",
    }
    if type_ == "email.bounced":
        body["bounce"] = {
            "message": "550 5.1.1 The email account that you tried to reach does not exist.",
            "subType": "General",
            "type": "Permanent",
        }
    elif type_ == "email.clicked":
        body["click"] = {
            "ipAddress": "192.0.2.1",
            "link": "https://example.jp/sale",
            "timestamp": created_at,
            "userAgent": "Mozilla/5.0",
        }
    elif type_ == "email.failed":
        body["failed"] = {"reason": "reached_daily_quota"}
    body.update(data)
    return {"type": type_, "created_at": created_at, "data": body}


def mailgun_signed(
    key: str, event_data: dict[str, Any], timestamp: int, token: str
) -> tuple[dict[str, str], bytes]:
    sig = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    payload = {
        "signature": {"timestamp": str(timestamp), "token": token, "signature": sig},
        "event-data": event_data,
    }
    return {"Content-Type": "application/json"}, json.dumps(payload).encode("utf-8")


def mailgun_event(
    event: str = "failed",
    recipient: str = "taro@example.net",
    *,
    severity: str = "permanent",
    event_id: str = "CPgfbmQMTCKtHW6uIWtuVe",
    timestamp: float = 1_796_457_605.908181,
    **extra: Any,
) -> dict[str, Any]:
    """Mailgun's event-data with the fields its events carry."""
    data: dict[str, Any] = {
        "id": event_id,
        "timestamp": timestamp,
        "log-level": "error" if event == "failed" else "info",
        "event": event,
        "recipient": recipient,
        "recipient-domain": recipient.rpartition("@")[2],
        "envelope": {"sender": "bounce@mg.example.jp", "transport": "smtp", "targets": recipient},
        "message": {
            "headers": {
                "to": recipient,
                "message-id": "20261205080000.1.ABCDEF@mg.example.jp",
                "from": "Example <news@example.jp>",
                "subject": "12月のお知らせ",
            },
            "size": 2048,
        },
        "tags": ["newsletter"],
    }
    if event == "failed":
        permanent = severity == "permanent"
        data["severity"] = severity
        data["reason"] = "bounce" if permanent else "generic"
        # as Mailgun passes Gmail's answers on: the reply code and enhanced code apart, the
        # message text without the reply code
        data["delivery-status"] = {
            "code": 550 if permanent else 452,
            "enhanced-code": "5.1.1" if permanent else "4.2.2",
            "message": "5.1.1 The email account that you tried to reach does not exist. Please try "
            "5.1.1 double-checking the recipient's email address for typos."
            if permanent
            else "4.2.2 The email account that you tried to reach is over quota.",
            "description": "",
            "mx-host": "gmail-smtp-in.l.google.com",
            "attempt-no": 1,
            "session-seconds": 0.4,
            "tls": True,
            "certificate-verified": True,
            "utf8": True,
        }
        data["flags"] = {"is-routed": False, "is-authenticated": True, "is-test-mode": False}
    elif event in ("opened", "clicked"):
        data["ip"] = "192.0.2.44"
        data["client-info"] = {"client-type": "browser", "client-os": "Linux", "device-type": "desktop"}
        if event == "clicked":
            data["url"] = "https://example.jp/sale"
    data.update(extra)
    return data
