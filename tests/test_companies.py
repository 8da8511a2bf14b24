"""Company matching on token boundaries, longest match, stop-lists, context aliases and patterns."""

from __future__ import annotations

import pytest

from conftest import RULES
from extract.names import derived_company_id
from extract.normalize.companies import CompanyRecognizer
from extract.rules import load_rules
from extract.segment import split_sentences
from extract.tokenize import tokenize_sentence


@pytest.fixture(scope="module")
def recognizer() -> CompanyRecognizer:
    return CompanyRecognizer(load_rules(RULES))


def companies(recognizer: CompanyRecognizer, body: str) -> list[tuple[str, str]]:
    sentences = split_sentences(body)
    mentions = recognizer.find(sentences, [tokenize_sentence(s) for s in sentences])
    for mention in mentions:
        assert body[mention.start:mention.end] == mention.surface
    return [(m.surface, m.company_id) for m in mentions]


@pytest.mark.parametrize("body, expected", [
    ("AWSとOpenAIが提携した。", [("AWS", "amazon-web-services"), ("OpenAI", "openai")]),
    ("マイクロソフトとグーグルとエヌビディア。", [("マイクロソフト", "microsoft"), ("グーグル", "google"),
                                          ("エヌビディア", "nvidia")]),
    ("Amazon Web Servicesが発表。", [("Amazon Web Services", "amazon-web-services")]),
    ("ＡＷＳ　が発表。", [("ＡＷＳ", "amazon-web-services")]),
    ("AWSomeという単語。", []),
    # An exchange's market written after its legal name is no part of it.
    ("株式は株式会社東京証券取引所スタンダード市場に上場している。", [("東京証券取引所", "tokyo-stock-exchange")]),
    # A group named after a listed company is that company.
    ("オランダのネビウス・グループと契約した。", [("ネビウス・グループ", "nebius")]),
    ("AzureとSageMakerを比べた。", []),
    # A product named after its maker: the maker is the company, the product is not.
    ("Google CloudとAmazon Bedrockを比べた。", [("Google", "google"), ("Amazon", "amazon")]),
    ("ChatGPTとClaudeとGeminiを使う。", []),
    ("スタートアップとハイパースケーラーと米政府。", []),
    ("マイクロソフト（MS）はMSの戦略を示した。", [("マイクロソフト", "microsoft"), ("MS", "microsoft"),
                                           ("MS", "microsoft")]),
    ("MSの戦略は不明だ。", []),
    ("NTTデータグループとソフトバンクグループ。", [("NTTデータグループ", "ntt-data-group"),
                                          ("ソフトバンクグループ", "softbank-group")]),
    # A listed name inside a person's name is none (a family name before a given name, one after a given
    # name and a middle dot); a list of names joined with middle dots still is.
    ("出光佐三が創業した出光興産。", [("出光興産", "idemitsu-kosan")]),
    ("ヘンリー・フォードはフォードの創業者だ。", [("フォード", "ford")]),
    ("トヨタ・ホンダの2社。", [("トヨタ", "toyota-motor"), ("ホンダ", "honda-motor")]),
    # A name in brackets glossed with its own abbreviation is the company, not an exchange before a ticker.
    ("受託製造（Intel Foundry Services: IFS）も手掛ける。", [("Intel Foundry Services", "intel-foundry")]),
    # 日本 before a listed name and a Japanese legal form after it: the global company's unit in Japan, a company
    # of its own; 日本の before it, or no legal form after it, leaves the listed company.
    ("日本AMD株式会社が出展した。", [("日本AMD", "x-日本amd")]),
    ("日本のAMDファンが集まった。", [("AMD", "amd")]),
    # An abbreviation glossing a technical term is that term, not the broadcaster it spells (products.yaml).
    ("畳み込みニューラルネットワーク（CNN）で画像を分類し、CNNベースの手法と比べた。米CNNが報じた。",
     [("CNN", "cnn")]),
    # A listed katakana name is found with or without the middle dots between its words.
    ("ゴールドマンサックスが助言し、スクウェアエニックスが応じた。",
     [("ゴールドマンサックス", "goldman-sachs"), ("スクウェアエニックス", "square-enix")]),
])
def test_companies(recognizer: CompanyRecognizer, body: str, expected: list[tuple[str, str]]) -> None:
    assert companies(recognizer, body) == expected


@pytest.mark.parametrize("body, name", [
    ("株式会社ゼファーロジックは新製品を発表した。", "ゼファーロジック"),
    ("ゼファーロジック株式会社が発表した。", "ゼファーロジック"),
    ("Zephyrlogic社のモデル。", "Zephyrlogic"),
    ("Zephyrlogic Inc.が買収された。", "Zephyrlogic"),
])
def test_pattern_rules_find_unlisted_companies_with_a_stable_id(recognizer: CompanyRecognizer, body: str,
                                                                 name: str) -> None:
    assert companies(recognizer, body) == [(name, derived_company_id(name))]


def test_derived_ids_are_stable_across_spellings() -> None:
    assert derived_company_id("Zephyrlogic") == derived_company_id("ＺＥＰＨＹＲＬＯＧＩＣ") == "x-zephyrlogic"


def test_a_listed_name_written_with_a_space_between_japanese_words_is_found(recognizer: CompanyRecognizer) -> None:
    """Japanese names hold no spaces: パナソニック ホールディングス is the listed パナソニックホールディングス."""
    assert companies(recognizer, "パナソニック ホールディングスとジャフコ グループが提携した。") == [
        ("パナソニック ホールディングス", "panasonic-holdings"), ("ジャフコ グループ", "jafco-group")]


@pytest.mark.parametrize("body", ["同社と他社と3社と各社。", "パートナー社とベンダー社。", "AI社が。"])
def test_generic_words_before_sha_are_not_companies(recognizer: CompanyRecognizer, body: str) -> None:
    assert companies(recognizer, body) == []


def test_subsidiary_carries_its_parent(recognizer: CompanyRecognizer) -> None:
    sentences = split_sentences("AWSが発表した。")
    (mention,) = recognizer.find(sentences, [tokenize_sentence(s) for s in sentences])
    assert (mention.name, mention.parent_id, mention.source) == ("Amazon Web Services", "amazon", "rule")


@pytest.mark.parametrize("body, expected", [
    # A listed name that needs context (シャープ, ライオン, サンライズ) is the company where the sentence writes it
    # doing what only a company does (company_patterns.yaml's deeds): the topic of a sentence with a deed in it,
    ("シャープは、1912年に東京で創業した。", [("シャープ", "sharp")]),
    ("2001年、ライオンは千葉県に新しい工場を建設した。", [("ライオン", "lion")]),
    # the subject marked with が close before a deed, credited with a work,
    ("本作はハドソンが開発し、翌年に発売された。", [("ハドソン", "hudson-soft")]),
    ("開発はハドソンが担当した。", [("ハドソン", "hudson-soft")]),
    ("アニメーション制作はサンライズ、音楽は別の会社が手がけた。", [("サンライズ", "bandai-namco-filmworks")]),
    # the maker of a thing, or the owner of what only a company has.
    ("画面はシャープ製の液晶だった。", [("シャープ", "sharp")]),
    ("カゴメの前身は小さな農園だった。", [("カゴメ", "kagome")]),
    ("ソニーはシャープの亀山工場を借りる方向だ。", [("ソニー", "sony-group"), ("シャープ", "sharp")]),
    ("ライオンの小田原工場が稼働した。", [("ライオン", "lion")]),
    # listed as an example of a kind of company.
    ("イオンなどの総合スーパーが値下げした。", [("イオン", "aeon")]),
    ("シャープといったメーカーが参入した。", [("シャープ", "sharp")]),
    # Not an ordinary word with no deed, nor a deed word inside a longer one (開発者), nor a name glued to a
    # longer one or going on (M3 Max, AI-X, ハドソン川).
    ("ライオンは群れで狩りをする。", []),
    ("Apolloの関連事業を分社する。", []),
    ("イオンなどの粒子が飛ぶ。", []),
    ("ライオンは、動物園の開発者に人気がある。", []),
    ("開発はハドソン川の近くで進む。", []),
    ("M3 Maxは2024年に発売された。", []),
    ("AI-Xは社内で開発された。", []),
    # kanji written on to a katakana name make it the end of a longer word, but a country before it does not.
    ("客船は白浜ハドソンが運営している。", []),
    ("米ハドソンが開発し、翌年に発売された。", [("ハドソン", "hudson-soft")]),
])
def test_a_context_alias_doing_what_only_a_company_does_is_the_company(recognizer: CompanyRecognizer, body: str,
                                                                       expected: list[tuple[str, str]]) -> None:
    assert companies(recognizer, body) == expected


@pytest.mark.parametrize("body, expected", [
    # A short name in Japanese script that begins a listed name the post wrote before, a sector word, company
    # word or legal form going on from it, is that company (news shortens 大和証券グループ本社 to 大和), whatever
    # other company a list gives the short name to;
    ("大和証券グループ本社は新会社を作った。大和は同社の商品を売る。",
     [("大和証券グループ本社", "daiwa-securities-group"), ("大和", "daiwa-securities-group")]),
    # not where the long name goes on otherwise (a merger, a unit), nor inside another name.
    ("スクウェア・エニックスは大きい。スクウェアは昔の会社だ。", [("スクウェア・エニックス", "square-enix")]),
    ("イオンモール株式会社が開業した。イオンは店を作る。", [("イオンモール", "aeon-mall")]),
    ("阪急電鉄の路線が延びた。阪急うめだ本店が開業した。", [("阪急電鉄", "hankyu-corporation")]),
])
def test_a_short_form_of_a_listed_name_the_post_wrote_is_that_company(recognizer: CompanyRecognizer, body: str,
                                                                      expected: list[tuple[str, str]]) -> None:
    assert companies(recognizer, body) == expected


@pytest.mark.parametrize("body, expected", [
    # A listed name that needs context (Wiz, Lambda) is the company where the sentence writes it as a
    # party of a deal: object, owner, partner or receiver of a company-only trigger, or a subject before one.
    ("Googleがサイバーセキュリティ企業Wizを約300億ドルで買収する。", [("Google", "google"), ("Wiz", "wiz")]),
    ("Wizの買収は大きい。", [("Wiz", "wiz")]),
    ("ラムダに出資した。", [("ラムダ", "lambda")]),
    ("Lambda、NVIDIAと数十億ドル規模のGPU契約を締結", [("Lambda", "lambda"), ("NVIDIA", "nvidia")]),
    ("GMが出資するCruiseが走る。", [("GM", "general-motors"), ("Cruise", "cruise")]),
    # Or written right after a noun for a company, with or without の, as a whole name.
    ("自動運転企業Cruiseは走行を止めた。", [("Cruise", "cruise")]),
    ("スタートアップのWizが注目された。", [("Wiz", "wiz")]),
    ("企業Cruiseship計画", []),
    # Or listed right beside a company, as a whole name.
    ("WaymoやCruiseが先行する。", [("Waymo", "waymo"), ("Cruise", "cruise")]),
    ("General CatalystやSquare PegといったVCが出資した。", [("General Catalyst", "general-catalyst")]),
    ("NTT、AIデータ分析を高速化", [("NTT", "ntt")]),
    # Or the source of a report: the outlet.
    ("Bloombergが報じた。WSJによると、FTも伝えた。", [("Bloomberg", "bloomberg"), ("WSJ", "wall-street-journal")]),
    ("Bloomberg氏が語り、日経平均は上がった。", []),
    # Elsewhere it needs the post to name the company, or a legal form after it.
    ("Wizは便利な言葉だ。", []),
    ("Cruiseは船旅のことだ。", []),
    # メタ is Meta only in context (米メタ, a headline's subject), never in メタバース, メタデータ or メタ認知.
    ("米メタはScale AIに出資した。", [("メタ", "meta"), ("Scale AI", "scale-ai")]),
    # (with a noun of its kin after it: 米アルファベット傘下)
    ("米アルファベット傘下のグーグルが発表した。", [("アルファベット", "alphabet"), ("グーグル", "google")]),
    ("アルファベット順に並べる。", []),
    # (or opening a sentence that quotes what it says)
    ("イオンは「現時点で決まったことはない」としている。", [("イオン", "aeon")]),
    ("メタバースとメタデータとメタ認知の話。", []),
    ("LambdaでAPIを作り、S3と連携させる。", []),
    ("Lambdaは関数を動かす。", []),
])
def test_a_context_alias_written_as_a_deals_party_is_the_company(recognizer: CompanyRecognizer, body: str,
                                                                 expected: list[tuple[str, str]]) -> None:
    assert companies(recognizer, body) == expected


@pytest.mark.parametrize("body, expected", [
    # A product written as the actor of a relation stands for its maker (products.yaml's makers), on its name.
    ("AzureはOpenAIとの連携を深めた。", [("Azure", "microsoft"), ("OpenAI", "openai")]),
    ("OCI、NVIDIAと提携", [("OCI", "oracle"), ("NVIDIA", "nvidia")]),
    # Used, compared or named without a trigger, it stays no company; named after its maker, the maker is found.
    ("AzureでGPT-4oを使い、OpenAIの回答と比べた。", [("OpenAI", "openai")]),
    ("Geminiは便利だ。", []),
    ("Microsoft AzureはOpenAIとの連携を深めた。", [("Microsoft", "microsoft"), ("OpenAI", "openai")]),
    # The end of a longer product's name (Zephyr Industrial Copilot) is no product acting for its maker.
    ("**Zephyr Industrial Copilot**は、NTTと共同開発した。", [("NTT", "ntt")]),
])
def test_a_product_acting_stands_for_its_maker(recognizer: CompanyRecognizer, body: str,
                                               expected: list[tuple[str, str]]) -> None:
    assert companies(recognizer, body) == expected


#: Companies no list names, found by their legal form, sector word or company word: (text, the names
#: found in it, in order). Every name gets the id derived from it. The names and sentences are invented.
UNLISTED_COMPANIES = [
    # The bold name an encyclopedia article opens on, ending in a sector word, whatever its first word.
    ("**大雪信用金庫**（たいせつしんようきんこ）は、北海道の信用金庫である。", ["大雪信用金庫"]),
    # 株式会社X, X株式会社 and the other legal forms, before or after the name.
    ("株式会社ゼファーロジックは新製品を発表した。", ["ゼファーロジック"]),
    ("ゼファーロジック株式会社と提携した。", ["ゼファーロジック"]),
    ("有限会社ゼファーロジックが参入した。", ["ゼファーロジック"]),
    ("ゼファーロジック有限会社が参入した。", ["ゼファーロジック"]),
    ("合同会社クオリアラボの代表社員が語った。", ["クオリアラボ"]),
    ("合資会社北辰商会は老舗だ。", ["北辰商会"]),
    # The old spelling of 株式会社, and the form of mutual insurers.
    ("1934年に株式會社北辰商船が発足した。", ["北辰商船"]),
    ("鷺沼生命保険相互会社は大阪に本社を置く。", ["鷺沼生命保険"]),
    ("（株）ミナミと伊豆（株）と㈱ヴェルデが組んだ。", ["ミナミ", "伊豆", "ヴェルデ"]),
    ("ゼファー(株)は増収だった。", ["ゼファー"]),
    # A kanji name longer than ten characters, a hiragana name, a name followed by 」 or punctuation.
    ("株式会社北辰精密機械工業所は部品を作る。", ["北辰精密機械工業所"]),
    ("北辰精密機械工業所株式会社は部品を作る。", ["北辰精密機械工業所"]),
    ("十勝送配電事業推進機構株式会社が設立された。", ["十勝送配電事業推進機構"]),
    ("株式会社ひまわりは保育事業を営む。", ["ひまわり"]),
    # a Latin name with コーポレーション, as a foreign company is written in katakana text
    ("1999年にNBXコーポレーションと合併した。", ["NBXコーポレーション"]),
    # English plural company words in katakana (a film distributor, an airline)
    ("大和ピクチャーズが新作を配給する。", ["大和ピクチャーズ"]),
    ("ミシガン・エアラインズが就航した。", ["ミシガン・エアラインズ"]),
    # a Chinese robot maker's name ends in 機器人
    ("深圳の優理機器人が参入した。", ["優理機器人"]),
    # a name that MeCab reads as verbs and particles runs to the bracket, title or particle after it
    ("株式会社ひのくにモビリティ（熊本市）が実証を始めた。", ["ひのくにモビリティ"]),
    ("株式会社ゆいまーるテック代表取締役の山田氏が語った。", ["ゆいまーるテック"]),
    ("株式会社ゆいまーるテックは資金を調達した。", ["ゆいまーるテック"]),
    # (a shop's suffix after の is the name's)
    ("株式会社はなの屋は和菓子を売る。", ["はなの屋"]),
    ("ひまわり株式会社は保育事業を営む。", ["ひまわり"]),
    # (not the の and the kanji word after it; a particle before a comma ends it, whatever MeCab read)
    ("老舗菓子の株式会社みのり堂の傘下に入った。", ["みのり堂"]),
    ("同社は株式会社さざなみ再生ファンドの出資を受けた。", ["さざなみ再生ファンド"]),
    ("株式会社ぎょうせいは、出版物を手掛ける。", ["ぎょうせい"]),
    ("株式会社くじらのせなかは、雑貨を売る。", ["くじらのせなか"]),
    # 乃 and ッ inside an old name
    ("株式会社備前乃国醸造は、見学を受け入れる。", ["備前乃国醸造"]),
    ("株式会社嵯峨野八ッ橋本舗は、菓子を作る。", ["嵯峨野八ッ橋本舗"]),
    ("地元の株式会社サクラノ（金沢市）に出資した。", ["サクラノ"]),
    ("新会社「株式会社きたかぜ堂」が設立された。", ["きたかぜ堂"]),
    ("株式会社ゼファーロジック、株式会社クオリアと提携した。", ["ゼファーロジック", "クオリア"]),
    ("株式会社ゼファーロジック（本社：東京都港区）が発表した。", ["ゼファーロジック"]),
    ("株式会社ゼファーロジック・ジャパンが設立された。", ["ゼファーロジック・ジャパン"]),
    # Latin names with a space, and the words before a name that are not part of it.
    ("株式会社Growth Oneは支援事業を始めた。", ["Growth One"]),
    ("SUPERNOVA社やAI model株式会社に出資した。", ["SUPERNOVA", "AI model"]),
    ("旧ゼファーロジック株式会社の事業を継いだ。", ["ゼファーロジック"]),
    ("米ゼファーロジック株式会社が上場した。", ["ゼファーロジック"]),
    ("同日松江精工株式会社が発表した。", ["松江精工"]),
    # A katakana loanword after kanji nouns says what the company named by them does: the name keeps them.
    ("東雲ファイナンス株式会社は割賦販売を手掛ける。", ["東雲ファイナンス"]),
    ("北辰販売センター株式会社が新聞を配る。", ["北辰販売センター"]),
    ("同日ゼファーロジック株式会社が発表した。", ["ゼファーロジック"]),
    ("同業の南栄重機株式会社を吸収合併した。", ["南栄重機"]),
    # The legal forms of Chinese and Taiwanese companies; a name that holds its seat in brackets is read whole,
    # and other brackets are no part of a name.
    ("中国の上海華鋭機床有限公司と合弁会社を設立した。", ["上海華鋭機床"]),
    ("白百合化粧品股份有限公司は台湾の会社だ。", ["白百合化粧品"]),
    ("大槻華鋭（上海）機床有限公司を設立する。", ["大槻華鋭（上海）機床"]),
    ("- 2015年 – 生産子会社の青葉（蘇州）食品有限公司が稼働した。", ["青葉（蘇州）食品"]),
    ("新工場（予定）有限公司という名はない。", []),
    # A name opening with a word a listed name opens with is read whole (商船 of 商船三井).
    ("商船三井ミナトテック株式会社と商船三井アオバ株式会社を設立した。", ["商船三井ミナトテック", "商船三井アオバ"]),
    # A dash after a name opening in hiragana ends it.
    ("- 株式会社みなとサポート – 清掃を受託する子会社。", ["みなとサポート"]),
    # A store or office vouched for only by the place after it is no company; a trade ending the name keeps it.
    ("- 岐阜店（岐阜市）を開業した。", []),
    ("- 姫路営業所（兵庫県姫路市）を開設した。", []),
    ("- 福田百貨店（福井市）が開業した。", ["福田百貨店"]),
    # Newspapers end in 新聞社, 新報社 or 日報社; a place's paper is not the national one whose name it holds.
    ("小樽新報社と瀬戸内日報社が合併した。", ["小樽新報社", "瀬戸内日報社"]),
    ("函館毎日新聞社が創刊した。", ["函館毎日新聞社"]),
    # The title after a legal form's name is not part of it.
    ("株式会社ゼファーロジック代表取締役社長の山田氏が語った。", ["ゼファーロジック"]),
    ("ゼファーロジック株式会社代表取締役社長の山田氏が語った。", ["ゼファーロジック"]),
    ("株式会社ゼファーロジック 代表取締役 山田太郎", ["ゼファーロジック"]),
    ("株式会社Quillforge COOの佐藤氏が登壇した。", ["Quillforge"]),
    ("株式会社北辰精機製作所代表取締役会長の談話。", ["北辰精機製作所"]),
    ("株式会社ゼファーロジック本社で会見した。", ["ゼファーロジック"]),
    # A generic word the name holds whole does not stop it.
    ("株式会社東北データ基盤研究所は調査を公表した。", ["東北データ基盤研究所"]),
    ("ゼファーベンチャーキャピタル株式会社が出資した。", ["ゼファーベンチャーキャピタル"]),
    # Sector words after a proper noun.
    ("十勝証券が新規公開を主幹事した。", ["十勝証券"]),
    ("琵琶湖電鉄の新線が開業した。", ["琵琶湖電鉄"]),
    ("信州航空は新路線を開設した。", ["信州航空"]),
    ("北陸海運と飛騨工業が提携した。", ["北陸海運", "飛騨工業"]),
    ("高崎重工業の受注が伸びた。", ["高崎重工業"]),
    ("木曽化学と浜松建設が合弁会社を作った。", ["木曽化学", "浜松建設"]),
    ("常磐不動産の社長が交代した。", ["常磐不動産"]),
    ("諏訪自動車は新型車を発表した。", ["諏訪自動車"]),
    ("房総放送と若狭新聞社が提携した。", ["房総放送", "若狭新聞社"]),
    ("出雲通信と蔵王食品が組んだ。", ["出雲通信", "蔵王食品"]),
    ("弘前百貨店の売上が回復した。", ["弘前百貨店"]),
    ("伊豆電力は料金を改定した。", ["伊豆電力"]),
    ("松江銀行と佐世保製作所が融資契約を結んだ。", ["松江銀行", "佐世保製作所"]),
    ("鳥羽商事と能登物産と阿蘇製薬が出資した。", ["鳥羽商事", "能登物産", "阿蘇製薬"]),
    ("岐阜中央銀行は地域経済を支える。", ["岐阜中央銀行"]),
    ("二十五銀行と第九生命が提携した。", ["二十五銀行", "第九生命"]),
    ("韓国のハンビット電子が工場を建てた。", ["ハンビット電子"]),
    ("米国伊豆電力が発電所を建てた。", ["伊豆電力"]),
    ("大手松江銀行が融資した。", ["松江銀行"]),
    ("松江銀行頭取の談話が出た。", ["松江銀行"]),
    ("伊豆電力社長が会見した。", ["伊豆電力"]),
    # English words in katakana that name a company after a proper noun (startups and group companies).
    ("ヒバリフーズは冷凍食品を作る。", ["ヒバリフーズ"]),
    ("信濃エナジーと十勝ダイナミクスが提携した。", ["信濃エナジー", "十勝ダイナミクス"]),
    ("出雲ファーマは新薬を申請した。", ["出雲ファーマ"]),
    ("ソラリス・モビリティは資金を調達した。", ["ソラリス・モビリティ"]),
    # Company words: Xグループ after a proper noun, Xホールディングス.
    ("QRSグループの決算が出た。", ["QRSグループ"]),
    ("ヴェルデ・グループは欧州に進出した。", ["ヴェルデ・グループ"]),
    ("Zephyrlogicグループは再編を進めた。", ["Zephyrlogicグループ"]),
    ("ヴェルデ・グループは著作権侵害で提訴した。", ["ヴェルデ・グループ"]),
    ("クオリアホールディングスは持株会社だ。", ["クオリアホールディングス"]),
    ("親会社の北辰ホールディングスが設立された。", ["北辰ホールディングス"]),
    ("Zephyr Labs Inc.が買収された。", ["Zephyr Labs"]),
    # An ampersand between two words joins them into one name (not Robotics alone).
    ("Zephyr AI & Robotics Corporationが設立された。", ["Zephyr AI & Robotics"]),
    ("ゼファー AI & Robotics株式会社を設立した。", ["ゼファー AI & Robotics"]),
    ("Quillforge & Webb Inc.に出資した。", ["Quillforge & Webb"]),
    # An English article before a name with a legal form is no part of it.
    ("- The Quillforge Ltd.（英国）", ["Quillforge"]),
    # A history line's verb after a name read forwards from its legal form is no part of it.
    ("- 1998年 - 有限会社ミナト電機設立。", ["ミナト電機"]),
    # A firm named for its founders and partners keeps its & Co (not a company word alone).
    ("コンサルティング会社のQuillforge & Coが調査を公表した。", ["Quillforge & Co"]),
    ("VCのHarlow & Partnersが出資した。", ["Harlow & Partners"]),
    # The name a company was founded under, grew from or took (company.predecessor, company.former_name_stated).
    ("1952年に山岡無線工業として設立された。", ["山岡無線工業"]),
    ("1896年に創業した松浦組を前身とする。", ["松浦組"]),
    ("浅草で開業した田中洋品店を起源とする企業だ。", ["田中洋品店"]),
    ("同社の旧社名は佐藤精練加工である。", ["佐藤精練加工"]),
    ("1986年にゼファロンへ社名を変更した。", ["ゼファロン"]),
    # ... merged with another (both sides); not a kind of company (日本法人).
    ("1958年、北陽計器と南栄重機が合併した。", ["北陽計器", "南栄重機"]),
    ("同社は日本法人と合併した。", []),
    # Where the context says a name is a company's (founded as, grew from, merged with, counted in companies),
    # a name ending in a sector word may open with any noun.
    ("朝陽製油と合併した。", ["朝陽製油"]),
    ("白鳳印刷を前身とする。", ["白鳳印刷"]),
    # A Latin name of several words is read whole (not Systems of Quarro Systems).
    ("同部門はQuarro Systemsを前身とする。", ["Quarro Systems"]),
    ("1960年にミドリ油脂、ヒカリ製油、朝陽製糖の3社が合併して発足した。", ["ミドリ油脂", "ヒカリ製油", "朝陽製糖"]),
    ("北星銀行（高松市）と南陽銀行（岡山市）の2行は経営統合で合意した。", ["北星銀行", "南陽銀行"]),
    # A name never starts at a long-vowel mark (ー・エナジー of ベイユー・エナジー).
    ("同社は、ベイユー・エナジーの株式を取得する。", ["ベイユー・エナジー"]),
    # One katakana word between a proper noun and its sector word.
    ("出雲ファミリー銀行が発足した。", ["出雲ファミリー銀行"]),
    ("飛騨トラック運輸を傘下に収めた。", ["飛騨トラック運輸"]),
    # A prefix or a hiragana word may stand there too (瀬戸|内|銀行, 土佐みらい銀行).
    ("瀬戸内銀行と阿波ひかり銀行が経営統合する。", ["瀬戸内銀行", "阿波ひかり銀行"]),
    # A region word MeCab reads as a common noun may open the name (中部日本新聞社, not 日本新聞社).
    ("戦時統合で中部日本新聞社が発足した。", ["中部日本新聞社"]),
    ("出羽さくら証券は、来年の上場を目指している。", ["出羽さくら証券"]),
    # Trades of old and regional firms (織物, 染工, 鉄工所, バス).
    ("最盛期には北条織物や丸吉染工などの工場が操業していた。", ["北条織物", "丸吉染工"]),
    ("伊那バスと松山鉄工所が提携した。", ["伊那バス", "松山鉄工所"]),
    # A name followed by the place of its head office in brackets, as business news writes it.
    ("スタートアップのカゼテラス（東京・渋谷）を買収すると発表した。", ["カゼテラス"]),
    ("請求書処理のヒバリペイ（名古屋市）の増資を引き受けた。", ["ヒバリペイ"]),
    ("部品の山岡精密（長野県諏訪市）と提携した。", ["山岡精密"]),
    ("バイオ新興企業サイトジェン（京都市）と提携した。", ["サイトジェン"]),
    ("スタートアップのアドテラス（東京・渋谷）を買収した。", ["アドテラス"]),
    # The brackets end the name: a kanji proper noun and a katakana word before them are one name.
    ("精密部品の丹生ミクロン（大阪府）と提携した。", ["丹生ミクロン"]),
    ("同社は八雲テクノス（東京都港区）を買収した。", ["八雲テクノス"]),
    # An old firm's name: a trade it is named with after any kanji noun, proper or not.
    ("朝霧酒造と丸森製紙が合併した。", ["朝霧酒造", "丸森製紙"]),
    # A legal form before a name in hiragana that MeCab reads as a noun and a particle, or ending in 本店.
    ("（株）ふくやが新商品を発売した。", ["ふくや"]),
    ("株式会社みなみまるとの資本業務提携に関するお知らせ", ["みなみまる"]),
    ("株式会社竹林春秋本店が協力した。", ["竹林春秋本店"]),
    # After the kind of company it is and before its head office's place, a name of any words.
    ("食品スーパーのみなとマート（岡山市）を買収した。", ["みなとマート"]),
    ("化学メーカーのひかり化成（山口県周南市）と提携した。", ["ひかり化成"]),
    ("食品メーカー、北陽食品（札幌市）に出資した。", ["北陽食品"]),
    ("ホームセンターのこだまホーム（宇都宮市）を子会社化した。", ["こだまホーム"]),
    # (the kind marks where the name starts: an everyday noun opening it stays, as 北斗 of 北斗ハウス)
    ("中堅住宅メーカー、北斗ハウス（札幌市）を買収した。", ["北斗ハウス"]),
    ("ゲーム開発会社スタジオ星（東京・中野）の株式を売却した。", ["スタジオ星"]),
    # A head office written with the word 本社 in the brackets vouches for any name (an everyday first word, a
    # letter's name, a hiragana opening), which starts after a particle or a relative clause's verb.
    ("中堅陸運の南栄トランスポート（本社・名古屋市）を買収した。", ["南栄トランスポート"]),
    ("住宅を手がける北斗ホーム（本社・札幌市）を子会社にする。", ["北斗ホーム"]),
    ("物流のベータ運輸（本社・大阪市）に出資した。", ["ベータ運輸"]),
    ("介護施設を運営するそよかぜケア（本社・福岡市）を買収した。", ["そよかぜケア"]),
    # A name whose katakana part MeCab glued to its form in one unknown word, after a proper noun.
    ("同社は日本コンピュートホールディングスにTOBを実施した。", ["日本コンピュートホールディングス"]),
    # A short name of two one-letter words joined by の, as old brewers are named (沢の鶴).
    ("同社は菊の鶴株式会社と組んだ。", ["菊の鶴"]),
    # What a company was founded as, ending in a trade: its everyday first word is of the name (東洋 of 東洋コルク工業).
    ("同社は1920年に東洋ガラス工業として創業した。", ["東洋ガラス工業"]),
    # A counted list of companies: the kind of company written before a name is not of it.
    ("仏ボレアの日本法人ボレア・ジャパンと北陸水力の2社が出資した。", ["ボレア・ジャパン", "北陸水力"]),
    # A foreign name transliterated word by word with ・ after its country, whatever MeCab reads its words as.
    ("米ブルックウェイ・ベンチャー・キャピタルが主導した。", ["ブルックウェイ・ベンチャー・キャピタル"]),
    ("韓国のSKテクノロジー・ベンチャーズも参加した。", ["SKテクノロジー・ベンチャーズ"]),
    # A foreign name transliterated in three words or more joined by ・, with no country before it.
    ("ブライト・ハーバー・パートナーズとノース・リバー・ベンチャーズが主導した。",
     ["ブライト・ハーバー・パートナーズ", "ノース・リバー・ベンチャーズ"]),
    # An investing arm named with its parent's name and a katakana word for what it is.
    ("ミナト・インベストメンツとホクト・グロース・ファンドも参加した。", ["ミナト・インベストメンツ", "ホクト・グロース・ファンド"]),
    # A company's new name right after the words saying which name it changed from.
    ("北陽精機から社名を変えたミナトクロスが発表した。", ["北陽精機", "ミナトクロス"]),
    # A joint venture's or new company's name right after the noun introducing it, whatever its words.
    ("両社は合弁会社ミナト・アオバメディカルを設立した。", ["ミナト・アオバメディカル"]),
    ("両社は新会社「コミックブリッジ」を設立する。", ["コミックブリッジ"]),
    # A group company named with a katakana English word for its trade.
    ("松島インダストリアルプロダクツを売却した。", ["松島インダストリアルプロダクツ"]),
    # A foreign name with its company word set off by a middle dot, one word MeCab does not know.
    ("スウェーデンのクヴァルネビー・グループはゲーム会社を買った。", ["クヴァルネビー・グループ"]),
    # A press release's opening names its company whole, hiragana and particles too.
    ("株式会社ことのはAI（本社：東京都渋谷区、代表取締役：井上 美咲）は、新サービスを始めた。", ["ことのはAI"]),
    ("株式会社はやて銀行（本社：福岡県福岡市）は、新会社を設けた。", ["はやて銀行"]),
    # A hiragana name read forwards ends at a particle after a kanji word, or at Markdown's bold mark.
    ("株式会社ひまわり銀行との経営統合を発表した。", ["ひまわり銀行"]),
    ("**株式会社ひのくにモビリティ**は、熊本のバス会社である。", ["ひのくにモビリティ"]),
    # A kana name read forwards goes on past や before a katakana word (a shop's 屋).
    ("会社名　株式会社さくらやストア", ["さくらやストア"]),
    # A name read backwards opens with the hiragana before it at a break, however MeCab reads it (not また).
    ("ながさき物流株式会社は、物流会社である。", ["ながさき物流"]),
    ("とやまグリーン商事は、商社である。", ["とやまグリーン商事"]),
    ("また十勝新聞輸送株式会社は、配送会社である。", ["十勝新聞輸送"]),
    # A one-letter country word after a kanji word is a letter of the name (北中リース), not a country before it.
    ("西中リース株式会社は、リース会社である。", ["西中リース"]),
    # Katakana words joined with ・ between the proper noun and the sector word, however MeCab cuts them; a
    # securities exchange.
    ("東北トラスティ・サービス信託銀行が株式を管理する。", ["東北トラスティ・サービス信託銀行"]),
    ("1950年に十勝証券取引所に上場した。", ["十勝証券取引所"]),
    # A Latin name of five words before its legal form; Vietnamese and Malaysian forms.
    ("合弁会社Hokushin Frozen Foods Logistics Vietnam Co., Ltd.を設立した。", ["Hokushin Frozen Foods Logistics Vietnam"]),
    ("Mekong Seafood Processing Joint Stock Companyと提携した。", ["Mekong Seafood Processing"]),
    ("Kelana Food Industries Sdn. Bhd.を買収した。", ["Kelana Food Industries"]),
    ("Northwind Corporation Malaysia Berhadが申請を受け付ける。", ["Northwind Corporation Malaysia"]),
    # A name written with its legal form is a company whatever place word it ends in.
    ("株式会社ハルカゼパークに事業を承継させる。", ["ハルカゼパーク"]),
    # Incorporated is a legal form written out.
    ("Zephyr Robotics Incorporatedと提携した。", ["Zephyr Robotics"]),
    # A list closed by examples of a kind of company vouches for each name, in backticks too.
    ("導入は`Quillmark`、`Brevo Point`、`TALQ`といった販売代理店各社が担う。", ["Quillmark", "Brevo Point", "TALQ"]),
    ("Harrowline、Vesperaなどの新興企業が台頭した。", ["Harrowline", "Vespera"]),
    # A noun that stands as an adverb (それぞれ) before a name is none of it.
    ("両金庫は、それぞれ房総中央信用金庫、飛騨信用金庫に改組した。", ["房総中央信用金庫", "飛騨信用金庫"]),
    # A name news writes after its country may close an open list (英Xなど).
    ("買収には英Vesperline Partnersなどが名乗りを上げた。", ["Vesperline Partners"]),
    # A kanji of one character MeCab cuts from the first word of a name read back from its legal form is the name's.
    ("当社は、阪北電鉄株式会社との間で株主間契約を締結した。", ["阪北電鉄"]),
    ("台湾の大手、友恒実業集団が株式の96%を取得した。友栄電機は新工場を建てた。", ["友恒実業集団", "友栄電機"]),
    # Partners after a Latin name makes it a company (an investment firm), as Capital does.
    ("出資者にはHarrowline Partnersが名を連ねる。", ["Harrowline Partners"]),
    # A legal form before a short listed name that goes on writes the longer name (株式会社MS of 株式会社MSホールディングス).
    ("株式会社MSホールディングスは、公開買付けを開始する。", ["MSホールディングス"]),
    # The verb of an English headline in title case after a name is none of it.
    ("### Harrowline Capital Raises $40M Series B", ["Harrowline Capital"]),
    ("### Quillmark Labs Acquires Brevo Point", ["Quillmark Labs"]),
]


@pytest.mark.parametrize("body, names", UNLISTED_COMPANIES)
def test_unlisted_companies_by_legal_form_sector_and_company_word(recognizer: CompanyRecognizer, body: str,
                                                                    names: list[str]) -> None:
    assert companies(recognizer, body) == [(name, derived_company_id(name)) for name in names]


#: Text in which a pattern's form is found and no company is: (text, surfaces that must not be found).
NOT_COMPANIES = [
    # An article on a kind of company opens on no company.
    ("**地方銀行**（ちほうぎんこう）は、銀行の一種である。", ["地方銀行"]),
    # A listed name with a hyphen and a number after it names a model or a band, not the company.
    ("同社はAWS-4帯の免許を取得した。", ["AWS", "AWS-4"]),
    # A political party merged with is no company.
    ("1955年に日本社会党と合併した。", ["日本社会党"]),
    # A joint company's noun before a word of what is done with it names no company.
    ("両社は合弁会社の設立で合意し、新会社設立を急ぐ。", ["設立", "の設立"]),
    # Titles and roles after a legal form are not a company (the form closes the name before it).
    ("テンストレントジャパン株式会社 事業開発担当の水谷氏が語った。", ["事業開発担当"]),
    ("ソフトバンク株式会社代表取締役社長の談話。", ["代表取締役社長", "代表取締役社長の談話"]),
    # A legal form in running text.
    ("株式会社の設立が相次いだ。", []),
    ("株式会社化を進めた。", []),
    ("株式会社組織に改めた。", []),
    ("株式会社設立の手続きを終えた。", ["設立"]),
    # Loops and generic groups: グループ inside another word, or after an everyday word.
    ("レンダリングループを最適化した。", ["レンダリングループ", "レンダリン"]),
    ("トレーニングループとデバッグループを分けた。", ["トレーニングループ", "デバッグループ"]),
    ("セキュリティグループの設定を誤った。", ["セキュリティグループ"]),
    ("ワークグループとワーキンググループで議論した。", ["ワークグループ", "ワーキンググループ"]),
    ("ランサムウェアグループが攻撃を続けている。", ["ランサムウェアグループ"]),
    ("米国のメディアグループが提訴した。", ["メディアグループ"]),
    ("Lazarusグループによる攻撃で資金が流出した。", ["Lazarusグループ"]),
    # Sector words after everyday words, or continued by a longer noun.
    ("地方銀行と中央銀行と大手証券の動向。", ["地方銀行", "中央銀行", "大手証券"]),
    ("老舗酒造と大手製紙と近代紡績の歴史。濃口醤油を使う。", ["老舗酒造", "大手製紙", "近代紡績", "濃口醤油"]),
    ("投資銀行と商業銀行とネット銀行が競う。", ["投資銀行", "商業銀行", "ネット銀行"]),
    ("路線バスと高速バスを運行し、衛星を静止軌道に投入した。", ["路線バス", "高速バス", "静止軌道"]),
    ("米自動車大手が値上げした。", ["米自動車"]),
    ("米国自動車業界と伊豆電力業界。", ["米国自動車", "伊豆電力"]),
    ("全国銀行協会と証券業協会。", ["全国銀行", "証券"]),
    ("笠岡工場建設に伴う補助金が出た。", ["笠岡工場建設"]),
    ("xAIメンフィス巨大データセンター建設の計画。", ["xAIメンフィス巨大データセンター建設"]),
    # A listed katakana name with more katakana written on after a middle dot begins a longer name
    # (ハドソン of ハドソン・リッジ・アドバイザーズ).
    ("野村は、米ハドソン・リッジ・アドバイザーズに買収を提案した。", ["ハドソン"]),
    # Such a word after a common noun names a field, not a company.
    ("フードテックとヘルステックの市場が伸びた。", ["フードテック", "ヘルステック"]),
    ("次世代モビリティとグリーンエナジーへの投資。", ["次世代モビリティ", "グリーンエナジー"]),
    # "a Delaware C Corp" is a legal status, not a company called Delaware C.
    ("Quillforge, a Delaware C Corp, raised funds.", ["Delaware C", "Delaware", "C"]),
    # A legal form inside a longer name (a capitalised word follows it with no dot) ends no name.
    ("Northwind Corporation Malaysia Bureauが申請を受け付ける。", ["Northwind"]),
    ("Quillforgeは、Public Benefit Corporationとして活動する。", ["Public Benefit"]),
    # 社 inside another word.
    ("ZEPHYR社会の課題と、ゼファー社長の発言。", ["ZEPHYR", "ゼファー"]),
    # What a company was founded as that is no name: a kind of company, a part of one, a school.
    ("同社は合弁会社として設立された。", ["合弁会社"]),
    ("北辰化学の肥料製造所として発足した。", ["肥料製造所"]),
    ("同社の制作部門を母体として設立された。", ["制作部門"]),
    ("1950年に浜松工業高等専門学校として設立された。", ["浜松工業高等専門学校", "浜松工業"]),
    # A kind of company, a place or a phrase in a context that vouches for a name.
    ("1951年に地方銀行として発足した。", ["地方銀行"]),
    ("相互銀行と信託銀行の2社が提携した。", ["相互銀行", "信託銀行"]),
    ("第三セクター鉄道として開業した。", ["第三セクター鉄道"]),
    ("高瀬ダム建設が始まった。", ["高瀬ダム建設"]),
    ("日本初の営業用電気鉄道を起源とする。", ["営業用電気鉄道"]),
    # A place in brackets after a venue, a university or a plant.
    ("展示会は東京ビッグサイト（東京・江東）で開かれた。", ["東京ビッグサイト"]),
    ("北辰大学（東京都文京区）と協力した。", ["北辰大学"]),
    ("新工場（熊本県）を建設する。", ["新工場"]),
    ("食品メーカーの新工場（熊本県）を建設する。", ["新工場"]),
    ("同社はスタートアップ（東京・港）に出資した。", ["スタートアップ"]),
    # The end of a word in kanji and katakana before a place in brackets is no name of its own.
    ("北斗ハウス（札幌市）を買収した。", ["ハウス"]),
    # A plant written right after its company is no company of its own.
    ("戦艦は三菱重工業函館造船所で建造された。", ["函館造船所"]),
    # Such a word alone may be a term (Connected Industries), no name.
    ("エナジーとコネクテッドインダストリーズの2分野に広げる。", ["コネクテッドインダストリーズ", "コネクテッド"]),
    ("子会社が運営する施設（東京・江東）で開いた。", ["施設", "が運営する施設"]),
    ("同社が建てる研究所（本社・京都市）と協力した。", ["研究所", "が建てる研究所"]),
    # An exchange written with a company's ticker in the brackets after it is where the shares trade.
    ("半導体大手のGlobalFoundries (NYSE: GFS)とNVIDIA（NASDAQ：NVDA）が提携した。", ["NYSE", "NASDAQ"]),
    ("北辰大学（本社・京都市）と協力した。", ["北辰大学"]),
    # A katakana word glued to Latin letters is the end of a longer word, no party's name of its own.
    ("同社は、映画館チェーンのXYZシアターズを買収した。", ["シアターズ"]),
    # Without the ・ of a transliterated name, a country and company words are a kind of company.
    ("米ベンチャーキャピタルが主導し、米ベンチャー・キャピタルも出資した。", ["ベンチャーキャピタル", "ベンチャー・キャピタル"]),
    # A list closed by a kind of company names no company where the kind owns what follows, where what comes
    # between says what they have, where the name is owned by another or set beside one with /, or stands alone.
    ("Harrowline、Vesperaといった企業の取り組みが進む。", ["Harrowline", "Vespera"]),
    ("AI、IoTの分野の企業が増えた。", ["IoT"]),
    ("QuillforgeのOrbit/Vectaといったクラウドプロバイダーの専用チップ。", ["Orbit", "Vecta"]),
    ("スマートグラスやAR Visorといったデバイスメーカーが増えた。", ["AR Visor"]),
    # A listed name read with a middle dot in it at the end of a longer dotted katakana name is no mention (the
    # バイ・エル of ヨツバ・バイ・エル is no バイエル), and a count of brands bought is no company.
    ("雑貨店チェーンのヨツバ・バイ・エルと提携した。", ["バイ・エル"]),
    ("ソニーは、家電の2ブランドをパナソニックから譲り受けた。", ["ブランド"]),
    # A fund affiliated with a company or a state (X系ファンド) is a kind of fund, no name.
    ("北欧政府系ファンドと十勝系ファンドが出資した。", ["北欧政府系ファンド", "十勝系ファンド"]),
]


@pytest.mark.parametrize("body, not_found", NOT_COMPANIES)
def test_what_patterns_must_not_find(recognizer: CompanyRecognizer, body: str, not_found: list[str]) -> None:
    found = companies(recognizer, body)
    assert not [surface for surface, company_id in found if company_id.startswith("x-")], found
    assert not {surface for surface, _ in found} & set(not_found)


#: A listed company's name inside the name of a place, venue, school, body, prize or incident named after it.
NAMED_AFTER_A_COMPANY = [
    "試合は京セラドーム大阪で行われた。",
    "公演はノキア・アリーナで開かれた。",
    "リクルート事件が起きた。",
    "日立総合病院に入院した。",
    "トヨタ自動車労働組合が要求を出した。",
    "トヨタカップで優勝した。",
    "講談社漫画賞を受賞した。",
    "日本航空高等学校を卒業した。",
    "サントリーホールで演奏した。",
    "東京ガス硬式野球部に入った。",
    "千葉ロッテマリーンズに入団した。",
    "NTT法の改正が議論された。",
]


@pytest.mark.parametrize("body", NAMED_AFTER_A_COMPANY)
def test_a_name_inside_the_name_of_something_named_after_it_is_no_mention(recognizer: CompanyRecognizer,
                                                                           body: str) -> None:
    assert companies(recognizer, body) == []


def test_a_name_glued_to_a_kind_of_company_is_the_company(recognizer: CompanyRecognizer) -> None:
    """航空機メーカーボーイング: the katakana word before the name is its kind, not the start of a longer word."""
    assert companies(recognizer, "米国の航空機メーカーボーイングに納めた。") == [("ボーイング", "boeing")]


def test_a_name_going_on_past_a_place_word_is_still_the_company(recognizer: CompanyRecognizer) -> None:
    """楽天市場 is no city; 富士通は賞を: the prize is a word of its own."""
    assert companies(recognizer, "楽天市場で買い、富士通は賞を受けた。") == [("楽天", "rakuten-group"), ("富士通", "fujitsu")]


def test_a_context_alias_a_pattern_reads_as_a_name_is_the_company(recognizer: CompanyRecognizer) -> None:
    """ケンウッド alone needs context; a pattern reading it as the name a company took gives it."""
    assert companies(recognizer, "ツバメ音響は1986年にケンウッドへ社名を変更した。") == [("ケンウッド", "kenwood")]


def test_a_sector_name_that_begins_with_a_listed_name_is_the_listed_company(recognizer: CompanyRecognizer) -> None:
    """The gazetteer knows best: a listed name inside a longer pattern name wins (ソフトバンク in
    ソフトバンクホールディングス), and a listed sector name is its company."""
    assert companies(recognizer, "ソフトバンクホールディングスと三菱UFJ銀行。") == [
        ("ソフトバンク", "softbank"), ("三菱UFJ銀行", "mufg-bank")]


def test_a_listed_name_written_out_with_a_latin_legal_form_reaches_to_the_form(recognizer: CompanyRecognizer) -> None:
    """Luxshare Precision Industry Co., Ltd. is Luxshare written out: the mention covers the whole name, so
    the particle after the form is the company's; an arm named after a company (AMD Ventures) is not it
    written out but a company of its own (the spec's business unit acting under its own name), as a Latin
    word that is no arm word leaves the listed name as it is (OpenAI Global)."""
    assert companies(recognizer, "NECはLuxshare Precision Industry Co., Ltd.と提携し、AMD Venturesも出資した。") == [
        ("NEC", "nec"), ("Luxshare Precision Industry", "luxshare"), ("AMD Ventures", "x-amd-ventures")]
    assert companies(recognizer, "Zephyr社はOpenAI Globalと提携した。") == [("Zephyr", "x-zephyr"), ("OpenAI", "openai")]
    # an arm's own name may stand between its parent's and its arm word
    assert companies(recognizer, "AMD Harbor VenturesとNEC Tidewater Venture Capitalが出資した。") == [
        ("AMD Harbor Ventures", "x-amd-harbor-ventures"),
        ("NEC Tidewater Venture Capital", "x-nec-tidewater-venture-capital")]
    # two more words make another company's name that begins with the listed one: the listed name stays as it is
    assert companies(recognizer, "Reliance Enterprise Intelligence Limitedが設立された。") == [
        ("Reliance", "reliance-industries")]
    # a capitalised Latin word before a listed Latin name makes another company's name (Digital Holdings is listed)
    assert companies(recognizer, "NECはFormosa Digital Holdings Co., Ltd.と提携した。") == [
        ("NEC", "nec"), ("Formosa Digital Holdings", "x-formosa-digital-holdings")]
    # a legal form that is also a listed name's context alias (SE) is the form of the name before it
    assert companies(recognizer, "Siemens AGとSAP SEが提携した。") == [("Siemens AG", "siemens"), ("SAP", "sap")]


@pytest.mark.parametrize("body, expected", [
    ("北辰精機（現マツダ）と鷹取製作所（現・ヤマハ）が合併した。",
     [("北辰精機", "mazda-motor"), ("マツダ", "mazda-motor"), ("鷹取製作所", "yamaha"), ("ヤマハ", "yamaha")]),
    ("ソニー（旧十勝通信工業）は1958年に社名を変えた。",
     [("ソニー", "sony-group"), ("十勝通信工業", "sony-group")]),
    # The current name must fill the bracket: a maker's name inside a product's is no rename.
    ("Quill Office（現Microsoft Office）を使う。", [("Microsoft", "microsoft")]),
    # Without a found company in the bracket, the name before it is nothing.
    ("北辰精機（現在の本社）を訪ねた。", []),
    # An encyclopedia's name in another language after the reading: the same company, its legal form left out.
    ("**株式会社北辰精機**（ほくしんせいき、英: Hokushin Seiki Co., Ltd.）は機械メーカーである。",
     [("北辰精機", "x-北辰精機"), ("Hokushin Seiki", "x-北辰精機")]),
    ("ソニー株式会社（英語：Sony Corporation）は電機メーカーである。",
     [("ソニー", "sony-group"), ("Sony", "sony-group")]),
    # (its legal form between the name and the bracket, the English name no list holds)
    ("十勝電気鉄道株式会社（英: Tokachi Electric Railway Co., Ltd.）は鉄道会社である。",
     [("十勝電気鉄道", "x-十勝電気鉄道"), ("Tokachi Electric Railway", "x-十勝電気鉄道")]),
    # An article's bold name no list holds whose English name under the label is listed: that company.
    ("**インフォシス・テクノロジーズ**（英: Infosys Ltd.）はIT企業である。",
     [("インフォシス・テクノロジーズ", "infosys"), ("Infosys", "infosys")]),
    # (not a longer English name that opens with a listed one: Paramount Pictures Corporation is no Paramount)
    ("**パラマウント・ピクチャーズ**（英: Paramount Pictures Corporation）は映画会社である。",
     [("パラマウント・ピクチャーズ", "x-パラマウント-ピクチャーズ"), ("Paramount Pictures Corporation", "x-パラマウント-ピクチャーズ")]),
    # (and one no list holds, its English name carrying a legal form, is a company)
    ("**ミナカタ・ロジスティクス・アジア**（英：Minakata Logistics Asia Ltd.）は物流会社である。",
     [("ミナカタ・ロジスティクス・アジア", "x-ミナカタ-ロジスティクス-アジア"),
      ("Minakata Logistics Asia", "x-ミナカタ-ロジスティクス-アジア")]),
    # (or opening the brackets with no label, its legal form vouching for both names; not a ticker)
    ("**ヴァルデック**（Waldeck GmbH）は工具メーカーである。",
     [("ヴァルデック", "x-ヴァルデック"), ("Waldeck", "x-ヴァルデック")]),
    ("**ミナト電機**（NASDAQ: MNTO）は電機メーカーである。", [("ミナト電機", "x-ミナト電機")]),
    # (nor a description in Japanese that opens with another company's name)
    ("**ミナト電機**（Samsung Nextとの合弁会社）が工場を建てる。",
     [("ミナト電機", "x-ミナト電機"), ("Samsung Next", "samsung-next")]),
    # A listed name inside a longer former name gives way to it (朝日放送 of 全国朝日放送).
    ("北海道朝日放送（現・テレビ朝日）と提携した。", [("北海道朝日放送", "tv-asahi"), ("テレビ朝日", "tv-asahi")]),
])
def test_a_former_name_beside_a_company_is_that_company(recognizer: CompanyRecognizer, body: str,
                                                       expected: list[tuple[str, str]]) -> None:
    assert companies(recognizer, body) == expected


def test_a_country_before_a_listed_name_is_no_part_of_it(recognizer: CompanyRecognizer) -> None:
    """A country written before a listed name says where the company is (中国アリババ集団 is Alibaba), where a
    city's or region's name makes another company (函館毎日新聞社 is no 毎日新聞社)."""
    assert companies(recognizer, "中国アリババ集団が出資した。") == [("アリババ集団", "alibaba")]
    assert companies(recognizer, "函館毎日新聞社が創刊した。") == [("函館毎日新聞社", "x-函館毎日新聞社")]
