#!/usr/bin/env bash
# Installs what Tandem needs on a Debian 12 / Ubuntu 22.04+ machine, skipping whatever is
# already there: Debian packages (with sudo unless root), the npm packages of ui/ (and of
# tests/e2e/ for tests), and tauri-driver (for tests). Usage: scripts/setup.sh run|test
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev libayatana-appindicator3-dev
  librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev)
if [ "$mode" = test ]; then
  packages+=(xvfb xauth dbus-daemon xdotool webkit2gtk-driver poppler-utils locales)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || die "Rust is missing: install it with rustup (https://rustup.rs), then run this again."
command -v node >/dev/null && command -v npm >/dev/null \
  || die "Node.js 20.19+ and npm are missing: install them (e.g. from NodeSource or nvm), then run this again."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js $(node --version) is too old for Vite: install 20.19 or newer."

# npm ci only when the lock file changed since the last install.
npm_install() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing npm packages in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
}
npm_install ui

if [ "$mode" = test ]; then
  npm_install tests/e2e
  if ! command -v tauri-driver >/dev/null; then
    say "Installing tauri-driver"
    cargo install tauri-driver --version '^2' --locked --quiet
  fi
fi
