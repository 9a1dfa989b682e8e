#!/usr/bin/env bash
# Rewrites the fixture journals of every schema version (core/tests/fixtures/schema-vN.sqlite3)
# from the generator in core/tests/it/migrations.rs. Only needed after adding a schema
# version (and its `fill` arm): the fixtures of released versions never change.
set -euo pipefail
cd "$(dirname "$0")/.."
TANDEM_BLESS=1 cargo test -p tandem-core --test it -- migrations::fixtures_match_their_generator --exact
ls -l core/tests/fixtures/schema-v*.sqlite3
