"""Reading posts: which files are posts, and how a file becomes a ``Post``.

Analysts point the tool at a folder of Jekyll-style posts. This module decides
which files in it are posts, in an order that does not depend on the file
system, and splits each file into front matter and body exactly as the spec
defines them, so that offsets into the body mean the same thing everywhere.
Anything unreadable becomes a ``PostError`` naming the file and the reason.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import yaml

from extract.errors import InputError, PostError
from extract.models import Post

#: File name suffixes that are posts (compared case-insensitively).
POST_SUFFIXES = (".md", ".markdown", ".txt")

_BOM = "\ufeff"
_FENCE = "---"
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
)
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)?")


def discover_posts(folder: Path) -> list[Path]:
    """Every post file under ``folder``, recursively, sorted by relative path.

    Hidden files and folders (a leading dot, such as ``.git``) are skipped.
    The order is by relative POSIX path, so runs are reproducible across
    machines and file systems.
    """
    if not folder.is_dir():
        raise InputError(f"corpus folder not found: {folder}")
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in POST_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def article_id_for(path: Path, folder: Path) -> str:
    """The spec's ``article_id``: relative path without extension, ``/``-separated."""
    return path.relative_to(folder).with_suffix("").as_posix()


def read_post(path: Path, folder: Path) -> Post:
    """Read one post file; raise ``PostError`` when it cannot be a post.

    The body keeps the file's newlines (CRLF stays CRLF); a UTF-8 BOM is
    dropped; a file that does not open with a ``---`` line is all body with
    no metadata.
    """
    source_path = path.as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PostError(source_path, "read", "unreadable", f"cannot read file: {exc.strerror or exc}") from exc
    if b"\x00" in raw:
        raise PostError(source_path, "decode", "binary", "binary file (contains NUL bytes), not a text post")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PostError(
            source_path,
            "decode",
            "not_utf8",
            f"not UTF-8: invalid byte 0x{raw[exc.start]:02x} at byte offset {exc.start}",
        ) from exc
    if text.startswith(_BOM):
        text = text[1:]
    front_matter_text, body = split_front_matter(text, source_path)
    metadata = parse_front_matter(front_matter_text, source_path) if front_matter_text is not None else {}
    date_value = metadata.get("date")
    return Post(
        article_id=article_id_for(path, folder),
        source_path=source_path,
        title=_text_or_none(metadata.get("title")),
        published_at=parse_published_at(date_value),
        date_text=_text_or_none(date_value),
        categories=_string_list(metadata.get("categories")),
        tags=_string_list(metadata.get("tags")),
        author=_text_or_none(metadata.get("author")),
        excerpt=_text_or_none(metadata.get("excerpt")),
        body=body,
        content_sha256=hashlib.sha256(raw).hexdigest(),
    )


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with its start offset, line terminator included."""
    for match in _LINE_RE.finditer(text):
        if match.start() == len(text):
            return
        yield match.start(), match.group()


def split_front_matter(text: str, source_path: str) -> tuple[str | None, str]:
    """Split a post into (front matter text, body); front matter is None when absent.

    The front matter opens with a first line that is exactly ``---`` and
    closes at the next line that is exactly ``---``; the body is everything
    after that closing line, untouched.
    """
    lines = _lines(text)
    first = next(lines, None)
    if first is None or first[1].rstrip("\r\n") != _FENCE:
        return None, text
    content_start = len(first[1])
    for offset, line in lines:
        if line.rstrip("\r\n") == _FENCE:
            return text[content_start:offset], text[offset + len(line):]
    raise PostError(source_path, "front_matter", "unclosed_front_matter",
                    "front matter opened with '---' on line 1 is never closed by a '---' line")


#: PyYAML's safe loader, in C (libyaml) where it is built: every post has front matter to read.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_front_matter(front_matter_text: str, source_path: str) -> dict:
    """The front matter as a mapping; malformed YAML is a ``PostError`` with its line."""
    try:
        data = yaml.load(front_matter_text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PostError(source_path, "front_matter", "invalid_yaml",
                        f"front matter is not valid YAML{where}: {problem}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PostError(source_path, "front_matter", "not_a_mapping",
                        f"front matter must be a YAML mapping of keys, got a {type(data).__name__}")
    return data


def parse_published_at(value: object) -> datetime | None:
    """Front-matter ``date`` as a UTC datetime; None when absent or unparseable.

    Jekyll writes ``2025-11-30 02:31:43 +0000``; a date without time is
    midnight and a time without zone is taken as UTC.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        parsed = _parse_date_text(value.strip())
        if parsed is None:
            return None
    else:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _parse_date_text(text: str) -> datetime | None:
    """Try the date layouts Jekyll accepts, most specific first."""
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(text, layout)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _text_or_none(value: object) -> str | None:
    """A scalar front-matter value as text (dates and numbers included)."""
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        return None
    return str(value)


def _string_list(value: object) -> tuple[str, ...]:
    """``categories``/``tags`` as a tuple of strings: a YAML list, or Jekyll's space-separated string."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list):
        return tuple(str(item) for item in value if item is not None)
    return (str(value),)
