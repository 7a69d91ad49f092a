#!/usr/bin/env python3
"""Unsupervised word classes for the entity tagger (issue 11), from unlabeled text.

Usage: Scripts/make-word-classes.py OUT.tsv TEXT_DIR [TEXT_DIR ...]

Reads every .txt file of the folders, splits it into words roughly as the tool's tokenizer does
(letters and digits, inner apostrophes, possessive 's split off), and for each lower-cased word seen at
least MIN_COUNT times (at most VOCAB words, most frequent first) computes:

- a distributional vector: counts of the words one and two places to its left and right (among the
  CONTEXT most frequent tokens), weighted by positive pointwise mutual information, reduced to DIM
  dimensions by a seeded randomized SVD;
- two clusterings of those vectors by spherical k-means (k-means++ seeding from a fixed seed): FINE and
  COARSE classes;
- its capitalization prior: the share of its occurrences away from a sentence start that are
  capitalized, in four buckets (0: under 5%, 1: under 50%, 2: under 95%, 3: at least 95%).

Writes `word<TAB>fine<TAB>coarse<TAB>cap` lines sorted by word, after `#` comment lines naming the recipe.
Deterministic for a given numpy: the same texts give the same file. Standard library and numpy only.
The texts are used to compute the classes only; none of them is copied into the output beyond single words.
"""
import os
import re
import sys
from collections import Counter

import numpy as np

MIN_COUNT = 4
VOCAB = 20000
CONTEXT = 2000
DIM = 100
FINE = 400
COARSE = 40
SEED = 7

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|[^\w\s]")
SENTENCE_END = {".", "!", "?", '"', "\u201c", "\u201d", ":"}


def tokens(text):
    """Words and punctuation of one text, original case, possessive 's and n't split off."""
    out = []
    for line in text.splitlines():
        line_start = True
        for m in WORD.finditer(line):
            w = m.group(0).replace("\u2019", "'")
            low = w.lower()
            if low.endswith("'s") and len(w) > 2:
                out.append((w[:-2], line_start))
                out.append((w[-2:], False))
            elif low.endswith("n't") and len(w) > 3:
                out.append((w[:-3], line_start))
                out.append((w[-3:], False))
            else:
                out.append((w, line_start))
            line_start = False
    return out


def read(dirs):
    docs = []
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt"):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    docs.append(tokens(f.read()))
    return docs


def spherical_kmeans(x, k, weights, rng, iterations=25):
    """k-means on unit vectors by cosine, k-means++ seeding weighted by frequency."""
    n = x.shape[0]
    centers = np.empty((k, x.shape[1]))
    p = weights / weights.sum()
    centers[0] = x[rng.choice(n, p=p)]
    best = 1 - x @ centers[0]
    for j in range(1, k):
        d = np.maximum(best, 0) * weights
        centers[j] = x[rng.choice(n, p=d / d.sum())]
        best = np.minimum(best, 1 - x @ centers[j])
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        assign = np.argmax(x @ centers.T, axis=1)
        for j in range(k):
            members = assign == j
            if members.any():
                c = (x[members] * weights[members, None]).sum(axis=0)
                norm = np.linalg.norm(c)
                if norm > 0:
                    centers[j] = c / norm
    return np.argmax(x @ centers.T, axis=1)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, dirs = sys.argv[1], sys.argv[2:]
    docs = read(dirs)
    counts = Counter(w.lower() for doc in docs for w, _ in doc)
    vocab = [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
             if c >= MIN_COUNT and any(ch.isalpha() for ch in w)][:VOCAB]
    index = {w: i for i, w in enumerate(vocab)}
    contexts = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT]]
    cindex = {w: i for i, w in enumerate(contexts)}
    v, c = len(vocab), len(contexts)
    m = np.zeros((v, 4 * c), dtype=np.float64)
    caps = np.zeros(v)
    inner = np.zeros(v)
    for doc in docs:
        low = [w.lower() for w, _ in doc]
        for i, (w, line_start) in enumerate(doc):
            row = index.get(low[i])
            if row is None:
                continue
            for slot, off in enumerate((-2, -1, 1, 2)):
                j = i + off
                if 0 <= j < len(doc):
                    col = cindex.get(low[j])
                    if col is not None:
                        m[row, slot * c + col] += 1.0 if abs(off) == 1 else 0.5
            initial = line_start or (i > 0 and doc[i - 1][0] in SENTENCE_END)
            if not initial and w[0].isalpha():
                inner[row] += 1
                if w[0].isupper():
                    caps[row] += 1
    # Positive PMI with context-distribution smoothing (alpha 0.75).
    total = m.sum()
    row_sum = m.sum(axis=1, keepdims=True)
    col = m.sum(axis=0) ** 0.75
    col_p = col / col.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((m / total) / ((row_sum / total) * col_p[None, :]))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    # Randomized SVD (Halko et al.), seeded.
    rng = np.random.default_rng(SEED)
    omega = rng.standard_normal((ppmi.shape[1], DIM + 20))
    y = ppmi @ omega
    for _ in range(3):
        y, _ = np.linalg.qr(y)
        y = ppmi @ (ppmi.T @ y)
    q, _ = np.linalg.qr(y)
    u_small, s, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    emb = (q @ u_small[:, :DIM]) * np.sqrt(s[:DIM])
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    emb = emb / np.where(norms > 0, norms, 1)
    freq = np.array([counts[w] for w in vocab], dtype=np.float64)
    weights = np.log1p(freq)
    fine = spherical_kmeans(emb, FINE, weights, rng)
    coarse = spherical_kmeans(emb, COARSE, weights, rng)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Word classes for the entity tagger: word, fine class (0-%d), coarse class (0-%d), capitalization\n"
                % (FINE - 1, COARSE - 1))
        f.write("# prior (0: <5% capitalized away from a sentence start, 1: <50%, 2: <95%, 3: more).\n")
        f.write("# Made by Scripts/make-word-classes.py from %d texts, %d words (see SOURCES.md); %d words.\n"
                % (len(docs), sum(len(d) for d in docs), v))
        for w in sorted(vocab):
            i = index[w]
            share = caps[i] / inner[i] if inner[i] > 0 else 0.0
            cap = 0 if share < 0.05 else 1 if share < 0.5 else 2 if share < 0.95 else 3
            f.write(f"{w}\t{fine[i]}\t{coarse[i]}\t{cap}\n")


if __name__ == "__main__":
    main()
