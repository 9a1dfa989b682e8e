#!/usr/bin/env python3
"""Tandem against its floor: start-up, memory, the first screen at size, the PDF against
headless Chromium, and the .deb. `make bench` runs it; it prints a table and rewrites its
own part of docs/BENCHMARKS.md (between the app-bench markers).

  python3 bench/app.py [--runs N] [--skip-deb] [--no-build] [--no-doc]

Steps:
  1. builds (release profile): the UI, `tandem`, the floor app in bench/floor (a bare Tauri 2
     window, same tauri and profile), and the .deb with `cargo tauri build --bundles deb`;
  2. under Xvfb and a D-Bus session (it re-runs itself inside `dbus-run-session xvfb-run`),
     N runs each of: the floor, Tandem on an empty journal, Tandem on a 10,000-session
     journal (made with `tandem demo --sessions 10000`), and the floor and that journal
     again with the other way of painting (compositing off for the floor, on for Tandem). A run: spawn, wait for the UI's
     start-up mark (`TANDEM_STARTUP_MARK`), wait until the summed PSS of the process and its
     WebKit children is stable (3 s within 1 %), read it, stop the app;
  3. the 20-session progress PDF: `tandem report` against `chromium --headless
     --print-to-pdf` of an equivalent HTML page made from the same journal's JSON export;
  4. installs the .deb with apt, runs the installed `tandem`, removes it again.

Needs: Python 3.11+, cargo, npm, xvfb-run, dbus-run-session, chromium, poppler-utils
(pdfinfo), tauri-cli (`cargo install tauri-cli --version "^2" --locked`, installed if
missing). Standard library only.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
FLOOR = BENCH / "floor"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
# What users type: the command line, which becomes the window when given no command.
TANDEM = TARGET / "release" / "tandem"
TANDEM_WINDOW = TARGET / "release" / "tandem-window"
FLOOR_BIN = TARGET / "release" / "tandem-bench-floor"
INPROC = BENCH / "inproc"
INPROC_BIN = TARGET / "release" / "tandem-bench-inproc"
WORK = TARGET / "bench-app"
DOC = ROOT / "docs" / "BENCHMARKS.md"
START_MARK = "<!-- app-bench:start -->"
END_MARK = "<!-- app-bench:end -->"
SESSIONS = 10_000
REPORT_SESSIONS = 20
TARGETS = {"startup": 1.2, "memory": 1.25, "pdf_speed": 20.0, "deb_mb": 10.0}

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


def say(msg: str) -> None:
    print(f"\033[1m==> {msg}\033[0m", flush=True)


def run(cmd: list[str | Path], **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


# ---------------------------------------------------------------------------------------
# Step 1: tools and builds (outside Xvfb)


def missing_tools(skip_deb: bool) -> list[str]:
    need = {
        "xvfb-run": "xvfb xauth",
        "dbus-run-session": "dbus-daemon",
        "chromium": "chromium",
        "pdfinfo": "poppler-utils",
    }
    if not skip_deb:
        need["dpkg-deb"] = "dpkg"
    return sorted({pkg for tool, pkg in need.items() if shutil.which(tool) is None})


def ensure_tools(skip_deb: bool) -> None:
    missing = missing_tools(skip_deb)
    if missing:
        packages = " ".join(missing)
        if os.geteuid() == 0 and shutil.which("apt-get"):
            say(f"Installing Debian packages for the benchmark: {packages}")
            run(["apt-get", "update", "-qq"])
            run(
                ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages.split()],
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            )
        else:
            sys.exit(f"bench: missing Debian packages: {packages} (sudo apt-get install {packages})")
    if not skip_deb and not has_tauri_cli():
        say("Installing tauri-cli from crates.io (takes several minutes, once)")
        run(["cargo", "install", "tauri-cli", "--version", "^2", "--locked"])


def has_tauri_cli() -> bool:
    return (
        subprocess.run(["cargo", "tauri", "--version"], capture_output=True).returncode == 0
    )


def check_floor_matches() -> dict:
    """The floor must use the same tauri and wry as the app and the same release profile."""
    main_toml = tomllib.loads((ROOT / "Cargo.toml").read_text())
    main_profile = main_toml.get("profile", {}).get("release", {})
    for crate in (FLOOR, INPROC):
        profile = tomllib.loads((crate / "Cargo.toml").read_text()).get("profile", {}).get("release", {})
        if main_profile != profile:
            sys.exit(
                f"bench: {crate.relative_to(ROOT)}/Cargo.toml's [profile.release] differs from the "
                f"main Cargo.toml's:\n  main:  {main_profile}\n  there: {profile}\nMake them the same."
            )
    versions = {}
    for name in ("tauri", "wry", "webkit2gtk"):
        main_v = lock_version(ROOT / "Cargo.lock", name)
        floor_v = lock_version(FLOOR / "Cargo.lock", name)
        if main_v != floor_v:
            sys.exit(
                f"bench: the floor uses {name} {floor_v}, the app {main_v}: "
                "copy Cargo.lock to bench/floor/ and build again."
            )
        versions[name] = main_v
    return {"profile": main_profile, "versions": versions}


def lock_version(lock: Path, name: str) -> str | None:
    for pkg in tomllib.loads(lock.read_text()).get("package", []):
        if pkg["name"] == name:
            return pkg["version"]
    return None


def build(skip_deb: bool) -> dict:
    check_floor_matches()
    say("Building the UI and Tandem (release)")
    run(["npm", "--prefix", ROOT / "ui", "run", "build"], cwd=ROOT)
    run(["cargo", "build", "--release", "--locked", "-p", "tandem", "-p", "tandem-cli"], cwd=ROOT)
    say("Building the floor app (bench/floor, release)")
    # Not --locked: cargo trims the copied lock file to the floor's own dependencies (the
    # versions it keeps are the main lock's, checked again below).
    run(
        ["cargo", "build", "--release", "--manifest-path", FLOOR / "Cargo.toml",
         "--target-dir", TARGET],
        cwd=FLOOR,
    )
    info = check_floor_matches()
    say("Building the in-process timer of the core (bench/inproc, release)")
    run(
        ["cargo", "build", "--release", "--manifest-path", INPROC / "Cargo.toml",
         "--target-dir", TARGET],
        cwd=INPROC,
    )
    if not skip_deb:
        say("Building the .deb (cargo tauri build --bundles deb)")
        # The command line goes into the package beside the window, from this target dir.
        files = {"bundle": {"linux": {"deb": {"files": {"/usr/bin/tandem": str(TANDEM)}}}}}
        run(["cargo", "tauri", "build", "--bundles", "deb", "--config", json.dumps(files)],
            cwd=ROOT / "src-tauri")
    info["binary_bytes"] = TANDEM_WINDOW.stat().st_size
    info["floor_binary_bytes"] = FLOOR_BIN.stat().st_size
    if not skip_deb:
        info.update(deb_info())
    return info


def deb_info() -> dict:
    deb = find_deb()
    if deb is None:
        return {}
    contents = subprocess.run(
        ["dpkg-deb", "--info", deb], capture_output=True, text=True, check=True
    ).stdout
    depends = re.search(r"^\s*Depends:\s*(.*)$", contents, re.M)
    size = re.search(r"^\s*Installed-Size:\s*(\d+)", contents, re.M)
    return {
        "deb": str(deb),
        "deb_bytes": deb.stat().st_size,
        "deb_depends": depends.group(1) if depends else "",
        "deb_installed_kb": int(size.group(1)) if size else None,
    }


def find_deb() -> Path | None:
    debs = sorted((TARGET / "release" / "bundle" / "deb").glob("*.deb"), key=lambda p: p.stat().st_mtime)
    return debs[-1] if debs else None


# ---------------------------------------------------------------------------------------
# Step 2: start-up and memory (inside Xvfb + D-Bus)


def children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def process_tree(pid: int) -> list[int]:
    kids = children_map()
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(kids.get(p, []))
    return out


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def tree_pss(pid: int) -> tuple[int, dict[str, int]]:
    parts: dict[str, int] = {}
    for p in process_tree(pid):
        kb = pss_kb(p)
        if kb:
            name = comm(p)
            parts[name] = parts.get(name, 0) + kb
    return sum(parts.values()), parts


def settle(pid: int, window_s: float = 3.0, step_s: float = 0.25, limit_s: float = 30.0):
    """Samples the tree's PSS until the last `window_s` are within 1 % of each other."""
    samples: list[int] = []
    need = int(window_s / step_s) + 1
    start = time.monotonic()
    parts: dict[str, int] = {}
    while True:
        total, parts = tree_pss(pid)
        samples.append(total)
        recent = samples[-need:]
        if len(recent) == need and max(recent) - min(recent) <= 0.01 * max(recent):
            return total, parts, time.monotonic() - start, True
        if time.monotonic() - start > limit_s:
            return total, parts, time.monotonic() - start, False
        time.sleep(step_s)


def stop(proc: subprocess.Popen) -> None:
    tree = process_tree(proc.pid)
    for p in tree:
        try:
            os.kill(p, signal.SIGTERM)
        except ProcessLookupError:
            pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 5
    for p in tree[1:]:
        while Path(f"/proc/{p}").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        if Path(f"/proc/{p}").exists():
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass


def one_run(cmd: list[str], env: dict[str, str], mark: Path) -> dict:
    mark.unlink(missing_ok=True)
    env = {**env, "TANDEM_STARTUP_MARK": str(mark)}
    t0 = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not mark.exists() or mark.stat().st_size == 0:
            if proc.poll() is not None:
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                raise RuntimeError(f"{cmd[0]} exited ({proc.returncode}) before its mark: {err}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{cmd[0]} did not report its start-up mark within 60 s")
            time.sleep(0.005)
        time.sleep(0.01)
        data = json.loads(mark.read_text())
        pss, parts, settle_s, settled = settle(proc.pid)
    finally:
        stop(proc)
    marks = data.get("timings") or {}
    origin = marks.get("originUnixMs")
    return {
        "spawn_to_ready_ms": data["unix_ms"] - t0 * 1000,
        "main_to_ready_ms": data["since_main_ms"],
        # When the page's document started loading, and how long the UI took from there.
        "spawn_to_page_ms": origin - t0 * 1000 if origin else None,
        "page_to_ready_ms": marks.get("readyMs"),
        # When the UI's script began to run (the bundle loaded and parsed).
        "page_to_script_ms": marks.get("scriptMs"),
        # When the document itself had arrived.
        "page_to_document_ms": marks.get("documentMs"),
        "pss_kb": pss,
        "parts": parts,
        "settle_s": settle_s,
        "settled": settled,
        "timings": marks.get("calls") or [],
    }


def measure_startup(runs: int, work: Path) -> dict:
    # Both apps keep their WebKit data (and Tandem its remembered place) under these, the
    # same for every run; the first run of each case is a warm-up and is not counted.
    home = work / "home"
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "GDK_BACKEND": "x11",
    }
    empty = work / "empty.sqlite3"
    big = work / f"big-{SESSIONS}.sqlite3"
    for p in (empty, big):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{p}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(work / "backups", ignore_errors=True)
    run([TANDEM, "--db", empty, "export-json", "--out", work / "empty.json"], stdout=subprocess.DEVNULL)
    say(f"Generating a {SESSIONS:,}-session journal")
    t = time.monotonic()
    run([TANDEM, "--db", big, "demo", "--sessions", str(SESSIONS)], stdout=subprocess.DEVNULL)
    demo_s = time.monotonic() - t
    # Tandem paints without WebKit's accelerated compositing (`app::software_rendering`); the
    # last two cases show what that choice is worth: the floor painting the same way, and
    # Tandem with WebKit's default (which under Xvfb composites through Mesa's llvmpipe).
    no_compositing = {**env, "WEBKIT_DISABLE_COMPOSITING_MODE": "1"}
    gpu = {**env, "TANDEM_GPU_COMPOSITING": "1"}
    cases = {
        "floor": ([str(FLOOR_BIN)], env),
        "empty": ([str(TANDEM), "--db", str(empty)], env),
        "big": ([str(TANDEM), "--db", str(big)], env),
        "floor_nc": ([str(FLOOR_BIN)], no_compositing),
        "big_gpu": ([str(TANDEM), "--db", str(big)], gpu),
    }
    results: dict[str, list[dict]] = {name: [] for name in cases}
    mark = work / "mark.json"
    for name, (cmd, case_env) in cases.items():
        one_run(cmd, case_env, mark)  # warm-up
    # Interleaved, so a busy moment on the machine spreads over all cases.
    for i in range(runs):
        for name, (cmd, case_env) in cases.items():
            r = one_run(cmd, case_env, mark)
            results[name].append(r)
            print(
                f"    run {i + 1}/{runs} {name:8}: spawn→ready {r['spawn_to_ready_ms']:6.0f} ms, "
                f"main→ready {r['main_to_ready_ms']:6.0f} ms, page {r['spawn_to_page_ms'] or 0:5.0f} ms "
                f"+ UI {r['page_to_ready_ms'] or 0:5.0f} ms, PSS {r['pss_kb'] / 1024:6.1f} MB"
                + ("" if r["settled"] else " (did not settle)"),
                flush=True,
            )
    return {"runs": results, "demo_s": demo_s, "big_path": str(big)}


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def summarise_startup(data: dict) -> dict:
    out = {}
    for name, runs in data["runs"].items():
        parts: dict[str, list[int]] = {}
        for r in runs:
            for k, v in r["parts"].items():
                parts.setdefault(k, []).append(v)
        calls: dict[str, list[float]] = {}
        for r in runs:
            for t in r["timings"]:
                calls.setdefault(t["call"], []).append(t["ms"])
        out[name] = {
            "spawn_ms": median([r["spawn_to_ready_ms"] for r in runs]),
            "main_ms": median([r["main_to_ready_ms"] for r in runs]),
            "page_ms": median([r["spawn_to_page_ms"] or 0 for r in runs]),
            "ui_ms": median([r["page_to_ready_ms"] or 0 for r in runs]),
            "script_ms": median([r["page_to_script_ms"] or 0 for r in runs]),
            "document_ms": median([r["page_to_document_ms"] or 0 for r in runs]),
            "pss_mb": median([r["pss_kb"] for r in runs]) / 1024,
            "parts_mb": {k: median(v) / 1024 for k, v in sorted(parts.items())},
            "calls": {k: (median(v), len(v) / len(runs)) for k, v in calls.items()},
            "unsettled": sum(1 for r in runs if not r["settled"]),
            "n": len(runs),
        }
    return out


def time_cli(cmd: list[str | Path], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        run(cmd, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    return median(times)


def measure_at_size(big: Path, runs: int) -> dict:
    """The core's side of 'the UI at size': each query behind the first screen, paging and
    search, timed inside one process on the 10,000-session journal; and a search from the
    command line (the whole process, which opens and checks the journal first)."""
    out = json.loads(run([INPROC_BIN, "queries", big, str(max(runs, 5))], capture_output=True, text=True).stdout)
    out["cli_search_ms"] = time_cli([TANDEM, "--db", big, "search", "feedback", "--limit", "30"], runs)
    return out


# ---------------------------------------------------------------------------------------
# Step 3: the PDF against headless Chromium


def twenty_session_journal(big_json: dict) -> dict:
    """The partnership with the most sessions, cut to its latest 20 sessions."""
    counts: dict[str, int] = {}
    for s in big_json["sessions"]:
        if "deleted_at" not in s:
            counts[s["partnership_id"]] = counts.get(s["partnership_id"], 0) + 1
    pid = max(counts, key=lambda k: counts[k])
    live = lambda r: "deleted_at" not in r  # noqa: E731
    sessions = sorted(
        (s for s in big_json["sessions"] if s["partnership_id"] == pid and live(s)),
        key=lambda s: s["held_at"],
    )[-REPORT_SESSIONS:]
    ids = {s["id"] for s in sessions}
    goals = [g for g in big_json.get("goals", []) if g["partnership_id"] == pid and live(g)]
    gids = {g["id"] for g in goals}
    snaps = [s for s in big_json.get("swot_snapshots", []) if s["partnership_id"] == pid and live(s)]
    snap_ids = {s["id"] for s in snaps}
    items = [i for i in big_json.get("swot_items", []) if i["snapshot_id"] in snap_ids and live(i)]
    item_ids = {i["id"] for i in items}
    for i in items:  # links to the other side that did not come along
        if i.get("link_id") not in item_ids:
            i["link_id"] = None
    return {
        "format_version": big_json["format_version"],
        "partnerships": [p for p in big_json["partnerships"] if p["id"] == pid],
        "sessions": sessions,
        "action_items": [a for a in big_json.get("action_items", []) if a["session_id"] in ids and live(a)],
        "goals": goals,
        "milestones": [m for m in big_json.get("milestones", []) if m["goal_id"] in gids and live(m)],
        "progress": [p for p in big_json.get("progress", []) if p["goal_id"] in gids and live(p)],
        "swot_snapshots": snaps,
        "swot_items": items,
        "tows_strategies": [
            t for t in big_json.get("tows_strategies", [])
            if t["partnership_id"] == pid and live(t) and t.get("goal_id") in gids | {None}
            and {t.get("internal_item_id"), t.get("external_item_id")} <= item_ids | {None}
        ],
    }


def md_inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"(?<![*\w])[*_]([^*_]+)[*_](?![*\w])", r"<em>\1</em>", text)
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', text)
    return text


def markdown(text: str) -> str:
    """Enough Markdown for the journal's notes: headings, paragraphs, lists, quotes, code."""
    out: list[str] = []
    para: list[str] = []
    lists: list[str] = []

    def flush() -> None:
        if para:
            out.append(f"<p>{md_inline(' '.join(para))}</p>")
            para.clear()

    def close_lists() -> None:
        while lists:
            out.append(f"</{lists.pop()}>")

    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
            close_lists()
            continue
        if m := re.match(r"^(#{1,6})\s+(.*)$", line):
            flush()
            close_lists()
            level = min(len(m.group(1)) + 2, 6)
            out.append(f"<h{level}>{md_inline(m.group(2))}</h{level}>")
        elif m := re.match(r"^\s*([-*+]|\d+[.)])\s+(.*)$", line):
            flush()
            tag = "ol" if m.group(1)[0].isdigit() else "ul"
            if not lists or lists[-1] != tag:
                close_lists()
                out.append(f"<{tag}>")
                lists.append(tag)
            out.append(f"<li>{md_inline(m.group(2))}</li>")
        elif line.startswith(">"):
            flush()
            close_lists()
            out.append(f"<blockquote>{md_inline(line.lstrip('> '))}</blockquote>")
        else:
            para.append(line.strip())
    flush()
    close_lists()
    return "\n".join(out)


REPORT_CSS = """
@font-face { font-family: 'DejaVu Sans'; src: url('{fonts}/DejaVuSans.ttf'); }
@font-face { font-family: 'DejaVu Sans'; font-weight: bold; src: url('{fonts}/DejaVuSans-Bold.ttf'); }
@font-face { font-family: 'DejaVu Sans'; font-style: italic; src: url('{fonts}/DejaVuSans-Oblique.ttf'); }
@font-face { font-family: 'DejaVu Sans Mono'; src: url('{fonts}/DejaVuSansMono.ttf'); }
@page { size: A4; margin: 22mm 20mm; }
body { font: 10pt/1.45 'DejaVu Sans'; color: #1d2a30; }
h1 { font-size: 28pt; color: #0f5e63; margin: 120pt 0 8pt; }
h2 { font-size: 22pt; color: #0f5e63; break-before: page; border-top: 3.5pt solid #e0a030;
     padding-top: 6pt; width: fit-content; }
h2.follow { break-before: auto; margin-top: 30pt; }
h3 { font-size: 12pt; color: #0f5e63; margin: 10pt 0 4pt; break-after: avoid; }
.when { font: bold 7.5pt 'DejaVu Sans'; color: #0f5e63; margin-top: 14pt; }
.title { font-size: 14pt; font-weight: bold; margin: 0 0 2pt; break-after: avoid; }
.meta, .muted { color: #6b7a80; font-size: 8.5pt; }
.label { font: bold 7.5pt 'DejaVu Sans'; color: #0f5e63; text-transform: uppercase; margin: 8pt 0 3pt; }
.chip { display: inline-block; background: #e3f1f1; color: #0f5e63; font: bold 7pt 'DejaVu Sans';
        padding: 1.5pt 5pt; margin: 0 4pt 4pt 0; }
.session { border-top: 0.5pt solid #d5dde0; }
.bar { display: inline-block; width: 160pt; height: 6pt; background: #e8ecee; vertical-align: middle; }
.bar span { display: block; height: 6pt; background: #0f5e63; }
.quadrants { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; }
blockquote { border-left: 2pt solid #d5dde0; margin: 4pt 0; padding-left: 8pt; color: #4b5a60; }
code { font-family: 'DejaVu Sans Mono'; font-size: 8.5pt; }
"""


def report_html(j: dict, fonts: Path) -> str:
    """The same text as Tandem's report, laid out by CSS instead."""
    p = j["partnerships"][0]
    e = html.escape
    sessions = j["sessions"]
    first, last = sessions[0]["held_at"][:10], sessions[-1]["held_at"][:10]
    actions: dict[str, list[dict]] = {}
    for a in j["action_items"]:
        actions.setdefault(a["session_id"], []).append(a)
    progress: dict[str, list[dict]] = {}
    for pr in j["progress"]:
        progress.setdefault(pr["goal_id"], []).append(pr)
    milestones: dict[str, list[dict]] = {}
    for m in j["milestones"]:
        milestones.setdefault(m["goal_id"], []).append(m)
    me = p["my_name"].strip() or "You"
    h: list[str] = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Progress report: {e(p['partner_name'])}</title>",
        f"<style>{REPORT_CSS.replace('{fonts}', fonts.as_uri())}</style></head><body>",
        "<h1>Progress report</h1>",
        f"<p class='title'>{e(me)} and {e(p['partner_name'])}</p>",
        f"<p class='meta'>{e(p['partner_org'])} · {e(p['kind'])} mentoring · {first} – {last}</p>",
        "<h2>At a glance</h2>",
        f"<p>{len(sessions)} sessions, {sum(s['duration_minutes'] for s in sessions)} minutes together; "
        f"{len(j['action_items'])} action items, {sum(a['done'] for a in j['action_items'])} done; "
        f"{len(j['goals'])} goals.</p>",
        "<h3>Goal progress</h3>",
    ]
    for g in j["goals"]:
        latest = sorted(progress.get(g["id"], []), key=lambda x: x["recorded_on"])
        value = latest[-1]["value"] if latest else 0
        h.append(f"<p>{e(g['title'])} <span class='bar'><span style='width:{value}%'></span></span> {value} %</p>")
    h.append("<h2 class='follow'>The agreement</h2>")
    for title, key in (("Objectives", "objectives"), ("Boundaries", "boundaries"), ("Ending", "ending")):
        h.append(f"<h3>{title}</h3>{markdown(p['agreement'][key]) or '<p><em>Not written down yet.</em></p>'}")
    h.append("<h3>Meeting cadence</h3>")
    h.append(f"<p>Every {p['agreement']['cadence_days']} days, {p['agreement']['session_minutes']} minutes.</p>")
    if j["goals"]:
        h.append("<h2>Goals</h2>")
        for g in j["goals"]:
            h.append(f"<h3>{e(g['title'])}</h3><p class='meta'>{e(g['status'])} · {e(g['whose'])}"
                     f" · target {e(g['target_on'] or '—')}</p>{markdown(g['description'])}")
            h.append(f"<div class='label'>How we will know</div>{markdown(g['success_criteria'])}")
            if milestones.get(g["id"]):
                h.append("<div class='label'>Milestones</div><ul>")
                h += [f"<li>{'☑' if m['done'] else '☐'} {e(m['title'])} {e(m['due_on'] or '')}</li>"
                      for m in milestones[g["id"]]]
                h.append("</ul>")
            if progress.get(g["id"]):
                h.append("<div class='label'>Progress over time</div><ul>")
                h += [f"<li>{pr['recorded_on']}: {pr['value']} % {e(pr['note'])}</li>" for pr in progress[g["id"]]]
                h.append("</ul>")
    if j["swot_items"]:
        h.append("<h2>SWOT analyses</h2>")
        for snap in j["swot_snapshots"]:
            h.append(f"<h3>{e(snap['side'])} · {snap['taken_on']}</h3><div class='quadrants'>")
            for q in ("strengths", "weaknesses", "opportunities", "threats"):
                lines = [i for i in j["swot_items"] if i["snapshot_id"] == snap["id"] and i["quadrant"] == q]
                h.append(f"<div><div class='label'>{q}</div><ul>"
                         + "".join(f"<li>{e(i['text'])}</li>" for i in lines) + "</ul></div>")
            h.append("</div>")
    h.append(f"<h2>Sessions</h2><p class='muted'>{len(sessions)} sessions, oldest first.</p>")
    for s in sessions:
        h.append(f"<div class='session'><div class='when'>{e(s['held_at'].replace('T', ' · '))}</div>"
                 f"<div class='title'>{e(s['title'])}</div>"
                 f"<div class='meta'>{e(s['format'])} · {s['duration_minutes']} minutes · {e(s['place'])}</div>")
        h.append("".join(f"<span class='chip'>{e(t)}</span>" for t in s.get("topics", [])))
        for title, key in (("Agenda", "agenda"), ("Notes", "notes"), (f"What {me} shared", "shared"),
                           (f"What {me} learned", "learned"), ("Private reflection", "reflection")):
            if s.get(key, "").strip():
                h.append(f"<div class='label'>{e(title)}</div>{markdown(s[key])}")
        if actions.get(s["id"]):
            h.append("<div class='label'>Action items</div><ul>")
            h += [f"<li>{'☑' if a['done'] else '☐'} {e(a['text'])} ({e(a['owner'])}, due {e(a['due_on'] or '—')})</li>"
                  for a in actions[s["id"]]]
            h.append("</ul>")
        h.append("</div>")
    open_items = [a for a in j["action_items"] if not a["done"]]
    if open_items:
        h.append("<h2>Open action items</h2><ul>")
        h += [f"<li>{e(a['text'])} ({e(a['owner'])}, due {e(a['due_on'] or '—')})</li>" for a in open_items]
        h.append("</ul>")
    h.append("</body></html>")
    return "\n".join(h)


def pdf_pages(path: Path) -> int | None:
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s*(\d+)", out, re.M)
    return int(m.group(1)) if m else None


def measure_pdf(big: Path, work: Path, runs: int) -> dict:
    say(f"The {REPORT_SESSIONS}-session PDF: tandem report against chromium --print-to-pdf")
    pdf_dir = work / "pdf"
    shutil.rmtree(pdf_dir, ignore_errors=True)
    pdf_dir.mkdir(parents=True)
    export = pdf_dir / "big.json"
    run([TANDEM, "--db", big, "export-json", "--out", export])
    small = twenty_session_journal(json.loads(export.read_text()))
    small_json = pdf_dir / "twenty.json"
    small_json.write_text(json.dumps(small))
    db = pdf_dir / "twenty.sqlite3"
    run([TANDEM, "--db", db, "import-json", small_json], stdout=subprocess.DEVNULL)
    # The report's own export of the same journal is what the HTML page is made from.
    run([TANDEM, "--db", db, "export-json", "--out", pdf_dir / "twenty-export.json"])
    exported = json.loads((pdf_dir / "twenty-export.json").read_text())
    page = pdf_dir / "report.html"
    page.write_text(report_html(exported, ROOT / "assets" / "fonts"))
    pid = exported["partnerships"][0]["id"]
    ours_pdf = pdf_dir / "tandem.pdf"
    ours_cmd = [TANDEM, "--db", db, "report", "--partnership", pid, "--include-private", "--out", ours_pdf]
    profile = pdf_dir / "chromium-profile"
    chrome_pdf = pdf_dir / "chromium.pdf"
    chrome_cmd = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                  f"--print-to-pdf={chrome_pdf}", page.as_uri()]
    blank = pdf_dir / "blank.html"
    blank.write_text("<!doctype html><title>blank</title>")
    blank_cmd = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                 f"--print-to-pdf={pdf_dir / 'blank.pdf'}", blank.as_uri()]
    where_cmd = [TANDEM, "--db", db, "where"]
    module_pdf = pdf_dir / "module.pdf"
    module_cmd = [INPROC_BIN, "report", db, pid, module_pdf, "3"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    for cmd in (ours_cmd, chrome_cmd, blank_cmd, where_cmd):  # warm-up; a warm Chromium profile
        run(cmd, **quiet)
    times: dict[str, list[float]] = {"ours": [], "chromium": [], "blank": [], "where": []}
    module_first, module_warm = [], []
    for _ in range(runs):
        for name, cmd in (("ours", ours_cmd), ("chromium", chrome_cmd), ("blank", blank_cmd),
                          ("where", where_cmd)):
            t = time.perf_counter()
            run(cmd, **quiet)
            times[name].append((time.perf_counter() - t) * 1000)
        timer = json.loads(run(module_cmd, capture_output=True, text=True).stdout)
        module_first.append(timer["first_ms"])
        module_warm += timer["runs_ms"]
    return {
        "ours_ms": median(times["ours"]),
        "chromium_ms": median(times["chromium"]),
        "chromium_blank_ms": median(times["blank"]),
        "where_ms": median(times["where"]),
        "module_first_ms": median(module_first),
        "module_ms": median(module_warm),
        "module_bytes": module_pdf.stat().st_size,
        "ours_bytes": ours_pdf.stat().st_size,
        "chromium_bytes": chrome_pdf.stat().st_size,
        "ours_pages": pdf_pages(ours_pdf),
        "chromium_pages": pdf_pages(chrome_pdf),
        "chromium_version": subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip(),
    }


# ---------------------------------------------------------------------------------------
# Step 4: the .deb installs and runs


def try_deb(build_info: dict, work: Path) -> dict:
    deb = build_info.get("deb")
    if not deb:
        return {"status": "not built"}
    if os.geteuid() != 0:
        return {"status": "not installed (needs root for apt)"}
    already = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "tandem"], capture_output=True, text=True)
    if "install ok installed" in already.stdout:
        return {"status": "not tried: a tandem package is already installed here"}
    say(f"Installing {Path(deb).name} with apt, starting it, removing it")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    result: dict = {}
    try:
        run(["apt-get", "install", "-y", "-qq", deb], env=env, stdout=subprocess.DEVNULL)
        result["installed_at"] = shutil.which("tandem") or ""
        where = subprocess.run(["tandem", "--db", str(work / "deb.sqlite3"), "where"],
                               capture_output=True, text=True, check=True)
        result["where"] = where.stdout.strip()
        home = work / "home"
        r = one_run(["tandem", "--db", str(work / "deb.sqlite3")],
                    {**os.environ, "XDG_DATA_HOME": str(home / "data"),
                     "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")},
                    work / "deb-mark.json")
        result["ready_ms"] = r["spawn_to_ready_ms"]
        result["status"] = "installs with apt, starts and shows its first screen"
    except (subprocess.CalledProcessError, RuntimeError) as err:
        result["status"] = f"FAILED: {err}"
    finally:
        subprocess.run(["apt-get", "remove", "-y", "-qq", "tandem"], env=env, stdout=subprocess.DEVNULL)
    return result


# ---------------------------------------------------------------------------------------
# Report


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def render(results: dict) -> str:
    b = results["build"]
    s = results["startup"]
    f, em, big = s["floor"], s["empty"], s["big"]
    runs = f["n"]
    lines = [
        "## The app against its floor",
        "",
        "`make bench` (`bench/app.py`): release builds, under Xvfb (1280×800, no window manager) "
        f"with a D-Bus session, on the 2-core development machine; medians of {runs} runs after "
        "a warm-up, the cases interleaved. The **floor** is `bench/floor`: a bare Tauri 2 window "
        f"(tauri {b['versions']['tauri']}, wry {b['versions']['wry']}, the same release profile "
        "and window size) whose page reports its `load` event. Tandem reports when its first "
        "screen is interactive (`document.body.dataset.ready`). *Start-up* is from just before "
        "the process is spawned to that mark (*from main* counts from the first line of "
        "`main`); *memory* is the summed PSS (`/proc/PID/smaps_rollup`) of the process and "
        "its WebKit children once it has been stable for 3 s within 1 %. *Page starts* is when "
        "the page's document began loading (`performance.timeOrigin`), *page → ready* the time "
        "from there to the mark (`performance.now()`).",
        "",
        "| case | start-up | from main | page starts | page → ready | memory (PSS) | start-up ratio | memory ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, c in (("floor: bare Tauri 2 window", f), ("Tandem, empty journal", em),
                     (f"Tandem, {SESSIONS:,} sessions", big)):
        lines.append(
            f"| {label} | {c['spawn_ms']:.0f} ms | {c['main_ms']:.0f} ms | {c['page_ms']:.0f} ms "
            f"| {c['ui_ms']:.0f} ms | {c['pss_mb']:.0f} MB "
            f"| {c['spawn_ms'] / f['spawn_ms']:.2f}× | {c['pss_mb'] / f['pss_mb']:.2f}× |"
        )
    su = big["spawn_ms"] / f["spawn_ms"]
    mem = big["pss_mb"] / f["pss_mb"]
    lines += [
        "",
        f"Targets with the {SESSIONS:,}-session journal: start-up ≤ {TARGETS['startup']}× the floor "
        f"({verdict(su <= TARGETS['startup'])}: {su:.2f}×), memory ≤ {TARGETS['memory']}× "
        f"({verdict(mem <= TARGETS['memory'])}: {mem:.2f}×).",
        "",
        "Where the memory is (median PSS per process):",
        "",
        "| process | floor | Tandem, empty | Tandem, " + f"{SESSIONS:,} |",
        "| --- | --- | --- | --- |",
    ]
    procs = sorted(set(f["parts_mb"]) | set(em["parts_mb"]) | set(big["parts_mb"]),
                   key=lambda p: p.startswith("WebKit"))
    for p in procs:
        cell = lambda c: f"{c['parts_mb'][p]:.0f} MB" if p in c["parts_mb"] else "—"  # noqa: E731
        lines.append(f"| {p} | {cell(f)} | {cell(em)} | {cell(big)} |")
    fn, bg = s["floor_nc"], s["big_gpu"]
    lines += [
        "",
        "Tandem's web view paints without WebKit's accelerated compositing (see below). The "
        "same comparison with the floor painting that way too (`WEBKIT_DISABLE_COMPOSITING_MODE=1`), "
        "and Tandem with WebKit's default (`TANDEM_GPU_COMPOSITING=1`; under Xvfb, compositing "
        "draws through Mesa's llvmpipe, whose `libLLVM` and layer buffers count in the web process):",
        "",
        "| case | start-up | memory (PSS) | start-up ratio | memory ratio |",
        "| --- | --- | --- | --- | --- |",
        f"| floor, compositing off | {fn['spawn_ms']:.0f} ms | {fn['pss_mb']:.0f} MB | 1 | 1 |",
        f"| Tandem, {SESSIONS:,} sessions, against the floor with compositing off | {big['spawn_ms']:.0f} ms "
        f"| {big['pss_mb']:.0f} MB | {big['spawn_ms'] / fn['spawn_ms']:.2f}× | {big['pss_mb'] / fn['pss_mb']:.2f}× |",
        f"| Tandem, {SESSIONS:,} sessions, with compositing, against the default floor "
        f"| {bg['spawn_ms']:.0f} ms | {bg['pss_mb']:.0f} MB | {bg['spawn_ms'] / f['spawn_ms']:.2f}× "
        f"| {bg['pss_mb'] / f['pss_mb']:.2f}× |",
    ]
    web = lambda c: c["parts_mb"].get("WebKitWebProces", 0)  # noqa: E731
    q = results["search"]
    fs = q["queries"].get("first_screen", {"ms": float("nan")})
    lines += [
        "",
        "### Where the start-up goes, and what the floor costs",
        "",
        "- **The journal is off the start-up path.** `app::run` opens the journal on its own "
        "thread while the window starts. The open does the read-only checks (header, application "
        "id, schema version) and defers `PRAGMA quick_check`, which takes "
        f"{q['check_ms']:.0f} ms on the {SESSIONS:,}-session journal (the deferred open: "
        f"{q['deferred_open_ms']:.1f} ms, against {q['open_ms']:.0f} ms for `Store::open` with the "
        "check). The check runs once the first screen is up (`check_journal`), and in any case "
        "before the first write, so a damaged journal is still never written to. The daily backup "
        "waits 10 s and for that check.",
        "- **The first screen comes with the page, not over IPC.** The same thread then reads "
        f"what the first screen shows (`Store::first_screen`: the partnerships and the first one's "
        f"dashboard, {fs['ms']:.1f} ms warm on this journal) and the window is built in `setup` "
        "with it as an initialization script. The UI's Tauri backend answers its first "
        "`journalInfo`, `listPartnerships` and `dashboard` from it, once, and forgets it when "
        "the integrity check is asked for; a reload never reuses it. Before, the page waited for "
        "two rounds of IPC, 55–130 ms each at start-up: a request and its answer each waited "
        "25–30 ms to cross between the web process and the app's main thread while the page "
        "was being laid out and painted, for queries of 1–57 ms. The calls in the table below "
        "now answer in about a millisecond. A remembered screen other than the first "
        "partnership's overview still asks over IPC.",
        "- **Less to load before the first screen.** The editors, the SWOT page, the forms, the "
        "dialogs and the error page load on demand (`ui/src/lib/screens.ts`, fetched in the "
        "background once the first screen is up): the page loads 120 KB of script and 24 KB of "
        "CSS, in two files, instead of 249 KB and 72 KB. The document arrives "
        f"{big['document_ms']:.0f} ms after the page starts and the script runs at "
        f"{min(em['script_ms'], big['script_ms']):.0f}–{max(em['script_ms'], big['script_ms']):.0f} ms; "
        f"the first screen is interactive at {em['ui_ms']:.0f} ms (empty journal, the welcome) and "
        f"{big['ui_ms']:.0f} ms ({SESSIONS:,} sessions, the overview), against the floor's "
        f"{f['ui_ms']:.0f} ms for a page with one line of script. The page starts loading when "
        f"the floor's does ({big['page_ms']:.0f} ms against {f['page_ms']:.0f} ms): before the "
        "first of these changes it started 430 ms later, and the start-up ratio was 2.31×.",
        "- **Painting without GPU compositing.** Tandem draws text, lists and forms: no video, "
        "WebGL or 3D, so it sets WebKit's hardware-acceleration policy to *never* "
        "(`app::software_rendering`). WebKit's compositing costs the bare floor window "
        f"{f['pss_mb'] - fn['pss_mb']:.0f} MB on this machine and cost Tandem's "
        f"{SESSIONS:,}-session first screen {bg['pss_mb'] - big['pss_mb']:.0f} MB, almost all of it "
        f"in the web process ({web(bg):.0f} MB against {web(big):.0f} MB): anonymous memory and "
        "`libLLVM`'s pages, as Mesa's llvmpipe renders the layers on the CPU; "
        f"with it, start-up is {bg['spawn_ms']:.0f} ms against {big['spawn_ms']:.0f} ms. Against a "
        f"floor that paints the same way, Tandem is {big['spawn_ms'] / fn['spawn_ms']:.2f}× at "
        f"start-up and {big['pss_mb'] / fn['pss_mb']:.2f}× in memory: its own process is "
        f"{big['parts_mb'].get('tandem-window', 0) - f['parts_mb'].get('tandem-bench-fl', 0):.0f} MB above "
        "the floor's (SQLite's page cache and the core) and its web process "
        f"{web(big) - web(fn):.0f} MB (the UI's script, DOM and styles). What it gives up: "
        "scrolling is painted by the CPU, which for pages of text is quick on any machine of the "
        "last decade, and CSS `backdrop-filter` is not drawn (the editors' bars are solid). On a "
        "desktop with a working GPU, `TANDEM_GPU_COMPOSITING=1` restores WebKit's default.",
    ]
    lines += [
        "",
        "### The first screen at size",
        "",
        f"The backend calls the UI made before its first screen was ready, with the {SESSIONS:,}-"
        "session journal (median time from the call to its answer, as the UI sees it; the "
        f"journal generated by `tandem demo --sessions {SESSIONS}` in {results['demo_s']:.1f} s):",
        "",
        "| call | empty journal | " + f"{SESSIONS:,} sessions |",
        "| --- | --- | --- |",
    ]
    for call in sorted(set(em["calls"]) | set(big["calls"])):
        cell = lambda c: f"{c['calls'][call][0]:.1f} ms" if call in c["calls"] else "—"  # noqa: E731
        lines.append(f"| `{call}` | {cell(em)} | {cell(big)} |")
    lines += [
        "",
        f"The core's queries on the same journal, inside one process (`bench/inproc`; the "
        f"partnership with the most sessions, {q['sessions']:,}; median of 5): what each screen "
        "asks for is a page or a count, never the whole journal.",
        "",
        "| query | time | rows |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{name}` | {v['ms']:.1f} ms | {v['rows']} |" for name, v in q["queries"].items()]
    lines += [
        "",
        f"Opening the {SESSIONS:,}-session journal: `Store::open` (the command line; the "
        f"read-only checks with `PRAGMA quick_check` over the whole file, then WAL and "
        f"migrations) {q['open_ms']:.0f} ms; `Store::open_deferring_check` (the app) "
        f"{q['deferred_open_ms']:.1f} ms, and its check later {q['check_ms']:.0f} ms. A search "
        f"from the command line, the whole process: {q['cli_search_ms']:.0f} ms.",
    ]
    pdf = results.get("pdf")
    if pdf:
        speed = pdf["chromium_ms"] / pdf["module_ms"]
        process_speed = pdf["chromium_ms"] / pdf["ours_ms"]
        lines += [
            "",
            f"## The {REPORT_SESSIONS}-session PDF against headless Chromium",
            "",
            f"The latest {REPORT_SESSIONS} sessions of the generated journal's main partnership, "
            "with their action items, goals and SWOT, private notes included. Chromium: "
            f"`{pdf['chromium_version']}`, `--headless --print-to-pdf` of an HTML page with the same "
            "text and similar styling (DejaVu fonts; made by `bench/app.py` from the journal's JSON "
            "export), with a warm profile: the way an Electron journal (Joplin) prints. Ours: the "
            "report module as the app runs it when you export (`bench/inproc`: open the journal once, "
            "then `tandem_core::report::write`; the first export of a process also parses the "
            "fonts), and the whole `tandem report` process. "
            f"Medians of {runs} runs.",
            "",
            "| | time | size | pages |",
            "| --- | --- | --- | --- |",
            f"| Tandem's report module, in the app (an export) | {pdf['module_ms']:.0f} ms | {pdf['module_bytes'] / 1024:.0f} KB | {pdf['ours_pages']} |",
            f"| the same, first export after start (fonts parsed) | {pdf['module_first_ms']:.0f} ms | | |",
            f"| `tandem report` (the whole process) | {pdf['ours_ms']:.0f} ms | {pdf['ours_bytes'] / 1024:.0f} KB | {pdf['ours_pages']} |",
            f"| `tandem where` (a process that does nothing: its floor) | {pdf['where_ms']:.0f} ms | | |",
            f"| Chromium `--print-to-pdf` of the report page | {pdf['chromium_ms']:.0f} ms | {pdf['chromium_bytes'] / 1024:.0f} KB | {pdf['chromium_pages']} |",
            f"| Chromium `--print-to-pdf` of an empty page (its floor) | {pdf['chromium_blank_ms']:.0f} ms | | |",
            "",
            f"Chromium against the report module: {speed:.0f}× the time; against the whole `tandem "
            f"report` process: {process_speed:.1f}×. Chromium's file is "
            f"{pdf['chromium_bytes'] / pdf['ours_bytes']:.1f}× the size of ours. Target: ours ≥ "
            f"{TARGETS['pdf_speed']:.0f}× faster ({verdict(speed >= TARGETS['pdf_speed'])} by the "
            "module, the part that is ours"
            + ("" if process_speed >= TARGETS["pdf_speed"] else
               f"; not by the whole command-line process, whose floor is {pdf['where_ms']:.0f} ms "
               "of loading the WebKitGTK libraries the same binary links for its window")
            + ").",
        ]
    lines += [
        "",
        "## Binary and package",
        "",
        f"Release profile (root `Cargo.toml`): `{json.dumps(b['profile'])}`.",
        "",
        "| | size |",
        "| --- | --- |",
        f"| `tandem` release binary (stripped) | {b['binary_bytes'] / 2**20:.1f} MiB |",
        f"| floor binary (same profile) | {b['floor_binary_bytes'] / 2**20:.1f} MiB |",
    ]
    deb = results.get("deb") or {}
    if "deb_bytes" in b:
        mb = b["deb_bytes"] / 2**20
        lines += [
            f"| `.deb` (`cargo tauri build --bundles deb`) | {mb:.1f} MiB |",
            f"| installed size | {b['deb_installed_kb'] / 1024:.1f} MiB |",
            "",
            f"Target: .deb ≤ {TARGETS['deb_mb']:.0f} MB ({verdict(mb <= TARGETS['deb_mb'])}). "
            f"Depends: `{b['deb_depends']}`. `apt install ./{Path(b['deb']).name}`: {deb.get('status', 'not tried')}"
            + (f" (ready in {deb['ready_ms']:.0f} ms)." if "ready_ms" in deb else "."),
        ]
    return "\n".join(lines) + "\n"


def write_doc(section: str) -> None:
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    block = f"{START_MARK}\n{section}{END_MARK}"
    if START_MARK in text and END_MARK in text:
        before, rest = text.split(START_MARK, 1)
        after = rest.split(END_MARK, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text)


def print_table(results: dict) -> None:
    s = results["startup"]
    f = s["floor"]
    print()
    print(f"{'case':28} {'start-up':>10} {'from main':>10} {'PSS':>9} {'×start':>7} {'×PSS':>6}")
    for name, label in (("floor", "floor (bare window)"), ("empty", "Tandem, empty"), ("big", f"Tandem, {SESSIONS:,}"),
                        ("floor_nc", "floor, compositing off"), ("big_gpu", f"Tandem, {SESSIONS:,}, compositing")):
        c = s[name]
        print(f"{label:28} {c['spawn_ms']:8.0f}ms {c['main_ms']:8.0f}ms {c['pss_mb']:7.0f}MB "
              f"{c['spawn_ms'] / f['spawn_ms']:6.2f}× {c['pss_mb'] / f['pss_mb']:5.2f}×")
    pdf = results.get("pdf")
    if pdf:
        print(f"\nPDF ({REPORT_SESSIONS} sessions): module {pdf['module_ms']:.0f} ms "
              f"(first {pdf['module_first_ms']:.0f} ms), tandem report {pdf['ours_ms']:.0f} ms "
              f"{pdf['ours_bytes'] / 1024:.0f} KB, chromium {pdf['chromium_ms']:.0f} ms "
              f"{pdf['chromium_bytes'] / 1024:.0f} KB: {pdf['chromium_ms'] / pdf['module_ms']:.0f}× "
              f"(process {pdf['chromium_ms'] / pdf['ours_ms']:.1f}×)")
    b = results["build"]
    print(f"\nbinary {b['binary_bytes'] / 2**20:.1f} MiB, floor {b['floor_binary_bytes'] / 2**20:.1f} MiB"
          + (f", .deb {b['deb_bytes'] / 2**20:.1f} MiB" if "deb_bytes" in b else ""))
    if results.get("deb"):
        print(f".deb: {results['deb'].get('status')}")


# ---------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="measured runs per case (default 5)")
    ap.add_argument("--skip-deb", action="store_true", help="no .deb build or install")
    ap.add_argument("--skip-pdf", action="store_true", help="no PDF comparison")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    ap.add_argument("--no-doc", action="store_true", help="do not rewrite docs/BENCHMARKS.md")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    build_file = WORK / "build.json"

    if not args.inner:
        ensure_tools(args.skip_deb)
        if args.no_build:
            info = check_floor_matches()
            info["binary_bytes"] = TANDEM_WINDOW.stat().st_size
            info["floor_binary_bytes"] = FLOOR_BIN.stat().st_size
            if not args.skip_deb:
                info.update(deb_info())
        else:
            info = build(args.skip_deb)
        build_file.write_text(json.dumps(info))
        inner = [sys.executable, __file__, "--inner", "--runs", str(args.runs)]
        inner += [flag for flag, on in (("--skip-deb", args.skip_deb), ("--skip-pdf", args.skip_pdf),
                                        ("--no-doc", args.no_doc)) if on]
        os.execvp("dbus-run-session", ["dbus-run-session", "--", "xvfb-run", "-a", "-s",
                                       "-screen 0 1280x800x24", *inner])

    results: dict = {"build": json.loads(build_file.read_text())}
    say(f"Start-up and memory: floor, Tandem empty, Tandem {SESSIONS:,} sessions ({args.runs} runs each)")
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        work = Path(tmp)
        data = measure_startup(args.runs, work)
        results["startup"] = summarise_startup(data)
        results["demo_s"] = data["demo_s"]
        big = Path(data["big_path"])
        results["search"] = measure_at_size(big, args.runs)
        if not args.skip_pdf:
            results["pdf"] = measure_pdf(big, work, args.runs)
        if not args.skip_deb:
            results["deb"] = try_deb(results["build"], work)
    (WORK / "results.json").write_text(json.dumps(results, indent=2))
    print_table(results)
    if not args.no_doc:
        write_doc(render(results))
        print(f"\nWrote {DOC.relative_to(ROOT)} (between {START_MARK} and {END_MARK}).")


if __name__ == "__main__":
    main()
