"""The performance table: ``make bench`` (or ``python benchmarks/run.py``).

Rows, each with its target:

* the full pipeline — load the kit from YAML files on disk, plan, draft, format, check, export
  ``calendar.json`` — for a synthetic organisation of 1,000 and of 10,000 people, each run in a
  fresh process: wall time (the median of :data:`RUNS` runs), drafts per second, and the peak
  memory of one more run, made with the memory sampler on (sampling slows the run it watches);
* how the time grows from 1,000 to 10,000 people (linear is 10);
* the same templates with the same contexts rendered by a bare ``jinja2.Environment`` (no
  planning, formatting or checks): the floor, and the pipeline's time as a multiple of it;
* X counting against the PyPI package twitter-text-parser on a fixed corpus (``x_counting.py``);
* ``advocacy-kit --help`` from a cold start (median of several runs of the console script).

Timing lives here, never in the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WEEK = "2026-W44"
SIZES = (1_000, 10_000)
TOPICS_PER_PERSON = 0.2  # 2,000 topics for 10,000 people
TARGET_WALL = 10.0
TARGET_RSS_MB = 1_500
TARGET_FLOOR_RATIO = 3.0
TARGET_SCALING = 11.0
TARGET_X_SPEEDUP = 10.0
TARGET_HELP_MS = 250.0
HELP_RUNS = 7
RUNS = 3
"""Timed runs of the pipeline per size: this machine's speed varies from minute to minute."""


def measure_pipeline(kit_folder: Path, out: Path, *, memory: bool) -> dict[str, Any]:
    """Run the pipeline once in this process.

    With ``memory`` the sampler watches the run and gives its peak memory; without, the run is
    timed and the bare-Jinja floor is measured after it.
    """
    from advocacy_kit.exporting import export_formats
    from advocacy_kit.loading import load_kit
    from advocacy_kit.pipeline import plan_week

    watcher = WorkerMemory() if memory else None
    if watcher is not None:
        watcher.start()
    began = time.perf_counter()
    kit = load_kit(kit_folder)
    calendar = plan_week(kit, WEEK)
    export_formats(calendar, ["json"], out, force=True, warn=lambda message: None)
    wall = time.perf_counter() - began
    result: dict[str, Any] = {"wall": wall, "drafts": len(calendar.entries)}
    if watcher is not None:
        watcher.stop()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result |= {
            "rss_mb": rss_mb,
            "worker_mb": watcher.worker_mb,
            "peak_mb": max(rss_mb, watcher.peak_mb),
        }
    else:
        result["floor"] = bare_jinja_seconds(kit, calendar)
    return result


SAMPLE_SECONDS = 0.2


class WorkerMemory(threading.Thread):
    """The peak memory of this process and its workers together, sampled every 200 ms.

    A forked worker's RSS counts every page it still shares with this process; what it adds
    to the machine's memory is its private part, read from ``/proc/<pid>/smaps_rollup``. Each
    sample adds the workers' private memory to this process's RSS at that moment. Reading
    ``smaps_rollup`` makes the kernel walk the worker's page tables on this process's time and
    holds up the worker's page faults meanwhile, so samples are not taken more often than the
    memory can change much. Even so, a run watched by the sampler took about 0.45 s longer than
    one without (four of each, interleaved): the timed runs go unwatched.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self.worker_mb = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        own = Path(f"/proc/{os.getpid()}/task")
        page_mb = os.sysconf("SC_PAGE_SIZE") / 2**20
        statm = Path(f"/proc/{os.getpid()}/statm")
        while not self.done.wait(SAMPLE_SECONDS):
            workers = sum(_private_mb(pid) for pid in _children(own))
            rss = int(statm.read_text().split()[1]) * page_mb
            self.worker_mb = max(self.worker_mb, workers)
            self.peak_mb = max(self.peak_mb, rss + workers)

    def stop(self) -> None:
        self.done.set()
        self.join()


def _children(tasks: Path) -> list[str]:
    """The process ids of the children of every thread of this process."""
    found: list[str] = []
    for children in tasks.glob("*/children"):
        # A thread may end (a queue's feeder thread, say) between listing and reading.
        with contextlib.suppress(OSError):
            found.extend(children.read_text().split())
    return found


def _private_mb(pid: str) -> float:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0.0  # the worker has finished
    kb = sum(int(line.split()[1]) for line in lines if line.startswith("Private_"))
    return kb / 1024


def bare_jinja_seconds(kit: Any, calendar: Any) -> float:
    """Seconds a bare ``jinja2.Environment`` takes to render the week's templates and contexts.

    Same loader, filters and contexts as the drafter; no sandbox, planning, formatting or checks.
    Contexts are built and templates compiled before the clock starts.
    """
    import jinja2

    from advocacy_kit.drafting import Drafter
    from advocacy_kit.plugins import get_plugin_manager

    template_dirs: list[Path] = []
    get_plugin_manager().hook.register_template_dirs(register=template_dirs.append)
    drafter = Drafter(kit, template_dirs=template_dirs)
    env = jinja2.Environment(
        loader=drafter.env.loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(drafter.env.filters)
    env.globals.update(drafter.env.globals)
    work = [
        (env.get_template(entry.draft.template), drafter.context(entry.assignment))
        for entry in calendar.entries
    ]
    began = time.perf_counter()
    for template, context in work:
        template.render(context)
    return time.perf_counter() - began


def run_pipeline(kit_folder: Path, out: Path, *, memory: bool = False) -> dict[str, Any]:
    """:func:`measure_pipeline` in a fresh interpreter: each run starts alike, and the peak
    memory belongs to one run."""
    command = [sys.executable, str(Path(__file__)), "--measure", str(kit_folder), "--out", str(out)]
    done = subprocess.run(
        [*command, *(["--memory"] if memory else [])],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def measure_size(kit_folder: Path, out: Path) -> dict[str, Any]:
    """:data:`RUNS` timed runs and one memory run: the median time and floor, the peak memory."""
    timed = [run_pipeline(kit_folder, out) for _ in range(RUNS)]
    watched = run_pipeline(kit_folder, out, memory=True)
    walls = [run["wall"] for run in timed]
    floors = [run["floor"] for run in timed]
    return {
        "wall": statistics.median(walls),
        "walls": walls,
        "drafts": timed[0]["drafts"],
        "floor": statistics.median(floors),
        "floors": floors,
        **{key: watched[key] for key in ("rss_mb", "worker_mb", "peak_mb")},
    }


def x_counting() -> dict[str, Any]:
    """Speed-up over twitter-text-parser and agreement on the fixed corpus."""
    sys.path.insert(0, str(HERE))
    import x_counting as bench
    from twitter_text import parse_tweet

    from advocacy_kit.text import weighted_length

    texts = bench.corpus()
    unexplained = 0
    for text in texts:
        ours, theirs = weighted_length(text), parse_tweet(text)
        same = (ours.weighted_length, ours.valid, ours.permillage, ours.valid_range[1]) == (
            theirs.weightedLength,
            theirs.valid,
            theirs.permillage,
            theirs.validRangeEnd,
        )
        if not same and not bench.known_deviation(text):
            unexplained += 1
    ours_time = bench.time_per_post(weighted_length, texts)
    theirs_time = bench.time_per_post(parse_tweet, texts, rounds=3)
    return {"ours_us": ours_time * 1e6, "theirs_us": theirs_time * 1e6, "unexplained": unexplained}


def help_cold_start_ms() -> float:
    """Median wall time of ``advocacy-kit --help`` in a new process."""
    script = Path(sys.executable).with_name("advocacy-kit")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "advocacy_kit"]
    timings = []
    for _ in range(HELP_RUNS):
        began = time.perf_counter()
        subprocess.run([*command, "--help"], check=True, capture_output=True)
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def _spread(values: list[float]) -> str:
    """``6.71–6.93 s``: the fastest and the slowest run."""
    return f"{min(values):.2f}–{max(values):.2f} s"


def _mark(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def machine() -> str:
    """Cores, memory and Python version, for the table's heading."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores, {memory:.0f} GiB memory, "
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}"
    )


def table(rows: list[tuple[str, str, str, bool]]) -> str:
    """A Markdown table, so the same text goes into docs/performance.md."""
    header = ("measurement", "result", "target", "")
    lines = [header, *((name, value, target, _mark(ok)) for name, value, target, ok in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(4)]
    rendered = [
        "| "
        + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        + " |"
        for line in lines
    ]
    rendered.insert(1, "| " + " | ".join("-" * width for width in widths) + " |")
    return "\n".join(rendered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure_pipeline(args.measure, args.out, memory=args.memory)))
        return 0

    sys.path.insert(0, str(HERE.parent))
    from benchmarks.synthetic import write_synthetic_kit

    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="advocacy-kit-bench-") as scratch:
        for people in SIZES:
            topics = int(people * TOPICS_PER_PERSON)
            print(f"Writing a synthetic kit: {people:,} people, {topics:,} topics …", flush=True)
            folder = write_synthetic_kit(Path(scratch) / f"kit-{people}", people, topics, args.seed)
            print(
                f"Planning {WEEK} for {people:,} people ({RUNS} timed runs, 1 for memory) …",
                flush=True,
            )
            results[people] = measure_size(folder, Path(scratch) / f"out-{people}")
    print("Counting X posts …", flush=True)
    x = x_counting()
    print("Starting advocacy-kit --help …", flush=True)
    help_ms = help_cold_start_ms()

    rows: list[tuple[str, str, str, bool]] = []
    for people, result in results.items():
        rate = result["drafts"] / result["wall"]
        # This process and its worker together, at the worst moment.
        memory = result["peak_mb"]
        rows.append(
            (
                f"pipeline, {people:,} people ({result['drafts']:,} drafts)",
                f"{result['wall']:.2f} s ({_spread(result['walls'])}) · {rate:,.0f} drafts/s · "
                f"{memory:,.0f} MB (own RSS {result['rss_mb']:,.0f}; "
                f"worker's own ≤ {result['worker_mb']:,.0f})",
                f"≤ {TARGET_WALL:.0f} s, ≤ {TARGET_RSS_MB:,} MB",
                result["wall"] <= TARGET_WALL and memory <= TARGET_RSS_MB,
            )
        )
    small, large = results[SIZES[0]], results[SIZES[-1]]
    scaling = large["wall"] / small["wall"]
    rows.append(
        (
            f"time({SIZES[-1]:,}) ÷ time({SIZES[0]:,})",
            f"{scaling:.1f}",
            f"≤ {TARGET_SCALING:.0f}",
            scaling <= TARGET_SCALING,
        )
    )
    ratio = large["wall"] / large["floor"]
    rows.append(
        (
            f"pipeline ÷ bare Jinja, {SIZES[-1]:,} people",
            f"{ratio:.2f} (bare Jinja {large['floor']:.2f} s, {_spread(large['floors'])})",
            f"≤ {TARGET_FLOOR_RATIO:.0f}",
            ratio <= TARGET_FLOOR_RATIO,
        )
    )
    speedup = x["theirs_us"] / x["ours_us"]
    rows.append(
        (
            "X counting vs twitter-text-parser",
            f"{speedup:.1f}× ({x['ours_us']:.0f} µs vs {x['theirs_us']:.0f} µs a post; "
            f"{x['unexplained']} unexplained differences)",
            f"≥ {TARGET_X_SPEEDUP:.0f}×, none",
            speedup >= TARGET_X_SPEEDUP and x["unexplained"] == 0,
        )
    )
    rows.append(
        (
            "advocacy-kit --help, cold start",
            f"{help_ms:.0f} ms (median of {HELP_RUNS})",
            f"≤ {TARGET_HELP_MS:.0f} ms",
            help_ms <= TARGET_HELP_MS,
        )
    )
    print()
    print(f"Machine: {machine()}")
    print(table(rows))
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
