"""Date finder and normalizer: tables of sentences and the time expressions they state, text that
is no date, relative dates with and without a post date, loader errors, and offsets that always
point at the surface."""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalize.dates import compile_date_rules, find_dates
from extract.rules.schema import DatesFile

from conftest import rule_problems, sentence_of

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
NOT_DATES = Path(__file__).resolve().parent / "data" / "not_dates.txt"
DATES_YAML = yaml.safe_load((RULES_DIR / "dates.yaml").read_text(encoding="utf-8"))
RULES = compile_date_rules(DatesFile.model_validate(DATES_YAML))
ANCHOR = datetime.date(2025, 6, 1)
D = datetime.date

# text, surface, type, value, mod, start_date, end_date (anchor 2025-06-01)
SINGLE_DATES = [
    # years, months, days, in arabic, full-width and kanji digits, and eras
    ("新製品は2025年に出る。", "2025年", "DATE", "2025", None, D(2025, 1, 1), D(2025, 12, 31)),
    ("発売は２０２７年になる。", "２０２７年", "DATE", "2027", None, D(2027, 1, 1), D(2027, 12, 31)),
    ("計画は二〇三〇年に終わる。", "二〇三〇年", "DATE", "2030", None, D(2030, 1, 1), D(2030, 12, 31)),
    ("出荷は2024年11月に始まった。", "2024年11月", "DATE", "2024-11", None, D(2024, 11, 1), D(2024, 11, 30)),
    ("締結は2024年2月だった。", "2024年2月", "DATE", "2024-02", None, D(2024, 2, 1), D(2024, 2, 29)),
    ("会見は2025年3月14日に開かれた。", "2025年3月14日", "DATE", "2025-03-14", None, D(2025, 3, 14), D(2025, 3, 14)),
    ("式典は２０２５年１０月１日だ。", "２０２５年１０月１日", "DATE", "2025-10-01", None, D(2025, 10, 1), D(2025, 10, 1)),
    ("公開日は2023/07/04です。", "2023/07/04", "DATE", "2023-07-04", None, D(2023, 7, 4), D(2023, 7, 4)),
    ("公開日は2023-7-4です。", "2023-7-4", "DATE", "2023-07-04", None, D(2023, 7, 4), D(2023, 7, 4)),
    ("公開日は2023.12.25です。", "2023.12.25", "DATE", "2023-12-25", None, D(2023, 12, 25), D(2023, 12, 25)),
    ("制度は令和7年に始まる。", "令和7年", "DATE", "2025", None, D(2025, 1, 1), D(2025, 12, 31)),
    ("制度は令和元年に始まった。", "令和元年", "DATE", "2019", None, D(2019, 1, 1), D(2019, 12, 31)),
    ("法律は平成30年に施行された。", "平成30年", "DATE", "2018", None, D(2018, 1, 1), D(2018, 12, 31)),
    ("会社は明治30年に創業した。", "明治30年", "DATE", "1897", None, D(1897, 1, 1), D(1897, 12, 31)),
    ("工場は大正5年に建った。", "大正5年", "DATE", "1916", None, D(1916, 1, 1), D(1916, 12, 31)),
    ("決算は十月に出る。", "十月", "DATE", "2025-10", None, D(2025, 10, 1), D(2025, 10, 31)),
    ("説明会は7月20日に開く。", "7月20日", "DATE", "2025-07-20", None, D(2025, 7, 20), D(2025, 7, 20)),
    # period and bound mods
    ("量産は2026年末に始まる。", "2026年末", "DATE", "2026", "END", D(2026, 1, 1), D(2026, 12, 31)),
    ("試験は2027年初めに終わる。", "2027年初め", "DATE", "2027", "START", D(2027, 1, 1), D(2027, 12, 31)),
    ("着工は2026年半ばとなる。", "2026年半ば", "DATE", "2026", "MID", D(2026, 1, 1), D(2026, 12, 31)),
    ("需要は2028年後半に伸びる。", "2028年後半", "DATE", "2028-H2", None, D(2028, 7, 1), D(2028, 12, 31)),
    ("出荷は9月後半に始まる。", "9月後半", "DATE", "2025-09", "END", D(2025, 9, 1), D(2025, 9, 30)),
    ("出荷は2025年9月下旬になる。", "2025年9月下旬", "DATE", "2025-09", "END", D(2025, 9, 1), D(2025, 9, 30)),
    ("発表は2025年4月上旬だった。", "2025年4月上旬", "DATE", "2025-04", "START", D(2025, 4, 1), D(2025, 4, 30)),
    ("支援は2032年まで続く。", "2032年まで", "DATE", "2032", "BEFORE", D(2032, 1, 1), D(2032, 12, 31)),
    ("規制は2027年以降に強まる。", "2027年以降", "DATE", "2027", "AFTER", D(2027, 1, 1), D(2027, 12, 31)),
    # quarters, halves, fiscal years, decades
    ("黒字化は2025年第1四半期だった。", "2025年第1四半期", "DATE", "2025-Q1", None, D(2025, 1, 1), D(2025, 3, 31)),
    ("出荷は2026年第四四半期に始まる。", "2026年第四四半期", "DATE", "2026-Q4", None, D(2026, 10, 1), D(2026, 12, 31)),
    ("収益は2024年Q3に伸びた。", "2024年Q3", "DATE", "2024-Q3", None, D(2024, 7, 1), D(2024, 9, 30)),
    ("収益は Q2 2024 に伸びた。", "Q2 2024", "DATE", "2024-Q2", None, D(2024, 4, 1), D(2024, 6, 30)),
    ("売上は2024年1-3月期に増えた。", "2024年1-3月期", "DATE", "2024-Q1", None, D(2024, 1, 1), D(2024, 3, 31)),
    ("利益は第3四半期に落ちた。", "第3四半期", "DATE", "2025-Q3", None, D(2025, 7, 1), D(2025, 9, 30)),
    ("受注は2025年上半期に倍増した。", "2025年上半期", "DATE", "2025-H1", None, D(2025, 1, 1), D(2025, 6, 30)),
    ("受注は2024年下期に減った。", "2024年下期", "DATE", "2024-H2", None, D(2024, 7, 1), D(2024, 12, 31)),
    ("投資は2026年度に増やす。", "2026年度", "DATE", "FY2026", None, D(2026, 4, 1), D(2027, 3, 31)),
    ("売上は2024会計年度に最高だった。", "2024会計年度", "DATE", "FY2024", None, D(2024, 4, 1), D(2025, 3, 31)),
    ("計画はFY2027の目標だ。", "FY2027", "DATE", "FY2027", None, D(2027, 4, 1), D(2028, 3, 31)),
    ("計画はFY26の目標だ。", "FY26", "DATE", "FY2026", None, D(2026, 4, 1), D(2027, 3, 31)),
    ("利益は2025年度上期に伸びた。", "2025年度上期", "DATE", "FY2025-H1", None, D(2025, 4, 1), D(2025, 9, 30)),
    ("利益は2025年度第2四半期に伸びた。", "2025年度第2四半期", "DATE", "FY2025-Q2", None, D(2025, 7, 1), D(2025, 9, 30)),
    ("決算は2026年3月期に改善する。", "2026年3月期", "DATE", "FY2025", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("同社は2026年3月期第2四半期の決算を発表した。", "2026年3月期第2四半期", "DATE", "FY2025-Q2", None,
     D(2025, 7, 1), D(2025, 9, 30)),
    ("技術は1990年代に生まれた。", "1990年代", "DATE", "199", None, D(1990, 1, 1), D(1999, 12, 31)),
    ("市場は2030年代後半に成熟する。", "2030年代後半", "DATE", "203", "END", D(2030, 1, 1), D(2039, 12, 31)),
    # relative to the post date (2025-06-01)
    ("今年は転機になる。", "今年", "DATE", "2025", None, D(2025, 1, 1), D(2025, 12, 31)),
    ("昨年は赤字だった。", "昨年", "DATE", "2024", None, D(2024, 1, 1), D(2024, 12, 31)),
    ("来年にも上場する。", "来年", "DATE", "2026", None, D(2026, 1, 1), D(2026, 12, 31)),
    ("再来年に量産する。", "再来年", "DATE", "2027", None, D(2027, 1, 1), D(2027, 12, 31)),
    ("今年末に発売する。", "今年末", "DATE", "2025", "END", D(2025, 1, 1), D(2025, 12, 31)),
    # a part of the year written with 年 alone is of the post's own year
    ("正式版は年末に出す。", "年末", "DATE", "2025", "END", D(2025, 1, 1), D(2025, 12, 31)),
    ("値上げは年初めから続く。", "年初め", "DATE", "2025", "START", D(2025, 1, 1), D(2025, 12, 31)),
    ("年初に示した計画を見直す。", "年初", "DATE", "2025", "START", D(2025, 1, 1), D(2025, 12, 31)),
    # English dates inside Japanese text
    ("新しいAPIはMarch 2026に公開される。", "March 2026", "DATE", "2026-03", None, D(2026, 3, 1), D(2026, 3, 31)),
    ("発表はSept. 15, 2025だった。", "Sept. 15, 2025", "DATE", "2025-09-15", None, D(2025, 9, 15), D(2025, 9, 15)),
    ("需要は年後半に戻る。", "年後半", "DATE", "2025-H2", None, D(2025, 7, 1), D(2025, 12, 31)),
    ("今年度は増益を見込む。", "今年度", "DATE", "FY2025", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("来年度は減益を見込む。", "来年度", "DATE", "FY2026", None, D(2026, 4, 1), D(2027, 3, 31)),
    # 今期 and 来期 are quarters (extraction spec, Dates: relative quarters)
    ("今期は増益を見込む。", "今期", "DATE", "2025-Q2", None, D(2025, 4, 1), D(2025, 6, 30)),
    ("来期は減益を見込む。", "来期", "DATE", "2025-Q3", None, D(2025, 7, 1), D(2025, 9, 30)),
    ("来月に説明会を開く。", "来月", "DATE", "2025-07", None, D(2025, 7, 1), D(2025, 7, 31)),
    ("先月に新製品を出した。", "先月", "DATE", "2025-05", None, D(2025, 5, 1), D(2025, 5, 31)),
    ("3年後に上場を目指す。", "3年後", "DATE", "2028", None, D(2028, 1, 1), D(2028, 12, 31)),
    ("20年前は無名だった。", "20年前", "DATE", "2005", None, D(2005, 1, 1), D(2005, 12, 31)),
    ("6カ月後に再評価する。", "6カ月後", "DATE", "2025-12", None, D(2025, 12, 1), D(2025, 12, 31)),
    ("10日後に結果が出る。", "10日後", "DATE", "2025-06-11", None, D(2025, 6, 11), D(2025, 6, 11)),
    # about that far back is the year itself; at least that far back bounds it
    ("創業は15年近く前にさかのぼる。", "15年近く前", "DATE", "2010", None, D(2010, 1, 1), D(2010, 12, 31)),
    ("工場は30年ほど前に建てられた。", "30年ほど前", "DATE", "1995", None, D(1995, 1, 1), D(1995, 12, 31)),
    ("撤退は8年以上前に決まった。", "8年以上前", "DATE", "2017", "BEFORE", D(2017, 1, 1), D(2017, 12, 31)),
    # the cue before the number too: about that far back, or at least
    ("工場は約12年前に建てられた。", "約12年前", "DATE", "2013", None, D(2013, 1, 1), D(2013, 12, 31)),
    ("少なくとも3年前には決まっていた。", "少なくとも3年前", "DATE", "2022", "BEFORE", D(2022, 1, 1), D(2022, 12, 31)),
    # durations
    ("契約は7年間にわたる。", "7年間", "DURATION", "P7Y", None, None, None),
    # the gap since something last happened
    ("株価は約2年ぶりの高値をつけた。", "約2年ぶり", "DURATION", "P2Y", "APPROX", None, None),
    ("新製品は10年ぶりだ。", "10年ぶり", "DURATION", "P10Y", None, None, None),
    ("開発に3カ月かかった。", "3カ月", "DURATION", "P3M", None, None, None),
    ("保守は18か月続く。", "18か月", "DURATION", "P18M", None, None, None),
    ("検証に2週間を要した。", "2週間", "DURATION", "P2W", None, None, None),
    ("試用は90日間無料だ。", "90日間", "DURATION", "P90D", None, None, None),
    ("稼働は24時間続く。", "24時間", "DURATION", "PT24H", None, None, None),
    ("回収に4～5年かかる。", "4～5年", "DURATION", "P4Y/P5Y", None, None, None),
    ("回収に３〜６ヶ月かかる。", "３〜６ヶ月", "DURATION", "P3M/P6M", None, None, None),
    ("回収に3年から5年かかる。", "3年から5年", "DURATION", "P3Y/P5Y", None, None, None),
    ("研究は約10年続いた。", "約10年", "DURATION", "P10Y", "APPROX", None, None),
    ("研究は15年程度続いた。", "15年程度", "DURATION", "P15Y", "APPROX", None, None),
    ("彼は業界で10年以上働いた。", "10年以上", "DURATION", "P10Y", "MORE_THAN", None, None),
    ("交渉は5年近く続いた。", "5年近く", "DURATION", "P5Y", "LESS_THAN", None, None),
    ("準備に1年未満しかない。", "1年未満", "DURATION", "P1Y", "LESS_THAN", None, None),
    ("実証に1年半を費やした。", "1年半", "DURATION", "P18M", None, None, None),
    ("歴史は三十年に及ぶ。", "三十年", "DURATION", "P30Y", None, None, None),
    ("創業から100年がたつ。", "100年", "DURATION", "P100Y", None, None, None),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value", "mod", "start_date", "end_date"), SINGLE_DATES)
def test_one_date(text, surface, kind, value, mod, start_date, end_date):
    found = find_dates(sentence_of(text), RULES, ANCHOR)
    assert len(found) == 1, found
    match = found[0]
    assert (match.surface, match.type, match.value, match.mod) == (surface, kind, value, mod)
    assert (match.start_date, match.end_date) == (start_date, end_date)
    assert text[match.start:match.end] == match.surface


# text, [(surface, value, mod)] (anchor 2025-06-01)
SEVERAL_DATES = [
    # a span of years written with words is one date where its closing word makes it one
    ("2024年から2026年にかけて投資する。", [("2024年から2026年", "2024/2026", None)]),
    ("2024年度から2026年度まで投資する。", [("2024年度から2026年度", "FY2024/FY2026", None)]),
    ("2024年から2026年に投資する。", [("2024年", "2024", None), ("2026年", "2026", None)]),
    # 1．2026年3月期: a heading's number before a year, no count of years
    ("1．2026年3月期の予想", []),
    ("期間は1.5年だ。", [("1.5年", "P1.5Y", None)]),
    ("2024～2026年に投資する。", [("2024～2026年", "2024/2026", None)]),
    # a span of months is one date too (not a fiscal period, 1～3月期, nor a span ending on a day)
    ("2025年11月〜2026年1月に実施する。", [("2025年11月〜2026年1月", "2025-11/2026-01", None)]),
    ("2024年5～7月に販売した。", [("2024年5～7月", "2024-05/2024-07", None)]),
    ("2025年5月～7月1日に開く。", [("2025年5月", "2025-05", None), ("7月1日", "2025-07-01", None)]),
    ("2023年の前年比は伸びた。", [("2023年", "2023", None)]),
    ("今後7年間で2030年までに拡大する。", [("7年間", "P7Y", None), ("2030年までに", "2030", "BEFORE")]),
    # a weekday in brackets between a day and its bound (公開買付期間の末日), which a period's end does not carry
    ("回答は2025年9月30日（火曜日）までとする。", [("2025年9月30日（火曜日）まで", "2025-09-30", "BEFORE")]),
    ("期間は2025年9月1日（月曜日）から2025年9月30日（火曜日）までとする。",
     [("2025年9月1日", "2025-09-01", None), ("2025年9月30日（火曜日）まで", "2025-09-30", None)]),
    ("2025年11月と12月に出荷する。", [("2025年11月", "2025-11", None), ("12月", "2025-12", None)]),
    ("2023年9月に承認され、10月5日に発効した。", [("2023年9月", "2023-09", None), ("10月5日", "2023-10-05", None)]),
    ("今年3月に発表し、4月末に出荷した。", [("今年3月", "2025-03", None), ("4月末", "2025-04", "END")]),
    ("2024年に創業し、2026年度に上場、3月に増資する。",
     [("2024年", "2024", None), ("2026年度", "FY2026", None), ("3月", "2024-03", None)]),
    ("来年上半期と今年度下期に分ける。", [("来年上半期", "2026-H1", None), ("今年度下期", "FY2025-H2", None)]),
    # a year glossed with its era in brackets before its month is one date; a year of a company's early history
    ("1962年（昭和37年）4月に創業した。", [("1962年（昭和37年）4月", "1962-04", None)]),
    ("1962年(昭和37年)4月1日に創業した。", [("1962年(昭和37年)4月1日", "1962-04-01", None)]),
    ("1624年に創業した老舗だ。", [("1624年", "1624", None)]),
    # 同年 and 翌年 count from the year stated before them (同年 right before its month is one date with it);
    # 同年代 is another word
    ("2011年に上場し、同年9月に増資、翌年には合併した。",
     [("2011年", "2011", None), ("同年9月", "2011-09", None), ("翌年", "2012", None)]),
    ("2011年に上場した同年代の企業だ。", [("2011年", "2011", None)]),
    # a change from one count to another is two durations, no range
    ("作業時間は40時間から8時間に減った。", [("40時間", "PT40H", None), ("8時間", "PT8H", None)]),
    # half a year with no number before it; not 半年後 (a date six months on) nor 上半年
    ("半年で黒字化し、約半年間の試験を経て、半年後に上場する。", [("半年", "P6M", None), ("約半年間", "P6M", "APPROX")]),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL_DATES)
def test_several_dates(text, expected):
    found = find_dates(sentence_of(text), RULES, ANCHOR)
    assert [(m.surface, m.value, m.mod) for m in found] == expected
    assert all(text[m.start:m.end] == m.surface for m in found)


# anchor (the post date), text, [(surface, type, value, mod)]: forms of general business text beyond one blog's
# habits (bound words, spans of years, parts of a year without a year, relative and fiscal quarters)
ANCHORED_DATES = [
    # 以来 bounds a date like 以降
    (D(2025, 6, 1), "売上は2017年以来の高水準だ。", [("2017年以来", "DATE", "2017", "AFTER")]),
    (D(2025, 6, 1), "2024年3月以来、値上げはない。", [("2024年3月以来", "DATE", "2024-03", "AFTER")]),
    (D(2025, 6, 1), "昨年以来、需要が続く。", [("昨年以来", "DATE", "2024", "AFTER")]),
    (D(2025, 6, 1), "2020年第2四半期以来の減益となった。", [("2020年第2四半期以来", "DATE", "2020-Q2", "AFTER")]),
    (D(2025, 6, 1), "創業以来、黒字が続く。", []),
    # a span of years is one DATE, its second year possibly short, never a duration
    (D(2025, 6, 1), "景気は2020–21年に落ち込んだ。", [("2020–21年", "DATE", "2020/2021", None)]),
    (D(2025, 6, 1), "投資は2020〜2021年に集中した。", [("2020〜2021年", "DATE", "2020/2021", None)]),
    (D(2025, 6, 1), "第2期計画（2026-2030年）を定めた。", [("2026-2030年", "DATE", "2026/2030", None)]),
    (D(2025, 6, 1), "補助は2024年～2026年に続く。", [("2024年～2026年", "DATE", "2024/2026", None)]),
    (D(2025, 6, 1), "中期計画は２０２５－２７年の３年間だ。",
     [("２０２５－２７年", "DATE", "2025/2027", None), ("３年間", "DURATION", "P3Y", None)]),
    (D(2025, 6, 1), "2023～2024年度の予算で賄う。", [("2023～2024年度", "DATE", "FY2023/FY2024", None)]),
    (D(2025, 6, 1), "事業は令和6～7年度に実施する。", [("令和6～7年度", "DATE", "FY2024/FY2025", None)]),
    (D(2025, 6, 1), "優遇は2027〜2028年まで続く。", [("2027〜2028年まで", "DATE", "2027/2028", "BEFORE")]),
    (D(2025, 6, 1), "期間は2025年～2026年3月だ。", [("2025年", "DATE", "2025", None), ("2026年3月", "DATE", "2026-03", None)]),
    (D(2025, 6, 1), "表記ゆれの2021–19年は読まない。", []),
    # a quarter, half, month or day written without a year: the one nearest the post's date, whatever the tense
    (D(2026, 2, 10), "第4四半期の受注は計画を上回った。", [("第4四半期", "DATE", "2025-Q4", None)]),
    (D(2026, 2, 10), "Q1の出荷見通しを示した。", [("Q1", "DATE", "2026-Q1", None)]),
    (D(2026, 2, 10), "1Qの利益は伸びる見込みだ。", [("1Q", "DATE", "2026-Q1", None)]),
    (D(2026, 2, 10), "第2四半期に新工場が稼働する。", [("第2四半期", "DATE", "2026-Q2", None)]),
    (D(2026, 2, 10), "第3四半期には新型機が出る予定だった。", [("第3四半期", "DATE", "2025-Q3", None)]),
    (D(2026, 2, 10), "下半期に黒字化した。", [("下半期", "DATE", "2025-H2", None)]),
    (D(2026, 2, 10), "上半期の販売は好調だ。", [("上半期", "DATE", "2026-H1", None)]),
    (D(2026, 2, 10), "10-12月期に最高益を出した。", [("10-12月期", "DATE", "2025-Q4", None)]),
    (D(2026, 2, 10), "4～6月期の受注を見込む。", [("4～6月期", "DATE", "2026-Q2", None)]),
    (D(2026, 2, 10), "12月に発表した新製品が売れた。", [("12月", "DATE", "2025-12", None)]),
    (D(2026, 2, 10), "11月30日に契約を結んだ。", [("11月30日", "DATE", "2025-11-30", None)]),
    (D(2026, 2, 10), "4月1日に新体制へ移る。", [("4月1日", "DATE", "2026-04-01", None)]),
    (D(2025, 12, 14), "1月に新型を発売する。", [("1月", "DATE", "2026-01", None)]),
    (D(2025, 12, 14), "上半期に出荷を始める。", [("上半期", "DATE", "2026-H1", None)]),
    (D(2025, 12, 14), "第4四半期は好調だ。", [("第4四半期", "DATE", "2025-Q4", None)]),
    (D(2025, 12, 14), "第1クォーターの計画を立てる。", [("第1クォーター", "DATE", "2026-Q1", None)]),
    (D(2025, 7, 1), "第1四半期は減益だった。", [("第1四半期", "DATE", "2025-Q1", None)]),
    (D(2025, 11, 20), "Q3売上は過去最高の90億円だった。", [("Q3", "DATE", "2025-Q3", None)]),
    (D(2026, 1, 15), "売上（Q4）は伸びた。", [("Q4", "DATE", "2025-Q4", None)]),
    (D(2024, 3, 1), "2月29日に発表した。", [("2月29日", "DATE", "2024-02-29", None)]),
    # ... unless a year written before it in the sentence gives it one, a fiscal year to quarters and halves
    (D(2026, 2, 10), "2024年第3四半期と第4四半期に伸びた。",
     [("2024年第3四半期", "DATE", "2024-Q3", None), ("第4四半期", "DATE", "2024-Q4", None)]),
    (D(2026, 2, 10), "2023年に発売し、Q2に量産した。", [("2023年", "DATE", "2023", None), ("Q2", "DATE", "2023-Q2", None)]),
    (D(2026, 2, 10), "2025年の上半期は好調だった。", [("2025年", "DATE", "2025", None), ("上半期", "DATE", "2025-H1", None)]),
    (D(2026, 2, 10), "2025年度の第3四半期は増益だった。",
     [("2025年度", "DATE", "FY2025", None), ("第3四半期", "DATE", "FY2025-Q3", None)]),
    (D(2026, 2, 10), "今年度の下期に回復する。", [("今年度", "DATE", "FY2025", None), ("下期", "DATE", "FY2025-H2", None)]),
    (D(2026, 2, 10), "2026年3月期の第2四半期に伸びた。",
     [("2026年3月期", "DATE", "FY2025", None), ("第2四半期", "DATE", "FY2025-Q2", None)]),
    # quarters and fiscal years relative to the post's date
    (D(2026, 2, 10), "売上は前四半期から2割増えた。", [("前四半期", "DATE", "2025-Q4", None)]),
    (D(2025, 8, 20), "売上は前四半期から減った。", [("前四半期", "DATE", "2025-Q2", None)]),
    (D(2026, 2, 10), "来四半期に新製品を出す。", [("来四半期", "DATE", "2026-Q2", None)]),
    (D(2025, 11, 5), "次の四半期の計画を練る。", [("次の四半期", "DATE", "2026-Q1", None)]),
    (D(2026, 2, 10), "当四半期末までに出荷する。", [("当四半期末までに", "DATE", "2026-Q1", "END")]),
    (D(2026, 2, 10), "利益は前四半期比で増えた。", []),
    # half years named by their months: calendar halves, and the halves of a fiscal year from April
    (D(2026, 2, 10), "2023年1～6月期に伸びた。", [("2023年1～6月期", "DATE", "2023-H1", None)]),
    (D(2026, 2, 10), "2022年4～9月期の決算は増益だった。", [("2022年4～9月期", "DATE", "FY2022-H1", None)]),
    (D(2026, 2, 10), "2022年10～3月期は減益だった。", [("2022年10～3月期", "DATE", "FY2022-H2", None)]),
    # a day alone opening a sentence of a week ahead is a date; one counting things per day is none
    (D(2025, 6, 10), "17日には北辰精機が決算を発表する。", [("17日", "DATE", "2025-06-17", None)]),
    (D(2025, 6, 10), "利用者は1日には3回も使う。", []),
    (D(2026, 2, 10), "来期は増収を見込む。", [("来期", "DATE", "2026-Q2", None)]),
    (D(2025, 11, 5), "来期は増収を見込む。", [("来期", "DATE", "2026-Q1", None)]),
    (D(2026, 5, 1), "来年度は増収を見込む。", [("来年度", "DATE", "FY2027", None)]),
    (D(2026, 2, 10), "前期の決算は赤字だった。", [("前期", "DATE", "FY2024", None)]),
    (D(2026, 3, 3), "同社はQ2に売上90億円（FY2025）を得た。",
     [("Q2", "DATE", "FY2025-Q2", None), ("FY2025", "DATE", "FY2025", None)]),
    (D(2026, 2, 10), "第1四半期（2026年度）の受注は増えた。",
     [("第1四半期", "DATE", "FY2026-Q1", None), ("2026年度", "DATE", "FY2026", None)]),
    (D(2026, 2, 10), "第3四半期は好調で、2026年度も増収を見込む。",
     [("第3四半期", "DATE", "2025-Q3", None), ("2026年度", "DATE", "FY2026", None)]),
    (D(2026, 2, 10), "2025年上半期は2024年同期を上回り、第1四半期だけで倍増した。",
     [("2025年上半期", "DATE", "2025-H1", None), ("2024年", "DATE", "2024", None), ("第1四半期", "DATE", "2025-Q1", None)]),
    # quarters of a fiscal year
    (D(2026, 2, 10), "2026会計年度第1四半期の売上が伸びた。", [("2026会計年度第1四半期", "DATE", "FY2026-Q1", None)]),
    (D(2026, 2, 10), "Q3 FY2026の売上で過去最高だ。", [("Q3 FY2026", "DATE", "FY2026-Q3", None)]),
    (D(2026, 2, 10), "FY2025第3四半期に伸びた。", [("FY2025第3四半期", "DATE", "FY2025-Q3", None)]),
    (D(2026, 2, 10), "25年度第2四半期に伸びた。", [("25年度第2四半期", "DATE", "FY2025-Q2", None)]),
    (D(2026, 2, 10), "2025年度Q4に伸びた。", [("2025年度Q4", "DATE", "FY2025-Q4", None)]),
    (D(2026, 2, 10), "受注は H2 2025 に倍増した。", [("H2 2025", "DATE", "2025-H2", None)]),
    # a two-digit year alone, as newspapers write it, is a year of the post's century where the words after it
    # make it one; not a span of years (20年にわたり, 過去20年, 10年から15年, 20年も), nor a year far ahead
    (D(2026, 2, 10), "同社は24年に米社を買収し、19年には上場した。",
     [("24年", "DATE", "2024", None), ("19年", "DATE", "2019", None)]),
    (D(2026, 2, 10), "25年、新会社を設立した。30年までに黒字化する。",
     [("25年", "DATE", "2025", None), ("30年まで", "DATE", "2030", "BEFORE")]),
    # (a year's figure or market, and within a year)
    (D(2026, 2, 10), "北辰精機の21年の売上高は約80億元だった。23年の米国の出荷も増え、新工場は24年内に着工する。",
     [("21年", "DATE", "2021", None), ("23年", "DATE", "2023", None), ("24年", "DATE", "2024", None)]),
    (D(2026, 2, 10), "同社には10年の歴史がある。", [("10年", "DURATION", "P10Y", None)]),
    (D(2026, 2, 10), "契約は20年にわたり続く。", [("20年", "DURATION", "P20Y", None)]),
    (D(2026, 2, 10), "過去20年に3倍になった。", [("20年", "DURATION", "P20Y", None)]),
    (D(2026, 2, 10), "開発には平均10年から15年かかる。", [("10年から15年", "DURATION", "P10Y/P15Y", None)]),
    (D(2026, 2, 10), "業界を20年も見てきた。", [("20年", "DURATION", "P20Y", None)]),
    (D(2026, 2, 10), "50年に一度の危機だ。", [("50年", "DURATION", "P50Y", None)]),
    # a day alone as what a verb's object was done on (を12日に公開), or before a results briefing (10日の決算会見)
    (D(2026, 2, 20), "北辰精機は新型ロボットを12日に公開した。社長は10日の決算会見で狙いを語った。",
     [("12日", "DATE", "2026-02-12", None), ("10日", "DATE", "2026-02-10", None)]),
    # within the post's month or fiscal year (月内, 年度内)
    (D(2026, 2, 10), "両社は月内に最終合意し、統合は年度内に終える。",
     [("月内", "DATE", "2026-02", None), ("年度内", "DATE", "FY2025", None)]),
    # the last month of a range of months names no month alone
    (D(2026, 2, 10), "2025年度上期（4～9月）の決算を発表した。", [("2025年度上期", "DATE", "FY2025-H1", None)]),
    # seasons, as TIMEX3 writes them: of a year written, of a year named from the post's date, or named from it
    (D(2025, 12, 2), "新型車は2024年夏に発表された。", [("2024年夏", "DATE", "2024-SU", None)]),
    (D(2025, 12, 2), "工場は来年の春に完成する。", [("来年の春", "DATE", "2026-SP", None)]),
    (D(2025, 12, 2), "今秋に発売した。", [("今秋", "DATE", "2025-FA", None)]),
    (D(2025, 12, 2), "昨冬以降、値上がりが続く。", [("昨冬以降", "DATE", "2024-WI", "AFTER")]),
    (D(2025, 12, 2), "この夏は暑かった。", [("この夏", "DATE", "2025-SU", None)]),
    # (not a season inside another word, nor after a longer word: 秋田, 将来)
    (D(2025, 12, 2), "来秋田に行く。将来春には戻る。", []),
    # a fiscal period named by a year relative to the post's date and its last month
    (D(2024, 10, 8), "同社は来年3月期に黒字化する。", [("来年3月期", "DATE", "FY2024", None)]),
    (D(2024, 10, 8), "今年12月期の利益は増える。", [("今年12月期", "DATE", "FY2024", None)]),
    # a date bounds what follows it across the event it dates (の創業以来); the end of a period bounds nothing
    (D(2024, 10, 8), "1962年の創業以来、赤字を出していない。", [("1962年の創業以来", "DATE", "1962", "AFTER")]),
    (D(2024, 10, 8), "2011年4月の上場以降、配当を続ける。", [("2011年4月の上場以降", "DATE", "2011-04", "AFTER")]),
    (D(2024, 10, 8), "受付は2024年11月5日（火曜日）から2024年12月9日（月曜日）までとする。",
     [("2024年11月5日", "DATE", "2024-11-05", None), ("2024年12月9日（月曜日）まで", "DATE", "2024-12-09", None)]),
    (D(2024, 10, 8), "募集期間は2024年11月5日～2024年12月9日まで。",
     [("2024年11月5日", "DATE", "2024-11-05", None), ("2024年12月9日まで", "DATE", "2024-12-09", None)]),
    (D(2024, 10, 8), "2020年の売上から3割減った。", [("2020年", "DATE", "2020", None)]),
    (D(2024, 10, 8), "新料金は2025年1月から適用し、2025年3月末まで据え置く。",
     [("2025年1月", "DATE", "2025-01", None), ("2025年3月末まで", "DATE", "2025-03", "END")]),
    # a two-digit decade is of the post's century up to a decade or so ahead of it, else of the century before
    (D(2024, 10, 8), "新工場は30年代前半に動き出す。", [("30年代前半", "DATE", "203", "START")]),
    (D(2024, 10, 8), "この技術は60年代に生まれた。", [("60年代", "DATE", "196", None)]),
    (D(2012, 5, 1), "同社は30年代に創業した。", [("30年代", "DATE", "193", None)]),
]


@pytest.mark.parametrize(("anchor", "text", "expected"), ANCHORED_DATES)
def test_dates_against_the_post_date(anchor, text, expected):
    found = find_dates(sentence_of(text), RULES, anchor)
    assert [(m.surface, m.type, m.value, m.mod) for m in found] == expected
    assert all(text[m.start:m.end] == m.surface for m in found)


def test_narrative_years_count_from_the_year_the_text_stated_before_the_sentence():
    stated = find_dates(sentence_of("同年10月に上場し、翌年に増資した。"), RULES, ANCHOR, narrative_year=1998)
    assert [(m.surface, m.value) for m in stated] == [("同年10月", "1998-10"), ("翌年", "1999")]
    # with no year stated before, 同年 is no date and the month is the one nearest the post's date
    alone = find_dates(sentence_of("同年10月に上場した。"), RULES, ANCHOR)
    assert [(m.surface, m.value) for m in alone] == [("10月", "2025-10")]


RELATIVE_TEXTS = ["今年は転機だ。", "来期に黒字化する。", "3年後に上場する。", "先月に発売した。", "来週の7月3日に会う。",
                  "第2四半期に伸びた。", "上半期は好調だった。", "2週間後に出る。"]


@pytest.mark.parametrize("text", RELATIVE_TEXTS)
def test_relative_dates_need_a_post_date(text):
    assert find_dates(sentence_of(text), RULES, None) == []


def test_relative_offset_without_post_date_yields_no_duration():
    assert find_dates(sentence_of("3年後に上場し、7年間運用する。"), RULES, None)[0].value == "P7Y"
    assert len(find_dates(sentence_of("3年後に上場し、7年間運用する。"), RULES, None)) == 1


def test_fiscal_year_of_a_post_in_february_is_the_year_before():
    found = find_dates(sentence_of("今年度の利益は増える。"), RULES, datetime.date(2026, 2, 10))
    assert found[0].value == "FY2025"


def _not_dates() -> list[str]:
    lines = NOT_DATES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_not_dates_file_is_substantial():
    assert len(_not_dates()) >= 25


@pytest.mark.parametrize("text", _not_dates())
def test_not_dates(text):
    assert find_dates(sentence_of(text), RULES, ANCHOR) == []


@pytest.mark.parametrize("example", [e for e in DATES_YAML["examples"]], ids=lambda e: e["text"][:12])
def test_dates_yaml_examples(example):
    anchor = datetime.date.fromisoformat(example["anchor"]) if example.get("anchor") else None
    found = find_dates(sentence_of(example["text"]), RULES, anchor)
    expected = example.get("finds", [])
    assert len(found) == len(expected), found
    for match, wanted in zip(found, expected):
        for key, value in wanted.items():
            actual = getattr(match, key)
            assert (actual.isoformat() if isinstance(actual, datetime.date) else actual) == value
    assert not {m.surface for m in found} & set(example.get("not", []))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2199, 12, 31)),
       st.sampled_from(["{y}年{m}月{d}日", "{y}/{m:02d}/{d:02d}", "{y}-{m}-{d}", "{y}.{m:02d}.{d:02d}"]),
       st.booleans(), st.text(alphabet="はをにでのと、。 ", max_size=3))
def test_any_day_round_trips(day, template, full_width, noise):
    written = template.format(y=day.year, m=day.month, d=day.day)
    if full_width:
        written = written.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    text = f"発表{noise}{written}{noise}だった"
    found = find_dates(sentence_of(text), RULES, ANCHOR)
    assert [(m.surface, m.value, m.start_date) for m in found] == [(written, day.isoformat(), day)]
    assert all(text[m.start:m.end] == m.surface for m in found)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789年月日期度末間カヶか週Q第四半上下前後約以上まで今来昨数歳比、。 -/～", max_size=30),
       st.one_of(st.none(), st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 1, 1))))
def test_matches_point_at_their_surface_and_never_overlap(text, anchor):
    found = find_dates(sentence_of(text), RULES, anchor)
    assert all(text[m.start:m.end] == m.surface and m.start < m.end for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    for match in found:
        assert match.type in ("DATE", "DURATION")
        assert (match.start_date is None) == (match.type == "DURATION")
        if match.start_date is not None:
            assert match.start_date <= match.end_date


def _broken(change) -> dict:
    section = copy.deepcopy(DATES_YAML)
    change(section)
    return section


BAD_SECTIONS = [
    (lambda s: s.pop("duration_units"), "duration_units"),
    (lambda s: s.__setitem__("relative_years", ["今年"]), "relative_years"),
    (lambda s: s["relative_years"].__setitem__("今年", "zero"), "relative_years.今年"),
    (lambda s: s["period_mods"].__setitem__("LATE", ["末"]), "period_mods"),
    (lambda s: s["bound_mods"].__setitem__("BEFORE", "まで"), "bound_mods.BEFORE"),
    (lambda s: s["duration_units"].__setitem__("年間", "X"), "duration_units.年間"),
    (lambda s: s["duration_mods"].__setitem__("ABOUT", {"before": ["約"]}), "duration_mods"),
    (lambda s: s.__setitem__("not_dates", [""]), "not_dates"),
    (lambda s: s.__setitem__("not_before_year", "z-a"), "not_before_year"),
    (lambda s: s["relative_directions"].__setitem__("後", 3), "relative_directions"),
    (lambda s: s.__setitem__("holidays", []), "holidays"),
    (lambda s: s["half_years"].__setitem__("H3", ["第3半期"]), "half_years"),
    (lambda s: s.pop("fiscal_year_start_month"), "fiscal_year_start_month"),
    (lambda s: s.__setitem__("fiscal_year_start_month", 13), "fiscal_year_start_month"),
    (lambda s: s.__setitem__("fiscal_year_start_month", "April"), "fiscal_year_start_month"),
    (lambda s: s.__setitem__("vague_numerals", ["数十"]), "vague_numerals.*single characters"),
    (lambda s: s.__setitem__("not_after_month", "間"), "not_after_month"),
    (lambda s: s.pop("not_after_direction"), "not_after_direction"),
    (lambda s: s.__setitem__("era_first_year", [""]), "era_first_year"),
    (lambda s: s["relative_quarters"].__setitem__("前四半期", "previous"), "relative_quarters.前四半期"),
    (lambda s: s.pop("not_after_quarter_code"), "not_after_quarter_code"),
    (lambda s: s.__setitem__("comparison_after", "同期"), "comparison_after"),
]


@pytest.mark.parametrize(("change", "named"), BAD_SECTIONS, ids=[named for _, named in BAD_SECTIONS])
def test_bad_date_rules_name_the_key(change, named):
    problems = rule_problems("dates", _broken(change))
    assert problems and any(re.search(named, problem) for problem in problems), problems


def _compiled(section: dict):
    """A changed copy of dates.yaml, validated and compiled as a run does."""
    return compile_date_rules(DatesFile.model_validate(section))


def test_words_added_in_yaml_are_found():
    section = _broken(lambda s: s["relative_years"].__setitem__("明年", 1))
    found = find_dates(sentence_of("明年に発売する。"), _compiled(section), ANCHOR)
    assert [(m.surface, m.value) for m in found] == [("明年", "2026")]


def test_fiscal_year_start_month_comes_from_yaml():
    """Fiscal years of companies whose year is the calendar year: 2026年度 is 2026, and 今年度 in February is FY2026."""
    rules = _compiled(_broken(lambda s: s.__setitem__("fiscal_year_start_month", 1)))
    (fiscal,) = find_dates(sentence_of("2026年度の計画"), rules, ANCHOR)
    assert (fiscal.value, fiscal.start_date, fiscal.end_date) == ("FY2026", datetime.date(2026, 1, 1),
                                                                  datetime.date(2026, 12, 31))
    (current,) = find_dates(sentence_of("今年度の利益は増える。"), rules, datetime.date(2026, 2, 10))
    assert current.value == "FY2026"


def test_lookahead_words_come_from_yaml():
    """Without 間 after 日, 30日間 is read as the 30th of a month; with it (shipped), as a duration."""
    assert [m.type for m in find_dates(sentence_of("30日間続いた。"), RULES, ANCHOR)] == ["DURATION"]
    rules = _compiled(_broken(lambda s: s.__setitem__("not_after_day", [])))
    assert [(m.surface, m.type) for m in find_dates(sentence_of("5月30日間"), rules, ANCHOR)][0] == ("5月30日", "DATE")
