"""Campaigns: sending profiles, creation (verified domains only), the send-by window, pause,
resume and stop — on SQLite and PostgreSQL (the ``store`` fixture)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select

from mailwarden.core.config import Settings
from mailwarden.core.errors import ConfigError, InputError
from mailwarden.core.store import Store
from mailwarden.simulate import campaigns as cmp
from mailwarden.simulate.models import SimDomain, SimGroup, SimRecipient, SimTarget

T0 = datetime(2026, 12, 7, 0, 0, tzinfo=UTC)
DEPARTMENTS = ("営業部", "経理部", "開発部", "総務部")


def seed(store: Store, n: int = 20, *, domain: str = "example.co.jp", relay: str = "127.0.0.1:2525") -> None:
    """A verified domain, ``n`` targets in four departments, and a profile ``p`` (plain, loopback)."""
    with store.session(write=True) as s:
        s.add(SimDomain(domain=domain, token="t", verified_at=T0))
        groups = [SimGroup(name=d) for d in DEPARTMENTS]
        s.add_all(groups)
        s.flush()
        s.add_all(
            SimTarget(
                name=f"社員{i}", address=f"u{i}@{domain}", group_id=groups[i % 4].id, manager=f"boss@{domain}"
            )
            for i in range(n)
        )
    cmp.add_profile("p", relay, security="none", mail_from=f"it-notice@{domain}", store=store)


def settings(tmp_path: object, **kw: object) -> Settings:
    return Settings(data_dir=tmp_path, secret_key="k" * 40, lang="en", **kw)  # type: ignore[arg-type]


def make(store: Store, st: Settings, name: str = "c1", **kw: object) -> cmp.CampaignView:
    args: dict[str, object] = {"template": "invoice-check", "profile": "p", "contact": "sec@example.co.jp"}
    args.update(kw)
    return cmp.create_campaign(name, store=store, settings=st, **args)  # type: ignore[arg-type]


def recipients(store: Store, campaign_id: int) -> list[SimRecipient]:
    with store.session() as s:
        return list(
            s.scalars(
                select(SimRecipient).where(SimRecipient.campaign_id == campaign_id).order_by(SimRecipient.id)
            )
        )


# -- profiles ----------------------------------------------------------------------------------
def test_profiles_add_list_remove_and_relay_config(store: Store, tmp_path, monkeypatch) -> None:
    p = cmp.add_profile(
        "corp",
        "smtp.example.co.jp",
        security="starttls",
        username="sim",
        password_env="MW_SIM_PASS",
        mail_from="notice@example.co.jp",
        store=store,
    )
    assert (p.relay, p.security, p.password_env) == ("smtp.example.co.jp", "starttls", "MW_SIM_PASS")
    assert [x.name for x in cmp.list_profiles(store=store)] == ["corp"]
    st = settings(tmp_path)
    monkeypatch.delenv("MW_SIM_PASS", raising=False)
    with pytest.raises(ConfigError, match="MW_SIM_PASS"):
        cmp.relay_config(p, st)
    monkeypatch.setenv("MW_SIM_PASS", "s3cret")
    rc = cmp.relay_config(p, st)
    assert (rc.host, rc.port, rc.security, rc.username, rc.password) == (
        "smtp.example.co.jp",
        587,
        "starttls",
        "sim",
        "s3cret",
    )
    # refused: a plain relay off loopback, a duplicate, a bad sender, a bad variable name
    with pytest.raises(ConfigError, match="loopback"):
        cmp.add_profile(
            "x", "smtp.example.co.jp:25", security="none", mail_from="a@example.co.jp", store=store
        )
    with pytest.raises(InputError, match="exists"):
        cmp.add_profile("corp", "127.0.0.1", security="none", mail_from="a@example.co.jp", store=store)
    with pytest.raises(InputError, match="email address"):
        cmp.add_profile("y", "127.0.0.1", security="none", mail_from="nobody", store=store)
    with pytest.raises(InputError, match="environment variable"):
        cmp.add_profile(
            "z",
            "127.0.0.1",
            security="none",
            username="u",
            password_env="A-B",
            mail_from="a@b.jp",
            store=store,
        )
    cmp.remove_profile("corp", store=store)
    assert cmp.list_profiles(store=store) == []
    with pytest.raises(InputError, match="no sending profile"):
        cmp.remove_profile("corp", store=store)


def test_a_profile_in_use_is_not_removed(store: Store, tmp_path) -> None:
    seed(store, 4)
    make(store, settings(tmp_path))
    with pytest.raises(InputError, match="c1"):
        cmp.remove_profile("p", store=store)


# -- creation ----------------------------------------------------------------------------------
def test_create_snapshots_every_target_with_a_fresh_token(store: Store, tmp_path) -> None:
    seed(store, 20)
    st = settings(tmp_path, sim_url="https://sim.example.co.jp/")
    c = make(store, st, company="例株式会社", created_by="admin")
    assert (c.status, c.recipients, c.counts["queued"]) == ("draft", 20, 20)
    assert c.base_url == "https://sim.example.co.jp"
    assert c.training_after == "submit"  # the template's landing page has a form
    rs = recipients(store, c.id)
    assert len({r.token for r in rs}) == 20 and all(len(r.token) == 22 for r in rs)
    r0 = next(r for r in rs if r.address == "u0@example.co.jp")
    assert (r0.name, r0.department, r0.manager, r0.status) == (
        "社員0",
        "営業部",
        "boss@example.co.jp",
        "queued",
    )
    # groups: only their targets; base URL defaults to the console's
    c2 = make(store, settings(tmp_path), "c2", groups=["経理部", "開発部"], training_after="click", lang="en")
    assert c2.recipients == 10 and c2.base_url == "http://127.0.0.1:8000" and c2.training_after == "click"
    assert {r.department for r in recipients(store, c2.id)} == {"経理部", "開発部"}
    assert {r.token for r in rs}.isdisjoint({r.token for r in recipients(store, c2.id)})


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"contact": " "}, "contact"),
        ({"template": "nope"}, "no template nope"),
        ({"profile": "nope"}, "no sending profile"),
        ({"groups": ["人事部"]}, "no group 人事部"),
        ({"training_after": "open"}, "training after"),
        ({"lang": "fr"}, "language"),
        ({"base_url": "ftp://x"}, "base URL"),
    ],
)
def test_create_refuses_bad_input(store: Store, tmp_path, kw: dict[str, object], message: str) -> None:
    seed(store, 4)
    with pytest.raises(InputError, match=message):
        make(store, settings(tmp_path), **kw)


def test_targets_outside_verified_domains_are_refused_by_name(store: Store, tmp_path) -> None:
    seed(store, 4)
    with store.session(write=True) as s:
        s.add(SimDomain(domain="old.example", token="t", verified_at=None))
        s.add(SimTarget(name="外部", address="x@old.example", manager=""))
        s.add(SimTarget(name="外部2", address="y@old.example", manager=""))
    with pytest.raises(
        InputError, match=r"outside the verified domains \(2\): x@old\.example, y@old\.example"
    ):
        make(store, settings(tmp_path))
    # the department without them can still be mailed
    assert make(store, settings(tmp_path), groups=["営業部"]).recipients == 1
    with pytest.raises(InputError, match="exists already"):
        make(store, settings(tmp_path), groups=["営業部"])


def test_a_domain_unverified_after_creation_is_refused_at_start(store: Store, tmp_path) -> None:
    seed(store, 4)
    c = make(store, settings(tmp_path))
    with store.session(write=True) as s:
        d = s.get(SimDomain, "example.co.jp")
        assert d is not None
        d.verified_at = None
    with pytest.raises(InputError, match="outside the verified domains"):
        cmp.schedule(c.id, store=store, now=T0)
    assert cmp.get_campaign(c.id, store=store).status == "draft"


# -- the window --------------------------------------------------------------------------------
def test_spread_is_even_over_the_window() -> None:
    times = cmp.spread(4, T0, T0 + timedelta(hours=2))
    assert times == [T0 + timedelta(minutes=30 * i) for i in range(4)]
    assert cmp.spread(3, T0, None) == [T0] * 3


def test_schedule_spreads_evenly_with_departments_mixed(store: Store, tmp_path) -> None:
    seed(store, 40)
    c = make(store, settings(tmp_path))
    end = T0 + timedelta(hours=4)
    v = cmp.schedule(c.name, start_at=T0, send_by=end, store=store, now=T0, rng=random.Random(5))
    assert (v.status, v.start_at, v.send_by) == ("scheduled", T0, end)
    rs = sorted(recipients(store, c.id), key=lambda r: cmp.aware(r.due_at or T0))
    dues = [cmp.aware(r.due_at or T0) for r in rs]
    assert dues[0] == T0 and dues[-1] < end
    gaps = {b - a for a, b in pairwise(dues)}
    assert gaps == {timedelta(minutes=6)}  # 4 h / 40, exactly even
    # shuffled: the first ten cover several departments, not one department after another
    assert len({r.department for r in rs[:10]}) >= 3
    assert Counter(r.department for r in rs) == Counter({d: 10 for d in DEPARTMENTS})


def test_schedule_without_send_by_is_all_at_the_start(store: Store, tmp_path) -> None:
    seed(store, 5)
    c = make(store, settings(tmp_path))
    cmp.schedule(c.id, store=store, now=T0)
    assert {cmp.aware(r.due_at or T0) for r in recipients(store, c.id)} == {T0}


def test_schedule_refuses_a_window_that_is_empty_or_past(store: Store, tmp_path) -> None:
    seed(store, 3)
    c = make(store, settings(tmp_path))
    with pytest.raises(InputError, match="after the start"):
        cmp.schedule(c.id, start_at=T0, send_by=T0, store=store, now=T0)
    with pytest.raises(InputError, match="past"):
        cmp.schedule(
            c.id, send_by=T0 - timedelta(hours=1), start_at=T0 - timedelta(hours=2), store=store, now=T0
        )


# -- transitions -------------------------------------------------------------------------------
def test_pause_resume_stop_and_impossible_transitions(store: Store, tmp_path) -> None:
    seed(store, 10)
    c = make(store, settings(tmp_path))
    with pytest.raises(InputError, match="draft: it cannot be paused"):
        cmp.pause(c.id, store=store)
    with pytest.raises(InputError, match="draft: it cannot be resumed"):
        cmp.resume(c.id, store=store)
    cmp.schedule(c.id, start_at=T0, send_by=T0 + timedelta(hours=10), store=store, now=T0)
    with pytest.raises(InputError, match="scheduled: it cannot be started"):
        cmp.schedule(c.id, store=store, now=T0)
    assert cmp.pause(c.id, store=store).status == "paused"
    with pytest.raises(InputError, match="resume"):
        cmp.schedule(c.id, store=store, now=T0)
    # resumed half-way: the queued recipients spread over the five hours left, in their order
    before = sorted(recipients(store, c.id), key=lambda r: cmp.aware(r.due_at or T0))
    half = T0 + timedelta(hours=5)
    assert cmp.resume(c.id, store=store, now=half).status == "scheduled"
    after = {r.id: cmp.aware(r.due_at or T0) for r in recipients(store, c.id)}
    assert [after[r.id] for r in before] == [half + timedelta(minutes=30 * i) for i in range(10)]
    # resumed after the window: due at once
    cmp.pause(c.id, store=store)
    late = T0 + timedelta(hours=12)
    cmp.resume(c.id, store=store, now=late)
    assert {cmp.aware(r.due_at or T0) for r in recipients(store, c.id)} == {late}
    v = cmp.stop(c.id, store=store, now=late)
    assert v.status == "stopped" and v.counts["cancelled"] == 10 and v.finished_at == late
    for action in (cmp.pause, cmp.resume, cmp.stop):
        with pytest.raises(InputError, match="stopped"):
            action(c.id, store=store)
    with pytest.raises(InputError, match="stopped: it cannot be started"):
        cmp.schedule(c.id, store=store, now=late)
    with pytest.raises(InputError, match="no campaign"):
        cmp.get_campaign("missing", store=store)


def test_list_and_show_count_by_status(store: Store, tmp_path) -> None:
    seed(store, 6)
    st = settings(tmp_path)
    a = make(store, st, "a")
    b = make(store, st, "b", groups=["営業部"])
    cmp.stop(b.id, store=store, now=T0)
    listed = cmp.list_campaigns(store=store)
    assert [c.name for c in listed] == ["b", "a"]
    assert listed[0].counts["cancelled"] == 2 and listed[1].counts["queued"] == 6
    shown = cmp.get_campaign(str(a.id), store=store)
    assert (shown.name, shown.profile, shown.recipients) == ("a", "p", 6)
