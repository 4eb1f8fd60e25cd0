"""Build the same generated blog three ways, side by side, and print medians and ratios.

    python benchmarks/run.py                       # N = 100, 1,000, 10,000
    python benchmarks/run.py --sizes 1000 --repeats 5
    python benchmarks/run.py --sizes 10000 --instructions   # valgrind: counts, not seconds

For each N: a plain `mkdocs build` without a blog plugin, posts kept out of the nav (the
floor); with `blog-archive`; with `blog-archive` paginated by 10 (as Material's blog is by
default); with Material's `blog` plugin (its defaults). Builds of one N are
interleaved, and the overhead is the median of the ratios of side-by-side builds, so drift
in the machine's speed hits both alike. Also the time of one rebuild, as
`mkdocs serve` does it after one post is edited (same process, plugin objects kept).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate, write_configs

CONFIGS = ("plain", "archive", "archive-paged", "material")
REBUILD = r"""
import os, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, site_dir, post, mode = sys.argv[1:5]
dirty = mode == "dirty"  # as `mkdocs serve --dirty`: MkDocs renders only changed pages
config = load_config(config_file, site_dir=site_dir)
config.plugins.on_startup(command="serve", dirty=dirty)
build(config, dirty=dirty)
path = Path(post)
original = path.read_text(encoding="utf-8")
try:
    path.write_text(original + "\nOne more line, as an author saving the file.\n", "utf-8")
    start = time.perf_counter()
    build(load_config(config_file, site_dir=site_dir), dirty=dirty)
    print(time.perf_counter() - start)
finally:
    path.write_text(original, "utf-8")
"""


def _environment() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    env.pop("CI", None)
    return env


def _settle() -> None:
    """Write out what earlier builds left in the page cache (hundreds of MB on a big site), so
    that the kernel does not flush it on the cores of the builds measured next."""
    os.sync()


def _build(config: str, site_dir: str) -> list[str]:
    """The command of one `mkdocs build` of `config` into `site_dir`."""
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", f"{config}.yml", "-d", site_dir]


OUTPUT_PARENT: str | None = None
"""Where builds write their sites (`--output-in`); None: the system's temporary folder."""


def timed_build(site: Path, config: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak memory (MB) of one `mkdocs build`, in its own process."""
    _settle()
    with tempfile.TemporaryDirectory(dir=OUTPUT_PARENT) as out:
        command = _build(config, out)
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=site, env=_environment())
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{config} build of {site} failed ({process.returncode})")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def side_by_side(site: Path, configs: tuple[str, str]) -> dict[str, tuple[float, float, float]]:
    """Wall, user CPU and kernel CPU seconds of two builds run at the same time, each pinned
    to a core of its own (on a machine with two cores or more): whatever slows the machine
    slows both alike. Kernel time is mostly writing the site's files."""
    _settle()
    with tempfile.TemporaryDirectory(dir=OUTPUT_PARENT) as out:
        processes = {}
        for core, config in enumerate(configs):
            command = _build(config, os.path.join(out, config))
            start = time.perf_counter()
            process = subprocess.Popen(
                command,
                cwd=site,
                env=_environment(),
                preexec_fn=lambda core=core: os.sched_setaffinity(0, {core}),
            )
            processes[process.pid] = (config, start)
        seconds = {}
        while processes:
            pid, status, usage = os.wait4(-1, 0)
            config, start = processes.pop(pid)
            seconds[config] = (time.perf_counter() - start, usage.ru_utime, usage.ru_stime)
            if os.waitstatus_to_exitcode(status):
                raise SystemExit(f"{config} build of {site} failed")
    return seconds


def instructions(site: Path, configs: tuple[str, ...]) -> dict[str, int]:
    """Instructions each build runs, counted by valgrind's cachegrind, all at once, a core
    each: unlike seconds, the same from run to run whatever the machine is doing (they leave
    out the kernel's work and memory stalls), given the fixed hash seed of `_environment`
    (with a random one, dict and type-cache lookups move a 10,000-post count by ±0.3 G).
    About 16 times as long as a build."""
    with tempfile.TemporaryDirectory(dir=OUTPUT_PARENT) as out:
        processes = {}
        for core, config in enumerate(configs):
            valgrind = [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
            ]
            command = valgrind + _build(config, os.path.join(out, config))
            cores = {core % (os.cpu_count() or 1)}
            processes[config] = subprocess.Popen(
                command,
                cwd=site,
                env=_environment(),
                stderr=subprocess.PIPE,
                text=True,
                preexec_fn=lambda cores=cores: os.sched_setaffinity(0, cores),
            )
        counts = {}
        for config, process in processes.items():
            _, errors = process.communicate()
            found = re.search(r"I\s+refs:\s+([\d,]+)", errors)
            if process.returncode or found is None:
                raise SystemExit(f"{config} build of {site} under cachegrind failed")
            counts[config] = int(found[1].replace(",", ""))
    return counts


def rebuild_time(site: Path, config: str, mode: str = "full") -> float:
    """Seconds of one rebuild after one post is edited, in the process that built the site
    (plugin objects kept, as `mkdocs serve` keeps them); `mode="dirty"`: as `serve --dirty`."""
    post = next((site / "docs/blog/posts").rglob("*.md")).resolve()
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(
            [sys.executable, "-c", REBUILD, f"{config}.yml", out, str(post), mode],
            cwd=site,
            env=_environment(),
            capture_output=True,
            text=True,
            check=True,
        )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--material-repeats",
        type=int,
        default=1,
        help="runs of Material's blog (slow at 10,000 posts)",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=8,
        help="plain and archive builds run at the same time, for the overhead (0: none)",
    )
    parser.add_argument("--skip-material", action="store_true")
    parser.add_argument(
        "--material-up-to",
        type=int,
        default=10**9,
        help="build Material's blog only for sizes up to this (it takes 20+ min at 10,000)",
    )
    parser.add_argument(
        "--skip-paged", action="store_true", help="leave out the per_page: 10 builds"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="only count the instructions of a plain and an archive build (valgrind), at once",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument(
        "--output-in",
        help="folder the builds write their sites in (e.g. /dev/shm, to leave the disk out)",
    )
    args = parser.parse_args()
    global OUTPUT_PARENT
    OUTPUT_PARENT = args.output_in

    skipped = {"material"} if args.skip_material else set()
    if args.skip_paged:
        skipped.add("archive-paged")
    configs = [c for c in CONFIGS if c not in skipped]
    rows = []
    for size in args.sizes:
        site = args.out / f"site-{size}"
        if not (site / "archive.yml").exists():
            generate(site, size)
        write_configs(site)
        if args.instructions:
            counts = instructions(site, ("plain", "archive"))
            print(
                f"  N={size} instructions: plain {counts['plain'] / 1e9:.2f} G, archive "
                f"{counts['archive'] / 1e9:.2f} G ({counts['archive'] / counts['plain'] - 1:+.2%})",
                flush=True,
            )
            continue
        times: dict[str, list[float]] = {c: [] for c in configs}
        memory: dict[str, list[float]] = {c: [] for c in configs}
        cpu: dict[str, list[float]] = {c: [] for c in configs}
        for run in range(args.repeats):
            # Each repeat in the other order (plain, archive, archive, plain, ...), so that the
            # machine's drift over the run does not always fall on the same build.
            for config in configs if run % 2 == 0 else configs[::-1]:
                if config == "material" and (
                    run >= args.material_repeats or size > args.material_up_to
                ):
                    continue
                seconds, cpu_seconds, peak = timed_build(site, config)
                times[config].append(seconds)
                cpu[config].append(cpu_seconds)
                memory[config].append(peak)
                print(
                    f"  N={size} {config} run {run + 1}: {seconds:.2f} s "
                    f"(CPU {cpu_seconds:.2f} s), {peak:.0f} MB",
                    flush=True,
                )
        row: dict[str, float] = {"N": size}
        # This machine's speed drifts by 10-30 % within minutes: the overhead is the median of
        # the ratios of a plain and an archive build run at the same time, on a core each
        # (each on either core in turn); on one core, of builds run one after the other.
        ratios = [a / p - 1 for a, p in zip(times["archive"], times["plain"], strict=True)]
        user_ratios, kernel_extra = [0.0], [0.0]
        if (os.cpu_count() or 1) >= 2 and args.pairs:
            ratios, user_ratios, kernel_extra = [], [], []
            for run in range(args.pairs):
                order = ("plain", "archive") if run % 2 == 0 else ("archive", "plain")
                pair = side_by_side(site, order)
                (plain, plain_user, plain_sys), (archive, archive_user, archive_sys) = (
                    pair["plain"],
                    pair["archive"],
                )
                ratios.append(archive / plain - 1)
                user_ratios.append(archive_user / plain_user - 1)
                kernel_extra.append(archive_sys - plain_sys)
                print(
                    f"  N={size} side by side {run + 1}: plain {plain:.2f} s, archive "
                    f"{archive:.2f} s ({ratios[-1]:+.1%}); user CPU {user_ratios[-1]:+.1%}, "
                    f"kernel {plain_sys:.2f} / {archive_sys:.2f} s",
                    flush=True,
                )
        row["overhead"] = statistics.median(ratios)
        row["overhead_user"] = statistics.median(user_ratios)
        row["kernel_extra"] = statistics.median(kernel_extra)
        row["overhead_cpu"] = statistics.median(
            a / p - 1 for a, p in zip(cpu["archive"], cpu["plain"], strict=True)
        )
        row["overhead_turn"] = statistics.median(
            a / p - 1 for a, p in zip(times["archive"], times["plain"], strict=True)
        )
        for config in configs:
            if not times[config]:
                continue
            row[config] = statistics.median(times[config])
            row[f"{config}_cpu"] = statistics.median(cpu[config])
            row[f"{config}_mb"] = max(memory[config])
        row["rebuild_plain"] = rebuild_time(site, "plain")
        row["rebuild_archive"] = rebuild_time(site, "archive")
        row["dirty_plain"] = rebuild_time(site, "plain", "dirty")
        row["dirty_archive"] = rebuild_time(site, "archive", "dirty")
        print(
            f"  N={size} dirty rebuild after one edit: plain {row['dirty_plain']:.2f} s, "
            f"archive {row['dirty_archive']:.2f} s",
            flush=True,
        )
        rows.append(row)

    if not rows:
        return
    print(f"\nMedians on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(
        "| posts | plain s | archive s | overhead (side by side) | user CPU overhead (side "
        "by side) | extra kernel s (side by side) | overhead (in turn) | overhead (CPU, in turn) "
        "| material s "
        "| material / archive | archive, per_page 10 s | material / archive (per_page 10) "
        "| peak MB plain / archive / material | serve rebuild s plain / archive "
        "| dirty rebuild s plain / archive |"
    )
    print("|" + " --- |" * 15)
    for row in rows:
        overhead = row["overhead"] * 100
        cpu_overhead = row["overhead_cpu"] * 100
        material = row.get("material")
        ratio = f"{material / row['archive']:.1f}x" if material else "-"
        paged = row.get("archive-paged", 0.0)
        paged_ratio = f"{material / paged:.1f}x" if material and paged else "-"
        mem = f"{row['plain_mb']:.0f} / {row['archive_mb']:.0f} / {row.get('material_mb', 0):.0f}"
        print(
            f"| {row['N']:,} | {row['plain']:.2f} | {row['archive']:.2f} | {overhead:+.1f} % "
            f"| {row['overhead_user'] * 100:+.1f} % | {row['kernel_extra']:+.2f} "
            f"| {row['overhead_turn'] * 100:+.1f} % | {cpu_overhead:+.1f} % "
            f"| {material or 0:.2f} | {ratio} | {paged:.2f} "
            f"| {paged_ratio} | {mem} "
            f"| {row['rebuild_plain']:.2f} / {row['rebuild_archive']:.2f} "
            f"| {row['dirty_plain']:.2f} / {row['dirty_archive']:.2f} |"
        )
    by_size = {row["N"]: row for row in rows}
    if 1000 in by_size and 10000 in by_size:
        small, large = by_size[1000], by_size[10000]
        total_ratio = large["archive"] / small["archive"]
        extra_small = max(small["overhead"] * small["plain"], 1e-9)
        extra_ratio = large["overhead"] * large["plain"] / extra_small
        print(
            f"\nt(10k)/t(1k): archive build {total_ratio:.1f}, "
            f"archive overhead over plain {extra_ratio:.1f}"
        )


if __name__ == "__main__":
    main()
