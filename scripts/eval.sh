#!/usr/bin/env bash
# Score `shegong extract` (and `shegong search`) on the seeds (../shared/eval/seeds.gold.json),
# the development set (eval/dev/dev.gold.json) and the held-out set (eval/holdout/, pages no
# rule was tuned on: its README keeps the first-sight figures) with ../shared/eval/score.py, and
# fail if a figure drops below what the project promises (the minimums at the end).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVAL="${SHEGONG_EVAL:-$ROOT/../shared/eval}"
if [ ! -f "$EVAL/score.py" ]; then
  echo "eval: $EVAL/score.py not found; set SHEGONG_EVAL to the folder holding score.py" >&2
  exit 1
fi
cd "$ROOT"
cargo build --quiet --release -p shegong-cli
bin="${CARGO_TARGET_DIR:-$ROOT/target}/release/shegong"
out="${CARGO_TARGET_DIR:-$ROOT/target}/eval"
mkdir -p "$out"

source "$ROOT/scripts/score-lib.sh"
seeds=$(score seeds "$EVAL/seeds.gold.json" seeds)
dev=$(score dev eval/dev/dev.gold.json eval/dev/pages)
holdout=$(score holdout eval/holdout/holdout.gold.json eval/holdout/pages)
echo "details: $out/seeds.score.txt, $out/dev.score.txt, $out/holdout.score.txt" >&2

python3 - "$seeds" "$dev" "$holdout" <<'PY'
import re, sys
def parse(s):
    return {k: (int(a), int(b)) for k, a, b in re.findall(r"(\w+) (\d+)/(\d+)", s)}
need = {
    "seeds": {"articles": 15, "titles": 15, "regions": 15, "programs": 15, "dates": 5, "people": 14, "queries": 10},
    "dev": {"articles": 126, "titles": 122, "regions": 119, "programs": 112, "dates": 89, "people": 206, "queries": 223},
    "holdout": {"articles": 44, "titles": 38, "regions": 41, "programs": 37, "dates": 30, "people": 52, "queries": 84},
}
bad = []
for name, summary in zip(need, sys.argv[1:]):
    got = parse(summary)
    bad += [f"{name} {k} {got[k][0]}/{got[k][1]} < {v}" for k, v in need[name].items() if got[k][0] < v]
if bad:
    print("eval: below the promised minimum: " + ", ".join(bad), file=sys.stderr)
    sys.exit(1)
print("eval: seeds, development and held-out sets at or above their minimums")
PY
