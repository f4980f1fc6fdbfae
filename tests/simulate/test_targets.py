import asyncio

import pytest

from mailwarden.core.dns import Resolver
from mailwarden.core.errors import InputError
from mailwarden.simulate.domains import add_domain, list_domains, verify_domain
from mailwarden.simulate.models import SimDomain
from mailwarden.simulate.targets import import_targets, list_groups, list_targets, parse_csv
from tests.support.nsd import NsdServer, Zone, txt_rdata

TOKEN = "fixed-token-for-tests"


@pytest.fixture(scope="module")
def org_dns():
    z = Zone("example.co.jp")
    z.add("_mailwarden-verify.example.co.jp", "TXT", txt_rdata([f"mailwarden-verify={TOKEN}"]))
    z.add("_mailwarden-verify.wrong.example.co.jp", "TXT", txt_rdata(["mailwarden-verify=other"]))
    with NsdServer([z]) as nsd:
        yield nsd


def _add(store, domain):
    add_domain(domain, store=store)
    with store.session(write=True) as s:
        s.get(SimDomain, domain).token = TOKEN


def _verify(store, nsd, domain):
    return asyncio.run(verify_domain(domain, store=store, resolver=Resolver([nsd.address], timeout=1.0)))


def test_domain_verified_only_with_the_token(store, org_dns):
    _add(store, "example.co.jp")
    _add(store, "wrong.example.co.jp")
    _add(store, "absent.example.co.jp")
    ok = _verify(store, org_dns, "example.co.jp")
    assert ok.verified
    wrong = _verify(store, org_dns, "wrong.example.co.jp")
    assert not wrong.verified and "does not match" in wrong.reason
    absent = _verify(store, org_dns, "absent.example.co.jp")
    assert not absent.verified and "_mailwarden-verify.absent.example.co.jp" in absent.reason
    assert not _verify(store, org_dns, "never-added.example").verified
    states = {d.domain: d for d in list_domains(store=store)}
    assert states["example.co.jp"].verified_at is not None
    assert states["wrong.example.co.jp"].verified_at is None
    assert states["absent.example.co.jp"].checked_at is not None


EN = "name,email,department,manager\nTaro Yamada,taro@example.co.jp,Sales,boss@example.co.jp\n"
JA = (
    "氏名,メールアドレス,部署,上長\n"
    "山田 太郎,taro@example.co.jp,営業部,boss@example.co.jp\n"
    "花子,hanako@example.co.jp,人事部,\n"
)


@pytest.mark.parametrize(
    "data",
    [
        JA.encode("utf-8"),
        b"\xef\xbb\xbf" + JA.encode("utf-8"),
        JA.encode("cp932"),
        JA.replace(",", "\t").encode("utf-16"),  # Excel's "Unicode text": BOM + tabs
    ],
    ids=["utf8", "utf8-bom", "shift_jis", "utf16"],
)
def test_japanese_exports_parse(data):
    rows = parse_csv(data)
    assert [(r.name, r.address, r.department, r.manager) for r in rows] == [
        ("山田 太郎", "taro@example.co.jp", "営業部", "boss@example.co.jp"),
        ("花子", "hanako@example.co.jp", "人事部", ""),
    ]


def test_english_headers_and_missing_column():
    assert parse_csv(EN.encode())[0].department == "Sales"
    with pytest.raises(InputError, match="address"):
        parse_csv(b"name,department\nTaro,Sales\n")
    with pytest.raises(InputError, match="name"):
        parse_csv("メールアドレス\nx@example.co.jp\n".encode())


def test_import_refuses_unverified_and_reports_duplicates(store):
    with store.session(write=True) as s:
        s.add(SimDomain(domain="example.co.jp", token="t", verified_at=__import__("datetime").datetime.now()))
        s.add(SimDomain(domain="pending.example", token="t"))
    csv = JA + "太郎2,TARO@example.co.jp,営業部,\n外部,x@pending.example,営業部,\nbad,not-an-address,,\n"
    dry = import_targets(csv.encode("cp932"), store=store, dry_run=True)
    assert dry.imported == 2 and list_targets(store=store) == []
    r = import_targets(csv.encode("cp932"), store=store)
    assert r.imported == 2
    assert r.duplicates == ["taro@example.co.jp"]
    assert [(x.address, "not verified" in x.reason) for x in r.refused] == [
        ("x@pending.example", True),
        ("not-an-address", False),
    ]
    assert {t.address for t in list_targets(store=store)} == {"taro@example.co.jp", "hanako@example.co.jp"}
    assert [t.name for t in list_targets(store=store, group="人事部")] == ["花子"]
    assert list_groups(store=store) == [("人事部", 1), ("営業部", 1)]
    again = import_targets(JA.encode(), store=store)
    assert again.imported == 0 and again.updated == 2


def test_size_bound():
    from mailwarden.simulate import targets

    with pytest.raises(InputError):
        parse_csv(b"name,email\n" + b"a,b@c\n" * (targets.MAX_BYTES // 6 + 1))


def test_malformed_csv_is_an_input_error():
    with pytest.raises(InputError, match="malformed"):
        parse_csv(b"name,email\n" + b'"' + b"x" * 200_000 + b'",a@b\n')


def test_a_large_import_in_one_go(store):
    with store.session(write=True) as s:
        s.add(SimDomain(domain="example.co.jp", token="t", verified_at=__import__("datetime").datetime.now()))
    data = "name,email\n" + "".join(f"n{i},u{i}@example.co.jp\n" for i in range(40_000))
    assert import_targets(data.encode(), store=store).imported == 40_000
    assert import_targets(data.encode(), store=store).updated == 40_000
