"""The site's search index at scale: `lumpini site` on the generated catalogue trees of 800 and 10,000
datasets (`inputs.catalogue_tree`, copied so the catalogue case keeps its own), then the size of the
split index (`_site/search/`), the home page's weight, and what a search reads: the shards the home
page's script would fetch for a Thai and an English word, found the way `site.js` finds them (the query
folded, its trigrams' shards, the candidates' document shards).
"""

import json
import re
import shutil
import unicodedata
from pathlib import Path

import inputs
from cases import not_measured, page_weight, target
from measure import run

QUERIES = ["ฝุ่น", "parks", "บางบอน"]


def site_search(context, counts=(800, 10_000)):
    names = [f"home page weight at {count:,} datasets < 500 KB" for count in counts]
    case = {"case": "site-search", "title": "site search index at 800 and 10,000 datasets", "rows": max(counts), "checks": {}}
    missing = context.missing("site")
    if missing:
        case.update(lumpini={"skipped": missing}, targets=[not_measured(name, missing) for name in names])
        return [case]
    targets = []
    for count, name in zip(counts, names):
        tree = inputs.catalogue_tree(context.scratch, count)
        public = context.output(f"site-search-{count}") / "public"
        context.log(f"  site search, {count:,} datasets: copy the tree, index it, build the site")
        shutil.copytree(tree["root"], public, symlinks=True)
        built = run([context.binary, "catalog", "build", "--public", str(public)], timeout=max(context.timeout, 3600))
        site = run([context.binary, "site", "--public", str(public), "--tiles", "", "--json"], timeout=max(context.timeout, 3600))
        figures = {"catalogBuildExitCode": built.exit_code, "siteExitCode": site.exit_code, "siteSeconds": round(site.seconds, 2),
                   "siteCPUSeconds": round(site.cpu_seconds, 2), "sitePeakRSSMB": round(site.peak_rss_kb / 1024, 1)}
        if site.exit_code != 0:
            case["checks"][str(count)] = figures
            targets.append(target(name, False, f"lumpini site exited with {site.exit_code}: {site.stderr.strip()[-200:]}"))
            continue
        folder = public / "_site" / "search"
        sizes = {path.name: path.stat().st_size for path in folder.iterdir()}
        docs = {key: value for key, value in sizes.items() if key.startswith("docs-")}
        grams = {key: value for key, value in sizes.items() if key.startswith("grams-")}
        figures["index"] = {"files": len(sizes), "bytes": sum(sizes.values()), "docShards": len(docs), "largestDocShard": max(docs.values()),
                            "gramShards": len(grams), "largestGramShard": max(grams.values())}
        figures["homePage"] = page_weight(public / "index.html")
        figures["allDatasetsPageBytes"] = (public / "_site" / "datasets.html").stat().st_size
        figures["queries"] = {query: _search(folder, query) for query in QUERIES}
        case["checks"][str(count)] = figures
        reads = ", ".join(f"{query}: {value['results']} found, {value['bytesRead'] / 1000:.0f} KB in {value['filesRead']} files"
                          for query, value in figures["queries"].items())
        targets.append(target(name, figures["homePage"]["total"] < 500_000,
                              f"{figures['homePage']['total'] / 1000:.0f} KB; index {figures['index']['bytes'] / 1e6:.1f} MB in "
                              f"{len(sizes)} files (largest {max(sizes.values()) / 1000:.0f} KB); a search reads {reads}"))
    case["targets"] = targets
    return [case]


def _fold(text):
    """`site.js`'s fold: accents off, lower case, spaces collapsed (Thai kept as written)."""
    text = re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", text)).lower()
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _shard(gram, shards):
    value = 2166136261
    for letter in gram:
        value = ((value ^ ord(letter)) * 16777619) & 0xFFFFFFFF
    return value % shards


def _search(folder, query):
    """The files a search for `query` (one word) reads, and what it finds, as `site.js` does it."""
    word = _fold(query)
    docs = sorted(folder.glob("docs-*.json"), key=lambda path: int(path.stem.split("-")[1]))
    per_shard = len(json.loads(docs[0].read_text(encoding="utf-8"))) if docs else 1
    gram_shards = len(list(folder.glob("grams-*.json")))
    read = set()
    grams = [word[i:i + 3] for i in range(len(word) - 2)]
    candidates = None
    for gram in grams:
        path = folder / f"grams-{_shard(gram, gram_shards)}.json"
        read.add(path)
        at, numbers = 0, set()
        for delta in json.loads(path.read_text(encoding="utf-8")).get(gram, []):
            at += delta
            numbers.add(at)
        candidates = numbers if candidates is None else candidates & numbers
    shards = range(len(docs)) if candidates is None else sorted({number // per_shard for number in candidates})
    found = 0
    for shard in shards:
        read.add(docs[shard])
        for entry in json.loads(docs[shard].read_text(encoding="utf-8")):
            found += any(word in entry[field] for field in ("ft", "fk", "fd"))
    return {"results": found, "filesRead": len(read), "bytesRead": sum(path.stat().st_size for path in read),
            "candidates": None if candidates is None else len(candidates)}
