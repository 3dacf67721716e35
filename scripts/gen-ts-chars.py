#!/usr/bin/env python3
"""Regenerate crates/text/data/ts_chars.txt from OpenCC's TSCharacters.txt (Apache-2.0).

Usage: scripts/gen-ts-chars.py PATH/TO/TSCharacters.txt

OpenCC ships the table in its repository (data/dictionary/TSCharacters.txt); the
zhconv crate also carries a copy under data/. Only single characters whose first
simplified form is a single different character are kept: folding is done
character by character so offsets in the folded text equal offsets in the original.
"""
import sys

src = sys.argv[1]
pairs = []
for line in open(src, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    key, values = line.rstrip("\n").split("\t")
    value = values.split(" ")[0]
    if len(key) == 1 and len(value) == 1 and key != value:
        pairs.append(key + value)
header = (
    "# Traditional -> Simplified single characters, derived from OpenCC TSCharacters.txt (Apache-2.0).\n"
    "# Regenerate with scripts/gen-ts-chars.py. One pair per line: traditional then simplified.\n"
)
with open("crates/text/data/ts_chars.txt", "w", encoding="utf-8") as out:
    out.write(header + "\n".join(pairs) + "\n")
print(f"{len(pairs)} pairs")
