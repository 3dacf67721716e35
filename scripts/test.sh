#!/usr/bin/env bash
# Install what is missing, then run every check: format, lints, Rust tests (native and in
# headless Chromium), the release build of the app, browser end-to-end tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

say "cargo fmt --check"
cargo fmt --all -- --check

# The app only runs in the browser: it is linted and built for wasm32, not natively.
say "cargo clippy (native and wasm32)"
cargo clippy --workspace --exclude shegong-app --all-targets -- -D warnings
cargo clippy -p shegong-wasm -p shegong-app --all-targets --target wasm32-unknown-unknown -- -D warnings

say "cargo test (native)"
cargo test --workspace --exclude shegong-app

say "reference scores (../shared/eval)"
bash scripts/eval.sh

say "cargo test (wasm32, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p shegong-wasm --target wasm32-unknown-unknown

say "download size of the search-only embedding (target and limit 160 KB gzipped)"
bash scripts/size.sh

say "trunk build --release --offline"
trunk build --release --offline

say "the drop-in element (scripts/element.sh target/element)"
bash scripts/element.sh target/element

say "browser end-to-end tests"
(cd e2e && node --test tests/)
