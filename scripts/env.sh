# Sourced by the other scripts: where tools and build output live.
# The build cache sits outside the clone so repeated runs (and fresh clones
# on the same machine) stay fast.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/agora/target}"
# The npm-installed wasm-opt (binaryen 132) must come before any older system one.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The test relay's Python environment (scripts/setup.sh --test).
export AGORA_RELAY_VENV="${AGORA_RELAY_VENV:-$HOME/.cache/agora/relay-venv}"
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# The dated nightly that release WebAssembly builds use (scripts/release-build.sh).
export AGORA_NIGHTLY="${AGORA_NIGHTLY:-nightly-2026-05-20}"

# Whether that nightly is installed with the wasm32 target and the standard
# library's source (which -Z build-std compiles). Never installs anything.
nightly_ready() {
  local sysroot
  sysroot=$(RUSTUP_AUTO_INSTALL=0 rustup run "$AGORA_NIGHTLY" rustc --print sysroot 2>/dev/null) &&
    [ -d "$sysroot/lib/rustlib/src/rust/library" ] &&
    [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]
}

# Cargo decides whether agora itself needs rebuilding from file times, not
# from where the checkout is. A second checkout whose files are older than
# the cached build would reuse binaries that still point into the first one
# (wasm-bindgen then looks for that checkout's package.json and fails). So
# when the cache last built another checkout, mark the crate roots as changed.
agora_checkout_stamp="$CARGO_TARGET_DIR/.agora-checkout"
if [ -f Cargo.toml ] && [ "$(cat "$agora_checkout_stamp" 2>/dev/null)" != "$PWD" ]; then
  touch src/lib.rs src/main.rs
  mkdir -p "$CARGO_TARGET_DIR" && printf '%s' "$PWD" > "$agora_checkout_stamp"
fi
unset agora_checkout_stamp
