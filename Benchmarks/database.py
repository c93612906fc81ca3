"""The database case: `lumpini release --database` loading the published point readings into
PostGIS vs `ogr2ogr -f PostgreSQL` (PG_USE_COPY=YES) of the same GeoJSON into the same server, and
vs a minimal loader on PostgresNIO's COPY (`Benchmarks/PostgresNIOLoader`, a package of its own, built
here in release mode): the client docs/database.md chose against, measured on the same points.

The server is PostgreSQL 15 with PostGIS from Debian (`postgresql-15-postgis-3`), made for the run in
the scratch folder on a free loopback port, run as the `postgres` user when the benchmark runs as root,
and stopped afterwards.
"""

import json
import os
import shutil
import socket
import subprocess
import uuid
from pathlib import Path

import inputs
from cases import _manifest, _ratio, _series_summary, _time_target, not_measured, warnings_for
from measure import Series, run, side_by_side

BINARIES = Path("/usr/lib/postgresql/15/bin")
NIO_LOADER = Path(__file__).resolve().parent / "PostgresNIOLoader"
POSTGIS = Path("/usr/share/postgresql/15/extension/postgis.control")


class Server:
    """A throw-away PostgreSQL cluster; `url` connects over TCP without a password (trust, loopback only)."""

    def __init__(self, scratch):
        self.directory = Path(scratch) / f"postgres-{uuid.uuid4().hex[:8]}"
        self.directory.mkdir(parents=True)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        if os.getuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        data = self.directory / "data"
        self._as_server("initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        self._as_server("pg_ctl", "-D", str(data), "-l", str(self.directory / "server.log"), "-w", "-o",
                        f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self.sql("CREATE EXTENSION postgis")

    def _as_server(self, tool, *arguments):
        command = [str(BINARIES / tool), *arguments]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd="/")

    def sql(self, statement):
        result = subprocess.run(["psql", self.url, "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-c", statement],
                                check=True, capture_output=True, text=True)
        return result.stdout.strip()

    def stop(self):
        try:
            self._as_server("pg_ctl", "-D", str(self.directory / "data"), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


def _nio_loader(log):
    """The PostgresNIO loader's release build: (path, None), or (None, why it is missing)."""
    log("  database: building the PostgresNIO loader (release)")
    built = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(NIO_LOADER), "--product", "postgresnio-load"],
                           capture_output=True, text=True)
    binary = NIO_LOADER / ".build" / "release" / "postgresnio-load"
    if built.returncode != 0 or not binary.exists():
        return None, f"the PostgresNIO loader did not build: {(built.stderr or built.stdout).strip()[-300:]}"
    return binary, None


def database_load(context, rows):
    """Loading the published point readings into PostGIS: lumpini's database step vs ogr2ogr."""
    name = "load into PostGIS ≤ 1.5 × ogr2ogr -f PostgreSQL (PG_USE_COPY=YES)"
    case = {"case": f"database-load-{rows}", "title": f"published GeoJSON of {rows:,} points → PostGIS table, view, indexes", "rows": rows, "checks": {}}
    missing = context.missing("release") or (None if (BINARIES / "initdb").exists() and POSTGIS.exists()
                                             else "PostgreSQL 15 with PostGIS is not installed (make deps)")
    if missing:
        case.update(lumpini={"skipped": missing}, targets=[not_measured(name, missing)])
        return [case]
    workspace = inputs.points_workspace(context.scratch, rows)
    public = context.output(f"database-{rows}") / "public"
    release = [context.binary, "release", workspace["id"], "--root", str(workspace["root"]), "--public", str(public)]
    context.log(f"  database load, {rows:,} points: publishing first")
    published = run(release, timeout=max(context.timeout, 3600))
    geojson = public / workspace["id"] / "latest" / f"{workspace['id']}.geojson"
    if published.exit_code != 0 or not geojson.exists():
        case.update(lumpini={"skipped": "the publish failed"}, targets=[not_measured(name, f"the publish exited with {published.exit_code}")])
        return [case]
    server = Server(context.scratch)
    try:
        # The release is unchanged after the publish above: a run is the database step (plus a no-op release).
        lumpini = Series("lumpini release --database", [*release, "--json", "--database", server.url])
        reference = Series("ogr2ogr -f PostgreSQL", ["env", "PG_USE_COPY=YES", "ogr2ogr", "-f", "PostgreSQL", "PG:" + server.url,
                                                     str(geojson), "-nln", "reference.points", "-lco", "GEOMETRY_NAME=geom",
                                                     "-lco", "SPATIAL_INDEX=GIST", "-overwrite"])

        loader, loader_missing = _nio_loader(context.log)
        nio = Series("postgresnio-load (COPY)", [str(loader), server.url, "nio.points", str(geojson)]) if loader else None

        def prepare(series):
            # Each starts from an empty schema of its own: lumpini then finds nothing loaded, and loads.
            if series is lumpini:
                server.sql("DROP SCHEMA IF EXISTS opendata CASCADE")
            elif series is nio:
                server.sql("DROP SCHEMA IF EXISTS nio CASCADE")
            else:
                server.sql("DROP SCHEMA IF EXISTS reference CASCADE; CREATE SCHEMA reference")

        side_by_side([lumpini, reference] + ([nio] if nio else []), context.runs, prepare=prepare, timeout=context.timeout,
                     long_run=context.long_run, log=context.log)
        view = "opendata." + workspace["id"].replace("-", "_")
        checks = case["checks"]
        checks["rowsPublished"] = ((_manifest(public, workspace["id"]) or {}).get("counts") or {}).get("rowsPublished")
        checks["viewRows"] = int(server.sql(f"SELECT count(*) FROM {view}")) if not lumpini.failed else None
        checks["referenceRows"] = int(server.sql("SELECT count(*) FROM reference.points")) if not reference.failed else None
        checks["gistIndexes"] = int(server.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = 'opendata' AND indexdef LIKE '%gist%'")) if not lumpini.failed else None
        loaded = json.loads(lumpini.runs[-1].stdout).get("database", {}).get("loaded", []) if lumpini.runs and not lumpini.failed else []
        checks["loadedBy"] = [entry.get("table") for entry in loaded]
        if nio:
            checks["postgresNIORows"] = int(server.sql("SELECT count(*) FROM nio.points")) if not nio.failed else None
        checks["postgresNIO"] = loader_missing or (nio.failure if nio.failure else "measured")
        if nio and not nio.failed and not lumpini.failed:
            checks["lumpiniOverPostgresNIO"] = round(lumpini.median / nio.median, 3)
            checks["lumpiniCPUOverPostgresNIOCPU"] = round(lumpini.median_cpu / nio.median_cpu, 3) if nio.median_cpu else None
            case["references"] = {"postgresnio": _series_summary(nio, rows)}
        case["warnings"] = warnings_for(checks, {"viewRows": rows, "referenceRows": rows, "gistIndexes": 1, "postgresNIORows": rows})
        case.update(lumpini=_series_summary(lumpini, rows), reference=_series_summary(reference, rows), ratio=_ratio(lumpini, reference),
                    targets=[_time_target(name, lumpini, reference, 1.5, None, "lumpini release --database")])
    finally:
        server.stop()
    return [case]
