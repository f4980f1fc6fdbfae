"""DLP speed on a large spreadsheet: extraction and scanning of a 100,000-row × 8-column xlsx
(a Japanese CRM export), each stage in a fresh child process of its own for its time and its
peak memory; and, to compare with earlier versions, check_message on mail without tables.

    .venv/bin/python benchmarks/dlp_sheet_speed.py [--rows 100000] [--repeat 3] [--messages 2000]

Target (issue): "Extraction and scanning of a 100,000-row × 8-column xlsx: ≥ 500,000 cells/s
on one core, peak memory ≤ 5× the file's uncompressed size".

The workbook is generated (seeded) with openpyxl in write-only mode and cached (--cache, default
/tmp/mailwarden-bench-cache), so reruns are quick. Stages, each repeated --repeat times in a fresh
process, the median printed:

  read      mailwarden.dlp.sheets.read_workbook alone
  scan      read_workbook, then mailwarden.dlp.cells.scan_table over every table (both with the
            collector paused, as check_message runs them)
  check     mailwarden.dlp.service.check_message on a message carrying the xlsx as an attachment
  cli       `mailwarden dlp check --format json msg.eml`, as a user runs it (startup included)

Inside a child, peak memory is resource.getrusage(RUSAGE_SELF).ru_maxrss; its baseline is the
same figure right after the imports and one warm-up on a three-row workbook, and both the raw
peak and the increase over the baseline are reported. The CLI's peak comes from os.wait4 (the
largest single process of its tree — it forks two workers); its baseline is the same command on
a message without tables. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

HEADER = ["会員番号", "氏名", "電話番号", "メールアドレス", "カード番号", "有効期限", "住所", "備考"]
NOTES = ["", "要連絡", "DM不要", "VIP", "住所変更あり", "電話は夜間のみ", "特になし", "支払い遅延あり"]
GENERATOR = 1  # bump when the workbook generated changes, to refresh the cache
TARGET_RATE, TARGET_MEMORY = 500_000, 5.0


# -- the workbook -----------------------------------------------------------------------------
def crm_rows(rows: int, seed: int) -> list[list[str | int]]:
    """A CRM export: member numbers as numbers (a third of them twelve digits, half of those passing
    the My Number check), cards as text in the usual groupings, a My Number in some notes (as a
    number or as text)."""
    from tests.support.tablecorpus import DOMAINS, GIVEN, PLACES, SURNAMES, card, grouped, my_number

    rnd = random.Random(seed)
    out: list[list[str | int]] = []
    for i in range(rows):
        if rnd.random() < 0.33:
            member: int = int(my_number(rnd)) if rnd.random() < 0.5 else rnd.randint(10**11, 10**12 - 1)
        else:
            member = 10_000_000 + i
        name = f"{rnd.choice(SURNAMES)} {rnd.choice(GIVEN)}"
        phone = f"0{rnd.choice('789')}0-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}"
        email = f"user{i}.{rnd.randint(1, 999)}@{rnd.choice(DOMAINS)}"
        number = grouped(rnd, card(rnd))
        expiry = f"{rnd.randint(1, 12):02d}/{rnd.randint(26, 33)}"
        ja, _, postal = rnd.choice(PLACES)
        address = f"〒{postal} {ja}{rnd.randint(1, 9)}-{rnd.randint(1, 30)}-{rnd.randint(1, 20)}"
        roll = rnd.random()
        note: str | int
        if roll < 0.03:
            note = int(my_number(rnd))  # as a number: a leading zero is lost
        elif roll < 0.06:
            note = f"マイナンバー {grouped(rnd, my_number(rnd), 'sh')}"
        else:
            note = rnd.choice(NOTES)
        out.append([member, name, phone, email, number, expiry, address, note])
    return out


def write_xlsx(path: Path, rows: int, seed: int) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("顧客一覧")
    ws.append(HEADER)
    for row in crm_rows(rows, seed):
        ws.append(row)
    tmp = path.with_suffix(".tmp")
    wb.save(tmp)
    tmp.replace(path)


def uncompressed(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return sum(i.file_size for i in zf.infolist())


def prepare(cache: Path, rows: int, seed: int) -> dict[str, Path]:
    """The workbook, the message carrying it, and a message without tables (the CLI's baseline),
    generated once into ``cache``."""
    from tests.support.tablefiles import mail_with

    cache.mkdir(parents=True, exist_ok=True)
    stem = f"crm-{rows}x8-seed{seed}-v{GENERATOR}"
    xlsx, eml, tiny = cache / f"{stem}.xlsx", cache / f"{stem}.eml", cache / f"{stem}-tiny.xlsx"
    plain = cache / "plain.eml"
    if not xlsx.exists():
        t0 = time.perf_counter()
        write_xlsx(xlsx, rows, seed)
        print(f"generated {xlsx} in {time.perf_counter() - t0:.1f}s")
    if not eml.exists():
        eml.write_bytes(mail_with("xlsx", "顧客.xlsx", xlsx.read_bytes()))
    if not tiny.exists():
        write_xlsx(tiny, 3, seed)
    if not plain.exists():
        plain.write_bytes(plain_messages(1, seed)[0])
    return {"xlsx": xlsx, "eml": eml, "tiny": tiny, "plain": plain}


# -- mail without tables -----------------------------------------------------------------------
JA_LINES = [
    "お世話になっております。株式会社山田商事の田中です。",
    "先日はお打ち合わせのお時間をいただき、誠にありがとうございました。",
    "ご依頼いただいておりました見積書を添付にてお送りいたします。",
    "納期につきましては、ご発注後おおよそ二週間を見込んでおります。",
    "ご不明な点がございましたら、お気軽にお問い合わせください。",
    "来週の定例会議は、会議室の都合により午後三時からに変更となりました。",
    "引き続きどうぞよろしくお願いいたします。",
    "資料の内容に誤りがございましたので、訂正版を改めてお送りします。",
]
EN_LINES = [
    "Hi team, thanks for the quick turnaround on the proposal last week.",
    "As discussed on the call, we will move the launch to the first week of next month.",
    "Please review the attached draft and send me your comments by Friday.",
    "The budget numbers look fine to me, but finance wants a second look at travel costs.",
    "Let me know if you need anything else from our side before the workshop.",
    "I have copied Sarah, who will coordinate the logistics with the venue.",
    "Best regards, and have a great weekend.",
]


def plain_messages(n: int, seed: int, size: int = 20_000) -> list[bytes]:
    """``n`` messages of about ``size`` bytes of Japanese and English prose (a phone number and
    an address here and there, no table), each different."""
    from email import policy
    from email.message import EmailMessage

    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lines: list[str] = []
        total = 0
        while total < size:
            roll = rnd.random()
            if roll < 0.02:
                line = f"お電話は 03-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)} までお願いします。"
            elif roll < 0.04:
                line = f"Contact: user{rnd.randint(1, 999)}@example.co.jp"
            else:
                line = rnd.choice(JA_LINES if rnd.random() < 0.6 else EN_LINES)
            lines.append(line)
            total += len(line.encode()) + 1
        msg = EmailMessage(policy=policy.SMTP)
        msg["From"] = "tanaka@example.co.jp"
        msg["To"] = "partner@example.net"
        msg["Subject"] = f"打ち合わせの件 {i}"
        msg.set_content("\n".join(lines), charset="utf-8", cte="base64")
        out.append(msg.as_bytes())
    return out


# -- the child: one stage, measured in its own process -----------------------------------------
def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child(stage: str, path: Path, tiny: Path, messages: int) -> None:
    import gc

    import python_calamine  # noqa: F401  (imported lazily by sheets.py; loaded before the baseline)

    from mailwarden.core.gc import paused_gc
    from mailwarden.dlp.cells import scan_table
    from mailwarden.dlp.service import check_message
    from mailwarden.dlp.sheets import read_workbook

    loc = "attachment:顧客.xlsx"

    # read and scan with the collector paused, as check_message runs them
    def read(data: bytes) -> dict[str, Any]:
        with paused_gc():
            tables = read_workbook(loc, data, "xlsx")
        cells = sum(len(r) for t in tables.tables for r in t.rows)
        return {"tables": len(tables.tables), "cells_read": cells, "problems": tables.problems}

    def scan(data: bytes) -> dict[str, Any]:
        counts: dict[str, int] = {}
        with paused_gc():
            tables = read_workbook(loc, data, "xlsx")
            for t in tables.tables:
                for hits in scan_table(t):
                    for det in hits.detectors:
                        counts[det] = counts.get(det, 0) + 1
        cells = sum(len(r) for t in tables.tables for r in t.rows)
        return {
            "tables": len(tables.tables),
            "cells_read": cells,
            "matches": counts,
            "problems": tables.problems,
        }

    def check(data: bytes) -> dict[str, Any]:
        r = check_message(data)
        return {
            "tables": r["tables"],
            "matches_total": r["matches_total"],
            "unique": r["counts"],
            "personal_rows": r["personal_rows"],
            "unscannable": r["unscannable"],
        }

    if stage == "plain":
        batch = plain_messages(messages, seed=5)
        check_message(batch[0])
        gc.collect()
        base = _peak_kb()
        t0, c0 = time.perf_counter(), _cpu()
        tables = sum(check_message(m)["tables"] for m in batch)
        wall, cpu = time.perf_counter() - t0, _cpu() - c0
        mb = sum(len(m) for m in batch) / 1e6
        result = {"messages": len(batch), "mb": mb, "tables_found": tables}
    else:
        job = {"read": read, "scan": scan, "check": check}[stage]
        warm = tiny.read_bytes()
        if stage == "check":
            from tests.support.tablefiles import mail_with

            warm = mail_with("xlsx", "顧客.xlsx", warm)
        job(warm)
        del warm
        gc.collect()
        base = _peak_kb()
        data = path.read_bytes()  # the input counts towards the job's memory
        t0, c0 = time.perf_counter(), _cpu()
        result = job(data)
        wall, cpu = time.perf_counter() - t0, _cpu() - c0
    result.update({"wall": wall, "cpu": cpu, "base_kb": base, "peak_kb": _peak_kb()})
    print(json.dumps(result, ensure_ascii=False))


def run_child(stage: str, path: Path, tiny: Path, messages: int = 0) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", stage, "--input", str(path), "--tiny", str(tiny)]
    proc = subprocess.run([*cmd, "--messages", str(messages)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"stage {stage} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def run_cli(eml: Path) -> dict[str, Any]:
    """The CLI as a user runs it; wall time, CPU time and peak RSS of its largest process (os.wait4
    reports the maximum over the process and its reaped children)."""
    exe = ROOT / ".venv" / "bin" / "mailwarden"
    with (
        open(os.devnull, "wb") as sink,
        subprocess.Popen(
            [str(exe), "dlp", "check", "--format", "json", str(eml)], stdout=subprocess.PIPE, stderr=sink
        ) as proc,
    ):
        t0 = time.perf_counter()
        assert proc.stdout is not None
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: something was found (README, "Exit codes")
        raise RuntimeError(f"mailwarden dlp check exited {proc.returncode}")
    rows = json.loads(out)
    first = rows[0] if isinstance(rows, list) else rows
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_kb": usage.ru_maxrss,
        "matches_total": first.get("matches_total"),
        "tables": first.get("tables"),
        "error": first.get("error"),
    }


# -- the parent --------------------------------------------------------------------------------
def median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in runs))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--messages", type=int, default=2000, help="mail without tables through check_message")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/mailwarden-bench-cache"))
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tiny", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.input, args.tiny, args.messages)
        return

    files = prepare(args.cache, args.rows, args.seed)
    data = files["xlsx"].read_bytes()
    raw = uncompressed(data)
    cells = args.rows * len(HEADER)
    print(
        f"workbook: {files['xlsx']}\n  {args.rows:,} rows × {len(HEADER)} columns = {cells:,} cells "
        f"(+ header); file {len(data) / 1e6:.2f} MB, uncompressed {raw / 1e6:.2f} MB; "
        f"message {files['eml'].stat().st_size / 1e6:.2f} MB"
    )
    print(f"  target: ≥ {TARGET_RATE:,} cells/s on one core, peak memory ≤ {TARGET_MEMORY:g}× uncompressed")
    report: dict[str, Any] = {"rows": args.rows, "cells": cells, "file_bytes": len(data), "uncompressed": raw}
    stages: dict[str, list[dict[str, Any]]] = {}
    for stage in ("read", "scan", "check"):
        path = files["eml"] if stage == "check" else files["xlsx"]
        stages[stage] = []
        for n in range(args.repeat):
            r = run_child(stage, path, files["tiny"])
            stages[stage].append(r)
            print(
                f"  {stage:6s} run {n + 1}: {r['wall']:.2f}s wall, {r['cpu']:.2f}s CPU, "
                f"peak {r['peak_kb'] / 1024:.0f} MiB (baseline {r['base_kb'] / 1024:.0f} MiB)"
            )
        extra = {k: v for k, v in stages[stage][0].items() if k not in ("wall", "cpu", "base_kb", "peak_kb")}
        print(f"  {stage:6s} found: {json.dumps(extra, ensure_ascii=False)}")
    base_cli = [run_cli(files["plain"]) for _ in range(args.repeat)]
    stages["cli"] = []
    for n in range(args.repeat):
        r = run_cli(files["eml"])
        r["base_kb"] = median(base_cli, "peak_kb")
        stages["cli"].append(r)
        print(
            f"  cli    run {n + 1}: {r['wall']:.2f}s wall, {r['cpu']:.2f}s CPU, "
            f"peak {r['peak_kb'] / 1024:.0f} MiB"
            f" (same command on a message without tables: {r['base_kb'] / 1024:.0f} MiB, "
            f"{median(base_cli, 'wall'):.2f}s)"
        )
    first = stages["cli"][0]
    print(f"  cli    found: matches_total {first['matches_total']}, tables {first['tables']}")

    plain = run_child("plain", files["plain"], files["tiny"], args.messages)
    plain_rate = plain["messages"] / plain["wall"]

    labels = {
        "read": "read_workbook",
        "scan": "read + scan_table",
        "check": "check_message (whole)",
        "cli": "CLI dlp check (startup incl.)",
    }
    print(f"\nsummary, median of {args.repeat} (cells/s = {cells:,} cells / wall seconds):")
    print(
        f"  {'stage':30s}{'wall s':>8s}{'CPU s':>8s}{'cells/s':>11s}{'peak MiB':>10s}{'+MiB':>7s}"
        f"{'peak ×':>8s}{'+ ×':>7s}  target"
    )
    report["stages"] = {}
    for stage, runs in stages.items():
        wall, cpu = median(runs, "wall"), median(runs, "cpu")
        peak, base = median(runs, "peak_kb") * 1024, median(runs, "base_kb") * 1024
        rate = cells / wall
        ok = rate >= TARGET_RATE and (peak - base) / raw <= TARGET_MEMORY
        print(
            f"  {labels[stage]:30s}{wall:8.2f}{cpu:8.2f}{rate:11,.0f}{peak / 2**20:10.0f}"
            f"{(peak - base) / 2**20:7.0f}{peak / raw:8.1f}{(peak - base) / raw:7.1f}"
            f"  {'met' if ok else 'NOT met'}"
        )
        report["stages"][stage] = {
            "wall": wall,
            "cpu": cpu,
            "cells_per_second": rate,
            "peak_bytes": peak,
            "baseline_bytes": base,
            "peak_x_uncompressed": peak / raw,
            "increase_x_uncompressed": (peak - base) / raw,
            "runs": runs,
        }
    print(
        f"  ('+' = increase over the process's own baseline; × = multiple of the uncompressed size, "
        f"{raw / 1e6:.1f} MB; target judged on the increase)"
    )
    print(
        f"\nmail without tables: {plain['messages']} messages of ~20 KB ({plain['mb']:.1f} MB) through "
        f"check_message: {plain_rate:,.0f} msg/s ({plain['mb'] / plain['wall']:.1f} MB/s, one core); "
        f"tables found in them: {plain['tables_found']}"
    )
    report["plain"] = {**plain, "messages_per_second": plain_rate}
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
