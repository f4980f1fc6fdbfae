"""Signed webhook requests as the sending providers make them, for the providers' tests, the
web layer's HTTP tests and the benchmark: each signer returns what a provider would send.

Sections: Amazon SNS / SES (below); SendGrid, Postmark, Resend, Mailgun (their own section)."""

from __future__ import annotations

import base64
import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
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
