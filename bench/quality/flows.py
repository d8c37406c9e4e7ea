#!/usr/bin/env python3
"""Flow (from, to) precision, recall and F1 of `jjj extract` on a set of news
excerpts kept outside the repository (see QUALITY.md, "Flows on real news").

usage: JJJ_FLOWS=/path/to/set flows.py dev|heldout [-v]

The set holds texts/NNN.txt, truth.json ({"NNN": [[from, to], ...]} at the
gazetteer's ids, written by reading each text) and dev.txt / heldout.txt.
Strict: both ends are the truth's ids. Lenient: an end may be coarser or
finer than the truth's (中关村 for 北京市), matched one to one."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold import extract, near
HERE = os.environ.get("JJJ_FLOWS", os.path.dirname(os.path.abspath(__file__)))
split, verbose = sys.argv[1], "-v" in sys.argv
ids = open(os.path.join(HERE, f"{split}.txt")).read().split()
truth = json.load(open(os.path.join(HERE, "truth.json"), encoding="utf-8"))
tot = {"strict": [0, 0, 0], "lenient": [0, 0, 0]}  # tp, npred, ntruth
for i in ids:
    d = extract(os.path.join(HERE, "texts", f"{i}.txt"))
    pred = sorted({(f["from"], f["to"]) for f in d["flows"]})
    gold = sorted({tuple(x) for x in truth[i]})
    tp_s = len(set(pred) & set(gold))
    # lenient: one-to-one, an end may be coarser or finer than the truth
    used, tp_l = set(), 0
    for p in pred:
        for k, g in enumerate(gold):
            if k not in used and near(p[0], g[0]) and near(p[1], g[1]):
                used.add(k); tp_l += 1; break
    for name, tp in (("strict", tp_s), ("lenient", tp_l)):
        t = tot[name]; t[0] += tp; t[1] += len(pred); t[2] += len(gold)
    if verbose:
        miss = [g for g in gold if g not in pred]; extra = [p for p in pred if p not in gold]
        print(f"{i}: tp={tp_s}/{len(gold)} lenient={tp_l}  missed={miss}  extra={extra}")
for name, (tp, np_, ng) in tot.items():
    p = tp / np_ if np_ else 0.0; r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{split} {name}: docs={len(ids)} truth={ng} pred={np_} tp={tp}  P={p:.3f} R={r:.3f} F1={f:.3f}")
