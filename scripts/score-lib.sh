# Sourced by scripts/eval.sh and scripts/eval-formats.sh: needs $bin (the shegong binary), $out
# (a folder for the outputs) and $EVAL (the folder holding score.py).
#
# score NAME GOLD INPUT...: extract, build, score; prints the summary line last.
score() {
  local name=$1 gold=$2
  shift 2
  "$bin" extract "$@" --format json > "$out/$name.json" 2> "$out/$name.extract.log" || true
  "$bin" build "$@" -o "$out/$name.bundle" --quiet 2>> "$out/$name.extract.log" || true
  python3 "$EVAL/score.py" "$gold" "$out/$name.json" --verbose \
    --search-cmd "$bin search $out/$name.bundle {q} --json --limit 20" > "$out/$name.score.txt"
  echo "$name: $(tail -n 1 "$out/$name.score.txt")" >&2
  tail -n 1 "$out/$name.score.txt"
}
