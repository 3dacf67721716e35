#!/usr/bin/env bash
# Score `shegong extract seeds` (and search) against the hand-made reference in ../shared/eval
# and fail if a figure drops below what the resolved issues promise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVAL="${SHEGONG_EVAL:-$ROOT/../shared/eval}"
if [ ! -f "$EVAL/score.py" ]; then
  echo "eval: $EVAL/score.py not found; set SHEGONG_EVAL to the folder holding score.py" >&2
  exit 1
fi
cd "$ROOT"
cargo build --quiet --release -p shegong-cli
out="$ROOT/target/eval"
mkdir -p "$out"
target/release/shegong extract seeds --format json > "$out/seeds.json"
target/release/shegong build seeds -o "$out/seeds.bundle" --quiet
summary=$(python3 "$EVAL/score.py" "$EVAL/seeds.gold.json" "$out/seeds.json" --verbose \
  --search-cmd "$ROOT/target/release/shegong search $out/seeds.bundle {q} --json --limit 20" |
  tee "$out/score.txt" | tail -n 1)
cat "$out/score.txt"
# Minimums: splitting (articles, titles), extraction (regions, programs, dates, people), queries.
python3 - "$summary" <<'PY'
import re, sys
s = sys.argv[1]
got = {k: (int(a), int(b)) for k, a, b in re.findall(r"(\w+) (\d+)/(\d+)", s)}
need = {"articles": 15, "titles": 13, "regions": 15, "programs": 14, "dates": 5, "people": 13, "queries": 10}
bad = [f"{k} {got[k][0]}/{got[k][1]} < {v}" for k, v in need.items() if got[k][0] < v]
if bad:
    print("eval: below the promised minimum: " + ", ".join(bad), file=sys.stderr)
    sys.exit(1)
print("eval: 1 passed, 0 failed")
PY
