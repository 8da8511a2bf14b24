"""The named overlap policies (tables of spans and what each keeps), and the one URL convention:
nothing written inside a link target becomes a row of any mention table."""

from __future__ import annotations

import pytest

from conftest import RULES
from extract.models import Post, Span
from extract.overlaps import first_come, inside, longest_first, outside, overlaps
from extract.process import Extractors, process_post
from extract.rules import load_rules


@pytest.mark.parametrize(("a", "b", "expected"), [
    (Span(0, 3), Span(3, 5), False),   # touching is not overlapping
    (Span(0, 3), Span(2, 5), True),
    (Span(0, 10), Span(4, 6), True),   # nested
    (Span(4, 6), Span(4, 6), True),    # the same span
    (Span(0, 3), Span(7, 9), False),
])
def test_overlaps_is_symmetric(a: Span, b: Span, expected: bool) -> None:
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected


def test_outside_keeps_what_no_span_touches() -> None:
    items = [Span(0, 3), Span(5, 8), Span(10, 12), Span(12, 14)]
    assert outside(items, [Span(6, 7), Span(12, 13)]) == [Span(0, 3), Span(10, 12)]
    assert outside(items, []) == items


def test_inside_keeps_what_lies_wholly_within() -> None:
    items = [Span(0, 2), Span(2, 4), Span(4, 6), Span(5, 8)]
    assert inside(items, Span(2, 6)) == [Span(2, 4), Span(4, 6)]


def test_first_come_keeps_the_earlier_listed_and_respects_taken() -> None:
    candidates = [Span(5, 9), Span(0, 6), Span(8, 12), Span(12, 14)]
    assert first_come(candidates) == [Span(5, 9), Span(12, 14)]
    assert first_come(candidates, taken=[Span(13, 20)]) == [Span(5, 9)]


@pytest.mark.parametrize(("candidates", "expected"), [
    # the longest span wins over the shorter ones it overlaps, wherever it is listed
    ([Span(0, 4), Span(2, 10), Span(9, 12)], [Span(2, 10)]),
    # equal lengths: the earlier start wins
    ([Span(3, 7), Span(1, 5), Span(6, 10)], [Span(1, 5), Span(6, 10)]),
    # the kept spans come back in text order
    ([Span(10, 12), Span(0, 5)], [Span(0, 5), Span(10, 12)]),
])
def test_longest_first(candidates: list[Span], expected: list[Span]) -> None:
    assert longest_first(candidates) == expected


def test_longest_first_ties_go_to_the_earlier_listed() -> None:
    earlier, later = Span(2, 6), Span(2, 6)
    (kept,) = longest_first([earlier, later])
    assert kept is earlier


def test_nothing_inside_a_url_becomes_a_row_of_any_table() -> None:
    url = "https://example.com/NVIDIA/H100/決算2025年/100億ドル"
    body = f"NVIDIAはH100を2025年に100億ドルで販売した。\n詳細は {url} を参照。"
    post = Post("urls", "urls.md", None, None, None, (), (), None, None, body, "")
    result = process_post(post, Extractors(load_rules(RULES), use_ner=False))
    found = {kind: [(m.sentence_id, m.surface) for m in getattr(result, kind)]
             for kind in ("companies", "chips", "money", "dates")}
    assert found == {"companies": [(0, "NVIDIA")], "chips": [(0, "H100")], "money": [(0, "100億ドル")],
                     "dates": [(0, "2025年")]}
    for kind in ("companies", "chips", "money", "dates"):
        for mention in getattr(result, kind):
            assert body[mention.start:mention.end] == mention.surface
