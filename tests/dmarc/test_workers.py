"""Parser processes that take the next input when free (dmarc.workers): every unit arrives
whole and in input order whatever its size, errors surface, and a mixed batch stores exactly
the rows the in-process ingest stores."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import delete, select

from mailwarden.core.parallel import ProducerFailed, can_fork
from mailwarden.dmarc.ingest import Ingestor
from mailwarden.dmarc.models import AggregateRecord, AggregateReport
from mailwarden.dmarc.workers import claimed, forked_claiming

from .test_bad_input import BROKEN, record, report

needs_fork = pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")


def test_claimed_takes_only_the_claimed_positions():
    claims = iter([1, 3, 4, 9])
    marks = []
    got = list(claimed("abcdef", lambda: next(claims), marks.append))
    assert got == ["b", "d", "e"]  # position 9 does not exist: the listing ends
    assert marks == [1, 3, 4]


def test_claimed_listing_error_belongs_to_its_position():
    def listing():
        yield "a"
        raise ValueError("broken container")

    marks = []
    mine = claimed(listing(), iter([1]).__next__, marks.append)
    with pytest.raises(ValueError):
        next(mine)
    assert marks == [1]  # the error is this worker's unit
    # another worker, which claimed a later position, stops there without raising
    assert list(claimed(listing(), iter([0, 2]).__next__, [].append)) == ["a"]


def _units(sizes):
    """Produce, for each claimed unit, ``sizes[i]`` items (i, j) and a closing (i, 'end');
    a unit of size -1 yields nothing at all."""

    def produce(claim, mark):
        for i in claimed(range(len(sizes)), claim, mark):
            if sizes[i] < 0:
                continue
            for j in range(sizes[i]):
                yield (i, j)
            yield (i, "end")

    return produce


@needs_fork
@pytest.mark.parametrize("ahead", [1, 50, 100_000])
def test_units_come_whole_and_in_order_whatever_their_size(ahead):
    # one big unit first, then many small ones: the other worker runs ahead, held back only
    # by ``ahead``; the merge is the serial order either way
    sizes = [20_000, *([3, 0, -1, 7] * 40), 5_000, 1, -1]
    got = list(forked_claiming(_units(sizes), workers=2, flush=64, ahead=ahead))
    want = [(i, j) for i, n in enumerate(sizes) if n >= 0 for j in [*range(n), "end"]]
    assert got == want


@needs_fork
def test_a_producer_error_is_raised_in_the_parent():
    def produce(claim, mark):
        for i in claimed(range(10), claim, mark):
            if i == 5:
                raise RuntimeError("parser broke on unit 5")
            yield i

    with pytest.raises(ProducerFailed, match="parser broke on unit 5"):
        list(forked_claiming(produce, workers=2))


@needs_fork
def test_stopping_early_stops_the_workers():
    it = forked_claiming(_units([1000] * 50), workers=2)
    assert list(itertools.islice(it, 3)) == [(0, 0), (0, 1), (0, 2)]
    it.close()  # the generator's finally ends both children; nothing hangs


def _stored(store):
    """Every stored record with its report's identity instead of the report's key."""
    with store.session() as s:
        ident = {
            r.id: (r.org_name, r.report_id, r.begin, r.record_count, r.message_count)
            for r in s.scalars(select(AggregateReport))
        }
        cols = [c for c in AggregateRecord.__table__.columns if c.name not in ("id", "report_pk")]
        out = []
        for rec in s.scalars(select(AggregateRecord).order_by(AggregateRecord.id)):
            out.append((ident[rec.report_pk], *(getattr(rec, c.name) for c in cols)))
    return out


@needs_fork
def test_mixed_batch_stores_the_same_rows_as_in_process(store, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    # a big report first, then small ones, a broken one, a duplicate and a repaired one
    big = "".join(record(ip=f"198.51.100.{i % 250 + 1}", count=str(i % 9 + 1)) for i in range(3000))
    (src / "a-big.xml").write_bytes(report(big, rid="big"))
    for i in range(30):
        recs = "".join(
            record(ip=f"192.0.2.{j + 1}", dkim="fail" if j % 2 else "pass") for j in range(i % 5 + 1)
        )
        (src / f"b-{i:02}.xml").write_bytes(report(recs, rid=f"small-{i}", begin=1_700_000_000 + i))
    (src / "c-broken.xml").write_bytes(report(record() * 40 + BROKEN, rid="broken"))
    (src / "d-dup.xml").write_bytes(report(record(), rid="small-3", begin=1_700_000_003))
    (src / "e-amp.xml").write_bytes(report(record(), rid="a&b"))
    # a maildir beside them: its files are listed like from_path lists them (tmp/ and dot files
    # left out), each a unit of its own
    for sub in ("cur", "new", "tmp"):
        (src / "md" / sub).mkdir(parents=True)
        (src / "md" / sub / "m1.xml").write_bytes(report(record(ip="203.0.113.9"), rid=f"md-{sub}"))
    (src / "md" / "new" / ".hidden.xml").write_bytes(report(record(), rid="hidden"))
    paths = [src / "a-big.xml", src]  # a file, then the directory (a-big.xml again: a duplicate)

    serial = list(Ingestor(store, batch=100, parallel=False).ingest_paths(paths))
    serial_rows = _stored(store)
    with store.session() as s:
        s.execute(delete(AggregateRecord))
        s.execute(delete(AggregateReport))
        s.commit()
    assert _stored(store) == []
    forked = list(Ingestor(store, batch=100, parallel=True, ahead=500).ingest_paths(paths))

    def summary(outs):
        return [(o.origin, o.status, o.records, o.messages, o.notes) for o in outs]

    assert summary(forked) == summary(serial)
    assert [o.status for o in forked].count("stored") == 34
    assert {o.origin for o in forked if o.origin.endswith("m1.xml")} == {
        str(src / "md" / "cur" / "m1.xml"),
        str(src / "md" / "new" / "m1.xml"),
    }
    assert _stored(store) == serial_rows
    assert len(serial_rows) == 3000 + sum(i % 5 + 1 for i in range(30)) + 1 + 2


def test_copy_stores_the_same_rows_as_insert(store, tmp_path):
    # On PostgreSQL rows go through COPY; forced off, through executemany: the same rows either
    # way, including text COPY must escape (tab, newline, backslash) and JSON auth results.
    if store.engine.dialect.name != "postgresql":
        pytest.skip("COPY is PostgreSQL's")
    src = tmp_path / "in"
    src.mkdir()
    odd = record().replace("example.jp</header_from>", "ex\\ample\t.jp</header_from>")
    odd += record(ip="2001:db8::7", count="0").replace(
        "<result>fail</result></spf>", "<result>pass</result></spf><dkim><domain>d\\k</domain></dkim>"
    )
    (src / "a.xml").write_bytes(report(odd + record() * 700, rid="copy"))
    (src / "b.xml").write_bytes(report(record(ip="192.0.2.200") * 3, rid="copy-small"))
    paths = sorted(src.iterdir())
    with_copy = list(Ingestor(store, batch=100, parallel=False, copy=True).ingest_paths(paths))
    copied = _stored(store)
    with store.session() as s:
        s.execute(delete(AggregateRecord))
        s.execute(delete(AggregateReport))
        s.commit()
    without = list(Ingestor(store, batch=100, parallel=False, copy=False).ingest_paths(paths))
    assert [(o.status, o.records) for o in with_copy] == [(o.status, o.records) for o in without]
    assert [(o.status, o.records) for o in without] == [("stored", 702), ("stored", 3)]
    assert copied == _stored(store)
    assert "ex\\ample\t.jp" in {v for row in copied for v in row if isinstance(v, str)}
