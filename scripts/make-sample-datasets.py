#!/usr/bin/env python3
"""Writes the source files of the sample datasets in datasets/*/source/, messy in the ways
agency files are. The data is made up (labelled "sample" / "ตัวอย่าง"); the script is
deterministic, so running it again gives the same files.

Needs GDAL's command-line tools (ogr2ogr, gdaltransform) for the shapefile and the Indian 1975
coordinates, and shapely (`make venv`) for the generated district polygons the indicator samples
share. Usage: .venv/bin/python scripts/make-sample-datasets.py [datasets-dir]"""
import datetime
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "datasets")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def source_dir(dataset):
    path = os.path.join(ROOT, dataset, "source")
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    return path


def write_csv(path, rows, encoding, newline="\r\n", bom=False):
    def cell(value):
        value = "" if value is None else str(value)
        if any(c in value for c in ',"\r\n'):
            value = '"' + value.replace('"', '""') + '"'
        return value
    text = newline.join(",".join(cell(v) for v in row) for row in rows) + newline
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


def transform(points, target):
    """lon/lat → target CRS with gdaltransform (one call)."""
    text = "\n".join(f"{lon} {lat}" for lon, lat in points) + "\n"
    out = subprocess.run(["gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", target, "-output_xy"],
                         input=text, capture_output=True, text=True, check=True).stdout
    return [tuple(round(float(v), 2) for v in line.split()) for line in out.strip().splitlines()]


# The generated geography the indicator samples share: 50 made-up district polygons (a Voronoi
# partition of made-up seed points, clipped to a made-up outline of a Bangkok-like area; NOT the
# real boundaries) named with the official codes and names. The six districts whose 2023 PM2.5
# stations the first sample rows name get a seed at that station, so each station lies in its district.
OUTLINE = [(100.36, 13.53), (100.47, 13.50), (100.58, 13.57), (100.70, 13.60), (100.90, 13.64), (100.92, 13.80),
           (100.86, 13.93), (100.70, 13.95), (100.55, 13.94), (100.45, 13.88), (100.38, 13.80), (100.34, 13.68)]
STATION_DISTRICTS = {"1026": (100.5535, 13.7650), "1007": (100.5418, 13.7314), "1047": (100.6045, 13.6680),
                     "1011": (100.7470, 13.7270), "1021": (100.4370, 13.6250), "1008": (100.5120, 13.7560)}
THAI_MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
METRES_PER_DEGREE = 111_320.0


def official_districts():
    """(code, Thai name, English name, aliases) from the project's district vocabulary."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schemas", "vocabularies", "districts.tsv")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            code, th, en, aliases = (line.rstrip("\n").split("\t") + [""])[:4]
            rows.append((code, th, en, [a for a in aliases.split("|") if a]))
    assert len(rows) == 50
    return rows


def rounded(geometry, decimals=6):
    import numpy
    import shapely
    return shapely.transform(geometry, lambda coordinates: numpy.round(coordinates, decimals))


_GEOGRAPHY = None


def geography():
    """{district code: shapely polygon in lon/lat, 6 decimals}, tiling OUTLINE without gaps or overlaps."""
    global _GEOGRAPHY
    if _GEOGRAPHY is not None:
        return _GEOGRAPHY
    import shapely
    from shapely.geometry import MultiPoint, Point, Polygon
    rng = random.Random(1950)
    outline = Polygon(OUTLINE)
    minx, miny, maxx, maxy = outline.bounds
    seeds = []
    while len(seeds) < 50:
        p = (rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if outline.contains(Point(p)) and all(math.dist(p, q) > 0.035 for q in seeds):
            seeds.append(p)
    for _ in range(3):  # Lloyd's relaxation: cells of more even size
        cells = cells_of(seeds, outline)
        seeds = [(c.centroid.x, c.centroid.y) for c in cells]
    codes = [d[0] for d in official_districts()]
    assigned = {}
    free = list(range(len(seeds)))
    for code, station in STATION_DISTRICTS.items():
        nearest = min(free, key=lambda i: math.dist(seeds[i], station))
        free.remove(nearest)
        seeds[nearest] = station
        assigned[code] = nearest
    others = [c for c in codes if c not in assigned]
    rng.shuffle(others)
    for code, index in zip(others, free):
        assigned[code] = index
    cells = cells_of(seeds, outline)
    polygons = {code: rounded(cells[assigned[code]]) for code in sorted(assigned)}
    for code, station in STATION_DISTRICTS.items():
        assert polygons[code].contains(Point(station)), code
    assert all(p.is_valid and p.geom_type == "Polygon" for p in polygons.values())
    assert shapely.coverage_is_valid(list(polygons.values())), "district polygons overlap"
    union = shapely.union_all(list(polygons.values()))  # rounding moves the outline's new vertices by < 1e-6°
    assert union.geom_type == "Polygon" and not union.interiors and abs(union.area - outline.area) < 1e-6, "gaps"
    _GEOGRAPHY = polygons
    return polygons


def cells_of(seeds, outline):
    """The Voronoi cell of each seed (in the seeds' order), clipped to the outline."""
    from shapely import voronoi_polygons
    from shapely.geometry import MultiPoint, Point
    diagram = voronoi_polygons(MultiPoint(seeds), extend_to=outline)
    cells = []
    for seed in seeds:
        cell = next(c for c in diagram.geoms if c.contains(Point(seed)))
        cells.append(cell.intersection(outline))
    return cells


def point_inside(polygon, rng, margin=0.004):
    """A random point at least `margin` degrees inside the polygon."""
    from shapely.geometry import Point
    inner = polygon.buffer(-margin)
    if inner.is_empty:
        inner = polygon.buffer(-margin / 4)
    minx, miny, maxx, maxy = inner.bounds
    while True:
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if inner.contains(p):
            return round(p.x, 4), round(p.y, 4)


# 1. PM2.5 readings: Windows-874 CSV, CRLF, Buddhist-Era dates in four spellings, Thai digits,
#    missing markers, a zero-width space, a duplicate row, an impossible date, a non-Bangkok district
#    (the first 26 rows, January 2023); then every day of 2024 at twenty stations with the gaps real
#    stations have: days without a row, missing markers, a sensor's error code and a negative value
#    (both set aside by the schema), one station down for months, one with 274 valid days (one short
#    of 75 % of 366) and one with exactly 275.
def pm25():
    stations = [
        ("S01", " สถานีตรวจวัด ดินแดง ", "เขตดินแดง", 100.5535, 13.7650),
        ("S02", "สวนลุมพินี", "ปทุมวัน", 100.5418, 13.7314),
        ("S03", "บางนา\u00a0", "Bang Na", 100.6045, 13.6680),
        ("S04", "ลาดกระบัง", "เขตลาดกระบัง", 100.7470, 13.7270),
        ("S05", "บางขุนเทียน", "บางขุนเทียน", 100.4370, 13.6250),
        ("S06", "ป้อมปราบ", "ป้อมปราบฯ", 100.5120, 13.7560),
    ]
    date_styles = [
        lambda d, m, y: f"{d}/{m:02d}/{y}",
        lambda d, m, y: f"{d} {THAI_MONTHS[m - 1]} {y}",
        lambda d, m, y: f"{d}/{m:02d}/{y % 100}".translate(THAI_DIGITS),
        lambda d, m, y: f"{y}-{m:02d}-{d:02d}",
    ]
    values = [["35.2", "๔๑.๐", "38", "-"], ["28.4 มคก./ลบ.ม.", "30.1", "ไม่มีข้อมูล", "33"],
              ["45.5", "๕๐.๒", "47", "44.0"], ["22", "25.5", "27", "๒๙"],
              ["31.3", "36", "34.8", "30"], ["39.9", "42", "40.5", "๓๘.๑"]]
    rows = [["station_id", "station_name", "district", "date", "pm25", "lat", "lon"]]
    for index, (sid, name, district, lon, lat) in enumerate(stations):
        for day in range(4):
            date = date_styles[index % 4](15 + day, 1, 2566)
            if sid == "S03" and day == 3:
                date = "31/02/2566"
            rows.append([sid, name, district, date, values[index][day], f"{lat:.4f}", f"{lon:.4f}"])
        if sid == "S01":
            rows.append(rows[-3])  # the same reading pasted twice
    rows.append(["S07", "ปากเกร็ด", "นนทบุรี", "15/01/2566", "40", "13.9120", "100.4980"])

    rng = random.Random(2567)
    polygons = geography()
    names = {code: (th, en) for code, th, en, _ in official_districts()}
    taken = set(STATION_DISTRICTS)
    free = [c for c in sorted(polygons) if c not in taken]
    rng.shuffle(free)
    new_districts = free[:13] + [free[0]]  # S08 and S21 share a district: two stations, n = 2
    for number, code in enumerate(new_districts, start=8):
        lon, lat = point_inside(polygons[code], rng)
        th, en = names[code]
        district = [f"เขต{th}", th, en][number % 3]
        stations.append((f"S{number:02d}", f"สถานีตรวจวัด {th} {number - 7}", district, lon, lat))
    # Valid days wanted per station (of 366); None = about 92 %, at random.
    valid_days = {"S10": 220, "S11": 274, "S12": 275}
    markers = ["-", "ไม่มีข้อมูล", "", "N/A"]
    start = datetime.date(2024, 1, 1)
    days = [start + datetime.timedelta(days=i) for i in range(366)]
    for index, (sid, name, district, lon, lat) in enumerate(stations):
        wanted = valid_days.get(sid, rng.randint(318, 352))
        valid = set(rng.sample(range(366), wanted)) if sid != "S10" else set(range(wanted))  # S10: down from August
        level = rng.uniform(0.8, 1.25)
        for i, day in enumerate(days):
            season = 38 if day.month in (1, 2, 3, 12) else 24 if day.month in (4, 10, 11) else 14
            date = date_styles[index % 4](day.day, day.month, day.year + 543)
            if i in valid:
                value = round(season * level * rng.uniform(0.6, 1.5), 1)
                text = f"{value}"
                if rng.random() < 0.05:
                    text = text.translate(THAI_DIGITS)
                elif rng.random() < 0.03:
                    text += " มคก./ลบ.ม."
            elif rng.random() < 0.5:
                continue  # no row at all for that day
            else:
                text = rng.choice(markers)
            rows.append([sid, name, district, date, text, f"{lat:.4f}", f"{lon:.4f}"])
    # A sensor's error code and a negative value (set aside by the schema), and a pasted repeat.
    for sid, code in (("S09", "9999"), ("S13", "-3.5")):
        [r for r in rows if r[0] == sid][40][4] = code
    rows.append(list(rows[300]))
    write_csv(os.path.join(source_dir("pm25-readings-sample"), "pm25.csv"), rows, "cp874")


# 2. Parks and green space: polygons in UTM 47N shapefile, DBF in Windows-874 with no .cpg and
#    no code page byte, a bow-tie polygon, a feature without geometry, a polygon with a hole (the
#    first eight features); then parks of 1 to 40 hectares spread over the districts, some across a
#    district boundary, none in four districts.
def parks():
    def square(lon, lat, size=0.004):
        return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]

    def feature(pid, name, district, area, opened, geometry):
        return {"type": "Feature", "properties": {"park_id": pid, "name_th": name, "district": district,
                                                  "area_rai": area, "opened_be": opened}, "geometry": geometry}
    lumpini = square(100.5390, 13.7290, 0.006)
    hole = [[100.6660, 13.6890], [100.6660, 13.6910], [100.6680, 13.6910], [100.6680, 13.6890], [100.6660, 13.6890]]
    features = [
        feature("P01", "สวนลุมพินี", "เขตปทุมวัน", "๓๖๐", "2468", {"type": "Polygon", "coordinates": [lumpini]}),
        feature("P02", "สวนจตุจักร", "จตุจักร", "๑๕๕", "2523", {"type": "Polygon", "coordinates": [square(100.5510, 13.8010)]}),
        feature("P03", "สวนเบญจกิติ", "Khlong Toei", "๑๓๐", "2535", {"type": "Polygon", "coordinates": [square(100.5570, 13.7280)]}),
        feature("P04", "สวนรถไฟ", "เขตจตุจักร", "๓๗๕", "2534", {"type": "Polygon", "coordinates": [square(100.5500, 13.8090)]}),
        feature("P05", "สวนหลวง ร.๙", "ประเวศ", "๕๐๐", "2530",
                {"type": "Polygon", "coordinates": [square(100.6640, 13.6870, 0.006), hole]}),
        feature("P06", "สวนสันติชัยปราการ", "พระนคร", "๘", "2542", {"type": "Polygon", "coordinates": [square(100.4950, 13.7630, 0.002)]}),
        feature("P07", "สวนเสรีไทย", "บึงกุ่ม", "๓๕๐", "2542", {"type": "Polygon", "coordinates": [[
            [100.6700, 13.8200], [100.6760, 13.8260], [100.6760, 13.8200], [100.6700, 13.8260], [100.6700, 13.8200]]]}),
        feature("P08", "สวนหย่อมซอยมิตรไมตรี", "ดินแดง", "๑", "2560", None),
    ]
    from shapely.geometry import Polygon, shape
    from shapely import affinity
    rng = random.Random(2566)
    polygons = geography()
    names = {code: (th, en) for code, th, en, _ in official_districts()}
    placed = [shape(f["geometry"]).buffer(0) for f in features if f["geometry"]]
    parkless = [c for c in sorted(polygons) if not any(polygons[c].intersects(p) for p in placed)]
    rng.shuffle(parkless)
    parkless = set(parkless[:4])
    open_to_parks = [c for c in sorted(polygons) if c not in parkless]
    number = 9
    while number <= 60:
        code = rng.choice(open_to_parks)
        if number % 6 == 0:  # across a boundary: centred on the district's edge
            edge = polygons[code].exterior
            centre = edge.interpolate(rng.uniform(0, edge.length))
            lon, lat = centre.x, centre.y
        else:
            lon, lat = point_inside(polygons[code], rng, margin=0.006)
        width, height = rng.uniform(120, 700), rng.uniform(120, 600)  # metres
        dx, dy = width / 2 / (METRES_PER_DEGREE * math.cos(math.radians(lat))), height / 2 / METRES_PER_DEGREE
        park = affinity.rotate(Polygon([(lon - dx, lat - dy), (lon + dx, lat - dy), (lon + dx, lat + dy),
                                        (lon - dx * 0.6, lat + dy)]), rng.uniform(0, 90), origin=(lon, lat))
        park = rounded(park, 6)
        if (not Polygon(OUTLINE).contains(park) or any(park.distance(p) < 0.001 for p in placed)
                or any(polygons[c].intersects(park) for c in parkless)):
            continue
        placed.append(park)
        th, _ = names[code]
        rai = park.area * METRES_PER_DEGREE ** 2 * math.cos(math.radians(lat)) / 1600
        district = [th, f"เขต{th}", names[code][1]][number % 3]
        features.append(feature(f"P{number:02d}", f"สวนสาธารณะ{th} {number}".translate(THAI_DIGITS if number % 4 == 0 else {}),
                                district, f"{rai:.1f}", str(2500 + number % 60),
                                {"type": "Polygon", "coordinates": [[list(c) for c in park.exterior.coords]]}))
        number += 1
    directory = source_dir("parks-green-space-sample")
    with tempfile.TemporaryDirectory() as tmp:
        geojson = os.path.join(tmp, "parks.geojson")
        with open(geojson, "w", encoding="utf-8") as f:
            json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
        shp = os.path.join(directory, "parks.shp")
        subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:32647", "-lco", "ENCODING=CP874",
                        "-nlt", "POLYGON", shp, geojson],
                       check=True, capture_output=True)
    os.remove(os.path.join(directory, "parks.cpg"))
    with open(os.path.join(directory, "parks.dbf"), "r+b") as f:  # no language driver id either
        f.seek(29)
        f.write(b"\x00")


# 3. Waste tonnage by district: XLSX with two title rows above the header, a blank row, a total
#    row, thousands separators typed as text, Thai dates of the first of the month (the first ten
#    rows, January 2024), then the other months as Excel date cells (serial numbers), every
#    district, with a few district-months missing and one left blank ("-").
def waste():
    rows = [
        ["ปริมาณขยะมูลฝอยที่จัดเก็บได้ รายเขต (ข้อมูลตัวอย่าง)"],
        ["หน่วย: ตัน/วัน   แหล่งที่มา: สำนักสิ่งแวดล้อม"],
        ["ลำดับ", "เขต", "เดือน", "ปริมาณขยะ (ตัน/วัน)", "หมายเหตุ"],
        [1, "เขตพระนคร", "1 ม.ค. 2567", "1,234.5", None],
        [2, "ดุสิต", "1 ม.ค. 2567", 310.2, None],
        [3, "Bang Rak", "1 ม.ค. 2567", "๒๘๗.๔", None],
        [4, "ป้อมปราบฯ", "1 ม.ค. 2567", "198", "-"],
        [5, "สัมพันธวงศ์", "1 มกราคม 2567", "156.75", None],
        [6, "เขตปทุมวัน", "01/01/2567", "1,020", None],
        [7, "ราชเทวี", "1 ม.ค. 2567", 402, None],
        [8, "พญาไท", "1 ม.ค. 67", "255.1", None],
        [9, "บางซื่อ", "1 ม.ค. 2567", "389", "รถเก็บขยะเสีย 2 วัน"],
        [10, "จตุจักร", "1 ม.ค. 2567", "612.3", None],
    ]
    rng = random.Random(2024)
    written = {"พระนคร", "ดุสิต", "บางรัก", "ป้อมปราบศัตรูพ่าย", "สัมพันธวงศ์", "ปทุมวัน", "ราชเทวี", "พญาไท", "บางซื่อ", "จตุจักร"}
    missing = {(c, m) for c, m in zip(rng.sample(range(50), 6), rng.sample(range(2, 13), 6))}
    blank = (17, 5)
    rank = 10
    total = 4866.25
    for month in range(1, 13):
        serial = (datetime.date(2024, month, 1) - datetime.date(1899, 12, 30)).days
        for index, (code, th, en, aliases) in enumerate(official_districts()):
            if (month == 1 and th in written) or (index, month) in missing:
                continue
            rank += 1
            tonnes = round(rng.uniform(60, 420) * (1.1 if month in (12, 1) else 1.0), 1)
            text = [f"{tonnes:,.1f}", tonnes, f"{tonnes}".translate(THAI_DIGITS)][rank % 3]
            if (index, month) == blank:
                text = "-"
            else:
                total += tonnes
            name = [th, f"เขต{th}", en, (aliases or [th])[0]][rank % 4]
            month_cell = f"1 {THAI_MONTHS[month - 1]} 2567" if month == 1 else serial
            rows.append([rank, name, month_cell, text, None])
    rows += [[None, None, None, None, None], [None, "รวม", None, f"{total:,.2f}", None]]
    write_xlsx(os.path.join(source_dir("waste-tonnage-sample"), "waste.xlsx"), "ปริมาณขยะ", rows)


# 9. Districts: GeoJSON exported from a web map, names only (in Thai with or without "เขต", in
#    English, in other spellings), rings clockwise, one district pasted twice and a neighbouring
#    province's district that is not Bangkok's.
def districts():
    from shapely.geometry import mapping
    from shapely.geometry.polygon import orient
    polygons = geography()
    features = []
    for index, (code, th, en, aliases) in enumerate(official_districts()):
        name = [f"เขต{th}", en, th, (aliases or [th])[-1], f"เขต {th}"][index % 5]
        if code == "1008":
            name = "ป้อมปราบฯ"
        geometry = mapping(orient(polygons[code], sign=-1.0))
        features.append({"type": "Feature", "properties": {"KHET_NAME": name, "SOURCE": "แผนที่ผังเมือง (ตัวอย่าง)"},
                         "geometry": geometry})
    features.insert(12, json.loads(json.dumps(features[0])))  # the same district pasted twice
    features.append({"type": "Feature", "properties": {"KHET_NAME": "เมืองนนทบุรี", "SOURCE": "แผนที่ผังเมือง (ตัวอย่าง)"},
                     "geometry": {"type": "Polygon", "coordinates": [[[100.45, 13.86], [100.45, 13.90], [100.50, 13.90],
                                                                      [100.50, 13.86], [100.45, 13.86]]]}})
    with open(os.path.join(source_dir("districts-sample"), "districts.geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "name": "khet", "features": features}, f, ensure_ascii=False)
        f.write("\n")


# 10. Population by district: a Windows-874 CSV from a registration office, the Buddhist-Era year,
#    counts with thousands separators, Thai digits and a unit, codes written in Thai digits, a blank
#    row and a total row after each year.
def population():
    rng = random.Random(2565)
    rows = [["รหัสเขต", "เขต", "ปี พ.ศ.", "จำนวนประชากร"]]
    people = {code: rng.randint(40_000, 190_000) for code, *_ in official_districts()}
    for year in (2566, 2567):
        total = 0
        for index, (code, th, en, aliases) in enumerate(official_districts()):
            count = people[code] if year == 2567 else round(people[code] * rng.uniform(0.985, 1.02))
            total += count
            text = [f"{count:,}", f"{count:,} คน", f"{count}".translate(THAI_DIGITS), f"{count}"][index % 4]
            code_text = code.translate(THAI_DIGITS) if index % 7 == 0 else code
            rows.append([code_text, [th, f"เขต{th}", en][index % 3], f"{year}", text])
        rows += [["", "", "", ""], ["", "รวม", f"{year}", f"{total:,}"]]
    write_csv(os.path.join(source_dir("population-by-district-sample"), "population.csv"), rows, "cp874")


def write_xlsx(path, sheet_name, rows):
    def column(index):
        return chr(ord("A") + index)
    sheet_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{column(c)}{r}"
            if value is None:
                continue
            if isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(sheet_rows) + "</sheetData></worksheet>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 2, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


# 4. Canal water quality stations: CSV with easting/northing in Indian 1975 / UTM 47N
#    (EPSG:24047), one station with the columns swapped, one without coordinates.
def canals():
    stations = [
        ("C01", "คลองแสนแสบ (ประตูน้ำ)", "ราชเทวี", 100.5420, 13.7510, "3 ก.พ. 2567", "๒.๑", "12.5"),
        ("C02", "คลองผดุงกรุงเกษม", "ป้อมปราบศัตรูพ่าย", 100.5150, 13.7520, "3 ก.พ. 2567", "๓.๐", "9.8"),
        ("C03", "คลองบางกอกน้อย", "บางกอกน้อย", 100.4750, 13.7660, "4 ก.พ. 2567", "๔.๒", "6.1"),
        ("C04", "คลองบางลำพู", "พระนคร", 100.4990, 13.7620, "4 ก.พ. 2567", "๑.๘", "14.0"),
        ("C05", "คลองพระโขนง", "คลองเตย", 100.5900, 13.7150, "5 ก.พ. 2567", "๒.๕", "10.2"),
        ("C06", "คลองลาดพร้าว", "ลาดพร้าว", 100.6000, 13.8200, "5 ก.พ. 2567", "๓.๓", "8.7"),
        ("C07", "คลองประเวศบุรีรมย์", "ลาดกระบัง", 100.7800, 13.7200, "6 ก.พ. 2567", "๔.๐", "5.5"),
        ("C08", "คลองเปรมประชากร", "ดอนเมือง", None, None, "6 ก.พ. 2567", "๑.๒", "18.3"),
    ]
    projected = transform([(s[3], s[4]) for s in stations if s[3] is not None], "EPSG:24047")
    rows = [["station_code", "canal", "district", "sampled_on", "do_mg_l", "bod_mg_l", "x", "y"]]
    points = iter(projected)
    for code, canal, district, lon, lat, date, do, bod in stations:
        x, y = next(points) if lon is not None else ("", "")
        if code == "C07":
            x, y = y, x
        rows.append([code, canal, district, date, do, bod, x, y])
    write_csv(os.path.join(source_dir("canal-water-quality-sample"), "canal_stations.csv"), rows, "utf-8", newline="\n")


# 5. Noise monitoring: KML from a web map, values in ExtendedData with units, one point outside
#    Bangkok, one placemark pasted twice.
def noise():
    points = [
        ("N01", "แยกราชประสงค์", "ปทุมวัน", 100.5400, 13.7440, "68.4 dB(A)", "20/03/2567"),
        ("N02", "อนุสาวรีย์ชัยสมรภูมิ", "ราชเทวี", 100.5380, 13.7650, "71.2 dB(A)", "20/03/2567"),
        ("N03", "แยกบางนา", "บางนา", 100.6050, 13.6690, "69.0 dB(A)", "21/03/2567"),
        ("N04", "ถนนพระราม 4", "คลองเตย", 100.5560, 13.7230, "๗๐.๕ dB(A)", "21/03/2567"),
        ("N05", "หมอชิต", "จตุจักร", 100.5530, 13.8020, "72.8 dB(A)", "22/03/2567"),
        ("N06", "สถานีเทียบ เชียงใหม่", "เมืองเชียงใหม่", 98.9850, 18.7900, "60.1 dB(A)", "22/03/2567"),
    ]
    placemarks = []
    for sid, name, district, lon, lat, leq, date in points + [points[0]]:
        data = "".join(f'<Data name="{k}"><value>{escape(v)}</value></Data>'
                       for k, v in (("station_id", sid), ("district", district), ("leq", leq), ("measured_on", date)))
        placemarks.append(f"<Placemark><name>{escape(name)}</name><ExtendedData>{data}</ExtendedData>"
                          f"<Point><coordinates>{lon},{lat}</coordinates></Point></Placemark>")
    kml = ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
           "<name>จุดตรวจวัดเสียง (ตัวอย่าง)</name>\n" + "\n".join(placemarks) + "\n</Document></kml>\n")
    with open(os.path.join(source_dir("noise-monitoring-sample"), "noise.kml"), "w", encoding="utf-8") as f:
        f.write(kml)


# 6. Livability indicators by district: UTF-8 CSV with a BOM, district names only in many
#    spellings (one misspelt, one not in Bangkok), Thai digits, percent signs, BE years.
def livability():
    rows = [["เขต", "green_area_sqm_per_person", "pm25_annual_mean", "piped_water_pct", "year"],
            ["เขตพระนคร", "๕.๒", "24.1", "99.5%", "2566"],
            ["ป้อมปราบฯ", "๑.๘", "25.3", "99.1%", "2566"],
            ["Bang Rak", "๒.๔", "26.0", "98.7%", "2566"],
            ["Pathumwan", "๑๒.๖", "25.1", "99.9%", "2566"],
            ["บางกะปิ ", "๓.๓", "27.4", "97.2 %", "2566"],
            ["บางกระปิ", "๓.๓", "27.4", "97.2 %", "2565"],
            ["ราษฏร์บูรณะ", "๔.๑", "26.8", "95.0%", "2566"],
            ["Chatuchak", "๑๕.๒", "25.9", "99.0%", "2566"],
            ["เขต ลาดกระบัง", "๘.๗", "24.5", "88.4%", "2566"],
            ["Nong Chok", "๒๐.๑", "23.8", "76.3%", "2566"],
            ["บางขุนเทียน", "๙.๐", "26.2", "90.5%", "2566"],
            ["นนทบุรี", "๖.๐", "25.0", "96.0%", "2566"]]
    write_csv(os.path.join(source_dir("livability-indicators-sample"), "livability.csv"), rows, "utf-8", bom=True)


# 7. Public toilets: GeoJSON points with broken geometries: null, empty, (0, 0), a line where a
#    point belongs, lat/lon swapped.
def toilets():
    def feature(tid, name, district, fee, accessible, geometry):
        return {"type": "Feature", "properties": {"toilet_id": tid, "name": name, "district": district, "fee": fee,
                                                  "accessible": accessible}, "geometry": geometry}

    def point(lon, lat):
        return {"type": "Point", "coordinates": [lon, lat]}
    features = [
        feature("T01", "ห้องน้ำสาธารณะ สวนลุมพินี ประตู 1", "ปทุมวัน", "ฟรี", "มี", point(100.54176, 13.73142)),
        feature("T02", "ห้องน้ำ ท่าเรือสาทร", "สาทร", "ฟรี", "ไม่มี", point(100.51412, 13.71891)),
        feature("T03", "ห้องน้ำ ตลาดนัดจตุจักร", "จตุจักร", "เสียค่าบริการ", "มี", point(100.55020, 13.79960)),
        feature("T04", "ห้องน้ำ สนามหลวง", "พระนคร", "ฟรี", "มี", point(100.49240, 13.75480)),
        feature("T05", "ห้องน้ำ เยาวราช", "สัมพันธวงศ์", "เสียค่าบริการ", "ไม่มี", point(100.50960, 13.74050)),
        feature("T06", "ห้องน้ำ สวนเบญจกิติ", "คลองเตย", "ฟรี", "มี", point(100.55850, 13.73010)),
        feature("T07", "ห้องน้ำ สถานีบางซื่อ", "บางซื่อ", "ฟรี", "มี", point(13.80360, 100.53990)),
        feature("T08", "ห้องน้ำ (ไม่มีพิกัด)", "บางรัก", "ฟรี", "ไม่มี", None),
        feature("T09", "ห้องน้ำ ท่าน้ำนนท์", "บางรัก", "ฟรี", "ไม่มี", {"type": "Point", "coordinates": []}),
        feature("T10", "ห้องน้ำ ทดสอบระบบ", "บางนา", "ฟรี", "มี", point(0, 0)),
        feature("T11", "ห้องน้ำ ทางเดินริมคลอง", "บางกอกน้อย", "ฟรี", "มี",
                {"type": "LineString", "coordinates": [[100.4760, 13.7650], [100.4780, 13.7660]]}),
    ]
    with open(os.path.join(source_dir("public-toilets-sample"), "toilets.geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False, indent=1)
        f.write("\n")


# 8. Flood-prone points: CSV where the agency swapped lat and lon in three rows, depths with
#    units in Thai digits, two-digit Buddhist-Era years.
def flood():
    points = [
        ("F01", "ถนนสุขุมวิท ซอย 39", "วัฒนา", 100.5740, 13.7310, "๒๐ ซม.", "12 ต.ค. 65", False),
        ("F02", "ถนนรามคำแหง หน้ามหาวิทยาลัย", "บางกะปิ", 100.6210, 13.7560, "๓๕ ซม.", "12 ต.ค. 65", True),
        ("F03", "ถนนงามวงศ์วาน แยกบางเขน", "จตุจักร", 100.5700, 13.8560, "๑๕ ซม.", "3 ก.ย. 65", False),
        ("F04", "ถนนเพชรเกษม ซอย 48", "ภาษีเจริญ", 100.4260, 13.7170, "๔๐ ซม.", "3 ก.ย. 65", True),
        ("F05", "ถนนพระราม 9", "ห้วยขวาง", 100.5780, 13.7580, "25 cm", "20 ส.ค. 65", False),
        ("F06", "ถนนวิภาวดีรังสิต หน้าดอนเมือง", "ดอนเมือง", 100.5970, 13.9130, "๓๐ ซม.", "20 ส.ค. 65", False),
        ("F07", "ถนนลาดพร้าว ซอย 101", "บางกะปิ", 100.6250, 13.7870, "๕๐ ซม.", "12 ต.ค. 65", True),
        ("F08", "ถนนจรัญสนิทวงศ์", "บางพลัด", 100.4890, 13.7920, "๒๕ ซม.", "3 ก.ย. 65", False),
        ("F09", "ถนนบางนา-ตราด กม.3", "บางนา", 100.6420, 13.6660, "๒๐ ซม.", "12 ต.ค. 65", False),
        ("F10", "ซอยอ่อนนุช 17", "สวนหลวง", None, None, "๑๐ ซม.", "12 ต.ค. 65", False),
    ]
    rows = [["point_id", "location", "district", "max_depth", "last_flooded", "lat", "lon"]]
    for pid, location, district, lon, lat, depth, date, swapped in points:
        lat_text, lon_text = (f"{lat:.4f}", f"{lon:.4f}") if lon is not None else ("", "")
        if swapped:
            lat_text, lon_text = lon_text, lat_text
        rows.append([pid, location, district, depth, date, lat_text, lon_text])
    write_csv(os.path.join(source_dir("flood-prone-points-sample"), "flood_points.csv"), rows, "utf-8", newline="\n")


if __name__ == "__main__":
    for make in (pm25, parks, waste, canals, noise, livability, toilets, flood, districts, population):
        make()
