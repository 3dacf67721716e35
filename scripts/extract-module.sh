#!/usr/bin/env bash
# The browser's extraction module and what goes with it, into OUT_DIR (Trunk's post_build hook
# puts it into dist/extract/). Nothing here is loaded until a reader adds pages of their own,
# so the search-only first load does not grow.
#
#   shegong_wasm_extract.js, _bg.wasm   crates/wasm-extract: read, split and extract page files,
#                                       look places up, build bundles. Built for speed (profile
#                                       `release`, wasm-opt -O3), not size like the search
#                                       module: 100 pages are read in 1.2 s instead of 1.9 s for
#                                       38 KB more (778 KB gzipped), fetched only on demand
#   worker.js, client.js, store.js      app/extract: the Web Worker, its client, the collection
#                                       kept in IndexedDB
#   dict.bin.gz                         jieba's dictionary in its compact form, gzipped; fetched
#                                       only when a bundle is built
#
# Usage: bash scripts/extract-module.sh OUT_DIR
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/e2e/node_modules/.bin:$PATH"
OUT="${1:?usage: extract-module.sh OUT_DIR}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
cd "$ROOT"
mkdir -p "$OUT"
cargo build --quiet --release --target wasm32-unknown-unknown -p shegong-wasm-extract
wasm="$TARGET/wasm32-unknown-unknown/release/shegong_wasm_extract.wasm"
# wasm-opt takes a while: skip it when the module has not changed since the last run.
stamp="$TARGET/extract-module.stamp"
opt="$TARGET/extract-module"
if [ ! -f "$stamp" ] || ! cmp -s "$stamp" <(sha256sum < "$wasm"); then
  rm -rf "$opt" && mkdir -p "$opt"
  wasm-bindgen --target web --no-typescript --out-dir "$opt" "$wasm"
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$opt/shegong_wasm_extract_bg.wasm" -o "$opt/shegong_wasm_extract_bg.wasm"
  sha256sum < "$wasm" > "$stamp"
fi
cp "$opt"/shegong_wasm_extract.js "$opt"/shegong_wasm_extract_bg.wasm "$OUT/"
cp app/extract/worker.js app/extract/client.js app/extract/store.js "$OUT/"
if [ ! -f "$TARGET/dict.bin.gz" ] || [ crates/text/data/jieba_dict.txt -nt "$TARGET/dict.bin.gz" ] \
  || [ crates/collection/src/compact.rs -nt "$TARGET/dict.bin.gz" ]; then
  cargo run --quiet --release -p shegong-collection --example compact-dict -- "$TARGET/dict.bin"
  gzip -9 -n -f "$TARGET/dict.bin"
fi
cp "$TARGET/dict.bin.gz" "$OUT/"
