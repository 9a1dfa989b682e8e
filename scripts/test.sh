#!/usr/bin/env bash
# Every check and test, in order of cost; stops at the first failure. Run by `make test`
# (after scripts/setup.sh test) and so by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; SECONDS=0; }
done_in() { printf '    (%ss)\n' "$SECONDS"; }

step "UI: type check, lint, component tests, build"
npm --prefix ui run check
npm --prefix ui run lint
npm --prefix ui test
npm --prefix ui run build
done_in

step "Rust: formatting"
cargo fmt --all --check
done_in

step "The core never depends on Tauri"
if cargo tree -p tandem-core -e normal,build --prefix none | grep -i '^tauri'; then
  echo "tandem-core depends on Tauri (see above)" >&2
  exit 1
fi
done_in

step "Rust: clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
done_in

step "Rust: unit and integration tests (core, CLI, generated TypeScript types)"
cargo test --workspace --locked
done_in

step "End to end: the real app through WebDriver under Xvfb"
# target/debug/tandem is the binary `cargo test` just built for the CLI tests: building it
# again with `cargo build` would recompile (dev-dependencies unify features differently).
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" npm --prefix tests/e2e test
done_in
echo
echo "All tests passed. Screenshots of the app: tests/e2e/screenshots/"
