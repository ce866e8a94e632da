#!/usr/bin/env bash
# The release bundle: `trunk build --release`, with the WebAssembly built on
# the pinned nightly toolchain with the standard library rebuilt for size
# (-Z build-std: panics abort at once, no panic locations, no Debug
# formatting), which scripts/setup.sh installs. Only this build uses it:
# native tests, clippy and the wasm-bindgen tests stay on stable. Where the
# nightly is missing, it builds with stable and says so in one line.
# Arguments go to trunk (for example --dist).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# scripts/native-run.sh (which runs the native post-build steps) unsets what
# is exported here: keep the two lists the same.
if nightly_ready; then
  export RUSTUP_TOOLCHAIN="$AGORA_NIGHTLY"
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # The standard library's size-first code: a plain merge sort for every
  # sort_by (driftsort and its quicksort, instantiated once per element type
  # and order, were 26 KB of the relay build before wasm-opt), and smaller
  # number formatting. Both still O(n log n) and exact, only less tuned.
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # RUSTFLAGS replaces .cargo/config.toml's rustflags, so erase_components is
  # repeated. With --target (Trunk passes it), build scripts and proc macros
  # do not get these flags. -Zfmt-debug=none makes `{:?}` print nothing:
  # nothing a reader sees may use Debug formatting.
  export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
else
  echo "release-build: the $AGORA_NIGHTLY toolchain (with rust-src) is not installed; building with stable (a larger WebAssembly)" >&2
fi
# Links without the stream adapters nothing calls (see the script).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$PWD/scripts/wasm-ld.sh"
exec trunk build --release "$@"
