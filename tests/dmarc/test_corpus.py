"""The parsedmarc sample corpus (tests/data/dmarc-samples, Apache-2.0): every input ends as
stored, duplicate or a clean rejection, with the record counts the files really hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from mailwarden.dmarc.ingest import Ingestor, counts
from mailwarden.dmarc.models import AggregateRecord, AggregateReport, FailureReport, TlsPolicyResult

CORPUS = Path(__file__).parent.parent / "data" / "dmarc-samples"

# file (relative to the corpus) → (status, records); one line per input the corpus holds.
EXPECTED = {
    "aggregate/!example.com!1538204542!1538463818.xml": ("stored", 1),
    "aggregate/!large-example.com!1711897200!1711983600.xml": ("stored", 2286),
    "aggregate/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml": (
        "stored",
        1,
    ),
    "aggregate/addisonfoods.com!example.com!1536105600!1536191999.xml": ("stored", 1),
    "aggregate/empty_reason.xml": ("stored", 1),
    "aggregate/estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip": ("stored", 1),
    "aggregate/example.net!example.com!1529366400!1529452799.xml": ("stored", 1),
    "aggregate/fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz": ("stored", 1),
    "aggregate/ikea.com!example.de!1538690400!1538776800.xml": ("stored", 1),
    # the same report as !example.com!… with an invalid byte: repaired, then a duplicate
    "aggregate/invalid_utf_8.xml": ("duplicate", 0),
    "aggregate/invalid_xml.xml": ("stored", 1),
    "aggregate/mimecast-weird-gzip.eml": ("stored", 1),
    "aggregate/old_draft_from_wiki.xml": ("stored", 1),
    "aggregate/protection.outlook.com!example.com!1711756800!1711843200.xml": ("stored", 1),
    "aggregate/rfc9990-example.net!example.com!1700000000!1700086399.xml": ("stored", 2),
    "aggregate/rfc9990-sample.xml": ("stored", 1),
    "aggregate/twilight.eml": ("stored", 1),
    "aggregate/usssa.com!example.com!1538784000!1538870399.xml": ("stored", 2),
    # invalid_xml.xml repaired is this very report
    "aggregate/veeam.com!example.com!1530133200!1530219600.xml": ("duplicate", 0),
    "aggregate_invalid/report_with_upper_cased_pass.xml": ("stored", 1),
    "empty.xml": ("rejected", 0),
    "extract_report/changed-input.xml": ("stored", 20),
    "extract_report/nice-input.xml": ("stored", 20),
    "extract_report/nice-input.xml.gz": ("duplicate", 0),
    "extract_report/nice-input.xml.zip": ("duplicate", 0),
    "failure/DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de, ip=10.10.10.10).eml": (
        "stored",
        1,
    ),
    "failure/[Netease DMARC Failure Report] Rent Reminder.eml": ("stored", 1),
    "failure/dmarc_ruf_report_linkedin.crlf.eml": ("stored", 1),
    "failure/dmarc_ruf_report_linkedin.eml": ("duplicate", 0),  # same bytes but line ends
    "failure/exim_plain_text_only_no_arf_part.eml": ("stored", 1),
    "smtp_tls/google.com_smtp_tls_report.eml": ("stored", 1),
    "smtp_tls/mail.ru.json": ("stored", 1),
    "smtp_tls/rfc8460.json": ("stored", 1),
    "smtp_tls/smtp_tls.json": ("stored", 1),
}


def ingest_all(store, parallel=None):
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "LICENSE")
    results = {}
    for path in files:
        outs = list(Ingestor(store, parallel=parallel).ingest_paths([path]))
        assert len(outs) == 1, (path, outs)
        results[str(path.relative_to(CORPUS))] = outs[0]
    return results


@pytest.mark.parametrize("parallel", [True, False], ids=["parser-process", "in-process"])
def test_every_sample_is_stored_duplicate_or_rejected(store, parallel):
    results = ingest_all(store, parallel)
    assert set(results) == set(EXPECTED)
    got = {name: (o.status, o.records) for name, o in results.items()}
    assert got == EXPECTED
    assert all(o.reason for o in results.values() if o.status == "rejected")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AggregateRecord)) == sum(
            n
            for name, (st, n) in EXPECTED.items()
            if st == "stored" and not name.startswith(("failure", "smtp_tls"))
        )
        assert s.scalar(select(func.count()).select_from(FailureReport)) == 4
        assert s.scalar(select(func.count()).select_from(TlsPolicyResult)) == 4


def test_repairs_are_noted(store):
    results = ingest_all(store)
    notes = {name: " ".join(o.notes) for name, o in results.items()}
    assert "lower-cased" in notes["aggregate_invalid/report_with_upper_cased_pass.xml"]
    assert "repaired" in notes["aggregate/invalid_xml.xml"]
    assert "repaired" in notes["aggregate/ikea.com!example.de!1538690400!1538776800.xml"]
    assert "gzip" in notes["aggregate/mimecast-weird-gzip.eml"]
    assert "org_name" in notes["aggregate/!example.com!1538204542!1538463818.xml"]


def test_reingest_is_a_no_op(store):
    ingest_all(store)
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(AggregateRecord))
    again = list(Ingestor(store).ingest_paths([CORPUS]))
    assert counts(again)["stored"] == 0
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AggregateRecord)) == before


def test_report_fields(store):
    ingest_all(store)
    with store.session() as s:
        r = s.scalar(select(AggregateReport).where(AggregateReport.report_id == "3v98abbp8ya9n3va8yr8oa3ya"))
        assert r.namespace == "urn:ietf:params:xml:ns:dmarc-2.0"
        assert r.policy["np"] == "none" and r.policy["discovery_method"] == "treewalk"
        assert r.generator.startswith("Example DMARC Aggregate Reporter")
        rec = s.scalar(select(AggregateRecord).where(AggregateRecord.report_pk == r.id))
        assert (rec.source_ip, rec.count, rec.disposition, rec.dkim_aligned, rec.spf_aligned) == (
            "192.0.2.123",
            123,
            "pass",
            True,
            False,
        )
        assert rec.dkim == [{"domain": "example.com", "result": "pass", "selector": "abc123"}]
        import gzip

        assert b"3v98abbp8ya9n3va8yr8oa3ya" in gzip.decompress(r.raw)
