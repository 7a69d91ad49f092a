#!/usr/bin/env python3
"""Writes an invented graph JSON whose names are markup, over Tests/Browser/fixtures/hostile-article.txt.

    make_hostile_graph.py ARTICLE OUT.json

The extractor would never call `<img src=x onerror=alert(1)>` a person, so the names are set by hand here;
offsets are code points into the article, and the document's SHA-256 lets `report --graph` embed its text.
"""
import hashlib
import json
import sys

article, out = sys.argv[1], sys.argv[2]
text = open(article, encoding="utf-8").read()


def span(surface, after=0):
    start = text.index(surface, after)
    return {"doc": "hostile-article", "start": start, "end": start + len(surface), "text": surface, "sentence": 1}


def sentence_of(surface):
    start = text.index(surface)
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return {"doc": "hostile-article", "start": a, "end": b, "text": text[a:b], "sentence": 1}


def entity(kind, slug, name, mentions, aliases=()):
    return {"id": kind + ":" + slug, "kind": kind, "name": name, "aliases": sorted(aliases), "mentions": mentions,
            "attributes": {"note": "<i>invented</i> & \"quoted\""}, "confidence": 0.9}


img = "<img src=x onerror=alert(1)>"
script = "</script><script>alert(2)</script>"
org = 'Acme & Sons "Trust" <b>Ltd</b>'
svg = "<svg onload=alert(3)>"
entities = [
    entity("person", "img-src-x-onerror-alert-1", img, [span(img), span(script)], [script]),
    entity("organization", "acme-sons-trust-b-ltd-b", org, [span(org)]),
    entity("country", "svg-onload-alert-3", svg, [span(svg)]),
    entity("country", "norway", "Norway", [span("Norway"), span("Norway", text.index("Norway") + 1)]),
    entity("country", "france", "France", [span("France")]),
    entity("country", "chile", "Chile", [span("Chile")]),
    entity("person", "jose-marti", "José Martí", [span("José Martí")], ["Martí"]),
    entity("event", "7-7-alert-4", "{{7*7}} and ${alert(4)}", [span("{{7*7}} and ${alert(4)}")]),
    entity("location", "line-break-end", "Line\u2028Break\u2029End '\" --> <!--", []),
]
entities.sort(key=lambda e: e["id"])
quote = sentence_of(svg)


def relation(subject, predicate, obj, evidence, count=1):
    return {"subject": subject, "predicate": predicate, "object": obj, "confidence": 0.8, "count": count,
            "evidence": evidence, "source": "<script>alert(5)</script>"}


relations = [
    relation("person:img-src-x-onerror-alert-1", "mentioned", "country:norway", [quote]),
    relation("person:img-src-x-onerror-alert-1", "mentioned", "country:france", [quote]),
    relation("person:img-src-x-onerror-alert-1", "mentioned", "country:svg-onload-alert-3", [quote]),
    relation("person:img-src-x-onerror-alert-1", "employee_of", "organization:acme-sons-trust-b-ltd-b", [sentence_of(org)]),
    relation("person:jose-marti", "mentioned", "country:chile", [sentence_of("Chile")]),
    relation("event:7-7-alert-4", "located_in", "location:line-break-end", []),
]
relations.sort(key=lambda r: (r["subject"], r["predicate"], r["object"]))
graph = {
    "documents": [{"id": "hostile-article", "path": article, "length": len(text),
                   "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}],
    "entities": entities,
    "relations": relations,
}
json.dump(graph, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
