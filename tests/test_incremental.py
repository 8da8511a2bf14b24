"""Incremental and parallel runs write exactly the tables a fresh run would.

A re-run redoes only what changed (posts by content hash, tables by the rule
files that steer them); whatever it skips, the tables must equal those of a
fresh single-process run over the same corpus and rules. Runs are the real
``extract`` command; --no-ner keeps them quick (the GiNZA cache has its own test).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import RULES, run_extract

TABLES = ("articles", "sentences", "tokens", "companies", "money", "dates", "chips", "partnerships", "errors")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def tables_of(output: Path) -> dict[str, list[dict]]:
    """Every table's rows in a canonical order."""
    return {table: sorted(pq.read_table(output / f"{table}.parquet").to_pylist(), key=repr) for table in TABLES}


def extract(corpus: Path, output: Path, rules: Path = RULES, *options: str) -> str:
    """Run extract and return its summary line."""
    return run_extract("run", str(corpus), "--output", str(output), "--rules", str(rules), "--no-ner",
                       *options).stderr


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def fresh(corpus: Path, tmp_path: Path, rules: Path = RULES) -> dict[str, list[dict]]:
    output = tmp_path / "fresh"
    shutil.rmtree(output, ignore_errors=True)
    extract(corpus, output, rules, "--jobs", "1")
    return tables_of(output)


def test_a_rerun_with_nothing_changed_reuses_every_post(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    extract(corpus, output)
    before = {p: p.stat().st_mtime_ns for p in output.glob("*.parquet/part-*")}
    summary = extract(corpus, output)
    posts = len(list(corpus.iterdir()))
    assert f"({posts} posts unchanged)" in summary
    assert {p: p.stat().st_mtime_ns for p in output.glob("*.parquet/part-*")} == before  # linked, not rewritten
    assert tables_of(output) == fresh(corpus, tmp_path)


def test_edited_added_and_deleted_posts(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    extract(corpus, output)
    edited = sorted(corpus.glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nNVIDIAはH200を2026年に出荷する。\n", encoding="utf-8")
    sorted(corpus.glob("*.md"))[1].unlink()
    (corpus / "new.md").write_text("---\ntitle: 新規\ndate: 2025-01-01\n---\nAMDが5億ドルを投資した。\n", encoding="utf-8")
    summary = extract(corpus, output)
    assert f"({len(list(corpus.iterdir())) - 2} posts unchanged)" in summary
    assert tables_of(output) == fresh(corpus, tmp_path)


def test_an_edited_rule_file_redoes_only_its_tables(corpus: Path, tmp_path: Path) -> None:
    rules, output = tmp_path / "rules", tmp_path / "out"
    shutil.copytree(RULES, rules)
    extract(corpus, output, rules)
    untouched = {p: p.stat().st_mtime_ns for p in output.glob("tokens.parquet/part-*")}
    with open(rules / "chips" / "zephyr.yaml", "w", encoding="utf-8") as handle:
        handle.write("chips:\n  - {id: zephyr-x1, name: Zephyr X1, aliases: [ZX-1], vendor: nvidia}\n")
    (corpus / "zx.md").unlink(missing_ok=True)
    first = sorted(corpus.glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("H100", "ZX-1", 1), encoding="utf-8")
    extract(corpus, output, rules)
    assert tables_of(output) == fresh(corpus, tmp_path, rules)
    changed_posts = {p for p in untouched if p.exists() and p.stat().st_mtime_ns != untouched[p]}
    assert len(changed_posts) <= 1  # only the edited post's bucket of tokens was rewritten


def test_two_jobs_write_the_same_tables_as_one(corpus: Path, tmp_path: Path) -> None:
    extract(corpus, tmp_path / "two", RULES, "--jobs", "2")
    assert tables_of(tmp_path / "two") == fresh(corpus, tmp_path)


def test_a_changed_setting_redoes_everything(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    extract(corpus, output)
    manifest = json.loads((output / ".extract" / "current" / "manifest.json").read_text())
    assert manifest["settings"] == {"use_ner": False} and len(manifest["posts"]) == len(list(corpus.iterdir()))
    summary = run_extract("run", str(corpus), "--output", str(output), "--rules", str(RULES)).stderr
    assert "unchanged" not in summary


def test_the_ginza_cache_gives_the_same_tables(eval_posts: Path, eval_output: tuple[Path, str],
                                               tmp_path: Path) -> None:
    """A second output folder reusing the first run's cache file gets identical tables."""
    output, empty = tmp_path / "again", tmp_path / "empty"
    empty.mkdir()
    run_extract("run", str(empty), "--output", str(output), "--rules", str(RULES), "--no-ner")  # extract's own now
    shutil.copy(eval_output[0] / ".extract" / "ginza-cache.sqlite", output / ".extract" / "ginza-cache.sqlite")
    run_extract("run", str(eval_posts), "--output", str(output), "--rules", str(RULES), "--quiet")
    assert tables_of(output) == tables_of(eval_output[0])


def test_the_dask_executor_writes_the_same_tables(corpus: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        extract(corpus, tmp_path / "dask", RULES, "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert tables_of(tmp_path / "dask") == fresh(corpus, tmp_path)
