#!/usr/bin/env bash
# Regenerate docs/*.png (the README screenshots): builds the app and photographs it in Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  say "installing fonts-noto-cjk (Chinese glyphs for the screenshots)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null
fi
trunk build --release --offline
node e2e/screenshots.js
echo "wrote docs/desktop.png docs/article.png docs/mobile.png"
