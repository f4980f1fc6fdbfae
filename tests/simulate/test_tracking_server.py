"""The tracking server (issue 18, point 4): each endpoint stores the right raw hit, forged ids
store nothing, landing pages hold no password input and submissions keep field names only,
headers and floods are bounded. On SQLite and PostgreSQL (the ``store`` fixture); hits are
waited for with ``flush()``, never with time."""

from __future__ import annotations

import re
import socket
import threading
from datetime import timedelta

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select
from starlette.testclient import TestClient

from mailwarden.cli.campaign_server_cmds import uvicorn_config
from mailwarden.core.config import Settings
from mailwarden.core.store.models import Base, utcnow
from mailwarden.simulate import ids
from mailwarden.simulate.hits import HEADER_VALUE_MAX, HEADERS_MAX, MISSING, HitRecorder, bounded_headers
from mailwarden.simulate.models import SimCampaign, SimHit, SimProfile, SimRecipient
from mailwarden.simulate.templates import load_templates, parse_template
from mailwarden.web.tracking import GIF, SUBMIT_LIMIT, close_tracking, create_server_app

KEY = "k" * 40
CLIENT = ("203.0.113.9", 40000)
UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
TYPED = "S3cr3t-typed-value-4711"

#: a landing page with everything it must lose: a password input (by type, by name), a script,
#: a form posting elsewhere
PHISHY = parse_template(
    {
        "id": "phishy",
        "en": {
            "sender_name": "IT",
            "subject": "Password expiry",
            "body": "Hello {name}: {link}",
            "landing": (
                "<!DOCTYPE html><html><head><title>Sign in</title><script>alert(1)</script></head><body>"
                "<p>{name} {department} {company}</p>"
                '<form action="https://collector.example/steal" method="get" enctype="multipart/form-data">'
                '<input type="text" name="user" value="{email}">'
                '<input type="PassWord" name="secret">'
                '<input type="text" name="pwd-confirm">'
                '<button type="submit">Sign in</button></form></body></html>'
            ),
        },
    },
    "test",
)
NO_LANDING = parse_template(
    {"id": "no-landing", "en": {"sender_name": "IT", "subject": "s", "body": "{link}"}}, "test"
)
TEMPLATES = {**load_templates(), "phishy": PHISHY, "no-landing": NO_LANDING}


class FrozenClock:
    """The limiter's clock, moved only by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_campaign(store, *, template="phishy", lang="en", training_after="submit", sent=True, n=3):
    """A campaign of ``n`` recipients; returns (campaign id, [(recipient id, link id)])."""
    with store.session(write=True) as s:
        profile = SimProfile(name=f"p-{ids.new_token()}", relay="127.0.0.1:25", mail_from="it@example.jp")
        s.add(profile)
        s.flush()
        campaign = SimCampaign(
            name="c",
            template=template,
            lang=lang,
            profile_id=profile.id,
            status="running",
            company="Example KK",
            training_after=training_after,
        )
        s.add(campaign)
        s.flush()
        out = []
        for i in range(n):
            token = ids.new_token()
            r = SimRecipient(
                campaign_id=campaign.id,
                address=f"user{i}@example.jp",
                name=f"User {i}",
                department="Sales",
                token=token,
                status="sent" if sent else "queued",
                sent_at=utcnow() - timedelta(seconds=120) if sent else None,
            )
            s.add(r)
            s.flush()
            out.append((r.id, ids.link_id(KEY, token)))
        return campaign.id, out


def hits(store) -> list[SimHit]:
    with store.session() as s:
        return list(s.scalars(select(SimHit).order_by(SimHit.id)))


def count(store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(SimHit)) or 0)


@pytest.fixture
def settings(tmp_path):
    return Settings(data_dir=tmp_path, secret_key=KEY, lang=None)


@pytest.fixture
def recorder(store):
    rec = HitRecorder(store, templates=TEMPLATES)
    yield rec
    rec.close()


@pytest.fixture
def client(settings, store, recorder):
    app = create_server_app(settings, store, recorder=recorder)
    with TestClient(app, client=CLIENT, follow_redirects=False, headers={"user-agent": UA}) as c:
        yield c


# -- each endpoint stores its kind ---------------------------------------------------------------


def test_pixel_stores_an_open(store, recorder, client):
    cid, [(rid, lid), *_] = make_campaign(store)
    r = client.get(f"/t/o/{lid}.gif")
    assert r.status_code == 200
    assert r.content == GIF
    assert r.headers["content-type"] == "image/gif"
    assert r.headers["cache-control"] == "no-store"
    recorder.flush()
    [hit] = hits(store)
    assert (hit.kind, hit.method, hit.ip, hit.user_agent) == ("open", "GET", CLIENT[0], UA)
    assert (hit.campaign_id, hit.recipient_id) == (cid, rid)
    assert hit.since_delivery is not None and 119 <= hit.since_delivery < 3600
    assert hit.human is None and hit.reasons == []
    assert "user-agent" not in hit.headers  # it has its own column


def test_head_is_answered_without_a_body_and_stored_as_head(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store)
    r = client.head(f"/t/o/{lid}.gif")
    assert r.status_code == 200
    assert r.content == b""
    assert r.headers["content-length"] == str(len(GIF))
    r = client.head(f"/t/c/{lid}")
    assert r.status_code == 302 and r.content == b""
    recorder.flush()
    assert [(h.kind, h.method) for h in hits(store)] == [("open", "HEAD"), ("click", "HEAD")]


def test_click_goes_to_the_landing_page(store, recorder, client):
    _, [(rid, lid), *_] = make_campaign(store)
    r = client.get(f"/t/c/{lid}")
    assert r.status_code == 302
    assert r.headers["location"] == f"/t/l/{lid}"
    recorder.flush()
    [hit] = hits(store)
    assert (hit.kind, hit.recipient_id, hit.ip) == ("click", rid, CLIENT[0])


@pytest.mark.parametrize(("template", "training_after"), [("phishy", "click"), ("no-landing", "submit")])
def test_click_goes_to_training_when_the_campaign_says_or_there_is_no_landing_page(
    store, recorder, client, template, training_after
):
    _, [(_, lid), *_] = make_campaign(store, template=template, training_after=training_after)
    r = client.get(f"/t/c/{lid}")
    assert r.status_code == 302
    assert r.headers["location"] == f"/t/x/{lid}"
    recorder.flush()
    assert [h.kind for h in hits(store)] == ["click"]


def test_honeypot_answers_a_blank_page_and_stores_a_honeypot_hit(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store)
    r = client.get(f"/t/h/{lid}")
    assert r.status_code == 200
    assert "<body></body>" in r.text
    recorder.flush()
    assert [h.kind for h in hits(store)] == ["honeypot"]


def test_beacon_is_stored(store, recorder, client):
    _, [(rid, lid), *_] = make_campaign(store)
    r = client.post(f"/t/b/{lid}", content=b"", headers={"content-type": "text/plain"})
    assert r.status_code == 204
    recorder.flush()
    [hit] = hits(store)
    assert (hit.kind, hit.method, hit.recipient_id) == ("beacon", "POST", rid)


def test_a_recipient_never_sent_is_stored_without_since_delivery(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store, sent=False)
    client.get(f"/t/o/{lid}.gif")
    recorder.flush()
    [hit] = hits(store)
    assert hit.since_delivery is None


def test_replays_are_stored_as_raw_hits(store, recorder, client):
    _, [(rid, lid), *_] = make_campaign(store)
    for _ in range(3):
        client.get(f"/t/o/{lid}.gif")
    recorder.flush()
    assert [(h.kind, h.recipient_id) for h in hits(store)] == [("open", rid)] * 3


# -- the landing page -------------------------------------------------------------------------------


def test_landing_page_has_no_password_input_posts_to_submit_and_carries_the_beacon(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store)
    r = client.get(f"/t/l/{lid}")
    assert r.status_code == 200
    page = r.text
    assert not re.search(r"type=.?password", page, re.I)
    assert 'name="secret"' not in page and "pwd-confirm" not in page
    assert 'name="user"' in page and "user0@example.jp" in page and "User 0" in page
    assert "Sales" in page and "Example KK" in page
    assert "collector.example" not in page and "multipart" not in page
    [form] = re.findall(r"<form[^>]*>", page)
    assert f'action="/t/s/{lid}"' in form and 'method="post"' in form
    assert "alert(1)" not in page  # the template's own script is gone
    # one script: the beacon, under the nonce the CSP names
    [(nonce, script)] = re.findall(r'<script nonce="([^"]+)">(.*?)</script>', page, re.S)
    assert page.count("<script") == 1
    assert f'"/t/b/{lid}"' in script and "sendBeacon" in script and "keepalive" in script
    csp = r.headers["content-security-policy"]
    assert f"script-src 'nonce-{nonce}'" in csp
    for part in (
        "default-src 'none'",
        "connect-src 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "style-src 'unsafe-inline'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ):
        assert part in csp
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-robots-tag"] == "noindex"
    assert r.headers["cache-control"] == "no-store"
    # a new nonce each time, the page otherwise the same
    again = client.get(f"/t/l/{lid}")
    nonce2 = re.findall(r'<script nonce="([^"]+)">', again.text)[0]
    assert nonce2 != nonce and again.text.replace(nonce2, nonce) == page
    recorder.flush()
    assert [h.kind for h in hits(store)] == ["landing", "landing"]


def test_landing_page_of_a_shipped_template_in_japanese(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store, template="delivery-absence", lang="ja")
    r = client.get(f"/t/l/{lid}")
    assert r.status_code == 200
    assert "再配達" in r.text and f'action="/t/s/{lid}"' in r.text
    head = client.head(f"/t/l/{lid}")
    assert head.status_code == 200 and head.content == b""
    recorder.flush()
    assert [(h.kind, h.method) for h in hits(store)] == [("landing", "GET"), ("landing", "HEAD")]


def test_landing_without_a_landing_page_goes_to_training(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store, template="no-landing")
    r = client.get(f"/t/l/{lid}")
    assert r.status_code == 302 and r.headers["location"] == f"/t/x/{lid}"


# -- submissions ------------------------------------------------------------------------------------


def _everything_stored(store) -> str:
    """Every row of every table, as text."""
    out = []
    with store.session() as s:
        for table in Base.metadata.sorted_tables:
            out.extend(repr(tuple(row)) for row in s.execute(select(table)))
    return "\n".join(out)


def test_submit_keeps_field_names_never_values(store, recorder, client):
    _, [(rid, lid), *_] = make_campaign(store)
    r = client.post(f"/t/s/{lid}", data={"user": "user0@example.jp", "password": TYPED, "otp": TYPED[::-1]})
    assert r.status_code == 303
    assert r.headers["location"] == f"/t/x/{lid}"
    # a form sent as multipart (by a script, not our page) leaves its names only too
    r = client.post(f"/t/s/{lid}", files={"card": ("c.txt", TYPED.encode())}, data={"pin": TYPED})
    assert r.status_code == 303
    recorder.flush()
    first, second = hits(store)
    assert (first.kind, first.method, first.recipient_id) == ("submit", "POST", rid)
    assert first.headers["x-mw-fields"] == "otp,password,user"
    assert second.headers["x-mw-fields"] == "card,pin"
    stored = _everything_stored(store)
    assert TYPED not in stored and TYPED[::-1] not in stored


def test_a_client_cannot_pose_as_the_field_list(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store)
    client.get(f"/t/o/{lid}.gif", headers={"x-mw-fields": "forged"})
    recorder.flush()
    [hit] = hits(store)
    assert "x-mw-fields" not in hit.headers


def test_submit_over_64_kb_is_refused_and_stores_nothing(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store)
    big = b"a=" + b"x" * (SUBMIT_LIMIT - 1)
    assert len(big) == SUBMIT_LIMIT + 1
    r = client.post(f"/t/s/{lid}", content=big, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    # the same without a declared length (chunked): cut off while read
    r = client.post(
        f"/t/s/{lid}",
        content=iter([big[:40000], big[40000:]]),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 413
    recorder.flush()
    assert count(store) == 0
    # at the limit: accepted
    r = client.post(
        f"/t/s/{lid}",
        content=big[:SUBMIT_LIMIT],
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 303
    recorder.flush()
    assert [h.headers["x-mw-fields"] for h in hits(store)] == ["a"]


# -- ids that are not ours --------------------------------------------------------------------------


def _bad_ids(lid: str) -> dict[str, str]:
    token, _, mac = lid.partition(".")
    flipped = ("B" if token[0] == "A" else "A") + token[1:]
    return {
        "forged": ids.link_id("another key" * 4, token),
        "truncated": lid[:-1],
        "altered": f"{flipped}.{mac}",
        "garbage": "x" * 45,
        "unknown": ids.link_id(KEY, ids.new_token()),  # our MAC, but nobody holds it
    }


@pytest.mark.parametrize("which", ["forged", "truncated", "altered", "garbage", "unknown"])
def test_ids_that_are_not_ours_store_nothing(store, recorder, client, which):
    _, [(_, lid), *_] = make_campaign(store)
    bad = _bad_ids(lid)[which]
    pixel = client.get(f"/t/o/{bad}.gif")
    assert pixel.status_code == 200 and pixel.content == GIF  # no help in telling real ids
    honeypot = client.get(f"/t/h/{bad}")
    assert honeypot.status_code == 200
    for page in (client.get(f"/t/c/{bad}"), client.get(f"/t/l/{bad}")):
        assert page.status_code == 404
        assert "Link not found" in page.text and 'lang="ja"' in page.text
        assert page.headers["content-type"].startswith("text/html")
    assert client.post(f"/t/s/{bad}", data={"password": TYPED}).status_code == 404
    assert client.post(f"/t/b/{bad}").status_code == 404
    recorder.flush()
    assert count(store) == 0
    assert recorder.snapshot().unknown == 6


# -- bounds ---------------------------------------------------------------------------------------------


def test_headers_are_bounded_and_credentials_never_kept(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store)
    many = {f"X-Padding-{i:02d}": chr(65 + i % 26) * 1000 for i in range(30)}
    client.get(
        f"/t/o/{lid}.gif",
        headers={
            **many,
            "User-Agent": "U" * 2000,
            "Cookie": "session=" + TYPED,
            "Authorization": "Basic " + TYPED,
            "Sec-Purpose": "prefetch",
        },
    )
    recorder.flush()
    [hit] = hits(store)
    assert len(hit.user_agent) == 500
    assert all(name == name.lower() for name in hit.headers)
    assert all(len(v) <= HEADER_VALUE_MAX for v in hit.headers.values())
    assert sum(len(k) + len(v) for k, v in hit.headers.items()) <= HEADERS_MAX
    assert "cookie" not in hit.headers and "authorization" not in hit.headers
    assert hit.headers["sec-purpose"] == "prefetch"  # a small header after the big ones still fits
    assert TYPED not in _everything_stored(store)


def test_bounded_headers_joins_repeats_and_cuts():
    got = bounded_headers([("Accept", "a"), ("accept", "b"), ("X-Big", "z" * 999)], {"x-mw-fields": "user"})
    assert got == {"x-mw-fields": "user", "accept": "a, b", "x-big": "z" * HEADER_VALUE_MAX}


def test_one_address_cannot_flood_the_store(store, settings):
    clock = FrozenClock()
    rec = HitRecorder(store, templates=TEMPLATES, rate=1.0, burst=5, clock=clock)
    app = create_server_app(settings, store, recorder=rec)
    _, recipients = make_campaign(store, n=4)
    with TestClient(app, client=CLIENT, follow_redirects=False) as c:
        for i in range(20):
            r = c.get(f"/t/o/{recipients[i % 4][1]}.gif")
            assert r.status_code == 200 and r.content == GIF  # answered as usual
        assert c.get(f"/t/c/{recipients[0][1]}").status_code == 302
        rec.flush()
        assert count(store) == 5
        assert rec.snapshot().dropped_flood == 16
        clock.now += 2.0  # two tokens back
        for _ in range(3):
            c.get(f"/t/o/{recipients[0][1]}.gif")
        rec.flush()
        assert count(store) == 7
    # another address has its own bucket
    with TestClient(app, client=("198.51.100.20", 1), follow_redirects=False) as other:
        other.get(f"/t/o/{recipients[1][1]}.gif")
    rec.flush()
    assert count(store) == 8
    assert rec.snapshot().stored == 8


def test_ipv6_addresses_share_their_64():
    from mailwarden.simulate.hits import AddressLimiter

    lim = AddressLimiter(rate=1.0, burst=2, clock=FrozenClock())
    assert lim.allow("2001:db8:1:2::1") and lim.allow("2001:db8:1:2::ffff")
    assert not lim.allow("2001:db8:1:2:abcd::9")
    assert lim.allow("2001:db8:1:3::1")
    assert AddressLimiter.key("::ffff:192.0.2.7") == "192.0.2.7"


# -- the recorder ---------------------------------------------------------------------------------------


def test_flush_commits_everything_recorded_and_close_stops_the_writer(store):
    _, recipients = make_campaign(store, n=2)
    rec = HitRecorder(store, templates=TEMPLATES, rate=0, batch_size=7, interval=60.0)
    who = rec.resolve(ids.read_id(KEY, recipients[0][1]) or "")
    assert who is not None
    for _ in range(100):
        rec.record(who, "open", ip="192.0.2.1")
    rec.flush()  # sooner than the interval: flush does not wait for it
    assert count(store) == 100
    rec.record(who, "click", ip="192.0.2.1")
    rec.close()
    assert count(store) == 101
    stats = rec.snapshot()
    assert (stats.recorded, stats.stored, stats.failed) == (101, 101, 0)
    rec.record(who, "beacon", ip="192.0.2.1")  # a hit after close starts the writer again
    rec.close()
    assert count(store) == 102


def test_hits_of_a_deleted_campaign_fail_alone(store):
    cid, recipients = make_campaign(store, n=1)
    _, others = make_campaign(store, n=1)
    rec = HitRecorder(store, templates=TEMPLATES, rate=0, interval=60.0)
    gone = rec.resolve(ids.read_id(KEY, recipients[0][1]) or "")
    kept = rec.resolve(ids.read_id(KEY, others[0][1]) or "")
    assert gone is not None and kept is not None
    with store.session(write=True) as s:
        s.delete(s.get(SimCampaign, cid))
    rec.record(gone, "open", ip="192.0.2.1")
    rec.record(kept, "open", ip="192.0.2.1")
    rec.close()
    assert [h.recipient_id for h in hits(store)] == [kept.id]
    assert rec.snapshot().failed == 1


def test_close_tracking_finds_the_recorder_in_the_app_it_is_mounted_in(store, settings):
    _, [(_, lid), *_] = make_campaign(store)
    rec = HitRecorder(store, templates=TEMPLATES, interval=60.0)
    app = create_server_app(settings, store, recorder=rec)
    c = TestClient(app, client=CLIENT)  # no lifespan: as when mounted in the console
    c.get(f"/t/o/{lid}.gif")
    close_tracking(app)
    assert count(store) == 1


# -- over real HTTP ----------------------------------------------------------------------------------


def test_over_real_http_on_loopback(store, settings):
    """uvicorn on a loopback socket: the peer's address is the socket's, X-Forwarded-For is
    not believed, HEAD has no body, and the lifespan stores what is queued on shutdown."""
    _, [(_, lid), *_] = make_campaign(store)
    rec = HitRecorder(store, templates=TEMPLATES, interval=60.0)
    app = create_server_app(settings, store, recorder=rec)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)  # connections wait in the backlog until the server accepts them
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn_config(app, "127.0.0.1", port))  # as the command runs it
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]})
    thread.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as h:
            r = h.get(f"/t/o/{lid}.gif", headers={"x-forwarded-for": "192.0.2.99", "user-agent": UA})
            assert r.status_code == 200 and r.content == GIF
            r = h.head(f"/t/l/{lid}")
            assert r.status_code == 200 and r.content == b"" and int(r.headers["content-length"]) > 500
            r = h.post(f"/t/s/{lid}", data={"user": "u", "password": TYPED})
            assert r.status_code == 303
            r = h.post(f"/t/s/{lid}", content=b"a=" + b"x" * SUBMIT_LIMIT)
            assert r.status_code == 413
    finally:
        server.should_exit = True
        thread.join(60)
        sock.close()
    assert not thread.is_alive()
    # the lifespan's shutdown flushed: nothing else waited for the 60 s interval
    got = hits(store)
    assert [(h.kind, h.method, h.ip) for h in got] == [
        ("open", "GET", "127.0.0.1"),
        ("landing", "HEAD", "127.0.0.1"),
        ("submit", "POST", "127.0.0.1"),
    ]
    assert got[0].headers["x-forwarded-for"] == "192.0.2.99"  # kept as a header, not believed
    assert TYPED not in _everything_stored(store)


# -- routing, the console, the cache -------------------------------------------------------------


def test_wrong_methods_and_other_paths(store, recorder, client):
    _, [(_, lid), *_] = make_campaign(store)
    r = client.post(f"/t/c/{lid}")
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
    r = client.get(f"/t/s/{lid}")
    assert r.status_code == 405 and r.headers["allow"] == "POST"
    assert client.get(f"/t/o/{lid}").status_code == 404  # the pixel is .gif
    assert client.get(f"/t/c/{lid}/more").status_code == 404
    assert client.get(f"/c/{lid}").status_code == 404  # only under /t, as in the console
    assert client.get("/t/z/x").status_code == 404
    recorder.flush()
    assert count(store) == 0


def test_the_console_serves_the_tracking_pages_and_close_tracking_finds_them(store, tmp_path):
    from mailwarden.web.app import create_app

    _, [(_, lid), *_] = make_campaign(store, template="delivery-absence")
    console = create_app(Settings(data_dir=tmp_path, secret_key=KEY, lang=None), store=store)
    with TestClient(console, base_url="http://127.0.0.1", client=CLIENT, follow_redirects=False) as c:
        r = c.get(f"/t/o/{lid}.gif", headers={"user-agent": UA})
        assert r.status_code == 200 and r.content == GIF
        r = c.get(f"/t/c/{lid}")
        assert r.status_code == 302 and r.headers["location"] == f"/t/l/{lid}"
        r = c.get(f"/t/l/{lid}")
        assert r.status_code == 200
        # the landing page's own CSP, not the console's
        assert "script-src 'nonce-" in r.headers["content-security-policy"]
    close_tracking(console)  # the console's lifespan is to call this
    assert [h.kind for h in hits(store)] == ["open", "click", "landing"]


def test_the_console_takes_submissions_and_beacons_without_a_session(store, tmp_path):
    from mailwarden.web.app import create_app

    _, [(_, lid), *_] = make_campaign(store)
    console = create_app(Settings(data_dir=tmp_path, secret_key=KEY, lang=None), store=store)
    with TestClient(console, base_url="http://127.0.0.1", client=CLIENT, follow_redirects=False) as c:
        assert c.post(f"/t/b/{lid}").status_code == 204
        r = c.post(f"/t/s/{lid}", data={"user": "u"})
        assert r.status_code == 303 and r.headers["location"] == f"/t/x/{lid}"
        assert c.post(f"/t/s/{lid}", content=b"a=" + b"x" * SUBMIT_LIMIT).status_code == 413
    close_tracking(console)
    assert [h.kind for h in hits(store)] == ["beacon", "submit"]


def test_the_first_hit_of_a_campaign_loads_its_recipients(store):
    _, recipients = make_campaign(store, n=5)
    _, unsent = make_campaign(store, n=1, sent=False)
    rec = HitRecorder(store, templates=TEMPLATES)
    tokens = [ids.read_id(KEY, lid) or "" for _, lid in recipients]
    assert all(rec.peek(t) is MISSING for t in tokens)
    first = rec.resolve(tokens[0])
    assert first is not None
    rec.wait_preloads()
    cached = [rec.peek(t) for t in tokens[1:]]
    assert [getattr(r, "id", None) for r in cached] == [rid for rid, _ in recipients[1:]]
    # a recipient not sent yet is not preloaded (its sent_at is to come)
    assert rec.peek(ids.read_id(KEY, unsent[0][1]) or "") is MISSING
    assert rec.preload(first.campaign_id) >= 1  # again: those sent since (the newest again)


def test_the_tracking_server_command(store, tmp_path):
    """``mailwarden campaign tracking-server`` as a user runs it: it says where it listens once
    it does, serves /t/, and on Ctrl-C stores what is queued and says how many hits it kept."""
    import os
    import signal
    import subprocess
    import sys

    _, [(rid, lid), *_] = make_campaign(store)
    env = {
        **os.environ,
        "MAILWARDEN_LANG": "en",
        "MAILWARDEN_DATABASE_URL": store.engine.url.render_as_string(hide_password=False),
        "MAILWARDEN_DATA_DIR": str(tmp_path / "data"),
        "MAILWARDEN_SECRET_KEY": KEY,
    }
    cmd = [
        sys.executable,
        "-m",
        "mailwarden",
        "campaign",
        "tracking-server",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
    ]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # printed once the socket listens
        base = re.search(r"(http://\S+)/t/", line)
        assert base, line
        with httpx.Client(base_url=base.group(1), timeout=30) as h:
            assert h.get(f"/t/o/{lid}.gif").content == GIF
            assert h.post(f"/t/b/{lid}").status_code == 204
    finally:
        proc.send_signal(signal.SIGINT)
        _, rest = proc.communicate(timeout=60)
    assert "Tracking hits: 2 stored, 0 not stored" in rest
    assert [(h.kind, h.recipient_id) for h in hits(store)] == [("open", rid), ("beacon", rid)]


def test_a_database_that_refuses_the_hits_does_not_hang_flush(tmp_path, store):
    """The writer counts what it could not store and carries on; flush and close return."""
    from mailwarden.core.store import open_store

    _, [(_, lid), *_] = make_campaign(store)
    who = HitRecorder(store, templates=TEMPLATES).resolve(ids.read_id(KEY, lid) or "")
    assert who is not None
    empty = open_store(url=f"sqlite:///{tmp_path / 'no-schema.db'}", migrate=False)  # no sim_hits table
    rec = HitRecorder(empty, templates=TEMPLATES, rate=0)
    for _ in range(3):
        assert rec.record(who, "open", ip="192.0.2.1")
    rec.flush()
    rec.close()
    stats = rec.snapshot()
    assert (stats.recorded, stats.stored, stats.failed) == (3, 0, 3)
    empty.engine.dispose()
