#!/usr/bin/env bash
# Install whatever this project needs and is missing; fast when everything is there.
# Sourced by scripts/serve.sh and scripts/test.sh. Needs: Debian, rustup, Node.js/npm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/e2e/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

# Rust target for the browser (rust-toolchain.toml names it too).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli at exactly the version in Cargo.lock (Trunk must not download it).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  # --locked fails against this registry for wasm-bindgen-cli; install without it.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# Trunk.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install --locked "trunk@$TRUNK_VERSION" --force
fi

# Chromium and its driver (browser tests, wasm tests).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# What the input tests make and read their fixtures with: CJK fonts for Chromium's PDFs and
# screenshots, pdftotext (the reference the PDF reader is measured against), Tesseract with the
# Chinese models (OCR of .png/.jpg/.tif pages).
INPUT_PACKAGES="fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra"
if ! command -v pdftotext >/dev/null || ! command -v tesseract >/dev/null \
  || ! fc-list 2>/dev/null | grep -q "Noto Serif CJK" \
  || ! tesseract --list-langs 2>/dev/null | grep -qx chi_tra; then
  say "installing $INPUT_PACKAGES"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $INPUT_PACKAGES >/dev/null
fi

# npm packages: binaryen (wasm-opt 132 for Trunk), playwright-core and axe-core.
STAMP="$ROOT/e2e/node_modules/.shegong-lock"
if ! cmp -s "$ROOT/e2e/package-lock.json" "$STAMP" 2>/dev/null; then
  say "installing npm packages in e2e/"
  (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/e2e/package-lock.json" "$STAMP"
fi
