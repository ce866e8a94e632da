# Sourced by the other scripts: where tools and build output live.
# The build cache sits outside the clone so repeated runs (and fresh clones
# on the same machine) stay fast.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/agora/target}"
# The npm-installed wasm-opt (binaryen 132) must come before any older system one.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
