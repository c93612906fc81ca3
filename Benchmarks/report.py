"""The machine, the exact tool versions, and the results files (`results/<date>-<machine>.md` and `.json`)."""

import json
import os
import platform
import re
import socket
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
RESULTS = REPOSITORY / "Benchmarks" / "results"
README = REPOSITORY / "README.md"
README_START = "<!-- bench:latest -->"
README_END = "<!-- /bench:latest -->"


def _output(argv, stream="stdout"):
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (result.stdout if stream == "stdout" else result.stderr).strip() or (result.stdout + result.stderr).strip()
    return text.splitlines()[0].strip() if text else None


def machine():
    memory_kb = 0
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    model = None
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "name": socket.gethostname(),
        "cores": os.cpu_count(),
        "memoryGB": round(memory_kb / 1024 / 1024, 1),
        "cpu": model,
        "os": _os_name(),
        "kernel": platform.release(),
    }


def _os_name():
    try:
        with open("/etc/os-release") as handle:
            for line in handle:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def machine_slug(info):
    return re.sub(r"[^a-z0-9-]+", "-", f"{info['name']}-{info['cores']}c-{round(info['memoryGB'])}g".lower()).strip("-")


def versions(binary, venv):
    python = str(Path(venv) / "bin" / "python")
    commit = _output(["git", "-C", str(REPOSITORY), "rev-parse", "--short", "HEAD"])
    dirty = _output(["git", "-C", str(REPOSITORY), "status", "--porcelain", "--untracked-files=no"])
    return {
        "lumpini": _output([binary, "--version"]),
        "lumpiniCommit": f"{commit}{' (modified)' if dirty else ''}" if commit else None,
        "gdal": _output(["ogr2ogr", "--version"]),
        "proj": _output(["proj"], stream="stderr"),
        "geos": _output(["geos-config", "--version"]),
        "frictionless": _output([str(Path(venv) / "bin" / "frictionless"), "--version"]),
        "duckdb": _output([python, "-c", "import duckdb; print(duckdb.__version__)"]),
        "python": _output([python, "-c", "import sys; print(sys.version.split()[0])"]),
        "swift": _output(["swift", "--version"]),
        "harnessPython": sys.version.split()[0],
    }


def _seconds(value):
    if value is None:
        return "—"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _mb(value):
    return "—" if value is None else f"{value:.0f} MB"


def _rate(summary):
    rate = summary.get("rowsPerSecond") if summary else None
    return "—" if rate is None else f"{rate:,}"


def _verdict(target):
    return {True: "met", False: "**missed**", None: "not measured"}[target["met"]]


def markdown(result):
    info, tools = result["machine"], result["versions"]
    lines = [
        f"# Benchmarks {result['date']} on {info['name']}",
        "",
        f"Machine: {info['cores']} cores ({info['cpu']}), {info['memoryGB']} GB memory, {info['os']}, kernel {info['kernel']};"
        f" load average {result['loadAverage']['start']} at the start, {result['loadAverage']['end']} at the end (the machine is shared)."
        f" Runs: {result['runs']} per command, interleaved; median and min wall time, median CPU time (user + system, all threads),"
        " peak RSS over all runs; ratios are Lumpini's median over the reference's (below 1: Lumpini is faster).",
        "",
        "Tools: " + "; ".join(f"{name} `{value}`" for name, value in tools.items() if value),
        "",
        "| case | tool | runs | median | min | CPU (median) | peak RSS | rows/s | ratio: wall | ratio: CPU |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for case in result["cases"]:
        lumpini = case.get("lumpini", {})
        if lumpini.get("skipped"):
            lines.append(f"| {case['title']} | lumpini: {lumpini['skipped']} | | | | | | | | |")
        elif lumpini:
            lines.append(_row(case["title"], f"`{_short(lumpini['command'])}`", lumpini, _times(case.get("ratio")), _times(case.get("cpuRatio"))))
        references = [case.get("reference")] + list((case.get("references") or {}).values())
        for reference in references:
            if reference:
                lines.append(_row(case["title"], _reference_name(reference), reference, "1", "1"))
        commands = {**(case.get("queries") or {}), **(case.get("exports") or {})}
        for label, query in list(commands.items()) + list((case.get("floors") or {}).items()):
            name = f"`lumpini catalog {label}`" if label in commands else label
            lines.append(f"| {case['title']} | {name} | {query['runs']} | {_seconds(query['medianSeconds'])} (p95 {_seconds(query['p95Seconds'])}) | "
                         f"{_seconds(query['minSeconds'])} | {_seconds(query.get('medianCPUSeconds'))} | {_mb(query['peakRSSMB'])} | — | — | — |")
    served = [case for case in result["cases"] if case.get("servers")]
    if served:
        lines += ["", "## Servers under wrk", "", "| case | server | requests/s | p50 | p90 | p99 | peak RSS (all processes) | non-2xx |",
                  "|---|---|---|---|---|---|---|---|"]
        for case in served:
            for name, figures in case["servers"].items():
                if "failure" in figures:
                    lines.append(f"| {case['title']} | {name} ({figures['failure']}) | | | | | | |")
                    continue
                lines.append(f"| {case['title']} | {name} | {figures['requestsPerSecond']} | {_seconds(figures['p50Seconds'])} | "
                             f"{_seconds(figures['p90Seconds'])} | {_seconds(figures['p99Seconds'])} | {_mb(figures['peakRSSMB'])} | {figures['non2xx']} |")
    lines += ["", "## Targets", "", "| target | verdict | figure |", "|---|---|---|"]
    for case in result["cases"]:
        for target in case["targets"]:
            figure = target["figure"] if target["met"] is not None else target.get("reason", "")
            lines.append(f"| {target['target']} | {_verdict(target)} | {figure} |")
    lines += ["", "## Checks on the outputs", ""]
    for case in result["cases"]:
        if case.get("checks"):
            lines.append(f"- {case['title']}: `{json.dumps(case['checks'], ensure_ascii=False, sort_keys=True)}`")
        for warning in case.get("warnings", []):
            lines.append(f"  - **warning**: {warning}")
    lines += ["", f"Commands in full, every run's time and exit code: [{result['file']}.json]({result['file']}.json).", ""]
    return "\n".join(lines)


def _reference_name(summary):
    if "-c" in summary["command"]:  # an inline Python program: its label says what it does
        return summary["label"]
    return f"`{_short(summary['command'])}`"


def _times(ratio):
    return "—" if ratio is None else f"{ratio:.2f} ×"


def _row(title, tool, summary, ratio, cpu_ratio):
    failure = f" ({summary['failure']})" if summary.get("failure") else ""
    return (f"| {title} | {tool}{failure} | {summary['runs']} | {_seconds(summary['medianSeconds'])} | {_seconds(summary['minSeconds'])} | "
            f"{_seconds(summary.get('medianCPUSeconds'))} | {_mb(summary['peakRSSMB'])} | {_rate(summary)} | {ratio} | {cpu_ratio} |")


def _short(argv):
    """A command without the scratch paths, for the table."""
    words = []
    for word in argv:
        if "/" in word and not word.startswith("-"):
            word = Path(word).name
        words.append(word)
    return " ".join(words)


def anonymise(value, scratch):
    """The results without this machine's paths: the scratch folder as `<scratch>`, the repository as `.`."""
    if isinstance(value, dict):
        return {key: anonymise(item, scratch) for key, item in value.items()}
    if isinstance(value, list):
        return [anonymise(item, scratch) for item in value]
    if isinstance(value, str):
        return value.replace(str(scratch), "<scratch>").replace(str(REPOSITORY), ".")
    return value


def write(result, quick, only=None):
    """A run of some cases (`only`) is named after them and leaves the full results and the README's link alone."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"{result['date']}-{machine_slug(result['machine'])}{''.join('-' + case for case in only or [])}{'-quick' if quick else ''}"
    result["file"] = name
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    (RESULTS / f"{name}.md").write_text(markdown(result), encoding="utf-8")
    if not quick and not only:
        _link_from_readme(result, name)
    return RESULTS / f"{name}.md"


def _link_from_readme(result, name):
    """Points the README's Performance section at the newest full results table."""
    if not README.exists():
        return
    text = README.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return
    info, tools = result["machine"], result["versions"]
    block = (f"{README_START}\nLatest: [{result['date']}, {info['cores']} cores, {info['memoryGB']} GB]"
             f"(Benchmarks/results/{name}.md) — {tools['gdal']}, frictionless {tools['frictionless']}, DuckDB {tools['duckdb']},"
             f" {tools['swift']}, {tools['lumpini']}.\n{README_END}")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    README.write_text(text[:start] + block + text[end:], encoding="utf-8")
