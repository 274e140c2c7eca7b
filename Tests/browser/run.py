#!/usr/bin/env python3
"""Browser tests of `frontline serve` in headless Chromium (Debian's, driven by Playwright).

Builds a fixture index (the shipped corpus and a hostile article), serves it on a free
loopback port, and uses the page as a person would: search, facets, chips, the date
histogram, compare, an article, the CSV export, keyboard focus, and XSS attempts that
must stay text. Then stops a server with SIGTERM while requests are in flight. Saves
screenshots to docs/. Prints "N passed, N failed" and exits non-zero on a failure.

Usage: python3 Tests/browser/run.py [--build debug|release] [--keep-screenshots]
"""
import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> **bold**'


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fixture(folder, frontline):
    corpus = os.path.join(folder, "corpus")
    os.makedirs(corpus)
    for name in os.listdir(os.path.join(ROOT, "Corpus")):
        if name.endswith((".txt", ".md")):  # the articles, not the gazetteer, lexicon and profiles
            with open(os.path.join(ROOT, "Corpus", name), "rb") as src, open(os.path.join(corpus, name), "wb") as dst:
                dst.write(src.read())
    with open(os.path.join(corpus, "hostile.md"), "w", encoding="utf-8") as f:
        f.write("---\n")
        f.write("title: " + json.dumps(HOSTILE) + "\n")
        f.write('source: "<b>Evil</b> Times"\n')
        f.write("url: javascript:alert(1)\n")
        f.write("date: 2020-10-05\n---\n")
        f.write("Armenia said the xylophone ceasefire failed. " + HOSTILE + " javascript:alert(1)\n\n")
        f.write("Armenia said 12 <img src=x onerror=alert(3)> soldiers were killed.\n")
    index = os.path.join(folder, "index")
    subprocess.run([frontline, "index", corpus, "--index", index, "--gazetteer", os.path.join(ROOT, "Corpus", "gazetteer.json"), "-q"],
                   check=True, stdout=subprocess.DEVNULL)
    return index


class Server:
    def __init__(self, frontline, index):
        self.port = free_port()
        self.process = subprocess.Popen([frontline, "serve", "--index", index, "--port", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        line = ""
        deadline = time.time() + 30
        while "serving" not in line and time.time() < deadline:
            line = self.process.stderr.readline()
        if "serving" not in line:
            raise RuntimeError("frontline serve did not start")
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()

    def api(self, path):
        with urllib.request.urlopen(self.base + path) as response:
            return json.load(response)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


class Results:
    def __init__(self):
        self.passed, self.failed = 0, 0

    def run(self, name, test):
        started = time.time()
        try:
            test()
            self.passed += 1
            print(f"ok   {name} ({time.time() - started:.1f} s)")
        except Exception:
            self.failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()


def page_tests(server, results, shots):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        def search():
            page.goto(server.base + "/")
            page.keyboard.press("/")
            assert page.evaluate("document.activeElement.id") == "q", "/ focuses the search box"
            page.fill("#q", "ceasefire")
            page.press("#q", "Enter")
            page.wait_for_load_state()
            assert "q=ceasefire" in page.url
            hits = page.locator(".hit").count()
            total = server.api("/api/search?q=ceasefire")["total"]
            assert hits == min(20, total), (hits, total)
            assert f"{total} passages match" in page.inner_text(".summary")
            page.screenshot(path=os.path.join(shots, "search.png"), full_page=False)

        def facet_and_chip():
            page.goto(server.base + "/?q=ceasefire")
            page.click('a.facet[data-facet="side"][data-value="azerbaijan"]')
            page.wait_for_load_state()
            assert "side=azerbaijan" in page.url, page.url
            assert page.locator(".chip.active").count() == 1
            query = urllib.parse.urlsplit(page.url).query
            total = server.api("/api/search?" + query)["total"]
            assert f"{total} passage" in page.inner_text(".summary"), (total, page.inner_text(".summary"))
            side = page.locator('a.facet[data-facet="side"][data-value="azerbaijan"] .count').inner_text()
            assert int(side) == total, (side, total)
            page.click(".chip.active")
            page.wait_for_load_state()
            assert "side=" not in page.url, page.url

        def date_bar():
            page.goto(server.base + "/?q=casualties")
            bars = page.locator(".histogram a.bar")
            assert bars.count() >= 2, bars.count()
            bars.first.click()
            page.wait_for_load_state()
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
            assert query.get("from") == query.get("to") and query.get("from"), page.url
            total = server.api("/api/search?" + urllib.parse.urlsplit(page.url).query)["total"]
            assert total > 0 and f"{total} passage" in page.inner_text(".summary")

        def compare():
            page.goto(server.base + "/?q=casualties")
            page.click("text=compare parties")
            page.wait_for_load_state()
            columns = page.locator(".column")
            groups = server.api("/api/compare?q=casualties")["groups"]
            assert columns.count() == len(groups) >= 3, (columns.count(), len(groups))
            page.screenshot(path=os.path.join(shots, "compare.png"), full_page=False)

        def figures():
            page.goto(server.base + "/?q=casualties")
            page.click("text=figures")
            page.wait_for_load_state()
            assert "/figures?q=casualties" in page.url, page.url
            rows = page.locator("table.figures tbody tr.figure")
            expected = server.api("/api/figures?q=casualties")["figures"]
            assert rows.count() == len(expected) > 0, (rows.count(), len(expected))
            page.goto(server.base + "/figures")
            page.click(".controls a:text-is(\"killed\")")
            page.wait_for_load_state()
            killed = server.api("/api/figures?category=killed")["figures"]
            assert page.locator("tr.figure").count() == len(killed) > 0
            assert page.locator('tr.figure:not([data-category="killed"])').count() == 0
            page.screenshot(path=os.path.join(shots, "figures.png"), full_page=False)
            page.click("text=disputed only")
            page.wait_for_load_state()
            disputed = server.api("/api/figures?category=killed&disputed=1")["disputed"]
            assert page.locator("li.dispute").count() == len(disputed) > 0, (page.locator("li.dispute").count(), len(disputed))
            assert "Azerbaijan losses, killed" in page.inner_text(".disputed")
            # A figure whose words hold markup shows it as text.
            page.goto(server.base + "/figures?q=xylophone+OR+soldiers")
            assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
            assert "<img src=x" in page.inner_text("table.figures"), page.inner_text("table.figures")[:300]

        def article():
            page.goto(server.base + "/?q=casualties+near+Talish")
            page.locator(".hit h2 a").first.click()
            page.wait_for_load_state()
            marked = page.locator(".passage.marked")
            assert marked.count() == 1
            assert marked.is_visible()
            assert page.evaluate("(() => { const r = document.querySelector('.passage.marked').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })()"), "the marked passage is scrolled to"

        def export():
            page.goto(server.base + "/?q=ceasefire")
            with page.expect_download() as download:
                page.click("text=CSV")
            path = download.value.path()
            with open(path, encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
            total = server.api("/api/search?q=ceasefire")["total"]
            assert rows[0][:3] == ["rank", "article", "passage"] and len(rows) == total + 1, (len(rows), total)

        def xss():
            page.goto(server.base + "/?q=xylophone")
            assert page.locator(".hit").count() == 1
            html = page.content()
            assert "<script>alert(1)</script>" not in html.split("<main>")[1], "article text became markup"
            assert page.locator("main script").count() == 0 and page.locator("main img").count() == 0
            assert HOSTILE.split(" ")[0] in page.inner_text(".hit h2"), page.inner_text(".hit h2")
            assert "**bold**" in page.inner_text(".hit h2")
            page.locator(".hit h2 a").first.click()
            page.wait_for_load_state()
            assert page.locator('a[href^="javascript"]').count() == 0, "a javascript: URL is a link"
            assert "javascript:alert(1)" in page.inner_text("article .meta")
            time.sleep(0.3)
            assert not dialogs, dialogs

        for name, test in [("search", search), ("facet and chip", facet_and_chip), ("date bar", date_bar), ("compare", compare),
                           ("figures", figures), ("article", article), ("export", export), ("xss", xss)]:
            results.run(name, test)
        results.run("no script errors", lambda: None if not errors else (_ for _ in ()).throw(AssertionError(errors)))
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(server.base + "/?q=ceasefire")
        page.screenshot(path=os.path.join(shots, "phone.png"), full_page=False)
        browser.close()


def graceful_stop(frontline, index, results):
    def test():
        server = Server(frontline, index)
        total = server.api("/api/stats")["passages"]
        answers = []

        def fetch():
            try:
                with urllib.request.urlopen(server.base + "/api/export?format=jsonl") as response:
                    answers.append((response.status, response.read().count(b"\n")))
            except Exception as error:
                answers.append((None, str(error)))

        threads = [threading.Thread(target=fetch) for _ in range(12)]
        for t in threads:
            t.start()
        time.sleep(0.05)
        status = server.stop()
        for t in threads:
            t.join(timeout=30)
        done = [a for a in answers if a[0] == 200]
        assert status == 0, f"exit status {status}"
        assert done, answers
        assert all(a[1] == total for a in done), answers
    results.run("graceful stop", test)


def main():
    build = "release" if "--build" in sys.argv and sys.argv[sys.argv.index("--build") + 1] == "release" else "debug"
    frontline = os.path.join(ROOT, ".build", build, "frontline")
    shots = os.path.join(ROOT, "docs") if "--keep-screenshots" in sys.argv else tempfile.mkdtemp()
    results = Results()
    with tempfile.TemporaryDirectory() as folder:
        index = fixture(folder, frontline)
        server = Server(frontline, index)
        try:
            page_tests(server, results, shots)
        finally:
            server.stop()
        graceful_stop(frontline, index, results)
    print(f"browser: {results.passed} passed, {results.failed} failed")
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
