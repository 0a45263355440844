#!/usr/bin/env python3
"""Counts per split and kind in nl.truth.json (for the README): stats.py TRUTH.json"""
import json
import sys
from collections import Counter

t = json.load(open(sys.argv[1]))
for split in ("tune", "holdout", "all"):
    files = [f for f in t["files"] if split == "all" or f["split"] == split]
    pages = [p for f in files for p in f["pages"]]
    kinds = Counter(r["kind"] for p in pages for r in p["redactions"])
    labelled = sum(1 for p in pages for r in p["redactions"] if r["grounds"])
    look = Counter(l["style"] for p in pages for l in p["lookalikes"])
    print(
        f"{split}: {len(files)} files, {len(pages)} pages, "
        f"{sum(kinds.values())} boxes {dict(sorted(kinds.items()))}, {labelled} with grounds, "
        f"{sum(1 for p in pages if p['withheldInFull'])} withheld in full, "
        f"{sum(1 for p in pages if not p['redactions'])} without redactions, look-alikes {dict(look)}"
    )
