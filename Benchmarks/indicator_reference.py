#!/usr/bin/env python3
"""The reference tool of the indicators case: one indicator computed with shapely and pyproj from the
latest published inputs of a public tree, by the definitions the independent check uses
(Tests/Indicators/recompute.py). Prints how many districts got a row and how many a value.

Usage: indicator_reference.py PUBLIC INDICATOR-ID"""
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "Indicators"))

import recompute  # noqa: E402

# What each indicator reads: the files Lumpini's derivation reads too (GeoJSON for shapes, CSV for tables and series).
FILES = {
    "green-space-per-person-sample": [(recompute.DISTRICTS, "geojson"), (recompute.PARKS, "geojson"), (recompute.POPULATION, "csv")],
    "pm25-annual-mean-by-district-sample": [(recompute.DISTRICTS, "geojson"), (recompute.PM25, "csv")],
    "waste-per-person-sample": [(recompute.DISTRICTS, "geojson"), (recompute.WASTE, "csv"), (recompute.POPULATION, "csv")],
    "park-access-500m-sample": [(recompute.DISTRICTS, "geojson"), (recompute.PARKS, "geojson")],
}


def main(public, indicator):
    tables = {dataset: recompute.read_table(os.path.join(public, dataset, "latest", f"{dataset}.{extension}"))
              for dataset, extension in FILES[indicator]}
    result = recompute.recompute(indicator, tables)
    print(json.dumps({"districts": len(result), "withValue": sum(value is not None for value, _, _ in result.values())}))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in FILES:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
