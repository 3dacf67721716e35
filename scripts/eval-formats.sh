#!/usr/bin/env bash
# Score `shegong extract` (and `search`) on the development set turned into the files users hold:
# saved web pages (.html), Word files (.docx), newspaper pages printed to PDF and screenshotted
# to PNG by headless Chromium, and all of them mixed in one folder as the hidden set is. Each
# set is scored against eval/dev/dev.gold.json restricted to its pages, next to the same pages
# as .txt. The files are written by scripts/mixed-formats.py under $CARGO_TARGET_DIR/formats
# (regenerated on every run; nothing goes into the repository). Needs chromium, fonts-noto-cjk
# and tesseract-ocr-chi-sim (scripts/setup.sh). A long run (OCR): not part of scripts/test.sh.
# SHEGONG_FORMATS="pdf png" scores only those sets; SHEGONG_KEEP_FORMATS=1 reuses the files of the
# last run instead of writing them again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVAL="${SHEGONG_EVAL:-$ROOT/../shared/eval}"
if [ ! -f "$EVAL/score.py" ]; then
  echo "eval-formats: $EVAL/score.py not found; set SHEGONG_EVAL to the folder holding score.py" >&2
  exit 1
fi
cd "$ROOT"
cargo build --quiet --release -p shegong-cli
bin="${CARGO_TARGET_DIR:-$ROOT/target}/release/shegong"
files="${CARGO_TARGET_DIR:-$ROOT/target}/formats"
out="${CARGO_TARGET_DIR:-$ROOT/target}/eval"
mkdir -p "$out"
if [ "${SHEGONG_KEEP_FORMATS:-}" != 1 ] || [ ! -d "$files/mixed" ]; then
  python3 scripts/mixed-formats.py eval/dev/pages eval/dev/sources.tsv eval/dev/dev.gold.json "$files"
fi
source "$ROOT/scripts/score-lib.sh"
for set in ${SHEGONG_FORMATS:-html docx pdf png mixed}; do
  score "formats-$set" "$files/$set.gold.json" "$files/$set" > /dev/null
  score "formats-$set-txt" "$files/$set.gold.json" "$files/txt/$set" > /dev/null
done
echo "details: $out/formats-*.score.txt" >&2
