#!/usr/bin/env python3
"""Recomputes the district indicators a Lumpini public tree publishes, independently of Lumpini.

For each derived dataset (a version whose manifest.json has `derivedFrom`), it checks the sha256 of
every input file the manifest lists, recomputes the indicator from exactly those files with shapely
and pyproj, by the definitions in docs/indicators.md, and compares the result with the published CSV
and GeoJSON district by district. Each mismatch is one line on stdout; the exit code is 0 when all
agree, 1 on any mismatch, 2 when there is nothing to check or the tree cannot be read.

Usage: recompute.py PUBLIC [INDICATOR-ID ...]   (all derived datasets of PUBLIC when no id is given)
"""
import csv
import hashlib
import io
import json
import math
import os
import sys

import numpy
import pyproj
import shapely
from shapely.geometry import shape

YEAR = 2024
EXPECTED_DISTRICTS = 50
CSV_COLUMNS = ["district_code", "district_th", "district_en", "value", "unit", "year", "n", "note"]
NO_STATION = "no station in the district"
NO_QUALIFYING_STATION = "no station with at least 75 % of days valid"
DISTRICTS, POPULATION, PARKS, PM25, WASTE = (
    "districts-sample", "population-by-district-sample", "parks-green-space-sample", "pm25-readings-sample",
    "waste-tonnage-sample")


class Problem(Exception):
    """The tree cannot be checked at all (exit 2)."""


# ---------------------------------------------------------------- reading published files

def read_table(path):
    """Rows of a published CSV (UTF-8, with or without BOM) or the features of a GeoJSON, as
    dictionaries; geometry (shapely, lon/lat) under "geometry" when the file has one."""
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".geojson") or path.endswith(".json"):
        collection = json.loads(data)
        rows = []
        for feature in collection["features"]:
            row = dict(feature.get("properties") or {})
            row["geometry"] = shape(feature["geometry"]) if feature.get("geometry") else None
            rows.append(row)
        return rows
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    for row in rows:
        if row.get("wkt"):
            row["geometry"] = shapely.from_wkt(row.pop("wkt"))
        elif row.get("longitude") not in (None, "") and row.get("latitude") not in (None, ""):
            row["geometry"] = shapely.Point(float(row.pop("longitude")), float(row.pop("latitude")))
        else:
            row["geometry"] = None
        for key, value in list(row.items()):
            if value == "":
                row[key] = None
    return rows


def code_of(value):
    """A district code as an integer, whether the file wrote it as text or as a number."""
    return int(str(value).strip())


def number(value):
    return None if value is None or value == "" else float(value)


# ---------------------------------------------------------------- the definitions

UTM = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32647", always_xy=True)


def to_utm(geometry):
    """lon/lat → EPSG:32647 (UTM 47N), vertex by vertex with PROJ."""
    def project(coordinates):
        x, y = UTM.transform(coordinates[:, 0], coordinates[:, 1])
        return numpy.column_stack([x, y])
    return shapely.transform(geometry, project)


def district_table(rows):
    """{code: (Thai name, English name, geometry in lon/lat)} of the districts input."""
    districts = {}
    for row in rows:
        districts[code_of(row["district_code"])] = (row["district_th"], row["district_en"], row.get("geometry"))
    return districts


def population_of(rows, year):
    """{code: population} for `year`."""
    return {code_of(r["district_code"]): float(r["population"]) for r in rows
            if r.get("year") is not None and int(r["year"]) == year and r.get("population") is not None}


def per_person(amount, population):
    return None if not population else amount / population


def green_space_per_person(districts, parks, population):
    """Σ area(park ∩ district) in m² (EPSG:32647) ÷ population. {code: (value, n, note)}."""
    park_shapes = [to_utm(p["geometry"]) for p in parks if p.get("geometry") is not None]
    tree = shapely.STRtree(park_shapes)
    result = {}
    for code, (_, _, geometry) in districts.items():
        district = to_utm(geometry)
        area = sum(park_shapes[i].intersection(district).area for i in tree.query(district))
        value = per_person(area, population.get(code))
        result[code] = (value, None, None if value is not None else "no population for the year")
    return result


def park_access(districts, parks, distance=500.0):
    """100 × area(district ∩ ⋃ parks buffered by 500 m) ÷ area(district), EPSG:32647, 8 segments per quarter circle."""
    buffered = [to_utm(p["geometry"]).buffer(distance, quad_segs=8) for p in parks if p.get("geometry") is not None]
    reach = shapely.union_all(buffered) if buffered else shapely.Polygon()
    result = {}
    for code, (_, _, geometry) in districts.items():
        district = to_utm(geometry)
        result[code] = (100.0 * district.intersection(reach).area / district.area, None, None)
    return result


def days_in(year):
    return 366 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 365


def pm25_annual_mean(districts, readings, year):
    """Mean of the annual means of the district's stations with ≥ 75 % of the year's days valid.
    {code: (value, n, note)}."""
    stations = {}
    for r in readings:
        station = stations.setdefault(r["station_id"], {"point": r.get("geometry"), "days": {}})
        if station["point"] is None:
            station["point"] = r.get("geometry")
        date, value = str(r.get("date") or ""), number(r.get("pm25"))
        if date.startswith(f"{year}-") and value is not None:
            station["days"][date[:10]] = value
    needed = math.ceil(0.75 * days_in(year))
    members = {code: [] for code in districts}
    polygons = {code: geometry for code, (_, _, geometry) in districts.items()}
    for station in stations.values():
        if station["point"] is None:
            continue
        for code, polygon in polygons.items():
            if polygon.contains(station["point"]):
                members[code].append(station)
                break
    result = {}
    for code, inside in members.items():
        qualifying = [s for s in inside if len(s["days"]) >= needed]
        if qualifying:
            means = [sum(s["days"].values()) / len(s["days"]) for s in qualifying]
            result[code] = (sum(means) / len(means), len(qualifying), None)
        else:
            result[code] = (None, 0, NO_QUALIFYING_STATION if inside else NO_STATION)
    return result


def waste_per_person(districts, waste, population, year):
    """(mean of the monthly tonnes per day over the year's months present) × 1000 ÷ population, n = months."""
    months = {code: {} for code in districts}
    for r in waste:
        month, tonnes = str(r.get("month") or ""), number(r.get("tonnes_per_day"))
        code = code_of(r["district_code"])
        if month.startswith(f"{year}-") and tonnes is not None and code in months:
            months[code][month[:7]] = tonnes
    result = {}
    for code, used in months.items():
        if not used:
            result[code] = (None, 0, "no month of the year")
            continue
        value = per_person(sum(used.values()) / len(used) * 1000.0, population.get(code))
        result[code] = (value, len(used), None if value is not None else "no population for the year")
    return result


INDICATORS = {
    "green-space-per-person-sample": ("m²/person", [DISTRICTS, PARKS, POPULATION], False,
                                      lambda f, y: green_space_per_person(f[DISTRICTS], f[PARKS], population_of(f[POPULATION], y))),
    "pm25-annual-mean-by-district-sample": ("µg/m³", [DISTRICTS, PM25], True,
                                            lambda f, y: pm25_annual_mean(f[DISTRICTS], f[PM25], y)),
    "waste-per-person-sample": ("kg/person/day", [DISTRICTS, WASTE, POPULATION], True,
                                lambda f, y: waste_per_person(f[DISTRICTS], f[WASTE], population_of(f[POPULATION], y), y)),
    "park-access-500m-sample": ("%", [DISTRICTS, PARKS], False,
                                lambda f, y: park_access(f[DISTRICTS], f[PARKS])),
}


def recompute(indicator, inputs, year=YEAR):
    """{code: (value, n, note)} of `indicator` from {input id: rows}; districts given as rows."""
    inputs = dict(inputs)
    inputs[DISTRICTS] = district_table(inputs[DISTRICTS])
    return INDICATORS[indicator][3](inputs, year)


# ---------------------------------------------------------------- checking a published version

def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def preferred(files):
    """Of the files read from one input, the one to recompute from: GeoJSON where there is one."""
    return sorted(files, key=lambda name: (not name.endswith(".geojson"), name))[0]


def decimals_written(texts):
    return max((len(t.split(".")[1]) if "." in t else 0) for t in texts) if texts else 0


def check(public, indicator, year=YEAR):
    """The mismatches (one line each) between a published indicator and its recomputation."""
    folder = os.path.join(public, indicator, "latest")
    manifest_path = os.path.join(folder, "manifest.json")
    if not os.path.isfile(manifest_path):
        return [f"{indicator}: no published version ({manifest_path} is missing)"]
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    sources = manifest.get("derivedFrom")
    if not sources:
        return [f"{indicator}: manifest.json has no derivedFrom"]
    if indicator not in INDICATORS:
        return [f"{indicator}: no definition to recompute it by (known: {', '.join(sorted(INDICATORS))})"]
    unit, needed, counts_apply, _ = INDICATORS[indicator]
    problems = []
    keys = [(s.get("id"), s.get("file")) for s in sources]
    if keys != sorted(keys):
        problems.append(f"{indicator}: derivedFrom is not sorted by id then file")
    files = {}
    for source in sources:
        if "/" in source["id"] or source["file"].startswith("/") or ".." in source["file"].split("/"):
            problems.append(f"{indicator}: derivedFrom {source['id']!r} {source['file']!r} leaves its version folder")
            continue
        path = os.path.join(public, source["id"], f"v{source['version']}", source["file"])
        if not os.path.isfile(path):
            problems.append(f"{indicator}: derivedFrom {source['id']} v{source['version']} {source['file']}: the file is missing")
            continue
        actual = sha256(path)
        if actual != source.get("sha256"):
            problems.append(f"{indicator}: derivedFrom {source['id']} v{source['version']} {source['file']}: "
                            f"sha256 is {actual}, the manifest says {source.get('sha256')}")
        files.setdefault(source["id"], []).append(path)
    missing = [i for i in needed if i not in files]
    if missing:
        return problems + [f"{indicator}: derivedFrom lacks {', '.join(missing)}: cannot recompute"]
    inputs = {i: read_table(preferred(files[i])) for i in needed}
    expected = recompute(indicator, inputs, year)
    districts = district_table(inputs[DISTRICTS])
    if len(districts) != EXPECTED_DISTRICTS:
        problems.append(f"{indicator}: the districts input has {len(districts)} districts, not {EXPECTED_DISTRICTS}")
    problems += compare_csv(indicator, os.path.join(folder, f"{indicator}.csv"), expected, districts, unit, counts_apply, year)
    problems += compare_geojson(indicator, os.path.join(folder, f"{indicator}.geojson"), expected, districts, unit,
                                counts_apply, year)
    return problems


def compare_row(where, row, expected, names, unit, counts_apply, year, tolerance):
    """Mismatches of one published district row (CSV cells as text, GeoJSON properties as JSON values)."""
    problems = []
    value, n, note = expected
    th, en, _ = names
    if row.get("district_th") != th or row.get("district_en") != en:
        problems.append(f"{where}: names {row.get('district_th')!r} / {row.get('district_en')!r}, the districts input says {th!r} / {en!r}")
    published = number(row.get("value"))
    if value is None or published is None:
        if value is not None or published is not None:
            problems.append(f"{where}: value {published} published, {value} recomputed")
    elif abs(published - value) > tolerance:
        problems.append(f"{where}: value {published} published, {value:.10g} recomputed (tolerance {tolerance:.3g})")
    if row.get("unit") != unit:
        problems.append(f"{where}: unit {row.get('unit')!r}, not {unit!r}")
    if str(row.get("year")) != str(year):
        problems.append(f"{where}: year {row.get('year')!r}, not {year}")
    published_n = row.get("n")
    if counts_apply:
        if published_n is None or str(published_n) != str(n):
            problems.append(f"{where}: n {published_n!r} published, {n} recomputed")
    elif published_n not in (None, ""):
        problems.append(f"{where}: n {published_n!r} published where it does not apply (empty expected)")
    published_note = row.get("note") or None
    if value is None and not published_note:
        problems.append(f"{where}: value is null without a note saying why")
    if value is not None and published_note:
        problems.append(f"{where}: note {published_note!r} beside a value")
    if note in (NO_STATION, NO_QUALIFYING_STATION) and published_note != note:
        problems.append(f"{where}: note {published_note!r} published, {note!r} expected")
    return problems


def compare_csv(indicator, path, expected, districts, unit, counts_apply, year):
    name = os.path.basename(path)
    if not os.path.isfile(path):
        return [f"{indicator}: {name} is missing"]
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        rows = [dict(zip(header, cells)) for cells in reader]
    problems = []
    if header != CSV_COLUMNS:
        problems.append(f"{indicator}: {name} columns are {','.join(header)}, not {','.join(CSV_COLUMNS)}")
    codes = [r.get("district_code") for r in rows]
    if len(rows) != len(districts):
        problems.append(f"{indicator}: {name} has {len(rows)} rows, the districts input {len(districts)} districts")
    try:
        if [code_of(c) for c in codes] != sorted(districts):
            problems.append(f"{indicator}: {name} rows are not the districts' codes in order")
    except (TypeError, ValueError):
        problems.append(f"{indicator}: {name} has a district_code that is not a whole number")
        return problems
    tolerance = 0.5 * 10 ** -decimals_written([r["value"] for r in rows if r.get("value")]) + 1e-9
    for row in rows:
        code = code_of(row["district_code"])
        if code not in districts:
            problems.append(f"{indicator}: {name} district {code}: not a district of the districts input")
            continue
        problems += compare_row(f"{indicator}: {name} district {code}", {k: (v if v != "" else None) for k, v in row.items()},
                                expected[code], districts[code], unit, counts_apply, year, tolerance)
    return problems


def compare_geojson(indicator, path, expected, districts, unit, counts_apply, year):
    name = os.path.basename(path)
    if not os.path.isfile(path):
        return [f"{indicator}: {name} is missing"]
    with open(path, encoding="utf-8") as f:
        features = json.load(f).get("features", [])
    problems = []
    if len(features) != len(districts):
        problems.append(f"{indicator}: {name} has {len(features)} features, the districts input {len(districts)} districts")
    values = [json.dumps(f["properties"].get("value")) for f in features if f["properties"].get("value") is not None]
    tolerance = 0.5 * 10 ** -decimals_written(values) + 1e-9
    for feature in features:
        properties = feature.get("properties") or {}
        code = properties.get("district_code")
        where = f"{indicator}: {name} district {code}"
        if not isinstance(code, int) or code not in districts:
            problems.append(f"{where}: district_code is not an integer code of the districts input")
            continue
        for key in ("value", "n"):
            if properties.get(key) is not None and not isinstance(properties[key], (int, float)):
                problems.append(f"{where}: {key} is {properties[key]!r}, not a JSON number")
        problems += compare_row(where, properties, expected[code], districts[code], unit, counts_apply, year, tolerance)
        polygon = districts[code][2]
        published = shape(feature["geometry"]) if feature.get("geometry") else None
        if published is None or polygon is None or published.symmetric_difference(polygon).area > 1e-10:
            problems.append(f"{where}: the geometry is not the district's polygon of the districts input")
    return problems


def derived_ids(public):
    ids = []
    for name in sorted(os.listdir(public)):
        manifest = os.path.join(public, name, "latest", "manifest.json")
        if os.path.isfile(manifest):
            with open(manifest, encoding="utf-8") as f:
                if json.load(f).get("derivedFrom"):
                    ids.append(name)
    return ids


def main(arguments):
    if not arguments or arguments[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    public, ids = arguments[0], arguments[1:]
    if not os.path.isdir(public):
        print(f"recompute: {public} is not a folder: give the public tree a release wrote", file=sys.stderr)
        return 2
    ids = ids or derived_ids(public)
    if not ids:
        print(f"recompute: no derived dataset found in {public} (no latest manifest.json has derivedFrom): "
              "release datasets that declare derive: first", file=sys.stderr)
        return 2
    failed = False
    for indicator in ids:
        problems = check(public, indicator)
        for line in problems:
            print(line)
        failed = failed or bool(problems)
        if not problems:
            print(f"{indicator}: agrees with its recomputation, district by district")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
