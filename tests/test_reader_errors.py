"""The commands that read an output folder fail with one line naming the file at fault, never a traceback.

``extract eval`` and ``extract report`` are run as real processes on outputs
and gold files made here (invented content): a broken input must give exit 1
and a single ``Error: ...`` line on stderr, and nothing on stdout.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.tables import SCHEMAS

from conftest import run_extract

GOLD_POST = {"article_id": "架空/1", "companies": [{"name": "架空商事", "aliases": ["カクウ"]}],
             "money": [{"surface": "10億円", "currency": "JPY", "value": 1e9, "min_value": None,
                        "max_value": None, "qualifier": "exact"}]}


def assert_one_line_error(completed: subprocess.CompletedProcess, *parts: str) -> str:
    """Exit 1, nothing on stdout and a single ``Error:`` line on stderr containing every one of ``parts``."""
    lines = completed.stderr.splitlines()
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout == ""
    assert len(lines) == 1 and lines[0].startswith("Error: "), completed.stderr
    for part in parts:
        assert part in lines[0], (part, lines[0])
    return lines[0]


def write_empty_output(folder: Path) -> Path:
    """Every table as a folder holding one empty part of its declared schema, as ``extract run`` lays it out."""
    for name, schema in SCHEMAS.items():
        (folder / f"{name}.parquet").mkdir(parents=True)
        pq.write_table(schema.empty_table(), folder / f"{name}.parquet" / "part-00.parquet")
    return folder


@pytest.fixture
def output(tmp_path: Path) -> Path:
    return write_empty_output(tmp_path / "out")


def write_gold(path: Path, *lines: str | bytes) -> Path:
    path.write_bytes(b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines))
    return path


def test_the_fixtures_work(output: Path, tmp_path: Path) -> None:
    """The healthy output and gold used below score and report: each failure below comes from its damage."""
    gold = write_gold(tmp_path / "gold.jsonl", json.dumps(GOLD_POST, ensure_ascii=False))
    assert run_extract("eval", str(output), "--gold", str(gold)).returncode == 0
    assert run_extract("report", str(output), "-o", str(tmp_path / "r.html")).returncode == 0


@pytest.mark.parametrize("lines, parts", [
    ([b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"], ["gold.jsonl:1: not UTF-8 text"]),
    ([json.dumps(GOLD_POST), "[1, 2]"], ["gold.jsonl:2: a gold line must be a JSON object"]),
    ([json.dumps({**GOLD_POST, "companies": "架空商事"})], ["gold.jsonl:1: companies must be a list"]),
    ([json.dumps({**GOLD_POST, "money": [{**GOLD_POST["money"][0], "value": "lots"}]})],
     ["gold.jsonl:1: money[0].value must be a finite number or null", '"lots"']),
    ([], ["no gold posts in", "gold.jsonl"]),
    (["", "   "], ["no gold posts in", "gold.jsonl"]),
])
def test_eval_with_a_broken_gold_file(output: Path, tmp_path: Path, lines: list, parts: list[str]) -> None:
    gold = write_gold(tmp_path / "gold.jsonl", *lines)
    completed = run_extract("eval", str(output), "--gold", str(gold), "--min-f1", "money=0.5", check=False)
    assert_one_line_error(completed, str(gold), *parts)


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:50])


def overwrite(path: Path) -> None:
    path.write_bytes(b"\x00\xff" * 300)


def foreign(path: Path) -> None:
    pq.write_table(pa.table({"x": [1, 2]}), path)


@pytest.mark.parametrize("damage, message", [
    (truncate, "cannot read {part}: "),
    (overwrite, "cannot read {part}: "),
    (foreign, "{part} is not a part of the money table: it lacks column(s) article_id"),
])
@pytest.mark.parametrize("command", ["report", "eval"])
def test_a_damaged_or_foreign_part(output: Path, tmp_path: Path, damage, message: str, command: str) -> None:
    part = output / "money.parquet" / "part-03.parquet"
    pq.write_table(SCHEMAS["money"].empty_table(), part)
    damage(part)
    if command == "report":
        completed = run_extract("report", str(output), "-o", str(tmp_path / "r.html"), check=False)
    else:
        gold = write_gold(tmp_path / "gold.jsonl", json.dumps(GOLD_POST))
        completed = run_extract("eval", str(output), "--gold", str(gold), check=False)
    assert_one_line_error(completed, message.format(part=part))
    assert not (tmp_path / "r.html").exists()


def test_report_of_a_folder_without_tables(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    completed = run_extract("report", str(tmp_path / "empty"), "-o", str(tmp_path / "r.html"), check=False)
    assert_one_line_error(completed, f"{tmp_path / 'empty'} holds no extract tables", "extract run")


@pytest.mark.parametrize("command", ["report", "eval"])
@pytest.mark.parametrize("kind, message", [("missing", "output folder not found: {path}"),
                                           ("file", "{path} is a file, not an output folder")])
def test_an_output_path_that_is_missing_or_a_file(tmp_path: Path, command: str, kind: str, message: str) -> None:
    path = tmp_path / "out"
    if kind == "file":
        path.write_text("架空の出力ではない")
    gold = write_gold(tmp_path / "gold.jsonl", json.dumps(GOLD_POST))
    extra = ["-o", str(tmp_path / "r.html")] if command == "report" else ["--gold", str(gold)]
    completed = run_extract(command, str(path), *extra, check=False)
    assert_one_line_error(completed, message.format(path=path))


@pytest.mark.parametrize("make", [lambda path: None, lambda path: path.mkdir()], ids=["missing", "folder"])
def test_a_gold_path_that_is_missing_or_a_folder(output: Path, tmp_path: Path, make) -> None:
    gold = tmp_path / "gold.jsonl"
    make(gold)
    completed = run_extract("eval", str(output), "--gold", str(gold), check=False)
    assert_one_line_error(completed, f"cannot read gold file {gold}")


@pytest.mark.parametrize("damage, message", [
    (truncate, "cannot read {part}: "),
    (foreign, "{part} is not a part of the companies table: it lacks column(s) article_id"),
])
def test_rules_suggest_of_a_damaged_or_foreign_part(output: Path, damage, message: str) -> None:
    part = output / "companies.parquet" / "part-00.parquet"
    damage(part)
    completed = run_extract("rules", "suggest", str(output), check=False)
    assert_one_line_error(completed, message.format(part=part))


@pytest.mark.parametrize("kind, message", [("missing", "output folder not found: {path}"),
                                           ("file", "{path} is a file, not an output folder"),
                                           ("empty", "{path} holds no extract tables")])
def test_rules_suggest_of_a_path_that_is_no_output(tmp_path: Path, kind: str, message: str) -> None:
    path = tmp_path / "out"
    if kind == "file":
        path.write_text("架空の出力ではない")
    elif kind == "empty":
        path.mkdir()
    completed = run_extract("rules", "suggest", str(path), "-o", str(tmp_path / "s.yaml"), check=False)
    assert_one_line_error(completed, message.format(path=path))
    assert not (tmp_path / "s.yaml").exists()
