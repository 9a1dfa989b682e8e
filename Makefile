# The two commands of the README, and the steps they are made of.
#   make run   set up this machine if needed, build Tandem (`local` profile: quick to build, see Cargo.toml) and open it on your journal
#   make test  set up this machine if needed, then run every check and test (what CI runs)
SHELL := /bin/bash
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)

.PHONY: run test setup-run setup-test ui build release e2e bench

run: setup-run
	npm --prefix ui run build
	cargo build --profile local -p tandem -p tandem-cli
	$(TARGET_DIR)/local/tandem

test: setup-test
	scripts/test.sh

setup-run:
	scripts/setup.sh run

setup-test:
	scripts/setup.sh test

# The debug build the end-to-end tests drive.
build:
	npm --prefix ui run build
	cargo build -p tandem -p tandem-cli

e2e: build
	dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" npm --prefix tests/e2e test

# Start-up, memory, the PDF and the .deb against a bare Tauri window, and the command line
# against a plain Rust binary (slow: release builds, tauri-cli, Xvfb runs; not part of
# `make test`). Each rewrites its part of docs/BENCHMARKS.md.
bench: setup-run
	python3 bench/app.py
	python3 bench/cli.py
