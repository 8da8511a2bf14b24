"""The benchmark of issue 5: bare GiNZA against ``extract run``, side by side, in one run.

Users re-run the pipeline whenever they add a rule or a post, so what matters
is how fast it is cold, re-run with nothing changed, after one post changed,
after one rule file changed, and without NER, each against what a user would
write with GiNZA alone. This script builds a corpus under ``bench/work/`` (a
seeded random sample of the archive, or the whole archive), runs every
measurement as its own subprocess (so wall time and peak memory belong to that
measurement alone), prints a table and writes it as JSON to
``bench/results/<UTC timestamp>.json`` (not kept in git).

Measurements:
  a  bare GiNZA: ``bench/bare_ginza.py`` (on a sub-sample when the corpus is
     big, its speed then scaled to the whole corpus)
  b  ``extract run`` cold: fresh output (the GiNZA cache lives in it)
  c  the same re-run with nothing changed
  d  re-run after appending a sentence to one post
  e  re-run after adding an alias to one rule file
  f  ``extract run --no-ner`` cold on a fresh output

Usage: python bench/run.py [--posts N] [--full 1] [--jobs all|N] [--archive DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from bare_ginza import post_body, post_files

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
WORK_DIR = BENCH_DIR / "work"
RESULTS_DIR = BENCH_DIR / "results"

#: Fixed seed of the archive sample, so every run measures the same posts.
DEFAULT_SEED = 20261123
#: Posts of the bare GiNZA sub-sample at most (it runs at about 1,500 characters/s).
DEFAULT_BARE_POSTS = 100
#: How often the process tree's resident memory is sampled, in seconds.
RSS_SAMPLE_SECONDS = 0.2

#: Appended to one post for measurement (d): an invented sentence, not from any post.
APPENDED_SENTENCE = "\n\nベンチマーク用の追記として、架空の株式会社サンプル工業は新しい試験装置の共同開発を発表した。\n"
#: Chip entry added to one chips file for measurement (e): an invented name no post contains.
ADDED_CHIP_ID = "bench-probe-chip"


@dataclass(frozen=True)
class Settings:
    """What to measure: the corpus, the workers and where the posts come from."""

    posts: int
    full: bool
    jobs: int
    archive: Path
    bare_posts: int
    seed: int
    rules: Path
    memory_sizes: tuple[int, ...] = ()
    memory_no_ner: bool = False


@dataclass(frozen=True)
class ProcessUsage:
    """Wall time and memory of one measured subprocess and all its descendants."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    peak_tree_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Measurement:
    """One row of the table: a measurement over a number of posts and characters."""

    key: str
    label: str
    posts: int
    characters: int
    seconds: float
    peak_rss_mb: float | None
    peak_tree_rss_mb: float | None
    cpu_seconds: float | None
    returncode: int
    command: str
    note: str = ""

    @property
    def characters_per_second(self) -> float:
        """Body characters processed per wall-clock second."""
        return self.characters / self.seconds if self.seconds > 0 else 0.0


def parse_settings(argv: list[str]) -> Settings:
    """Settings from the command line; ``make bench`` passes its BENCH_* variables here."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100, help="posts in the seeded sample (default 100)")
    parser.add_argument("--full", default="0", help="1: the whole archive instead of a sample")
    parser.add_argument("--jobs", default="all", help="workers for extract run: 'all' cores or a number")
    parser.add_argument("--archive", type=Path, default=PROJECT_DIR.parent / "shared" / "archive" / "posts",
                        help="folder of posts the corpora are drawn from")
    parser.add_argument("--bare-posts", type=int, default=DEFAULT_BARE_POSTS,
                        help="bare GiNZA runs on at most this many posts; its speed is scaled to the rest")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the sample")
    parser.add_argument("--rules", type=Path, default=PROJECT_DIR / "rules", help="rules folder to copy")
    parser.add_argument("--memory", default="",
                        help="instead of a to f: peak RSS of (b) cold at these sample sizes, e.g. 200,2000")
    parser.add_argument("--memory-no-ner", action="store_true", help="--memory with --no-ner runs")
    args = parser.parse_args(argv)
    jobs = available_cores() if args.jobs in ("", "all", "0") else int(args.jobs)
    if args.posts < 1 or args.bare_posts < 1 or jobs < 1:
        parser.error("--posts, --bare-posts and --jobs must be at least 1")
    return Settings(posts=args.posts, full=args.full.strip().lower() in ("1", "true", "yes"), jobs=jobs,
                    archive=args.archive.resolve(), bare_posts=args.bare_posts, seed=args.seed,
                    rules=args.rules.resolve(),
                    memory_sizes=tuple(int(size) for size in args.memory.split(",") if size.strip()),
                    memory_no_ner=args.memory_no_ner)


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def choose_posts(settings: Settings) -> list[Path]:
    """The archive posts to measure, in seeded random order (the whole archive when ``full``).

    The order matters: the bare GiNZA sub-sample is its first posts, so it is
    itself a random sample of the corpus.
    """
    archive_posts = post_files(settings.archive)
    if not archive_posts:
        sys.exit(f"no posts found in {settings.archive}")
    count = len(archive_posts) if settings.full else min(settings.posts, len(archive_posts))
    return random.Random(settings.seed).sample(archive_posts, count)


def copy_posts(posts: list[Path], archive: Path, destination: Path) -> None:
    """Copy ``posts`` into a fresh ``destination``, keeping their paths relative to ``archive``."""
    if destination.exists():
        shutil.rmtree(destination)
    for post in posts:
        target = destination / post.relative_to(archive)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(post, target)


def body_characters(corpus: Path) -> tuple[int, int]:
    """(posts, total body characters) of a corpus folder: the throughput's numerator."""
    files = post_files(corpus)
    return len(files), sum(len(post_body(path.read_text(encoding="utf-8"))) for path in files)


def _process_tree_rss_bytes(root_pid: int) -> int:
    """Resident memory of ``root_pid`` and all its descendants now, from /proc (0 elsewhere)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent_pid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(parent_pid, []).append(int(entry.name))
    page_size = os.sysconf("SC_PAGE_SIZE")
    total, pending = 0, [root_pid]
    while pending:
        pid = pending.pop()
        pending.extend(children.get(pid, []))
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page_size
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_measured(command: list[str], log_stem: Path) -> ProcessUsage:
    """Run ``command`` alone and measure it: wall time, CPU time, peak RSS.

    ``os.wait4`` gives the rusage of this one child, including its waited-for
    descendants, so the peak RSS (largest single process) belongs to this
    measurement only, unlike ``RUSAGE_CHILDREN`` which is a max over every
    child so far. Worker processes add up, so the summed RSS of the whole
    process tree is also sampled every ``RSS_SAMPLE_SECONDS``.
    """
    log_stem.parent.mkdir(parents=True, exist_ok=True)
    stdout_path, stderr_path = log_stem.with_suffix(".out"), log_stem.with_suffix(".err")
    sampling = Path("/proc/self/statm").exists()
    peak_tree = [0]
    with open(stdout_path, "w") as stdout, open(stderr_path, "w") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=stdout, stderr=stderr)
        finished = threading.Event()

        def sample_tree() -> None:
            while not finished.wait(RSS_SAMPLE_SECONDS):
                peak_tree[0] = max(peak_tree[0], _process_tree_rss_bytes(process.pid))

        sampler = threading.Thread(target=sample_tree, daemon=True)
        if sampling:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        finished.set()
        process.returncode = os.waitstatus_to_exitcode(status)
    if sampling:
        sampler.join()
    peak_rss_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return ProcessUsage(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=peak_rss_mb,
        peak_tree_rss_mb=max(peak_tree[0] / 2**20, peak_rss_mb),
        returncode=process.returncode,
        stdout=stdout_path.read_text(encoding="utf-8", errors="replace"),
        stderr=stderr_path.read_text(encoding="utf-8", errors="replace"),
    )


def extract_run_options() -> set[str]:
    """The long options ``extract run`` accepts, read from its ``--help``.

    The pipeline gained options (``--jobs``) over time; the benchmark passes
    only the ones the installed version has.
    """
    help_text = subprocess.run([sys.executable, "-m", "extract", "run", "--help"], cwd=PROJECT_DIR,
                               capture_output=True, text=True, check=False).stdout
    return set(re.findall(r"(--[a-z][a-z-]*)", help_text))


def extract_command(corpus: Path, output: Path, rules: Path, settings: Settings,
                    options: set[str], no_ner: bool = False) -> list[str]:
    """The ``extract run`` command line of one measurement."""
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--output", str(output),
               "--rules", str(rules), "--quiet"]
    if "--jobs" in options:
        command += ["--jobs", str(settings.jobs)]
    if no_ner:
        command.append("--no-ner")
    return command


def append_sentence(corpus: Path) -> Path:
    """Append ``APPENDED_SENTENCE`` to the corpus's first post; return that post."""
    post = post_files(corpus)[0]
    with open(post, "a", encoding="utf-8") as handle:
        handle.write(APPENDED_SENTENCE)
    return post


def add_chip_alias(rules: Path) -> Path:
    """Add one invented chip entry to the first chips file of ``rules``; return that file.

    The entry goes right after the ``chips:`` line (the files end with
    examples, so appending at the end would not do) and reuses the vendor of
    the entry below it, so the rules stay valid.
    """
    for chips_file in sorted((rules / "chips").glob("*.yaml")):
        text = chips_file.read_text(encoding="utf-8")
        header = re.search(r"^chips:[ \t]*\n", text, re.MULTILINE)
        vendor = re.search(r"vendor:\s*([\w.-]+)", text[header.end():]) if header else None
        if header and vendor:
            entry = (f"  - {{id: {ADDED_CHIP_ID}, name: Bench Probe Chip, "
                     f"aliases: [BenchProbe 9000], vendor: {vendor.group(1)}}}\n")
            chips_file.write_text(text[:header.end()] + entry + text[header.end():], encoding="utf-8")
            return chips_file
    sys.exit(f"no chips file with a 'chips:' list and a vendor under {rules / 'chips'}")


def add_company(rules: Path, company_id: str) -> Path:
    """Add one invented company to the first company file of ``rules``; return that file.

    A company file steers the companies and partnerships tables, which need
    GiNZA: the re-run after this edit shows what the GiNZA cache saves.
    """
    for companies_file in sorted((rules / "companies").glob("*.yaml")):
        text = companies_file.read_text(encoding="utf-8")
        header = re.search(r"^companies:[ \t]*\n", text, re.MULTILINE)
        if header:
            entry = f"  - {{id: {company_id}, name: Bench Probe {company_id[-1]}}}\n"
            companies_file.write_text(text[:header.end()] + entry + text[header.end():], encoding="utf-8")
            return companies_file
    sys.exit(f"no company file with a 'companies:' list under {rules / 'companies'}")


def package_version(name: str) -> str | None:
    """Installed version of a distribution, or None when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def machine_info(settings: Settings) -> dict:
    """Where the numbers come from: cores, CPU, memory, Python and library versions."""
    cpu_model = None
    if Path("/proc/cpuinfo").exists():
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
        cpu_model = found.group(1).strip() if found else None
    memory_gb = None
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory_gb = round(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30, 1)
    return {
        "cores": os.cpu_count(),
        "cores_available": available_cores(),
        "jobs": settings.jobs,
        "cpu": cpu_model,
        "memory_gb": memory_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": {name: package_version(name)
                     for name in ("extract", "spacy", "ginza", "ja-ginza", "sudachipy", "sudachidict-core")},
    }


def measure_extract(key: str, label: str, command: list[str], log_dir: Path, posts: int,
                    characters: int, note: str = "") -> Measurement:
    """Run one ``extract run`` measurement and report it (a failure is reported, not fatal)."""
    print(f"[bench] {key}: {label} ...", file=sys.stderr, flush=True)
    usage = run_measured(command, log_dir / key)
    if usage.returncode != 0:
        print(f"[bench] {key} FAILED (exit {usage.returncode}):\n{usage.stderr[-2000:]}", file=sys.stderr)
    return Measurement(key=key, label=label, posts=posts, characters=characters, seconds=usage.seconds,
                       peak_rss_mb=usage.peak_rss_mb, peak_tree_rss_mb=usage.peak_tree_rss_mb,
                       cpu_seconds=usage.cpu_seconds, returncode=usage.returncode,
                       command=" ".join(command), note=note)


def measure_bare_ginza(corpus: Path, log_dir: Path, posts: int, characters: int) -> list[Measurement]:
    """Measurement (a): bare GiNZA on ``corpus``, plus its speed scaled to the whole corpus.

    When ``corpus`` is a sub-sample, the scaled row is the model load plus the
    whole corpus's characters at the sub-sample's pipe speed; it is the row the
    speed-ups are computed against.
    """
    command = [sys.executable, str(BENCH_DIR / "bare_ginza.py"), str(corpus)]
    print(f"[bench] a: bare GiNZA on {corpus.name} ...", file=sys.stderr, flush=True)
    usage = run_measured(command, log_dir / "a")
    if usage.returncode != 0:
        print(f"[bench] a FAILED (exit {usage.returncode}):\n{usage.stderr[-2000:]}", file=sys.stderr)
        counts = {"posts": 0, "characters": 0, "load_seconds": 0.0, "pipe_seconds": 0.0}
    else:
        counts = json.loads(usage.stdout.strip().splitlines()[-1])
    measured = Measurement(
        key="a", label="bare GiNZA (spacy.load + nlp.pipe)", posts=counts["posts"],
        characters=counts["characters"], seconds=usage.seconds, peak_rss_mb=usage.peak_rss_mb,
        peak_tree_rss_mb=usage.peak_tree_rss_mb, cpu_seconds=usage.cpu_seconds,
        returncode=usage.returncode, command=" ".join(command),
        note=f"model load {counts['load_seconds']:.1f} s, pipe {counts['pipe_seconds']:.1f} s")
    if counts["posts"] >= posts or not counts["characters"]:
        return [measured]
    scaled_seconds = counts["load_seconds"] + characters * counts["pipe_seconds"] / counts["characters"]
    scaled = Measurement(
        key="a*", label="bare GiNZA, scaled to the corpus", posts=posts, characters=characters,
        seconds=scaled_seconds, peak_rss_mb=None, peak_tree_rss_mb=None, cpu_seconds=None,
        returncode=usage.returncode, command="",
        note=f"estimated from {counts['posts']} posts at their pipe speed, plus the model load")
    return [measured, scaled]


def run_benchmark(settings: Settings) -> tuple[list[Measurement], dict]:
    """Build the corpora and take every measurement, in order a to f."""
    label = "full" if settings.full else f"sample-{settings.posts}-seed-{settings.seed}"
    work = WORK_DIR / label
    corpus, rules, logs = work / "corpus", work / "rules", work / "logs"
    output, output_no_ner = work / "output", work / "output-no-ner"
    for stale in (output, output_no_ner, logs, rules):
        if stale.exists():
            shutil.rmtree(stale)

    chosen = choose_posts(settings)
    print(f"[bench] corpus: {len(chosen)} posts from {settings.archive} into {corpus}", file=sys.stderr)
    copy_posts(chosen, settings.archive, corpus)
    shutil.copytree(settings.rules, rules)
    posts, characters = body_characters(corpus)
    bare_count = min(settings.bare_posts, posts)
    bare_corpus = corpus
    if bare_count < posts:
        bare_corpus = work / f"bare-{bare_count}"
        copy_posts(chosen[:bare_count], settings.archive, bare_corpus)

    options = extract_run_options()
    measurements = measure_bare_ginza(bare_corpus, logs, posts, characters)

    cold = extract_command(corpus, output, rules, settings, options)
    measurements.append(measure_extract("b", "extract run, cold", cold, logs, posts, characters))
    measurements.append(measure_extract("c", "re-run, nothing changed", cold, logs, posts, characters))
    edited_post = append_sentence(corpus)
    posts, characters_after_edit = body_characters(corpus)
    measurements.append(measure_extract("d", "re-run, one post edited", cold, logs, posts,
                                        characters_after_edit, note=f"appended to {edited_post.name}"))
    edited_rules = add_chip_alias(rules)
    measurements.append(measure_extract("e", "re-run, one rule file edited", cold, logs, posts,
                                        characters_after_edit,
                                        note=f"chip added to {edited_rules.relative_to(rules)}"))
    edited_companies = add_company(rules, "bench-probe-company-a")
    measurements.append(measure_extract("g", "re-run, one company file edited", cold, logs, posts,
                                        characters_after_edit,
                                        note=f"company added to {edited_companies.relative_to(rules)}"))
    add_company(rules, "bench-probe-company-b")
    measurements.append(measure_extract("h", "the same, without the GiNZA cache", [*cold, "--no-cache"], logs,
                                        posts, characters_after_edit, note="lever: the GiNZA cache"))
    no_ner = extract_command(corpus, output_no_ner, rules, settings, options, no_ner=True)
    measurements.append(measure_extract("f", "extract run --no-ner, cold", no_ner, logs, posts,
                                        characters_after_edit))
    if "--jobs" in options and settings.jobs > 1:
        one_job = extract_command(corpus, work / "output-one-job", rules, replace(settings, jobs=1), options)
        shutil.rmtree(work / "output-one-job", ignore_errors=True)
        measurements.append(measure_extract("b1", "extract run, cold, --jobs 1", one_job, logs, posts,
                                            characters_after_edit, note="lever: every core"))
    corpus_info = {"label": label, "posts": posts, "characters": characters, "seed": settings.seed,
                   "archive": str(settings.archive), "bare_ginza_posts": bare_count,
                   "extract_run_options": sorted(options & {"--jobs", "--no-ner"})}
    return measurements, corpus_info


def baseline_speed(measurements: list[Measurement]) -> float:
    """Characters/s of (a) over the whole corpus: the scaled row when there is one."""
    bare = [m for m in measurements if m.key in ("a", "a*") and m.returncode == 0]
    return bare[-1].characters_per_second if bare else 0.0


def format_table(measurements: list[Measurement]) -> str:
    """The benchmark as a plain-text table (also valid Markdown) for the terminal and the README."""
    baseline = baseline_speed(measurements)
    cold = next((m for m in measurements if m.key == "b" and m.returncode == 0), None)
    header = ["", "measurement", "posts", "characters", "seconds", "chars/s", "vs (a)", "% of (b)",
              "peak RSS MB", "tree RSS MB"]
    rows = []
    for m in measurements:
        failed = m.returncode != 0
        rows.append([
            m.key, m.label + (f" — FAILED (exit {m.returncode})" if failed else ""), f"{m.posts:,}",
            f"{m.characters:,}", f"{m.seconds:,.1f}" if m.seconds >= 10 else f"{m.seconds:.2f}",
            f"{m.characters_per_second:,.0f}",
            f"{m.characters_per_second / baseline:.1f}x" if baseline and not failed else "",
            f"{100 * m.seconds / cold.seconds:.1f}%" if cold and m.key not in ("a", "a*", "b") and not failed else "",
            f"{m.peak_rss_mb:,.0f}" if m.peak_rss_mb is not None else "",
            f"{m.peak_tree_rss_mb:,.0f}" if m.peak_tree_rss_mb is not None else "",
        ])
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    right = {2, 3, 4, 5, 6, 7, 8, 9}

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.rjust(w) if i in right else cell.ljust(w)
                                 for i, (cell, w) in enumerate(zip(cells, widths))) + " |"

    separator = "|" + "|".join(("-" * (w + 1) + ":") if i in right else "-" * (w + 2)
                               for i, w in enumerate(widths)) + "|"
    notes = [f"{m.key}: {m.note}" for m in measurements if m.note]
    return "\n".join([line(header), separator, *(line(row) for row in rows), "", *notes])


def write_results(measurements: list[Measurement], corpus_info: dict, settings: Settings,
                  table: str) -> Path:
    """Write the results as JSON under ``bench/results/`` (timestamped; kept out of git: the README quotes
    the tables it relies on, with their date)."""
    now = datetime.now(timezone.utc)
    baseline = baseline_speed(measurements)
    document = {
        "timestamp": now.isoformat(timespec="seconds"),
        "machine": machine_info(settings),
        "corpus": corpus_info,
        "baseline_characters_per_second": baseline,
        "measurements": [
            {**asdict(m), "characters_per_second": m.characters_per_second,
             "speedup_vs_bare_ginza": m.characters_per_second / baseline if baseline else None}
            for m in measurements
        ],
        "table": table,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{now.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def run_memory_benchmark(settings: Settings) -> tuple[list[Measurement], dict]:
    """Peak RSS of (b), a cold run, at each sample size: memory must stay flat as the corpus grows."""
    measurements = []
    for size in settings.memory_sizes:
        sized = replace(settings, posts=size, full=False)
        work = WORK_DIR / f"memory-{size}-seed-{settings.seed}"
        corpus, rules, logs, output = work / "corpus", work / "rules", work / "logs", work / "output"
        for stale in (output, logs, rules):
            shutil.rmtree(stale, ignore_errors=True)
        copy_posts(choose_posts(sized), settings.archive, corpus)
        shutil.copytree(settings.rules, rules)
        posts, characters = body_characters(corpus)
        command = extract_command(corpus, output, rules, sized, extract_run_options(),
                                  no_ner=settings.memory_no_ner)
        label = "extract run" + (" --no-ner" if settings.memory_no_ner else "") + ", cold"
        measurements.append(measure_extract(f"b@{posts}", label, command, logs, posts, characters))
    corpus_info = {"label": "memory-" + "-".join(map(str, settings.memory_sizes)), "seed": settings.seed,
                   "archive": str(settings.archive), "no_ner": settings.memory_no_ner}
    return measurements, corpus_info


def main(argv: list[str]) -> int:
    """Run the benchmark, print the table, save the JSON; exit 1 when a measurement failed."""
    settings = parse_settings(argv)
    if settings.memory_sizes:
        measurements, corpus_info = run_memory_benchmark(settings)
    else:
        measurements, corpus_info = run_benchmark(settings)
    table = format_table(measurements)
    print(table)
    path = write_results(measurements, corpus_info, settings, table)
    print(f"\nresults: {path.relative_to(PROJECT_DIR)}")
    return 1 if any(m.returncode != 0 for m in measurements) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
