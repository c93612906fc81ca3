"""Deterministic benchmark inputs, written into a scratch directory (never into the repository).

Every generator takes a fixed seed, so the same parameters give the same bytes (the parcel
GeoPackage holds the same features; SQLite pages may differ). A generator writes a `.done`
stamp holding its parameters last, so an interrupted run is redone and a finished one is reused.
"""

import csv
import datetime
import hashlib
import json
import math
import os
import random
import shutil
import subprocess
from pathlib import Path

SEED = 20261126
REPOSITORY = Path(__file__).resolve().parent.parent
VOCABULARIES = REPOSITORY / "schemas" / "vocabularies"
GENERATOR_VERSION = 4

# Bangkok's bounding box in WGS 84 (SpatialCoverage.bangkokBBox).
LON_MIN, LAT_MIN, LON_MAX, LAT_MAX = 100.33, 13.49, 100.94, 13.96
# A box in UTM 47N (EPSG:32647) that lies inside Bangkok's bounding box once reprojected.
UTM_X_MIN, UTM_Y_MIN, UTM_X_MAX, UTM_Y_MAX = 650_000.0, 1_500_000.0, 700_000.0, 1_540_000.0

POINT_FIELDS = ["id", "station", "district_code", "date", "pm25", "temp_c", "lon", "lat"]

STATION_KINDS = ["สถานีตรวจวัดคุณภาพอากาศ", "จุดตรวจวัดริมถนน", "สถานีตรวจวัดชั่วคราว"]
STATION_PLACES = [
    "โรงเรียน", "วัด", "สวนสาธารณะ", "ตลาดสด", "สำนักงานเขต", "ศูนย์บริการสาธารณสุข",
    "แยก", "ท่าเรือ", "สถานีรถไฟฟ้า", "ชุมชน",
]
LAND_USES = ["ที่อยู่อาศัย", "พาณิชยกรรม", "อุตสาหกรรม", "เกษตรกรรม", "สถาบันราชการ", "สวนสาธารณะ", "ที่ว่าง"]
TOPICS = [
    ("ฝุ่น PM2.5", "PM2.5 readings", "environment", "ENV"),
    ("คุณภาพน้ำในคลอง", "canal water quality", "water", "DDS"),
    ("จุดเสี่ยงน้ำท่วม", "flood-prone spots", "disaster", "DDS"),
    ("สวนสาธารณะ", "public parks", "environment", "ENV"),
    ("ศูนย์บริการสาธารณสุข", "public health centres", "health", "HEALTH"),
    ("โรงเรียนสังกัดกรุงเทพมหานคร", "BMA schools", "education", "EDU"),
    ("ป้ายรถประจำทาง", "bus stops", "transport", "TTD"),
    ("ไฟส่องสว่าง", "street lights", "public-safety", "PWD"),
    ("ถังขยะ", "waste bins", "environment", "ENV"),
    ("ผังเมืองรวม", "land-use plan", "urban-planning", "CPUD"),
    ("ประชากรตามทะเบียนราษฎร", "registered population", "population", "SDD"),
    ("กล้องวงจรปิด", "CCTV cameras", "public-safety", "CSTD"),
]
LICENSES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODC-By-1.0", "ODbL-1.0", "PDDL-1.0"]
FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "annual", "irregular"]


def districts():
    """(code, Thai name, English name) of Bangkok's 50 districts, from the repository's vocabulary."""
    rows = []
    with open(VOCABULARIES / "districts.tsv", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.append((int(row["code"]), row["name_th"], row["name_en"]))
    return rows


def _fresh(directory, parameters):
    """True when `directory` already holds the output of a finished run with these parameters."""
    stamp = Path(directory) / ".done"
    return stamp.exists() and stamp.read_text() == json.dumps(parameters, sort_keys=True)


def _reset(directory):
    directory = Path(directory)
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    return directory


def _finish(directory, parameters):
    (Path(directory) / ".done").write_text(json.dumps(parameters, sort_keys=True))


def _stations(rng):
    stations = []
    for code, name_th, _ in districts():
        for number in range(1, 5):
            kind = rng.choice(STATION_KINDS)
            place = rng.choice(STATION_PLACES)
            name = f"{kind} {place} เขต{name_th} {number}"
            if rng.random() < 0.1:
                name += ", ประตู 2"  # a comma: the CSV writer quotes the cell
            if rng.random() < 0.05:
                name = f'{name} "ชั่วคราว"'  # quotes inside a quoted cell
            stations.append((name, code))
    return stations


# ---------------------------------------------------------------------------------------------
# Point readings (CSV + Table Schema)

def point_schema():
    """The Frictionless Table Schema of the point readings."""
    return {
        "fields": [
            {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True}},
            {"name": "station", "type": "string", "constraints": {"required": True}},
            {"name": "district_code", "type": "integer", "constraints": {"minimum": 1001, "maximum": 1050}},
            {"name": "date", "type": "date"},
            {"name": "pm25", "type": "number", "constraints": {"minimum": 0}},
            {"name": "temp_c", "type": "number"},
            {"name": "lon", "type": "number", "constraints": {"minimum": LON_MIN, "maximum": LON_MAX}},
            {"name": "lat", "type": "number", "constraints": {"minimum": LAT_MIN, "maximum": LAT_MAX}},
        ],
        "primaryKey": ["id"],
    }


def _readings(rng, rows):
    """`rows` readings drawn in one order (station, date, PM2.5, temperature, lon, lat), so that the
    same seed gives the same file: (id, station, district code, date, pm25, temp_c, lon, lat)."""
    stations = _stations(rng)
    start = datetime.date(2023, 1, 1).toordinal()
    for row_id in range(1, rows + 1):
        station, code = stations[rng.randrange(len(stations))]
        day = datetime.date.fromordinal(start + rng.randrange(730))
        pm25 = round(rng.gammavariate(2.5, 12.0), 1)
        temp = round(rng.uniform(22.0, 39.0), 1)
        lon = rng.uniform(LON_MIN, LON_MAX)
        lat = rng.uniform(LAT_MIN, LAT_MAX)
        yield row_id, station, code, day, pm25, temp, lon, lat


def _write_readings_csv(path, rows_of):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(POINT_FIELDS)
        writer.writerows(rows_of())


def write_points_csv(path, rows, seed=SEED):
    """`rows` point readings: Thai station names, district codes, ISO dates, numbers, lon/lat in Bangkok."""
    rng = random.Random(seed)
    _write_readings_csv(path, lambda: (
        [row_id, station, code, day.isoformat(), f"{pm25:.1f}", f"{temp:.1f}", f"{lon:.6f}", f"{lat:.6f}"]
        for row_id, station, code, day, pm25, temp, lon, lat in _readings(rng, rows)
    ))


def _metadata(dataset_id, title_th, title_en, publisher, theme, rng):
    """The metadata keys of dataset.yaml (and of a manifest's `metadata`), as plain data."""
    return {
        "id": dataset_id,
        "title": {"th": title_th, "en": title_en},
        "description": {
            "th": f"ชุดข้อมูล{title_th} ของกรุงเทพมหานคร สร้างขึ้นเพื่อการทดสอบประสิทธิภาพ",
            "en": f"{title_en.capitalize()} in Bangkok, generated for benchmarks.",
        },
        "publisher": publisher,
        "contact": {"name": "Open Data Team", "email": "opendata@example.go.th"},
        "theme": theme,
        "keywords": {"th": [title_th.split()[0], "กรุงเทพมหานคร"], "en": [title_en.split()[0], "Bangkok"]},
        "license": rng.choice(LICENSES),
        "classification": "public",
        "highValue": {"flag": rng.random() < 0.3, "category": "geospatial"},
        "updateFrequency": rng.choice(FREQUENCIES),
        "spatial": {"name": "Bangkok", "bbox": [LON_MIN, LAT_MIN, LON_MAX, LAT_MAX]},
        "temporal": {"start": "2023-01-01", "end": "2024-12-31"},
        "governance": {"status": "approved", "approvedBy": "Data Governance Committee", "approvedOn": "2024-01-15"},
        "indicators": {"livability": [], "sdg": ["11.6.2"]},
        "gdCatalog": {},
    }


def _yaml_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def to_yaml(value, indent=0):
    """Block-style YAML for plain data (dicts, lists, scalars); no anchors, no tabs."""
    pad = "  " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.append(to_yaml(item, indent + 1))
            elif isinstance(item, dict):
                lines.append(f"{pad}{key}: {{}}")
            elif isinstance(item, list):
                lines.append(f"{pad}{key}: []")
            else:
                lines.append(f"{pad}{key}: {_yaml_scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                body = to_yaml(item, indent + 1).splitlines()
                lines.append(f"{pad}- {body[0].lstrip()}")
                lines.extend(body[1:])
            else:
                lines.append(f"{pad}- {_yaml_scalar(item)}")
    return "\n".join(lines)


# The recipe a data officer writes for a readings file as agencies send it (docs/dataset-yaml.md).
OFFICER_RECIPE = [
    {"step": "clean-text"},
    {"step": "parse-dates", "fields": ["date"], "order": "dmy", "era": "buddhist", "onInvalid": "quarantine"},
    {"step": "parse-numbers", "fields": ["pm25", "temp_c"], "units": ["µg/m³", "มคก./ลบ.ม.", "°C"], "onInvalid": "quarantine"},
    {"step": "remove-duplicates", "key": ["id"]},
    {"step": "points-from-columns"},
    {"step": "require-in-area"},
]

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def write_officer_points_csv(path, rows, seed=SEED):
    """The point readings as an agency sends them, for the officer's recipe: station names with
    doubled, leading and zero-width spaces; Buddhist-Era dates written dd/mm/yyyy; readings with
    units and some in Thai digits; about 1 % of rows repeated whole; a few at (0, 0). `rows` lines in all."""
    rng = random.Random(seed)
    mess = random.Random(seed + 1)

    def lines():
        written = 0
        for row_id, station, code, day, pm25, temp, lon, lat in _readings(rng, rows):
            if mess.random() < 0.3:
                station = " " + station.replace(" ", "  ", 1) + "\u200b "
            reading = f"{pm25:.1f}"
            if mess.random() < 0.2:
                reading = reading.translate(THAI_DIGITS)
            if mess.random() < 0.3:
                reading += " µg/m³"
            if mess.random() < 0.001:
                lon, lat = 0.0, 0.0
            row = [row_id, station, code, f"{day.day:02d}/{day.month:02d}/{day.year + 543}", reading, f"{temp:.1f}", f"{lon:.6f}", f"{lat:.6f}"]
            for _ in range(2 if mess.random() < 0.01 else 1):  # a row repeated whole: remove-duplicates sets it aside
                if written == rows:
                    return
                written += 1
                yield row

    _write_readings_csv(path, lines)


def _copy_vocabularies(root):
    target = Path(root) / "schemas" / "vocabularies"
    target.mkdir(parents=True, exist_ok=True)
    for name in os.listdir(VOCABULARIES):
        shutil.copyfile(VOCABULARIES / name, target / name)


def points_dataset_yaml(dataset_id, title_th, title_en, source_file, rng, recipe=None):
    description = _metadata(dataset_id, title_th, title_en, "ENV", "environment", rng)
    description["source"] = {
        "paths": [f"source/{source_file}"],
        "encoding": "UTF-8",
        "crs": "EPSG:4326",
        "coordinates": {"x": "lon", "y": "lat"},
    }
    description["schema"] = "pm25-readings"
    description["recipe"] = recipe or [{"step": "points-from-columns"}]
    description["outputs"] = {"formats": ["geojson", "csv"]}
    return to_yaml(description) + "\n"


def points_workspace(scratch, rows, officer=False):
    """A workspace (`datasets/`, `schemas/`) holding the dataset `bench-points` of `rows` readings,
    published with the minimal recipe (`points-from-columns`), or with `officer`, `bench-points-officer`:
    the messy file and the officer's recipe (`OFFICER_RECIPE`).

    Returns a dict: root, dataset id, csv path, schema path.
    """
    kind = "points-officer" if officer else "points"
    root = Path(scratch) / f"{kind}-{rows}"
    parameters = {"kind": kind, "rows": rows, "seed": SEED, "version": GENERATOR_VERSION}
    dataset_id = "bench-points-officer" if officer else "bench-points"
    layout = {
        "root": root,
        "id": dataset_id,
        "csv": root / "datasets" / dataset_id / "source" / "readings.csv",
        "schema": root / "schemas" / "pm25-readings.schema.json",
        "rows": rows,
    }
    if _fresh(root, parameters):
        return layout
    _reset(root)
    _copy_vocabularies(root)
    layout["csv"].parent.mkdir(parents=True)
    (write_officer_points_csv if officer else write_points_csv)(layout["csv"], rows)
    layout["schema"].write_text(json.dumps(point_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rng = random.Random(SEED)
    text = points_dataset_yaml(dataset_id, "ค่าฝุ่น PM2.5 รายวัน (ข้อมูลทดสอบ)", "daily PM2.5 readings (benchmark data)", "readings.csv", rng,
                               recipe=OFFICER_RECIPE if officer else None)
    (root / "datasets" / dataset_id / "dataset.yaml").write_text(text, encoding="utf-8")
    _finish(root, parameters)
    return layout


# ---------------------------------------------------------------------------------------------
# Parcels (GeoPackage in EPSG:32647, a few percent bow-ties)

def _ring(rng, cx, cy, vertices, radius):
    # Evenly spread angles (jittered) keep the centre inside and the ring simple.
    step = 2 * math.pi / vertices
    angles = [index * step + rng.uniform(-0.3, 0.3) * step for index in range(vertices)]
    points = []
    for angle in angles:
        distance = radius * rng.uniform(0.6, 1.0)
        points.append((cx + distance * math.cos(angle), cy + distance * math.sin(angle)))
    return points


def _wkt_ring(points):
    closed = points + [points[0]]
    return "(" + ",".join(f"{x:.2f} {y:.2f}" for x, y in closed) + ")"


def _area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def write_parcels_csv(path, count, invalid_share, seed=SEED):
    """Parcels as WKT in UTM 47N: star-shaped rings (simple polygons), some with a hole, and
    `invalid_share` of them bow-ties (two vertices of a quadrilateral swapped). Returns the bow-tie count."""
    rng = random.Random(seed)
    codes = [code for code, _, _ in districts()]
    bow_ties = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["parcel_id", "district_code", "land_use", "area_sqm", "wkt"])
        for parcel_id in range(1, count + 1):
            cx = rng.uniform(UTM_X_MIN, UTM_X_MAX)
            cy = rng.uniform(UTM_Y_MIN, UTM_Y_MAX)
            radius = rng.uniform(12.0, 60.0)
            if rng.random() < invalid_share:
                points = _ring(rng, cx, cy, 4, radius)
                points[1], points[2] = points[2], points[1]  # the edges 0-2 and 1-3 now cross: a bow-tie
                bow_ties += 1
                rings = [points]
            else:
                vertices = 4 if rng.random() < 0.6 else rng.randint(5, 24)
                points = _ring(rng, cx, cy, vertices, radius)
                rings = [points]
                if rng.random() < 0.05:
                    hole = [(cx + (x - cx) * 0.15, cy + (y - cy) * 0.15) for x, y in reversed(points)]
                    rings.append(hole)
            wkt = "POLYGON(" + ",".join(_wkt_ring(ring) for ring in rings) + ")"
            area = _area(rings[0]) - sum(_area(ring) for ring in rings[1:])
            writer.writerow([parcel_id, rng.choice(codes), rng.choice(LAND_USES), f"{area:.1f}", wkt])
    return bow_ties


def parcels_workspace(scratch, count=50_000, invalid_share=0.03):
    """A workspace holding the dataset `bench-parcels`: a GeoPackage of `count` parcels in EPSG:32647.

    Returns a dict: root, id, gpkg path, count, invalid (bow-ties written).
    """
    root = Path(scratch) / f"parcels-{count}"
    parameters = {"kind": "parcels", "count": count, "invalid": invalid_share, "seed": SEED, "version": GENERATOR_VERSION}
    dataset_id = "bench-parcels"
    source = root / "datasets" / dataset_id / "source"
    layout = {"root": root, "id": dataset_id, "gpkg": source / "parcels.gpkg", "count": count}
    if _fresh(root, parameters):
        layout["invalid"] = json.loads((root / "bow-ties.json").read_text())["bowTies"]
        return layout
    _reset(root)
    _copy_vocabularies(root)
    source.mkdir(parents=True)
    wkt_csv = root / "parcels-wkt.csv"
    bow_ties = write_parcels_csv(wkt_csv, count, invalid_share)
    subprocess.run(
        ["ogr2ogr", "-q", "-f", "GPKG", str(layout["gpkg"]), str(wkt_csv), "-nln", "parcels", "-a_srs", "EPSG:32647",
         "-nlt", "POLYGON", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=YES"],
        check=True,
    )
    wkt_csv.unlink()
    (root / "bow-ties.json").write_text(json.dumps({"bowTies": bow_ties}))
    (root / "schemas" / "parcels.schema.json").write_text(json.dumps({
        "fields": [
            {"name": "parcel_id", "type": "integer", "constraints": {"required": True, "unique": True}},
            {"name": "district_code", "type": "integer", "constraints": {"minimum": 1001, "maximum": 1050}},
            {"name": "land_use", "type": "string"},
            {"name": "area_sqm", "type": "number", "constraints": {"minimum": 0}},
        ],
        "primaryKey": ["parcel_id"],
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    description = _metadata(dataset_id, "แปลงที่ดิน (ข้อมูลทดสอบ)", "land parcels (benchmark data)", "CPUD", "urban-planning", random.Random(SEED))
    description["source"] = {"paths": ["source/parcels.gpkg"], "layer": "parcels", "crs": "EPSG:32647"}
    description["schema"] = "parcels"
    description["recipe"] = [{"step": "make-valid"}, {"step": "reproject"}]
    description["outputs"] = {"formats": ["geojson", "csv"]}
    (root / "datasets" / dataset_id / "dataset.yaml").write_text(to_yaml(description) + "\n", encoding="utf-8")
    layout["invalid"] = bow_ties
    _finish(root, parameters)
    return layout


# ---------------------------------------------------------------------------------------------
# Many small dataset packages (for the no-op release)

def packages_workspace(scratch, count=800, rows=50):
    """A workspace of `count` small point datasets (`bench-pkg-0001`…), `rows` readings each,
    all sharing the point schema: the odd ones clean with the minimal recipe, the even ones messy with
    the officer's. Returns a dict: root, count, ids."""
    root = Path(scratch) / f"packages-{count}"
    parameters = {"kind": "packages", "count": count, "rows": rows, "seed": SEED, "version": GENERATOR_VERSION}
    ids = [f"bench-pkg-{number:04d}" for number in range(1, count + 1)]
    layout = {"root": root, "count": count, "ids": ids}
    if _fresh(root, parameters):
        return layout
    _reset(root)
    _copy_vocabularies(root)
    (root / "schemas" / "pm25-readings.schema.json").write_text(json.dumps(point_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rng = random.Random(SEED)
    names = districts()
    for number, dataset_id in enumerate(ids, start=1):
        folder = root / "datasets" / dataset_id
        (folder / "source").mkdir(parents=True)
        officer = number % 2 == 0
        (write_officer_points_csv if officer else write_points_csv)(folder / "source" / "readings.csv", rows, seed=SEED + number)
        _, name_th, name_en = names[number % len(names)]
        text = points_dataset_yaml(dataset_id, f"ค่าฝุ่น PM2.5 เขต{name_th} ชุดที่ {number}", f"PM2.5 readings in {name_en}, set {number}", "readings.csv", rng,
                                   recipe=OFFICER_RECIPE if officer else None)
        (folder / "dataset.yaml").write_text(text, encoding="utf-8")
    _finish(root, parameters)
    return layout


# ---------------------------------------------------------------------------------------------
# A public tree of released datasets (for the catalogue)

def catalogue_tree(scratch, count=10_000):
    """A public tree of `count` released datasets (`public/<id>/v<N>/manifest.json`, one small GeoJSON
    data file each, `latest` → the newest version; every tenth dataset has two versions).
    Returns a dict: root (the public tree), count, ids, search term."""
    root = Path(scratch) / f"catalogue-{count}" / "public"
    parameters = {"kind": "catalogue", "count": count, "seed": SEED, "version": GENERATOR_VERSION}
    layout = {"root": root, "count": count, "search": "PM2.5", "search_th": "สวนสาธารณะ"}
    rng = random.Random(SEED)
    names = districts()
    entries = []
    for number in range(1, count + 1):
        title_th, title_en, theme, publisher = TOPICS[number % len(TOPICS)]
        _, district_th, district_en = names[number % len(names)]
        slug = title_en.lower().replace(".", "").replace(" ", "-")
        entries.append((f"{slug}-{district_en.lower().replace(' ', '-')}-{number:05d}", f"{title_th} เขต{district_th}",
                        f"{title_en} in {district_en}", theme, publisher))
    layout["ids"] = [entry[0] for entry in entries]
    if _fresh(root.parent, parameters):
        return layout
    _reset(root.parent)
    root.mkdir()
    for dataset_id, title_th, title_en, theme, publisher in entries:
        metadata = _metadata(dataset_id, title_th, title_en, publisher, theme, rng)
        versions = 2 if rng.random() < 0.1 else 1
        for version in range(1, versions + 1):
            directory = root / dataset_id / f"v{version}"
            directory.mkdir(parents=True)
            lon, lat = rng.uniform(LON_MIN, LON_MAX), rng.uniform(LAT_MIN, LAT_MAX)
            geojson = json.dumps({"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}}]})
            data = geojson.encode("utf-8")
            (directory / f"{dataset_id}.geojson").write_bytes(data)
            manifest = {
                "manifestVersion": 1,
                "id": dataset_id,
                "version": version,
                "releasedAt": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}T08:00:00Z",
                "lumpiniVersion": "0.1.0",
                "inputHash": hashlib.sha256(f"{dataset_id}-{version}".encode()).hexdigest(),
                "inputs": {"sources": [], "datasetYAML": "", "schema": ""},
                "counts": {"rowsIn": 1, "rowsPublished": 1, "rowsQuarantined": 0, "features": 1},
                "extent": {"minX": lon, "minY": lat, "maxX": lon, "maxY": lat},
                "geometryType": "Point",
                "quality": {"valid": True, "errorCount": 0, "warningCount": 0, "changedValues": 0},
                "files": [{"path": f"{dataset_id}.geojson", "format": "GeoJSON", "mediaType": "application/geo+json",
                           "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "role": "data"}],
                "metadata": metadata,
            }
            (directory / "manifest.json").write_text(json.dumps(manifest, sort_keys=True, ensure_ascii=False), encoding="utf-8")
        os.symlink(f"v{versions}", root / dataset_id / "latest")
    _finish(root.parent, parameters)
    return layout


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write the benchmark inputs into a scratch directory.")
    parser.add_argument("what", choices=["points", "parcels", "packages", "catalogue"])
    parser.add_argument("--scratch", default=str(REPOSITORY / "Benchmarks" / "scratch"))
    parser.add_argument("--rows", type=int, default=100_000, help="points: readings in the CSV")
    parser.add_argument("--count", type=int, help="parcels, packages, catalogue: how many")
    parser.add_argument("--officer", action="store_true", help="points: the messy file and the officer's recipe (bench-points-officer)")
    arguments = parser.parse_args()
    Path(arguments.scratch).mkdir(parents=True, exist_ok=True)
    if arguments.what == "points":
        print(points_workspace(arguments.scratch, arguments.rows, officer=arguments.officer))
    elif arguments.what == "parcels":
        print(parcels_workspace(arguments.scratch, arguments.count or 50_000))
    elif arguments.what == "packages":
        print(packages_workspace(arguments.scratch, arguments.count or 800)["root"])
    else:
        print(catalogue_tree(arguments.scratch, arguments.count or 10_000)["root"])
