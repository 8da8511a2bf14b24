"""Measurement (a) of the benchmark: bare GiNZA over a folder of posts.

This is the baseline the pipeline is compared with: what a user would write
without the project, ``spacy.load("ja_ginza")`` and ``nlp.pipe`` over the
bodies' paragraphs. SudachiPy refuses a text over 49,149 UTF-8 bytes, so a
paragraph that long is split further by lines (and a line that long into
pieces). It prints one JSON line: posts, body characters, paragraphs, and the
seconds spent loading the model and running the pipe, so that ``run.py`` can
scale a sub-sample's speed to a larger corpus without counting the load twice.

Usage: python bench/bare_ginza.py CORPUS
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

#: The largest text SudachiPy accepts, in UTF-8 bytes.
SUDACHI_MAX_BYTES = 49_149

_BLANK_LINES_RE = re.compile(r"(?:\r?\n|\r)[ \t\u3000]*(?:\r?\n|\r)")
_FENCE = "---"
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")


def post_body(text: str) -> str:
    """The body of a post file's text: everything after the front matter.

    Front matter opens with a first line that is exactly ``---`` and closes at
    the next such line; a file without it is all body (a leading BOM is
    dropped). Both the baseline and ``run.py``'s character counts use it.
    """
    text = text.removeprefix("\ufeff")
    lines = _LINE_RE.findall(text)
    if not lines or lines[0].rstrip("\r\n") != _FENCE:
        return text
    offset = len(lines[0])
    for line in lines[1:]:
        offset += len(line)
        if line.rstrip("\r\n") == _FENCE:
            return text[offset:]
    return text


def post_files(corpus: Path) -> list[Path]:
    """The post files under ``corpus`` (.md, .markdown, .txt), sorted by path."""
    suffixes = {".md", ".markdown", ".txt"}
    return sorted(path for path in corpus.rglob("*") if path.suffix.lower() in suffixes and path.is_file())


def _pieces_within_limit(text: str) -> Iterator[str]:
    """``text`` cut into pieces of at most ``SUDACHI_MAX_BYTES`` UTF-8 bytes."""
    piece: list[str] = []
    piece_bytes = 0
    for char in text:
        char_bytes = len(char.encode("utf-8"))
        if piece_bytes + char_bytes > SUDACHI_MAX_BYTES:
            yield "".join(piece)
            piece, piece_bytes = [], 0
        piece.append(char)
        piece_bytes += char_bytes
    if piece:
        yield "".join(piece)


def paragraphs(body: str) -> Iterator[str]:
    """The non-blank paragraphs of ``body``, each small enough for SudachiPy.

    Paragraphs are separated by blank lines; one over the byte limit is fed
    line by line, and a single line over the limit in pieces.
    """
    for paragraph in _BLANK_LINES_RE.split(body):
        if not paragraph.strip():
            continue
        if len(paragraph.encode("utf-8")) <= SUDACHI_MAX_BYTES:
            yield paragraph
            continue
        for line in paragraph.splitlines():
            if line.strip():
                yield from _pieces_within_limit(line)


def main(corpus: Path) -> None:
    """Load GiNZA, run it over every paragraph of every post, print the counts as JSON."""
    started = time.perf_counter()
    import spacy

    nlp = spacy.load("ja_ginza")
    loaded = time.perf_counter()
    bodies = [post_body(path.read_text(encoding="utf-8")) for path in post_files(corpus)]
    texts = [paragraph for body in bodies for paragraph in paragraphs(body)]
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    finished = time.perf_counter()
    print(json.dumps({
        "posts": len(bodies),
        "characters": sum(len(body) for body in bodies),
        "paragraphs": len(texts),
        "tokens": tokens,
        "load_seconds": loaded - started,
        "pipe_seconds": finished - loaded,
    }))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(Path(sys.argv[1]))
