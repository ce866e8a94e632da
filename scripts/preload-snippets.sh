#!/usr/bin/env bash
# Trunk post_build step (scripts/post-build.sh): lets the standalone page fetch the
# glue's snippets (src/store.js) at once. The glue imports them, so the
# browser otherwise finds them only after agora.js has arrived and been
# parsed: one more round trip before the page can start, measured at
# 5-10 ms after the WebAssembly itself had arrived.
set -euo pipefail
cd "$TRUNK_STAGING_DIR"
links=""
while IFS= read -r -d '' file; do
  links+="<link rel=\"modulepreload\" href=\"./${file#./}\">"
done < <(find ./snippets -name '*.js' -print0 2>/dev/null | sort -z)
[ -n "$links" ] || exit 0
# Before </head>, or before <body> where the minifier dropped </head>.
if grep -q '</head>' index.html; then
  sed -i "s#</head>#${links}</head>#" index.html
else
  sed -i "s#<body>#${links}<body>#" index.html
fi
