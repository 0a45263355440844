#!/usr/bin/env python3
"""Draws the truth boxes of one file on its rendered pages, for checking by eye.

Usage: draw.py TRUTH.json CORPUS_DIR OUT_DIR FILE.pdf [PAGE]
Redactions in red with their number (and label), look-alikes in blue. Also writes a 2x zoom of
each page quarter (OUT_DIR/<stem>-<page>-q<n>.png) to check small boxes and edges.
"""
import json
import os
import sys

import cv2
import fitz
import numpy as np

DPI = 150
S = DPI / 72.0


def main():
    truth_path, corpus, outdir, name = sys.argv[1:5]
    only = int(sys.argv[5]) if len(sys.argv) > 5 else None
    truth = json.load(open(truth_path))
    files = truth["files"] if isinstance(truth, dict) else truth
    entry = next(f for f in files if f["file"] == name)
    doc = fitz.open(os.path.join(corpus, name))
    os.makedirs(outdir, exist_ok=True)
    stem = name[:-4][:40]
    for p in entry["pages"]:
        if only is not None and p["index"] != only:
            continue
        pix = doc[p["index"]].get_pixmap(dpi=DPI, colorspace=fitz.csRGB, alpha=False)
        rgb = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
        img = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR).copy()
        for i, r in enumerate(p["redactions"]):
            x0, y0, x1, y1 = [int(round(v * S)) for v in r["bbox"]]
            cv2.rectangle(img, (x0 - 2, y0 - 2), (x1 + 1, y1 + 1), (0, 0, 255), 1)
            tag = f"{i}{r['kind'][0]}{':' + r['label'] if r['label'] else ''}"
            cv2.putText(img, tag, (x1 + 3, y0 + 10), cv2.FONT_HERSHEY_SIMPLEX, 0.4, (0, 0, 220), 1)
        for l in p["lookalikes"]:
            x0, y0, x1, y1 = [int(round(v * S)) for v in l["bbox"]]
            cv2.rectangle(img, (x0 - 2, y0 - 2), (x1 + 1, y1 + 1), (255, 0, 0), 1)
            cv2.putText(img, l["style"], (x0, y1 + 12), cv2.FONT_HERSHEY_SIMPLEX, 0.4, (200, 0, 0), 1)
        base = os.path.join(outdir, f"{stem}-{p['index']}")
        cv2.imwrite(base + ".png", img)
        h, w = img.shape[:2]
        for q, (ys, xs) in enumerate([(0, 0), (0, w // 2), (h // 2, 0), (h // 2, w // 2)]):
            crop = img[ys : ys + h // 2, xs : xs + w // 2]
            cv2.imwrite(f"{base}-q{q}.png", cv2.resize(crop, None, fx=1.6, fy=1.6))
        print(base + ".png", "wifu" if p["withheldInFull"] else "", len(p["redactions"]))


if __name__ == "__main__":
    main()
