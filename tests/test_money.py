"""Money finder and normalizer: tables of sentences and the amounts they state, text that is no
money, the examples in rules/money.yaml, conversion to USD, and numerals written every way."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from currency_converter import CurrencyConverter
from hypothesis import strategies as st

from extract.normalize.money import (FX_SOURCE_ECB, FX_SOURCE_TABLE, FxTable, cldr_currency_words,
                                     compile_money_rules, ecb_rate_day, ecb_rates, find_money, fx_table, to_usd)
from extract.rules.schema import FxFile, MoneyFile

from conftest import rule_problems, sentence_of

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
NOT_MONEY = Path(__file__).resolve().parent / "data" / "not_money.txt"
MONEY_YAML = yaml.safe_load((RULES_DIR / "money.yaml").read_text(encoding="utf-8"))
FX_YAML = yaml.safe_load((RULES_DIR / "fx.yaml").read_text(encoding="utf-8"))
RULES = compile_money_rules(MoneyFile.model_validate(MONEY_YAML))
FX = fx_table(FxFile.model_validate(FX_YAML))

# text, surface, currency, value, min_value, max_value, qualifier
SINGLE_AMOUNTS = [
    # exact: arabic, commas, full-width, kanji, mixed, decimals
    ("同社は3,870億円を投じる。", "3,870億円", "JPY", 3.87e11, 3.87e11, 3.87e11, "exact"),
    ("調達額は640億ドルだった。", "640億ドル", "USD", 6.4e10, 6.4e10, 6.4e10, "exact"),
    ("売上は１，２００億円に達した。", "１，２００億円", "JPY", 1.2e11, 1.2e11, 1.2e11, "exact"),
    ("総額二千億円の計画だ。", "二千億円", "JPY", 2e11, 2e11, 2e11, "exact"),
    ("価格は三百五十万円である。", "三百五十万円", "JPY", 3.5e6, 3.5e6, 3.5e6, "exact"),
    ("評価額は2億3000万ドルとなった。", "2億3000万ドル", "USD", 2.3e8, 2.3e8, 2.3e8, "exact"),
    ("時価総額は1.5兆ドルを記録した。", "1.5兆ドル", "USD", 1.5e12, 1.5e12, 1.5e12, "exact"),
    ("市場は1兆20億5,000万ドルに達した。", "1兆20億5,000万ドル", "USD", 1.0020500e12, 1.0020500e12,
     1.0020500e12, "exact"),
    ("研究費は42億3,480万米ドルだった。", "42億3,480万米ドル", "USD", 4.2348e9, 4.2348e9, 4.2348e9, "exact"),
    ("基金は12億USドルに拡充された。", "12億USドル", "USD", 1.2e9, 1.2e9, 1.2e9, "exact"),
    ("利用料は月額30ドルです。", "30ドル", "USD", 30.0, 30.0, 30.0, "exact"),
    ("1トークンあたり0.039ドルかかる。", "0.039ドル", "USD", 0.039, 0.039, 0.039, "exact"),
    ("価格は9,800円に改定された。", "9,800円", "JPY", 9800.0, 9800.0, 9800.0, "exact"),
    ("補助金は1億6,000万円だった。", "1億6,000万円", "JPY", 1.6e8, 1.6e8, 1.6e8, "exact"),
    ("同社は20億ユーロを調達した。", "20億ユーロ", "EUR", 2e9, 2e9, 2e9, "exact"),
    ("欧州で15億€を投資する。", "15億€", "EUR", 1.5e9, 1.5e9, 1.5e9, "exact"),
    ("市場規模は2,767.4億元に達する。", "2,767.4億元", "CNY", 2.7674e11, 2.7674e11, 2.7674e11, "exact"),
    ("政府は600億人民元を拠出した。", "600億人民元", "CNY", 6e10, 6e10, 6e10, "exact"),
    ("端末価格は199,000元である。", "199,000元", "CNY", 199000.0, 199000.0, 199000.0, "exact"),
    ("英政府は50億ポンドを投じる。", "50億ポンド", "GBP", 5e9, 5e9, 5e9, "exact"),
    ("韓国は25兆ウォンを投資する。", "25兆ウォン", "KRW", 2.5e13, 2.5e13, 2.5e13, "exact"),
    ("基金は1兆ルピーとなる。", "1兆ルピー", "INR", 1e12, 1e12, 1e12, "exact"),
    ("上場時の価格は88香港ドルだった。", "88香港ドル", "HKD", 88.0, 88.0, 88.0, "exact"),
    ("シリーズAで1,400万USDを集めた。", "1,400万USD", "USD", 1.4e7, 1.4e7, 1.4e7, "exact"),
    ("手数料は250 USDである。", "250 USD", "USD", 250.0, 250.0, 250.0, "exact"),
    # prefixed currencies and English scale words
    ("評価額は$50Bに達した。", "$50B", "USD", 5e10, 5e10, 5e10, "exact"),
    ("同社は$1.5 billionを調達した。", "$1.5 billion", "USD", 1.5e9, 1.5e9, 1.5e9, "exact"),
    ("安全対策に$500 millionを投じる。", "$500 million", "USD", 5e8, 5e8, 5e8, "exact"),
    ("初期費用は$727,000だった。", "$727,000", "USD", 727000.0, 727000.0, 727000.0, "exact"),
    ("入力は$2.50/1Mトークンである。", "$2.50", "USD", 2.5, 2.5, 2.5, "exact"),
    ("企業は US$3.2bn を得た。", "US$3.2bn", "USD", 3.2e9, 3.2e9, 3.2e9, "exact"),
    ("基金は€10億規模だ。", "€10億規模", "EUR", 1e9, None, None, "approx"),
    ("プランは¥1,980から。", "¥1,980から", "JPY", 1980.0, 1980.0, None, "at_least"),  # a price from which it sells
    ("出資額は$12Mだった。", "$12M", "USD", 1.2e7, 1.2e7, 1.2e7, "exact"),
    ("月額$20で提供する。", "$20", "USD", 20.0, 20.0, 20.0, "exact"),
    # approx
    ("約163兆円の波及効果が見込まれる。", "約163兆円", "JPY", 1.63e14, None, None, "approx"),
    ("およそ3,000億円が必要だ。", "およそ3,000億円", "JPY", 3e11, None, None, "approx"),
    ("460億ドル規模の受注を獲得した。", "460億ドル規模", "USD", 4.6e10, None, None, "approx"),
    ("改修費は250億円程度となる。", "250億円程度", "JPY", 2.5e10, None, None, "approx"),
    ("売上は19億ドル近くに達した。", "19億ドル近く", "USD", 1.9e9, None, None, "approx"),
    ("単価は5,000円前後だ。", "5,000円前後", "JPY", 5000.0, None, None, "approx"),
    ("取引は推定10億ドルとされる。", "推定10億ドル", "USD", 1e9, None, None, "approx"),
    ("株価は約$480だった。", "約$480", "USD", 480.0, None, None, "approx"),
    # 弱 (a little under) is approximate, as 近く is: the spec lists both for a duration's LESS_THAN
    ("調達額は1兆円弱だった。", "1兆円弱", "JPY", 1e12, None, None, "approx"),
    # at_least
    ("2,750億ドルを超える支出が続く。", "2,750億ドルを超える", "USD", 2.75e11, 2.75e11, None, "at_least"),
    ("4,000億ドル以上を費やす。", "4,000億ドル以上", "USD", 4e11, 4e11, None, "at_least"),
    ("市場は3兆ドル超に拡大した。", "3兆ドル超", "USD", 3e12, 3e12, None, "at_least"),
    ("売上高は2億円を上回った。", "2億円を上回っ", "JPY", 2e8, 2e8, None, "at_least"),
    ("営業益は5億円を下回った。", "5億円を下回っ", "JPY", 5e8, None, 5e8, "at_most"),
    ("費用は概算で3億円だ。", "概算で3億円", "JPY", 3e8, None, None, "approx"),
    # an estimated amount labelled as such in a disclosure (差引手取概算額, 費用（概算額）)
    ("差引手取概算額 412,300千円を設備に充てる。", "概算額 412,300千円", "JPY", 4.123e8, None, None, "approx"),
    ("仲介手数料等（概算額）　12百万円", "（概算額）　12百万円", "JPY", 1.2e7, None, None, "approx"),
    ("売上は50億ドル超えとなった。", "50億ドル超え", "USD", 5e9, 5e9, None, "at_least"),
    ("約6兆円超の受注を見込む。", "約6兆円超", "JPY", 6e12, 6e12, None, "at_least"),
    ("年間30億€超を投資する。", "30億€超", "EUR", 3e9, 3e9, None, "at_least"),
    ("少なくとも10億ドルが必要だ。", "少なくとも10億ドル", "USD", 1e9, 1e9, None, "at_least"),
    ("1兆円強の規模になる。", "1兆円強", "JPY", 1e12, 1e12, None, "at_least"),
    ("予算は340億円超過となった。", "340億円超過", "JPY", 3.4e10, 3.4e10, None, "at_least"),
    # at_most
    ("最大270億ドルを融資する。", "最大270億ドル", "USD", 2.7e10, None, 2.7e10, "at_most"),
    ("最大で40億ドルを投じる。", "最大で40億ドル", "USD", 4e9, None, 4e9, "at_most"),
    ("最大約60億円を補助する。", "最大約60億円", "JPY", 6e9, None, 6e9, "at_most"),
    ("費用は1万円以下に抑えた。", "1万円以下", "JPY", 1e4, None, 1e4, "at_most"),
    ("補助は500万円未満が対象だ。", "500万円未満", "JPY", 5e6, None, 5e6, "at_most"),
    ("市場は471億米ドルまで拡大する。", "471億米ドルまで", "USD", 4.71e10, None, 4.71e10, "at_most"),
    # range
    ("需要は2,300億～2,800億ドルに膨らむ。", "2,300億～2,800億ドル", "USD", None, 2.3e11, 2.8e11, "range"),
    ("需要は2,300～2,800億ドルに膨らむ。", "2,300～2,800億ドル", "USD", None, 2.3e11, 2.8e11, "range"),
    ("市場は3,100－3,400億ドルに達する。", "3,100－3,400億ドル", "USD", None, 3.1e11, 3.4e11, "range"),
    ("収益は170億〜210億ドルに届く見込み。", "170億〜210億ドル", "USD", None, 1.7e10, 2.1e10, "range"),
    ("投資は3-4兆ドルになる。", "3-4兆ドル", "USD", None, 3e12, 4e12, "range"),
    ("支出は3兆ドルから4兆ドルに達する。", "3兆ドルから4兆ドル", "USD", None, 3e12, 4e12, "range"),
    ("費用は500万~800万円です。", "500万~800万円", "JPY", None, 5e6, 8e6, "range"),
    ("予算は$5,000〜$30,000です。", "$5,000〜$30,000", "USD", None, 5000.0, 30000.0, "range"),
    ("料金は$500〜2,000程度。", "$500〜2,000程度", "USD", None, 500.0, 2000.0, "range"),
    ("評価額は$1-2Bとされる。", "$1-2B", "USD", None, 1e9, 2e9, "range"),
    ("約600億ドルから650億ドルを投じる。", "約600億ドルから650億ドル", "USD", None, 6e10, 6.5e10, "range"),
    ("50万ドルから500万ドルまでの調達が多い。", "50万ドルから500万ドルまで", "USD", None, 5e5, 5e6, "range"),
    # (a first amount with its own currency keeps its own unit)
    ("宿泊は5,000円から3万円程度だ。", "5,000円から3万円程度", "JPY", None, 5e3, 3e4, "range"),
    # vague
    ("数十万ドルを費やす。", "数十万ドル", "USD", None, 1e5, 1e6, "vague"),
    ("数百万ドル規模の取引だ。", "数百万ドル規模", "USD", None, 1e6, 1e7, "vague"),
    ("年間数千億円の支出になる。", "数千億円", "JPY", None, 1e11, 1e12, "vague"),
    ("検証に数万円を費やした。", "数万円", "JPY", None, 1e4, 1e5, "vague"),
    ("数兆ウォン規模の投資だ。", "数兆ウォン規模", "KRW", None, 1e12, 1e13, "vague"),
    ("十数億円の赤字だった。", "十数億円", "JPY", None, 1e9, 2e9, "vague"),
    ("数億人民元を調達した。", "数億人民元", "CNY", None, 1e8, 1e9, "vague"),
]


# text, surface, currency, value, min_value, max_value, qualifier: the new forms with cues and ranges.
WIDE_QUALIFIED = [
    ("市場は約5千億円規模だ。", "約5千億円規模", "JPY", 5e11, None, None, "approx"),
    ("支援は最大3百億円である。", "最大3百億円", "JPY", 3e10, None, 3e10, "at_most"),
    ("売上は8千万ドル以上だった。", "8千万ドル以上", "USD", 8e7, 8e7, None, "at_least"),
    ("評価額は12Bドル超だ。", "12Bドル超", "USD", 1.2e10, 1.2e10, None, "at_least"),
    ("予算は3千万～5千万円だ。", "3千万～5千万円", "JPY", None, 3e7, 5e7, "range"),
    ("評価額は1-2Bドルとされる。", "1-2Bドル", "USD", None, 1e9, 2e9, "range"),
    ("料金は30～50セントだ。", "30～50セント", "USD", None, 0.3, 0.5, "range"),
    ("投資は数千億ルピアに上る。", "数千億ルピア", "IDR", None, 1e11, 1e12, "vague"),
    # a band an amount opens (台), one unit of its last non-zero digit wide
    ("新モデルは5千円台で売られる。", "5千円台", "JPY", None, 5e3, 6e3, "vague"),
    ("株価は2,300円台で推移した。", "2,300円台", "JPY", None, 2300.0, 2400.0, "vague"),
    ("時価総額は300億ドル台に乗せた。", "300億ドル台", "USD", None, 3e10, 4e10, "vague"),
    # a loss as financial statements write it: a sign right before the amount
    ("営業利益　▲2,468百万円", "▲2,468百万円", "JPY", -2.468e9, -2.468e9, -2.468e9, "exact"),
    ("経常損益は△72億円となった。", "△72億円", "JPY", -7.2e9, -7.2e9, -7.2e9, "exact"),
    ("当期純損益　－1,357百万円", "－1,357百万円", "JPY", -1.357e9, -1.357e9, -1.357e9, "exact"),
    # a cap or a floor stated around the amount
    ("補助の上限額は50万円だ。", "上限額は50万円", "JPY", 5e5, None, 5e5, "at_most"),
    ("補助は30万円が上限だ。", "30万円が上限", "JPY", 3e5, None, 3e5, "at_most"),
    ("被害額は100億円を下らない。", "100億円を下らない", "JPY", 1e10, 1e10, None, "at_least"),
    ("謝礼はせいぜい5000円だろう。", "せいぜい5000円", "JPY", 5e3, None, 5e3, "at_most"),
]


@pytest.mark.parametrize(("text", "surface", "currency", "value", "min_value", "max_value", "qualifier"),
                         SINGLE_AMOUNTS + WIDE_QUALIFIED)
def test_one_amount(text, surface, currency, value, min_value, max_value, qualifier):
    found = find_money(sentence_of(text), RULES, FX, None)
    assert len(found) == 1, found
    match = found[0]
    assert text[match.start:match.end] == match.surface == surface
    assert match.currency == currency
    assert match.qualifier == qualifier
    for got, expected in ((match.value, value), (match.min_value, min_value), (match.max_value, max_value)):
        assert (got is None) == (expected is None)
        if expected is not None:
            assert got == pytest.approx(expected, rel=1e-12)
    assert match.rule_id.startswith("money.")


# text, [(surface, currency, value or min_value, qualifier), ...]
SEVERAL_AMOUNTS = [
    ("530億ドル（約8兆円）を調達した。",
     [("530億ドル", "USD", 5.3e10, "exact"), ("約8兆円", "JPY", 8e12, "approx")]),
    ("290億ドル（約4兆円）規模の買収だ。",
     [("290億ドル", "USD", 2.9e10, "approx"), ("約4兆円", "JPY", 4e12, "approx")]),
    ("1470億ドル（約22兆円）以上を見込む。",
     [("1470億ドル", "USD", 1.47e11, "at_least"), ("約22兆円", "JPY", 2.2e13, "approx")]),
    ("6140億ドル（年率19%）まで拡大する。", [("6140億ドル", "USD", 6.14e11, "exact")]),
    ("販売は45億ドルから190億ドルへ伸びる。",
     [("45億ドル", "USD", 4.5e9, "exact"), ("190億ドル", "USD", 1.9e10, "exact")]),
    ("目標株価を225ドルから280ドルに引き上げた。",
     [("225ドル", "USD", 225.0, "exact"), ("280ドル", "USD", 280.0, "exact")]),
    ("売上高予想を3,200億円から3,450億円に上方修正した。",
     [("3,200億円", "JPY", 3.2e11, "exact"), ("3,450億円", "JPY", 3.45e11, "exact")]),
    ("定食を890円から940円に値上げする。", [("890円", "JPY", 890.0, "exact"), ("940円", "JPY", 940.0, "exact")]),
    ("年間配当を1株80円から85円に増やす。", [("80円", "JPY", 80.0, "exact"), ("85円", "JPY", 85.0, "exact")]),
    ("4億ドルから5億ポンド以上と見積もられた。",
     [("4億ドル", "USD", 4e8, "exact"), ("5億ポンド以上", "GBP", 5e8, "at_least")]),
    ("2024-25億ドルの見通し。", [("25億ドル", "USD", 2.5e9, "exact")]),
    ("Samsungが680億ドル、Micronが540億ドルを予定する。",
     [("680億ドル", "USD", 6.8e10, "exact"), ("540億ドル", "USD", 5.4e10, "exact")]),
    ("入力$0.15/1M、出力$0.60/1Mである。",
     [("$0.15", "USD", 0.15, "exact"), ("$0.60", "USD", 0.6, "exact")]),
    ("($1/$5 per 1M tokens)", [("$1", "USD", 1.0, "exact"), ("$5", "USD", 5.0, "exact")]),
    # In a rate note the one unit priced is no amount; its price is.
    ("約27兆円（1ドル150円換算）に相当する。", [("約27兆円", "JPY", 2.7e13, "approx"), ("150円", "JPY", 150.0, "exact")]),
    ("1ドル=155円で換算すると約5兆円になる。", [("155円", "JPY", 155.0, "exact"), ("約5兆円", "JPY", 5e12, "approx")]),
    ("円相場は1ドル＝157円80銭で推移し、ウォンは1ドル＝1,451ウォンだった。",
     [("157円80銭", "JPY", 157.8, "exact"), ("1,451ウォン", "KRW", 1451.0, "exact")]),
    ("数万ドルから数十万ドルかかる。",
     [("数万ドル", "USD", 1e4, "vague"), ("数十万ドル", "USD", 1e5, "vague")]),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL_AMOUNTS)
def test_several_amounts(text, expected):
    found = find_money(sentence_of(text), RULES, FX, None)
    got = [(m.surface, m.currency, m.value if m.value is not None else m.min_value, m.qualifier) for m in found]
    assert [(s, c, q) for s, c, _, q in got] == [(s, c, q) for s, c, _, q in expected]
    for (_, _, got_value, _), (_, _, expected_value, _) in zip(got, expected):
        assert got_value == pytest.approx(expected_value, rel=1e-9)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(left.end <= right.start for left, right in zip(found, found[1:]))
    assert all(text[m.start:m.end] == m.surface for m in found)


# Japanese-wide forms: text, surface, currency, value (an exact amount unless the cue says otherwise).
WIDE_AMOUNTS = [
    # 千/百/十 after arabic digits inside a number, and 万 before 億
    ("会場の改装に5千万円をかけた。", "5千万円", "JPY", 5e7),
    ("同社は3百万ドルを調達した。", "3百万ドル", "USD", 3e6),
    ("入場料は7千円です。", "7千円", "JPY", 7000.0),
    ("経済効果は一万億円に上る。", "一万億円", "JPY", 1e12),
    ("広告費は2千5百万円だった。", "2千5百万円", "JPY", 2.5e7),
    ("設備に1千2百万ドルを投じた。", "1千2百万ドル", "USD", 1.2e7),
    ("資本金は5千万元である。", "5千万元", "CNY", 5e7),
    ("見積もりは1.5千万円だ。", "1.5千万円", "JPY", 1.5e7),
    ("全額で3万5千円になる。", "3万5千円", "JPY", 35000.0),
    ("販促費は１千万円だった。", "１千万円", "JPY", 1e7),
    ("市場は4百億ユーロに届く。", "4百億ユーロ", "EUR", 4e10),
    # a smaller unit added on
    ("価格は2ドル3セントだった。", "2ドル3セント", "USD", 2.03),
    ("株価は1,200円50銭で引けた。", "1,200円50銭", "JPY", 1200.5),
    ("値段は50元6角です。", "50元6角", "CNY", 50.6),
    ("運賃は12元6角5分だった。", "12元6角5分", "CNY", 12.65),
    ("終値は2,222円13銭だった。", "2,222円13銭", "JPY", 2222.13),
    ("基準価格は1円50銭5厘となった。", "1円50銭5厘", "JPY", 1.505),
    ("切符は3ユーロ40セントだった。", "3ユーロ40セント", "EUR", 3.4),
    ("紅茶は2ポンド50ペンスだった。", "2ポンド50ペンス", "GBP", 2.5),
    ("菓子は九十円五十銭で売られた。", "九十円五十銭", "JPY", 90.5),
    # a minor unit alone
    ("手数料は50セントかかる。", "50セント", "USD", 0.5),
    ("配当は1株80銭だった。", "80銭", "JPY", 0.8),
    ("切手は95ペンスに上がった。", "95ペンス", "GBP", 0.95),
    # spaces between symbol, number and unit
    ("評価額は$ 48.2 万に達した。", "$ 48.2 万", "USD", 4.82e5),
    ("費用は7 万 円だった。", "7 万 円", "JPY", 7e4),
    ("報酬は2億 3000万円になった。", "2億 3000万円", "JPY", 2.3e8),
    ("売上は500 億ドルに達した。", "500 億ドル", "USD", 5e10),
    ("予算は3\u3000億円となる。", "3\u3000億円", "JPY", 3e8),
    ("会費は€ 12 万だった。", "€ 12 万", "EUR", 1.2e5),
    # the yen sign, also written as a backslash
    ("プランは¥100です。", "¥100", "JPY", 100.0),
    ("会費は\\100だった。", "\\100", "JPY", 100.0),
    ("月額は\\1,980です。", "\\1,980", "JPY", 1980.0),
    ("年会費は￥5,000だ。", "￥5,000", "JPY", 5000.0),
    ("初期費用は\\3万だった。", "\\3万", "JPY", 3e4),
    # kanji numerals, also right after another kanji
    ("値引き一ドルで売る。", "一ドル", "USD", 1.0),
    ("値引きは一ドルだ。", "一ドル", "USD", 1.0),
    ("人民元八千元を支払った。", "八千元", "CNY", 8000.0),
    ("寄付は十元ずつ集めた。", "十元", "CNY", 10.0),
    ("五百円玉で支払った。", "五百円", "JPY", 500.0),
    ("合計三千五百円だった。", "三千五百円", "JPY", 3500.0),
    ("賞金一万ドルを得た。", "一万ドル", "USD", 1e4),
    ("寄付金百万円を贈った。", "百万円", "JPY", 1e6),
    # currencies beyond the usual list: CLDR names in every spelling, and news spellings
    ("同社は10億スイス・フランを投じる。", "10億スイス・フラン", "CHF", 1e9),
    ("国は5億スイスフランを拠出した。", "5億スイスフラン", "CHF", 5e8),
    ("政府は2億スイス フランを出した。", "2億スイス フラン", "CHF", 2e8),
    ("工場は100億新台湾ドルを要する。", "100億新台湾ドル", "TWD", 1e10),
    ("政府は50億ナイラを調達した。", "50億ナイラ", "NGN", 5e9),
    ("宿は一泊3,000バーツだった。", "3,000バーツ", "THB", 3000.0),
    ("予算は1兆ルピアである。", "1兆ルピア", "IDR", 1e12),
    ("契約額は100億リヤルに上る。", "100億リヤル", "SAR", 1e10),
    ("同社は20億ディルハムを投資した。", "20億ディルハム", "AED", 2e9),
    ("工場に5,000億ドンを投じる。", "5,000億ドン", "VND", 5e11),
    ("融資は30億タイ・バーツだった。", "30億タイ・バーツ", "THB", 3e9),
    ("資産は8億ナイジェリアナイラだ。", "8億ナイジェリアナイラ", "NGN", 8e8),
    ("株価は120メキシコ・ペソになった。", "120メキシコ・ペソ", "MXN", 120.0),
    ("基金は40億スウェーデン・クローナだ。", "40億スウェーデン・クローナ", "SEK", 4e9),
    ("政府は2,000億ルーブルを支出した。", "2,000億ルーブル", "RUB", 2e11),
    ("投資は15億ポーランド・ズウォティだった。", "15億ポーランド・ズウォティ", "PLN", 1.5e9),
    ("返済は1億ニュージーランドドルだった。", "1億ニュージーランドドル", "NZD", 1e8),
    ("売上は760億NZドルだった。", "760億NZドル", "NZD", 7.6e10),
    ("輸出は9億カタール・リアルに上る。", "9億カタール・リアル", "QAR", 9e8),
    ("融資は6億エジプトポンドだった。", "6億エジプトポンド", "EGP", 6e8),
    ("国債は40億トルコリラだった。", "40億トルコリラ", "TRY", 4e9),
    # currencies the euro replaced, named as older text names them (a country near a shared name decides it)
    ("ドイツの銀行は30億マルクを投じた。", "30億マルク", "DEM", 3e9),
    ("オランダの会社は5億ギルダーを得た。", "5億ギルダー", "NLG", 5e8),
    ("フランス政府は50億フランを出した。", "50億フラン", "FRF", 5e9),
    ("イタリアの赤字は2兆リラに達した。", "2兆リラ", "ITL", 2e12),
    ("トルコの赤字は2兆リラに達した。", "2兆リラ", "TRY", 2e12),
    ("補助は1億ブラジル・レアルだった。", "1億ブラジル・レアル", "BRL", 1e8),
    ("価格はHK$88である。", "HK$88", "HKD", 88.0),
    ("運賃はNT$1,200だった。", "NT$1,200", "TWD", 1200.0),
    ("投資額はA$5億だった。", "A$5億", "AUD", 5e8),
    ("トロントではC$45で売られている。", "C$45", "CAD", 45.0),
    # English scale words before a currency word
    ("売上は54Bドルだった。", "54Bドル", "USD", 5.4e10),
    ("調達額は$1.2Mだった。", "$1.2M", "USD", 1.2e6),
    ("資金は1.5 billionドルに達した。", "1.5 billionドル", "USD", 1.5e9),
    ("損失は300Mドルに上る。", "300Mドル", "USD", 3e8),
    ("手数料は250K USDだった。", "250K USD", "USD", 2.5e5),
    ("英政府は£5mを拠出した。", "£5m", "GBP", 5e6),
    # English currency words after an English scale word
    ("欧州委員会は200 million eurosの基金を設けた。", "200 million euros", "EUR", 2e8),
    ("英字紙は1.5 trillion yenの計画と報じた。", "1.5 trillion yen", "JPY", 1.5e12),
    ("資金は3 billion yuanに上る。", "3 billion yuan", "CNY", 3e9),
    # the formal digits of contracts and receipts (壱, 弐, 参, 拾, 萬)
    ("領収書には金壱万円也とある。", "壱万円", "JPY", 1e4),
    ("謝礼は金弐拾万円也とした。", "弐拾万円", "JPY", 2e5),
    ("手付金は参萬円だった。", "参萬円", "JPY", 3e4),
    # the thousands and millions of financial statements
    ("売上高　24,680百万円（前期比3.1%増）", "24,680百万円", "JPY", 2.468e10),
    ("当期純利益　1,234,567千円", "1,234,567千円", "JPY", 1.234567e9),
    # more currencies, and a shared name read by the country the sentence names
    ("プラハの開発会社は20億コルナを調達した。", "20億コルナ", "CZK", 2e9),
    ("アスタナの銀行は800億テンゲを融資した。", "800億テンゲ", "KZT", 8e10),
    ("ドーハの基金は50億カタール・リヤルを投じる。", "50億カタール・リヤル", "QAR", 5e9),
    ("コートジボワールの港湾会社は300億CFAフランを借りた。", "300億CFAフラン", "XOF", 3e10),
    ("ガボンの鉱山会社は200億CFAフランを投じた。", "200億CFAフラン", "XAF", 2e10),
    ("モロッコの通信会社は40億ディルハムを投じる。", "40億ディルハム", "MAD", 4e9),
    ("ドバイの不動産会社は40億ディルハムを投じる。", "40億ディルハム", "AED", 4e9),
    ("カラチの銀行は90億ルピーを調達した。", "90億ルピー", "INR", 9e9),
    ("パキスタンの銀行は90億ルピーを調達した。", "90億ルピー", "PKR", 9e9),
    # ISO codes after an amount, but for those that are words after a number too
    ("入館料は230NOKだった。", "230NOK", "NOK", 230.0),
    ("手数料は50 CHFだった。", "50 CHF", "CHF", 50.0),
    ("屋台の麺は12MYRだった。", "12MYR", "MYR", 12.0),
    # ISO codes before an amount, but for those that are words or names before a number too
    ("入場券はCHF 120だった。", "CHF 120", "CHF", 120.0),
    ("船の切符はNOK 230だった。", "NOK 230", "NOK", 230.0),
    # the Romanian leu in its plural, as travel writing has it
    ("ブカレストのコーヒーは12レイだった。", "12レイ", "RON", 12.0),
]


@pytest.mark.parametrize(("text", "surface", "currency", "value"), WIDE_AMOUNTS)
def test_japanese_wide_amount(text, surface, currency, value):
    (match,) = find_money(sentence_of(text), RULES, FX, None)
    assert text[match.start:match.end] == match.surface == surface
    assert (match.currency, match.qualifier) == (currency, "exact")
    assert match.value == pytest.approx(value, rel=1e-12)
    assert match.min_value == match.max_value == match.value




# text, [(surface, currency, value), ...]: where the added forms end, and what they leave alone.
WIDE_BOUNDARIES = [
    ("2ドル3銭と書かれていた。", [("2ドル", "USD", 2.0), ("3銭", "JPY", 0.03)]),    # 銭 is no part of dollars
    ("1ドル150セントは誤記だ。", [("1ドル", "USD", 1.0), ("150セント", "USD", 1.5)]),  # a whole dollar of cents
    ("100元5角3角は誤記だ。", [("100元", "CNY", 100.0)]),                             # minor units out of order
    ("人民元と円で1,000元、2万円を払った。", [("1,000元", "CNY", 1000.0), ("2万円", "JPY", 2e4)]),
    ("報酬は$20から$30に上がり、$ 5 万の賞金も出た。",
     [("$20", "USD", 20.0), ("$30", "USD", 30.0), ("$ 5 万", "USD", 5e4)]),
    ("費用は$5、比率は$1:2$で、賞金は$100だ。", [("$5", "USD", 5.0), ("$100", "USD", 100.0)]),
    # a scale letter that starts a longer word is no scale: five dollars, not five thousand
    ("電子書籍は$5 Kindle版もある。", [("$5", "USD", 5.0)]),
    # a bare ドル after another dollar written out in its sentence is that dollar, cents and all; not in a list of
    # currencies, nor as a conversion in brackets
    ("屋台の麺は4.5シンガポールドル、コーヒーは1.8ドル、菓子は2ドル50セントだ。",
     [("4.5シンガポールドル", "SGD", 4.5), ("1.8ドル", "SGD", 1.8), ("2ドル50セント", "SGD", 2.5)]),
    ("カフェは1杯NZ$5.80、昼食は20ドルだった。", [("NZ$5.80", "NZD", 5.8), ("20ドル", "NZD", 20.0)]),
    ("売上は3億円、40億台湾ドル、7ドルだった。", [("3億円", "JPY", 3e8), ("40億台湾ドル", "TWD", 4e9), ("7ドル", "USD", 7.0)]),
    ("売上高は2兆台湾ドル（約620億ドル）だった。", [("2兆台湾ドル", "TWD", 2e12), ("約620億ドル", "USD", 6.2e10)]),
    # ISO codes that are also words after a number are none
    ("報酬は100 PENと書かれたペンだ。", []),
]


@pytest.mark.parametrize(("text", "expected"), WIDE_BOUNDARIES)
def test_japanese_wide_boundaries(text, expected):
    found = find_money(sentence_of(text), RULES, FX, None)
    assert [(m.surface, m.currency) for m in found] == [(s, c) for s, c, _ in expected]
    assert [m.value for m in found] == [pytest.approx(v, rel=1e-12) for _, _, v in expected]


def test_cldr_gives_a_name_to_most_iso_codes():
    """Every current ISO 4217 currency is readable by its CLDR name, and the skipped codes are not."""
    names, symbols = cldr_currency_words(MoneyFile.model_validate(MONEY_YAML).cldr_currency_names)
    codes = set(names.values())
    assert {"THB", "NGN", "IDR", "SAR", "AED", "CHF", "VND", "ZAR", "KES", "PEN", "UZS"} <= codes
    assert len(codes) > 200
    assert not codes & {"XAU", "XAG", "XPT", "XTS", "XXX"}
    assert "金" not in names and "銀" not in names
    assert {symbols.get("HK$"), symbols.get("NT$"), symbols.get("₩")} == {"HKD", "TWD", "KRW"}
    assert "元" not in symbols  # CLDR's symbol for CNY holds no currency sign: not a prefix


def _not_money_lines() -> list[str]:
    lines = NOT_MONEY.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_not_money_file_is_substantial():
    assert len(_not_money_lines()) >= 25


@pytest.mark.parametrize("text", _not_money_lines())
def test_not_money(text):
    assert find_money(sentence_of(text), RULES, FX, None) == []


def _example_cases() -> list[tuple[str, list, list]]:
    return [(example["text"], example.get("finds", []), example.get("not", []))
            for example in MONEY_YAML["examples"]]


@pytest.mark.parametrize(("text", "finds", "not_found"), _example_cases())
def test_money_yaml_examples(text, finds, not_found):
    found = find_money(sentence_of(text), RULES, FX, None)
    assert [m.surface for m in found] == [expected["surface"] for expected in finds]
    for match, expected in zip(found, finds):
        assert match.currency == expected["currency"]
        assert match.qualifier == expected["qualifier"]
        if expected.get("value") is None:
            assert match.value is None
        else:
            assert match.value == pytest.approx(float(expected["value"]), rel=1e-9)
    surfaces = {m.surface for m in found}
    for surface in not_found:
        assert not any(surface in found_surface for found_surface in surfaces)


# -- numerals written every way parse back to themselves ---------------------------------------

_KANJI_DIGITS = "〇一二三四五六七八九"


def _kanji_below_10000(number: int) -> str:
    """Kanji for 1..9999 the way prose writes it: 三千五十, 千二百, 十一."""
    text = ""
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit = number // unit_value % 10
        if digit:
            text += ("" if digit == 1 else _KANJI_DIGITS[digit]) + unit
    return text + (_KANJI_DIGITS[number % 10] if number % 10 else "")


def _grouped(number: int, write_group) -> str:
    """``number`` as groups of four digits joined by 京/兆/億/万, each group written by ``write_group``."""
    text = ""
    for power, unit in ((16, "京"), (12, "兆"), (8, "億"), (4, "万"), (0, "")):
        group = number // 10**power % 10**4
        if group:
            text += write_group(group) + unit
    return text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**16))
def test_kanji_numerals_round_trip(number):
    text = f"投資額は{_grouped(number, _kanji_below_10000)}ドルだった。"
    (match,) = find_money(sentence_of(text), RULES, FX, None)
    assert match.currency == "USD"
    assert match.value == float(number)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**16), st.booleans())
def test_mixed_numerals_round_trip(number, commas):
    write_group = (lambda group: f"{group:,}") if commas else str
    text = f"投資額は{_grouped(number, write_group)}ドルだった。"
    (match,) = find_money(sentence_of(text), RULES, FX, None)
    assert match.currency == "USD"
    assert match.value == float(number)


def _mixed_below_10000(number: int) -> str:
    """1..9999 with arabic digits before 千/百/十, as some posts write them: 2千5百, 3百, 1千20."""
    text, rest = "", number
    for unit_value, unit in ((1000, "千"), (100, "百")):
        digit, rest = divmod(rest, unit_value)
        if digit:
            text += f"{digit}{unit}"
    return text + (str(rest) if rest else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**16), st.sampled_from(["", " ", "\u3000"]))
def test_numerals_with_arabic_small_units_and_spaces_round_trip(number, space):
    numeral = _grouped(number, _mixed_below_10000)
    spaced = "".join(f"{space}{ch}{space}" if ch in "万億兆京" else ch for ch in numeral).strip()
    text = f"投資額は{spaced}円だった。"
    (match,) = find_money(sentence_of(text), RULES, FX, None)
    assert match.currency == "JPY"
    assert match.value == float(number)


# -- robustness --------------------------------------------------------------------------------

@pytest.mark.parametrize("noise", [
    "1" * 300_000,
    "1" * 300_000 + "ドル",
    "一二三四五六七八九十百千万億" * 20_000 + "円",
    "1,000" * 60_000 + "円",
    "1-2-" * 75_000 + "ドル",
    "約" * 300_000 + "円",
    "1億から" * 75_000 + "円",
    "5千" * 60_000 + "円",
    "1 万 " * 30_000 + "円",
    "2ドル3セント" * 5_000,
    "$1$" * 10_000,
    "\\\\1" * 60_000 + "円",
])
def test_long_runs_of_digits_and_cues_stay_consistent(noise):
    """Pathological lines (no catastrophic backtracking): every match is a real slice of the text."""
    for match in find_money(sentence_of(noise), RULES, FX, None):
        assert noise[match.start:match.end] == match.surface
        assert match.end - match.start < 100


# -- loading the rules -------------------------------------------------------------------------

def _without(key: str) -> dict:
    section = copy.deepcopy(MONEY_YAML)
    del section[key]
    return section


def _with(key: str, value) -> dict:
    section = copy.deepcopy(MONEY_YAML)
    section[key] = value
    return section


@pytest.mark.parametrize(("section", "named"), [
    (_without("currencies"), "currencies"),
    (_without("qualifiers"), "qualifiers"),
    (_without("vague_numbers"), "vague_numbers"),
    (_with("currencies", ["ドル"]), "currencies"),
    (_with("currencies", {"dollar": ["ドル"]}), "currencies"),
    (_with("weak_currencies", "元"), "weak_currencies"),
    (_with("scale_words", {"billion": "many"}), "scale_words"),
    (_with("qualifiers", {"roughly": {"before": ["約"]}}), "qualifiers"),
    (_with("range_separators", {"symbols": ["～"]}), "words"),
    (_with("vague_numbers", {"数": [10, 1]}), "vague_numbers"),
    (_with("currency_symbols", {"USD": ["$"]}), "currency_symbols"),
    (_without("cldr_currency_names"), "cldr_currency_names"),
    (_with("cldr_currency_names", {"locale": "xx-nowhere", "space_written_as": [""]}), "locale"),
    (_with("cldr_currency_names", {"locale": "ja", "skip": ["gold"], "space_written_as": [""]}), "skip"),
    (_with("minor_units", {"USD": {"セント": 1}}), "minor_units"),
    (_with("minor_units", {"USD": {"セント": 0.01}}), "minor_units"),
    (_with("minor_currencies", {"USD": ["ペンス"]}), "minor_currencies"),
    (_with("weak_currency_prefixes", ["#"]), "weak_currency_prefixes"),
    (_with("kanji_word_currencies", ["両"]), "kanji_word_currencies"),
])
def test_bad_money_rules_name_the_key(section, named):
    problems = rule_problems("money", section)
    assert problems and any(named in problem for problem in problems), problems


def test_money_rules_read_no_source_or_examples():
    section = copy.deepcopy(MONEY_YAML)
    section["source"] = "anything"
    section["examples"] = []
    assert not rule_problems("money", section)
    assert find_money(sentence_of("360億ドル"), compile_money_rules(MoneyFile.model_validate(section)), FX, None)


# -- conversion to USD -------------------------------------------------------------------------

TABLE = FxTable(units_per_usd={"TWD": {2023: 30.0, 2024: 32.0}})
ECB = CurrencyConverter()  # the package's own rates and lookup, all currencies, no fallbacks
ECB_LAST_DAY = ECB.bounds["USD"].last_date


@pytest.fixture(scope="module")
def last_known_rates() -> CurrencyConverter:
    """The package's own fallback to the last known rate of a day without one, to check ours against."""
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known")


def test_ecb_converts_a_dated_amount_at_the_nearest_earlier_business_day(last_known_rates):
    saturday, friday = datetime.date(2024, 3, 2), datetime.date(2024, 3, 1)
    usd = to_usd(100.0, "EUR", saturday, TABLE)
    assert usd.source == FX_SOURCE_ECB == "ecb"
    euros_per_dollar_on_friday = ECB.convert(1, "USD", "EUR", date=friday)
    assert usd.value == pytest.approx(100 / euros_per_dollar_on_friday, rel=1e-12)
    assert usd.value == pytest.approx(last_known_rates.convert(100, "EUR", "USD", date=saturday), rel=1e-12)


@pytest.mark.parametrize(("currency", "on", "day"), [
    ("JPY", datetime.date(2024, 3, 1), datetime.date(2024, 3, 1)),        # a business day: itself
    ("JPY", datetime.date(2024, 3, 3), datetime.date(2024, 3, 1)),        # Sunday: the Friday before
    ("GBP", datetime.date(2023, 12, 26), datetime.date(2023, 12, 22)),    # Christmas holidays
    ("CNY", datetime.date(2024, 1, 1), datetime.date(2023, 12, 29)),      # New Year's Day
    ("KRW", datetime.date(2024, 4, 1), datetime.date(2024, 3, 28)),       # Good Friday to Easter Monday
    ("EUR", datetime.date(2099, 1, 1), ECB_LAST_DAY),                     # after the file: its last day
    ("EUR", None, ECB_LAST_DAY),                                          # no date: the latest rate
    ("JPY", datetime.date(1990, 5, 1), datetime.date(1999, 1, 4)),        # before the ECB: its first day
    ("RUB", datetime.date(2021, 6, 1), datetime.date(2021, 6, 1)),        # still published then
    ("RUB", datetime.date(2024, 6, 3), None),                             # no longer published
    ("TWD", datetime.date(2024, 6, 3), None),                             # never published
])
def test_ecb_rate_day(currency, on, day, last_known_rates):
    rates = ecb_rates(currency)
    assert (ecb_rate_day(currency, on, rates) if rates is not None else None) == day
    if day is not None and on is not None and on <= ECB_LAST_DAY and on.year >= 1999:
        assert ECB.convert(1, currency, "USD", date=day) == last_known_rates.convert(1, currency, "USD", date=on)


@pytest.mark.parametrize(("amount", "currency", "on", "expected", "source"), [
    (3.2e9, "TWD", datetime.date(2024, 6, 1), 1e8, "fx.yaml"),            # the ECB lacks TWD: rules/fx.yaml
    (3.0e9, "TWD", datetime.date(2023, 1, 1), 1e8, "fx.yaml"),
    (3.2e9, "TWD", datetime.date(2031, 1, 1), 1e8, "fx.yaml"),           # after the table: nearest year
    (3.0e9, "TWD", datetime.date(2001, 1, 1), 1e8, "fx.yaml"),           # before the table: nearest year
    (3.2e9, "TWD", None, 1e8, "fx.yaml"),                                  # no date: latest year
    (5e10, "USD", datetime.date(2024, 3, 3), 5e10, None),
    (5e10, "USD", None, 5e10, None),
    (None, "JPY", datetime.date(2024, 1, 1), None, None),
    (1e6, "XOF", datetime.date(2024, 1, 1), None, None),                  # neither ECB nor table
])
def test_to_usd_falls_back_to_the_rate_table(amount, currency, on, expected, source):
    usd = to_usd(amount, currency, on, TABLE)
    assert usd.source == source
    assert usd.value == (None if expected is None else pytest.approx(expected, rel=1e-9))


def test_a_currency_the_ecb_stopped_publishing_falls_back_to_fx_yaml():
    assert FX_SOURCE_TABLE == "fx.yaml"
    assert to_usd(8.5e9, "RUB", datetime.date(2023, 7, 3), FX).source == "fx.yaml"
    assert to_usd(8.52e9, "RUB", datetime.date(2023, 7, 3), FX).value == pytest.approx(1e8, rel=1e-9)
    assert to_usd(8.5e9, "RUB", datetime.date(2021, 7, 1), FX).source == "ecb"


def test_fx_yaml_holds_only_currencies_the_ecb_does_not_publish():
    for code in FX.units_per_usd:
        assert code not in ECB.currencies or ECB.bounds[code].last_date < ECB_LAST_DAY, code


def test_the_ecb_rates_are_read_once_per_process_and_currency():
    assert ecb_rates("JPY") is ecb_rates("JPY") is not ecb_rates("GBP")
    assert ecb_rates("TWD") is None
    day = datetime.date(2024, 3, 1)
    assert ecb_rates("JPY").convert(1, "JPY", "USD", date=day) == ECB.convert(1, "JPY", "USD", date=day)


def test_find_money_says_where_each_rate_came_from():
    text = "売上は1億円、10億台湾ドル、5ドル、20億ケニア・シリングだった。"
    found = find_money(sentence_of(text), RULES, FX, datetime.date(2024, 3, 2))
    assert [(m.surface, m.fx_source) for m in found] == [
        ("1億円", "ecb"), ("10億台湾ドル", "fx.yaml"), ("5ドル", None), ("20億ケニア・シリング", None)]
    assert found[0].value_usd == pytest.approx(1e8 / ECB.convert(1, "USD", "JPY", date=datetime.date(2024, 3, 1)))
    assert found[2].value_usd == 5.0 and found[3].value_usd is None


@pytest.mark.parametrize(("currency", "year", "low", "high"), [
    ("TWD", 2024, 28, 35), ("SAR", 2024, 3.7, 3.8), ("AED", 2024, 3.6, 3.7), ("RUB", 2024, 60, 110),
])
def test_fx_table_has_plausible_rates(currency, year, low, high):
    by_year = FX.units_per_usd[currency]
    nearest = min(by_year, key=lambda y: abs(y - year))
    assert low < by_year[nearest] < high


@pytest.mark.parametrize(("section", "named"), [
    ({"source": "x"}, "units_per_usd"),
    ({"units_per_usd": {"yen": {2024: 150.0}}}, "units_per_usd"),
    ({"units_per_usd": {"JPY": {2024: -1}}}, "JPY"),
    ({"units_per_usd": {"JPY": {}}}, "JPY"),
    ({"units_per_usd": {"JPY": {2024: 150.0}}, "rates": {}}, "rates"),
])
def test_bad_fx_table_names_the_key(section, named):
    problems = rule_problems("fx", section)
    assert problems and any(named in problem for problem in problems), problems
