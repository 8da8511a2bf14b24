"""Reading posts: discovery, front matter and body split, metadata, and unreadable files."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from conftest import RULES
from extract.corpus import article_id_for, discover_posts, parse_published_at, read_post, written_date
from extract.errors import InputError, PostError
from extract.process import Extractors, process_post
from extract.rules import load_rules

FRONT = "---\ntitle: \"T\"\ndate: 2025-11-30 02:31:43 +0000\ntags: [\"AI\", \"NVIDIA\"]\n---\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_discovers_posts_recursively_in_stable_order(tmp_path: Path) -> None:
    for name in ["b.md", "a.txt", "sub/c.markdown", "sub/deeper/d.MD", "notes.pdf", "x.json",
                 ".hidden/e.md", "image.png"]:
        write(tmp_path / name, "本文")
    found = [p.relative_to(tmp_path).as_posix() for p in discover_posts(tmp_path)]
    assert found == ["a.txt", "b.md", "sub/c.markdown", "sub/deeper/d.MD"]


def test_missing_corpus_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="corpus folder not found"):
        discover_posts(tmp_path / "nope")


@pytest.mark.parametrize("relative, expected", [
    ("001_e1dea0b45fa9228a.txt", "001_e1dea0b45fa9228a"),
    ("2025/11/post.md", "2025/11/post"),
    ("a.b.markdown", "a.b"),
])
def test_article_id_is_relative_path_without_extension(tmp_path: Path, relative: str, expected: str) -> None:
    assert article_id_for(tmp_path / relative, tmp_path) == expected


@pytest.mark.parametrize("content, expected_body", [
    (FRONT + "本文です。\n", "本文です。\n"),
    (FRONT.replace("\n", "\r\n") + "一行目\r\n二行目\r\n", "一行目\r\n二行目\r\n"),
    ("\ufeff" + FRONT + "BOMの後\n", "BOMの後\n"),
    (FRONT + "前\n---\n後\n---END---\n最後\n", "前\n---\n後\n---END---\n最後\n"),
    ("前書きなし\n---\n本文\n", "前書きなし\n---\n本文\n"),
    ("", ""),
    ("---\n---\n空の前書き\n", "空の前書き\n"),
    (FRONT, ""),
])
def test_body_is_exactly_what_follows_the_front_matter(tmp_path: Path, content: str, expected_body: str) -> None:
    post = read_post(write(tmp_path / "p.md", content), tmp_path)
    assert post.body == expected_body


def test_metadata_from_front_matter(tmp_path: Path) -> None:
    text = ("---\nlayout: post\ntitle: \"AI投資\"\ndate: 2025-11-30 02:31:43 +0900\n"
            "categories: [\"投資分析\"]\ntags: AI クラウド\nauthor: \"編集部\"\nexcerpt: \"要約\"\n---\n本文\n")
    post = read_post(write(tmp_path / "x.md", text), tmp_path)
    assert post.title == "AI投資"
    assert post.published_at == datetime(2025, 11, 29, 17, 31, 43, tzinfo=timezone.utc)
    assert post.categories == ("投資分析",)
    assert post.tags == ("AI", "クラウド")
    assert post.author == "編集部"
    assert post.excerpt == "要約"
    assert len(post.content_sha256) == 64


def test_post_without_front_matter_has_null_metadata(tmp_path: Path) -> None:
    post = read_post(write(tmp_path / "plain.txt", "ただの本文。\n"), tmp_path)
    assert (post.title, post.published_at, post.categories, post.tags) == (None, None, (), ())


@pytest.mark.parametrize("value, expected", [
    ("2025-11-30 02:31:43 +0000", datetime(2025, 11, 30, 2, 31, 43, tzinfo=timezone.utc)),
    ("2025-11-30 11:31:43 +0900", datetime(2025, 11, 30, 2, 31, 43, tzinfo=timezone.utc)),
    ("2025-11-30 02:31:43", datetime(2025, 11, 30, 2, 31, 43, tzinfo=timezone.utc)),
    ("2025-11-30T02:31:43Z", datetime(2025, 11, 30, 2, 31, 43, tzinfo=timezone.utc)),
    ("2025-11-30", datetime(2025, 11, 30, tzinfo=timezone.utc)),
    (datetime(2025, 11, 30, 2, 31), datetime(2025, 11, 30, 2, 31, tzinfo=timezone.utc)),
    ("not a date", None),
    (None, None),
    (12, None),
])
def test_published_at_is_utc(value: object, expected: datetime | None) -> None:
    assert parse_published_at(value) == expected


def test_yaml_date_without_quotes_is_parsed(tmp_path: Path) -> None:
    post = read_post(write(tmp_path / "d.md", "---\ndate: 2024-05-01\n---\n本文\n"), tmp_path)
    assert post.published_at == datetime(2024, 5, 1, tzinfo=timezone.utc)
    assert post.date_text == "2024-05-01"


@pytest.mark.parametrize("data, stage, kind", [
    ("本文".encode("shift_jis") + b"\n", "decode", "not_utf8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "decode", "binary"),
    ("---\ntitle: [unclosed\n---\n本文\n", "front_matter", "invalid_yaml"),
    ("---\n- just\n- a list\n---\n本文\n", "front_matter", "not_a_mapping"),
    ("---\ntitle: x\n本文だけが続く\n", "front_matter", "unclosed_front_matter"),
])
def test_unreadable_posts_raise_a_post_error_naming_the_file(tmp_path: Path, data: bytes | str,
                                                             stage: str, kind: str) -> None:
    path = write(tmp_path / "bad.md", data)
    with pytest.raises(PostError) as raised:
        read_post(path, tmp_path)
    assert (raised.value.stage, raised.value.kind) == (stage, kind)
    assert raised.value.source_path.endswith("bad.md")
    assert "bad.md" in str(raised.value)


def test_yaml_error_names_the_file_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.md", "---\ntitle: ok\nauthor: [broken\ntags: x\n---\n本文\n")
    with pytest.raises(PostError, match=r"line \d+"):
        read_post(path, tmp_path)


def test_relative_dates_count_from_the_day_the_writer_wrote(tmp_path: Path) -> None:
    # 08:30 in Tokyo on the 7th is the 6th in UTC: 60日後 counts from the 7th.
    text = "---\ndate: 2024-11-07 08:30:00 +0900\n---\n正式版は60日後に公開する。\n"
    post = read_post(write(tmp_path / "x.md", text), tmp_path)
    assert post.published_at == datetime(2024, 11, 6, 23, 30, tzinfo=timezone.utc)
    assert written_date(post) == date(2024, 11, 7)
    result = process_post(post, Extractors(load_rules(RULES), use_ner=False), tables=("dates",))
    assert [(found.value, found.surface) for found in result.dates] == [("2025-01-06", "60日後")]


def test_a_year_stated_in_one_sentence_is_the_one_the_next_counts_from(tmp_path: Path) -> None:
    text = "---\ndate: 2024-11-07\n---\n- 1998年 - 名古屋で創業。\n- 同年10月 - 株式会社に改組。\n- 翌年 - 上場。\n"
    post = read_post(write(tmp_path / "x.md", text), tmp_path)
    result = process_post(post, Extractors(load_rules(RULES), use_ner=False), tables=("dates",))
    assert [(found.value, found.surface) for found in result.dates] == [
        ("1998", "1998年"), ("1998-10", "同年10月"), ("1999", "翌年")]
