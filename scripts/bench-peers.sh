#!/usr/bin/env bash
# Installs the benchmark's peers, pinned, skipping what is there, outside the
# clone (~/.cache/agora/peers): Isso 0.14.0 from PyPI in its own venv, and
# nostr-comments 0.6.0 with React 18.3.1 bundled by esbuild (the project's
# pinned devDependency) into one script for a static host page. Only
# scripts/bench.sh's full run calls it; the test command's quick mode needs
# none of this. Prints nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

ISSO_VERSION=0.14.0
NOSTR_COMMENTS_VERSION=0.6.0
REACT_VERSION=18.3.1
PEERS="${AGORA_PEERS_DIR:-$HOME/.cache/agora/peers}"
mkdir -p "$PEERS"

isso_venv="$PEERS/isso-$ISSO_VERSION"
if [ "$("$isso_venv/bin/python" -c 'import importlib.metadata as m; print(m.version("isso"))' 2>/dev/null)" != "$ISSO_VERSION" ]; then
  printf '\n==> Installing Isso %s from PyPI into %s (under a minute)\n' "$ISSO_VERSION" "$isso_venv"
  python3 -m venv "$isso_venv"
  "$isso_venv/bin/pip" install --quiet --disable-pip-version-check "isso==$ISSO_VERSION"
fi

nc="$PEERS/nostr-comments-$NOSTR_COMMENTS_VERSION"
nc_stamp="$nc/.installed-$NOSTR_COMMENTS_VERSION-react-$REACT_VERSION"
if [ ! -f "$nc_stamp" ]; then
  printf '\n==> Installing nostr-comments %s with react/react-dom %s from npm into %s\n' "$NOSTR_COMMENTS_VERSION" "$REACT_VERSION" "$nc"
  mkdir -p "$nc"
  cat > "$nc/package.json" <<JSON
{ "private": true, "name": "agora-bench-nostr-comments",
  "dependencies": { "nostr-comments": "$NOSTR_COMMENTS_VERSION", "react": "$REACT_VERSION", "react-dom": "$REACT_VERSION" } }
JSON
  (cd "$nc" && npm install --no-audit --no-fund --save-exact --loglevel=error)
  touch "$nc_stamp"
fi
# The bundle is rebuilt when its entry changes (a copy of it sits beside the bundle).
if ! cmp -s bench/peers/nostr-comments.jsx "$nc/site/entry.jsx"; then
  mkdir -p "$nc/site"
  cp bench/peers/nostr-comments.jsx "$nc/entry.jsx"
  esbuild "$nc/entry.jsx" --bundle --minify --format=iife --target=es2020 \
    --define:process.env.NODE_ENV='"production"' --jsx=automatic --log-level=warning \
    --outfile="$nc/site/nostr-comments.js"
  cp bench/peers/nostr-comments.jsx "$nc/site/entry.jsx"
fi
