#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): shortens the names of the
# WebAssembly's imports in each release module and its glue together
# (scripts/short-imports.mjs says why). Before minify-js.sh, which then
# minifies the renamed glue. Debug builds keep wasm-bindgen's names, which
# say what each import is.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
cd "$TRUNK_STAGING_DIR"
for wasm in *_bg.wasm; do
  node "$TRUNK_SOURCE_DIR/scripts/short-imports.mjs" "$wasm" "${wasm%_bg.wasm}.js"
done
