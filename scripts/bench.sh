#!/usr/bin/env bash
# Builds the release bundle and runs the benchmark: agora against a plain
# JavaScript reference page, in headless Chromium. Pass --quick for small
# counts, --book to write the table into the book (docs/src/benchmark.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh
scripts/release-build.sh
node bench/run.mjs "$@"
