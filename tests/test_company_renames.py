"""Renames a history states: the names a company bore are one company, and no other company takes them.

Invented histories, run through the whole per-post step (rules only), as a post of an encyclopedia or news
site tells them.
"""

from __future__ import annotations

import pytest

from conftest import RULES
from extract.models import Post
from extract.process import Extractors, process_post
from extract.rules import load_rules

OPENING = "**北斗音響株式会社**（ほくとおんきょう）は、東京都に本社を置く音響機器メーカーである。\n\n"


@pytest.fixture(scope="module")
def extractors() -> Extractors:
    return Extractors(load_rules(RULES), use_ner=False)


def _ids(extractors: Extractors, body: str) -> dict[str, set[str]]:
    """Each company name the post writes (its legal form left out) -> the company ids found for it."""
    post = Post("history", "history.md", None, None, None, (), (), None, None, body, "")
    ids: dict[str, set[str]] = {}
    for mention in process_post(post, extractors, {"companies"}).companies:
        name = mention.surface.replace("株式会社", "")
        ids.setdefault(name, set()).add(mention.company_id)
    return ids


@pytest.mark.parametrize("body, same, apart", [
    # A history list under an article's opening: the items rename the article's company.
    (OPENING + "- 1931年（昭和6年） - 北斗電蓄製造株式会社として設立。\n- 1950年（昭和25年） - 北斗音響株式会社に商号変更。",
     ["北斗電蓄製造", "北斗音響"], []),
    # An article opening on its name after the legal form (**株式会社X**は), its history founding the company under
    # its first name in the passive (X株式会社が設立される), then renaming it twice.
    ("**株式会社北辰ミュージック**は、東京都に本社を置くレコード会社。\n\n## 沿革\n\n"
     "- 1928年 - 名古屋で北辰蓄音器株式会社が設立される。\n- 1955年 - 北辰レコード株式会社に商号変更。\n"
     "- 2003年 - 株式会社北辰ミュージックに商号変更。", ["北辰蓄音器", "北辰レコード", "北辰ミュージック"], []),
    # The first name in prose, then the new one.
    (OPENING + "1931年に北斗電蓄製造株式会社として設立され、1950年に北斗音響に商号変更した。",
     ["北斗電蓄製造", "北斗音響"], []),
    # From one name to another, the subject named (no opening needed).
    ("2001年に白峰電機株式会社から白峰テクノ株式会社に社名変更した。", ["白峰電機", "白峰テクノ"], []),
    ("北陸映像株式会社は2005年に商号を「北陸ビジョン株式会社」に改めた。", ["北陸映像", "北陸ビジョン"], []),
    # A company bought and then renamed is the one renamed, not the buyer.
    (OPENING + "- 2006年 - 青葉シネマズ株式会社を買収し、翌年に北斗シネマズ株式会社に商号変更。",
     ["青葉シネマズ", "北斗シネマズ"], [("北斗音響", "北斗シネマズ")]),
    # Two companies merging under a new name: the name is neither's alone.
    ("北陸製紙株式会社と越後製紙株式会社が2008年に合併し、北越ペーパー株式会社に商号変更した。",
     [], [("北陸製紙", "北越ペーパー"), ("越後製紙", "北越ペーパー"), ("北陸製紙", "越後製紙")]),
    ("株式会社東邦精機と株式会社西都精機が合併し、東西精機株式会社として設立された。",
     [], [("東邦精機", "東西精機"), ("西都精機", "東西精機")]),
    # A merger's survivor takes the new name; the history's next rename renames that name.
    ("**東雲キャピタル株式会社**は、東京都のリース会社である。\n\n"
     "- 2009年 - 東雲リース株式会社を存続会社として朝霧リーシング株式会社と合併し、東雲アセットリース株式会社に商号変更。\n"
     "- 2016年 - 東雲キャピタル株式会社に商号変更。",
     ["東雲リース", "東雲アセットリース", "東雲キャピタル"], [("朝霧リーシング", "東雲キャピタル")]),
    # A company absorbed is not renamed: the absorbing subject is.
    ("白峰電機株式会社は2012年に南海電子工業株式会社を吸収合併し、白峰テクノ株式会社に商号変更した。",
     ["白峰電機", "白峰テクノ"], [("南海電子工業", "白峰テクノ")]),
    # Another company's subsidiary founded under a name: no name of the article's company.
    (OPENING + "- 2012年 - 赤坂電機工業株式会社の子会社、南海電子工業株式会社として設立。",
     [], [("北斗音響", "南海電子工業"), ("赤坂電機工業", "南海電子工業")]),
    # Another subject renamed (a subsidiary the rules do not find by name, a parent): not the article's company.
    (OPENING + "子会社の北斗データサービスは2015年にホクトタクシー株式会社に社名変更した。",
     [], [("北斗音響", "ホクトタクシー")]),
    (OPENING + "親会社は1989年に南星コミュニケーションズ株式会社に社名を変更した。",
     [], [("北斗音響", "南星コミュニケーションズ")]),
    # The buyer of the article's company (同社) is not renamed by the rename that follows.
    (OPENING + "2010年には南星株式会社が同社を子会社化し、社名を北斗音響株式会社に戻した。",
     [], [("南星", "北斗音響")]),
    # A company founded as a subsidiary, then a name taken by someone the sentence does not say.
    (OPENING + "2001年に株式会社北斗オーディオを設立、2002年に社名を北斗ミュージック株式会社に変更した。",
     [], [("北斗オーディオ", "北斗ミュージック")]),
    # A history's first item founding a company with no founder company named: the article's company's first
    # name; not a subsidiary founded, nor one a company founds.
    (OPENING + "## 沿革\n- 1947年（昭和22年）2月 - 創業者の北斗一郎が北斗電気商会を創業。\n- 1950年 - 株式会社に改組。",
     ["北斗電気商会", "北斗音響"], []),
    (OPENING + "## 沿革\n- 1955年 - 北斗無線株式会社設立。\n- 1962年 - 南星電機を合併し、北斗音響株式会社に商号変更。",
     ["北斗無線", "北斗音響"], []),
    # ... nor one a later item merges into the company (a predecessor).
    (OPENING + "## 沿革\n- 1931年 - 横浜市で南星電業株式会社設立。\n"
     "- 1952年 - 南星電業と明星電機が合併し、北斗音響株式会社が発足。",
     [], [("南星電業", "北斗音響")]),
    # A company bought before a rename took the name, named or not; not the article's company.
    (OPENING + "## 沿革\n- 1950年 - 北斗音響株式会社設立。\n"
     "- 2015年 - 北斗南星電子を完全子会社化し、北斗電子株式会社に商号変更。",
     [], [("北斗音響", "北斗電子")]),
    # A buyer of the company's shares before a rename is not the company renamed.
    (OPENING + "## 沿革\n- 1964年 - 株式会社北斗電業設立。\n"
     "- 2011年 - ミナト・キャピタルが発行済み株式の全てを取得し、北斗音響株式会社に商号変更。",
     ["北斗電業", "北斗音響"], [("ミナト・キャピタル", "北斗音響")]),
    (OPENING + "## 沿革\n- 1962年 - 販売子会社として株式会社ホクト販売を設立。", [], [("北斗音響", "ホクト販売")]),
    # ... nor a predecessor, where a later item founds the article's company itself.
    (OPENING + "## 沿革\n- 1947年 - 北斗一郎が北斗電気商会を創業。\n- 1950年 - 北斗音響株式会社設立。",
     [], [("北斗電気商会", "北斗音響")]),
    (OPENING + "## 沿革\n- 1962年 - 南星株式会社が株式会社ホクト販売を設立。",
     [], [("北斗音響", "ホクト販売"), ("南星", "ホクト販売")]),
    # Reorganised under a new name (信用組合 to 信用金庫) is renamed.
    ("**北嶺信用金庫**は、北海道の信用金庫である。\n\n- 1925年 - 北嶺市街信用組合として設立。\n"
     "- 1951年 - 信用金庫法の施行により北嶺市街信用金庫に改組。\n- 1968年 - 北嶺信用金庫に改称。",
     ["北嶺市街信用組合", "北嶺市街信用金庫", "北嶺信用金庫"], []),
    # A history under a heading naming one company alone (### トミナガ) is that company's, not the article's.
    ("**株式会社ホクトトミナガ**は、東京都の玩具メーカー。\n\n## 沿革\n### トミナガ\n"
     "- 1924年 - 富永一郎が東京で富永玩具製作所を創業。\n- 1963年 - トミナガ工業株式会社に商号変更。\n"
     "- 1995年 - 株式会社トミナガに商号変更。\n### ホクト\n- 1955年 - 株式会社ホクト玩具を設立。",
     ["富永玩具製作所", "トミナガ工業", "トミナガ"], [("トミナガ", "ホクト玩具")]),
    # A history opening on the trade the company grew from, founded as a name with a place between
    # (Yとして沼津で創業), then founding the company in its second item and renaming it to its name now.
    ("**富士宮食品工業株式会社**は、静岡県の食品メーカー。\n\n## 沿革\n\n- 1921年 - 杉山商店として沼津で創業。\n"
     "- 1948年 - 富士宮食品株式会社を設立。\n- 1983年 - 富士宮食品工業株式会社に商号変更。",
     ["杉山商店", "富士宮食品", "富士宮食品工業"], []),
    # Not a company the second item founds after a first item founding another (a subsidiary).
    (OPENING + "- 1947年 - 杉山兄弟が北斗電蓄製造株式会社を設立。\n- 1970年 - 精密機器のミナト精工を設立。",
     ["北斗電蓄製造", "北斗音響"], [("ミナト精工", "北斗音響")]),
    # A sub-heading naming what no rule finds (### サクラ) heads another company's history: its renames are not the
    # article's company's.
    ("**ミナト電機株式会社**は、東京都に本社を置く電機メーカー。2006年に青葉工業を吸収合併した。\n\n## 沿革\n\n"
     "### サクラ\n\n- 1958年 - 桜井樹脂工業所を設立。\n- 1969年 - 青葉工業に商号変更。", [],
     [("ミナト電機", "青葉工業")]),
    # A listed company's former name, written in a rename, is the listed company.
    ("北辰精機株式会社は1984年にマツダ株式会社へ社名変更した。", ["北辰精機", "マツダ"], []),
])
def test_a_rename_joins_the_names_of_the_company_renamed(extractors: Extractors, body: str, same: list[str],
                                                         apart: list[tuple[str, str]]) -> None:
    ids = _ids(extractors, body)
    assert all(len(ids[name]) == 1 for name in same), ids
    assert len({company_id for name in same for company_id in ids[name]}) <= 1, ids
    for first, second in apart:
        assert ids[first].isdisjoint(ids[second]), (first, second, ids)


def test_a_renamed_company_takes_the_listed_id_and_keeps_its_new_name(extractors: Extractors) -> None:
    """The names joined take the listed company's id where one is listed, else the newest name's."""
    ids = _ids(extractors, "北辰精機株式会社は1984年にマツダ株式会社へ社名変更した。")
    assert ids["北辰精機"] == {"mazda-motor"}
    ids = _ids(extractors, OPENING + "- 1931年 - 北斗電蓄製造株式会社として設立。\n- 1950年 - 北斗ラジオ株式会社に商号変更。\n"
                                     "- 1970年 - 北斗音響株式会社に商号変更。")
    assert ids["北斗電蓄製造"] == ids["北斗ラジオ"] == {"x-北斗音響"}


def test_an_article_name_glossed_with_a_listed_english_name_is_the_listed_company(extractors: Extractors) -> None:
    """The bold name an encyclopedia article opens on, no list holding it, is the company its English name under
    a label is, where a list holds that one, also with more in the brackets after it (、通称：…)."""
    ids = _ids(extractors, "**インフォシス・テクノロジーズ**（英: Infosys Ltd.、通称：インフォシス）はIT企業である。")
    assert ids["インフォシス・テクノロジーズ"] == ids["Infosys Ltd."] == {"infosys"}


def test_a_name_a_release_defines_with_sha_stands_for_the_company_with_or_without_it(extractors: Extractors) -> None:
    """以下「フェルトホーフェン社」: the company a pattern reads inside the definition and the name without its 社
    later are the company defined, not companies of their own."""
    body = ("当社は、オランダのVeldhoven Sensors B.V.（以下「フェルトホーフェン社」といいます。）と販売店契約を"
            "結んでいます。フェルトホーフェンは1950年創業の老舗です。")
    ids = _ids(extractors, body)
    assert ids["フェルトホーフェン"] == ids["Veldhoven Sensors B.V."], ids
