#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): writes dist/lang/, the
# interface text of every language but English as the browser reads it, from
# the keyed files in lang/ (see src/bin/agora-language-files.rs), checking
# every message: a problem stops the build. A native program of this crate
# (scripts/native-run.sh).
set -euo pipefail
bash "$TRUNK_SOURCE_DIR/scripts/native-run.sh" agora-language-files -- "$TRUNK_STAGING_DIR/lang"
