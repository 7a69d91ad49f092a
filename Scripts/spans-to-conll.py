#!/usr/bin/env python3
"""Turns a span-annotated `gold.jsonl` (tokens, entities with token ranges) into the BILOU CoNLL file that
`entitygraph train` reads, mapping the set's entity types to ours and dropping the rest (`Other`, `misc`).

Usage: Scripts/spans-to-conll.py GOLD_JSONL OUT_CONLL [PREFIX]

Used for CoNLL04 (`Peop`/`Org`/`Loc`) and CrossRE news (`person`/`organisation`/`location`/`country`)
beside GUM in the tagger's training data. Write OUT_CONLL outside the checkout: the sentences are not ours to
redistribute (see the sets' README); only the trained, hashed weights are committed. Each sentence is one
training document, as each is one input text when the sets are scored.
"""
import json
import sys

KINDS = {
    "Peop": "person", "Org": "organization", "Loc": "place",
    "person": "person", "organisation": "organization", "location": "place", "country": "place",
}


def bilou(n, kind):
    if n == 1:
        return ["U-" + kind]
    return ["B-" + kind] + ["I-" + kind] * (n - 2) + ["L-" + kind]


def convert(line):
    d = json.loads(line)
    tags = ["O"] * len(d["tokens"])
    spans = sorted((e["tok"][0], e["tok"][1], KINDS[e["type"]]) for e in d["entities"] if e["type"] in KINDS)
    for start, end, kind in spans:
        if any(t != "O" for t in tags[start:end]):
            continue  # an overlapping (nested) span: the first, outer-most by start, wins
        tags[start:end] = bilou(end - start, kind)
    # the token as the text spells it (the sets' token lists rewrite quotes as `` and '')
    words = [d["text"][s:e] for s, e in d["token_offsets"]]
    return d["doc"], [(w, tag) for w, tag in zip(words, tags) if w.strip()]


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    prefix = sys.argv[3] if len(sys.argv) == 4 else ""
    with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            doc, rows = convert(line)
            out.write("# doc = %s%s\n" % (prefix, doc))
            out.write("".join("%s\t%s\n" % r for r in rows) + "\n")


if __name__ == "__main__":
    main()
