#!/usr/bin/env bash
# Sets up what is missing, then serves the app at http://127.0.0.1:8080/
# and rebuilds it on every change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve "$@"
