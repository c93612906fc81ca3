"""The serve case: `lumpini serve` vs pygeoapi answering small-bbox item requests on the published
1,000,000 points, with wrk at 32 connections on loopback, in the same run; and the feature index's
build on the release path (the catalogue's update of a version of that size).

pygeoapi (pinned in the Makefile's `bench-venv`, in a venv that sees Debian's GDAL bindings) runs under
gunicorn with 2 workers (the machine's cores) and its OGR provider reading a GeoPackage of the same
points, written by `ogr2ogr` from the published GeoJSON. Both are asked the same random 0.01° boxes
inside Bangkok (`limit=10`), in the same order, after a warm-up run each.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import inputs
from cases import _series_summary, not_measured, target, warnings_for
from measure import Series, run, side_by_side

CONNECTIONS = 32
THREADS = 2
SECONDS = 20
WARM_UP_SECONDS = 5
WORKERS = 2
BOX = 0.01  # degrees: a few blocks of the city
PROBE_BOX = "100.60,13.70,100.62,13.72"

WRK_SCRIPT = """
-- The same boxes in the same order for every server: random 0.01-degree boxes inside Bangkok.
math.randomseed(20261207)
local prefix = os.getenv("ITEMS_PATH")
local paths = {}
for i = 1, 2000 do
  local x = %(lon_min)f + math.random() * (%(lon_span)f)
  local y = %(lat_min)f + math.random() * (%(lat_span)f)
  paths[i] = string.format("%%s?bbox=%%.4f,%%.4f,%%.4f,%%.4f&limit=10&f=json", prefix, x, y, x + %(box)f, y + %(box)f)
end
local n = 0
request = function()
  n = n %% #paths + 1
  return wrk.format("GET", paths[n])
end
"""


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url, process, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                if answer.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def _json(url):
    import json
    with urllib.request.urlopen(url, timeout=120) as answer:
        return json.loads(answer.read())


class MemoryWatch:
    """Samples the resident memory of a process and its children (gunicorn's workers) while it serves."""

    def __init__(self, pid):
        self.pid = pid
        self.peak_total_kb = 0
        self.peak_process_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()

    def _sample(self):
        while not self._stop.is_set():
            sizes = [_rss_kb(pid) for pid in [self.pid, *_children(self.pid)]]
            self.peak_total_kb = max(self.peak_total_kb, sum(sizes))
            self.peak_process_kb = max([self.peak_process_kb, *sizes])
            self._stop.wait(0.2)


def _rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return [int(child) for child in children.read().split()]
    except OSError:
        return []


def _wrk(base, items_path, script, seconds, log):
    """Runs wrk against `base` and returns its figures: requests/s, p50/p99 in seconds, errors."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", str(script), base]
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, ITEMS_PATH=items_path), timeout=seconds + 120)
    text = result.stdout
    figures = {"command": command, "exitCode": result.returncode}
    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    figures["requestsPerSecond"] = float(rate.group(1)) if rate else None
    for name in ("50", "90", "99"):
        found = re.search(rf"^\s+{name}%\s+([\d.]+)(us|ms|s)\s*$", text, re.MULTILINE)
        figures[f"p{name}Seconds"] = round(float(found.group(1)) * {"us": 1e-6, "ms": 1e-3, "s": 1}[found.group(2)], 6) if found else None
    total = re.search(r"(\d+) requests in", text)
    figures["requests"] = int(total.group(1)) if total else None
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    figures["non2xx"] = int(errors.group(1)) if errors else 0
    sockets = re.search(r"Socket errors: (.*)", text)
    figures["socketErrors"] = sockets.group(1).strip() if sockets else None
    if figures["requestsPerSecond"] is None:
        log(f"    wrk said: {text.strip()[-400:]} {result.stderr.strip()[-400:]}")
    return figures


def _measure_server(name, argv, ready_url, base, items_path, script, log, env=None, cwd=None):
    """Starts a server, counts what it answers for `PROBE_BOX` (both servers must agree), warms it up,
    measures it with wrk while watching its memory, and stops it."""
    log_file = open(Path(script).with_name(f"{name}.log"), "w")
    process = subprocess.Popen(argv, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               env=dict(os.environ, **(env or {})), cwd=cwd, start_new_session=True)
    try:
        if not _wait_for(ready_url, process):
            return {"failure": f"{name} did not start (see {log_file.name})"}
        probe = _json(f"{base}{items_path}?bbox={PROBE_BOX}&limit=10000&f=json")
        _wrk(base, items_path, script, WARM_UP_SECONDS, log)
        with MemoryWatch(process.pid) as memory:
            figures = _wrk(base, items_path, script, SECONDS, log)
        figures["probeFeatures"] = len(probe.get("features", []))
        figures["peakRSSMB"] = round(memory.peak_total_kb / 1024, 1)
        figures["peakRSSMBOneProcess"] = round(memory.peak_process_kb / 1024, 1)
        log(f"    {name:<10} {figures['requestsPerSecond']} requests/s, p50 {figures['p50Seconds']} s, p99 {figures['p99Seconds']} s, "
            f"{figures['peakRSSMB']} MB, {figures['non2xx']} non-2xx")
        return figures
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log_file.close()


def _pygeoapi_config(path, port, gpkg, dataset_id):
    text = f"""server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: http://127.0.0.1:{port}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  language: en-US
  cors: false
  pretty_print: false
  limits: {{default_items: 10, max_items: 10000}}
  map: {{url: 'https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png', attribution: OpenStreetMap}}
logging:
  level: ERROR
metadata:
  identification:
    title: benchmark
    description: the benchmark's points
    keywords: [benchmark]
    keywords_type: theme
    terms_of_service: https://creativecommons.org/licenses/by/4.0/
    url: https://example.org
  license: {{name: CC-BY 4.0, url: 'https://creativecommons.org/licenses/by/4.0/'}}
  provider: {{name: benchmark, url: https://example.org}}
  contact: {{name: benchmark, position: benchmark, address: none, city: Bangkok, stateorprovince: Bangkok, postalcode: '10200',
             country: Thailand, phone: '+66', fax: '+66', email: data@example.org, url: https://example.org, hours: any,
             instructions: none, role: pointOfContact}}
resources:
  {dataset_id}:
    type: collection
    title: points
    description: the benchmark's points
    keywords: [points]
    extents:
      spatial: {{bbox: [{inputs.LON_MIN}, {inputs.LAT_MIN}, {inputs.LON_MAX}, {inputs.LAT_MAX}], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'}}
    providers:
      - type: feature
        name: OGR
        data:
          source_type: GPKG
          source: {gpkg}
          source_capabilities: {{paging: true}}
        id_field: id
        layer: points
"""
    Path(path).write_text(text, encoding="utf-8")


def serve_items(context, rows, serve_venv):
    """Returns two cases: the feature index's build, and the two servers side by side."""
    index_name = "feature index of the published points (catalogue update)"
    names = [f"serve: ≥ 5 × pygeoapi's requests/s (wrk -c{CONNECTIONS}, 0.01° bbox, limit 10)",
             "serve: p99 latency < 50 ms", "serve: resident memory < 200 MB"]
    index_case = {"case": f"feature-index-{rows}", "title": f"feature index of {rows:,} points (catalogue update)",
                  "rows": rows, "checks": {}, "targets": []}
    serve_case = {"case": f"serve-{rows}", "title": f"OGC API items, 0.01° boxes on {rows:,} points, wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s",
                  "rows": rows, "checks": {}}
    missing = context.missing("serve") or context.missing("catalog", "build")
    if not missing and not shutil.which("wrk"):
        missing = "wrk is not installed (make deps)"
    if missing:
        index_case.update(lumpini={"skipped": missing})
        serve_case.update(lumpini={"skipped": missing}, targets=[not_measured(name, missing) for name in names])
        return [index_case, serve_case]

    workspace = inputs.points_workspace(context.scratch, rows)
    output = context.output(f"serve-{rows}")
    public = output / "public"
    context.log(f"  serve, {rows:,} points: releasing (publish, catalogue update with the feature index)")
    released = run([context.binary, "release", workspace["id"], "--root", str(workspace["root"]), "--public", str(public)],
                   timeout=max(context.timeout, 3600))
    geojson = public / workspace["id"] / "latest" / f"{workspace['id']}.geojson"
    if released.exit_code != 0 or not geojson.exists():
        reason = f"the release exited with {released.exit_code}"
        index_case.update(lumpini={"skipped": reason})
        serve_case.update(lumpini={"skipped": reason}, targets=[not_measured(name, reason) for name in names])
        return [index_case, serve_case]
    index_case["checks"]["releaseSeconds"] = round(released.seconds, 1)
    index_case["checks"]["releasePeakRSSMB"] = round(released.peak_rss_kb / 1024, 1)

    # The index alone: `catalog build` writes the catalogue (milliseconds for one dataset) and the feature
    # index with the code a release's catalogue update runs.
    features = public / ".lumpini" / "features"
    build = Series("catalog build (feature index)", [context.binary, "catalog", "build", "--public", str(public)])
    side_by_side([build], context.runs, prepare=lambda _: shutil.rmtree(features, ignore_errors=True), timeout=context.timeout,
                 long_run=context.long_run, log=context.log)
    index_files = list(features.glob("*/*.sqlite"))
    index_case["checks"]["indexMB"] = round(sum(path.stat().st_size for path in index_files) / 2**20, 1)
    index_case["checks"]["indexFiles"] = len(index_files)
    index_case["warnings"] = warnings_for(index_case["checks"], {"indexFiles": 1})
    index_case["lumpini"] = _series_summary(build, rows)
    if build.failure:
        serve_case.update(lumpini={"skipped": "the index failed"}, targets=[not_measured(name, build.failure) for name in names])
        return [index_case, serve_case]

    gpkg = output / "points.gpkg"
    context.log("  serve: the GeoPackage pygeoapi reads (ogr2ogr)")
    converted = run(["ogr2ogr", "-f", "GPKG", str(gpkg), str(geojson), "-nln", "points"], timeout=max(context.timeout, 3600))
    serve_case["checks"]["gpkgSeconds"] = round(converted.seconds, 1)

    script = output / "boxes.lua"
    script.write_text(WRK_SCRIPT % {"lon_min": inputs.LON_MIN, "lat_min": inputs.LAT_MIN, "box": BOX,
                                    "lon_span": inputs.LON_MAX - inputs.LON_MIN - BOX, "lat_span": inputs.LAT_MAX - inputs.LAT_MIN - BOX},
                      encoding="utf-8")
    dataset = workspace["id"]

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    lumpini_items = f"/ogc/collections/{dataset}/items"
    context.log("  serve: lumpini serve")
    lumpini = _measure_server("lumpini", [context.binary, "serve", "--root", str(workspace["root"]), "--public", str(public),
                                          "--port", str(port)], f"{base}/health", base,
                              lumpini_items, script, context.log)
    checks = serve_case["checks"]

    pygeoapi_binary = Path(serve_venv) / "bin" / "pygeoapi"
    if not pygeoapi_binary.exists():
        pygeoapi = {"failure": f"pygeoapi is not installed in {serve_venv} (make bench-venv)"}
    else:
        port = _free_port()
        reference_base = f"http://127.0.0.1:{port}"
        config, openapi = output / "pygeoapi.yml", output / "pygeoapi-openapi.yml"
        _pygeoapi_config(config, port, gpkg, dataset)
        generated = subprocess.run([str(pygeoapi_binary), "openapi", "generate", str(config), "--output-file", str(openapi)],
                                   capture_output=True, text=True)
        if generated.returncode != 0:
            pygeoapi = {"failure": f"pygeoapi openapi generate: {generated.stderr.strip()[-300:]}"}
        else:
            context.log(f"  serve: pygeoapi, {WORKERS} gunicorn workers")
            environment = {"PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
            pygeoapi = _measure_server("pygeoapi", [str(Path(serve_venv) / "bin" / "gunicorn"), "-w", str(WORKERS), "-b", f"127.0.0.1:{port}",
                                                    "pygeoapi.flask_app:APP"], f"{reference_base}/collections/{dataset}?f=json", reference_base,
                                       f"/collections/{dataset}/items", script, context.log, env=environment)
    serve_case["lumpini"] = {"skipped": "figures below (wrk)"} if "failure" not in lumpini else {"skipped": lumpini["failure"]}
    serve_case["servers"] = {"lumpini serve": lumpini, f"pygeoapi ({WORKERS} gunicorn workers, OGR provider, GeoPackage)": pygeoapi}
    checks["probeBox"] = PROBE_BOX
    checks["lumpiniProbeFeatures"] = lumpini.get("probeFeatures")
    checks["pygeoapiProbeFeatures"] = pygeoapi.get("probeFeatures")
    checks["lumpiniNon2xx"] = lumpini.get("non2xx")
    checks["pygeoapiNon2xx"] = pygeoapi.get("non2xx")
    serve_case["warnings"] = warnings_for(checks, {"lumpiniNon2xx": 0, "pygeoapiNon2xx": 0, "pygeoapiProbeFeatures": checks["lumpiniProbeFeatures"]})
    serve_case["targets"] = _serve_targets(names, lumpini, pygeoapi)
    return [index_case, serve_case]


def _serve_targets(names, lumpini, pygeoapi):
    throughput, latency, memory = names
    if "failure" in lumpini:
        return [target(name, False, f"lumpini serve failed: {lumpini['failure']}") for name in names]
    ours, theirs = lumpini.get("requestsPerSecond"), pygeoapi.get("requestsPerSecond")
    results = []
    if "failure" in pygeoapi or not theirs:
        results.append(not_measured(throughput, pygeoapi.get("failure", "pygeoapi answered nothing")))
    else:
        ratio = ours / theirs
        results.append(target(throughput, ratio >= 5, f"{ratio:.1f} × ({ours:,.1f} vs {theirs:,.1f} requests/s; pygeoapi p99 "
                                                      f"{pygeoapi['p99Seconds'] * 1000:.0f} ms, {pygeoapi['peakRSSMB']:.0f} MB in all)"))
    p99 = lumpini.get("p99Seconds")
    results.append(target(latency, p99 is not None and p99 < 0.05, f"p99 {p99 * 1000:.1f} ms, p50 {lumpini['p50Seconds'] * 1000:.1f} ms"
                          if p99 is not None else "no latency figure"))
    results.append(target(memory, lumpini["peakRSSMB"] < 200, f"{lumpini['peakRSSMB']:.0f} MB peak while measured"))
    return results
