#!/usr/bin/env python3
"""Turns a span-annotated `gold.jsonl` (tokens, entities with token ranges) into the BILOU CoNLL file that
`entitygraph train` reads, mapping the set's entity types to ours and dropping the rest (`Other`, `misc`).

Usage: Scripts/spans-to-conll.py GOLD_JSONL OUT_CONLL [PREFIX] [--skip-fold K/N [--offset O]]

--skip-fold K/N leaves out sentence i (0-based over the file, plus O) when (i + O) % N == K: the training data
of the tagger of fold K, which `entitygraph train-relations --fold-tagger` needs (Scripts/train-relation-model.sh).

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
    args = sys.argv[1:]
    skip = None
    offset = 0
    try:
        if "--offset" in args:
            k = args.index("--offset")
            offset = int(args[k + 1])
            del args[k:k + 2]
        if "--skip-fold" in args:
            k = args.index("--skip-fold")
            fold, folds = (int(x) for x in args[k + 1].split("/"))
            del args[k:k + 2]
            if not 0 <= fold < folds:
                raise ValueError("fold out of range")
            skip = (fold, folds)
    except (IndexError, ValueError):
        sys.exit(__doc__)
    if len(args) not in (2, 3):
        sys.exit(__doc__)
    prefix = args[2] if len(args) == 3 else ""
    with open(args[0], encoding="utf-8") as f, open(args[1], "w", encoding="utf-8") as out:
        index = -1
        for line in f:
            if not line.strip():
                continue
            index += 1
            if skip and (index + offset) % skip[1] == skip[0]:
                continue
            doc, rows = convert(line)
            out.write("# doc = %s%s\n" % (prefix, doc))
            out.write("".join("%s\t%s\n" % r for r in rows) + "\n")


if __name__ == "__main__":
    main()
