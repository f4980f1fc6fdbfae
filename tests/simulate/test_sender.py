"""Sending a campaign through a real SMTP peer (aiosmtpd on loopback): what is due and only
that, retries after backoff (time driven by ``now``, never slept), 5xx, a relay that is down,
pause/resume/stop between two messages, and two senders at once — on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from mailwarden.core import simmark
from mailwarden.core.store import Store, open_store
from mailwarden.simulate import campaigns as cmp
from mailwarden.simulate.compose import CONTACT_HEADER, links
from mailwarden.simulate.sender import BACKOFF, RELAY_BACKOFF, CampaignSender, send_due
from tests.simulate.test_campaigns import T0, make, recipients, seed, settings
from tests.support.nsd import free_port
from tests.support.smtpsink import Sink, SinkServer

pytestmark = pytest.mark.smtp
KEY = "k" * 40


@pytest.fixture
def sink():
    server = SinkServer().start()
    yield server
    server.stop()


def _started(store: Store, tmp_path, sink_port: int, n: int, **schedule: object) -> cmp.CampaignView:
    seed(store, n, relay=f"127.0.0.1:{sink_port}")
    c = make(store, settings(tmp_path), company="例株式会社")
    schedule.setdefault("now", T0)
    return cmp.schedule(c.id, store=store, **schedule)  # type: ignore[arg-type]


def _addresses(sink: Sink) -> Counter[str]:
    return Counter(a for m in sink.messages for a in m.rcpt_tos)


def test_due_recipients_are_sent_with_marker_and_links(store: Store, tmp_path, sink) -> None:
    c = _started(store, tmp_path, sink.port, 10, start_at=T0, send_by=T0 + timedelta(hours=1))
    st = settings(tmp_path)
    # 6 minutes apart: at T0+15 min, three are due (0, 6, 12)
    first = send_due(store, st, now=T0 + timedelta(minutes=15))
    assert (first.sent, first.retry, first.failed) == (3, 0, 0)
    assert len(sink.sink.messages) == 3
    assert cmp.get_campaign(c.id, store=store).status == "running"
    rest = send_due(store, st, now=T0 + timedelta(hours=1))
    assert rest.sent == 7 and rest.done == ["c1"]
    v = cmp.get_campaign(c.id, store=store)
    assert v.status == "done" and v.counts["sent"] == 10 and v.finished_at is not None
    assert _addresses(sink.sink) == Counter({f"u{i}@example.co.jp": 1 for i in range(10)})
    # the mail as the relay got it: envelope, marker, contact header, the recipient's own link
    by_token = {r.address: r for r in recipients(store, c.id)}
    got = sink.sink.messages[0]
    assert got.mail_from == "it-notice@example.co.jp"
    msg = message_from_bytes(got.data, policy=policy.default)
    r = by_token[got.rcpt_tos[0]]
    assert simmark.check(KEY, str(msg[simmark.HEADER])) == (str(c.id), r.token)
    assert msg[CONTACT_HEADER] == "sec@example.co.jp"
    body = msg.get_body(("plain",))
    assert body is not None and links(c.base_url, KEY, r.token).click in body.get_content()
    assert all(x.status == "sent" and x.attempts == 1 and x.sent_at is not None for x in by_token.values())
    # nothing left: a further pass sends nothing
    assert send_due(store, st, now=T0 + timedelta(hours=2)).handed == 0


def test_a_4xx_is_retried_after_backoff(store: Store, tmp_path, sink) -> None:
    c = _started(store, tmp_path, sink.port, 2)
    st = settings(tmp_path)
    sink.sink.refuse = "451 4.3.0 try again later"
    got = send_due(store, st, now=T0)
    assert (got.sent, got.retry) == (0, 2)
    rs = recipients(store, c.id)
    assert {(r.status, r.attempts, cmp.aware(r.due_at or T0)) for r in rs} == {("retry", 1, T0 + BACKOFF[0])}
    assert all(r.last_error.startswith("451") for r in rs)
    # not due yet: nothing tried
    assert send_due(store, st, now=T0 + timedelta(seconds=59)).handed == 0
    assert sink.sink.refused_count == 2
    sink.sink.refuse = None
    again = send_due(store, st, now=T0 + BACKOFF[0])
    assert again.sent == 2 and again.done == ["c1"]
    assert {(r.status, r.attempts) for r in recipients(store, c.id)} == {("sent", 2)}


def test_a_4xx_gives_up_after_the_last_backoff(store: Store, tmp_path, sink) -> None:
    c = _started(store, tmp_path, sink.port, 1)
    st = settings(tmp_path)
    sink.sink.refuse = "452 4.2.2 mailbox full"
    at = T0
    for wait in BACKOFF:
        assert send_due(store, st, now=at).retry == 1
        at += wait
    last = send_due(store, st, now=at)
    assert (last.retry, last.failed, last.done) == (0, 1, ["c1"])
    (r,) = recipients(store, c.id)
    assert (r.status, r.attempts) == ("failed", len(BACKOFF) + 1)
    assert "gave up after 6 attempts" in r.last_error and "452" in r.last_error
    assert sink.sink.refused_count == len(BACKOFF) + 1


def test_a_5xx_fails_that_recipient_only(store: Store, tmp_path, sink) -> None:
    c = _started(store, tmp_path, sink.port, 4)
    sink.sink.refuse_rcpt["u2@example.co.jp"] = "550 5.1.1 no such user"
    got = send_due(store, settings(tmp_path), now=T0)
    assert (got.sent, got.failed) == (3, 1)
    failed = [r for r in recipients(store, c.id) if r.status == "failed"]
    assert [(r.address, r.attempts) for r in failed] == [("u2@example.co.jp", 1)]
    assert failed[0].last_error.startswith("550")
    assert cmp.get_campaign(c.id, store=store).status == "done"


def test_a_relay_down_backs_off_without_counting_attempts(store: Store, tmp_path) -> None:
    port = free_port()  # nothing listens there
    c = _started(store, tmp_path, port, 5)
    st = settings(tmp_path)
    got = send_due(store, st, now=T0)
    assert got.handed == 0 and got.released == 5 and list(got.relay_down) == ["p"]
    rs = recipients(store, c.id)
    assert {(r.status, r.attempts, cmp.aware(r.due_at or T0)) for r in rs} == {
        ("queued", 0, T0 + RELAY_BACKOFF)
    }
    assert all(r.last_error for r in rs)
    assert cmp.get_campaign(c.id, store=store).status == "running"
    # the relay comes back: everything goes at the next turn after the backoff
    server = SinkServer(port).start()
    try:
        assert send_due(store, st, now=T0 + RELAY_BACKOFF - timedelta(seconds=1)).handed == 0
        again = send_due(store, st, now=T0 + RELAY_BACKOFF)
        assert again.sent == 5 and again.done == ["c1"]
        assert {(r.status, r.attempts) for r in recipients(store, c.id)} == {("sent", 1)}
    finally:
        server.stop()


class _Hook(Sink):
    """A sink that runs ``action`` once, when its ``at``-th message arrives (before it answers)."""

    def __init__(self, at: int, action) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.at, self.action = at, action

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        reply = await super().handle_DATA(server, session, envelope)
        if len(self.messages) == self.at:
            self.action()
        return reply


def _hooked(at: int, action) -> SinkServer:  # type: ignore[no-untyped-def]
    server = SinkServer()
    server.sink = _Hook(at, action)
    server.controller.handler = server.sink
    return server.start()


def test_pause_takes_effect_between_two_messages_and_resume_continues(store: Store, tmp_path) -> None:
    box: dict[str, int] = {}
    server = _hooked(3, lambda: cmp.pause(box["id"], store=store))
    try:
        c = _started(store, tmp_path, server.port, 10)
        box["id"] = c.id
        st = settings(tmp_path)
        got = send_due(store, st, now=T0, workers=1, recheck=0)
        assert (got.sent, got.released) == (3, 7)
        v = cmp.get_campaign(c.id, store=store)
        assert v.status == "paused" and v.counts == {**v.counts, "sent": 3, "queued": 7, "sending": 0}
        assert send_due(store, st, now=T0 + timedelta(hours=1)).handed == 0  # paused: nothing
        cmp.resume(c.id, store=store, now=T0)
        assert send_due(store, st, now=T0, recheck=0).sent == 7
        assert _addresses(server.sink) == Counter({f"u{i}@example.co.jp": 1 for i in range(10)})
        assert cmp.get_campaign(c.id, store=store).status == "done"
    finally:
        server.stop()


def test_stop_cancels_what_is_left(store: Store, tmp_path) -> None:
    box: dict[str, int] = {}
    server = _hooked(2, lambda: cmp.stop(box["id"], store=store))
    try:
        c = _started(store, tmp_path, server.port, 8)
        box["id"] = c.id
        got = send_due(store, settings(tmp_path), now=T0, workers=1, recheck=0)
        assert (got.sent, got.cancelled) == (2, 6)
        v = cmp.get_campaign(c.id, store=store)
        assert v.status == "stopped" and v.counts["cancelled"] == 6 and v.counts["sent"] == 2
        assert send_due(store, settings(tmp_path), now=T0 + timedelta(days=1)).handed == 0
        assert len(server.sink.messages) == 2
    finally:
        server.stop()


def test_two_senders_at_once_never_send_twice(store: Store, tmp_path, sink) -> None:
    n = 400
    c = _started(store, tmp_path, sink.port, n)
    st = settings(tmp_path)
    # the second sender has an engine of its own, as another process would
    other = open_store(url=store.engine.url.render_as_string(hide_password=False))
    gate = threading.Barrier(2)
    results = {}

    def run(name: str, s: Store) -> None:
        gate.wait()
        results[name] = send_due(s, st, now=T0)

    threads = [threading.Thread(target=run, args=(k, s)) for k, s in (("a", store), ("b", other))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    other.engine.dispose()
    assert results["a"].sent + results["b"].sent == n
    assert _addresses(sink.sink) == Counter({f"u{i}@example.co.jp": 1 for i in range(n)})
    assert cmp.get_campaign(c.id, store=store).counts["sent"] == n


def test_an_unusable_profile_is_named_and_nothing_is_sent(store: Store, tmp_path, sink, monkeypatch) -> None:
    monkeypatch.delenv("MW_TEST_NO_SUCH_PASS", raising=False)
    seed(store, 2, relay=f"127.0.0.1:{sink.port}")
    cmp.add_profile(
        "authed",
        f"127.0.0.1:{sink.port}",
        security="none",
        username="u",
        password_env="MW_TEST_NO_SUCH_PASS",
        mail_from="a@example.co.jp",
        store=store,
    )
    c = make(store, settings(tmp_path), profile="authed")
    cmp.schedule(c.id, store=store, now=T0)
    got = send_due(store, settings(tmp_path), now=T0)
    assert got.handed == 0 and "MW_TEST_NO_SUCH_PASS" in got.errors["c1"]
    assert sink.sink.messages == []


def test_limit_caps_a_pass_and_progress_is_told(store: Store, tmp_path, sink) -> None:
    _started(store, tmp_path, sink.port, 30)
    st = settings(tmp_path)
    assert send_due(store, st, now=T0, limit=7).sent == 7
    told: list[tuple[int, int]] = []
    assert send_due(store, st, now=T0, progress=lambda done, due: told.append((done, due))).sent == 23
    assert told and told[-1] == (23, 23) and all(due == 23 for _d, due in told)
    assert len(sink.sink.messages) == 30


def test_the_background_sender_sends_and_stops(store: Store, tmp_path, sink) -> None:
    c = _started(store, tmp_path, sink.port, 12, now=None)  # due now, by the clock
    sender = CampaignSender(store, settings(tmp_path), interval=0.05).start()
    try:
        assert len(sink.sink.wait(12, timeout=30)) == 12
    finally:
        sender.stop()
    assert not sender.running
    from mailwarden.simulate.sender import send_due as again

    assert again(store, settings(tmp_path)).handed == 0
    assert cmp.get_campaign(c.id, store=store).status == "done"


def test_mail_composed_in_a_child_process_is_the_same(store: Store, tmp_path, sink) -> None:
    c = _started(store, tmp_path, sink.port, 6)
    got = send_due(store, settings(tmp_path), now=T0, processes=1, processes_from=1)
    assert got.sent == 6 and got.done == ["c1"]
    tokens = {r.address: r.token for r in recipients(store, c.id)}
    for m in sink.sink.messages:
        msg = message_from_bytes(m.data, policy=policy.default)
        token = tokens[m.rcpt_tos[0]]
        assert simmark.check(KEY, str(msg[simmark.HEADER])) == (str(c.id), token)
        assert msg["Message-ID"] == f"<sim.{token}@example.co.jp>"


def test_a_composing_process_that_dies_is_replaced_by_composing_here() -> None:
    from mailwarden.simulate.composer import Composer, Spec

    spec = Spec(
        1, "payslip", "ja", "例", "sec@example.co.jp", "https://sim.example.co.jp", "it@example.co.jp"
    )
    person = ("A" * 22, "u0@example.co.jp", "社員0", "営業部", "")
    composer = Composer(1)
    try:
        (first,) = composer.run({1: spec}, [(1, person)], KEY, T0)
        assert isinstance(first, bytes) and b"\r\nSubject: " in first
        composer.children[0].kill()
        composer.children[0].wait(30)
        (again,) = composer.run({1: spec}, [(1, person)], KEY, T0)
        assert composer.broken and isinstance(again, bytes)
        assert again.split(b"\r\n")[:8] == first.split(b"\r\n")[:8]  # the headers (not the MIME boundary)
    finally:
        composer.close()


def test_webhooks_hear_started_sent_and_finished(store: Store, tmp_path, sink) -> None:
    from sqlalchemy import select

    from mailwarden.simulate.models import SimWebhook, SimWebhookDelivery

    with store.session(write=True) as s:
        s.add(SimWebhook(url="http://127.0.0.1:9/hook", secret="s" * 32, events=[], enabled=True))
    c = _started(store, tmp_path, sink.port, 3)
    sink.sink.refuse_rcpt["u1@example.co.jp"] = "550 5.1.1 no such user"
    got = send_due(store, settings(tmp_path), now=T0)
    assert (got.sent, got.failed) == (2, 1)
    with store.session() as s:
        rows = list(s.scalars(select(SimWebhookDelivery).order_by(SimWebhookDelivery.id)))
    events = [r.event for r in rows]
    assert events[0] == "campaign.started" and events[-1] == "campaign.finished"
    sent = [r.payload for r in rows if r.event == "recipient.sent"]
    assert sorted(p["recipient"]["address"] for p in sent) == ["u0@example.co.jp", "u2@example.co.jp"]
    assert all(p["campaign"]["id"] == c.id for p in sent)
