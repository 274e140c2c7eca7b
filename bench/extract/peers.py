#!/usr/bin/env python3
"""Runs a peer extractor on every .html page of a folder, writing OUT/<id>.txt, and prints
its pages per second (wall and CPU time, reading and writing the files included). Peers (PyPI, for comparison only): trafilatura (default and
favor_precision) and readability-lxml.

    peers.py PEER PAGES_DIR OUT_DIR
"""
import re
import sys
import time
from pathlib import Path


def trafilatura_extract(precision):
    import trafilatura

    def run(html):
        return trafilatura.extract(html, favor_precision=precision, include_comments=False) or ""
    return run


def readability_extract():
    from readability import Document
    import lxml.html

    def run(html):
        summary = Document(html).summary(html_partial=True)
        tree = lxml.html.fromstring(summary)
        blocks = []
        for element in tree.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td", "blockquote", "figcaption", "div"):
            if element.tag == "div" and any(child.tag in ("p", "div", "ul", "ol", "table") for child in element):
                continue
            text = re.sub(r"\s+", " ", element.text_content()).strip()
            if text:
                blocks.append(text)
        return "\n\n".join(blocks)
    return run


PEERS = {
    "trafilatura": lambda: trafilatura_extract(False),
    "trafilatura-precision": lambda: trafilatura_extract(True),
    "readability-lxml": readability_extract,
}


def main():
    peer, pages, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    extract = PEERS[peer]()
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(pages.glob("*.html")) + sorted(pages.glob("*.htm"))
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        html = path.read_text(encoding="utf-8", errors="replace")
        try:
            text = extract(html)
        except Exception as error:  # a peer failing on a page scores it empty
            print(f"{peer}: {path.name}: {error}", file=sys.stderr)
            text = ""
        (out / (path.stem + ".txt")).write_text(text, encoding="utf-8")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{peer}\t{len(files)}\t{elapsed:.2f}\t{len(files) / elapsed:.1f}\t{cpu:.2f}\t{len(files) / cpu:.1f}")


if __name__ == "__main__":
    main()
