"""Running a command and measuring it: wall time, CPU time and peak resident set size.

Each command runs under GNU time (`/usr/bin/time`, from `make deps`), which reports the peak RSS
("Maximum resident set size" of `time -v`) and the CPU time of the command and the children it
waited for. GNU time, not this script's own `wait4`: a child forked from a large process is
charged that process's RSS up to its `exec`, and this script grows while it reads outputs. Wall
time is measured here around the whole run, so it includes process start-up, as a user sees it.
"""

import math
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Run:
    """One timed run of a command."""

    seconds: float
    cpu_seconds: float
    peak_rss_kb: int
    exit_code: int
    stdout: str
    stderr: str
    timed_out: bool = False


GNU_TIME = "/usr/bin/time"


def run(argv, env=None, cwd=None, timeout=1800):
    """Runs `argv` to completion (killed after `timeout` seconds) and measures it: wall time, CPU
    time (user + system, all threads) and peak RSS. stdout and stderr go to temporary files (no pipe
    can fill up and stall the command); the last 4 MB of stdout and 4,000 characters of stderr are kept."""
    if not os.access(GNU_TIME, os.X_OK):
        raise SystemExit(f"{GNU_TIME} is missing: install the `time` package (make deps)")
    environment = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    environment.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as usage:
        start = time.perf_counter()
        process = subprocess.Popen([GNU_TIME, "-f", "%M %U %S", "-o", usage.name, *argv], stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL, env=environment, cwd=cwd, start_new_session=True)
        expired = threading.Event()

        def kill():
            expired.set()
            os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            process.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        peak_kb, cpu = _usage(usage.read())
        return Run(seconds, cpu, peak_kb, process.returncode, _tail(out, 4 << 20), _tail(err), expired.is_set())


def _usage(text):
    """(peak RSS in KB, user + system seconds) from GNU time's last line ("Command exited with
    non-zero status N" comes before it); zeros when the command was killed before it wrote it."""
    lines = text.strip().splitlines()
    try:
        peak, user, system = lines[-1].split()
        return int(peak), float(user) + float(system)
    except (IndexError, ValueError):
        return 0, 0.0


def _tail(handle, limit=4000):
    """The last `limit` bytes a command wrote."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    handle.seek(max(0, size - limit))
    return handle.read().decode("utf-8", errors="replace")


@dataclass
class Series:
    """The runs of one command in one case."""

    label: str
    argv: list
    runs: list = field(default_factory=list)
    # Exit codes of a run that did its work: 1 is "data problems found" for a validator.
    ok_codes: tuple = (0,)

    @property
    def seconds(self):
        return [run.seconds for run in self.runs]

    @property
    def median(self):
        return statistics.median(self.seconds) if self.runs else None

    @property
    def minimum(self):
        return min(self.seconds) if self.runs else None

    @property
    def maximum(self):
        return max(self.seconds) if self.runs else None

    def percentile(self, share):
        """The nearest-rank percentile of the wall times (share 0.95 → p95)."""
        if not self.runs:
            return None
        ordered = sorted(self.seconds)
        rank = max(1, math.ceil(share * len(ordered)))
        return ordered[rank - 1]

    @property
    def median_cpu(self):
        return statistics.median(run.cpu_seconds for run in self.runs) if self.runs else None

    @property
    def peak_rss_mb(self):
        return max(run.peak_rss_kb for run in self.runs) / 1024 if self.runs else None

    @property
    def exit_codes(self):
        return sorted({run.exit_code for run in self.runs})

    @property
    def failed(self):
        """The first run that timed out or exited with a code outside `ok_codes`."""
        return next((run for run in self.runs if run.timed_out or run.exit_code not in self.ok_codes), None)

    @property
    def failure(self):
        """Why the series failed, in one line; None when it did not."""
        run = self.failed
        if run is None:
            return None
        if run.timed_out:
            return f"timed out after {run.seconds:.0f} s"
        return f"exit {run.exit_code}: {_last_line(run.stderr) or _last_line(run.stdout) or '(no message)'}"

    def summary(self, rows=None):
        """Plain data for the results file."""
        data = {
            "label": self.label,
            "command": self.argv,
            "runs": len(self.runs),
            "seconds": [round(value, 4) for value in self.seconds],
            "cpuSeconds": [round(run.cpu_seconds, 3) for run in self.runs],
            "medianCPUSeconds": _round(self.median_cpu),
            "medianSeconds": _round(self.median),
            "minSeconds": _round(self.minimum),
            "maxSeconds": _round(self.maximum),
            "peakRSSMB": _round(self.peak_rss_mb, 1),
            "exitCodes": self.exit_codes,
        }
        if rows and self.median:
            data["rowsPerSecond"] = round(rows / self.median)
        return data


def _round(value, digits=4):
    return None if value is None else round(value, digits)


def side_by_side(series_list, runs, prepare=None, log=print, timeout=1800):
    """Runs each series `runs` times, interleaved (A B A B …) so that load from other work on a
    shared machine falls on all of them alike. `prepare(series)` runs untimed before each run
    (to remove the previous run's output). Stops repeating a series whose run failed."""
    for attempt in range(1, runs + 1):
        for series in series_list:
            if series.failed:
                continue
            if prepare:
                prepare(series)
            result = run(series.argv, timeout=timeout)
            series.runs.append(result)
            note = f"  {series.failure}" if series.failed else ("" if result.exit_code == 0 else f"  exit {result.exit_code}")
            log(f"    {series.label:<28} run {attempt}/{runs}: {result.seconds:8.3f} s  (CPU {result.cpu_seconds:7.2f} s)  {result.peak_rss_kb / 1024:7.1f} MB{note}")


def _last_line(text):
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else None
