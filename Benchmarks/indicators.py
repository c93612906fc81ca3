"""The indicators case: `lumpini release` of two district indicators derived from published inputs
(green space per person from 10,000 park polygons over 50 districts; the PM2.5 annual mean from
1,000 stations × 365 days), beside shapely and pyproj computing the same indicators from the same
published files (Tests/Indicators/recompute.py's definitions, run by indicator_reference.py).

The workspace uses the sample datasets' ids (districts-sample, parks-green-space-sample, …) with
generated benchmark data, so the independent check recomputes Lumpini's output as it does the samples'.
"""

import csv
import datetime
import json
import math
import random
import shutil
from pathlib import Path

import inputs
from cases import _time_target, comparison, not_measured, target, warnings_for
from measure import Series, run, side_by_side

SEED = inputs.SEED + 19
YEAR = 2024
CHECKER = inputs.REPOSITORY / "Tests" / "Indicators" / "recompute.py"
REFERENCE = Path(__file__).resolve().parent / "indicator_reference.py"
INDICATOR_SCHEMA = inputs.REPOSITORY / "schemas" / "district-indicator.schema.json"
DISTRICTS, POPULATION, PARKS, PM25 = "districts-sample", "population-by-district-sample", "parks-green-space-sample", "pm25-readings-sample"
GREEN, PM25_MEAN = "green-space-per-person-sample", "pm25-annual-mean-by-district-sample"
# The districts: a 10 × 5 grid over Bangkok's box whose inner corners are moved at random (by less than
# a quarter of a cell, so every quadrilateral stays simple); neighbours share corners, so the 50 tile the
# box without gaps or overlaps.
COLUMNS, ROWS = 10, 5
LON_MIN, LAT_MIN, LON_MAX, LAT_MAX = 100.36, 13.52, 100.90, 13.93
METRES_PER_DEGREE = 111_320.0


def _corners(rng):
    width, height = (LON_MAX - LON_MIN) / COLUMNS, (LAT_MAX - LAT_MIN) / ROWS
    corners = {}
    for i in range(COLUMNS + 1):
        for j in range(ROWS + 1):
            x, y = LON_MIN + i * width, LAT_MIN + j * height
            if 0 < i < COLUMNS and 0 < j < ROWS:
                x += rng.uniform(-0.2, 0.2) * width
                y += rng.uniform(-0.2, 0.2) * height
            corners[i, j] = (round(x, 6), round(y, 6))
    return corners


def district_polygons(rng):
    """{code: [ring of (lon, lat)], counter-clockwise, closed} for the 50 codes in order."""
    corners = _corners(rng)
    polygons = {}
    for index, (code, _, _) in enumerate(inputs.districts()):
        i, j = index % COLUMNS, index // COLUMNS
        ring = [corners[i, j], corners[i + 1, j], corners[i + 1, j + 1], corners[i, j + 1], corners[i, j]]
        polygons[code] = ring
    return polygons


def _park(rng):
    """A rotated rectangle of 40 to 400 m a side, somewhere in the box: (lon, lat) ring."""
    lon, lat = rng.uniform(LON_MIN, LON_MAX), rng.uniform(LAT_MIN, LAT_MAX)
    width, height, angle = rng.uniform(40, 400), rng.uniform(40, 400), rng.uniform(0, math.pi / 2)
    scale_x = 1 / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
    ring = []
    for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1)):
        x, y = dx * width / 2, dy * height / 2
        ring.append((round(lon + (x * math.cos(angle) - y * math.sin(angle)) * scale_x, 7),
                     round(lat + (x * math.sin(angle) + y * math.cos(angle)) / METRES_PER_DEGREE, 7)))
    return ring


def _write_json(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False) + "\n", encoding="utf-8")


def _schema(fields, key):
    return {"fields": fields, "primaryKey": key, "missingValues": [""]}


def _dataset(root, dataset_id, title_th, title_en, publisher, theme, source, schema, recipe, formats):
    description = inputs._metadata(dataset_id, title_th, title_en, publisher, theme, random.Random(SEED))
    description["source"] = source
    description["schema"] = schema
    description["recipe"] = recipe
    description["outputs"] = {"formats": formats}
    path = root / "datasets" / dataset_id / "dataset.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(inputs.to_yaml(description) + "\n", encoding="utf-8")


def _derived(root, dataset_id, title_th, title_en, steps, indicator):
    """A derived dataset's dataset.yaml: `derive:` with the indicators' schema (docs/dataset-yaml.md, "Derived datasets")."""
    description = inputs._metadata(dataset_id, title_th, title_en, "SED", "environment", random.Random(SEED))
    description["schema"] = "district-indicator"
    description["outputs"] = {"formats": ["geojson", "csv"], "csvGeometry": False}
    description["derive"] = {"districts": DISTRICTS, "year": YEAR, "steps": steps, "indicator": indicator}
    path = root / "datasets" / dataset_id / "dataset.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(inputs.to_yaml(description) + "\n", encoding="utf-8")


NAMES = [{"name": "district_code", "type": "integer", "constraints": {"required": True, "minimum": 1001, "maximum": 1050}},
         {"name": "district_th", "type": "string", "constraints": {"required": True}},
         {"name": "district_en", "type": "string", "constraints": {"required": True}}]


def indicators_workspace(scratch, parks=10_000, stations=1_000, days=365):
    """A workspace of the four inputs (generated) and the two derived datasets. Returns a dict:
    root, parks, stations, days, readings (rows written)."""
    root = Path(scratch) / f"indicators-{parks}-{stations}-{days}"
    parameters = {"kind": "indicators", "parks": parks, "stations": stations, "days": days, "seed": SEED,
                  "version": inputs.GENERATOR_VERSION, "indicatorSchema": INDICATOR_SCHEMA.exists()}
    layout = {"root": root, "parks": parks, "stations": stations, "days": days, "readings": stations * days}
    if inputs._fresh(root, parameters):
        return layout
    inputs._reset(root)
    inputs._copy_vocabularies(root)
    if INDICATOR_SCHEMA.exists():  # without it (no derive engine in this tree) the derived releases are not measured
        shutil.copyfile(INDICATOR_SCHEMA, root / "schemas" / INDICATOR_SCHEMA.name)
    rng = random.Random(SEED)
    names = {code: (th, en) for code, th, en in inputs.districts()}
    polygons = district_polygons(rng)

    features = [{"type": "Feature", "properties": {"district_code": code, "district_th": names[code][0], "district_en": names[code][1]},
                 "geometry": {"type": "Polygon", "coordinates": [ring]}} for code, ring in polygons.items()]
    _write_json(root / "datasets" / DISTRICTS / "source" / "districts.geojson", {"type": "FeatureCollection", "features": features})
    _write_json(root / "schemas" / "districts.schema.json", _schema(NAMES, ["district_code"]))
    _dataset(root, DISTRICTS, "เขต (ข้อมูลทดสอบ)", "districts (benchmark data)", "CPUD", "urban-planning",
             {"paths": ["source/districts.geojson"]}, "districts", [], ["geojson", "csv"])

    population = root / "datasets" / POPULATION / "source" / "population.csv"
    population.parent.mkdir(parents=True)
    with open(population, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["district_code", "district_th", "district_en", "population", "year"])
        for code in polygons:
            writer.writerow([code, *names[code], rng.randint(40_000, 190_000), YEAR])
    _write_json(root / "schemas" / "population-by-district.schema.json", _schema(
        NAMES + [{"name": "population", "type": "integer"}, {"name": "year", "type": "integer"}], ["district_code", "year"]))
    _dataset(root, POPULATION, "ประชากรรายเขต (ข้อมูลทดสอบ)", "population by district (benchmark data)", "SED", "population",
             {"paths": ["source/population.csv"], "encoding": "UTF-8"}, "population-by-district", [], ["csv"])

    park_features = [{"type": "Feature", "properties": {"park_id": f"P{number:05d}"}, "geometry": {"type": "Polygon", "coordinates": [_park(rng)]}}
                     for number in range(1, parks + 1)]
    _write_json(root / "datasets" / PARKS / "source" / "parks.geojson", {"type": "FeatureCollection", "features": park_features})
    _write_json(root / "schemas" / "parks-green-space.schema.json", _schema(
        [{"name": "park_id", "type": "string", "constraints": {"required": True, "unique": True}}], ["park_id"]))
    _dataset(root, PARKS, "สวนสาธารณะ (ข้อมูลทดสอบ)", "parks (benchmark data)", "CPUD", "urban-planning",
             {"paths": ["source/parks.geojson"]}, "parks-green-space", [{"step": "wind-rings"}], ["geojson", "csv"])

    readings = root / "datasets" / PM25 / "source" / "pm25.csv"
    readings.parent.mkdir(parents=True)
    start = datetime.date(YEAR, 1, 1)
    with open(readings, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["station_id", "date", "pm25", "lon", "lat"])
        for number in range(1, stations + 1):
            lon, lat = rng.uniform(LON_MIN, LON_MAX), rng.uniform(LAT_MIN, LAT_MAX)
            gaps = rng.choice((0.02, 0.05, 0.1, 0.3))  # a few stations fall short of 75 % of the days
            level = rng.uniform(15, 40)
            for day in range(days):
                value = "" if rng.random() < gaps else f"{level * rng.uniform(0.5, 1.6):.1f}"
                writer.writerow([f"S{number:04d}", (start + datetime.timedelta(days=day)).isoformat(), value, f"{lon:.6f}", f"{lat:.6f}"])
    _write_json(root / "schemas" / "pm25-readings.schema.json", _schema(
        [{"name": "station_id", "type": "string", "constraints": {"required": True}},
         {"name": "date", "type": "date", "constraints": {"required": True}},
         {"name": "pm25", "type": "number", "constraints": {"minimum": 0}}], ["station_id", "date"]))
    _dataset(root, PM25, "ค่าฝุ่น PM2.5 รายวัน (ข้อมูลทดสอบ)", "daily PM2.5 readings (benchmark data)", "ENV", "environment",
             {"paths": ["source/pm25.csv"], "encoding": "UTF-8", "crs": "EPSG:4326", "coordinates": {"x": "lon", "y": "lat"}},
             "pm25-readings", [{"step": "points-from-columns"}, {"step": "drop-columns", "fields": ["lon", "lat"]}], ["geojson", "csv"])

    _derived(root, GREEN, "พื้นที่สีเขียวต่อคน (ข้อมูลทดสอบ)", "green space per person (benchmark data)",
             [{"step": "overlap-area", "input": PARKS}, {"step": "per-person", "input": POPULATION}],
             {"definition": "Square metres of park polygons inside the district per registered resident.",
              "method": "Σ area(park ∩ district) in EPSG:32647 ÷ population of the year.",
              "unit": "m²/person", "decimals": 2, "reference": "SDG 11.7.1 (related)"})
    _derived(root, PM25_MEAN, "ค่าเฉลี่ยรายปี PM2.5 รายเขต (ข้อมูลทดสอบ)", "PM2.5 annual mean by district (benchmark data)",
             [{"step": "complete-series", "input": PM25, "key": "station_id", "date": "date", "value": "pm25", "minimumShare": 0.75,
               "itemName": "station"},
              {"step": "assign-to-districts"}, {"step": "aggregate", "function": "mean"}],
             {"definition": "Mean of the annual means of the district's stations with at least 75 % of the days valid.",
              "method": "Per station the mean of its valid days of the year; the stations in the district's polygon averaged.",
              "unit": "µg/m³", "decimals": 2, "reference": "SDG 11.6.2 (not population-weighted)"})
    inputs._finish(root, parameters)
    return layout


def _released(stdout):
    try:
        return sorted(entry["id"] for entry in json.loads(stdout).get("published", []))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def indicators_case(context, parks=10_000, stations=1_000, days=365):
    """The inputs released once (untimed), then each indicator's release timed beside shapely's computation."""
    workspace = indicators_workspace(context.scratch, parks, stations, days)
    root, public = workspace["root"], context.output("indicators") / "public"
    context.log(f"  indicators: {parks:,} parks over 50 districts; {stations:,} stations × {days} days")
    results = []
    missing = context.missing("release")
    derivable = None if INDICATOR_SCHEMA.exists() else f"{INDICATOR_SCHEMA.name} is missing: this tree has no derive engine"
    if not missing:
        first = run([context.binary, "release", DISTRICTS, POPULATION, PARKS, PM25, "--no-site", "--json",
                     "--root", str(root), "--public", str(public)], timeout=max(context.timeout, 3600))
        context.log(f"    inputs released: {first.seconds:.2f} s, exit {first.exit_code}")
        if first.exit_code != 0:
            missing = f"the inputs' release exited with {first.exit_code}: {first.stderr.strip()[-300:]}"
    missing = missing or derivable
    for indicator, title, rows in ((GREEN, f"green space per person, {parks:,} parks × 50 districts", parks),
                                   (PM25_MEAN, f"PM2.5 annual mean, {stations:,} stations × {days} days", stations * days)):
        reference = Series(f"shapely + pyproj ({indicator.split('-')[0]})", [context.tool("python"), str(REFERENCE), str(public), indicator])
        lumpini = None if missing else Series("lumpini release (derived)", [
            context.binary, "release", indicator, "--force", "--no-site", "--json", "--root", str(root), "--public", str(public)])
        side_by_side([s for s in (lumpini, reference) if s], context.runs, timeout=context.timeout, long_run=context.long_run, log=context.log)
        checks = {"referenceDistricts": _reference_count(reference)}
        targets = [_time_target(f"{indicator}: ≤ 1.0 × shapely's time", lumpini, reference, 1.0, missing, "lumpini release")]
        if lumpini and lumpini.runs:
            checks["released"] = _released(lumpini.runs[-1].stdout)
            check = run([context.tool("python"), str(CHECKER), str(public), indicator], timeout=context.timeout)
            checks["recomputation"] = "agrees" if check.exit_code == 0 else (check.stdout.strip() or check.stderr.strip())[-500:]
            if lumpini.failure:
                targets.append(target(f"{indicator}: seconds, not minutes", False, f"lumpini release failed: {lumpini.failure}"))
            else:
                targets.append(target(f"{indicator}: seconds, not minutes", lumpini.median < 60,
                                      f"{lumpini.median:.2f} s median, peak RSS {lumpini.peak_rss_mb:.0f} MB"))
        else:
            targets.append(not_measured(f"{indicator}: seconds, not minutes", missing or "no run"))
        results.append(comparison(f"indicator-{indicator}", title, rows, lumpini, reference, missing, checks,
                                  warnings_for(checks, {"referenceDistricts": 50, "released": [indicator], "recomputation": "agrees"}),
                                  targets))
    return results


def _reference_count(series):
    try:
        return json.loads(series.runs[-1].stdout)["districts"]
    except (ValueError, KeyError, IndexError, TypeError):
        return None
