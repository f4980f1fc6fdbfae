"""The optional survey after a campaign, offered to everyone it was sent to — not only to the
people who failed (they are offered it at the end of their training): one short mail each,
in the campaign's language, through the campaign's sending profile, with the recipient's own
survey link (``/t/v/<id>``) and the contact header naming who runs the exercise.

Nothing records that an invitation went out: running it twice invites twice, and the command
says how many it sent. A survey answered twice keeps the last answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from sqlalchemy import select

from ..core.config import Settings
from ..core.errors import InputError
from ..core.i18n import N_, gettext, language
from ..core.mailout import Mailer
from ..core.secretkey import secret_key
from ..core.store import Store
from ..core.store.models import utcnow
from .campaigns import relay_config
from .compose import CONTACT_HEADER
from .ids import link_id
from .models import SimCampaign, SimProfile, SimRecipient
from .urls import url

SUBJECT = N_("A short survey about the recent email exercise")
BODY = N_(
    "Dear {name},\n\n"
    "You recently received a practice phishing mail: it was an exercise run by {contact}.\n"
    "Would you tell us in two minutes what you thought of it? Your answers help make the next\n"
    "one better.\n\n"
    "{link}\n\n"
    "Thank you."
)


@dataclass
class Invited:
    sent: int = 0
    failed: dict[str, str] = field(default_factory=dict)


def invite(store: Store, settings: Settings, campaign_id: int) -> Invited:
    """Mail every recipient the campaign was sent to a link to its survey."""
    key = secret_key(settings)
    with store.session() as s:
        campaign = s.get(SimCampaign, campaign_id)
        if campaign is None:
            raise InputError(gettext("no such campaign: {id}").format(id=campaign_id))
        if not campaign.survey:
            raise InputError(
                gettext("campaign {name} has no survey (create it with --survey)").format(name=campaign.name)
            )
        profile = s.get(SimProfile, campaign.profile_id)
        assert profile is not None
        recipients = s.scalars(
            select(SimRecipient).where(
                SimRecipient.campaign_id == campaign_id, SimRecipient.sent_at.is_not(None)
            )
        ).all()
        s.expunge_all()
    base = campaign.base_url or settings.sim_url or settings.console_url
    config = relay_config(profile, settings)
    done = Invited()
    with language(campaign.lang), Mailer(config) as mailer:
        subject, body = gettext(SUBJECT), gettext(BODY)
        for r in recipients:
            msg = EmailMessage()
            msg["From"] = formataddr((campaign.contact or profile.mail_from, profile.mail_from))
            msg["To"] = Address(display_name=r.name, addr_spec=r.address)
            msg["Subject"] = subject
            msg["Date"] = format_datetime(utcnow())
            if campaign.contact:
                msg[CONTACT_HEADER] = campaign.contact
            msg.set_content(
                body.format(
                    name=r.name or r.address,
                    contact=campaign.contact or profile.mail_from,
                    link=url(base, "survey", link_id(key, r.token)),
                ),
                cte="base64",
            )
            got = mailer.send(msg, mail_from=profile.mail_from, to=r.address)
            if got.sent:
                done.sent += 1
            else:
                done.failed[r.address] = got.reply
    return done
