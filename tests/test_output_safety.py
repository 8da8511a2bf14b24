"""Nothing lost, nothing mixed, nothing hangs: the output folder under hostile conditions.

Every test runs the real ``extract`` command in a real process, and faults
are real: a folder of a user's files, a second run holding the lock, SIGKILL
and SIGINT at many moments of a run, a worker killed with ``kill -9``, a full
and a read-only file system (tmpfs and bind mounts, skipped where mounting is
not allowed). Runs use --no-ner so each takes seconds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import REPO, RULES

EXTRACT = str(Path(sys.executable).parent / "extract")
TABLES = ("articles", "sentences", "tokens", "companies", "money", "dates", "chips", "partnerships", "errors")
#: Seconds any single run in these tests may take before the test fails instead of hanging.
RUN_LIMIT = 240


def write_posts(folder: Path, count: int, prefix: str = "post", sentences: int = 3) -> None:
    """Invented posts: a few sentences with companies, money and dates each."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        body = "".join(f"ソニーは{number + line}億円を2026年第{line % 4 + 1}四半期に投資すると発表した。"
                       f"NVIDIAのH100を{line + 2}万台導入する。\n" for line in range(sentences))
        (folder / f"{prefix}-{number:04d}.md").write_text(
            f"---\ntitle: 記事{number}\ndate: 2026-01-{number % 28 + 1:02d} 09:00:00 +0900\n---\n{body}",
            encoding="utf-8")


def extract_run(corpus: Path, output: Path, *options: str, check: bool = True) -> subprocess.CompletedProcess:
    """One ``extract run`` (rules only), bounded in time."""
    completed = subprocess.run([EXTRACT, "run", str(corpus), "--output", str(output), "--rules", str(RULES),
                                "--no-ner", "--quiet", *options],
                               capture_output=True, text=True, cwd=REPO, timeout=RUN_LIMIT)
    if check and completed.returncode != 0:
        raise AssertionError(f"extract run failed ({completed.returncode}):\n{completed.stderr}")
    return completed


def start_run(corpus: Path, output: Path, *options: str) -> subprocess.Popen:
    """``extract run`` started in the background (its own process group, as a shell job would be)."""
    return subprocess.Popen([EXTRACT, "run", str(corpus), "--output", str(output), "--rules", str(RULES),
                             "--no-ner", "--quiet", *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, process_group=0)


def tables_of(output: Path) -> dict[str, list[dict]]:
    """Every table's rows in a canonical order, read through the public paths."""
    return {table: sorted(pq.read_table(output / f"{table}.parquet").to_pylist(), key=repr) for table in TABLES}


def article_ids(output: Path) -> dict[str, set[str]]:
    """The posts each per-post table holds rows of."""
    return {table: set(pq.read_table(output / f"{table}.parquet", columns=["article_id"])["article_id"].to_pylist())
            for table in ("articles", "sentences", "tokens", "companies", "money", "dates")}


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every path under ``folder`` with its content (files) or link target (links)."""
    found: dict[str, bytes | str] = {}
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root) / name
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[relative] = "-> " + os.readlink(path)
            elif path.is_file():
                found[relative] = path.read_bytes()
            else:
                found[relative] = "folder"
    return found


def one_error_line(completed: subprocess.CompletedProcess) -> str:
    """The run failed with exit 1 and exactly one line on stderr, no traceback; that line."""
    assert completed.returncode == 1, completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in completed.stderr, completed.stderr
    return lines[0]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    write_posts(tmp_path / "corpus", 12)
    return tmp_path / "corpus"


# --- 1. The tool touches only what it created -------------------------------------------------------------


def test_a_folder_of_the_users_files_is_refused_and_left_as_it_was(corpus: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / ".profile.old-backup").mkdir(parents=True)
    (notes / ".profile.old-backup" / "rc").write_text("keep me")
    (notes / ".draft.tmp-1").write_text("half a thought")
    (notes / "money.parquet").write_bytes(b"my own money table")
    (notes / "errors.parquet").mkdir()
    (notes / "errors.parquet" / "x.txt").write_text("mine")
    (notes / ".extract").mkdir()
    (notes / ".extract" / "manifest.json").write_text("{}")
    before = snapshot(notes)
    line = one_error_line(extract_run(corpus, notes, check=False))
    assert "is not empty" in line and "not made by extract" in line
    assert snapshot(notes) == before


def test_the_corpus_is_never_an_output_folder(corpus: Path) -> None:
    before = snapshot(corpus)
    for output in (corpus, corpus / "tables"):
        assert "inside the corpus" in one_error_line(extract_run(corpus, output, check=False))
    assert snapshot(corpus) == before


def test_an_output_path_under_a_file_is_one_clear_line(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    assert "is a file" in one_error_line(extract_run(corpus, tmp_path / "file.txt" / "out", check=False))
    assert "not a folder" in one_error_line(extract_run(corpus, tmp_path / "file.txt", check=False))


def test_the_users_files_beside_the_tables_survive_every_run(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    extract_run(corpus, output)
    (output / "analysis.ipynb").write_text("{}")
    (output / ".money.parquet.old-mine").mkdir()
    (output / "eval").mkdir()
    (output / "eval" / "x.tmp-9").write_text("mine")
    mine = {path: content for path, content in snapshot(output).items()
            if path.startswith(("analysis", ".money", "eval"))}
    write_posts(corpus, 3, prefix="later")
    extract_run(corpus, output)
    after = snapshot(output)
    assert {path: after[path] for path in mine} == mine


def test_a_table_path_replaced_by_the_user_stops_the_run_and_is_kept(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    extract_run(corpus, output)
    (output / "money.parquet").unlink()
    (output / "money.parquet").write_text("the user's own file")
    line = one_error_line(extract_run(corpus, output, check=False))
    assert "money.parquet was not made by extract" in line
    assert (output / "money.parquet").read_text() == "the user's own file"


# --- 2. All tables switch together ----------------------------------------------------------------------


def test_a_run_killed_at_any_moment_leaves_the_tables_of_exactly_one_run(tmp_path: Path) -> None:
    """SIGKILL at moments spread over a whole run, the commit included: every table always holds the posts
    of one run, the previous or the new, and the next run ends with the tables a fresh run writes."""
    corpus, output = tmp_path / "corpus", tmp_path / "out"
    write_posts(corpus, 40, prefix="old")
    extract_run(corpus, output, "--jobs", "1")
    old_ids = article_ids(output)["articles"]
    for path in sorted(corpus.iterdir())[:20]:
        path.unlink()
    write_posts(corpus, 40, prefix="new")
    began = time.monotonic()
    extract_run(corpus, tmp_path / "timing", "--jobs", "1")
    duration = time.monotonic() - began
    new_ids = article_ids(tmp_path / "timing")["articles"]
    assert old_ids != new_ids
    seen = set()
    for fraction in (0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05):
        process = start_run(corpus, output, "--jobs", "1")
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=RUN_LIMIT)
        ids = article_ids(output)
        assert ids["articles"] in (old_ids, new_ids), fraction
        for table in ("sentences", "tokens", "money"):
            assert ids[table] == ids["articles"], (fraction, table)
        seen.add("new" if ids["articles"] == new_ids else "old")
        if ids["articles"] == new_ids:  # this one was killed after its commit: later kills change nothing
            break
    assert "old" in seen
    extract_run(corpus, output, "--jobs", "1")
    assert tables_of(output) == tables_of(tmp_path / "timing")
    assert len(list((output / ".extract" / "generations").iterdir())) == 1  # leftovers removed


# --- 3. One run at a time -------------------------------------------------------------------------------


def test_a_second_run_into_the_same_folder_exits_at_once_naming_the_first(tmp_path: Path) -> None:
    corpus, output = tmp_path / "corpus", tmp_path / "out"
    write_posts(corpus, 150, sentences=20)
    first = start_run(corpus, output, "--jobs", "2")
    try:
        lock = output / ".extract" / "lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
            assert time.monotonic() < deadline and first.poll() is None, "the first run never took the lock"
            time.sleep(0.05)
        began = time.monotonic()
        second = extract_run(corpus, output, check=False)
        assert time.monotonic() - began < 30
        assert one_error_line(second) == f"Error: another run (pid {first.pid}) is writing to {output}"
    finally:
        first.wait(timeout=RUN_LIMIT)
    assert first.returncode == 0, first.stderr.read() if first.stderr else ""


# --- 4. A dead worker neither hangs nor loses the batch -------------------------------------------------


def worker_pids(parent: int) -> list[int]:
    """The pool workers (spawned multiprocessing children, not the resource tracker) of ``parent``."""
    found = []
    for child in Path(f"/proc/{parent}/task/{parent}/children").read_text().split():
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            found.append(int(child))
    return found


def wait_for_workers(parent: int, limit: float = 60) -> list[int]:
    """Wait until ``parent`` has pool workers, and return them."""
    deadline = time.monotonic() + limit
    while not (workers := worker_pids(parent)):
        assert time.monotonic() < deadline, "no worker process appeared"
        time.sleep(0.05)
    return workers


def test_a_worker_killed_mid_run_does_not_hang_or_lose_posts(tmp_path: Path) -> None:
    corpus, output = tmp_path / "corpus", tmp_path / "out"
    write_posts(corpus, 120, sentences=20)
    process = start_run(corpus, output, "--jobs", "2")
    workers = wait_for_workers(process.pid)
    time.sleep(2)  # into the work
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=RUN_LIMIT)
    assert process.returncode == 0, stderr
    tables = tables_of(output)
    accounted = {row["article_id"] for row in tables["articles"]} | {
        Path(row["source_path"]).stem for row in tables["errors"]}
    assert accounted == {path.stem for path in corpus.iterdir()}


def live_members(group: int) -> list[int]:
    """Processes of process group ``group`` that are not yet zombies."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            members.append(int(entry.name))
    return members


@pytest.mark.parametrize("delay", [0.0, 1.0])
def test_workers_do_not_outlive_a_killed_run(tmp_path: Path, delay: float) -> None:
    # Killed as soon as its first worker appears (the second is still starting: it must not take its
    # new parent for the run) or a second into the work; every process of the run's group must end.
    corpus, output = tmp_path / "corpus", tmp_path / "out"
    write_posts(corpus, 120, sentences=20)
    process = start_run(corpus, output, "--jobs", "2")
    wait_for_workers(process.pid)
    time.sleep(delay)
    process.kill()
    process.wait(timeout=60)
    deadline = time.monotonic() + 30
    while live_members(process.pid):
        assert time.monotonic() < deadline, f"processes {live_members(process.pid)} outlived their run"
        time.sleep(0.1)


# --- 5. A post over its time budget goes to errors ------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_post_over_its_time_budget_goes_to_errors_and_the_run_goes_on(tmp_path: Path, jobs: str) -> None:
    corpus, output = tmp_path / "corpus", tmp_path / "out"
    write_posts(corpus, 4)
    # About 30 s of work, far over the budget below; the budget leaves the small posts room on a loaded machine.
    write_posts(corpus, 1, prefix="huge", sentences=30_000)
    completed = extract_run(corpus, output, "--jobs", jobs, "--post-timeout", "5")
    tables = tables_of(output)
    assert [(Path(row["source_path"]).name, row["error"]) for row in tables["errors"]] == [
        ("huge-0000.md", "timeout")]
    assert "--post-timeout" in tables["errors"][0]["message"]
    assert {row["article_id"] for row in tables["articles"]} == {f"post-{n:04d}" for n in range(4)}
    assert completed.returncode == 0


# --- 8. Full and read-only file systems, damaged parts ---------------------------------------------------


@pytest.fixture()
def mount_point(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "mnt"
    point.mkdir()
    yield point
    subprocess.run(["umount", str(point)], capture_output=True)


def mount(*arguments: str) -> None:
    completed = subprocess.run(["mount", *arguments], capture_output=True, text=True)
    if completed.returncode != 0:
        pytest.skip(f"cannot mount here: {completed.stderr.strip()}")


def test_a_full_disk_is_one_line_and_keeps_the_previous_output(tmp_path: Path, mount_point: Path) -> None:
    corpus = tmp_path / "corpus"
    write_posts(corpus, 5)
    mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point))
    output = mount_point / "out"
    extract_run(corpus, output, "--jobs", "1")
    before = tables_of(output)
    write_posts(corpus, 60, prefix="big", sentences=120)
    line = one_error_line(extract_run(corpus, output, "--jobs", "1", check=False))
    assert "No space left on device" in line and "the previous output is intact" in line
    assert tables_of(output) == before
    assert len(list((output / ".extract" / "generations").iterdir())) == 1


def test_a_read_only_output_is_one_line_and_keeps_the_previous_output(tmp_path: Path, mount_point: Path) -> None:
    corpus, output = tmp_path / "corpus", tmp_path / "out"
    write_posts(corpus, 5)
    extract_run(corpus, output, "--jobs", "1")
    before = tables_of(output)
    write_posts(corpus, 2, prefix="later")
    mount("--bind", "-o", "ro", str(output), str(mount_point))
    line = one_error_line(extract_run(corpus, mount_point, "--jobs", "1", check=False))
    assert "Read-only file system" in line
    assert tables_of(mount_point) == before


def test_a_rerun_rebuilds_a_damaged_missing_or_foreign_part(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    extract_run(corpus, output)
    fresh = tables_of(output)
    manifest = json.loads((output / ".extract" / "current" / "manifest.json").read_text())
    money_part = next(name for name in manifest["parts"] if name.startswith("money.parquet/"))
    token_part = next(name for name in manifest["parts"] if name.startswith("tokens.parquet/"))
    current = output / ".extract" / "current"
    (current / money_part).write_bytes((current / money_part).read_bytes()[:50])
    (current / token_part).unlink()
    (current / "dates.parquet" / "part-99.parquet").write_bytes(b"not ours")
    extract_run(corpus, output)
    assert tables_of(output) == fresh
