#!/usr/bin/env bash
# Sets up what is missing (build tools, Chromium, ChromeDriver, Playwright),
# then runs every test layer:
#   0. cargo fmt --check and cargo clippy (native and wasm32), warnings denied;
#      the book (docs/) built and its links, and README.md's, checked
#   1. native `cargo test`: the model and the storage record format; then
#      node --test tests/js/: <agora-count>'s JavaScript on the same fixtures
#   2. wasm-bindgen-test in headless Chromium: the mounted app
#   3. the release bundle (dist/), built and used end to end with Playwright
# then the benchmark's quick mode (scripts/bench.sh runs the full one). The
# reliability figures go to reports/reliability.md (ignored by git): the test
# command changes no tracked file (the book is built outside the clone).
# `node scripts/reliability-report.mjs --book` writes them into the book when
# someone decides to.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

rm -rf reports/reliability reports/reliability.md

step "Formatting: cargo fmt --check"
cargo fmt --check

step "The book: mdbook build docs, then its links and README.md's checked"
# Built outside the clone, so that running the tests changes no file in it.
book="$HOME/.cache/agora/book"
mdbook build docs --dest-dir "$book"
node scripts/check-book-links.mjs "$book"

step "Lints: cargo clippy, native (all targets: the app, its tests, the model's tests)"
cargo clippy --all-targets -- -D warnings

step "Lints: cargo clippy, native with the relay layer's views (agora-render and its relay reader)"
cargo clippy --all-targets --features relays -- -D warnings

step "Lints: cargo clippy, wasm32 (the app and the wasm-bindgen-test browser tests)"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "Lints: cargo clippy, wasm32, the build with the relay layer (--features relays)"
cargo clippy --target wasm32-unknown-unknown --all-targets --features relays -- -D warnings

step "Model: native cargo test (unit tests, property tests, decoder fuzzing)"
cargo test

step "agora-render: native cargo test with the relay layer's views (its unit tests and tests/render.rs)"
cargo test --features relays --lib prerender
cargo test --features relays --test render

step "<agora-count>'s JavaScript: node --test tests/js/ (the shared count fixtures, BIP-340's test vectors)"
node --test tests/js/

step "Components: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
  cargo test --target wasm32-unknown-unknown --test web

step "Release bundle: scripts/release-build.sh (trunk build --release; pinned nightly with -Z build-std)"
scripts/release-build.sh
for file in dist/*.wasm dist/*.js; do
  printf '%-44s %8d bytes, %7d gzip\n' "$file" "$(wc -c <"$file")" "$(gzip -9c "$file" | wc -c)"
done

step "End to end: the release bundle in headless Chromium (Playwright)"
# The reliability figures are written whether the tests pass or fail, so a
# failing run shows what it lost; then a failure stops the run.
e2e=0
npx playwright test || e2e=$?

step "Reliability figures: reports/reliability.md"
node scripts/reliability-report.mjs
[ "$e2e" = 0 ] || { echo "test: the end-to-end tests failed (exit $e2e)" >&2; exit "$e2e"; }

step "Benchmark, quick mode (reports figures; never fails on a timing; writes no file)"
node bench/run.mjs --quick
