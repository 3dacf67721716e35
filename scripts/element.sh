#!/usr/bin/env bash
# Build the drop-in element <shegong-search> into OUT_DIR: a folder a site copies as it is.
#   shegong-search.js      defines the element; loads the rest from its own folder
#   dom.js texts.js facets.js results.js article.js   its modules
#   shegong-search.css     its styles (inside the shadow root)
#   shegong.js             the JS API (crates/wasm/js), which pages can use on their own
#   shegong_wasm.js        the engine behind it (search-only: crates/wasm without `extract`,
#   shegong_wasm_bg.wasm   cargo profile `web`, wasm-opt -Oz)
#   shegong-search.d.ts, shegong.d.ts, shegong_wasm.d.ts   TypeScript definitions
# Usage: bash scripts/element.sh OUT_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
out="${1:?usage: bash scripts/element.sh OUT_DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$ROOT"
target="${CARGO_TARGET_DIR:-$ROOT/target}"
cargo build --quiet --profile web --target wasm32-unknown-unknown -p shegong-wasm --no-default-features
wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/web/shegong_wasm.wasm"
rm -f "$out/shegong_wasm_bg.wasm.d.ts"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$out/shegong_wasm_bg.wasm" -o "$out/shegong_wasm_bg.wasm"
cp element/*.js element/*.css element/*.d.ts crates/wasm/js/shegong.js crates/wasm/js/shegong.d.ts "$out/"
say "element written to $out"
