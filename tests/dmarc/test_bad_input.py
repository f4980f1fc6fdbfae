"""Hostile and broken reports: each is rejected or repaired with a clear reason, the batch goes on,
and nothing is stored half."""

from __future__ import annotations

import gzip
import io
import time
import zipfile

import pytest
from sqlalchemy import func, select

from mailwarden.dmarc.ingest import Ingestor
from mailwarden.dmarc.models import AggregateRecord, AggregateReport
from mailwarden.dmarc.unpack import Limits


def report(
    records: str = "",
    *,
    rid: str = "r1",
    org: str = "reporter.example",
    begin: int = 1_700_000_000,
    ns: str = "",
    domain: str = "example.jp",
    extra_meta: str = "",
) -> bytes:
    rec = records or record()
    xmlns = f' xmlns="{ns}"' if ns else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feedback{xmlns}><report_metadata><org_name>{org}</org_name><email>r@{org}</email>
<report_id>{rid}</report_id>{extra_meta}
<date_range><begin>{begin}</begin><end>{begin + 86399}</end></date_range>
</report_metadata><policy_published><domain>{domain}</domain><p>none</p></policy_published>{rec}</feedback>
""".encode()


def record(ip: str = "192.0.2.1", count: str = "3", dkim: str = "pass", spf: str = "fail") -> str:
    return f"""<record><row><source_ip>{ip}</source_ip><count>{count}</count><policy_evaluated>
<disposition>none</disposition><dkim>{dkim}</dkim><spf>{spf}</spf></policy_evaluated></row>
<identifiers><header_from>example.jp</header_from></identifiers>
<auth_results><spf><domain>example.jp</domain><result>fail</result></spf></auth_results></record>"""


def ingest(store, data: bytes, name: str = "input", **kw):
    outs = list(Ingestor(store, **kw).ingest_bytes(name, data))
    assert len(outs) == 1, outs
    return outs[0]


def rows(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(AggregateRecord))


def test_good_report_stored(store):
    o = ingest(store, report(record() + record(ip="2001:db8::1", count="5")))
    assert (o.status, o.records, o.messages) == ("stored", 2, 8)


XXE = b"""<?xml version="1.0"?><!DOCTYPE feedback [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<feedback><report_metadata><org_name>&xxe;</org_name></report_metadata></feedback>"""
LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;">]>
<feedback><report_metadata><org_name>&lol4;</org_name></report_metadata></feedback>"""


@pytest.mark.parametrize("doc", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_dtds_and_entities_are_refused(store, doc):
    o = ingest(store, doc)
    assert o.status == "rejected" and "DTD" in o.reason
    assert "root:" not in o.reason


def test_zip_bomb(store):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.xml", b"<" + b"\0" * (300 * 1024 * 1024))
    data = buf.getvalue()
    assert len(data) < 400_000
    o = ingest(store, data)
    assert o.status == "rejected" and "bomb" in o.reason


def test_gzip_bomb_stops_streaming(store):
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb") as gz:
        gz.write(report(record()).replace(b"</feedback>", b""))
        chunk = b" " * (1024 * 1024)
        for _ in range(300):
            gz.write(chunk)
    o = ingest(store, raw.getvalue())
    assert o.status == "rejected" and "bomb" in o.reason
    assert rows(store) == 0


def test_zip_with_thousands_of_members(store):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(3000):
            zf.writestr(f"r{i}.xml", b"x")
    o = ingest(store, buf.getvalue())
    assert o.status == "rejected" and "3000 members" in o.reason


def test_truncated_gzip(store):
    data = gzip.compress(report(record() * 50))
    o = ingest(store, data[: len(data) // 2])
    assert o.status == "rejected" and "gzip" in o.reason.lower()
    assert rows(store) == 0


# markup broken beyond repair in the middle of a report: a failure of the report, not of a record
BROKEN = "<record><row><source_ip>192.0.2.9</source_ip><count>1</count></row></recrod>"


def test_nothing_is_stored_half(store):
    # The 400th record breaks the document: the 399 before it must not stay in the store.
    bad = record() * 399 + BROKEN + record() * 10
    o = ingest(store, report(bad), batch=100)
    assert o.status == "rejected" and "well-formed" in o.reason
    assert rows(store) == 0
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AggregateReport)) == 0


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        (report(begin=int(time.time()) + 30 * 86400), "future"),
        (report(org=""), "org_name"),
        (report(rid=""), "report_id"),
        (report(domain=""), "policy_published/domain"),
        (b"<feedback><report_metadata><org_name>x</org_name></report_metadata></feedback>", "date_range"),
        (b"<other/>", "root element"),
        (b"not xml at all", "not a report"),
    ],
)
def test_clear_rejections(store, doc, reason):
    o = ingest(store, doc)
    assert o.status == "rejected" and reason in o.reason, o.reason


@pytest.mark.parametrize(
    ("rec", "reason"),
    [
        (record(count="99999999999"), "impossible count"),
        (record(count="many"), "not a number"),
        (record(ip="999.1.1.1"), "invalid source_ip"),
    ],
)
def test_a_record_that_cannot_be_stored_is_named(store, rec, reason):
    o = ingest(store, report(rec))
    assert o.status == "stored" and o.records == 0 and reason in " ".join(o.notes), o.notes


def test_namespaces(store):
    ok = ingest(store, report(ns="urn:ietf:params:xml:ns:dmarc-2.0", rid="ns1"))
    assert ok.status == "stored" and not ok.notes
    odd = ingest(store, report(ns="urn:example:other", rid="ns2"))
    assert odd.status == "stored" and "namespace" in " ".join(odd.notes)


def test_invalid_utf8_repaired_and_noted(store):
    doc = report(rid="utf8").replace(b"<org_name>reporter.example", b"<org_name>reporter\xff\xfe.example")
    o = ingest(store, doc)
    assert o.status == "stored" and "UTF-8" in " ".join(o.notes)


def test_upper_case_results_repaired(store):
    o = ingest(store, report(record(dkim="PASS", spf="FAIL"), rid="case"))
    assert o.status == "stored" and "lower-cased" in " ".join(o.notes)
    with store.session() as s:
        rec = s.scalar(select(AggregateRecord))
        assert rec.dkim_aligned is True


def test_mail_without_report(store):
    msg = b"From: a@example.jp\r\nTo: dmarc@example.jp\r\nSubject: hello\r\n\r\njust text\r\n"
    o = ingest(store, msg)
    assert o.status == "rejected" and "without a report" in o.reason


def test_the_batch_goes_on(store, tmp_path):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "a.xml").write_bytes(report(rid="a"))
    (tmp_path / "b.xml").write_bytes(b"<feedback><broken")
    (tmp_path / "c.xml.gz").write_bytes(gzip.compress(report(rid="c")))
    (tmp_path / "d.zip").write_bytes(b"PK\x03\x04 not really a zip")
    outs = list(Ingestor(store).ingest_paths([tmp_path]))
    assert [o.status for o in outs] == ["stored", "rejected", "stored", "rejected"]


def test_multi_day_report_sent_twice_is_one(store):
    first = ingest(store, report(rid="week-1", begin=1_700_000_000))
    second = ingest(store, gzip.compress(report(rid="week-1", begin=1_700_000_000)), name="again.gz")
    assert (first.status, second.status) == ("stored", "duplicate")


def test_input_size_cap(store):
    o = ingest(store, report(record() * 200), limits=Limits(max_input_bytes=10_000))
    assert o.status == "rejected" and "larger than" in o.reason


def test_unique_constraint_catches_a_concurrent_duplicate(store, monkeypatch):
    # Another process stored the report between our check and our insert: the unique
    # constraint answers, and the outcome is "duplicate" with nothing stored twice.
    import dataclasses

    from mailwarden.dmarc import ingest as ingest_mod

    real = ingest_mod.statements

    def blind(paramstyle):
        st = real(paramstyle)
        return dataclasses.replace(st, exists=st.exists.replace("WHERE ", "WHERE 1 = 0 AND "))

    assert ingest(store, report(rid="race")).status == "stored"
    monkeypatch.setattr(ingest_mod, "statements", blind)
    second = ingest(store, report(rid="race"))
    assert second.status == "duplicate"
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AggregateReport)) == 1
        assert s.scalar(select(func.count()).select_from(AggregateRecord)) == 1


@pytest.mark.parametrize("parallel", [True, False], ids=["parser-process", "in-process"])
def test_paths_nothing_stored_half_and_the_batch_goes_on(store, tmp_path, parallel):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    # Through the path ingest (a parser process beside the store, or not): a report that fails
    # after several batches were streamed is voided whole; the next one is stored.
    (tmp_path / "a.xml").write_bytes(report(record() * 399 + BROKEN + record() * 10, rid="half"))
    (tmp_path / "b.xml").write_bytes(report(record() * 7, rid="whole"))
    outs = list(Ingestor(store, batch=50, parallel=parallel).ingest_paths([tmp_path]))
    assert [(o.status, o.records) for o in outs] == [("rejected", 0), ("stored", 7)]
    assert "well-formed" in outs[0].reason
    assert rows(store) == 7


@pytest.mark.parametrize("parallel", [True, False], ids=["parser-process", "in-process"])
def test_repair_after_rows_were_streamed_stores_each_record_once(store, tmp_path, parallel):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    # Invalid UTF-8 in the 300th record: the first attempt has already streamed 250 rows
    # when it fails; they are voided and the repaired second attempt stores all 310 once.
    recs = record() * 299 + record().replace("example.jp</header_from>", "exa\xffmple.jp</header_from>")
    doc = report(recs + record() * 10, rid="late-utf8").replace("\xff".encode(), b"\xff")
    (tmp_path / "late.xml").write_bytes(doc)
    outs = list(Ingestor(store, batch=50, parallel=parallel).ingest_paths([tmp_path]))
    assert [(o.status, o.records) for o in outs] == [("stored", 310)]
    assert "UTF-8" in " ".join(outs[0].notes)
    assert rows(store) == 310


def test_raw_report_kept_for_a_report_bigger_than_a_batch(store, tmp_path):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    # big reports compress their raw copy on a thread while parsing: it must still be kept
    doc = report(record() * 120, rid="raw-big")
    (tmp_path / "big.xml").write_bytes(doc)
    outs = list(Ingestor(store, batch=50).ingest_paths([tmp_path]))
    assert outs[0].status == "stored"
    with store.session() as s:
        raw = s.scalar(select(AggregateReport.raw))
    assert gzip.decompress(raw) == doc


def test_a_caller_stopping_early_keeps_what_was_stored(store):
    # The first outcome is taken, the rest of the run abandoned: the stored report stays.
    doc = gzip.compress(report(rid="early"))
    it = Ingestor(store).ingest_bytes("early.gz", doc)
    assert next(it).status == "stored"
    it.close()
    assert rows(store) == 1


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED], ids=["deflated", "stored"])
def test_raw_copy_of_a_zip_member_is_the_member(store, method):
    # a deflated member's copy is its own deflate stream re-wrapped as gzip, not recompressed
    doc = report(record() * 30, rid=f"zip-raw-{method}")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        zf.writestr("other.txt", b"not a report")
        zf.writestr("report.xml", doc)
    outs = list(Ingestor(store).ingest_bytes("r.zip", buf.getvalue()))
    assert [o.status for o in outs] == ["rejected", "stored"]
    with store.session() as s:
        raw = s.scalar(select(AggregateReport.raw))
    assert gzip.decompress(raw) == doc


def test_namespace_declarations_inside_the_report_still_read():
    # The root's default namespace is taken out before parsing; a record that declares it
    # again, or uses a prefix bound to it, is read all the same.
    ns = "urn:ietf:params:xml:ns:dmarc-2.0"
    inner = record().replace("<record>", f'<record xmlns="{ns}">', 1)
    prefixed = (
        record().replace("<record>", f'<d:record xmlns:d="{ns}">', 1).replace("</record>", "</d:record>")
    )
    doc = report(record() + inner + prefixed, ns=ns, rid="ns-inner")
    from mailwarden.dmarc.aggregate import AggregateParser

    parser = AggregateParser(io.BytesIO(doc))
    hdr = parser.header()
    assert hdr.namespace == ns
    assert sum(len(b) for b in parser.batches(10)) == 3


@pytest.mark.parametrize(
    "dtd",
    [
        b'<!DOCTYPE feedback [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
        b"<!DOCTYPE feedback>",
    ],
    ids=["xxe", "billion-laughs", "bare-doctype"],
)
def test_a_whole_report_behind_a_dtd_is_refused_and_nothing_stored(store, dtd):
    # a complete, otherwise valid report: the DTD must not be "repaired" away and the report stored
    doc = report(record()).replace(b"?>\n", b"?>" + dtd + b"\n", 1)
    assert dtd in doc
    o = ingest(store, doc)
    assert o.status == "rejected" and "DTD" in o.reason
    assert rows(store) == 0
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AggregateReport)) == 0


def test_a_bad_record_is_rejected_alone_and_the_report_kept(store):
    recs = record() + record(ip="") + record(ip="2001:db8::1", count="5") + record(count="-1")
    o = ingest(store, report(recs))
    assert o.status == "stored" and (o.records, o.messages) == (2, 8)
    notes = " ".join(o.notes)
    assert "record 2: invalid source_ip ''" in notes and "record 4" in notes
    assert "2 of 4 records rejected" in notes
    assert rows(store) == 2


def test_a_reused_report_id_for_another_period_is_a_new_report(store):
    first = ingest(store, report(rid="same", begin=1_700_000_000))
    again = ingest(store, report(rid="same", begin=1_700_000_000))
    later = ingest(store, report(rid="same", begin=1_700_086_400))
    assert (first.status, again.status, later.status) == ("stored", "duplicate", "stored")
    assert rows(store) == 2
