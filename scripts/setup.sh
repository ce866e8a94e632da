#!/usr/bin/env bash
# Installs what agora needs, at pinned versions, skipping what is already
# there. `scripts/setup.sh` is enough to build and serve; `--test` adds what
# the tests need (Chromium and ChromeDriver, the test relay, and mdBook for
# the book in docs/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock pins.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
WASM_OPT_VERSION=132
PLAYWRIGHT_VERSION=1.65.1
NOSTR_RELAY_VERSION=1.14
MDBOOK_VERSION=0.5.4

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || { echo "setup: '$tool' is missing; install Rust (rustup) and Node.js 20+ first" >&2; exit 1; }
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "Installing Trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: one of its locked dependencies is no longer on crates.io.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The nightly for the release WebAssembly (-Z build-std, scripts/release-build.sh).
# Where it cannot be installed, release builds use stable and say so.
if ! nightly_ready; then
  step "Installing $AGORA_NIGHTLY with rust-src and the wasm32 target (seconds), for smaller release WebAssembly"
  if ! rustup toolchain install "$AGORA_NIGHTLY" --profile minimal --component rust-src --target wasm32-unknown-unknown; then
    echo "setup: $AGORA_NIGHTLY could not be installed; release builds will use stable (a larger WebAssembly)" >&2
  fi
fi
# -Z build-std compiles the standard library's own dependencies, which Trunk's
# offline build cannot download: fetch them once.
build_std_stamp="$HOME/.cache/agora/build-std-fetched-$AGORA_NIGHTLY"
if nightly_ready && [ ! -f "$build_std_stamp" ]; then
  step "Fetching the standard library's dependencies for -Z build-std"
  RUSTUP_TOOLCHAIN="$AGORA_NIGHTLY" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    cargo fetch --target wasm32-unknown-unknown
  mkdir -p "$(dirname "$build_std_stamp")" && touch "$build_std_stamp"
fi

# node_modules/ is reinstalled whenever package-lock.json has changed since
# the last install (an upgrade of axe-core, say), not only when a tool is missing.
npm_stamp=node_modules/.agora-package-lock
if ! { wasm-opt --version 2>/dev/null | grep -q "version_$WASM_OPT_VERSION"; } ||
   [ "$(playwright --version 2>/dev/null)" != "Version $PLAYWRIGHT_VERSION" ] ||
   [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -x node_modules/.bin/esbuild ] ||
   ! cmp -s package-lock.json "$npm_stamp"; then
  step "Installing npm tools (binaryen $WASM_OPT_VERSION for wasm-opt, Playwright $PLAYWRIGHT_VERSION, axe-core, esbuild)"
  npm ci --no-audit --no-fund
  cp package-lock.json "$npm_stamp"
fi

if [ "${1:-}" = "--test" ]; then
  # The book (docs/), which the test command builds and checks.
  if [ "$(mdbook --version 2>/dev/null)" != "mdbook v$MDBOOK_VERSION" ]; then
    step "Installing mdBook $MDBOOK_VERSION (about 3 minutes)"
    cargo install mdbook --version "$MDBOOK_VERSION" --locked
  fi

  # A real Nostr relay for the shared-discussion tests: PyPI nostr-relay,
  # pinned with every dependency (tests/relay/constraints.txt), in a venv
  # outside the clone.
  if [ "$("$AGORA_RELAY_VENV/bin/nostr-relay" --version 2>/dev/null | tr -d '\n')" != "$NOSTR_RELAY_VERSION" ] &&
     ! "$AGORA_RELAY_VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('nostr-relay') != '$NOSTR_RELAY_VERSION')" 2>/dev/null; then
    step "Installing the test relay: PyPI nostr-relay $NOSTR_RELAY_VERSION (about a minute)"
    if ! python3 -m venv "$AGORA_RELAY_VENV"; then
      # Debian's own python3 keeps venv in a package of its own.
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv
      python3 -m venv "$AGORA_RELAY_VENV"
    fi
    "$AGORA_RELAY_VENV/bin/pip" install --quiet --disable-pip-version-check "nostr-relay==$NOSTR_RELAY_VERSION" -c tests/relay/constraints.txt
  fi

  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "Installing Chromium and ChromeDriver (Debian packages)"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
fi
