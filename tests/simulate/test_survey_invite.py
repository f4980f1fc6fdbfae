"""The survey after a campaign, offered to everyone it was sent to: one mail each, in the
campaign's language, with the recipient's own survey link, which opens the survey page."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from mailwarden.core.config import Settings
from mailwarden.core.errors import InputError
from mailwarden.simulate.compose import CONTACT_HEADER
from mailwarden.simulate.models import SimCampaign, SimProfile, SimRecipient
from mailwarden.simulate.survey_invite import invite
from mailwarden.web.tracking import create_tracking_app
from tests.simulate.test_metrics import make_campaign
from tests.support.smtpsink import SinkServer

pytestmark = pytest.mark.smtp


@pytest.fixture
def sink():  # type: ignore[no-untyped-def]
    server = SinkServer().start()
    yield server
    server.stop()


def test_everyone_sent_is_invited_in_the_campaigns_language(store, tmp_path, sink) -> None:  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 3)
    settings = Settings(data_dir=tmp_path, secret_key="k" * 40)
    with store.session(write=True) as s:
        s.execute(update(SimProfile).values(relay=f"127.0.0.1:{sink.port}", security="none"))
        s.execute(
            update(SimCampaign)
            .where(SimCampaign.id == cid)
            .values(
                survey=False,
                lang="ja",
                contact="security@example.co.jp",
                base_url="https://sim.example.co.jp",
            )
        )
        # one recipient was never sent: not invited
        s.execute(update(SimRecipient).where(SimRecipient.id == recips[2][0]).values(sent_at=None))
    with pytest.raises(InputError):
        invite(store, settings, cid)  # the campaign has no survey
    with store.session(write=True) as s:
        s.execute(update(SimCampaign).where(SimCampaign.id == cid).values(survey=True))
    got = invite(store, settings, cid)
    assert (got.sent, got.failed) == (2, {})
    mails = sink.sink.wait(2)
    assert sorted(m.rcpt_tos[0] for m in mails) == sorted(a for _, _, a in recips[:2])
    msg = message_from_bytes(mails[0].data, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert "アンケート" in str(msg["Subject"]) and msg[CONTACT_HEADER] == "security@example.co.jp"
    body = msg.get_content()
    link = re.search(r"https://sim\.example\.co\.jp/t/v/(\S+)", body)
    assert link, body
    # the link opens this recipient's survey page
    with TestClient(create_tracking_app(settings, store)) as client:
        page = client.get(f"/v/{link.group(1)}")
        assert page.status_code == 200 and "<form" in page.text
        assert client.get(f"/v/{link.group(1)[:-2]}xx").status_code == 404
