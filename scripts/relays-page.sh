#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): writes relays.html, the standalone page
# of the build with the shared discussion (agora-relays). It is index.html
# with that build's files preloaded instead of the usual build's, and marked
# so that boot.js mounts that build: a page with relays then downloads one
# build, not both.
set -euo pipefail
cd "$TRUNK_STAGING_DIR"
[ -f agora-relays.js ] || { echo "relays-page: agora-relays.js was not built" >&2; exit 1; }
# Only in href attributes (quoted or not, as the minifier left them): the
# page also carries the article and its comments (the first screen).
sed -e 's#\(href="\?\./\)agora\.js#\1agora-relays.js#g' -e 's#\(href="\?\./\)agora_bg\.wasm#\1agora-relays_bg.wasm#g' \
    -e 's#<html lang="en"#<html lang="en" data-build="relays"#' -e 's#<html lang=en#<html lang=en data-build=relays#' \
    index.html > relays.html
grep -q 'data-build' relays.html && grep -q 'agora-relays_bg\.wasm' relays.html ||
  { echo "relays-page: could not make relays.html from index.html" >&2; exit 1; }
