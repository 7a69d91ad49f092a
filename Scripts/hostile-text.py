#!/usr/bin/env python3
"""Writes one hostile input text of a given shape and size, deterministically (invented words only).

Usage: Scripts/hostile-text.py SHAPE MEGABYTES OUT_FILE
       Scripts/hostile-text.py --list

The shapes are the rows of the hardening issue (issue 12) and of the relation benchmark: what a careless
or hostile upload looks like. Each is built from a fixed seed, so every run of the benchmark reads the
same bytes.
"""
import random
import sys

NAMES = ["Mara Quill", "Ivo Brand", "Fenwick Tooling Inc.", "Dunmore", "Ruritania", "Lena Ost",
         "Kelmarsh Trust", "Okafor", "Lopez", "France", "IRAN"]
MIX = ["IRAN", "said", "Okafor", "the", "Lopez", "France", "and", "of", "Minister", "\u201c"]
FILLER = ["the", "said", "of", "and", "in", "IRAN", "Minister", "at", "for", "based", "conference"]
ARTICLE = (
    "Officials from Ruritania and Dunmore met in Kelmarsh on Tuesday for the Harbour Summit. "
    "\u201cWe will not accept new tariffs,\u201d said Mara Quill, the trade minister of Ruritania. "
    "Ivo Brand, a spokesman for Fenwick Tooling Inc., told the conference that the Iranian offer was late. "
    "The summit was organized by the Kelmarsh Trust and moderated by Lena Ost. "
    "She said the talks would resume in March, according to a statement.\n\n"
)


def unclosed(rng, size):
    return "\u201c" * (size // 3 - 40) + " Mara Quill said the talks failed.\n"


def nested(rng, size):
    return "\u201c\u2018" * (size // 6 - 40) + " Mara Quill said the talks failed.\n"


def words(rng, size, pick, suffix, prefix=()):
    """Space-joined words drawn by `pick(rng)` until about `size` bytes (the prefix not counted), then `suffix`."""
    out, n = list(prefix), 0
    while n < size:
        w = pick(rng)
        out.append(w)
        n += len(w.encode()) + 1
    return " ".join(out) + suffix


def one_line_mix(rng, size):
    return words(rng, size, lambda r: r.choice(MIX), "\n")


def one_line_words(rng, size):
    return words(rng, size, lambda r: r.choice(NAMES) if r.random() < 0.3 else r.choice(FILLER), "\n",
                 prefix=["At the Harbour Summit on March 3,"])


def quoted_orgs(rng, size):
    out, n, k = [], 0, 0
    while n < size:
        k += 1
        s = "\u201cThe Kelmarsh Board %d Trust is ready,\u201d said Ivo Brand of Fenwick %d Holdings. " % (k, k)
        out.append(s)
        n += len(s.encode())
    return "".join(out) + "\n"


def sentence_of_names(rng, size):
    return words(rng, size, lambda r: r.choice(NAMES) + " and", " met.\n")


def comma_list(rng, size):
    return words(rng, size, lambda r: r.choice(NAMES) + ",", " and others.\n")


def article(rng, size):
    reps = max(1, size // len(ARTICLE.encode()))
    return ARTICLE * reps


SHAPES = {
    "unclosed-quotes": unclosed,
    "nested-quotes": nested,
    "one-line-mix": one_line_mix,
    "one-line-words": one_line_words,
    "quoted-orgs": quoted_orgs,
    "sentence-of-names": sentence_of_names,
    "comma-list": comma_list,
    "article": article,
}


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(SHAPES))
        return
    if len(sys.argv) != 4 or sys.argv[1] not in SHAPES:
        sys.exit("usage: hostile-text.py SHAPE MEGABYTES OUT_FILE (shapes: %s)" % ", ".join(SHAPES))
    rng = random.Random(1)
    size = int(float(sys.argv[2]) * (1 << 20))
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(SHAPES[sys.argv[1]](rng, size))


if __name__ == "__main__":
    main()
