#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): writes the first screen, the
# built-in article and its comments as HTML, into index.html (see
# src/prerender/first_screen.rs). A native program of this crate does it, with the same
# components that render them in the browser (scripts/native-run.sh).
set -euo pipefail
echo "first-screen: writing the built-in article into index.html (a native build of agora-first-screen; the first takes a minute or two)" >&2
bash "$TRUNK_SOURCE_DIR/scripts/native-run.sh" agora-first-screen -- "$TRUNK_STAGING_DIR/index.html"
