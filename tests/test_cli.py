"""End to end: the real ``extract`` command on real and deliberately awkward posts."""

from __future__ import annotations

import hashlib
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import RULES, run_extract

TABLES = ("articles", "sentences", "tokens", "companies", "money", "dates", "chips", "partnerships", "errors")
MENTION_TABLES = ("companies", "money", "dates", "chips")


def spec_body(path: Path) -> str:
    """The body as the spec defines it, computed independently of extract.corpus."""
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return text
    offset = len(lines[0])
    for line in lines[1:]:
        offset += len(line)
        if line.rstrip("\r\n") == "---":
            return text[offset:]
    raise AssertionError(f"{path} has an unclosed front matter")


def read(output: Path, table: str) -> list[dict]:
    return pq.read_table(output / f"{table}.parquet").to_pylist()


def test_run_on_the_eval_posts_writes_exact_tables(eval_posts: Path, eval_output: tuple[Path, str]) -> None:
    output, stderr = eval_output
    assert re.search(r"11 posts, [\d,]+ sentences, [\d,]+ tokens, 0 errors", stderr)
    for table in TABLES:
        assert (output / f"{table}.parquet").exists(), table

    files = sorted(eval_posts.iterdir())
    articles = read(output, "articles")
    assert sorted(a["article_id"] for a in articles) == [f.stem for f in files]
    bodies = {f.stem: spec_body(f) for f in files}
    for article in articles:
        assert article["body_chars"] == len(bodies[article["article_id"]])
        assert article["published_at"] is not None and article["title"]
        assert article["content_sha256"] == hashlib.sha256(
            (eval_posts / Path(article["source_path"]).name).read_bytes()).hexdigest()

    sentences = read(output, "sentences")
    assert sentences
    for sentence in sentences:
        assert bodies[sentence["article_id"]][sentence["start"]:sentence["end"]] == sentence["text"]
    tokens = read(output, "tokens")
    assert len(tokens) > len(sentences)
    for token in tokens:
        assert bodies[token["article_id"]][token["start"]:token["end"]] == token["surface"]
    for table in MENTION_TABLES:
        rows = read(output, table)
        assert rows, table
        for row in rows:
            assert bodies[row["article_id"]][row["start"]:row["end"]] == row["surface"], (table, row)
    texts = {(s["article_id"], s["sentence_id"]): s["text"] for s in sentences}
    for relation in read(output, "partnerships"):
        assert texts[relation["article_id"], relation["sentence_id"]] == relation["evidence"]
    assert read(output, "errors") == []


def make_awkward_corpus(folder: Path) -> dict[str, str]:
    """A folder of hard posts; returns each post file's relative path -> where it must end up."""
    front = "---\ntitle: \"テスト\"\ndate: 2025-11-30 02:31:43 +0000\n---\n"
    posts: dict[str, tuple[bytes, str]] = {
        "crlf.md": ((front + "一行目。\n二行目。\n").replace("\n", "\r\n").encode(), "articles"),
        "bom.md": (("\ufeff" + front + "BOM付きの本文。\n").encode(), "articles"),
        "sjis.md": ((front + "シフトJISの本文。\n").encode("shift_jis"), "errors"),
        "binary.txt": (bytes(range(256)) * 4, "errors"),
        "broken_yaml.md": ("---\ntitle: [閉じない\ndate: x\n---\n本文。\n".encode(), "errors"),
        "empty.md": (b"", "articles"),
        "no_front_matter.txt": ("前書きのない本文。AWSが発表した。\n".encode(), "articles"),
        "nested/deeper/inner.markdown": ((front + "入れ子の投稿。\n").encode(), "articles"),
        "end_marker.md": ((front + "前半。\n---END---\n後半も本文。\n---\n最後。\n").encode(), "articles"),
        "huge_line.md": ((front + "巨大な行" + "あいうえおかきくけこ" * 30_000 + "。\n").encode(), "articles"),
        "unclosed.md": ("---\ntitle: 閉じない前書き\n本文。\n".encode(), "errors"),
    }
    for relative, (data, _) in posts.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")
    (folder / "data.json").write_text("{}")
    return {relative: table for relative, (_, table) in posts.items()}


def test_awkward_posts_are_all_accounted_for(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    expected = make_awkward_corpus(corpus)
    output = tmp_path / "out"
    completed = run_extract("run", str(corpus), "--output", str(output), "--rules", str(RULES))

    articles = {a["article_id"]: a for a in read(output, "articles")}
    errors = {Path(e["source_path"]).relative_to(corpus).as_posix(): e for e in read(output, "errors")}
    placed = {Path(a["source_path"]).relative_to(corpus).as_posix() for a in articles.values()}
    assert len(placed) == len(articles) and placed | set(errors) == set(expected)
    assert not placed & set(errors)
    assert {r for r, table in expected.items() if table == "errors"} == set(errors)

    for relative, error in errors.items():
        assert error["stage"] and error["error"] and error["message"]
        assert f"warning: skipped {corpus / relative}" in completed.stderr
    assert errors["sjis.md"]["error"] == "not_utf8"
    assert errors["binary.txt"]["error"] == "binary"
    assert errors["broken_yaml.md"]["stage"] == "front_matter"

    assert articles["crlf"]["body_chars"] == len("一行目。\r\n二行目。\r\n")
    assert articles["empty"]["body_chars"] == 0 and articles["empty"]["title"] is None
    assert articles["nested/deeper/inner"]["title"] == "テスト"
    assert articles["huge_line"]["body_chars"] > 300_000
    sentences = read(output, "sentences")
    assert "後半も本文。" in {s["text"] for s in sentences if s["article_id"] == "end_marker"}
    assert "最後。" in {s["text"] for s in sentences if s["article_id"] == "end_marker"}
    crlf_tokens = [t for t in read(output, "tokens") if t["article_id"] == "crlf"]
    body = "一行目。\r\n二行目。\r\n"
    assert all(body[t["start"]:t["end"]] == t["surface"] for t in crlf_tokens)


def test_strict_stops_at_the_first_bad_post_and_writes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_awkward_corpus(corpus)
    completed = run_extract("run", str(corpus), "--output", str(tmp_path / "out"),
                            "--rules", str(RULES), "--strict", check=False)
    assert completed.returncode == 1
    assert any(bad in completed.stderr for bad in ("binary.txt", "sjis.md", "broken_yaml.md"))
    assert not (tmp_path / "out" / "articles.parquet").exists()


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_awkward_corpus(corpus)
    completed = run_extract("run", str(corpus), "--output", str(tmp_path / "out"),
                            "--rules", str(RULES), "--quiet")
    assert completed.stderr == "" and completed.stdout == ""


@pytest.mark.parametrize("args, message", [
    (["run", "no/such/folder", "--output", "OUT", "--rules", str(RULES)], "corpus folder not found"),
    (["run", "CORPUS", "--output", "OUT", "--rules", "no/such/rules"], "rules folder not found"),
])
def test_missing_folders_are_clear_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "CORPUS").mkdir()
    args = [str(tmp_path / a) if a in ("CORPUS", "OUT") else a for a in args]
    completed = run_extract(*args, check=False)
    assert completed.returncode == 1
    assert message in completed.stderr


def snapshot(output: Path) -> dict[str, bytes]:
    """Every file of an output folder by relative path, but the GiNZA cache (which may grow at any time)
    and the lock file (which holds the pid of the last run to take it)."""
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*"))
            if p.is_file() and "ginza-cache" not in p.name and p.name != "lock"}


def tables_of(output: Path) -> dict[str, list[dict]]:
    """Every table's rows in a canonical order, to compare two runs."""
    return {table: sorted(read(output, table), key=repr) for table in TABLES}


def make_large_corpus(folder: Path, posts: int = 400) -> None:
    folder.mkdir()
    for index in range(posts):
        (folder / f"p{index:03}.md").write_text(
            "---\ntitle: b\ndate: 2025-05-01\n---\n" + f"AWSとOpenAIが{index}億ドルで提携した。\n" * 100)


def test_ctrl_c_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    small, large, output = tmp_path / "small", tmp_path / "large", tmp_path / "out"
    small.mkdir()
    (small / "a.md").write_text("---\ntitle: a\n---\n一文。\n")
    run_extract("run", str(small), "--output", str(output), "--rules", str(RULES))
    before = snapshot(output)
    make_large_corpus(large)
    process = subprocess.Popen([str(Path(sys.executable).parent / "extract"), "run", str(large),
                                "--output", str(output), "--rules", str(RULES), "--no-ner"],
                               stderr=subprocess.PIPE, text=True)
    time.sleep(3.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "previous output is intact" in stderr
    assert snapshot(output) == before


#: A run whose Ctrl-C lands inside a finalizer, where Python prints "Exception ignored" and drops the
#: KeyboardInterrupt it raised (the regex module's finalizers run while rules compile).
CTRL_C_IN_A_FINALIZER = """
import os, signal, sys, time
from pathlib import Path
from extract import pipeline
from extract.errors import RunInterrupted

class PressesCtrlC:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)  # the signal's handler runs here, inside the finalizer

def track(results, total):
    PressesCtrlC()
    return results

try:
    pipeline.run(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), use_ner=False, track=track)
except RunInterrupted as interrupted:
    print(interrupted)
    sys.exit(130)
"""


def test_a_ctrl_c_python_drops_in_a_finalizer_still_stops_the_run(tmp_path: Path) -> None:
    small, output = tmp_path / "small", tmp_path / "out"
    small.mkdir()
    (small / "a.md").write_text("---\ntitle: a\n---\nAWSとOpenAIが提携した。\n")
    run_extract("run", str(small), "--output", str(output), "--rules", str(RULES), "--no-ner")
    before = snapshot(output)
    (small / "b.md").write_text("---\ntitle: b\n---\nGoogleとAnthropicが提携した。\n")
    completed = subprocess.run([sys.executable, "-c", CTRL_C_IN_A_FINALIZER, str(small), str(output), str(RULES)],
                               capture_output=True, text=True, timeout=120)
    assert "Exception ignored" in completed.stderr and "KeyboardInterrupt" in completed.stderr, completed.stderr
    assert completed.returncode == 130, completed.stdout + completed.stderr
    assert "previous output is intact" in completed.stdout
    assert snapshot(output) == before


def test_a_run_killed_midway_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus, killed, clean = tmp_path / "corpus", tmp_path / "killed", tmp_path / "clean"
    make_large_corpus(corpus, posts=120)
    run_extract("run", str(corpus), "--output", str(clean), "--rules", str(RULES), "--no-ner", "--quiet")
    process = subprocess.Popen([str(Path(sys.executable).parent / "extract"), "run", str(corpus),
                                "--output", str(killed), "--rules", str(RULES), "--no-ner", "--quiet"])
    deadline = time.monotonic() + 120
    while not list(killed.glob(".extract/generations/*/articles.parquet/part-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # until the run has written some parts of its new tables
    process.kill()
    assert process.wait(timeout=60) == -signal.SIGKILL, "the run ended before it could be killed midway"
    run_extract("run", str(corpus), "--output", str(killed), "--rules", str(RULES), "--no-ner", "--quiet")
    assert tables_of(killed) == tables_of(clean)


@pytest.mark.parametrize("threshold, message", [
    ("mony=1", "TABLE one of companies"),
    ("money.f2=0.5", "METRIC one of precision"),
    ("money=lots", "expected a number"),
    ("money=1.5", "between 0 and 1"),
    ("money", "TABLE=X"),
])
def test_a_wrong_threshold_is_refused_before_any_work(tmp_path: Path, threshold: str, message: str) -> None:
    completed = run_extract("eval", str(tmp_path / "absent"), "--gold", str(tmp_path / "absent.jsonl"),
                            "--min-f1", threshold, check=False)
    assert completed.returncode == 2, completed.stderr
    assert "Invalid value for '--min-f1'" in completed.stderr and message in completed.stderr
    assert "Traceback" not in completed.stderr
