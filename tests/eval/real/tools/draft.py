#!/usr/bin/env python3
"""Turns propose.py output into draft truth entries (to be corrected by hand, page by page).

Usage: draft.py SPLIT_RULE_FILES... < nothing; reads PROPS_DIR/<file>.json for each FILE
  draft.py PROPS_DIR FILE.pdf [FILE.pdf ...] > draft.json

Keeps solid candidates only (solidity > 0.85: a box, not a ragged photo edge), guesses the label
from tesseract's reading with the usual misreadings of white-on-grey print fixed ('5.1.28' is
'5.1.2e', '§' is '5'), and assigns the split by the fixed rule: holdout when the file's sha256
starts with a hex digit below 5.
"""
import json
import os
import re
import sys

FIXES = [("§", "5"), ("$", "5"), ("S,", "5."), (",", "."), ("5.1.2 e", "5.1.2e"), ("51.2", "5.1.2"), ("5.12", "5.1.2")]
# The last character of "5.1.2e" in small white print is read as 8, 6, 9, ¢ or c: all are e here.
E_MISREADS = re.compile(r"5\.1\.2[e869¢c]")


def clean_label(text):
    if not text:
        return None
    t = text.strip(" |_-—'\".,")
    for a, b in FIXES:
        t = t.replace(a, b)
    t = E_MISREADS.sub("5.1.2e", t)
    m = re.search(r"\d\.\d(?:\.\d)?\s?[a-i]?|Dubbel", t)
    return m.group(0).strip() if m else None


def grounds_of(label):
    if not label:
        return []
    return sorted({c.replace(" ", "") for c in re.findall(r"\d\.\d(?:\.\d)?\s?[a-i]?", label)})


def main():
    props, files = sys.argv[1], sys.argv[2:]
    out = []
    for name in files:
        entry = json.load(open(os.path.join(props, name + ".json")))[0]
        pages = []
        for p in entry["pages"]:
            reds = []
            for c in p["candidates"]:
                if c["solidity"] <= 0.85:
                    continue
                label = clean_label(c.get("label"))
                reds.append(
                    {"bbox": c["bbox"], "kind": c["kind"], "label": label, "grounds": grounds_of(label)}
                )
            pages.append(
                {
                    "index": p["index"],
                    "width": p["width"],
                    "height": p["height"],
                    "withheldInFull": False,
                    "redactions": reds,
                    "lookalikes": [],
                }
            )
        split = "holdout" if int(entry["sha256"][0], 16) < 5 else "tune"
        out.append({"file": name, "sha256": entry["sha256"], "split": split, "pages": pages})
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
