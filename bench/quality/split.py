"""Fixed-seed split of a page set into dev and held-out pages: within each
stratum (raw HTML or text excerpt, column raw_html of pages.tsv) the sorted ids
are shuffled with random.Random(20251205) and round(0.6*n) go to dev.

usage: JJJ_PAGES=DIR python3 split.py"""
import csv
import os
import random
import sys

root = os.environ.get("JJJ_PAGES") or sys.exit("set JJJ_PAGES (see QUALITY.md)")
rows = list(csv.DictReader(open(os.path.join(root, "pages.tsv")), delimiter="\t"))
dev, held = [], []
for stratum in ("yes", "no"):
    ids = sorted(r["id"] for r in rows if r["raw_html"].startswith(stratum))
    rnd = random.Random(20251205)
    rnd.shuffle(ids)
    k = round(0.6 * len(ids))
    dev += ids[:k]
    held += ids[k:]
open(os.path.join(root, "dev.txt"), "w").write("\n".join(sorted(dev)) + "\n")
open(os.path.join(root, "heldout.txt"), "w").write("\n".join(sorted(held)) + "\n")
print(len(dev), len(held))
