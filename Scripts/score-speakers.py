#!/usr/bin/env python3
"""Score "who mentioned which country" in a graph JSON against held-out answer keys.

Usage: score-speakers.py GRAPH.json GOLD.json [GOLD.json ...] [--json]
       score-speakers.py GRAPH.json --gold-dir Tests/ExtractionTests/Fixtures/heldout

GRAPH.json is the interchange format of shared/GRAPH_JSON.md (entities with names and aliases;
relations with predicate "mentioned" and evidence carrying the document id). Each GOLD.json names its
document ("document": "wire-story.txt" -> doc id "wire-story"), lists entities (speakers and countries,
with aliases) and "speakers" entries shaped like the seed answer key: speaker, required,
countries_mentioned, countries_debatable.

For each document, a predicted pair is (speaker, country) from a "mentioned" edge whose evidence is in that
document. Pairs of required gold speakers are compared with the gold set (debatable countries are dropped
from both sides); pairs of speakers that match no gold speaker are false positives; optional gold speakers
are ignored. Prints per-document and overall pair precision, recall and F1 and how many speakers have
exactly the gold set. The last line is a one-line summary.
"""
import argparse
import glob
import json
import os
import re
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"\s+", " ", s).strip().casefold()
    s = re.sub(r"^(the|dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?) ", "", s)
    s = re.sub(r"'s$", "", s)
    return s


def f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def score_document(graph, gold, doc_id):
    by_name = {}
    for g in gold["entities"]:
        for n in {g["name"], *g.get("aliases", [])}:
            by_name.setdefault((g["kind"] if g["kind"] == "country" else "speaker", norm(n)), g["id"])

    def map_entity(e):
        group = "country" if e.get("kind") == "country" else "speaker"
        for n in [e.get("name", ""), *e.get("aliases", [])]:
            hit = by_name.get((group, norm(n)))
            if hit:
                return hit
        return None

    entities = {e["id"]: e for e in graph.get("entities", [])}
    predicted = {}  # speaker key -> set of country keys
    for r in graph.get("relations", []):
        if r.get("predicate") != "mentioned":
            continue
        if not any(ev.get("doc") == doc_id for ev in r.get("evidence", [])):
            continue
        s, o = entities.get(r.get("subject")), entities.get(r.get("object"))
        if s is None or o is None or o.get("kind") != "country":
            continue
        skey = map_entity(s) or "unmatched:" + s.get("name", s["id"])
        okey = map_entity(o) or "unmatched:" + o.get("name", o["id"])
        predicted.setdefault(skey, set()).add(okey)

    tp = fp = fn = exact = 0
    rows = []
    gold_speakers = {sp["speaker"]: sp for sp in gold["speakers"]}
    for sp in gold["speakers"]:
        if not sp.get("required", True):
            continue
        deb = set(sp.get("countries_debatable", []))
        g = set(sp["countries_mentioned"]) - deb
        p = predicted.get(sp["speaker"], set()) - deb
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
        exact += p == g
        rows.append((sp["speaker"], p == g, sorted(g - p), sorted(p - g)))
    for skey, p in predicted.items():
        if skey not in gold_speakers:
            fp += len(p)
            rows.append((skey, False, [], sorted(p)))
    n_required = sum(1 for sp in gold["speakers"] if sp.get("required", True))
    return {"tp": tp, "fp": fp, "fn": fn, "exact": exact, "speakers": n_required, "rows": rows}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph")
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--gold-dir", help="score every *.gold.json in this folder")
    ap.add_argument("--json", action="store_true", help="print machine-readable results too")
    a = ap.parse_args()
    golds = list(a.gold)
    if a.gold_dir:
        golds += sorted(glob.glob(os.path.join(a.gold_dir, "*.gold.json")))
    if not golds:
        ap.error("give GOLD.json files or --gold-dir")
    graph = load(a.graph)
    total = {"tp": 0, "fp": 0, "fn": 0, "exact": 0, "speakers": 0}
    results = {}
    for path in golds:
        gold = load(path)
        doc_id = os.path.splitext(os.path.basename(gold["document"]))[0]
        r = score_document(graph, gold, doc_id)
        for k in total:
            total[k] += r[k]
        p = r["tp"] / (r["tp"] + r["fp"]) if r["tp"] + r["fp"] else 0.0
        rc = r["tp"] / (r["tp"] + r["fn"]) if r["tp"] + r["fn"] else 0.0
        results[doc_id] = {"precision": p, "recall": rc, "f1": f1(p, rc), "exact": r["exact"], "speakers": r["speakers"]}
        print(f"{doc_id:<24} P {p:5.3f}  R {rc:5.3f}  F1 {f1(p, rc):5.3f}  exact {r['exact']}/{r['speakers']}")
        for speaker, ok, missing, extra in r["rows"]:
            if not ok:
                print(f"    {speaker:<28} DIFF"
                      + (f"  missing: {', '.join(missing)}" if missing else "")
                      + (f"  extra: {', '.join(extra)}" if extra else ""))
    p = total["tp"] / (total["tp"] + total["fp"]) if total["tp"] + total["fp"] else 0.0
    r = total["tp"] / (total["tp"] + total["fn"]) if total["tp"] + total["fn"] else 0.0
    if a.json:
        print(json.dumps({"documents": results, "precision": p, "recall": r, "f1": f1(p, r)}, indent=2))
    print(f"held-out: pairs P {p:.3f} R {r:.3f} F1 {f1(p, r):.3f} | exact speakers {total['exact']}/{total['speakers']}"
          f" | {len(golds)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
