#!/usr/bin/env bash
# Sets up what is missing (build tools, Chromium, ChromeDriver, Playwright),
# then runs every test layer:
#   1. native `cargo test`: the model and the storage record format
#   2. wasm-bindgen-test in headless Chromium: the mounted app
#   3. the release bundle (dist/), built and used end to end with Playwright
# then the benchmark's quick mode (scripts/bench.sh runs the full one), and
# writes the README's Reliability table from what the tests recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

rm -rf reports/reliability

step "Model: native cargo test (unit tests, property tests, decoder fuzzing)"
cargo test

step "Components: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
  cargo test --target wasm32-unknown-unknown --test web

step "Release bundle: trunk build --release"
trunk build --release
for file in dist/*.wasm dist/*.js; do
  printf '%-44s %8d bytes, %7d gzip\n' "$file" "$(wc -c <"$file")" "$(gzip -9c "$file" | wc -c)"
done

step "End to end: the release bundle in headless Chromium (Playwright)"
npx playwright test

step "Benchmark, quick mode (reports figures; never fails on a timing)"
node bench/run.mjs --quick

step "Reliability figures: README.md"
node scripts/reliability-report.mjs
