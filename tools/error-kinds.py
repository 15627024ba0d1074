#!/usr/bin/env python3
"""Sorts the lines of `hearsay eval --errors FILE` into the error kinds of docs/EVALUATION.md.

Usage: python3 tools/error-kinds.py errors.tsv [examples-per-kind]

A missed gold attribution whose content overlaps an unpaired system attribution is counted once, as a
content-boundary error; "wrong-speaker" lines (entity resolution, not extraction) are left out.
"""
import re
import sys
from collections import defaultdict

SPEECH = set("""say says said saying tell tells told telling ask asks asked asking add adds added adding
according note notes noted explain explains explained state states stated claim claims claimed report
reports reported announce announces announced write writes wrote written insist insists insisted argue
argues argued reply replied respond responded answer answered tweet tweeted tweets declare declared
warn warns warned testify testified recall recalled describe described call called""".split())

LINE = re.compile(r"\[(?P<source>.*?)\] <(?P<cue>.*?)> «(?P<content>.*)» @(?P<start>\d+)-(?P<end>\d+)$")


def parse(field):
    body = field.split(": ", 1)[1]
    return None if body == "-" else LINE.match(body)


def main():
    path = sys.argv[1]
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            article, kind, direct, gold, system = line.rstrip("\n").split("\t")
            rows.append((article, kind, direct == "direct", parse(gold), parse(system), line.strip()))
    spurious = defaultdict(list)
    for i, (article, kind, _, _, system, _) in enumerate(rows):
        if kind == "spurious":
            spurious[article].append((int(system["start"]), int(system["end"]), i))
    used = set()
    kinds = defaultdict(list)
    for i, (article, kind, direct, gold, system, line) in enumerate(rows):
        if kind in ("spurious", "wrong-speaker"):
            continue
        if kind == "missed":
            g0, g1 = int(gold["start"]), int(gold["end"])
            overlap = [j for s0, s1, j in spurious[article] if j not in used and s0 < g1 and g0 < s1]
            if overlap:
                used.add(overlap[0])
                kinds["content boundary: overlapping content, Dice < 0.5"].append(line + "\t" + rows[overlap[0]][5])
            elif direct:
                kinds["direct quote missed"].append(line)
            elif SPEECH & set(re.findall(r"[a-z]+", gold["cue"].lower())):
                kinds["missed entirely with a speech-verb cue"].append(line)
            else:
                kinds["missed: non-speech cue (beliefs, evaluations, nouns, actions, colons)"].append(line)
        elif direct:
            kinds["direct quote with a wrong source or cue"].append(line)
        elif kind in ("wrong-cue", "wrong-cue+source"):
            kinds["cue differs, content paired (incl. cue and source both wrong)"].append(line)
        elif gold["source"] == "-":
            kinds["source given where gold has none"].append(line)
        elif system["source"] == "-":
            kinds["source missing where gold has one"].append(line)
        else:
            kinds["a different source chosen"].append(line)
    for i, row in enumerate(rows):
        if row[1] == "spurious" and i not in used:
            kinds["spurious: system attribution not in gold"].append(row[5])
    for n, (kind, lines) in enumerate(sorted(kinds.items(), key=lambda p: -len(p[1])), 1):
        print(f"{n}\t{kind}\t{len(lines)}")
        for line in lines[:shown]:
            print("\t\t" + line)


if __name__ == "__main__":
    main()
