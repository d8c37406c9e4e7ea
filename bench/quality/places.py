#!/usr/bin/env python3
"""Place-mention precision and recall of `jjj extract` on a set of real news
excerpts kept outside the repository (see QUALITY.md, "Places in general news").

usage: JJJ_PLACES=/path/to/set places.py dev|heldout [-v]

The set holds ann/NNN.txt: the excerpt (first line its headline) with every
mention of a place in Beijing, Tianjin or Hebei written ⟦surface|id⟧ (id from
assets/places.tsv, `-` for a place the gazetteer does not hold), ⟦?surface|id⟧
for a mention a reader could take either way; dev.txt / heldout.txt list ids.
The text without the marks is fed to `jjj extract`, its first line the title
(a neutral one when the excerpt has none); the headline's mentions are not
scored, as mentions are spans of the body. Only predicted mentions of places
in the three (the provinces and what lies within them) are scored; one that
overlaps an optional or `-` mention is neither right nor wrong. A mention is
right when its span overlaps the truth's (span); `id` also asks for the same
place, `near` for the same or a containing/contained one."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold import anc, extract_text, mapping, near, parse_marks, span_in
HERE = os.environ.get("JJJ_PLACES")
THREE = {"北京市", "天津市", "河北省"}
def in_three(p):
    return p in THREE or bool(THREE & set(anc(p))) or p in ("京津冀", "京津")
def parse(ann):
    plain, marks = parse_marks(ann)
    return plain, [dict(m, id=m["rest"].strip()) for m in marks]
split, verbose = sys.argv[1], "-v" in sys.argv
ids = open(os.path.join(HERE, f"{split}.txt")).read().split()
tot = {k: [0, 0, 0] for k in ("span", "near", "id")}  # tp_pred, npred, [recall tp, ntruth] below
rec = {k: 0 for k in tot}
ntruth = npred = 0
beyond = [0, 0]
for i in ids:
    plain, gold = parse(open(os.path.join(HERE, "ann", f"{i}.txt"), encoding="utf-8").read())
    # The headline is the document's title, whose mentions are not spans of
    # the body: only the body's are scored. An excerpt without its headline
    # gets a neutral one, so that its first line stays body.
    nl = plain.index("\n") + 1 if "\n" in plain else 0
    gold = [g for g in gold if g["start"] >= nl]
    if not plain[:nl].strip() or nl == 0:
        if nl == 0:
            plain = "\n" + plain
            for g in gold:
                g["start"] += 1; g["end"] += 1
        plain = "新闻报道" + plain
        for g in gold:
            g["start"] += 4; g["end"] += 4
    doc = extract_text(plain)
    mp = mapping(plain, doc["body_simplified"])
    preds = []
    for mn in doc["mentions"]:
        if mn["kind"] != "place" or not in_three(mn["id"]):
            continue
        sp = span_in(mp, mn["span"])
        if sp:
            preds.append({"start": sp[0], "end": sp[1], "id": mn["id"], "surface": plain[sp[0]:sp[1]]})
    def ov(a, b):
        return a["start"] < b["end"] and b["start"] < a["end"]
    req = [g for g in gold if not g["optional"] and g["id"] != "-"]
    beyond[0] += sum(1 for g in gold if not g["optional"] and g["id"] == "-")
    beyond[1] += sum(1 for g in gold if not g["optional"] and g["id"] == "-" and any(ov(p, g) for p in preds))
    ntruth += len(req)
    fp, fn, wrong = [], [], []
    scored = 0
    for p in preds:
        hits = [g for g in gold if ov(p, g)]
        if hits and all(g["optional"] or g["id"] == "-" for g in hits):
            continue
        scored += 1
        if not hits:
            fp.append(p); continue
        req_hits = [h for h in hits if not h["optional"] and h["id"] != "-"]
        g = next((h for h in req_hits if h["id"] == p["id"]), None) \
            or next((h for h in req_hits if near(p["id"], h["id"])), req_hits[0])
        tot["span"][0] += 1
        if near(p["id"], g["id"]): tot["near"][0] += 1
        if p["id"] == g["id"]: tot["id"][0] += 1
        else: wrong.append((p["surface"], p["id"], g["id"]))
    npred += scored
    for g in req:
        hits = [p for p in preds if ov(p, g)]
        if hits: rec["span"] += 1
        else: fn.append(g)
        if any(near(p["id"], g["id"]) for p in hits): rec["near"] += 1
        if any(p["id"] == g["id"] for p in hits): rec["id"] += 1
    if verbose and (fp or fn or wrong):
        ctx = lambda x: plain[max(0, x["start"] - 8):x["end"] + 8].replace("\n", "/")
        print(f"{i}:")
        for p in fp: print(f"   FP {p['surface']}→{p['id']}   …{ctx(p)}…")
        for g in fn: print(f"   FN {g['surface']}={g['id']}   …{ctx(g)}…")
        for w in wrong: print(f"   ID {w[0]}→{w[1]} (truth {w[2]})")
for k in ("span", "near", "id"):
    p = tot[k][0] / npred if npred else 0.0
    r = rec[k] / ntruth if ntruth else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{split} {k}: docs={len(ids)} truth={ntruth} pred={npred}  P={p:.3f} R={r:.3f} F1={f:.3f}")
print(f"{split} beyond the gazetteer ('-'): {beyond[1]} of {beyond[0]} tagged")
