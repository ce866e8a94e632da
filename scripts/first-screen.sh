#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): writes the first screen, the
# built-in article and its comments as HTML, into index.html (see
# src/first_screen.rs). A native program of this crate does it, with the same
# components that render them in the browser. It is built with the host's
# stable toolchain, not with what scripts/release-build.sh sets for the
# WebAssembly (the pinned nightly, -Z build-std and its flags): the variables
# unset here are the ones that script exports.
set -euo pipefail
cd "$TRUNK_SOURCE_DIR"
echo "first-screen: writing the built-in article into index.html (a native build of agora-first-screen; the first takes a minute or two)" >&2
env -u RUSTUP_TOOLCHAIN -u CARGO_UNSTABLE_BUILD_STD -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS \
  cargo run --quiet --locked --bin agora-first-screen -- "$TRUNK_STAGING_DIR/index.html"
