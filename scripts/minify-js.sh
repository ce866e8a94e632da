#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): minifies the JavaScript of a release
# build in Trunk's staging directory: the wasm-bindgen glue, its snippet,
# boot.js and embed.js. Trunk minifies CSS and HTML itself but not these.
# A release build without esbuild fails: shipping unminified JavaScript by
# accident would go unnoticed. Debug builds never need it.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
esbuild="$TRUNK_SOURCE_DIR/node_modules/.bin/esbuild"
if [ ! -x "$esbuild" ]; then
  echo "minify-js: esbuild is missing ($esbuild), and a release build must minify its JavaScript; run scripts/setup.sh (or npm ci) first" >&2
  exit 1
fi
cd "$TRUNK_STAGING_DIR"
find . -name '*.js' -not -path './examples/*' -print0 | while IFS= read -r -d '' file; do
  "$esbuild" "$file" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$file"
done
