#!/usr/bin/env python3
"""Select `topic` verbs for Resources/speech/speech-cues.tsv from PolNeAR train (recipe; needs ../shared).

    python3 Scripts/select-topic-verbs.py ../shared/eval/polnear/train [--min-hits 6] [--min-rate 0.5] [--min-docs 3]

A word W qualifies when, over the train articles, W followed by a space and a word (and not after an article,
a possessive or a form of "be") is the end of an attribution's cue whose content starts right after it at
least MIN_RATE of the time, at least MIN_HITS times, in at least MIN_DOCS articles, and W is not already a
`speech` or `topic` entry, nor a verb of wanting or acting (NOT_SPEECH). Prints `topic<TAB>W` lines with the figures in a comment; the file keeps the words
only (no article text). Python 3 standard library only.
"""
import argparse
import collections
import glob
import json
import os
import re

# Verbs PolNeAR counts as attribution (wanting, intending, acting) whose object is no one's words: a
# `mentioned` edge from "Iran seeks to wipe Israel off the map" would say Iran spoke.
NOT_SPEECH = {"hoping", "hope", "seeks", "seek", "ordered", "restricting", "wants", "plans"}
SKIP_BEFORE = {"the", "a", "an", "was", "were", "is", "are", "been", "be", "being", "his", "her", "their", "its"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("--min-hits", type=int, default=6)
    ap.add_argument("--min-rate", type=float, default=0.5)
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--cues", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "Extraction",
                                                   "Resources", "speech", "speech-cues.tsv"))
    a = ap.parse_args()
    known = set()
    for line in open(a.cues, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0] in ("speech", "topic"):
            known.add(parts[1])
    cues = collections.defaultdict(dict)
    for line in open(os.path.join(a.train, "gold.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if r.get("cue") and r["source_kind"] in ("name", "pronoun", "nominal"):
            cues[r["doc"]][r["cue"]["end"]] = r
    total, hits, docs = collections.Counter(), collections.Counter(), collections.defaultdict(set)
    for path in sorted(glob.glob(os.path.join(a.train, "*.txt"))):
        doc = os.path.basename(path)[:-4]
        text = open(path, encoding="utf-8").read()
        for m in re.finditer(r"\b([A-Za-z]+)\b", text):
            w = m.group(1).lower()
            before = text[max(0, m.start() - 12):m.start()].split()
            if before and before[-1].lower() in SKIP_BEFORE:
                continue
            after = text[m.end():m.end() + 2]
            if not after.startswith(" ") or not after[1:2].isalnum():
                continue
            total[w] += 1
            g = cues[doc].get(m.end())
            if g and 0 <= g["content"][0]["start"] - m.end() <= 3:
                hits[w] += 1
                docs[w].add(doc)
    chosen = [(w, hits[w], total[w]) for w in hits
              if w not in known and w not in NOT_SPEECH and hits[w] >= a.min_hits and hits[w] >= a.min_rate * total[w]
              and len(docs[w]) >= a.min_docs]
    for w, h, t in sorted(chosen):
        print("topic\t%s\t# PolNeAR train: %d of %d" % (w, h, t))


if __name__ == "__main__":
    main()
