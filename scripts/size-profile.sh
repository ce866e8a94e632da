#!/usr/bin/env bash
# Where the bytes of the WebAssembly go (bench/size-profile.mjs): builds the
# release bundle, installs twiggy (pinned) where it is missing, and prints
# the tables; --book writes them into docs/src/contributors/size.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
if ! twiggy --version 2>/dev/null | grep -q '0.7.0'; then
  cargo install twiggy --version 0.7.0 --locked
fi
scripts/release-build.sh
node bench/size-profile.mjs "$@"
