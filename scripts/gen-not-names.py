#!/usr/bin/env python3
"""Regenerate crates/extract/data/not_names.txt: common words that begin with a surname's
character (解决, 文化, 成员, 宣读), which people extraction must not take for names.

Usage: scripts/gen-not-names.py

Taken from the vendored jieba dictionary (crates/text/data/jieba_dict.txt): words of two or
three characters whose first character is a surname of crates/extract/data/surnames.txt, with
a frequency of at least 200, not tagged as person names (nr*).
"""
MIN_FREQ = 200

surnames = set()
for line in open("crates/extract/data/surnames.txt", encoding="utf-8"):
    if line.startswith("#"):
        continue
    for tok in line.split():
        if len(tok) != 2:
            surnames.update(tok)
        else:
            surnames.add(tok[0])
words = []
for line in open("crates/text/data/jieba_dict.txt", encoding="utf-8"):
    parts = line.split()
    if len(parts) < 2:
        continue
    word, freq = parts[0], int(parts[1])
    tag = parts[2] if len(parts) > 2 else ""
    if 2 <= len(word) <= 3 and word[0] in surnames and freq >= MIN_FREQ and not tag.startswith("nr"):
        words.append(word)
header = (
    "# Common words that begin with a surname's character: no names. From the vendored jieba\n"
    f"# dictionary (frequency >= {MIN_FREQ}, not tagged nr). Regenerate with scripts/gen-not-names.py.\n"
)
with open("crates/extract/data/not_names.txt", "w", encoding="utf-8") as out:
    out.write(header + "\n".join(sorted(words)) + "\n")
print(f"{len(words)} words")
