#!/usr/bin/env python3
"""The command line as a user runs it: whole processes of `tandem where` and `tandem
search` on a 10,000-session journal, against the floor measured in the same run, a plain
Rust binary that does nothing (compiled here with `rustc -O`). `make bench` runs it after
bench/app.py; it prints a table and rewrites its part of docs/BENCHMARKS.md (between the
cli-bench markers).

  python3 bench/cli.py [--runs N] [--no-build] [--no-doc]

Needs: Python 3.11+, cargo, rustc.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
TANDEM = TARGET / "release" / "tandem"
DOC = ROOT / "docs" / "BENCHMARKS.md"
START_MARK = "<!-- cli-bench:start -->"
END_MARK = "<!-- cli-bench:end -->"
SESSIONS = 10_000
# What issue 15 asked of the whole process, in milliseconds.
TARGETS = {"where": 10.0, "search": 50.0}


def run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def timed(cmd: list, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        run(cmd, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--no-doc", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        run(["cargo", "build", "--release", "--locked", "-p", "tandem-cli"], cwd=ROOT)
    with tempfile.TemporaryDirectory(prefix="tandem-cli-bench-") as tmp:
        work = Path(tmp)
        floor_src = work / "floor.rs"
        floor_src.write_text("fn main() {}\n")
        floor = work / "floor"
        run(["rustc", "-O", "-o", floor, floor_src])
        db = work / "big.sqlite3"
        run([TANDEM, "--db", db, "demo", "--sessions", SESSIONS], stdout=subprocess.DEVNULL)
        cases = {
            "floor": [floor],
            "where": [TANDEM, "--db", db, "where"],
            "search": [TANDEM, "--db", db, "search", "feedback", "--limit", "30"],
        }
        for cmd in cases.values():  # warm the page cache and the binaries
            timed(cmd, 2)
        # Interleaved, so that whatever else the machine does falls on every case alike.
        samples: dict[str, list[float]] = {k: [] for k in cases}
        for _ in range(args.runs):
            for name, cmd in cases.items():
                samples[name] += timed(cmd, 1)
    med = {k: statistics.median(v) for k, v in samples.items()}
    lo = {k: min(v) for k, v in samples.items()}
    hi = {k: max(v) for k, v in samples.items()}
    rows = [
        ("a plain Rust binary that does nothing (the floor)", "floor"),
        ("`tandem where`", "where"),
        (f"`tandem search feedback` on {SESSIONS:,} sessions", "search"),
    ]
    lines = [
        START_MARK,
        "## The command line",
        "",
        f"Whole processes, {args.runs} runs each, interleaved, median (min–max), against the "
        "floor in the same run (`python3 bench/cli.py`). `tandem` links neither Tauri nor the web "
        "view; a reading command checks the header, application id and schema, and leaves the "
        "whole-file check to writers, backups and the window.",
        "",
        "| process | time | × floor | target |",
        "| --- | --- | --- | --- |",
    ]
    for label, key in rows:
        target = f"≤ {TARGETS[key]:.0f} ms" if key in TARGETS else ""
        lines.append(
            f"| {label} | {med[key]:.1f} ms ({lo[key]:.1f}–{hi[key]:.1f}) | "
            f"{med[key] / med['floor']:.1f} | {target} |"
        )
    lines.append(END_MARK)
    section = "\n".join(lines)
    print(section)
    if not args.no_doc:
        text = DOC.read_text()
        if START_MARK in text and END_MARK in text:
            before, rest = text.split(START_MARK, 1)
            _, after = rest.split(END_MARK, 1)
            text = before + section + after
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        DOC.write_text(text)
    missed = [k for k, t in TARGETS.items() if med[k] > t]
    if missed:
        print(f"cli-bench: over target: {', '.join(missed)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
