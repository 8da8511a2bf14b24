"""Sentence segmentation of a post body, with exact offsets.

Everything later works sentence by sentence: rules match within a sentence, a
partnership is stated in one sentence, and GiNZA can only take short texts. A
sentence ends at 。！？!?, a line break or a long dash between spaces (a quoted
headline ―― its translation); a 「quoted」 or （parenthesised） span that closes
on the same line is never cut; a Markdown heading, list item or
table row, being a line, is a sentence of its own, and so is each title of a line of
quoted titles after a label (関連記事：「A、Bと提携」「C、Dを買収」). Lines with no letter or
digit (``---``, ``|---|---|``) hold nothing to extract and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from extract.models import Sentence, Span

#: Characters that end a sentence.
TERMINATORS = frozenset("。！？!?")
#: Opening brackets whose span is kept whole, with their closers.
BRACKETS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕", "［": "］"}
#: Longest sentence handed on; longer runs without punctuation are cut at a
#: space or comma, so one huge line cannot stall tokenizers or the NER model.
MAX_SENTENCE_CHARS = 2000

_LINE_RE = re.compile(r"[^\r\n]+")
_URL_RE = re.compile(r"(?:https?|ftp)://[^\s)\]>」』）\"']+|www\.[A-Za-z0-9\-]+\.[^\s)\]>」』）\"']+")
_HAS_WORD_RE = re.compile(r"\w")
#: An empty line (maybe holding spaces): the end of a paragraph.
_BLANK_LINE_RE = re.compile(r"\n[ \t　]*\r?\n")
_SOFT_BREAKS = " 　、，,"
#: A line of quoted titles after a short label and a colon (関連記事：「A、Bと提携」「C、Dを買収」): other articles'
#: headlines, each a sentence of its own.
_QUOTED_TITLE_RE = re.compile(r"「[^「」\n]+」")
_TITLE_LINE_RE = re.compile(r"(?P<label>\s*(?:[-*+]\s*)?[^「」：:\s]{1,12}[：:]\s*)(?:「[^「」\n]+」[\s、,，]*)+$")
#: A long dash between spaces, which digests write between a quoted headline and their own line about it.
_DASH_BREAK_RE = re.compile(r"\s[―—]{2,}\s")
#: A Markdown heading line (### トミー).
HEADING_RE = re.compile(r"\s*#{1,6}\s")
#: An item of a dated list, as a company's history (沿革) is written: - 1926年 - …, * 2001年4月：…, ・1958年 …,
#: - 1953年（昭和28年）6月1日 - … (the year glossed with its era). The relation step reads such an item as about
#: the history's company, and the renames step its first item as that company's founding.
DATED_ITEM_RE = re.compile(r"\s*[-*+・•]\s*\d{3,4}年(?:[（(][^（）()\n]{1,10}年[）)])?(?:\d{1,2}月)?(?:\d{1,2}日)?"
                           r"\s*(?:[-–—－:：]|\s)")


def split_sentences(body: str) -> list[Sentence]:
    """The sentences of ``body`` in order, numbered from 0; ``body[start:end] == text``."""
    sentences: list[Sentence] = []
    for line in _LINE_RE.finditer(body):
        for start, end in _sentence_spans(line.group()):
            for piece_start, piece_end in _cap_length(line.group(), start, end):
                text = body[line.start() + piece_start: line.start() + piece_end]
                if _HAS_WORD_RE.search(text):
                    sentences.append(Sentence(len(sentences), line.start() + piece_start,
                                              line.start() + piece_end, text))
    return sentences


def paragraph_openings(body: str, sentences: Iterable[Sentence]) -> frozenset[int]:
    """The ids of the sentences that open a paragraph after the first (a blank line before them): where a
    writer moves on, so what the text was about may change."""
    openings, end = set(), None
    for sentence in sentences:
        if end is not None and _BLANK_LINE_RE.search(body, end, sentence.start):
            openings.add(sentence.sentence_id)
        end = sentence.end
    return frozenset(openings)


def url_spans(sentences: Iterable[Sentence]) -> list[Span]:
    """Where every URL of a post is, as body offsets, looked for sentence by sentence.

    Link targets are not text (the spec): a company, chip, amount or date
    written inside a URL is not a fact of the post, while the link's title is.
    Recognizers read whole sentences (MeCab and GiNZA need the text as
    written); the pipeline then drops every mention that overlaps one of
    these spans (``overlaps.outside``), the same way for every table.
    """
    return [Span(sentence.start + match.start(), sentence.start + match.end())
            for sentence in sentences for match in _URL_RE.finditer(sentence.text)]


def _protected_spans(line: str) -> dict[int, int]:
    """Opening offset -> closing offset of every outermost bracket pair closed on this line."""
    stack: list[tuple[str, int]] = []
    closers = {closer: opener for opener, closer in BRACKETS.items()}
    spans: dict[int, int] = {}
    for index, char in enumerate(line):
        if char in BRACKETS:
            stack.append((char, index))
        elif char in closers:
            opener = closers[char]
            # Unwind to the matching opener; openers left unclosed protect nothing.
            while stack and stack[-1][0] != opener:
                stack.pop()
            if stack:
                _, open_index = stack.pop()
                if not stack:
                    spans[open_index] = index
    return spans


def _sentence_spans(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in one line, whitespace trimmed; in a line of quoted titles after a short
    label (関連記事：「A、Bと提携」「C、Dを買収」), each title."""
    titles = _TITLE_LINE_RE.match(line)
    if titles is not None:
        for title in _QUOTED_TITLE_RE.finditer(line, titles.end("label")):
            yield title.start(), title.end()
        return
    spans = _protected_spans(line)
    dashes = {dash.start(): dash.end() for dash in _DASH_BREAK_RE.finditer(line)}
    start = 0
    index = 0
    length = len(line)
    while index < length:
        if index in spans:
            index = spans[index] + 1
            continue
        if line[index] in TERMINATORS:
            end = index + 1
            while end < length and line[end] in TERMINATORS:
                end += 1
            yield from _trimmed(line, start, end)
            start = index = end
            continue
        if index in dashes:  # Nvidia to invest $5B in Intel ―― NVIDIA、Intelに出資: a headline, then its translation
            yield from _trimmed(line, start, index)
            start = index = dashes[index]
            continue
        index += 1
    yield from _trimmed(line, start, length)


def _trimmed(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The span without surrounding whitespace, if anything is left."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _cap_length(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a span longer than MAX_SENTENCE_CHARS at soft breaks (or hard, if none)."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(line.rfind(ch, start + MAX_SENTENCE_CHARS // 2, limit) for ch in _SOFT_BREAKS)
        cut = limit if cut < 0 else cut + 1
        yield from _trimmed(line, start, cut)
        start = cut
    yield from _trimmed(line, start, end)
