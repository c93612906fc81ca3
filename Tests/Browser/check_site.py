#!/usr/bin/env python3
"""Checks a public site built by `lumpini site` in a real browser: Debian's chromium-headless-shell driven
by Playwright (pointed at the system browser: `playwright install` is never needed), the site served over
HTTP on 127.0.0.1, every request to another host blocked.

For every published dataset: the page loads without a page error or a refused script, the map draws every
feature of its preview (`data-drawn`), the table shows the CSV's first rows, every link and asset
resolves, every download hashes to the manifest's SHA-256, and with the tiles blocked the district
outlines draw under the data. An indicator by district is a choropleth of its districts with a legend in
its unit, a ranked table and the inputs it was derived from. The home page's split search finds a dataset
by a Thai word and by an English one, reading only the index's shards; a dataset whose title is markup
shows it as text and runs nothing; the statistics' charts draw. Prints one line per check and exits 1
when any failed."""

import argparse
import csv
import functools
import hashlib
import http.server
import io
import json
import os
import threading
import urllib.parse
from pathlib import Path

from playwright.sync_api import sync_playwright


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Checks:
    def __init__(self):
        self.results = []

    def check(self, name, ok, detail=""):
        self.results.append((name, bool(ok)))
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + str(detail) if detail and not ok else ''}", flush=True)
        return ok


def first_rows(path, limit):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(zip(range(limit + 1), csv.reader(handle)))
    return [row for _, row in rows][1:]


def check_indicator(page, origin, public, dataset, unit, checks):
    """An indicator's page: every district drawn and coloured, a legend in its unit, the districts ranked
    highest first with the ones without a value last (their note kept, CRLF and all), and its inputs."""
    page.goto(f"{origin}/{dataset}/index.html", wait_until="load")
    preview = json.loads((public / dataset / "map-preview.geojson").read_text(encoding="utf-8"))
    districts = len(preview["features"])
    map_element = page.locator("#map[data-drawn]")
    map_element.wait_for(state="attached", timeout=20000)
    checks.check(f"{dataset}: the choropleth draws every district", map_element.get_attribute("data-choropleth") == "choropleth"
                 and map_element.get_attribute("data-drawn") == str(districts) and districts == 50, map_element.get_attribute("data-drawn"))
    legend = page.locator(".legend").inner_text()
    checks.check(f"{dataset}: the legend gives the unit and says which districts have no data", unit in legend and "no data" in legend, legend)
    rows = page.eval_on_selector_all("#ranked tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    values = [float(row[2]) for row in rows if row[0] != "—"]
    empty = [row for row in rows if row[0] == "—"]
    with open(next((public / dataset / "latest").glob("*.csv")), encoding="utf-8-sig", newline="") as handle:
        published = list(csv.DictReader(handle))
    missing = [row for row in published if row["value"] == ""]
    checks.check(f"{dataset}: the ranked table lists every district, highest first", len(rows) == len(published) == districts
                 and values == sorted(values, reverse=True) and rows[:len(values)] == [r for r in rows if r[0] != "—"], rows[:3])
    checks.check(f"{dataset}: districts without a value come last, with their note as published",
                 len(empty) == len(missing) > 0 and rows[-len(empty):] == empty
                 and sorted(row[4] for row in empty) == sorted(row["note"] for row in missing) and any("\r\n" in row[4] for row in empty),
                 empty[:1])
    manifest = json.loads((public / dataset / "latest" / "manifest.json").read_text(encoding="utf-8"))
    links = page.eval_on_selector_all("#derived-from a", "links => links.map(a => a.getAttribute('href'))")
    expected = [f"../{entry['id']}/v{entry['version']}/{entry['file']}" for entry in manifest["derivedFrom"]]
    checks.check(f"{dataset}: the page lists the inputs with their versions and files", all(link in links for link in expected) and expected, links)
    page.locator("#map").scroll_into_view_if_needed()
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(box["x"] + box["width"] / 2 + 3, box["y"] + box["height"] / 2 + 3)
    tooltip = page.locator(".leaflet-tooltip")
    try:
        tooltip.first.wait_for(timeout=5000)
        text = tooltip.first.inner_text()
    except Exception as error:  # the check below reports it
        text = f"no tooltip: {error}"
    checks.check(f"{dataset}: a district's tooltip gives its name and value", unit in text or "no data" in text, text)


def check_page_basics(browser, origin, route, dataset, checks):
    """What every page owes people without a mouse, a wide screen or JavaScript: a skip link first in the
    tab order, a language switch that sticks, no sideways scrolling on a phone, content without scripts."""
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone.route("**/*", route)
    page = phone.new_page()
    page.goto(f"{origin}/{dataset}/index.html", wait_until="load")
    page.keyboard.press("Tab")
    checks.check("the first Tab reaches the skip link", page.evaluate("document.activeElement.classList.contains('skip')"))
    page.keyboard.press("Enter")
    checks.check("the skip link leads to the content", page.evaluate("location.hash") == "#content")
    wide = page.evaluate("document.documentElement.scrollWidth")
    checks.check("a dataset page fits a phone's width", wide <= 361, f"{wide} px wide")
    page.get_by_role("button", name="English").click()
    hidden = page.locator("h1 [lang=th]").is_hidden() and page.locator("h1 [lang=en]").is_visible()
    page.reload(wait_until="load")
    checks.check("the language switch shows English alone, and is remembered", hidden and page.locator("h1 [lang=th]").is_hidden())
    phone.close()
    plain = browser.new_context(java_script_enabled=False)
    plain.route("**/*", route)
    page = plain.new_page()
    page.goto(f"{origin}/{dataset}/index.html", wait_until="load")
    checks.check("without JavaScript a dataset page shows its rows and downloads",
                 page.locator("#first-rows tbody tr").count() > 0 and page.locator("#downloads a[data-sha256]").count() > 0)
    page.goto(f"{origin}/index.html", wait_until="load")
    checks.check("without JavaScript the home page lists datasets and its search form is there",
                 page.locator("ul.datasets li").count() > 0 and page.locator("form[role=search] input[type=search]").count() == 1)
    plain.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--public", required=True, type=Path)
    parser.add_argument("--browser", required=True)
    parser.add_argument("--search", required=True, help="a word the home page's search must find")
    parser.add_argument("--expect", required=True, help="the id of the dataset the search must find")
    parser.add_argument("--hostile", required=True, help="the id of a dataset whose title is markup")
    parser.add_argument("--search-en", required=True, help="an English word the search must find")
    parser.add_argument("--expect-en", required=True, help="the id of the dataset the English word must find")
    parser.add_argument("--indicator", required=True, help="the id of an indicator by district (a derived dataset)")
    parser.add_argument("--unit", required=True, help="the indicator's unit")
    parser.add_argument("--outlines", required=True, type=int, help="how many district outlines the maps draw")
    arguments = parser.parse_args()
    public = arguments.public.resolve()
    checks = Checks()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(public)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    ids = sorted(entry.name for entry in public.iterdir() if (entry / "latest" / "manifest.json").is_file())
    checks.check("the public tree has datasets", ids, str(public))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=arguments.browser, args=["--no-sandbox"] if os.geteuid() == 0 else [])
        context = browser.new_context()
        blocked = []

        def route(request_route):
            if request_route.request.url.startswith(origin + "/"):
                request_route.continue_()
            else:
                blocked.append(request_route.request.url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        problems, dialogs = [], []
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" and "net::ERR_FAILED" not in message.text else None)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("response", lambda response: problems.append(f"HTTP {response.status} {response.url}") if response.status >= 400 else None)
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        resolved = {}

        def links_resolve(name):
            urls = page.eval_on_selector_all("a[href], link[href], script[src], img[src]",
                                             "nodes => nodes.map(n => n.href || n.src)")
            bad = []
            for url in urls:
                target = url.split("#")[0]
                if not target.startswith(origin + "/"):
                    continue
                if target not in resolved:
                    resolved[target] = context.request.get(target).status
                if resolved[target] != 200:
                    bad.append(f"{target} ({resolved[target]})")
            checks.check(f"{name}: every link and asset resolves", not bad, ", ".join(bad[:5]))

        def visit(path, name):
            problems.clear()
            page.goto(f"{origin}/{path}", wait_until="load")
            return name

        for dataset in ids:
            name = visit(f"{dataset}/index.html", dataset)
            manifest = json.loads((public / dataset / "latest" / "manifest.json").read_text(encoding="utf-8"))
            files = {entry["path"]: entry for entry in manifest["files"]}
            if any(entry["format"] == "GeoJSON" for entry in manifest["files"]):
                preview = json.loads((public / dataset / "map-preview.geojson").read_text(encoding="utf-8"))
                map_element = page.locator("#map[data-drawn]")
                map_element.wait_for(state="attached", timeout=20000)
                drawn = int(map_element.get_attribute("data-drawn"))
                label = map_element.get_attribute("aria-label") or ""
                checks.check(f"{name}: the map draws every feature of its preview", drawn == len(preview["features"]) and drawn > 0,
                             f"drawn {drawn}, preview {len(preview['features'])}")
                checks.check(f"{name}: the map's label says it in Thai and English", f"{drawn} รายการ" in label and f"{drawn} features" in label, label)
                checks.check(f"{name}: the preview is at most 2 MB", (public / dataset / "map-preview.geojson").stat().st_size <= 2_000_000)
                outlines = page.locator("#map[data-outlines-drawn]")
                outlines.wait_for(state="attached", timeout=20000)
                checks.check(f"{name}: with the tiles blocked, the district outlines draw", outlines.get_attribute("data-outlines-drawn") == str(arguments.outlines),
                             outlines.get_attribute("data-outlines-drawn"))
            csv_file = next((entry for entry in manifest["files"] if entry["format"] == "CSV"), None)
            if csv_file:
                expected = first_rows(public / dataset / "latest" / csv_file["path"], 10)
                shown = page.eval_on_selector_all("#first-rows tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
                checks.check(f"{name}: the table shows the first rows", shown == expected and len(shown) > 0,
                             f"shown {shown[:1]}, expected {expected[:1]}")
            downloads = page.eval_on_selector_all("#downloads a[data-sha256]", "links => links.map(a => [a.href, a.dataset.sha256, a.textContent])")
            wrong = []
            for url, sha256, path in downloads:
                body = context.request.get(url).body()
                if hashlib.sha256(body).hexdigest() != sha256 or files.get(path, {}).get("sha256") != sha256:
                    wrong.append(path)
            checks.check(f"{name}: every download hashes to the manifest", downloads and not wrong and len(downloads) == len(files),
                         f"{len(downloads)} links for {len(files)} files; wrong: {wrong}")
            links_resolve(name)
            checks.check(f"{name}: no page error, no refused script", not problems, "; ".join(problems[:3]))

        check_indicator(page, origin, public, arguments.indicator, arguments.unit, checks)
        problems.clear()

        hostile = json.loads((public / arguments.hostile / "latest" / "manifest.json").read_text(encoding="utf-8"))["metadata"]["title"]["en"]
        visit(f"{arguments.hostile}/index.html", "hostile")
        page.wait_for_timeout(500)
        checks.check("a title made of markup shows as text", hostile in page.locator("h1").inner_text(), page.locator("h1").inner_text())
        checks.check("a title made of markup runs nothing", not dialogs and page.locator("img[src='x']").count() == 0, dialogs)

        for path in ["index.html", "_site/statistics.html", "_site/datasets.html", "_site/themes.html", "_site/agencies.html"]:
            visit(path, path)
            page.wait_for_load_state("networkidle")
            links_resolve(path)
            checks.check(f"{path}: no page error, no refused script", not problems, "; ".join(problems[:3]))
            if path == "_site/statistics.html":
                charts = page.locator("canvas[data-chart]")
                drawn = page.locator("canvas[data-chart][data-drawn]")
                checks.check("the statistics' charts draw", charts.count() > 0 and drawn.count() == charts.count(), f"{drawn.count()} of {charts.count()}")

        visit("index.html", "search")
        indicators = page.eval_on_selector_all("#indicators a", "links => links.map(a => a.getAttribute('href'))")
        checks.check("the home page links the indicators", f"{arguments.indicator}/index.html" in indicators, indicators)
        search = page.get_by_role("searchbox")
        for word, expected in ((arguments.search, arguments.expect), (arguments.search_en, arguments.expect_en)):
            requested.clear()
            search.fill(word)
            # Selectors, not page.wait_for_function: the page's CSP refuses evaluating strings.
            page.wait_for_selector("#search-status:has-text('datasets found')", timeout=10000)
            found = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.getAttribute('href'))")
            checks.check(f"searching for {word} finds {expected}", f"{expected}/index.html" in found, found)
            shards = [url.rsplit("/", 1)[-1] for url in requested if "/_site/search/" in url]
            checks.check(f"searching for {word} reads the index's shards", shards and all(name.startswith(("grams-", "docs-")) for name in shards), shards)
        search.fill("onerror")
        page.wait_for_selector("#search-results:has-text('onerror')", timeout=10000)
        checks.check("searching for the markup title shows it as text", hostile in page.locator("#search-results").inner_text() and not dialogs,
                     page.locator("#search-results").inner_text()[:200])

        check_page_basics(browser, origin, route, arguments.expect, checks)
        checks.check("no request left the test host but the blocked tiles",
                     all(urllib.parse.urlparse(url).hostname.endswith("openstreetmap.org") for url in blocked), blocked[:3])
        browser.close()
    server.shutdown()
    failed = [name for name, ok in checks.results if not ok]
    print(f"browser checks: {len(checks.results) - len(failed)} of {len(checks.results)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
