"""Benchmark: DLP detector precision and recall on generated, labelled corpora — mail bodies,
and tables in every format a list leaves in — and throughput; with Presidio's regex
recognizers on the English bodies in the same run when .venv-peers has presidio-analyzer.

    .venv/bin/python benchmarks/dlp_quality.py [--samples 4000] [--seed 7] [--table-cases 1040]
        [--blind-cases 600] [--examples 12] [--json FILE]

Bodies (seed 7): Japanese and English mail bodies carrying real-format identifiers — My
Numbers and Corporate Numbers with valid check digits, cards of several networks passing
Luhn, IBANs — written every way people write them, among hard negatives (order numbers,
dates, phone numbers, numbers failing the check digit, identifiers inside links).

Tables, four sets, each through the whole pipeline (parse, extract, scan) as a message:
- tests/support/tablecorpus.py, seed 3 ("development": its failures were read and the rules
  tuned on them) and seed 11 ("held out": never read);
- tests/support/tablecorpus_blind.py, written by another author from the issue alone, without
  reading the detector's rules (other headers, title rows, stacked and side-by-side tables,
  forms, notes with numbers, point cards and waybills that pass check digits): seed 1 ("read":
  its failures were looked at, and the rules changed) and seed 2 ("held out": never read —
  only its totals are printed).
Targets from the issues: precision ≥ 98 % and recall ≥ 99 % on the checksummed identifiers,
in bodies and in tables; ≥ 20 MB/s of body text per core.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
PEERS = ROOT / ".venv-peers" / "bin" / "python"

from tests.support.tablecorpus import corporate, my_number  # noqa: E402 - one generator for bodies and tables

from mailwarden.dlp.checks import corporate_number_ok, luhn_ok, my_number_ok  # noqa: E402
from mailwarden.dlp.scan import detect  # noqa: E402

CHECKSUMMED = ("jp.my-number", "jp.corporate-number", "credit-card", "iban")
FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def card(rnd: random.Random) -> str:
    prefix, length = rnd.choice([("4", 16), ("5", 16), ("35", 16), ("37", 15), ("6011", 16), ("2221", 16)])
    if prefix == "35":
        prefix = str(rnd.randint(3528, 3589))
    if prefix == "5":
        prefix = str(rnd.randint(51, 55))
    digits = prefix + "".join(str(rnd.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for check in range(10):
        if luhn_ok(digits + str(check)):
            return digits + str(check)
    raise AssertionError


def iban(rnd: random.Random) -> str:
    bban = "".join(rnd.choice("0123456789") for _ in range(18))
    country = rnd.choice(["DE", "FR", "NL", "GB"])
    if country == "GB":
        bban = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + bban[:14]
    for check in range(2, 99):
        candidate = f"{country}{check:02d}{bban}"
        moved = candidate[4:] + candidate[:4]
        if int("".join(str(int(c, 36)) for c in moved)) % 97 == 1:
            return candidate
    raise AssertionError


def written(rnd: random.Random, digits: str, group: int = 4) -> str:
    """The ways people write a number: plain, grouped with a space, hyphen of any width or a
    line break, full-width."""
    style = rnd.choice(["plain", "space", "hyphen", "wide-hyphen", "newline", "fullwidth"])
    groups = [digits[i : i + group] for i in range(0, len(digits), group)]
    if style == "plain":
        return digits
    if style == "space":
        return " ".join(groups)
    if style == "hyphen":
        return "-".join(groups)
    if style == "wide-hyphen":
        return rnd.choice(["‐", "–", "ー", "−"]).join(groups)
    if style == "newline":
        return "\n".join(groups)
    return "-".join(groups).translate(FULLWIDTH)


JA = [
    "お世話になっております。{x}の件、ご確認ください。",
    "マイナンバー：{x}を登録しました",
    "先日の申請書に記載の番号{x}について",
    "下記のとおりご連絡いたします。\n番号 {x}\nよろしくお願いします。",
]
EN = [
    "Hello, please find the number {x} below.",
    "Card number: {x} expiring soon",
    "Reference {x} as discussed.",
    "Per our call, the account is {x}. Thanks.",
]


def negatives(rnd: random.Random) -> str:
    kinds = [
        lambda: f"注文番号 {rnd.randint(10**11, 10**12 - 1)} の発送",
        lambda: f"Order #{rnd.randint(10**15, 10**16 - 1)} shipped",
        lambda: f"日付 20{rnd.randint(10, 29)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
        lambda: f"電話 03-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}",
        lambda: f"https://shop.example/item/{my_number(rnd)}",
        lambda: f"伝票 {rnd.randint(10**12, 10**13 - 1)}",
    ]
    return rnd.choice(kinds)()


def build(n: int, seed: int) -> list[tuple[str, str, set[tuple[str, str]]]]:
    """(language, text, expected {(detector, digits)})."""
    rnd = random.Random(seed)
    out = []
    makers = [
        ("jp.my-number", my_number, 4),
        ("jp.corporate-number", corporate, 4),
        ("credit-card", card, 4),
        ("iban", iban, 4),
    ]
    for i in range(n):
        lang = "ja" if i % 2 == 0 else "en"
        expected: set[tuple[str, str]] = set()
        parts = []
        for _ in range(rnd.randint(0, 2)):
            det, make, group = rnd.choice(makers)
            value = make(rnd)
            if det == "iban":
                shown = (
                    value
                    if rnd.random() < 0.5
                    else " ".join(value[j : j + 4] for j in range(0, len(value), 4))
                )
            else:
                shown = written(rnd, value, group)
            expected.add((det, value))
            parts.append(rnd.choice(JA if lang == "ja" else EN).format(x=shown))
        for _ in range(rnd.randint(1, 3)):
            parts.append(negatives(rnd))
        rnd.shuffle(parts)
        out.append((lang, "\n".join(parts), expected))
    return out


def score(samples, found_of) -> dict[str, tuple[int, int, int]]:
    """detector -> (true positives, false positives, false negatives)."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _, text, expected in samples:
        found = found_of(text)
        for det in CHECKSUMMED:
            exp = {v for d, v in expected if d == det}
            got = {v for d, v in found if d == det}
            tally[det][0] += len(exp & got)
            tally[det][1] += len(got - exp)
            tally[det][2] += len(exp - got)
    return {k: tuple(v) for k, v in tally.items()}  # type: ignore[misc]


def ours(text: str) -> set[tuple[str, str]]:
    return {(m.detector, m.value.replace(" ", "")) for m in detect(text)}


PRESIDIO = r"""
import json, sys, time
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IbanRecognizer
recs = [("credit-card", CreditCardRecognizer()), ("iban", IbanRecognizer())]
data = json.load(sys.stdin)
out = []
t0 = time.perf_counter()
for text in data:
    found = []
    for det, rec in recs:
        for r in rec.analyze(text, rec.supported_entities, None):
            found.append((det, "".join(ch for ch in text[r.start:r.end] if ch.isalnum()).upper()))
    out.append(found)
print(json.dumps({"wall": time.perf_counter() - t0, "found": out}))
"""


def run_peer(script: str, texts: list[str]) -> dict[str, Any] | None:
    """Run ``script`` with .venv-peers' Python, the texts as JSON on stdin; its JSON answer."""
    proc = subprocess.run([str(PEERS), "-c", script], input=json.dumps(texts), capture_output=True, text=True)
    if proc.returncode != 0:
        print("presidio failed:", proc.stderr[-400:])
        return None
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def prose_throughput() -> None:
    """Ordinary mail text: the ham bodies of the evaluation corpus (when present) and the
    project's Japanese fixtures, repeated to a few megabytes."""
    from mailwarden.core.message import parse_message

    corpus = ROOT.parent / "shared" / "corpora" / "phishing-dev" / "csdmc2010-ham"
    sets = {
        "English mailing-list bodies": [p.read_bytes() for p in sorted(corpus.glob("*.eml"))],
        "Japanese fixture bodies x400": [
            p.read_bytes() for p in sorted((ROOT / "tests/data/ja-mail").glob("*/*.eml"))
        ]
        * 400,
    }
    for label, raws in sets.items():
        if not raws:
            continue
        text = "\n".join(t for r in raws for t in parse_message(r).texts)
        mb = len(text.encode()) / 1e6
        t0 = time.perf_counter()
        detect(text)
        wall = time.perf_counter() - t0
        rate = mb / wall
        print(f"throughput, {label}: {mb:.1f} MB in {wall:.2f}s = {rate:.1f} MB/s on one core (target ≥ 20)")


# -- tables ---------------------------------------------------------------------------------
TABLE_DETECTORS = ("jp.my-number", "jp.corporate-number", "credit-card")
SHORT = {"jp.my-number": "My Number", "jp.corporate-number": "Corporate", "credit-card": "Card"}
EMAIL = "email-address"
DEV_SEED, HELD_OUT_SEED = 3, 11
# the blind set (tests/support/tablecorpus_blind.py, written by another author from the issue
# alone): seed 1 may be read to find what fails; seed 2 is never read
BLIND_DEV_SEED, BLIND_TEST_SEED = 1, 2
TARGET_PRECISION, TARGET_RECALL = 0.98, 0.99


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    hard: int = 0  # false positives that are hard negatives (an ID passing a check digit)
    outside_tp: int = 0  # true positives found only outside the tables (as body or page text)
    outside_fp: int = 0  # false positives found outside the tables

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def short(self) -> str:
        if not (self.tp or self.fp or self.fn):
            return f"{'—':>13s}"
        return f"{100 * self.precision:6.2f}/{100 * self.recall:6.2f}"

    def line(self) -> str:
        extra = f", fp hard negatives {self.hard}" if self.fp else ""
        if self.outside_tp or self.outside_fp:
            extra += f", outside tables: tp {self.outside_tp} fp {self.outside_fp}"
        return (
            f"precision {self.precision:7.2%}  recall {self.recall:7.2%}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}{extra})"
        )


@dataclass
class TableRun:
    label: str
    seed: int
    cases: int = 0
    by_fmt: dict[str, dict[str, Tally]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Tally))
    )
    cells: Counter[str] = field(default_factory=Counter)  # per format: cells of the written tables
    extracted: Counter[str] = field(default_factory=Counter)  # per format: cells the extraction read
    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))  # parse…scan
    unscannable: Counter[str] = field(default_factory=Counter)  # "format: reason"
    others: Counter[str] = field(default_factory=Counter)  # other detectors' matches in table cells
    overlaps: Counter[str] = field(default_factory=Counter)  # "jp.phone inside credit-card"
    errors: list[str] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)  # development seed only
    false_positives: list[dict[str, Any]] = field(default_factory=list)  # development seed only

    def total(self, det: str, fmts: list[str] | None = None) -> Tally:
        out = Tally()
        for fmt, tallies in self.by_fmt.items():
            if fmts is None or fmt in fmts:
                out.add(tallies[det])
        return out

    def to_dict(self) -> dict[str, Any]:
        def tally(t: Tally) -> dict[str, Any]:
            return {**t.__dict__, "precision": t.precision, "recall": t.recall}

        dets = (*TABLE_DETECTORS, EMAIL)
        seconds = sum(self.seconds.values())
        return {
            "label": self.label,
            "seed": self.seed,
            "cases": self.cases,
            "overall": {d: tally(self.total(d)) for d in dets},
            "per_format": {f: {d: tally(t[d]) for d in dets} for f, t in self.by_fmt.items()},
            "cells": sum(self.cells.values()),
            "cells_extracted": sum(self.extracted.values()),
            "seconds": seconds,
            "cells_per_second": sum(self.cells.values()) / seconds if seconds else None,
            "unscannable": dict(self.unscannable),
            "other_detectors_in_cells": dict(self.others),
            "other_detectors_inside_identifiers": dict(self.overlaps),
            "errors": self.errors,
        }


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _shape(text: str) -> str:
    """A cell as written with its digits masked but the last four: its form without its value."""
    n = sum(ch.isdigit() for ch in text)
    out, seen = [], 0
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen > n - 4 else "#")
        else:
            out.append(ch)
    return "".join(out)


def _same(det: str, value: str, cell: str) -> bool:
    if det == EMAIL:
        return cell.strip().lower() == value.lower()
    return _digits(cell) == value


def _source_cell(case: Any, det: str, value: str) -> tuple[str, str]:
    """(column header, cell as written, masked) of ``value`` in the case's own table."""
    if not hasattr(case, "rows"):  # a blind case: only its message is known
        return "(blind set)", "-"
    for row in case.rows:
        for col, cell in enumerate(row):
            if _same(det, value, str(cell)):
                kind = "int" if isinstance(cell, int) else "text"
                return case.header[col], f"{_shape(str(cell))} ({kind})"
    return "?", "?"


def _extracted_cell(content: Any, det: str, value: str) -> tuple[str, str, str] | None:
    """(cell location, its text masked, the header the extraction found over it) of ``value``
    among the cells extracted, or None."""
    for table in content.tables:
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                if _same(det, value, cell):
                    hdr = table.rows[table.header] if table.header is not None else None
                    header = (hdr[c] if c < len(hdr) else "") if hdr is not None else "(no header found)"
                    return table.cell_name(r, c), _shape(cell), header
    return None


def _diagnose_miss(case: Any, content: Any, found: list[Any], det: str, value: str) -> dict[str, Any]:
    from mailwarden.dlp.detectors import BY_ID, mask

    header, shown = _source_cell(case, det, value)
    cell = _extracted_cell(content, det, value)
    other = sorted({f.match.detector for f in found if f.match.value == value and f.match.detector != det})
    if cell is None:
        in_text = any(
            (_digits(text).find(value) >= 0) if det != EMAIL else value in text for _, text in content.parts
        )
        cause = "extraction: in no table cell" + (" (only in part text)" if in_text else ", nor in any text")
        where = "-"
        read_header = "-"
    else:
        where, _, read_header = cell
        if other:
            cause = f"detector: reported as {', '.join(other)}"
        elif read_header == "(no header found)":
            cause = "header context: no header row found for the table"
        else:
            cause = "detector/context: cell read, nothing reported"
    return {
        "format": case.fmt,
        "lang": case.lang,
        "kind": case.kind,
        "detector": det,
        "masked": mask(value, secret=BY_ID[det].secret),
        "column": header,
        "written": shown,
        "cell": where,
        "header_read": read_header,
        "cause": cause,
    }


def _diagnose_fp(case: Any, content: Any, f: Any, hard: bool) -> dict[str, Any]:
    from mailwarden.dlp.columns import read_label

    det, value = f.match.detector, f.match.value
    header, shown = _source_cell(case, det, value)
    cell = _extracted_cell(content, det, value)
    read_header = cell[2] if cell else "-"
    named, refused = read_label(read_header) if cell else (frozenset(), frozenset())
    if header == "?":
        cause = "extraction: value in no source cell (cells glued or split?)"
    elif read_header == "(no header found)":
        cause = "header context: no header row found for the table"
    elif det in refused:
        cause = "detector: reported though its column header refuses it"
    elif not named and not refused:
        cause = "header context: column header not in columns.yaml (refuses nothing)"
    else:
        cause = "detector: other"
    if not hard and det == "credit-card" and luhn_ok(value) and len(value) < 15:
        cause += " [a 13/14-digit Luhn-valid number with a card prefix: no hard negative in the corpus]"
    return {
        "format": case.fmt,
        "lang": case.lang,
        "kind": case.kind,
        "detector": det,
        "masked": f.match.masked,
        "location": f.location,
        "confidence": round(f.match.confidence, 2),
        "in_table": f.row is not None,
        "hard_negative": hard,
        "column": header,
        "written": shown,
        "header_read": read_header,
        "cause": cause,
    }


def table_quality(n: int, seed: int, label: str, keep_examples: bool, blind: bool = False) -> TableRun:
    """Every case through the whole pipeline; scored against its labels. ``blind``: the set
    another author wrote from the issue alone, without reading the detector's rules."""
    from tests.support.tablecorpus import build_cases
    from tests.support.tablecorpus_blind import build_blind_cases

    from mailwarden.core.message import parse_message
    from mailwarden.dlp.extract import content_of
    from mailwarden.dlp.found import found_in

    run = TableRun(label, seed)
    cases: list[Any] = list(build_blind_cases(n, seed) if blind else build_cases(n, seed))
    for index, case in enumerate(cases):
        run.cases += 1
        data = case.data if blind else case.mail()
        if not blind:
            run.cells[case.fmt] += len(case.header) * (len(case.rows) + 1)
        t0 = time.perf_counter()
        try:
            content = content_of(parse_message(data))
            found = found_in(content).every()
        except Exception as exc:  # a crash is a finding: report it, count its values as missed
            run.seconds[case.fmt] += time.perf_counter() - t0
            run.errors.append(f"seed {seed} case {index} ({case.fmt}/{case.lang}/{case.kind}): {exc!r}")
            for det in (*TABLE_DETECTORS, EMAIL):
                run.by_fmt[case.fmt][det].fn += sum(1 for d, _ in case.expected if d == det)
            continue
        run.seconds[case.fmt] += time.perf_counter() - t0
        run.extracted[case.fmt] += sum(len(r) for t in content.tables for r in t.rows)
        if blind:  # what was written is not known apart from the message: count what was read
            run.cells[case.fmt] += sum(len(r) for t in content.tables for r in t.rows)
        for _, reason in content.unscannable:
            run.unscannable[f"{case.fmt}: {reason}"] += 1
        identifiers = [(d, v) for d, v in case.expected if d != EMAIL]
        for f in found:
            if f.row is not None and f.match.detector not in (*TABLE_DETECTORS, EMAIL):
                run.others[f.match.detector] += 1
                part_of = next((d for d, v in identifiers if f.match.value and f.match.value in v), None)
                if part_of:
                    run.overlaps[f"{f.match.detector} inside {part_of}"] += 1
        for det in (*TABLE_DETECTORS, EMAIL):
            norm = str.lower if det == EMAIL else str
            expected = {norm(v) for d, v in case.expected if d == det}
            inside = {norm(f.match.value) for f in found if f.match.detector == det and f.row is not None}
            outside = {norm(f.match.value) for f in found if f.match.detector == det and f.row is None}
            got = inside | outside
            t = run.by_fmt[case.fmt][det]
            t.tp += len(expected & got)
            t.fn += len(expected - got)
            t.fp += len(got - expected)
            t.hard += len((got - expected) & case.negatives)
            t.outside_tp += len((expected & outside) - inside)
            t.outside_fp += len((outside - inside) - expected)
            if not keep_examples:
                continue
            for value in sorted(expected - got):
                run.misses.append(_diagnose_miss(case, content, found, det, value))
            fps = got - expected
            seen: set[str] = set()
            for f in found:
                v = norm(f.match.value)
                if f.match.detector == det and v in fps and v not in seen:
                    seen.add(v)
                    run.false_positives.append(_diagnose_fp(case, content, f, v in case.negatives))
    return run


def _spread(items: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` examples, taken round-robin over (format, detector) so that one format's
    failure does not hide another's."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        groups[item["format"], item["detector"]].append(item)
    out: list[dict[str, Any]] = []
    while len(out) < limit and any(groups.values()):
        for key in list(groups):
            if groups[key] and len(out) < limit:
                out.append(groups[key].pop(0))
    return out


def print_table_run(run: TableRun, examples: int) -> None:
    from tests.support.tablefiles import FORMATS as WRITTEN

    formats = (*WRITTEN, *sorted(set(run.by_fmt) - set(WRITTEN)))  # the blind set adds some

    cells, extracted = sum(run.cells.values()), sum(run.extracted.values())
    seconds = sum(run.seconds.values())
    print(f"\ntables, {run.label}: seed {run.seed}, {run.cases} messages, {cells} cells written")
    for det in (*TABLE_DETECTORS, EMAIL):
        print(f"  {det:22s} {run.total(det).line()}")
    heads = "".join(f"{SHORT.get(d, 'Email'):>14s}" for d in (*TABLE_DETECTORS, EMAIL))
    print(f"  per format, precision/recall %:\n  {'format':10s}{heads}{'hard fp':>9s}{'cells/s':>10s}")
    for fmt in formats:
        if fmt not in run.by_fmt:
            continue
        tallies = run.by_fmt[fmt]
        cols = "".join(f" {tallies[d].short()}" for d in (*TABLE_DETECTORS, EMAIL))
        hard = sum(tallies[d].hard for d in TABLE_DETECTORS)
        rate = run.cells[fmt] / run.seconds[fmt] if run.seconds[fmt] else 0.0
        print(f"  {fmt:10s}{cols}{hard:>9d}{rate:>10,.0f}")
    outside_tp = sum(run.total(d).outside_tp for d in TABLE_DETECTORS)
    outside_fp = sum(run.total(d).outside_fp for d in TABLE_DETECTORS)
    print(
        f"  checksummed values found only outside the tables (body/page text): "
        f"{outside_tp} true, {outside_fp} false — counted above"
    )
    print(f"  cells read by extraction: {extracted} of {cells} written ({extracted / max(cells, 1):.1%})")
    print(
        f"  speed, parse + extract + scan, whole messages: {cells / seconds:,.0f} cells/s "
        f"({seconds:.1f}s, {run.cases / seconds:.0f} msg/s, one core)"
    )
    if run.others:
        print("  other detectors in table cells:", ", ".join(f"{d} {n}" for d, n in run.others.most_common()))
    if run.overlaps:
        print(
            "  …of which part of an expected identifier (double reports):",
            ", ".join(f"{d} {n}" for d, n in run.overlaps.most_common()),
        )
    if run.unscannable:
        print("  unscannable:", "; ".join(f"{k} ×{n}" for k, n in run.unscannable.most_common()))
    if examples <= 0:  # held out: how many crashed, never on what
        if run.errors:
            print(f"  EXCEPTIONS: {len(run.errors)} messages crashed the pipeline (inputs not shown)")
        return
    for err in run.errors[:10]:
        print("  EXCEPTION", err)
    if len(run.errors) > 10:
        print(f"  … {len(run.errors) - 10} more exceptions")
    print(f"  misses ({len(run.misses)}), by cause:", dict(Counter(m["cause"] for m in run.misses)))
    for m in _spread(run.misses, examples):
        print(
            f"    MISS {m['format']}/{m['lang']}/{m['kind']} {m['detector']} {m['masked']} "
            f"at {m['cell']}; column {m['column']!r} written {m['written']}, header read "
            f"{m['header_read']!r} — {m['cause']}"
        )
    fps = run.false_positives
    print(f"  false positives ({len(fps)}), by cause:", dict(Counter(m["cause"] for m in fps)))
    if fps:
        columns = Counter(f"{m['column']} → {m['detector']}" for m in fps)
        print("  false positives by source column:", ", ".join(f"{k} {n}" for k, n in columns.most_common()))
    for m in _spread(fps, examples):
        print(
            f"    FP {m['location']} {m['detector']} {m['masked']} conf {m['confidence']}"
            f"{' (hard negative)' if m['hard_negative'] else ''}; column {m['column']!r} "
            f"written {m['written']}, header read {m['header_read']!r} — {m['cause']}"
        )


def table_summary(bodies: dict[str, tuple[int, int, int]], runs: list[TableRun]) -> None:
    print("\nbodies vs tables, precision/recall (target: precision ≥ 98 %, recall ≥ 99 %):")
    names = "".join(f"{r.label.split(' (')[0]:>22s}" for r in runs)
    print(f"  {'detector':22s}{'bodies':>16s}{names}")
    for det in TABLE_DETECTORS:
        tp, fp, fn = bodies.get(det, (0, 0, 0))
        body = Tally(tp, fp, fn)
        cols = ""
        for r in runs:
            t = r.total(det)
            ok = t.precision >= TARGET_PRECISION and t.recall >= TARGET_RECALL
            cols += f"  {t.short()} {'ok ' if ok else 'MISS'}"
        print(f"  {det:22s}   {body.short()}{cols}")
    print(
        f"  targets: precision ≥ {TARGET_PRECISION:.0%}, recall ≥ {TARGET_RECALL:.0%} for My Number, "
        "Corporate Number and card numbers (issue); 'MISS' = below a target"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--table-cases", type=int, default=1040, help="messages per table seed (0: no tables section)"
    )
    ap.add_argument("--blind-cases", type=int, default=600, help="messages per blind-set seed")
    ap.add_argument("--examples", type=int, default=12, help="misses and false positives shown (dev seed)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args()
    report: dict[str, Any] = {}
    samples = build(args.samples, args.seed)
    bodies = score(samples, ours)
    report["bodies"] = {d: dict(zip(("tp", "fp", "fn"), v, strict=True)) for d, v in bodies.items()}
    for label, subset in (("all", samples), ("Japanese", [s for s in samples if s[0] == "ja"])):
        print(f"mailwarden, {label} ({len(subset)} bodies):")
        for det, (tp, fp, fn) in sorted((bodies if label == "all" else score(subset, ours)).items()):
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            print(f"  {det:22s} precision {p:.2%}  recall {r:.2%}  (tp {tp}, fp {fp}, fn {fn})")
    english = [s for s in samples if s[0] == "en"]
    text = "\n\n".join(t for _, t, _ in samples)
    mb = len(text.encode()) / 1e6
    t0 = time.perf_counter()
    detect(text)
    wall = time.perf_counter() - t0
    rate = mb / wall
    print(
        f"throughput, generated bodies (a number on every line): {mb:.1f} MB in {wall:.2f}s = {rate:.1f} MB/s"
    )
    prose_throughput()
    # sanity: generated identifiers are valid
    assert all(
        my_number_ok(v) or corporate_number_ok(v) or luhn_ok(v) or v[:2].isalpha()
        for _, _, e in samples
        for _, v in e
    )
    presidio(english)
    if args.table_cases > 0:
        runs = []
        for seed, label, examples, blind in (
            (DEV_SEED, "development (tuned on)", args.examples, False),
            (HELD_OUT_SEED, "held out (never read while tuning)", 0, False),  # never look at its failures
            (BLIND_DEV_SEED, "blind set, read (its failures looked at)", args.examples, True),
            (BLIND_TEST_SEED, "blind set, held out (never read)", 0, True),
        ):
            cases = args.blind_cases if blind else args.table_cases
            run = table_quality(cases, seed, label, keep_examples=examples > 0, blind=blind)
            print_table_run(run, examples)
            runs.append(run)
        table_summary(bodies, runs)
        report["tables"] = [r.to_dict() for r in runs]
        report["tables"][0]["misses"] = runs[0].misses
        report["tables"][0]["false_positives"] = runs[0].false_positives
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        print(f"figures written to {args.json}")


def presidio(english: list[tuple[str, str, set[tuple[str, str]]]]) -> None:
    if not PEERS.exists():
        print("presidio: .venv-peers not found (make bench installs it)")
        return
    en_text = [t for _, t, _ in english]
    res = run_peer(PRESIDIO, en_text)
    if res is None:
        return
    found = iter(res["found"])
    peer = score(english, lambda _t: {(d, v) for d, v in next(found)})
    print(f"Presidio regex recognizers, English ({len(english)} bodies), same corpus:")
    for det in ("credit-card", "iban"):
        tp, fp, fn = peer.get(det, (0, 0, 0))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"  {det:22s} precision {p:.2%}  recall {r:.2%}  (tp {tp}, fp {fp}, fn {fn})")
    en_mb = len("\n\n".join(en_text).encode()) / 1e6
    t0 = time.perf_counter()
    for t in en_text:
        detect(t)
    ours_wall = time.perf_counter() - t0
    print(
        f"English text {en_mb:.2f} MB: mailwarden (all detectors) {en_mb / ours_wall:.2f} MB/s, "
        f"Presidio (card + IBAN only) {en_mb / res['wall']:.2f} MB/s — ratio {res['wall'] / ours_wall:.1f}x"
    )


if __name__ == "__main__":
    main()
