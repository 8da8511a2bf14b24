"""Hostile corpora: YAML bombs, huge files, links out of the corpus, FIFOs, devices, odd names, deep trees.

Each case is a real file made in a temporary folder. The ones that would hang
or exhaust memory if a guard broke (the YAML bomb, a FIFO, ``/dev/zero``) run
in a child process bounded in time and memory, so a regression fails the test
instead of taking the machine down.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import extract
from conftest import RULES
from extract import corpus
from extract.corpus import article_id_for, check_post_file, discover_posts, parse_front_matter, path_text, read_post
from extract.errors import PostError
from extract.incremental import BUCKETS, bucket_of
from extract.pipeline import _post_files

GOOD = "---\ntitle: \"良い記事\"\ndate: 2025-11-30 02:31:43 +0000\n---\nソフトバンクがAI投資を発表した。\n"
SECRET = "外部の秘密の内容"

#: Nine levels of nine aliases: 9**9 (about 387 million) items in a few hundred bytes.
BILLION_LAUGHS = "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi")
) + "tags: *i\n---\n本文\n"

#: Reads each named post of a corpus in the child process and prints what happened, one JSON line each.
READ_POSTS = """
import json, sys
from pathlib import Path
from extract.corpus import read_post
from extract.errors import PostError
folder, max_bytes = Path(sys.argv[1]), int(sys.argv[2])
for name in sys.argv[3:]:
    try:
        post = read_post(folder / name, folder, max_bytes)
        print(json.dumps({"name": name, "title": post.title, "body": post.body}))
    except PostError as error:
        print(json.dumps({"name": name, "stage": error.stage, "kind": error.kind, "message": error.message}))
"""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_in_child(folder: Path, *names: str, max_bytes: int = corpus.MAX_POST_BYTES) -> dict[str, dict]:
    """``read_post`` on each name in a fresh process limited to 60 s and 2 GB: {name: outcome}."""
    limit_memory = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
    completed = subprocess.run([sys.executable, "-c", limit_memory + READ_POSTS, str(folder), str(max_bytes), *names],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    outcomes = [json.loads(line) for line in completed.stdout.splitlines()]
    return {outcome["name"]: outcome for outcome in outcomes}


def refusal(path: Path, folder: Path, max_bytes: int = corpus.MAX_POST_BYTES) -> PostError:
    """The ``PostError`` both ``check_post_file`` and ``read_post`` raise for ``path`` (they must agree)."""
    with pytest.raises(PostError) as checked:
        check_post_file(path, folder, max_bytes)
    with pytest.raises(PostError) as read:
        read_post(path, folder, max_bytes)
    assert (read.value.stage, read.value.kind) == (checked.value.stage, checked.value.kind)
    return read.value


def test_billion_laughs_front_matter_fails_fast_and_the_post_beside_it_still_reads(tmp_path: Path) -> None:
    write(tmp_path / "bomb.md", BILLION_LAUGHS)
    write(tmp_path / "good.md", GOOD)
    assert len(BILLION_LAUGHS.encode()) < 500
    outcomes = read_in_child(tmp_path, "bomb.md", "good.md")
    assert (outcomes["bomb.md"]["stage"], outcomes["bomb.md"]["kind"]) == ("front_matter", "yaml_alias")
    assert "aliases are not allowed in front matter" in outcomes["bomb.md"]["message"]
    assert "'*a' at line 3" in outcomes["bomb.md"]["message"]
    assert outcomes["good.md"]["title"] == "良い記事"


def test_anchors_without_aliases_and_stars_in_text_are_harmless() -> None:
    metadata = parse_front_matter('title: &t "AI投資"\nexcerpt: "**注目** の *記事*"\ntags: [a, b]\n', "p.md")
    assert metadata == {"title": "AI投資", "excerpt": "**注目** の *記事*", "tags": ["a", "b"]}


def test_a_single_alias_is_refused_too() -> None:
    with pytest.raises(PostError, match=r"alias '\*name' at line 3: aliases are not allowed") as raised:
        parse_front_matter("author: &name 山田\neditor: *name\n", "p.md")
    assert raised.value.kind == "yaml_alias"


def test_post_over_max_bytes_is_refused_before_reading(tmp_path: Path) -> None:
    fits = write(tmp_path / "fits.md", "x" * 100)
    too_big = write(tmp_path / "big.md", "x" * 101)
    assert read_post(fits, tmp_path, max_bytes=100).body == "x" * 100
    error = refusal(too_big, tmp_path, max_bytes=100)
    assert (error.stage, error.kind) == ("read", "too_large")
    assert "101 bytes" in error.message and "100 bytes" in error.message and "--max-post-bytes" in error.message


def test_post_that_grows_after_its_check_is_cut_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    growing = write(tmp_path / "growing.md", "x" * 100)
    checked_status = corpus._checked_status

    def check_then_grow(path: Path, folder: Path, max_bytes: int) -> os.stat_result:
        status = checked_status(path, folder, max_bytes)
        with path.open("ab") as handle:
            handle.write(b"y" * 1000)
        return status

    monkeypatch.setattr(corpus, "_checked_status", check_then_grow)
    with pytest.raises(PostError) as raised:
        read_post(growing, tmp_path, max_bytes=500)
    assert raised.value.kind == "too_large"


def test_default_limit_is_twenty_megabytes() -> None:
    assert corpus.MAX_POST_BYTES == 20 * 1024 * 1024


def test_link_to_a_file_outside_the_corpus_is_listed_but_never_read(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("corpus")
    outside = write(tmp_path_factory.mktemp("outside") / "secret.md", SECRET)
    (folder / "leak.md").symlink_to(outside)
    assert discover_posts(folder) == [folder / "leak.md"]  # listed, so that the run records it as skipped
    error = refusal(folder / "leak.md", folder)
    assert (error.stage, error.kind) == ("read", "link_outside_corpus")
    assert error.source_path == (folder / "leak.md").as_posix()
    assert SECRET not in error.message


def test_file_under_a_folder_link_out_of_the_corpus_is_refused(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("corpus")
    outside = tmp_path_factory.mktemp("outside")
    write(outside / "secret.md", SECRET)
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    assert discover_posts(folder) == []  # folder links are not walked into
    assert refusal(folder / "linked" / "secret.md", folder).kind == "link_outside_corpus"


def test_link_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    write(tmp_path / "good.md", GOOD)
    assert [p.name for p in discover_posts(tmp_path)] == ["good.md", "zero.md"]
    outcome = read_in_child(tmp_path, "zero.md")["zero.md"]
    assert (outcome["stage"], outcome["kind"]) == ("read", "link_outside_corpus")


def test_device_inside_the_corpus_is_not_a_file(tmp_path: Path) -> None:
    device = tmp_path / "zero.md"
    try:
        os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero's device numbers
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here")
    assert discover_posts(tmp_path) == []  # as before: only regular files are listed
    outcome = read_in_child(tmp_path, "zero.md")["zero.md"]
    assert (outcome["stage"], outcome["kind"]) == ("read", "not_a_file")
    assert "a device" in outcome["message"]


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "to_pipe.md").symlink_to("pipe.md")
    assert discover_posts(tmp_path) == []  # as before: only regular files are listed
    outcomes = read_in_child(tmp_path, "pipe.md", "to_pipe.md")
    for name in ("pipe.md", "to_pipe.md"):
        assert (outcomes[name]["stage"], outcomes[name]["kind"]) == ("read", "not_a_file")
        assert "FIFO" in outcomes[name]["message"]


def test_links_that_stay_inside_the_corpus_work(tmp_path: Path) -> None:
    write(tmp_path / "real" / "a.md", GOOD)
    (tmp_path / "alias.md").symlink_to(Path("real") / "a.md")
    (tmp_path / "mirror").symlink_to(tmp_path / "real", target_is_directory=True)
    assert [p.relative_to(tmp_path).as_posix() for p in discover_posts(tmp_path)] == ["alias.md", "real/a.md"]
    check_post_file(tmp_path / "alias.md", tmp_path)
    check_post_file(tmp_path / "mirror" / "a.md", tmp_path)
    assert read_post(tmp_path / "alias.md", tmp_path).title == "良い記事"
    assert read_post(tmp_path / "mirror" / "a.md", tmp_path).title == "良い記事"


def make_non_utf8_post(folder: Path, text: str) -> Path:
    """A post named ``caf<0xE9>.md``: a Latin-1 byte that is not UTF-8, as old archives have."""
    name = os.path.join(os.fsencode(folder), b"caf\xe9.md")
    try:
        descriptor = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError as exc:
        pytest.skip(f"this file system refuses non-UTF-8 names: {exc}")
    with open(descriptor, "wb") as handle:
        handle.write(text.encode("utf-8"))
    return Path(os.fsdecode(name))


def test_non_utf8_file_name_gets_a_utf8_safe_id_and_reads(tmp_path: Path) -> None:
    make_non_utf8_post(tmp_path, GOOD)
    [path] = discover_posts(tmp_path)
    assert article_id_for(path, tmp_path) == "caf\\xe9"
    post = read_post(path, tmp_path)
    assert post.article_id == "caf\\xe9"
    assert post.source_path == (tmp_path / "caf\\xe9.md").as_posix()
    assert post.title == "良い記事"
    post.source_path.encode("utf-8")
    assert bucket_of(post.article_id) in range(BUCKETS)
    [post_file] = _post_files(tmp_path)
    assert (post_file.source_path, post_file.article_id) == ("caf\\xe9.md", "caf\\xe9")
    assert post_file.sha256 == hashlib.sha256(GOOD.encode("utf-8")).hexdigest()


def test_valid_names_are_unchanged_as_text(tmp_path: Path) -> None:
    assert path_text(tmp_path / "2025" / "記事.md") == str(tmp_path / "2025" / "記事.md")
    assert article_id_for(tmp_path / "2025" / "記事.md", tmp_path) == "2025/記事"


def test_refused_posts_get_no_hash_and_are_not_opened(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("corpus")
    write(folder / "good.md", GOOD)
    write(folder / "big.md", "x" * 101)
    (folder / "leak.md").symlink_to(write(tmp_path_factory.mktemp("outside") / "secret.md", SECRET))
    digests = {post.source_path: post.sha256 for post in _post_files(folder, max_bytes=100 + len(GOOD.encode()))}
    assert digests == {"big.md": hashlib.sha256(b"x" * 101).hexdigest(),
                       "good.md": hashlib.sha256(GOOD.encode("utf-8")).hexdigest(), "leak.md": ""}
    digests = {post.source_path: post.sha256 for post in _post_files(folder, max_bytes=100)}
    assert digests["big.md"] == "" and digests["leak.md"] == ""


def test_folders_nested_1200_deep_are_walked_without_recursion(tmp_path: Path) -> None:
    folders = [tmp_path]
    for _ in range(1200):
        folders.append(folders[-1] / "d")
        folders[-1].mkdir()
    bottom = write(folders[-1] / "deep.md", GOOD)
    try:
        assert discover_posts(tmp_path) == [bottom]
    finally:  # removed here: a 1,200-deep tree is more than the recursive shutil.rmtree of pytest's cleanup can take
        bottom.unlink()
        for folder in reversed(folders[1:]):
            folder.rmdir()


def test_folder_link_loops_and_file_link_loops_end(tmp_path: Path) -> None:
    write(tmp_path / "a" / "post.md", GOOD)
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to("self", target_is_directory=True)
    (tmp_path / "loop.md").symlink_to("loop.md")
    assert discover_posts(tmp_path) == [tmp_path / "a" / "post.md"]
    assert refusal(tmp_path / "loop.md", tmp_path).kind == "unreadable"


def test_cli_run_records_hostile_posts_as_errors_and_extracts_the_rest(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("corpus")
    output = tmp_path_factory.mktemp("run") / "out"
    write(folder / "good.md", GOOD)
    write(folder / "bomb.md", BILLION_LAUGHS)
    (folder / "leak.md").symlink_to(write(tmp_path_factory.mktemp("outside") / "secret.md", SECRET))
    make_non_utf8_post(folder, GOOD)
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "extract"), "run", str(folder), "--output", str(output),
         "--rules", str(RULES), "--no-ner", "--jobs", "1"],
        capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    tables = extract.load(output)
    errors = {Path(row.source_path).name: row.error for row in tables.errors.itertuples()}
    assert errors == {"bomb.md": "yaml_alias", "leak.md": "link_outside_corpus"}
    assert sorted(tables.articles["article_id"]) == ["caf\\xe9", "good"]
    assert SECRET not in completed.stderr + completed.stdout
