"""Reading posts: which files are posts, and how a file becomes a ``Post``.

Analysts point the tool at a folder of Jekyll-style posts. This module decides
which files in it are posts, in an order that does not depend on the file
system, and splits each file into front matter and body exactly as the spec
defines them, so that offsets into the body mean the same thing everywhere.
Anything unreadable becomes a ``PostError`` naming the file and the reason.

The corpus is untrusted input, so reading it is bounded: a post larger than
``MAX_POST_BYTES``, a link leading out of the corpus folder, anything that is
not a regular file (a FIFO, a device) and front matter using YAML aliases
(the "billion laughs" blow-up) are refused as ``PostError`` before they can
use up memory or block; the folder walk needs no recursion and never follows
folder links; file names that are not valid UTF-8 are shown with their odd
bytes escaped (``caf\\xe9``), so the ids and paths written to the tables are
always valid text.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import yaml

from extract.errors import InputError, PostError
from extract.models import Post

#: File name suffixes that are posts (compared case-insensitively).
POST_SUFFIXES = (".md", ".markdown", ".txt")

#: Largest post file read, in bytes: a bigger one is refused (``--max-post-bytes`` changes it).
MAX_POST_BYTES = 20 * 1024 * 1024

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
    machines and file systems. The walk keeps its own stack, so folders
    nested any depth deep work; like ``Path.rglob`` it does not go into
    linked folders, so a link loop cannot trap it, and a folder that cannot
    be listed (permission denied) is skipped. A post-named link leading out
    of the corpus is returned all the same, its target unread: ``read_post``
    refuses it, so the run's errors table tells the user it was left out.
    """
    if not folder.is_dir():
        raise InputError(f"corpus folder not found: {folder}")
    real_folder = os.path.realpath(folder)
    found: list[tuple[str, Path]] = []
    pending = [(folder, "")]  # folders still to list, with their relative path as a prefix
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as scanned:
                entries = list(scanned)
        except OSError as exc:
            if directory == folder:
                raise InputError(f"cannot read corpus folder {folder}: {exc.strerror or exc}") from exc
            continue  # unreadable subfolder: skipped, the rest of the corpus still runs
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = directory / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((path, f"{prefix}{entry.name}/"))
                elif path.suffix.lower() in POST_SUFFIXES and _is_post_entry(entry, real_folder):
                    found.append((f"{prefix}{entry.name}", path))
            except OSError:  # vanished or unreadable meanwhile: not a post
                continue
    return [path for _, path in sorted(found, key=lambda item: item[0])]


def _is_post_entry(entry: os.DirEntry[str], real_folder: str) -> bool:
    """Whether a post-named entry is listed: a regular file, a link to one, or a link out of the corpus.

    Links out of the corpus are listed without a look at their target, so
    that reading them is refused and recorded rather than silently skipped.
    """
    if entry.is_symlink():
        return not _is_inside(os.path.realpath(entry.path), real_folder) or entry.is_file()
    return entry.is_file(follow_symlinks=False)


def _is_inside(real_path: str, real_folder: str) -> bool:
    """Whether a fully resolved path is ``real_folder`` or lies under it."""
    return real_path == real_folder or real_path.startswith(real_folder.rstrip(os.sep) + os.sep)


def path_text(path: str | os.PathLike[str]) -> str:
    """``path`` as text that is always valid UTF-8, file-name bytes that are not UTF-8 shown as ``\\xe9``.

    File names on Linux are bytes, and Python keeps undecodable ones as lone
    surrogates, which cannot be encoded, hashed into a bucket or written to
    a Parquet string column; ids and paths stored by the pipeline go through
    this. Valid names come back unchanged. The file is still opened by its
    real ``Path``.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def article_id_for(path: Path, folder: Path) -> str:
    """The spec's ``article_id``: relative path without extension, ``/``-separated, as valid UTF-8 text."""
    return path_text(path.relative_to(folder).with_suffix("").as_posix())


def check_post_file(path: Path, folder: Path, max_bytes: int = MAX_POST_BYTES) -> None:
    """Refuse, before anything is read, a file that is not safe to read as a post; raise ``PostError``.

    A link that leads out of ``folder`` (a file link, or a file under a
    linked folder) is refused and never followed: it may reach private files
    or devices. So is anything but a regular file (a FIFO would block the
    read forever, a device such as ``/dev/zero`` never ends) and a file over
    ``max_bytes`` (a post is held whole in memory several times over). Only
    file metadata is looked at, so the check is cheap and cannot block.
    """
    _checked_status(path, folder, max_bytes)


def _checked_status(path: Path, folder: Path, max_bytes: int) -> os.stat_result:
    """``check_post_file``, returning the checked file's status so that reading can make sure it is the same file."""
    source_path = path_text(path.as_posix())
    real_path = os.path.realpath(path)
    if not _is_inside(real_path, os.path.realpath(folder)):
        raise PostError(source_path, "read", "link_outside_corpus",
                        f"leads outside the corpus folder (to {path_text(real_path)}): links out of the corpus "
                        "are not followed")
    try:
        status = os.stat(path)
    except OSError as exc:
        raise PostError(source_path, "read", "unreadable", f"cannot read file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(status.st_mode):
        raise PostError(source_path, "read", "not_a_file",
                        f"not a regular file but {_file_kind(status.st_mode)}: not read")
    if status.st_size > max_bytes:
        raise _too_large(source_path, f"{status.st_size:,} bytes", max_bytes)
    return status


def _file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _too_large(source_path: str, size: str, max_bytes: int) -> PostError:
    """The error for a post over the size limit, saying how to raise the limit."""
    return PostError(source_path, "read", "too_large",
                     f"file is {size}, over the limit of {max_bytes:,} bytes: not read "
                     "(a larger limit can be set with --max-post-bytes)")


#: Flags to open a checked post: binary, and never blocking (should a FIFO have replaced the file).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


def _read_checked(path: Path, source_path: str, checked: os.stat_result, max_bytes: int) -> bytes:
    """The bytes of the checked file, refused if it was replaced since the check or has grown past ``max_bytes``."""
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as handle:
            opened = os.fstat(handle.fileno())
            if (opened.st_dev, opened.st_ino) != (checked.st_dev, checked.st_ino):
                raise PostError(source_path, "read", "changed_while_reading",
                                "file was replaced between its check and its reading: not read")
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise PostError(source_path, "read", "unreadable", f"cannot read file: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        raise _too_large(source_path, f"more than {max_bytes:,} bytes (it grew while being read)", max_bytes)
    return raw


def read_post(path: Path, folder: Path, max_bytes: int = MAX_POST_BYTES) -> Post:
    """Read one post file; raise ``PostError`` when it cannot be a post.

    The body keeps the file's newlines (CRLF stays CRLF); a UTF-8 BOM is
    dropped; a file that does not open with a ``---`` line is all body with
    no metadata. The file passes ``check_post_file`` first and no more than
    ``max_bytes`` are ever read, even from a file that grows meanwhile.
    """
    source_path = path_text(path.as_posix())
    raw = _read_checked(path, source_path, _checked_status(path, folder, max_bytes), max_bytes)
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


def _first_alias(front_matter_text: str) -> yaml.AliasEvent | None:
    """The first YAML alias in the front matter, if any, found among parser events (which never expand it)."""
    if "*" not in front_matter_text:  # every alias starts with '*': most front matter needs no second parse
        return None
    events = yaml.parse(front_matter_text, Loader=_SAFE_LOADER)
    return next((event for event in events if isinstance(event, yaml.AliasEvent)), None)


def parse_front_matter(front_matter_text: str, source_path: str) -> dict:
    """The front matter as a mapping; malformed YAML is a ``PostError`` with its line.

    YAML aliases (``*name``) are refused: a few hundred bytes of nested lists
    of aliases stand for billions of items, which exhaust memory as soon as
    anything walks them. Anchors alone (``&name``) are harmless and allowed.
    """
    try:
        alias = _first_alias(front_matter_text)
        data = yaml.load(front_matter_text, Loader=_SAFE_LOADER) if alias is None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PostError(source_path, "front_matter", "invalid_yaml",
                        f"front matter is not valid YAML{where}: {problem}") from exc
    if alias is not None:
        raise PostError(source_path, "front_matter", "yaml_alias",
                        f"front matter uses the YAML alias '*{alias.anchor}' at line {alias.start_mark.line + 2}: "
                        "aliases are not allowed in front matter")
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
    parsed = _as_written(value)
    return None if parsed is None else parsed.astimezone(timezone.utc)


def written_date(post: Post) -> date | None:
    """The day the post is dated as its writer wrote it, in the front matter's own time zone (2024-11-07 08:30
    +0900 is the 7th, though the 6th in UTC): the day its relative dates (来月, 60日後) count from."""
    parsed = _as_written(post.date_text)
    return parsed.date() if parsed is not None else post.published_at.date() if post.published_at else None


def _as_written(value: object) -> datetime | None:
    """Front-matter ``date`` as a datetime in its own time zone (UTC where none is written); None when absent or
    unparseable."""
    parsed: datetime | None
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
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed


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
