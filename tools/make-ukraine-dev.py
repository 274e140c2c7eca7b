#!/usr/bin/env python3
"""Builds Tests/judged/ukraine-dev.jsonl, a second development set of real text about another war.

Source: English Wikipedia's articles on the battles and strikes of the Russian invasion of
Ukraine (2022-2023), licence CC BY-SA 4.0, read from the copies in the public repository
front-lines-org/website (commit 769c697, src/content/blog/ukraine/*.md; give the folder).

From each article in name order, the first two paragraphs of body text (not a heading, image
or list) of 25 to 110 words that name a loss of people (killed, wounded, dead...) and a count
of people or of losses, with the Markdown emphasis removed (ids: "ukr-", the file's name without "battle_of_" or "2022_",
and the paragraph's number); 48 paragraphs at most (two articles,
Bucha and Irpin, share one paragraph nearly word for word: both are kept). Nothing else is changed.

    python3 tools/make-ukraine-dev.py FOLDER > Tests/judged/ukraine-dev.jsonl
"""
import json, os, re, sys

LOSS = re.compile(r"\b(killed|killing|died|dead|wounded|injured|casualties|death toll)\b")
COUNT = re.compile(r"\b(\d[\d,]*|a|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands) (\S+ ){0,3}(people|civilians|soldiers|troops|servicemen|children|killed|wounded|injured|dead|casualties)\b")
folder = sys.argv[1]
picked = 0
for name in sorted(os.listdir(folder)):
    if picked == 48 or not name.endswith(".md"):
        continue
    text = open(os.path.join(folder, name), encoding="utf-8").read()
    front, body = text.split("\n---\n", 1) if text.startswith("---\n") else ("", text)
    title = re.search(r"^subject: (.*)$", front, re.M)
    date = re.search(r"^pubDate: (\S+)", front, re.M)
    taken = 0
    for line in body.split("\n"):
        line = line.strip()
        if not line or line[0] in "#!|-*>" or line.startswith("<"):
            continue
        words = len(line.split())
        if 25 <= words <= 110 and LOSS.search(line) and COUNT.search(line) and picked < 48:
            plain = re.sub(r"\*{1,2}([^*]+)\*{1,2}", r"\1", line)
            taken += 1
            print(json.dumps({"id": "ukr-" + re.sub(r"^(battle_of_|2022_)", "", name[:-3]).replace("(", "").replace(")", "").replace("–", "-") + f"-{taken}",
                              "title": title.group(1) if title else name[:-3], "source": "Wikipedia",
                              "date": date.group(1) if date else None, "text": plain}, ensure_ascii=False))
            picked += 1
            if taken == 2:
                break
