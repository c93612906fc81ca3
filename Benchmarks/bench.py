#!/usr/bin/env python3
"""`make bench`: Lumpini side by side with ogr2ogr, frictionless and DuckDB, on the same
generated inputs, in one run. Prints each target as met or missed with its figure, writes
`Benchmarks/results/<date>-<machine>.md` and `.json`, and never fails on a missed target.

    python3 Benchmarks/bench.py --binary .build/release/lumpini --venv .venv-bench [--quick] [--only publish,validate]
        [--serve-venv .venv-bench-serve]
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases  # noqa: E402
import database  # noqa: E402
import indicators  # noqa: E402
import report  # noqa: E402
import serve  # noqa: E402
import site_search  # noqa: E402

CASES = ["publish", "validate", "parcels", "parse", "release", "catalogue", "database", "site", "indicators", "serve"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/lumpini", help="the release build of lumpini")
    parser.add_argument("--venv", default=".venv-bench", help="the virtual environment with frictionless and duckdb")
    parser.add_argument("--serve-venv", default=".venv-bench-serve", help="the virtual environment with pygeoapi and gunicorn (serve case)")
    parser.add_argument("--scratch", default=os.environ.get("LUMPINI_BENCH_SCRATCH", str(report.REPOSITORY / "Benchmarks" / "scratch")),
                        help="where inputs and outputs are written (never the repository's tracked files)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the large point CSV")
    parser.add_argument("--small-rows", type=int, default=100_000, help="rows of the small point CSV (RSS flatness)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command (at least 3 for a recorded result)")
    parser.add_argument("--query-runs", type=int, default=40, help="timed runs per catalogue query (for the p95)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds after which one run is stopped and reported as timed out")
    parser.add_argument("--long-run", type=int, default=300, help="a command whose first run takes longer is not repeated")
    parser.add_argument("--quick", action="store_true", help="100,000 rows only, results written as <date>-<machine>-quick")
    parser.add_argument("--only", help=f"comma-separated cases: {','.join(CASES)}")
    arguments = parser.parse_args()

    selected = arguments.only.split(",") if arguments.only else CASES
    unknown = set(selected) - set(CASES)
    if unknown:
        parser.error(f"unknown case(s) {', '.join(sorted(unknown))}; choose from {', '.join(CASES)}")
    large = arguments.small_rows if arguments.quick else arguments.rows
    sizes = [large] if arguments.quick else [arguments.small_rows, arguments.rows]
    scratch = Path(arguments.scratch)
    scratch.mkdir(parents=True, exist_ok=True)

    def log(line):
        print(line, flush=True)

    context = cases.Context(arguments.binary, arguments.venv, scratch, arguments.runs, arguments.query_runs, arguments.timeout, arguments.long_run, log)
    started = time.time()
    load_start = _load()
    log(f"Benchmarks: {arguments.runs} runs per command, scratch {scratch}")
    results = []
    if "publish" in selected:
        results += cases.publish_points(context, sizes)
        results += cases.publish_points(context, sizes, officer=True)
    if "validate" in selected:
        results += cases.validate_points(context, large)
    if "parcels" in selected:
        results += cases.publish_parcels(context)
    if "parse" in selected:
        results += cases.parse_floor(context, large)
    if "release" in selected:
        results += cases.noop_release(context)
    if "catalogue" in selected:
        results += cases.catalogue_queries(context)
    if "database" in selected:
        results += database.database_load(context, large)
    if "site" in selected:
        results += cases.site_build(context)
        results += site_search.site_search(context)
    if "indicators" in selected:
        results += indicators.indicators_case(context, **({"parks": 1_000, "stations": 100} if arguments.quick else {}))
    if "serve" in selected:
        results += serve.serve_items(context, large, Path(arguments.serve_venv).resolve())

    result = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
        "startedAt": datetime.datetime.fromtimestamp(started, datetime.timezone.utc).isoformat(timespec="seconds"),
        "durationSeconds": round(time.time() - started, 1),
        "runs": arguments.runs,
        "quick": arguments.quick,
        "machine": report.machine(),
        "loadAverage": {"start": load_start, "end": _load()},
        "versions": report.versions(context.binary, context.venv),
        "cases": results,
    }
    result = report.anonymise(result, context.scratch)
    log("")
    log("Targets")
    for case in results:
        for target in case["targets"]:
            verdict = {True: "met   ", False: "MISSED", None: "n/a   "}[target["met"]]
            detail = target["figure"] if target["met"] is not None else target.get("reason", "")
            log(f"  {verdict} {target['target']}: {detail}")
    for case in results:
        for warning in case.get("warnings", []):
            log(f"  warning ({case['case']}): {warning}")
    path = report.write(result, arguments.quick, selected if arguments.only else None)
    log(f"\nWrote {path.relative_to(report.REPOSITORY)} and its .json ({result['durationSeconds']:.0f} s)")
    return 0


def _load():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
