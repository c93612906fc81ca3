"""The benchmark cases: Lumpini side by side with the tool a user would otherwise pick.

Each case returns plain data for the results file: the series measured (command, runs, median,
min, peak RSS, rows/s), the ratio of Lumpini's median to the reference's, what was checked about
the outputs, and its targets, each met, missed or not measured (with the reason).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import inputs
from measure import Series, run, side_by_side


class Context:
    """What every case needs: the tools, the scratch directory and how many runs."""

    def __init__(self, binary, venv, scratch, runs, query_runs, timeout, long_run, log):
        self.binary = str(Path(binary).resolve())
        self.timeout = timeout
        self.long_run = long_run
        self.venv = Path(venv).resolve()
        self.scratch = Path(scratch).resolve()
        self.runs = runs
        self.query_runs = query_runs
        self.log = log
        self._commands = {}

    def tool(self, name):
        return str(self.venv / "bin" / name)

    def missing(self, *command):
        """Why `lumpini <command…>` cannot be measured, or None when it exists in this build."""
        if not os.access(self.binary, os.X_OK):
            return f"{self.binary} is not built (make release)"
        key = " ".join(command)
        if key not in self._commands:
            # An unknown subcommand's --help prints the root's help (exit 0): look for its own usage line.
            probe = run([self.binary, *command, "--help"], timeout=60)
            known = probe.exit_code == 0 and f"USAGE: lumpini {key}" in probe.stdout
            self._commands[key] = None if known else f"`lumpini {key}` is not available yet in this build"
        return self._commands[key]

    def output(self, name):
        """A fresh output directory for a case."""
        directory = self.scratch / "out" / name
        if directory.exists():
            shutil.rmtree(directory)
        directory.mkdir(parents=True)
        return directory


def target(name, met, figure, reason=None):
    """A target's verdict: met (True), missed (False) or not measured (None, with the reason)."""
    return {"target": name, "met": met, "figure": figure, **({"reason": reason} if reason else {})}


def not_measured(name, reason):
    return target(name, None, "—", reason)


def warnings_for(checks, expectations):
    """A line for each check whose value is not what a correct run gives: a fast wrong answer is no result."""
    lines = []
    for key, expected in expectations.items():
        if key in checks and checks[key] != expected:
            lines.append(f"{key} is {checks[key]!r}, expected {expected!r}")
    return lines


def _comparable(lumpini, reference):
    return bool(lumpini and reference and lumpini.runs and reference.runs and not lumpini.failed and not reference.failed)


def _ratio(lumpini, reference):
    """Lumpini's median wall time over the reference's (below 1: Lumpini is faster)."""
    return lumpini.median / reference.median if _comparable(lumpini, reference) else None


def _cpu_ratio(lumpini, reference):
    """The same for CPU time (user + system): steadier than wall time when other work shares the cores."""
    if _comparable(lumpini, reference) and reference.median_cpu:
        return lumpini.median_cpu / reference.median_cpu
    return None


def _series_summary(series, rows=None):
    summary = series.summary(rows)
    if series.failure:
        summary["failure"] = series.failure
    return summary


def comparison(case, title, rows, lumpini, reference, missing, checks, warnings, targets):
    """A case's results: Lumpini's series (or why it was not run) beside the reference's, their ratios,
    the checks on the outputs and the targets."""
    return {
        "case": case,
        "title": title,
        "rows": rows,
        "lumpini": _series_summary(lumpini, rows) if lumpini else {"skipped": missing},
        "reference": _series_summary(reference, rows),
        "ratio": _ratio(lumpini, reference),
        "cpuRatio": _cpu_ratio(lumpini, reference),
        "checks": checks,
        "warnings": warnings,
        "targets": targets,
    }


def _time_target(name, lumpini, reference, limit, missing, what):
    """The verdict of "Lumpini's median ≤ limit × the reference's"."""
    if missing:
        return not_measured(name, missing)
    if lumpini.failure:
        return target(name, False, f"{what} failed: {lumpini.failure}")
    if reference.failure:
        return not_measured(name, f"the reference failed: {reference.failure}")
    ratio = _ratio(lumpini, reference)
    cpu = _cpu_ratio(lumpini, reference)
    return target(name, ratio <= limit, f"{ratio:.2f} × ({lumpini.median:.2f} s vs {reference.median:.2f} s; CPU time {cpu:.2f} ×)")


def _remove(*paths):
    for path in paths:
        path = Path(path)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


def _ogr2ogr_points(csv_path, output):
    return ["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", str(output), str(csv_path),
            "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:4326"]


def _geojson_features(path):
    """Features in a GeoJSON file written one feature per line (as GDAL and Lumpini write it)."""
    count = 0
    with open(path, "rb") as handle:
        for line in handle:
            if b'"type": "Feature"' in line or b'"type":"Feature"' in line:
                count += 1
    return count


def _manifest(public_root, dataset_id):
    path = Path(public_root) / dataset_id / "latest" / "manifest.json"
    return json.loads(path.read_text()) if path.exists() else None


def _invalid_geometries(path):
    """(invalid, total) geometries of a vector file, by GEOS through GDAL's SQLite dialect."""
    layer = subprocess.run(["ogrinfo", "-q", "-ro", str(path)], capture_output=True, text=True).stdout
    name = next((line.split(":", 1)[1].split("(")[0].strip() for line in layer.splitlines() if ":" in line), None)
    if name is None:
        return None, None
    result = subprocess.run(
        ["ogrinfo", "-q", "-ro", str(path), "-dialect", "SQLite", "-sql",
         f'SELECT SUM(CASE WHEN ST_IsValid(geometry) THEN 0 ELSE 1 END) AS invalid, COUNT(*) AS total FROM "{name}"'],
        capture_output=True, text=True)
    values = {}
    for line in result.stdout.splitlines():
        if "=" in line and "(" in line:
            key = line.split("(")[0].strip()
            values[key] = int(line.split("=", 1)[1].strip() or 0)
    return values.get("invalid"), values.get("total")


# ---------------------------------------------------------------------------------------------

def publish_points(context, rows_list, officer=False):
    """Full `lumpini publish` of the point readings vs `ogr2ogr` CSV → RFC 7946 GeoJSON, at each size:
    with the minimal recipe, or (`officer`) the messy file with the recipe a data officer writes."""
    cases = []
    peaks = {}
    missing = context.missing("publish")
    kind = "publish-officer" if officer else "publish-points"
    for rows in rows_list:
        workspace = inputs.points_workspace(context.scratch, rows, officer=officer)
        out = context.output(f"{kind}-{rows}")
        public = out / "public"
        reference_file = out / "ogr2ogr.geojson"
        reference = Series("ogr2ogr → GeoJSON", _ogr2ogr_points(workspace["csv"], reference_file))
        lumpini = None if missing else Series("lumpini publish", [context.binary, "publish", workspace["id"], "--root", str(workspace["root"]), "--public", str(public)])
        context.log(f"  publish, {rows:,} points")
        outputs = {reference.label: [reference_file], "lumpini publish": [public, workspace["root"] / ".lumpini"]}
        side_by_side([s for s in (lumpini, reference) if s], context.runs, timeout=context.timeout, long_run=context.long_run, log=context.log,
                     prepare=lambda series: _remove(*outputs[series.label]))
        checks = {"ogr2ogrFeatures": _geojson_features(reference_file) if reference_file.exists() else None,
                  "ogr2ogrGeoJSONBytes": reference_file.stat().st_size if reference_file.exists() else None}
        expected = {"ogr2ogrFeatures": rows}
        incomplete = None
        if lumpini:
            manifest = _manifest(public, workspace["id"]) or {}
            counts = manifest.get("counts") or {}
            checks["lumpiniRowsPublished"] = counts.get("rowsPublished")
            checks["lumpiniFeatures"] = counts.get("features")
            checks["lumpiniFiles"] = {f["path"]: f["size"] for f in manifest.get("files", [])}
            if officer:
                # The officer's file repeats about 1 % of its rows and puts a few at (0, 0): set aside.
                checks["lumpiniRowsQuarantined"] = counts.get("rowsQuarantined")
                checks["lumpiniRowsIn"] = counts.get("rowsIn")
                expected.update(lumpiniRowsIn=rows)
            else:
                expected.update(lumpiniRowsPublished=rows, lumpiniFeatures=rows)
            if not lumpini.failed and officer and counts.get("features") != counts.get("rowsPublished"):
                incomplete = f"publish wrote {counts.get('features')} features for {counts.get('rowsPublished')} rows published"
            elif not lumpini.failed and not officer and counts.get("features") != rows:
                incomplete = (f"publish wrote {counts.get('features')} features of {rows:,} rows (no GeoJSON): "
                              "not the full pipeline yet, so its time is not comparable with ogr2ogr's")
            if not lumpini.failed:
                peaks[rows] = lumpini.peak_rss_mb
        recipe = "officer's recipe" if officer else "minimal recipe"
        name = f"full publish ({recipe}) ≤ 0.5 × ogr2ogr's time"
        targets = [not_measured(name, incomplete) if incomplete else _time_target(name, lumpini, reference, 0.5, missing, "lumpini publish")]
        if rows == max(rows_list):
            if rows in peaks:
                targets.append(target(f"publish ({recipe}) peak RSS < 150 MB", peaks[rows] < 150, f"{peaks[rows]:.1f} MB at {rows:,} rows"))
            else:
                targets.append(not_measured(f"publish ({recipe}) peak RSS < 150 MB", missing or f"lumpini publish failed: {lumpini.failure}"))
            flat = f"publish ({recipe}) peak RSS flat (within 10%) from 100k to 1M rows"
            if len(peaks) >= 2:
                low, high = peaks[min(peaks)], peaks[max(peaks)]
                growth = high / low - 1
                targets.append(target(flat, growth <= 0.10, f"{low:.1f} MB → {high:.1f} MB ({growth:+.0%})"))
            else:
                targets.append(not_measured(flat, missing or "needs two sizes measured (run without --quick)"))
        cases.append(comparison(f"{kind}-{rows}", f"CSV points → RFC 7946 GeoJSON (+ CSV, checksums), {rows:,} rows, {recipe}", rows,
                                lumpini, reference, missing, checks,
                                warnings_for(checks, expected) + ([incomplete] if incomplete else []), targets))
    return cases


def validate_points(context, rows):
    """`lumpini validate` vs `frictionless validate`, the CSV against its Table Schema."""
    workspace = inputs.points_workspace(context.scratch, rows)
    # --trusted: frictionless refuses absolute paths ("not safe") without it.
    # Exit 1 is a validator's "invalid": a result; whether both found the data valid is checked below.
    reference = Series("frictionless validate", [context.tool("frictionless"), "validate", str(workspace["csv"]),
                                                  "--schema", str(workspace["schema"]), "--json", "--trusted"], ok_codes=(0, 1))
    missing = context.missing("validate")
    lumpini = None if missing else Series("lumpini validate", [context.binary, "validate", str(workspace["csv"]),
                                                                "--schema", str(workspace["schema"]), "--json"], ok_codes=(0, 1))
    context.log(f"  validate, {rows:,} rows")
    side_by_side([s for s in (lumpini, reference) if s], context.runs, timeout=context.timeout, long_run=context.long_run, log=context.log)
    checks = {"frictionlessValid": _frictionless_verdict(reference),
              "frictionlessRows": _rows_checked(reference.runs[-1].stdout) if reference.runs else None}
    if lumpini and lumpini.runs:
        checks["lumpiniExitCodes"] = lumpini.exit_codes
        checks["lumpiniValid"] = _json_value(lumpini.runs[-1].stdout, "valid")
        checks["lumpiniRows"] = _rows_checked(lumpini.runs[-1].stdout)
    ratio = _ratio(lumpini, reference)
    name = "validation ≥ 15 × frictionless's rows/s"
    if missing:
        verdict = not_measured(name, missing)
    elif lumpini.failure:
        verdict = target(name, False, f"lumpini validate failed: {lumpini.failure}")
    elif reference.failure:
        verdict = not_measured(name, f"frictionless failed: {reference.failure}")
    else:
        cpu = _cpu_ratio(lumpini, reference)
        verdict = target(name, 1 / ratio >= 15, f"{1 / ratio:.2f} × ({rows / lumpini.median:,.0f} vs {rows / reference.median:,.0f} rows/s;"
                                                 f" CPU time {1 / cpu:.2f} ×)")
    return [{
        "case": f"validate-points-{rows}",
        "title": f"validate {rows:,} rows against the Table Schema",
        "rows": rows,
        "lumpini": _series_summary(lumpini, rows) if lumpini else {"skipped": missing},
        "reference": _series_summary(reference, rows),
        "ratio": ratio,
        "cpuRatio": _cpu_ratio(lumpini, reference),
        "checks": checks,
        "warnings": warnings_for(checks, {"frictionlessValid": True, "lumpiniValid": True, "lumpiniExitCodes": [0],
                                          "frictionlessRows": rows, "lumpiniRows": rows}),
        "targets": [verdict],
    }]


def _rows_checked(text):
    """The rows a validator says it checked: `tasks[0].stats.rows` of a Frictionless-shaped report."""
    try:
        return json.loads(text)["tasks"][0]["stats"]["rows"]
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _frictionless_verdict(series):
    if not series.runs:
        return None
    return _json_value(series.runs[-1].stdout, "valid")


def _json_value(text, key):
    """`key` of the JSON object a command printed; None when it printed none (the output tail is
    kept, so a long report may be cut: then the exit code is the verdict)."""
    try:
        return json.loads(text).get(key)
    except (ValueError, AttributeError):
        return None


def publish_parcels(context):
    """`lumpini publish` of the parcels (make valid, reproject, GeoJSON) vs `ogr2ogr -t_srs EPSG:4326 -makevalid`."""
    workspace = inputs.parcels_workspace(context.scratch)
    out = context.output("publish-parcels")
    public = out / "public"
    reference_file = out / "ogr2ogr.geojson"
    reference = Series("ogr2ogr -makevalid", ["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", "-t_srs", "EPSG:4326", "-makevalid",
                                              str(reference_file), str(workspace["gpkg"]), "parcels"])
    missing = context.missing("publish")
    lumpini = None if missing else Series("lumpini publish", [context.binary, "publish", workspace["id"], "--root", str(workspace["root"]), "--public", str(public)])
    rows = workspace["count"]
    context.log(f"  publish, {rows:,} parcels ({workspace['invalid']:,} bow-ties)")
    outputs = {reference.label: [reference_file], "lumpini publish": [public, workspace["root"] / ".lumpini"]}
    side_by_side([s for s in (lumpini, reference) if s], context.runs, timeout=context.timeout, long_run=context.long_run, log=context.log,
                 prepare=lambda series: _remove(*outputs[series.label]))
    checks = {"inputInvalid": workspace["invalid"]}
    invalid, total = _invalid_geometries(reference_file) if reference_file.exists() else (None, None)
    checks["ogr2ogrInvalid"], checks["ogr2ogrFeatures"] = invalid, total
    targets = [_time_target("polygons ≤ 1.0 × ogr2ogr's time", lumpini, reference, 1.0, missing, "lumpini publish")]
    if missing:
        targets.append(not_measured("every published geometry valid", missing))
    else:
        manifest = _manifest(public, workspace["id"])
        geojson = public / workspace["id"] / "latest" / f"{workspace['id']}.geojson"
        lumpini_invalid, lumpini_total = _invalid_geometries(geojson) if geojson.exists() else (None, None)
        checks["lumpiniInvalid"], checks["lumpiniFeatures"] = lumpini_invalid, lumpini_total
        checks["lumpiniCounts"] = manifest.get("counts") if manifest else None
        if lumpini_invalid is None:
            targets.append(target("every published geometry valid", False, "no GeoJSON published"))
        else:
            targets.append(target("every published geometry valid", lumpini_invalid == 0,
                                  f"{lumpini_invalid} invalid of {lumpini_total:,} (ogr2ogr -makevalid: {invalid} invalid of {total:,})"))
    expected = {"ogr2ogrFeatures": rows}
    counts = checks.get("lumpiniCounts") or {}
    if counts:
        checks["lumpiniRowsAccountedFor"] = (counts.get("rowsPublished") or 0) + (counts.get("rowsQuarantined") or 0)
        expected["lumpiniRowsAccountedFor"] = rows
    return [comparison("publish-parcels", f"{rows:,} parcels EPSG:32647 → make valid, EPSG:4326, GeoJSON", rows,
                       lumpini, reference, missing, checks, warnings_for(checks, expected), targets)]


DUCKDB_COUNT = "import duckdb, sys; con = duckdb.connect(); con.execute(f'SET threads = {int(sys.argv[2])}') if sys.argv[2] != '0' else None; print(con.execute('SELECT count(*) FROM read_csv(?)', [sys.argv[1]]).fetchone()[0])"


def parse_floor(context, rows):
    """Lumpini reading the CSV and counting its records vs DuckDB's `read_csv` count.

    `lumpini inspect --count` reads every record through the ingest reader (as the pipeline does)
    and counts them, profiling nothing."""
    workspace = inputs.points_workspace(context.scratch, rows)
    csv_path = str(workspace["csv"])
    reference = Series("DuckDB read_csv count", [context.tool("python"), "-c", DUCKDB_COUNT, csv_path, "0"])
    single = Series("DuckDB, 1 thread", [context.tool("python"), "-c", DUCKDB_COUNT, csv_path, "1"])
    missing = context.missing("inspect")
    lumpini = None if missing else Series("lumpini inspect --count --json", [context.binary, "inspect", csv_path, "--count", "--json"])
    context.log(f"  parse floor, {rows:,} rows")
    side_by_side([s for s in (lumpini, reference, single) if s], context.runs, timeout=context.timeout, long_run=context.long_run, log=context.log)
    checks = {"duckdbCount": _int(reference.runs[-1].stdout) if reference.runs else None}
    if lumpini and lumpini.runs:
        try:
            checks["lumpiniCount"] = json.loads(lumpini.runs[-1].stdout)["layers"][0]["featureCount"]
        except (ValueError, KeyError, IndexError):
            checks["lumpiniCount"] = None
    verdict = _time_target("read-and-count within 3 × DuckDB's time", lumpini, reference, 3, missing, "lumpini inspect")
    return [{
        "case": f"parse-floor-{rows}",
        "title": f"read and count {rows:,} CSV records",
        "rows": rows,
        "lumpini": _series_summary(lumpini, rows) if lumpini else {"skipped": missing},
        "reference": _series_summary(reference, rows),
        "references": {"duckdbOneThread": _series_summary(single, rows)},
        "ratio": _ratio(lumpini, reference),
        "cpuRatio": _cpu_ratio(lumpini, reference),
        "ratioOneThread": _ratio(lumpini, single),
        "checks": checks,
        "warnings": warnings_for(checks, {"duckdbCount": rows, "lumpiniCount": rows}),
        "targets": [verdict],
    }]


def _int(text):
    try:
        return int(text.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def noop_release(context, count=800):
    """`lumpini release` of `count` datasets that have not changed since the last release."""
    workspace = inputs.packages_workspace(context.scratch, count)
    name = f"no-op release of {count} datasets < 2 s"
    case = {"case": f"noop-release-{count}", "title": f"no-op release of {count} unchanged datasets", "rows": count, "checks": {}}
    missing = context.missing("release")
    if missing:
        case.update(lumpini={"skipped": missing}, targets=[not_measured(name, missing)])
        return [case]
    public = context.output(f"release-{count}") / "public"
    command = [context.binary, "release", "--root", str(workspace["root"]), "--public", str(public), "--json"]
    context.log(f"  release, {count} datasets: first (full) release")
    first = run(command, timeout=max(context.timeout, 3600))
    context.log(f"    first release: {first.seconds:.2f} s, {first.peak_rss_kb / 1024:.1f} MB, exit {first.exit_code}")
    case["checks"]["firstRelease"] = {"seconds": round(first.seconds, 3), "peakRSSMB": round(first.peak_rss_kb / 1024, 1),
                                      "exitCode": first.exit_code, "published": _count(first.stdout, "published")}
    series = Series("lumpini release (no-op)", command)
    side_by_side([series], context.runs, timeout=context.timeout, long_run=context.long_run, log=context.log)
    case["lumpini"] = _series_summary(series, count)
    case["checks"]["unchangedReported"] = _count(series.runs[-1].stdout, "unchanged") if series.runs else None
    case["checks"]["publishedInNoOp"] = _count(series.runs[-1].stdout, "published") if series.runs else None
    case["warnings"] = warnings_for(case["checks"], {"unchangedReported": count, "publishedInNoOp": 0})
    if first.exit_code != 0:
        case["warnings"].append(f"the first release exited with {first.exit_code}: {first.stderr.strip()[-300:]}")
    if series.failure or first.exit_code != 0:
        case["targets"] = [target(name, False, f"lumpini release failed: {series.failure or f'the first release exited with {first.exit_code}'}")]
    else:
        case["targets"] = [target(name, series.median < 2, f"{series.median:.3f} s median ({series.minimum:.3f} s min)")]
    return [case]


def _count(text, key):
    try:
        return len(json.loads(text)[key])
    except (ValueError, KeyError, TypeError):
        return None


def catalogue_queries(context, count=10_000):
    """`lumpini catalog list/search/show` on a public tree of `count` datasets: p95 of many runs."""
    tree = inputs.catalogue_tree(context.scratch, count)
    name = "catalogue p95 < 50 ms"
    case = {"case": f"catalogue-{count}", "title": f"catalogue queries on {count:,} datasets", "rows": count, "checks": {}, "queries": {}}
    missing = context.missing("catalog", "list")
    if missing:
        case.update(lumpini={"skipped": missing}, targets=[not_measured(name, missing)])
        return [case]
    index = context.output(f"catalogue-{count}") / "catalog.sqlite"
    where = ["--public", str(tree["root"]), "--catalog", str(index)]
    context.log(f"  catalogue, {count:,} datasets: build the index")
    build = run([context.binary, "catalog", "build", *where], timeout=max(context.timeout, 3600))
    context.log(f"    catalog build: {build.seconds:.2f} s, {build.peak_rss_kb / 1024:.1f} MB, exit {build.exit_code}")
    case["checks"]["build"] = {"seconds": round(build.seconds, 3), "peakRSSMB": round(build.peak_rss_kb / 1024, 1), "exitCode": build.exit_code}
    if build.exit_code != 0:
        case["targets"] = [target(name, False, f"catalog build failed: {build.stderr.strip()[-200:]}")]
        return [case]
    queries = {
        "list": [context.binary, "catalog", "list", *where],
        "list --json": [context.binary, "catalog", "list", "--json", *where],
        "list --csv": [context.binary, "catalog", "list", "--csv", *where],
        "list --stale": [context.binary, "catalog", "list", "--stale", *where],
        f"search {tree['search']}": [context.binary, "catalog", "search", tree["search"], *where],
        f"search {tree['search_th']}": [context.binary, "catalog", "search", tree["search_th"], *where],
        "show": [context.binary, "catalog", "show", tree["ids"][len(tree["ids"]) // 2], *where],
        "stats": [context.binary, "catalog", "stats", *where],
    }
    listed = subprocess.run(queries["list --json"], capture_output=True, text=True)
    try:
        case["checks"]["listedDatasets"] = len(json.loads(listed.stdout))
    except ValueError:
        case["checks"]["listedDatasets"] = None
    series_list = [Series(label, argv) for label, argv in queries.items()]
    # Floors: what any query pays before it starts: the start-up of lumpini alone (a query for an index that
    # does not exist: arguments parsed, exit 2), and of lumpini-engine with GDAL (`--version` goes to the
    # engine); and the same index read by the sqlite3 shell.
    no_index = index.parent / "no-index.sqlite"
    floors = [Series("lumpini catalog, no index (start-up)", [context.binary, "catalog", "path", "none", "--catalog", str(no_index)], ok_codes=(2,)),
              Series("lumpini --version (engine start-up)", [context.binary, "--version"]),
              Series("sqlite3 count (index floor)", ["sqlite3", str(index), "SELECT count(*) FROM sqlite_master"])]
    context.log(f"  catalogue queries, {context.query_runs} runs each")
    side_by_side(series_list + floors, context.query_runs, timeout=context.timeout, log=lambda line: None)
    case["floors"] = {}
    for series in floors:
        summary = _series_summary(series)
        summary["p95Seconds"] = round(series.percentile(0.95), 4) if series.runs else None
        case["floors"][series.label] = summary
        context.log(f"    {series.label:<28} p95 {series.percentile(0.95) * 1000:7.1f} ms  median {series.median * 1000:7.1f} ms  peak {series.peak_rss_mb:.1f} MB")
    targets = []
    for series in series_list:
        summary = _series_summary(series)
        summary["p95Seconds"] = round(series.percentile(0.95), 4) if series.runs else None
        case["queries"][series.label] = summary
        if series.failure:
            targets.append(target(f"catalog {series.label}: p95 < 50 ms", False, f"query failed: {series.failure}"))
        else:
            p95 = series.percentile(0.95)
            context.log(f"    {series.label:<28} p95 {p95 * 1000:7.1f} ms  median {series.median * 1000:7.1f} ms  peak {series.peak_rss_mb:.1f} MB")
            targets.append(target(f"catalog {series.label}: p95 < 50 ms", p95 < 0.050, f"{p95 * 1000:.1f} ms p95 ({series.median * 1000:.1f} ms median, {len(series.runs)} runs)"))
    # Exports of the whole catalogue (no target in the issue; measured so that a regression shows).
    exports = [Series(f"export --format {name}", [context.binary, "catalog", "export", "--format", name, *where])
               for name in ("dcat-ap", "dcat-ap-turtle", "data-json", "ckan", "gd-catalog")]
    context.log(f"  catalogue exports, {context.runs} runs each")
    side_by_side(exports, context.runs, timeout=context.timeout, log=lambda line: None)
    case["exports"] = {}
    for series in exports:
        summary = _series_summary(series)
        summary["p95Seconds"] = round(series.percentile(0.95), 4) if series.runs else None
        case["exports"][series.label] = summary
        context.log(f"    {series.label:<28} median {series.median:7.2f} s  peak {series.peak_rss_mb:.1f} MB"
                    + (f"  FAILED: {series.failure}" if series.failure else ""))
    case["warnings"] = warnings_for(case["checks"], {"listedDatasets": count})
    case["warnings"] += [f"{series.label} failed: {series.failure}" for series in exports if series.failure]
    case["targets"] = targets
    return [case]


def site_build(context, count=800):
    """`lumpini site` on the release tree of `count` datasets: a full build, the rebuild after one dataset
    changed, and the weight of a dataset page (HTML, JavaScript and CSS, without the data)."""
    workspace = inputs.packages_workspace(context.scratch, count)
    names = [f"site full build of {count} datasets < 10 s", "site rebuild after one dataset changed < 1 s", "dataset page weight < 500 KB"]
    case = {"case": f"site-{count}", "title": f"public site of {count} datasets", "rows": count, "checks": {}}
    missing = context.missing("site")
    if missing:
        case.update(lumpini={"skipped": missing}, targets=[not_measured(name, missing) for name in names])
        return [case]
    public = context.output(f"site-{count}") / "public"
    where = ["--root", str(workspace["root"]), "--public", str(public)]
    context.log(f"  site, {count} datasets: first release (without the site)")
    first = run([context.binary, "release", *where, "--json", "--no-site"], timeout=max(context.timeout, 3600))
    case["checks"]["release"] = {"seconds": round(first.seconds, 3), "exitCode": first.exit_code}
    if first.exit_code != 0:
        case["targets"] = [target(name, False, f"the release exited with {first.exit_code}: {first.stderr.strip()[-200:]}") for name in names]
        return [case]
    changed = workspace["ids"][0]

    def forget_site(series):
        shutil.rmtree(public / "_site", ignore_errors=True)
        (public / ".lumpini" / "site-state.json").unlink(missing_ok=True)
        (public / "index.html").unlink(missing_ok=True)
        for dataset_id in workspace["ids"]:
            (public / dataset_id / "index.html").unlink(missing_ok=True)
            (public / dataset_id / "map-preview.geojson").unlink(missing_ok=True)

    def change_one(series):
        run([context.binary, "release", changed, "--force", "--no-site", *where], timeout=context.timeout)

    site = [context.binary, "site", "--public", str(public), "--root", str(workspace["root"]), "--json"]
    full, incremental = Series("lumpini site (full build)", site), Series("lumpini site (one dataset changed)", site)
    side_by_side([full], context.runs, prepare=forget_site, timeout=context.timeout, log=context.log)
    run(site, timeout=context.timeout)
    side_by_side([incremental], context.runs, prepare=change_one, timeout=context.timeout, log=context.log)
    case["lumpini"] = _series_summary(full, count)
    case["incremental"] = _series_summary(incremental)
    try:
        case["checks"]["datasetsInFullBuild"] = json.loads(full.runs[-1].stdout)["datasets"]
        case["checks"]["rebuiltAfterOneChange"] = json.loads(incremental.runs[-1].stdout)["datasetsRebuilt"]
    except (ValueError, KeyError, IndexError):
        case["checks"]["datasetsInFullBuild"] = None
    weight = page_weight(public / changed / "index.html")
    case["checks"]["datasetPageBytes"] = weight
    case["warnings"] = warnings_for(case["checks"], {"datasetsInFullBuild": count, "rebuiltAfterOneChange": [changed]})
    targets = []
    for series, name, limit in ((full, names[0], 10), (incremental, names[1], 1)):
        if series.failure:
            targets.append(target(name, False, f"lumpini site failed: {series.failure}"))
        else:
            targets.append(target(name, series.median < limit, f"{series.median:.3f} s median ({series.minimum:.3f} s min, CPU {series.median_cpu:.2f} s)"))
    targets.append(target(names[2], weight["total"] < 500_000, f"{weight['total'] / 1000:.0f} KB ({weight['html'] / 1000:.0f} KB HTML)"))
    case["targets"] = targets
    return [case]


def page_weight(page):
    """Bytes of a page and the scripts and styles it loads (what it fetches later, the data, the search
    index and the tiles, excluded)."""
    import re
    html = page.read_text(encoding="utf-8")
    assets = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', html)
    sizes = {path: (page.parent / path).resolve().stat().st_size for path in assets}
    return {"html": len(html.encode("utf-8")), "assets": sizes, "total": len(html.encode("utf-8")) + sum(sizes.values())}
