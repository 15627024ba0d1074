#!/usr/bin/env python3
"""Cue-word recall and precision by cue rate, on held-out tenths of train.

Each gold cue word of the held-out articles is put in a bucket by its cue rate: the share of the same
word's occurrences, in the train articles not held out, that lie inside a gold cue. For each bucket the
script prints how many gold cue words it has, the share of them the system also marks as cue (recall),
and the share of the system's cue words in it that gold marks (precision); then how many missed cue
words belong to cues the system did not touch at all.

    HEARSAY_ATTR_TUNE=1 HEARSAY_ATTR_FOLD=9 HEARSAY_ATTR_ANN=/tmp/dump9 hearsay train attribution
    python3 tools/cue-recall.py ../shared/corpora/polnear/train /tmp/dump9 [/tmp/dump4 ...]

Gold is the first annotator's file of each article, as `hearsay eval` takes it.
"""
import collections
import glob
import os
import re
import sys

WORD = re.compile(r"[A-Za-z’']+")
BUCKETS = [("never a cue elsewhere", 0.0), ("below 0.04", 0.04), ("0.04-0.1", 0.1), ("0.1-0.25", 0.25),
           ("0.25-0.5", 0.5), ("0.5 and above", 2.0)]


def read_ann(path):
    """The attributions of a brat file: a list of {role: [(start, end), ...]}."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        records = re.split(r"\n(?=[TE#]\d+\t)", f.read())
    for record in records:
        fields = record.rstrip("\n").split("\t")
        if fields[0].startswith("T") and len(fields) > 1:
            kind, offsets = fields[1].split(" ", 1)
            spans[fields[0]] = [tuple(map(int, x.split())) for x in offsets.split(";")]
        elif fields[0].startswith("E") and len(fields) > 1:
            events.append(fields[1].split()[1:])
    result = []
    for args in events:
        roles = collections.defaultdict(list)
        for arg in args:
            role, ref = arg.split(":")
            if ref in spans:
                roles[role.rstrip("0123456789")].extend(spans[ref])
        result.append(roles)
    return result


def cue_positions(attributions):
    return {i for a in attributions for start, end in a.get("Cue", []) for i in range(start, end)}


def main(corpus, dumps):
    held = {}
    for folder in dumps:
        for path in glob.glob(os.path.join(folder, "*.ann")):
            held[os.path.basename(path)[:-4]] = read_ann(path)
    texts, golds = {}, {}
    for path in sorted(glob.glob(os.path.join(corpus, "text", "*.txt"))):
        name = os.path.basename(path)[:-4]
        files = sorted(glob.glob(os.path.join(corpus, "attributions", name + "_*.ann")))
        if not files:
            continue
        with open(path, encoding="utf-8") as f:
            texts[name] = f.read()
        golds[name] = read_ann(files[0])

    total, cue = collections.Counter(), collections.Counter()
    for name, text in texts.items():
        if name in held:
            continue
        positions = cue_positions(golds[name])
        for m in WORD.finditer(text):
            word = m.group().lower()
            total[word] += 1
            cue[word] += m.start() in positions

    def bucket(word):
        rate = cue[word] / total[word] if total[word] else 0.0
        if rate == 0:
            return 0
        return next(i for i, (_, upper) in enumerate(BUCKETS) if i > 0 and rate < upper)

    gold_n, system_n, both = collections.Counter(), collections.Counter(), collections.Counter()
    missed_found, missed_unfound = 0, 0
    for name, system in held.items():
        text, gold = texts[name], golds[name]
        gold_cue, system_cue = cue_positions(gold), cue_positions(system)
        for m in WORD.finditer(text):
            b = bucket(m.group().lower())
            in_gold, in_system = m.start() in gold_cue, m.start() in system_cue
            gold_n[b] += in_gold
            system_n[b] += in_system
            both[b] += in_gold and in_system
        for a in gold:
            cue_chars = {i for start, end in a.get("Cue", []) for i in range(start, end)}
            touched = bool(cue_chars & system_cue)
            for start, end in a.get("Cue", []):
                for m in WORD.finditer(text[start:end]):
                    if start + m.start() not in system_cue:
                        if touched:
                            missed_found += 1
                        else:
                            missed_unfound += 1

    print(f"{len(held)} held-out articles")
    print(f"{'cue rate of the word':<24}{'gold cue words':>16}{'recall':>8}{'precision':>11}")
    for i, (label, _) in enumerate(BUCKETS):
        recall = both[i] / gold_n[i] if gold_n[i] else 0
        precision = both[i] / system_n[i] if system_n[i] else 0
        print(f"{label:<24}{gold_n[i]:>16,}{recall:>8.2f}{precision:>11.2f}")
    all_gold, all_both, all_system = sum(gold_n.values()), sum(both.values()), sum(system_n.values())
    print(f"{'all':<24}{all_gold:>16,}{all_both / max(1, all_gold):>8.2f}{all_both / max(1, all_system):>11.2f}")
    print(f"missed cue words: {missed_unfound:,} in cues the system did not touch, {missed_found:,} in cues it found")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
