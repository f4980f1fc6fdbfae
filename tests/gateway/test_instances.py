"""Several gateways sharing one PostgreSQL: the shared index of held and delayed messages, the
decisions asked in it (the first wins, the owning gateway carries it out), the shared policy —
and two real ``mailwarden gateway run`` processes on 127.0.0.21 and 127.0.0.22, one of them
killed with SIGKILL in the middle of a burst."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import select

from mailwarden.core.errors import ConfigError, InputError
from mailwarden.core.store import open_store
from mailwarden.gateway import instances
from mailwarden.gateway.models import AuditEntry, QueuedMessage, SharedPolicy
from mailwarden.gateway.spool import Spool
from tests.support.gateways import HOSTS, POLICY, Burst, Cluster, deliver, message, message_ids
from tests.support.nsd import free_port
from tests.support.smtpsink import wait_until

POLICY_V2 = POLICY.replace("X-DLP: v1", "X-DLP: v2")
BAD_POLICY = "rules:\n  - {id: x, when: {keyword: nowhere}, action: hold}\n"
A, B = HOSTS["a"], HOSTS["b"]


def _meta(state: str = "held") -> dict[str, Any]:
    record: dict[str, Any] = {
        "action": "hold" if state == "held" else "delay",
        "disposition": "hold" if state == "held" else "delay",
        "subject": "s***",
        "rules": [{"rule": "hold-it", "action": "hold"}],
        "counts": {},
        "matches": [],
        "unscannable": [],
    }
    if state == "delayed":
        record["release_at"] = 2e9
    return {
        "mail_from": "taro@example.co.jp",
        "rcpt_tos": ["x@example.com"],
        "received": 1.7e9,
        "record": record,
    }


# -- the index and its decisions, on SQLite and PostgreSQL -----------------------------------------
def test_first_decision_wins_and_resync_mends_the_index(store, tmp_path):
    spool = Spool(tmp_path / "spool")
    held = spool.put("held", _meta(), b"Subject: x\r\n\r\nbody\r\n")
    delayed = spool.put("delayed", _meta("delayed"), b"Subject: y\r\n\r\nbody\r\n")
    # a row left from a message no longer in the spool (released before a crash)
    with store.session() as s:
        s.add(
            QueuedMessage(
                spool_id="0" * 24,
                instance="a",
                state="held",
                sender="",
                recipients=[],
                subject="",
                record={},
                size=0,
            )
        )
    entries = [*spool.entries("held"), *spool.entries("delayed")]
    assert instances.resync(store, "a", entries) == (2, 1)
    assert instances.resync(store, "a", entries) == (2, 0)
    rows = {r.spool_id: r for r in instances.listing(store)}
    assert set(rows) == {held, delayed} and rows[delayed].due_at is not None
    assert instances.as_dict(rows[held])["rules"][0]["rule"] == "hold-it"

    with pytest.raises(InputError, match="held; cancel needs it delayed"):
        instances.request(store, held, "cancel", "cli:x")
    row = instances.request(store, held[:20], "release", "cli:first", "ok")
    assert row.spool_id == held and row.instance == "a"
    with pytest.raises(InputError, match="already decided: release by cli:first"):
        instances.request(store, held, "reject", "web:second")
    with pytest.raises(InputError, match="no queued message"):
        instances.request(store, "f" * 24, "release", "cli:x")
    # the timer may not release a delayed message someone cancelled first
    instances.request(store, delayed, "cancel", "sender:taro@example.co.jp")
    assert instances.claim_for_timer(store, delayed) is False
    asked = instances.requests(store, "a")
    assert [(r.spool_id, r.action) for r in asked] == [(held, "release"), (delayed, "cancel")]
    assert instances.requests(store, "b") == []


def test_racing_decisions_one_wins(store, tmp_path):
    spool = Spool(tmp_path / "spool")
    sid = spool.put("held", _meta(), b"Subject: x\r\n\r\nbody\r\n")
    instances.index(store, "a", [spool.entry(sid, "held")])
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def decide(n: int) -> None:
        start.wait(10)
        try:
            instances.request(store, sid, ("release", "reject")[n % 2], f"web:approver{n}")
            outcomes.append(f"won:{n}")
        except InputError as exc:
            assert "already decided" in str(exc)
            outcomes.append("lost")

    threads = [threading.Thread(target=decide, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [o for o in outcomes if o.startswith("won")]
    assert len(outcomes) == 8 and len(winners) == 1
    (asked,) = instances.requests(store, "a")
    assert asked.actor == f"web:approver{winners[0].split(':')[1]}"


def test_a_policy_is_pushed_only_valid_and_versioned(store):
    with pytest.raises(ConfigError):
        instances.load_shared_policy(store)
    with pytest.raises(ConfigError, match="unknown keyword"):
        instances.push_policy(store, BAD_POLICY, "bad.yaml", "cli:x")
    assert instances.policy_version(store) is None
    first = instances.push_policy(store, POLICY, "p.yaml", "cli:x")
    second = instances.push_policy(store, POLICY_V2, "p.yaml", "cli:y")
    assert (
        second.version > first.version == instances.policy_version(store) - (second.version - first.version)
    )
    policy, version = instances.load_shared_policy(store)
    assert version == second.version and policy.rules[-1].header == "X-DLP: v2"


def test_one_spool_one_gateway(tmp_path):
    fd = instances.lock_spool(tmp_path / "spool", "a")
    with pytest.raises(ConfigError, match="in use by gateway a"):
        instances.lock_spool(tmp_path / "spool", "b")
    os.close(fd)
    os.close(instances.lock_spool(tmp_path / "spool", "b"))


def test_queues_are_shared_only_when_asked(store):
    assert not instances.is_shared(store) and instances.is_shared(store, True)
    assert not instances.is_shared(None, True)


# -- real gateways --------------------------------------------------------------------------------
@pytest.fixture
def cluster(postgres, sink, tmp_path):
    url = postgres.create_database(f"mw_instances_{os.getpid()}_{free_port()}")
    store = open_store(url=url)  # migrated once, before the gateways start
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY)
    c = Cluster(url, tmp_path, sink, {}, {})
    c.push(policy)
    c.start("a")
    c.start("b")
    yield c, store
    c.stop()
    store.engine.dispose()


pytestmark = pytest.mark.smtp


@pytest.mark.postgres
def test_a_message_held_by_one_gateway_is_released_from_another_host(cluster):
    c, store = cluster
    sid = deliver(A, c.ports["a"], message("held-1", "HOLDME please"))
    deliver(B, c.ports["b"], message("plain-1"))
    rows = wait_until(lambda: c.listing("held"), 20)
    assert [(r["id"], r["instance"], r["sender"]) for r in rows] == [(sid, "a", "taro@example.co.jp")]
    assert (c.spool("a") / "held" / sid).is_file() and not (c.root / "cli" / "spool" / "held").exists()

    released = c.cli(
        "gateway", "queue", "release", sid[:20], "--as", "cli:approver", "--note", "fine", "--wait", "20"
    )
    assert released.returncode == 0, released.stderr
    assert "asked of gateway a" in released.stdout and f"released {sid}" in released.stdout
    wait_until(lambda: "held-1" in message_ids(c.sink), 20)
    wait_until(lambda: not c.listing("held"), 20)
    # carried out by A with the same code as a local release: its audit entry names the approver
    with store.session() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.spool_id == sid)).all()
    assert [(a.actor, a.action, a.detail) for a in audit] == [("cli:approver", "release", "fine")]
    again = c.cli("gateway", "queue", "reject", sid)
    assert again.returncode == 2 and "no queued message" in again.stderr
    assert Counter(message_ids(c.sink)) == {"held-1": 1, "plain-1": 1}
    held_copy = next(m for m in c.sink.sink.messages if m.spool_id == sid)
    assert b"X-DLP: v1" in held_copy.data

    # a decision on a message of a gateway that is down is recorded, and carried out once it is back
    later = deliver(A, c.ports["a"], message("held-2", "HOLDME again"))
    wait_until(lambda: [r["id"] for r in c.listing("held")] == [later], 20)
    c.procs["a"].send_signal(signal.SIGTERM)
    c.procs["a"].wait(30)
    waited = c.cli("gateway", "queue", "release", later, "--wait", "2")
    assert waited.returncode == 2 and "has not acted within 2 s" in " ".join(waited.stderr.split())
    assert [(r["requested"], r["instance"]) for r in c.listing("held")] == [("release", "a")]
    c.start("a")
    wait_until(lambda: "held-2" in message_ids(c.sink), 20)
    wait_until(lambda: not c.listing("held"), 20)


@pytest.mark.postgres
def test_a_delayed_message_is_cancelled_from_another_host_and_a_spool_has_one_gateway(cluster):
    c, store = cluster
    sid = deliver(B, c.ports["b"], message("later-1", "DELAYME"))
    rows = wait_until(lambda: c.listing("delayed"), 20)
    assert [(r["id"], r["instance"], r["rules"]) for r in rows] == [(sid, "b", ["later", "mark"])]
    cancelled = c.cli("gateway", "queue", "cancel", sid, "--as", "cli:sender-desk")
    assert cancelled.returncode == 0 and "asked of gateway b" in cancelled.stdout, cancelled.stderr
    wait_until(lambda: not c.listing("delayed"), 20)
    assert not any((c.spool("b") / "delayed").iterdir())
    with store.session() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.spool_id == sid)).all()
    assert [(a.actor, a.action) for a in audit] == [("cli:sender-desk", "cancel")]
    assert "later-1" not in message_ids(c.sink)
    # a third gateway pointed at B's spool is refused: each gateway keeps its own
    cmd = [sys.executable, "-m", "mailwarden", "gateway", "run", "--listen", f"{A}:{free_port()}"]
    cmd += ["--relay", f"127.0.0.1:{c.sink.port}", "--spool", str(c.spool("b")), "--instance", "c"]
    third = subprocess.run(
        cmd,
        env=c.env("c"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert third.returncode == 2 and "in use by gateway b" in " ".join(third.stderr.split())


@pytest.mark.postgres
def test_a_pushed_policy_reaches_every_gateway(cluster, tmp_path):
    c, store = cluster
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_POLICY)
    refused = c.cli("gateway", "policy", "push", str(bad))
    assert refused.returncode == 2 and "unknown keyword" in refused.stderr
    # a version that does not validate (written by hand, or by another mailwarden) is never used
    with store.session() as s:
        s.add(SharedPolicy(text=BAD_POLICY, sha256="-", pushed_by="psql"))
    for name in ("a", "b"):
        wait_until(lambda name=name: "stored policy version 2 refused, keeping version 1" in c.log(name), 30)
    new = tmp_path / "v3.yaml"
    new.write_text(POLICY_V2)
    pushed = c.cli("gateway", "policy", "push", str(new), "--as", "cli:security")
    assert pushed.returncode == 0 and "policy version 3 stored" in pushed.stdout
    shown = json.loads(c.cli("gateway", "policy", "show", "--format", "json").stdout)
    assert shown["version"] == 3 and shown["pushed_by"] == "cli:security"
    for name in ("a", "b"):
        wait_until(lambda name=name: "policy version 3 in force" in c.log(name), 30)
    deliver(A, c.ports["a"], message("after-a"))
    deliver(B, c.ports["b"], message("after-b"))
    wait_until(lambda: {"after-a", "after-b"} <= set(message_ids(c.sink)), 20)
    assert all(b"X-DLP: v2" in m.data for m in c.sink.sink.messages)  # no notices here


@pytest.mark.postgres
def test_a_gateway_killed_mid_burst_loses_nothing_and_does_nothing_twice(cluster):
    """Copies are counted as the next hop dedupes them, by X-Mailwarden-Spool-Id: a kill between
    the next hop's 250 and the spool file's removal sends that one copy again (tests.support.
    gateways.Burst says what each attempt promises)."""
    c, _store = cluster
    burst = Burst(c).start()
    wait_until(lambda: burst.acked_by("b") >= 8, 60)
    burst.kill("b")
    burst.restart()
    burst.check()
