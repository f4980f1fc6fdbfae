"""The sending providers' webhooks: one verifier and parser per provider (``sns`` for Amazon
SES, ``sendgrid``, ``postmark``, ``resend``, ``mailgun``), built from the settings.

A verifier checks a request before anything of it is believed (signature, timestamp window,
replay, pinned certificate URL and topic, credentials, source network) and raises
:class:`~mailwarden.deliverability.events.Rejected`; ``parse`` turns the verified body into
events. ``parse`` is CPU work: the web layer runs it on a worker thread."""

from __future__ import annotations

import importlib
from typing import Protocol

from ...core.config import Settings
from ..events import HookRequest, Parsed

#: the provider modules, in the order they are built
PROVIDER_MODULES = ("sns", "sendgrid", "postmark", "resend", "mailgun")


class Verifier(Protocol):
    name: str  # the Provider value and the webhook's path: /hooks/<name>
    max_body: int  # the largest body read (bytes); more is answered 413 before parsing

    async def verify(self, req: HookRequest) -> None:
        """Raise Rejected unless ``req`` comes from the provider, now, and for the first time."""

    def parse(self, req: HookRequest) -> Parsed:
        """The events of a verified request; what is not understood is counted, not raised."""

    async def confirm(self, url: str) -> None:
        """Confirm a subscription (SNS); nothing for the other providers."""


def configured(settings: Settings, errors: dict[str, str] | None = None) -> dict[str, Verifier]:
    """The providers whose secrets are set, by name. Each provider module is imported only
    here, by name, and its ``build(settings)`` returns a verifier or None (secrets unset), or
    raises ValueError for a secret it cannot use — recorded in ``errors`` by provider module
    when given, raised otherwise."""
    found: dict[str, Verifier] = {}
    for module in PROVIDER_MODULES:
        try:
            mod = importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module}":
                raise
            continue  # a provider not written yet
        try:
            verifier: Verifier | None = mod.build(settings)
        except ValueError as exc:
            if errors is None:
                raise
            errors["ses" if module == "sns" else module] = str(exc)
            continue
        if verifier is not None:
            found[verifier.name] = verifier
    return found
