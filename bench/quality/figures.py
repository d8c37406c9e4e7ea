#!/usr/bin/env python3
"""Figure (value, unit) precision and recall of `jjj extract` on a set of real
news excerpts kept outside the repository (see QUALITY.md, "Figures").

usage: JJJ_FIGURES=/path/to/set figures.py dev|heldout [-v]

The set holds ann/NNN.txt: the excerpt (first line its headline) with every
reported figure written ⟦raw|value|unit⟧ (value with 万/亿 applied, unit the
base unit), ⟦?raw|value|unit⟧ for one a reader could take either way, and
dev.txt / heldout.txt. Years, dates, distances, durations, ranks, ages and
product counts are not marked: a figure found on them is a false one. The
text without the marks is fed to `jjj extract` (first line its title; figures
of the title are not scored). A found figure is right when its span overlaps
a marked one with the same value (1e-6 relative) and unit."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold import extract_text, mapping, parse_marks, span_in
HERE = os.environ.get("JJJ_FIGURES")
UNIT = {"万元": "元", "亿元": "元", "人次": "人次", "位": "人", "名": "人", "成": "%",
        "平方千米": "平方公里", "平米": "平方米", "个百分点": "百分点"}
def unit(u):
    u = u.strip()
    return UNIT.get(u, u)
def parse(ann):
    plain, marks = parse_marks(ann)
    gold = []
    for m in marks:
        value, u = m["rest"].split("|", 1)
        gold.append(dict(m, value=float(value), unit=unit(u), raw=m["surface"]))
    return plain, gold
def same(p, g):
    v = abs(p["value"] - g["value"]) <= 1e-6 * max(1.0, abs(g["value"]))
    return v and unit(p["unit"]) == g["unit"]
split, verbose = sys.argv[1], "-v" in sys.argv
ids = open(os.path.join(HERE, f"{split}.txt")).read().split()
tp_p = tp_r = npred = ntruth = span_only = 0
for i in ids:
    ann = open(os.path.join(HERE, "ann", f"{i}.txt"), encoding="utf-8").read()
    plain, gold = parse(ann)
    nl = plain.index("\n") + 1 if "\n" in plain else 0
    gold = [g for g in gold if g["start"] >= nl]  # the title's figures are not scored
    doc = extract_text(plain)
    mp = mapping(plain, doc["body_simplified"])
    preds = []
    for fg in doc["figures"]:
        sp = span_in(mp, fg["span"])
        if sp:
            preds.append({"start": sp[0], "end": sp[1], "value": fg["value"], "unit": fg["unit"],
                          "raw": fg["raw"], "counts": fg.get("counts", "")})
    ov = lambda a, b: a["start"] < b["end"] and b["start"] < a["end"]
    req = [g for g in gold if not g["optional"]]
    ntruth += len(req)
    fp, fn, bad = [], [], []
    for p in preds:
        hits = [g for g in gold if ov(p, g)]
        if hits and all(g["optional"] for g in hits):
            continue
        npred += 1
        if any(same(p, g) for g in hits if not g["optional"]):
            tp_p += 1
        elif hits:
            span_only += 1; bad.append((p, hits[0]))
        else:
            fp.append(p)
    for g in req:
        if any(ov(p, g) and same(p, g) for p in preds): tp_r += 1
        elif not any(ov(p, g) for p in preds): fn.append(g)
    if verbose and (fp or fn or bad):
        ctx = lambda x: plain[max(0, x["start"] - 10):x["end"] + 8].replace("\n", "/")
        print(f"{i}:")
        for p in fp: print(f"   FP {p['raw']} ({p['value']:g} {p['unit']}; counts {p['counts']})   …{ctx(p)}…")
        for g in fn: print(f"   FN {g['raw']} ({g['value']:g} {g['unit']})   …{ctx(g)}…")
        for p, g in bad: print(f"   VALUE {p['raw']} = {p['value']:g} {p['unit']}, truth {g['value']:g} {g['unit']}")
p = tp_p / npred if npred else 0.0
r = tp_r / ntruth if ntruth else 0.0
f = 2 * p * r / (p + r) if p + r else 0.0
print(f"{split}: docs={len(ids)} truth={ntruth} found={npred} right={tp_p} wrong-value={span_only}  P={p:.3f} R={r:.3f} F1={f:.3f}")
