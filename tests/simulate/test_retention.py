"""The retention limit: raw hits past it lose address, user agent and headers and keep their
classification; newer hits are untouched; a second run empties nothing — SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, timedelta

from sqlalchemy import select

from mailwarden.core.config import Settings
from mailwarden.simulate import classify, figures, retention
from mailwarden.simulate.models import SimHit

from .test_metrics import T0, add_hit, make_campaign, person_clicks


def _hits(store) -> list[SimHit]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return list(s.scalars(select(SimHit).order_by(SimHit.id)))


def test_old_hits_lose_what_identifies_and_keep_their_classification(store, tmp_path):  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 2)
    person_clicks(store, cid, recips[0][0], T0 + timedelta(hours=1), "198.51.100.1")  # 3 old hits
    add_hit(
        store,
        cid,
        recips[1][0],
        "click",
        T0 + timedelta(seconds=2),
        "203.0.113.9",
        method="HEAD",
        headers={"sec-purpose": "prefetch"},
    )
    new_at = T0 + timedelta(days=200)
    add_hit(store, cid, recips[1][0], "open", new_at, "198.51.100.2", headers={"accept": "image/*"})
    classify.classify_campaign(store, cid, now=new_at)
    before = {h.id: (h.human, h.reasons) for h in _hits(store)}

    now = T0 + timedelta(days=190)
    got = retention.purge(store, days=180, now=now)
    assert got["hits"] == 4 and got["days"] == 180 and got["classified_campaigns"] == 0
    assert got["before"] == (now - timedelta(days=180)).isoformat()
    hits = _hits(store)
    for h in hits:
        assert (h.human, h.reasons) == before[h.id]  # the classification is kept
        old = h.at.replace(tzinfo=UTC) < now - timedelta(days=180)
        if old:
            assert (h.ip, h.user_agent, h.headers) == ("", "", {})
        else:
            assert (h.ip, h.headers) == ("198.51.100.2", {"accept": "image/*"})
    assert retention.purge(store, days=180, now=now)["hits"] == 0
    # the figures do not move
    m = figures.campaign_metrics(store, cid, now=now)
    assert m["figures"]["clicked"]["human"] == 1 and m["figures"]["clicked"]["raw_recipients"] == 2


def test_worker_call_uses_the_configured_days(store, tmp_path):  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 1)
    add_hit(store, cid, recips[0][0], "open", T0, "198.51.100.3")
    settings = Settings(data_dir=tmp_path, sim_retention_days=10)
    # undecided hits past the limit are classified before they are emptied
    got = retention.run(store, settings, now=T0 + timedelta(days=11))
    assert got["hits"] == 1 and got["classified_campaigns"] == 1
    [h] = _hits(store)
    assert h.human is not None and h.ip == ""
    assert retention.run(store, settings, now=T0 + timedelta(days=9))["hits"] == 0


def test_done_webhook_deliveries_past_the_limit_are_deleted(store):  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from mailwarden.core.store.models import utcnow
    from mailwarden.simulate import webhooks
    from mailwarden.simulate.models import SimCampaign, SimRecipient, SimWebhookDelivery

    cid, recips = make_campaign(store, 2)
    webhooks.add_webhook(store, "http://127.0.0.1:9/x")
    with store.session() as s:
        c = s.get(SimCampaign, cid)
        for rid, _, _ in recips:
            webhooks.emit(s, "recipient.sent", webhooks.recipient_payload(c, s.get(SimRecipient, rid)))
    with store.session() as s:
        first = s.scalar(select(SimWebhookDelivery.id).order_by(SimWebhookDelivery.id))
        s.execute(update(SimWebhookDelivery).where(SimWebhookDelivery.id == first).values(status="sent"))
    assert retention.purge(store, days=180, now=utcnow() + timedelta(days=179))["deliveries"] == 0
    got = retention.purge(store, days=180, now=utcnow() + timedelta(days=181))
    assert got["deliveries"] == 1
    with store.session() as s:
        assert list(s.scalars(select(SimWebhookDelivery.status))) == ["pending"]  # still to be sent
