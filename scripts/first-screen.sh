#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): writes the first screen, the
# built-in article and its comments as HTML, into index.html (see
# src/first_screen.rs). A native program of this crate does it with the same
# components that render them in the browser, built with stable Rust and
# without the flags of the WebAssembly build (scripts/release-build.sh).
set -euo pipefail
cd "$TRUNK_SOURCE_DIR"
env -u RUSTUP_TOOLCHAIN -u CARGO_UNSTABLE_BUILD_STD -u RUSTFLAGS -u CARGO_BUILD_TARGET \
  cargo run --quiet --bin agora-first-screen -- "$TRUNK_STAGING_DIR/index.html"
