"""recompute.py on a small public tree made here, whose indicator values are worked out by hand
(squares and rectangles laid out in UTM 47N, so every area is exact arithmetic): the checker agrees
with right figures and names each wrong value, count, note and input hash.

Run: .venv/bin/python -m unittest discover -s Tests/Indicators"""
import csv
import datetime
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import pyproj

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "recompute.py")
TO_LONLAT = pyproj.Transformer.from_crs("EPSG:32647", "EPSG:4326", always_xy=True)
SIDE = 2000.0                  # each district: a 2 km square
ORIGIN = (660_000.0, 1_500_000.0)
# The area of a 500 m buffer's rounded corners: GEOS puts 8 segments in each quarter circle, so the
# four corners make a regular 32-gon inscribed in the circle.
CORNERS_500 = 0.5 * 32 * 500 ** 2 * math.sin(2 * math.pi / 32)


def lonlat(points):
    return [list(TO_LONLAT.transform(x, y)) for x, y in points]


def district_origin(code):
    index = code - 1001
    return ORIGIN[0] + (index % 10) * SIDE, ORIGIN[1] + (index // 10) * SIDE


def rectangle(x, y, width, height):
    return [(x, y), (x + width, y), (x + width, y + height), (x, y + height), (x, y)]


def population(code, year):
    return 1000 + (code - 1000) * 10 if year == 2024 else 1


def write_csv(path, header, rows, bom=False):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_geojson(path, features):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)


def feature(properties, rings):
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": "Polygon", "coordinates": [lonlat(r) for r in rings]}}


def point(properties, x, y):
    return {"type": "Feature", "properties": properties, "geometry": {"type": "Point", "coordinates": lonlat([(x, y)])[0]}}


CODES = range(1001, 1051)


def district_names(code):
    return f"เขตทดสอบ {code}", f"Test {code}"


def expected_green():
    """Parks: 100 m × 100 m inside 1012; 200 m × 100 m across 1014 | 1015; 300 m square with a
    100 m hole in 1017."""
    area = {c: 0.0 for c in CODES}
    area[1012] = 100 * 100
    area[1014] = area[1015] = 100 * 100
    area[1017] = 300 * 300 - 100 * 100
    return {c: area[c] / population(c, 2024) for c in CODES}


def expected_access():
    """The same parks buffered by 500 m (their buffers do not meet): a rectangle's buffer is the
    rectangle, four 500 m strips along its sides and the rounded corners; a hole narrower than
    the buffer is filled."""
    share = {c: 0.0 for c in CODES}
    share[1012] = 100 * 100 + 2 * (100 + 100) * 500 + CORNERS_500
    share[1014] = share[1015] = (200 * 100 + 2 * (200 + 100) * 500 + CORNERS_500) / 2
    share[1017] = 300 * 300 + 2 * (300 + 300) * 500 + CORNERS_500
    return {c: 100 * share[c] / SIDE ** 2 for c in CODES}


def expected_pm25():
    """1001: stations of 366 days at 10 and 275 days at 20 (both qualify); 1002: one station of
    274 days (does not qualify); 1003: 300 days alternating 11 and 12, beside 2023 readings of 100."""
    result = {c: (None, 0, "no station in the district") for c in CODES}
    result[1001] = (15.0, 2, None)
    result[1002] = (None, 0, "no station with at least 75 % of days valid")
    result[1003] = (11.5, 1, None)
    return result


def expected_waste():
    """1001: 12 months at 10 t/day; 1002: three months at 20, 30, 40 (and a 2023 month at 1000);
    every other district: one month at 5 t/day."""
    result = {c: (5 * 1000 / population(c, 2024), 1) for c in CODES}
    result[1001] = (10 * 1000 / population(1001, 2024), 12)
    result[1002] = (30 * 1000 / population(1002, 2024), 3)
    return result


class PublicTree:
    """A public tree with the five inputs and the four indicators, published with right values."""

    def __init__(self, root):
        self.root = root
        self.derived = {}
        districts = [feature({"district_code": c, "district_th": district_names(c)[0], "district_en": district_names(c)[1]},
                             [rectangle(*district_origin(c), SIDE, SIDE)]) for c in CODES]
        self.districts = districts
        self.publish("districts-sample", "districts-sample.geojson", lambda p: write_geojson(p, districts))
        self.publish("population-by-district-sample", "population-by-district-sample.csv", lambda p: write_csv(
            p, ["district_code", "district_th", "district_en", "population", "year"],
            [[c, *district_names(c), population(c, y), y] for y in (2023, 2024) for c in CODES]))
        x12, y12 = district_origin(1012)
        x15, y15 = district_origin(1015)
        x17, y17 = district_origin(1017)
        parks = [
            feature({"park_id": "P1"}, [rectangle(x12 + 950, y12 + 950, 100, 100)]),
            feature({"park_id": "P2"}, [rectangle(x15 - 100, y15 + 950, 200, 100)]),
            feature({"park_id": "P3"}, [rectangle(x17 + 850, y17 + 850, 300, 300), rectangle(x17 + 950, y17 + 950, 100, 100)[::-1]]),
        ]
        self.publish("parks-green-space-sample", "parks-green-space-sample.geojson", lambda p: write_geojson(p, parks))
        self.publish("pm25-readings-sample", "pm25-readings-sample.geojson", lambda p: write_geojson(p, self.readings()))
        waste = [[1001, f"2024-{m:02d}-01", 10] for m in range(1, 13)]
        waste += [[1002, f"2024-{m:02d}-01", t] for m, t in ((3, 20), (4, 30), (5, 40))] + [[1002, "2023-12-01", 1000]]
        waste += [[c, "2024-06-01", 5] for c in CODES if c > 1002]
        self.publish("waste-tonnage-sample", "waste-tonnage-sample.csv",
                     lambda p: write_csv(p, ["district_code", "month", "tonnes_per_day"], waste, bom=True))
        green, access = expected_green(), expected_access()
        self.indicator("green-space-per-person-sample", "m²/person", {c: (green[c], None, None) for c in CODES},
                       ["districts-sample", "parks-green-space-sample", "population-by-district-sample"])
        self.indicator("park-access-500m-sample", "%", {c: (access[c], None, None) for c in CODES},
                       ["districts-sample", "parks-green-space-sample"])
        self.indicator("pm25-annual-mean-by-district-sample", "µg/m³", expected_pm25(), ["districts-sample", "pm25-readings-sample"])
        waste_values = expected_waste()
        self.indicator("waste-per-person-sample", "kg/person/day", {c: (v, n, None) for c, (v, n) in waste_values.items()},
                       ["districts-sample", "population-by-district-sample", "waste-tonnage-sample"])

    def readings(self):
        features = []
        offsets = {"A": 300, "B": 400, "C": 300, "D": 300}

        def station(sid, code, days, values, year=2024, first_day=0):
            x, y = district_origin(code)
            for day in range(first_day, first_day + days):
                date = (datetime.date(year, 1, 1) + datetime.timedelta(days=day)).isoformat()
                features.append(point({"station_id": sid, "date": date, "pm25": values(day)}, x + offsets[sid], y + 400))
        station("A", 1001, 366, lambda d: 10.0)
        station("B", 1001, 275, lambda d: 20.0)
        station("B", 1001, 20, lambda d: None, first_day=300)  # null readings: not valid days
        station("C", 1002, 274, lambda d: 30.0)
        station("D", 1003, 300, lambda d: 11.0 if d % 2 == 0 else 12.0)
        station("D", 1003, 40, lambda d: 100.0, year=2023)
        return features

    def publish(self, dataset, name, write, version=1):
        folder = os.path.join(self.root, dataset, f"v{version}")
        os.makedirs(folder, exist_ok=True)
        write(os.path.join(folder, name))
        os.symlink(f"v{version}", os.path.join(self.root, dataset, "latest"))
        self.files = getattr(self, "files", {})
        self.files[dataset] = (version, name)

    def indicator(self, dataset, unit, values, inputs):
        rows = []
        features = []
        for district in self.districts:
            properties = dict(district["properties"])
            value, n, note = values[properties["district_code"]]
            properties.update({"value": None if value is None else round(value, 2), "unit": unit, "year": 2024, "n": n, "note": note})
            rows.append([properties[k] if properties[k] is not None else "" for k in
                         ("district_code", "district_th", "district_en")] +
                        ["" if value is None else f"{value:.2f}", unit, 2024, "" if n is None else n, note or ""])
            features.append({"type": "Feature", "properties": properties, "geometry": district["geometry"]})
        folder = os.path.join(self.root, dataset, "v1")
        os.makedirs(folder)
        write_csv(os.path.join(folder, f"{dataset}.csv"),
                  ["district_code", "district_th", "district_en", "value", "unit", "year", "n", "note"], rows)
        write_geojson(os.path.join(folder, f"{dataset}.geojson"), features)
        derived = []
        for source in sorted(inputs):
            version, name = self.files[source]
            with open(os.path.join(self.root, source, f"v{version}", name), "rb") as f:
                derived.append({"id": source, "version": version, "file": name, "sha256": hashlib.sha256(f.read()).hexdigest()})
        with open(os.path.join(folder, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump({"manifestVersion": 1, "id": dataset, "version": 1, "derivedFrom": derived}, f)
        os.symlink("v1", os.path.join(self.root, dataset, "latest"))


class RecomputeTests(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="recompute-")
        self.tree = PublicTree(self.root)

    def tearDown(self):
        shutil.rmtree(self.root)

    def run_checker(self, *ids):
        return subprocess.run([sys.executable, SCRIPT, self.root, *ids], capture_output=True, text=True, timeout=300)

    def edit_csv(self, dataset, code, column, text):
        path = os.path.join(self.root, dataset, "v1", f"{dataset}.csv")
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        index = rows[0].index(column)
        for row in rows[1:]:
            if row[0] == str(code):
                row[index] = text
        write_csv(path, rows[0], rows[1:])

    def test_right_figures_agree(self):
        result = self.run_checker()
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout.count("agrees with its recomputation"), 4, result.stdout)

    def test_hand_figures(self):
        # The expectations themselves, spelled out: what the published rows above carry.
        self.assertAlmostEqual(expected_green()[1012], 10_000 / 1120)
        self.assertAlmostEqual(expected_access()[1012], 100 * (10_000 + 200_000 + 780_361.5) / 4e6, places=3)
        self.assertEqual(expected_pm25()[1001], (15.0, 2, None))

    def test_a_wrong_value_is_named(self):
        self.edit_csv("green-space-per-person-sample", 1012, "value", "8.94")  # 8.93 is right: 10 000 m² / 1120
        result = self.run_checker("green-space-per-person-sample")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout.splitlines(),
                         ["green-space-per-person-sample: green-space-per-person-sample.csv district 1012: "
                          "value 8.94 published, 8.928571429 recomputed (tolerance 0.005)"])

    def test_a_wrong_count_is_named(self):
        self.edit_csv("pm25-annual-mean-by-district-sample", 1001, "n", "3")
        result = self.run_checker("pm25-annual-mean-by-district-sample")
        self.assertEqual(result.returncode, 1)
        self.assertIn("district 1001: n '3' published, 2 recomputed", result.stdout)

    def test_a_station_short_of_75_percent_must_not_count(self):
        # 1002's only station has 274 valid days of 366: one short. Publishing its mean is wrong.
        self.edit_csv("pm25-annual-mean-by-district-sample", 1002, "value", "30.00")
        self.edit_csv("pm25-annual-mean-by-district-sample", 1002, "n", "1")
        self.edit_csv("pm25-annual-mean-by-district-sample", 1002, "note", "")
        result = self.run_checker("pm25-annual-mean-by-district-sample")
        self.assertEqual(result.returncode, 1)
        self.assertIn("district 1002: value 30.0 published, None recomputed", result.stdout)

    def test_a_wrong_note_is_named(self):
        self.edit_csv("pm25-annual-mean-by-district-sample", 1002, "note", "no station in the district")
        result = self.run_checker("pm25-annual-mean-by-district-sample")
        self.assertEqual(result.returncode, 1)
        self.assertIn("'no station with at least 75 % of days valid' expected", result.stdout)

    def test_an_input_changed_after_the_release_is_a_hash_mismatch(self):
        path = os.path.join(self.root, "waste-tonnage-sample", "v1", "waste-tonnage-sample.csv")
        with open(path, "a", encoding="utf-8") as f:
            f.write("1003,2024-07-01,5\r\n")
        result = self.run_checker("waste-per-person-sample")
        self.assertEqual(result.returncode, 1)
        self.assertRegex(result.stdout, r"waste-per-person-sample: derivedFrom waste-tonnage-sample v1 "
                                        r"waste-tonnage-sample.csv: sha256 is [0-9a-f]{64}, the manifest says [0-9a-f]{64}")

    def test_the_year_filter_matters(self):
        # Waste of December 2023 and the 2023 population must not count: publishing with them is wrong.
        self.edit_csv("waste-per-person-sample", 1002, "value", f"{(20 + 30 + 40 + 1000) / 4 * 1000 / 1020:.2f}")
        self.assertEqual(self.run_checker("waste-per-person-sample").returncode, 1)

    def test_a_geojson_property_is_checked_too(self):
        path = os.path.join(self.root, "park-access-500m-sample", "v1", "park-access-500m-sample.geojson")
        with open(path, encoding="utf-8") as f:
            collection = json.load(f)
        collection["features"][16]["properties"]["value"] = 12.5
        write_geojson(path, collection["features"])
        result = self.run_checker("park-access-500m-sample")
        self.assertEqual(result.returncode, 1)
        self.assertIn("park-access-500m-sample.geojson district 1017: value 12.5 published", result.stdout)

    def test_a_missing_row_is_named(self):
        path = os.path.join(self.root, "waste-per-person-sample", "v1", "waste-per-person-sample.csv")
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        write_csv(path, rows[0], rows[1:-1])
        result = self.run_checker("waste-per-person-sample")
        self.assertIn("waste-per-person-sample.csv has 49 rows, the districts input 50 districts", result.stdout)

    def test_no_derived_dataset_is_an_error(self):
        empty = tempfile.mkdtemp(prefix="recompute-empty-")
        try:
            result = subprocess.run([sys.executable, SCRIPT, empty], capture_output=True, text=True)
        finally:
            shutil.rmtree(empty)
        self.assertEqual(result.returncode, 2)
        self.assertIn("no derived dataset found", result.stderr)


if __name__ == "__main__":
    unittest.main()
