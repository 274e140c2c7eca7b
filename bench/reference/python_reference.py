#!/usr/bin/python3
"""What a user would write instead of Frontline: the same minimal passage indexer
as xapian_reference.cpp, in Python with Debian's python3-xapian.

Usage: python_reference.py CORPUS.jsonl INDEX_DIR
"""
import json
import sys

import xapian


def main(corpus, index):
    db = xapian.WritableDatabase(index, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("english"))
    passages = 0
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text", "")
            for passage in text.split("\n"):
                if not passage:
                    continue
                doc = xapian.Document()
                doc.set_data(passage)
                generator.set_document(doc)
                generator.index_text(passage)
                db.add_document(doc)
                passages += 1
    db.commit()
    print(passages, "passages")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
