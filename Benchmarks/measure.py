"""Running a command and measuring it: wall time and peak resident set size.

Peak RSS comes from the kernel's rusage of the finished child (`wait4`), the same figure
`/usr/bin/time -v` prints as "Maximum resident set size"; it covers the command and the
children it waited for. Wall time is measured around fork and wait, so it includes process
start-up, as a user at a terminal would see it.
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
    peak_rss_kb: int
    exit_code: int
    stdout: str
    stderr: str

    @property
    def timed_out(self):
        return self.exit_code == -signal.SIGKILL


def run(argv, env=None, cwd=None, timeout=1800):
    """Runs `argv` to completion and measures it. stdout and stderr go to temporary files (no pipe
    can fill up and stall the command); their last 4,000 characters are kept."""
    environment = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    environment.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=environment, cwd=cwd,
                                   start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(process.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        return Run(seconds, usage.ru_maxrss, process.returncode, _tail(out), _tail(err))


def _tail(handle, limit=4000):
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
    def peak_rss_mb(self):
        return max(run.peak_rss_kb for run in self.runs) / 1024 if self.runs else None

    @property
    def exit_codes(self):
        return sorted({run.exit_code for run in self.runs})

    @property
    def failed(self):
        """The first run that did not exit with 0 or 1 (1 is "data problems found": a result, not a crash)."""
        return next((run for run in self.runs if run.exit_code not in (0, 1)), None)

    def summary(self, rows=None):
        """Plain data for the results file."""
        data = {
            "label": self.label,
            "command": self.argv,
            "runs": len(self.runs),
            "seconds": [round(value, 4) for value in self.seconds],
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


def side_by_side(series_list, runs, prepare=None, log=print):
    """Runs each series `runs` times, interleaved (A B A B …) so that load from other work on a
    shared machine falls on all of them alike. `prepare(series)` runs untimed before each run
    (to remove the previous run's output). Stops repeating a series whose run failed."""
    for attempt in range(1, runs + 1):
        for series in series_list:
            if series.failed:
                continue
            if prepare:
                prepare(series)
            result = run(series.argv)
            series.runs.append(result)
            note = "" if result.exit_code == 0 else f"  exit {result.exit_code}: {_last_line(result.stderr)}"
            log(f"    {series.label:<28} run {attempt}/{runs}: {result.seconds:8.3f} s  {result.peak_rss_kb / 1024:8.1f} MB{note}")


def _last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no message)"
