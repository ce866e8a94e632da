#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml). Trunk runs the hooks of one stage
# side by side, and these steps depend on each other (relays.html is made
# from the finished index.html), so they run here one after the other.
set -euo pipefail
cd "$(dirname "$0")"
bash short-imports.sh
bash minify-js.sh
bash preload-snippets.sh
bash first-screen.sh
bash language-files.sh
bash relays-page.sh
