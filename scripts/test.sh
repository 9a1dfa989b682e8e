#!/usr/bin/env bash
# Every check and test, in order of cost; stops at the first failure. Run by `make test`
# (after scripts/setup.sh test) and so by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; SECONDS=0; }
done_in() { printf '    (%ss)\n' "$SECONDS"; }

step "UI: type check, lint, build (the window embeds the build)"
npm --prefix ui run check
npm --prefix ui run lint
npm --prefix ui run build
done_in

step "Rust: formatting"
cargo fmt --all --check
done_in

step "The core and the command line never depend on Tauri or the web view"
for crate in tandem-core tandem-cli; do
  if cargo tree -p "$crate" -e normal,build --prefix none | grep -iE '^(tauri|wry|webkit2gtk|gtk)'; then
    echo "$crate depends on Tauri or the web view (see above)" >&2
    exit 1
  fi
done
done_in

step "Rust: clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
done_in

step "Rust: unit and integration tests (core, CLI, generated TypeScript types)"
cargo test --workspace --locked
done_in

step "UI: component tests, on the real core (tandem serve --dev --scratch)"
# The `tandem` that `cargo test` just built (see below for why not `cargo build`).
TANDEM_CLI="$(realpath "${CARGO_TARGET_DIR:-target}/debug/tandem")" npm --prefix ui test
done_in

step "End to end: the real app through WebDriver under Xvfb"
# target/debug/tandem and target/debug/tandem-window are the binaries `cargo test` just
# built for the CLI's and the window's tests: building them again with `cargo build` would
# recompile (dev-dependencies unify features differently).
cli="${CARGO_TARGET_DIR:-target}/debug/tandem"
if ! libs=$(ldd "$cli"); then
  echo "cannot list the libraries of $cli" >&2
  exit 1
fi
if grep -iE 'webkit|gtk' <<<"$libs"; then
  echo "the tandem command line links the web view (see above)" >&2
  exit 1
fi
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" npm --prefix tests/e2e test
done_in
echo
echo "All tests passed. Screenshots of the app: tests/e2e/screenshots/"
