#!/usr/bin/env python3
"""Builds Tests/judged/fakes-dev.jsonl, the development set of real reports of another war.

Source: FA-KES, "A Fake News Dataset around the Syrian War" (Salem, Al Feel, Elbassuoni,
Jaber, Farah; ICWSM 2019), Zenodo record 2607278, licence CC BY 4.0; read from the copy in
the public repository FinlayDuff/Dissertation, data/raw/FA-KES.csv (give its path).

The set is a seeded sample of 48 articles (fewer if FA-KES repeats one) that mention a loss in their opening, stratified
by outlet; each keeps its lead (the first five sentences), two sentences to a paragraph, so that figures can be coded by hand. The text is as FA-KES
has it (its commas were stripped by the dataset's authors).

    python3 tools/make-fakes-dev.py FA-KES.csv > Tests/judged/fakes-dev.jsonl
"""
import csv, json, random, re, sys
from collections import defaultdict

LOSS = re.compile(r"\b(killed|died|dead|wounded|injured|casualties|death toll)\b")
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", errors="replace")))
by_source = defaultdict(list)
seen = set()  # FA-KES repeats a few rows
for row in rows:
    if LOSS.search(row["article_content"][:700]) and row["unit_id"] not in seen:
        seen.add(row["unit_id"])
        by_source[row["source"]].append(row)
rng = random.Random(23)
picked = []
for source in sorted(by_source):
    pool = by_source[source]
    rng.shuffle(pool)
    picked += pool[:4]
rng.shuffle(picked)
picked = sorted(picked[:48], key=lambda r: r["unit_id"])
for row in picked:
    text = re.sub(r"\s+", " ", row["article_content"]).strip()
    sentences = re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", text)[:5]
    paragraphs = [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
    month, day, year = row["date"].split("/")
    print(json.dumps({"id": "fakes-" + row["unit_id"], "title": row["article_title"].strip(),
                      "source": row["source"], "date": f"{year}-{int(month):02d}-{int(day):02d}",
                      "text": "\n\n".join(paragraphs)}, ensure_ascii=False))
