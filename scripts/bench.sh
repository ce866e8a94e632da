#!/usr/bin/env bash
# Builds the release bundle and runs the benchmark: agora against a plain
# JavaScript reference page, in headless Chromium. Pass --quick for small
# counts, --book to write the table into the book (docs/src/benchmark.md).
# The full run (without --quick) also compares agora with its peers, Isso and
# nostr-comments (bench/peers.mjs): it installs them first
# (scripts/bench-peers.sh, pinned, under ~/.cache/agora/peers) and builds
# agora-render for the prerendered element. --peers-only runs only that
# comparison; --peer-loads=N sets its loads (5 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh
scripts/release-build.sh
peers=
case " $* " in
  *" --peers-only "*|*" --peers "*) peers=yes ;;
  *" --quick "*) ;;
  *) peers=yes; set -- --peers "$@" ;;
esac
if [ -n "$peers" ]; then
  scripts/bench-peers.sh
  cargo build --release --features relays --bin agora-render
fi
node bench/run.mjs "$@"
