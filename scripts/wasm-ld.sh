#!/usr/bin/env bash
# The linker of the release WebAssembly (scripts/release-build.sh): rust-lld,
# without the exports of the stream adapters that Leptos's server functions
# bring (wasm-streams' IntoUnderlyingSource, -Sink and -ByteSource). agora
# has no server functions, so nothing calls them. Exported, they keep about
# 6 KB of code (3.6 KB gzip) that no later step can remove: their closures
# are in the function table by then. wasm-bindgen still writes their (unused)
# JavaScript classes, whose calls would go nowhere; nothing makes any.
set -euo pipefail
lld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
args=()
previous=""
for arg in "$@"; do
  case "$previous|$arg" in
    "--export|"*intounderlying*)
      unset 'args[${#args[@]}-1]'
      previous=""
      continue
      ;;
  esac
  case "$arg" in
    --export=*intounderlying*) continue ;;
    @*) echo "wasm-ld.sh: rustc passed a response file ($arg); its exports are not filtered" >&2 ;;
  esac
  args+=("$arg")
  previous="$arg"
done
exec "$lld" "${args[@]}"
