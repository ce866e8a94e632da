#!/usr/bin/env bash
# Runs one of agora's native programs for a Trunk post-build step
# (first-screen.sh, language-files.sh): `native-run.sh <bin> -- <args>`.
# It is built with the host's stable toolchain, not with what
# scripts/release-build.sh sets for the WebAssembly (the pinned nightly,
# -Z build-std and its flags): the variables unset here are the ones that
# script exports.
set -euo pipefail
cd "$TRUNK_SOURCE_DIR"
exec env -u RUSTUP_TOOLCHAIN -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS -u CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER \
  cargo run --quiet --locked --bin "$@"
