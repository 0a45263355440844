#!/usr/bin/env python3
"""Proposes redaction boxes on real scanned pages, for a human to check and correct.

The proposals are only a starting point: every page was then looked at (overlay PNGs written by
this script and by draw.py) and the boxes were corrected by hand in nl.truth.json.

Usage:
  propose.py CORPUS_DIR OUT_DIR FILE.pdf [FILE.pdf ...]
    writes OUT_DIR/<stem>-<page>.png (render), OUT_DIR/<stem>-<page>.prop.png (numbered overlay)
    and prints a draft `files[]` entry per PDF as JSON on stdout.

Method (why each step):
  - render at 150 dpi with PyMuPDF: enough to put edges within 0.5 pt, cheap to look at;
  - "fill" pixels = clearly darker than paper (grey < 200) or clearly chromatic (saturation > 60);
    a morphological open with a 7 px (3.4 pt) square drops text strokes (<= ~2 pt thick) but keeps
    bars, which are at least ~8 pt tall;
  - each connected component becomes a candidate rectangle; its fill must be flat (the fill's
    spread is small, the rectangle is mostly fill) so photos and logos are flagged, not dropped:
    the human decides;
  - the ground printed inside in white is read with tesseract on the inverted crop at 300 dpi and
    must be verified by eye.
"""
import hashlib
import json
import os
import re
import subprocess
import sys

import cv2
import fitz
import numpy as np

DPI = 150
S = DPI / 72.0


def render(page, dpi):
    pix = page.get_pixmap(dpi=dpi, colorspace=fitz.csRGB, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)


def classify(rgb_fill):
    """Kind of a fill from its median colour: chromatic first, then dark vs lighter grey."""
    r, g, b = [float(v) for v in rgb_fill]
    sat = max(r, g, b) - min(r, g, b)
    grey = (r + g + b) / 3
    if sat > 40:
        return "colour"
    return "black" if grey < 70 else "grey"


def ocr_label(page, bbox):
    """Reads the white print inside a box (inverted crop, tesseract single line)."""
    x0, y0, x1, y1 = bbox
    clip = fitz.Rect(x0 + 0.5, y0 + 0.5, x1 - 0.5, y1 - 0.5)
    if clip.width < 6 or clip.height < 5:
        return None
    pix = page.get_pixmap(dpi=300, clip=clip, colorspace=fitz.csGRAY, alpha=False)
    a = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width)
    if (a > 200).mean() < 0.002:  # no white print at all
        return None
    inv = 255 - a
    inv = cv2.copyMakeBorder(inv, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=int(np.median(inv)))
    path = f"/tmp/label/_ocr{os.getpid()}.png"
    cv2.imwrite(path, inv)
    out = subprocess.run(
        ["tesseract", path, "-", "--psm", "6", "-l", "eng"], capture_output=True, text=True
    ).stdout
    text = " ".join(out.split())
    return text or None


def normalise_grounds(label):
    """'5.1.2 e' -> '5.1.2e'; 'Dubbel' and other words carry no ground code."""
    if not label:
        return []
    codes = re.findall(r"\d(?:\.\d){1,2}\s?[a-i]?", label)
    return sorted({c.replace(" ", "") for c in codes})


def xy_cut(solid, x, y, depth=0):
    """Splits a blob of touching boxes at rows, then columns, that are mostly paper.

    Neighbouring boxes often touch through a comma or the anti-aliased edge of the next line, and
    one rectangle around them would be no box at all; cutting where a row or column is less than a
    quarter fill separates them and leaves a single box (whose white print never fills a whole
    row or column) alone.
    """
    h, w = solid.shape
    for axis in (0, 1):
        # axis 0: profile over rows; axis 1: over columns
        prof = solid.mean(1) if axis == 0 else solid.mean(0)
        on = prof >= 0.25
        if on.all() or not on.any():
            continue
        pieces = []
        start = None
        for i, v in enumerate(list(on) + [False]):
            if v and start is None:
                start = i
            elif not v and start is not None:
                pieces.append((start, i))
                start = None
        if len(pieces) == 1 and pieces[0] == (0, len(on)):
            continue
        out = []
        for a, b in pieces:
            sub = solid[a:b, :] if axis == 0 else solid[:, a:b]
            ys, xs = np.nonzero(sub)
            if len(ys) == 0:
                continue
            sub = sub[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
            ox = x + xs.min() + (a if axis == 1 else 0)
            oy = y + ys.min() + (a if axis == 0 else 0)
            if depth < 4:
                out += xy_cut(sub, ox, oy, depth + 1)
            else:
                out.append((ox, oy, sub.shape[1], sub.shape[0], float(sub.mean())))
        return out
    return [(x, y, w, h, float(solid.mean()))]


def row_runs(solid, x, y):
    """Rectangles of a blob whose boxes touch (a To: line above a From: line, boxes of other widths).

    Rows with the same runs of fill (ends within 2 px) form a band; each run of a band is a
    rectangle; a rectangle continuing straight into the next band is joined to it.
    """
    def runs(row):
        out, start = [], None
        for i, v in enumerate(list(row) + [0]):
            if v and start is None:
                start = i
            elif not v and start is not None:
                if i - start >= 3:
                    out.append((start, i))
                start = None
        return out

    def same(a, b):
        return len(a) == len(b) and all(abs(p[0] - q[0]) <= 2 and abs(p[1] - q[1]) <= 2 for p, q in zip(a, b))

    bands = []  # [row0, row1, runs]
    for r in range(solid.shape[0]):
        rr = runs(solid[r])
        if bands and same(bands[-1][2], rr):
            bands[-1][1] = r + 1
        else:
            bands.append([r, r + 1, rr])
    rects = []
    for r0, r1, rr in bands:
        if r1 - r0 < 4:
            continue  # anti-aliased edges between bands
        for a, b in rr:
            prev = next((q for q in rects if abs(q[0] - a) <= 2 and abs(q[2] - b) <= 2 and r0 - q[3] <= 4), None)
            if prev:
                prev[3] = r1
            else:
                rects.append([a, r0, b, r1])
    return [(x + a, y + r0, b - a, r1 - r0, 1.0) for a, r0, b, r1 in rects]


def components(mask, open_px, rgb, kind_hint):
    """Rectangles of one fill mask: open away thin strokes, fill the holes left by white print."""
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (open_px, open_px))
    opened = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN, k)
    contours, _ = cv2.findContours(opened, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    out = []
    for cnt in contours:
        bx, by, bw, bh = [int(v) for v in cv2.boundingRect(cnt)]
        if bw < 7 or bh < 7:
            continue
        solid = np.zeros((bh, bw), np.uint8)
        cv2.drawContours(solid, [cnt - [bx, by]], -1, 1, thickness=-1)
        pieces = xy_cut(solid, bx, by) if solid.mean() < 0.95 else [(bx, by, bw, bh, float(solid.mean()))]
        split = []
        for x, y, w, h, solidity in pieces:
            if solidity < 0.95:
                sub = solid[y - by : y - by + h, x - bx : x - bx + w]
                split += row_runs(sub, x, y)
            else:
                split.append((x, y, w, h, solidity))
        for x, y, w, h, solidity in split:
            if w < 7 or h < 7:
                continue
            if solidity < (0.8 if kind_hint == "chroma" else 0.6):
                continue  # text fragments, link underlines, ragged photo areas
            region = rgb[y : y + h, x : x + w][opened[y : y + h, x : x + w] > 0]
            if len(region) == 0:
                continue
            med = np.median(region, 0)
            spread = float(np.percentile(np.abs(region - med).max(1), 90))
            out.append(
                {
                    "bbox": [round(x / S, 1), round(y / S, 1), round((x + w) / S, 1), round((y + h) / S, 1)],
                    "kind": classify(med),
                    "fillRgb": [int(v) for v in med],
                    "spread": round(spread, 1),
                    "solidity": round(solidity, 2),
                    "flat": bool(solidity > 0.85),
                    "mask": kind_hint,
                }
            )
    return out


def propose_page(page):
    rgb = render(page, DPI).astype(np.int16)
    grey = rgb.mean(2)
    sat = rgb.max(2) - rgb.min(2)
    # Three masks, because one threshold cannot serve all fills: mid grey (text is never this
    # grey except at anti-aliased edges, so a small open suffices), dark (text is this dark, so a
    # bigger open), chromatic (highlights and coloured boxes; the human tells them apart).
    out = components((grey >= 60) & (grey < 215) & (sat < 25), 5, rgb, "grey")
    out += components((grey < 60) & (sat < 40), 7, rgb, "dark")
    out += components(sat >= 45, 3, rgb, "chroma")
    out.sort(key=lambda c: (c["bbox"][1], c["bbox"][0]))
    return out, rgb.astype(np.uint8)


def draw(rgb, cands, path):
    img = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR).copy()
    for i, c in enumerate(cands):
        x0, y0, x1, y1 = [int(round(v * S)) for v in c["bbox"]]
        col = (0, 0, 255) if c.get("flat", True) else (255, 0, 255)
        cv2.rectangle(img, (x0 - 2, y0 - 2), (x1 + 1, y1 + 1), col, 1)
        cv2.putText(img, str(i), (x1 + 3, y0 + 12), cv2.FONT_HERSHEY_SIMPLEX, 0.45, col, 1)
    cv2.imwrite(path, img)


def main():
    corpus, outdir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    entries = []
    for name in files:
        path = os.path.join(corpus, name)
        data = open(path, "rb").read()
        doc = fitz.open(stream=data, filetype="pdf")
        pages = []
        stem = name[:-4][:40]
        for pi, page in enumerate(doc):
            cands, rgb = propose_page(page)
            for c in cands:
                c["label"] = ocr_label(page, c["bbox"]) if c["flat"] else None
            draw(rgb, cands, os.path.join(outdir, f"{stem}-{pi}.prop.png"))
            r = page.rect
            pages.append(
                {
                    "index": pi,
                    "width": round(r.width, 2),
                    "height": round(r.height, 2),
                    "withheldInFull": False,
                    "candidates": cands,
                }
            )
        entries.append(
            {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "pages": pages}
        )
    json.dump(entries, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
