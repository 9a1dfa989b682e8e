#!/usr/bin/env bash
# Kills a Tandem writer process N times (default 1000) at random moments, for edits, for
# JSON imports and for receiving a partner's bundles, and prints the counts: cycles, edits
# acknowledged, lost, torn (half-written), integrity failures. Exits non-zero if anything
# acknowledged was lost or damaged.
#
#   scripts/crash-cycles.sh [N]
#
# TANDEM_CRASH_SEED=<number> repeats a run's random kill times.
set -euo pipefail
cd "$(dirname "$0")/.."
cycles="${1:-1000}"
case "$cycles" in '' | *[!0-9]*) echo "usage: $0 [cycles]" >&2; exit 2 ;; esac
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
TANDEM_CRASH_CYCLES="$cycles" cargo test -p tandem-core --test it -- \
  crash::acknowledged_edits_survive_a_kill_at_any_moment \
  crash::an_import_killed_at_any_moment_is_all_there_or_not_at_all \
  crash::a_receive_killed_at_any_moment_leaves_the_previous_bundle_or_the_new_one \
  --exact --nocapture --test-threads=1 >"$log" 2>&1 || status=$?
# libtest prints "test <name> ... " before the test's own output: keep just the counts.
grep -oE 'crash-cycles .*|^test result.*|assertion.*' "$log" || cat "$log"
exit "$status"
