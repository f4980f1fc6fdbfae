"""Helpers for the SES area's tests on the moto server.

moto 5.2 keeps the SNS topics ``ses.set_identity_notification_topic`` sets, but its
``GetIdentityNotificationAttributes`` leaves them out of the answer; and it has no SESv2
``GetAccount``. :func:`answer_notifications` answers the first from moto's own in-process state
(what AWS would say), :func:`answer_account` stubs the second."""

from __future__ import annotations

from typing import Any

from .conftest import ACCOUNT, MotoAccount, stub_operation


def answer_account(
    ctx: Any,
    region: str,
    *,
    production: bool = True,
    enforcement: str = "HEALTHY",
    sending: bool = True,
    max_24h: float = 50000.0,
    sent: float = 0.0,
    rate: float = 14.0,
) -> None:
    """SESv2 GetAccount in ``region`` answers with these values."""
    stub_operation(
        ctx.client("sesv2", region),
        "GetAccount",
        {
            "SendingEnabled": sending,
            "ProductionAccessEnabled": production,
            "EnforcementStatus": enforcement,
            "SendQuota": {"Max24HourSend": max_24h, "MaxSendRate": rate, "SentLast24Hours": sent},
        },
    )


def answer_notifications(ctx: Any, aws: MotoAccount, region: str) -> None:
    """SESv1 GetIdentityNotificationAttributes in ``region`` answers with the topics moto
    holds for each identity (BounceTopic, ComplaintTopic, DeliveryTopic), as AWS does."""
    from moto.backends import get_backend

    backend = get_backend("ses")[ACCOUNT][region]  # type: ignore[call-overload]

    def answer(params: dict[str, Any]) -> dict[str, Any]:
        out = {}
        body = params["body"]  # the serialised query: Identities.member.N=name
        names = [
            v for k, v in sorted(body.items(), key=lambda kv: kv[0]) if k.startswith("Identities.member.")
        ]
        for identity in names:
            held = backend.sns_topics.get(identity, {})
            attrs: dict[str, Any] = {
                "ForwardingEnabled": True,
                "HeadersInBounceNotificationsEnabled": False,
                "HeadersInComplaintNotificationsEnabled": False,
                "HeadersInDeliveryNotificationsEnabled": False,
            }
            for kind in ("Bounce", "Complaint", "Delivery"):
                attrs[f"{kind}Topic"] = held.get(kind) or ""  # required by the shape; "" when none
            out[identity] = attrs
        return {"NotificationAttributes": out}

    stub_operation(ctx.client("ses", region), "GetIdentityNotificationAttributes", answer)


def refuse(ctx: Any, service: str, operation: str | None, region: str, code: str = "AccessDenied") -> None:
    """The context's client for ``service`` in ``region`` answers ``operation`` (every
    operation when None) with the error ``code``."""
    from botocore.exceptions import ClientError

    def deny(**_: Any) -> None:
        raise ClientError({"Error": {"Code": code, "Message": "no"}}, operation or "Any")

    name = ctx.client(service, region).meta.service_model.service_name
    event = f"before-call.{name}.{operation}" if operation else f"before-call.{name}"
    ctx.client(service, region).meta.events.register(event, deny)
