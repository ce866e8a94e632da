#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): writes dist/lang/, the
# interface text of every language but English as the browser reads it, from
# the keyed files in lang/ (see src/bin/agora-language-files.rs), checking
# every message. A native program, built like the first screen's (see
# scripts/first-screen.sh for the variables unset here).
set -euo pipefail
cd "$TRUNK_SOURCE_DIR"
env -u RUSTUP_TOOLCHAIN -u CARGO_UNSTABLE_BUILD_STD -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS \
  cargo run --quiet --locked --bin agora-language-files -- "$TRUNK_STAGING_DIR/lang"
