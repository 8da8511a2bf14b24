"""Partnerships, investments and acquisitions between companies, stated in one sentence.

A relation needs a trigger word (提携, 出資, 買収 ... from
``rules/partnerships.yaml``) and two parties. Japanese marks who does what
with particles: ``AとBが提携`` and ``A、B、Cの3社が協業`` relate every company
of the coordinated group; ``AはBと提携`` and ``Bとの提携`` relate the subject,
or the company the text is about when the sentence leaves it out, with the
partner. Investments and acquisitions have a direction: the actor (party_a)
is the subject or the agent (AがBに出資, AがBを買収, AによるBの買収), or, in a
passive, the company marked with に, による or から (BはAに買収された, BはAから
出資を受けた); the company invested in or bought is the target, the object, the
owner of the trigger (Bの買収) or the name written right before it (B買収). A
funding round (Xの資金調達にAとBが参加) makes every joining company an investor
in its owner, each with the amount in parentheses after its name. Back-references
(同社, 両社) stand for the company the text is about and the last two companies
named, as a reader would take them. A headline or digest line names its actor
first with a comma (A、Bを買収へ), maybe after a company's の-phrase that modifies
it (Googleの親会社Alphabet、: Alphabet acts), or opens with names joined by only a
space (OpenAI Broadcom提携); a cleft names it last (出資したのはAだ); a
relative clause names the company bought after the trigger (Aが買収したB); a
sale names its buyer with に (BをCに売却), and a sale of a whole stake with no
buyer (Bの全株式を売却) ends the seller's investment; examples take the role of the noun
they illustrate (AやBといった企業との提携), but examples of a kind (AやBのような企業と)
with only the text's topic as the other side are a hypothetical partner, no party.
Where GiNZA's dependency parse is available, a party must belong to the trigger's
clause, so a company named elsewhere in a long sentence is not pulled in.

Every statement has a status: done, or planned / ended when a status word follows
its trigger in its clause (買収を検討, 提携を解消); the writer's own speculation
(提携するかもしれない) gives no relation, unless it is a rumour someone reported (提携する
かもしれない、という話: planned).

Every word this reads comes from ``rules/partnerships.yaml`` (besides ``source:``
and ``examples:``); the regex structure around the words (look-arounds, digits,
parentheses) stays here:

    triggers:          {partnership|investment|acquisition: [words]}    提携, 出資, 買収
    not_triggers:      [longer words holding a trigger]                  投資家, 設備投資
    manner_triggers:   [triggers that say how the next one is done]      共同で出資
    together_words:    [words after Bと making B act with the actor]      Bとともに出資
    talks_triggers:    [triggers of talks: planned, or the status of one before]  Bと協議 / 買収を協議
    funding_triggers, join_words, passive_markers                         資金調達 / 参加 / された
    co_investor_words: [words making an investor one of a round's several]  Aが主導するラウンド
    amount_measures:   [words before an amount making it no deal's]      評価額1830億ドル, 1株42ドル
    round_investors:   [nouns naming a round's investors]                リード投資家はA
    non_investors:     [nouns naming companies that join no round]       顧客にはA
    round_owner_verbs: [verbs whose subject holds the round]             Xが実施する第三者割当増資
    contract_triggers, topic_receives, subject_receives, owner_receives   契約 / 出資 / 傘下に入 / 筆頭株主
    one_sided_triggers: [contract triggers of one side's act: a group doing it is no pair]  AやBが受注
    joint_triggers:    [triggers of one thing done together: partners pair too]  AはBやCと合弁会社を設立
    joint_investments: [words of an investment made together, ending in its trigger]  AとBが折半出資するX
    joint_companies:   [companies set up by their investors]             3社が出資する特別目的会社
    joint_overviews:   [words of a heading giving a joint company's overview]  ## 合弁会社の概要
    stake_splits:      [nouns of a joint company's stake split, beginning with its trigger]  出資比率はAが51%、Bが49%
    concluded_with:    [verbs concluding a deal with a partner named after its noun]  契約をBと結んだ
    mutual:            [investment triggers, or words before one, going both ways]  相互に出資, 持ち合い
    mergers:           [partnership triggers of companies becoming one]  合併, 経営統合
    relative_clause_ends: [words making a trigger modify the next name]  Aが買収したB
    counterparts, trigger_appositives: [nouns for a deal's other side, words joining them to the next name]
                                                                         出資先のB, 提携先：A、B
    part_of:           [words making a later deal part of a partnership]  提携の一環として、AはBに出資
    sale_triggers:     [triggers whose buyer is marked with に]          BをCに売却
    stake_exits:       [words making a sale the whole stake]             全株式を売却
    withdrawals:       [words taking an investment back out]             Bから出資を引き揚げ
    stake_purchases:   {shares, verbs, controlling}                      株式を取得 / 全株式
    status_words:      {planned|ended: [words after a trigger], called_off, not_yet}  検討 / 撤回 / まだ
    planned_endings:   [words right after a trigger ending its clause]   買収へ
    purposes:          [words making a trigger the next one's purpose]   子会社化するため、株式を取得
    goals, means_endings: [goal words planned unless the trigger is the means] 提携を目指す / 連携して…を目指す
    means_markers, plans: [a trigger as the means of a plan: planned]        提携で、…する計画だ
    continuations:     [words of keeping a deal: planned words after them]  提携を続ける方針
    reports:           [words reporting a deal]                          買収すると報じた
    bids:              {triggers, done}                                  TOB / 成立
    denied_reports, deal_changes, undeniable, left_open                   報道を否定 / 見直 / 否定でき / 否定しない
    speculation, rumours                                                  かもしれ / という話
    absences:          [words right after a trigger saying it is not there] 資本関係はない
    questions:         [words asking what is to come: speculation unless the deal is asked about]  取っていくのか
    alternatives:      [words before a trigger asking which of choices]  構築するのか、あるいは
    contests:          [words making a partnership a contest for a deal] 受注を競う
    same_company:      [words for the company the text is about]         同社
    other_side:        [those of them that may stand for a partner named before]  AはBと提携し、同社株式を取得
    both_companies:    [words for the last two companies named]          両社
    first_of_two, second_of_two: [words for the first or second of them]  前者 / 後者
    report_sources:    [words after a company making it a report's source] Reutersが報じた
    denied_after:      [words after a company denying it the sentence's role]  AではなくBと提携
    markets:           [words after an exchange making it a market]      東証プライム
    coordinators:      [words between names that coordinate them]        AとB, A、B, AやB
    list_ends:         [words closing an open list before its particle]  A、Bなどが
    paired_particles:  [particles after each of two names pairing them] AもBも
    deal_measures:     [nouns on a trigger naming a measure of a deal]    出資比率, 買収額
    deal_amount_labels: [nouns naming the amount a deal moves]           買収総額は約35億ドル
    parallel_marks:    [words setting a name beside what follows]        AだけでなくBとも
    roles:             {partner|target|source|subject|object|agent|example|of|compared|...: [particles]}
    kind_examples:     [example particles naming a kind of company]      AやBのような企業と
    group_counts:      {count_words, counters, particles, added}         3社が, 両社で, Cを加えた3社で
    name_suffixes, not_name_suffixes: [words after a name that belong to it, words that do not]
    managed_funds:     [words after a name for a fund it runs: the name]  Aが運営するファンドから出資
    units, leaders:    [words ending a unit of a company / making it lead a group]  ABB事業 / 主導の
    unit_verbs:        [verbs of running a unit, after its company's が]  Bが営む旅館事業
    acting_arms, arm_links: [an arm of a company acting for it / words before it]  Xの子会社が / X傘下のファンド
    topic_particles:   [particles making a company the topic]            AWSは
    headline_marks:    [marks after a headline's first company]          NVIDIA、Intelに出資
    headline_pair_joiners: [what joins a headline's two first companies] 富士通とNEC、
    cleft_markers:     [words before a cleft's actor]                    出資したのはAだ
    trigger_topics:    [particles making the deal the topic]            Xへの出資では、Aが
    label_marks, arrows: [marks after a trigger labelling a line, arrows from actor to receiver]  買収：A → B
    spokespeople:      [titles of a company's people who speak for it]  AのX社長は
    commentators:      [a company's people who only comment on deals]   みずほ証券のアナリストは
    former_marks:      [words before a company making its people former] 元グーグル幹部
    individuals, people: [honorifics / people named by what they are, acting on their own]  マスク氏は / 創業家による
    leading_clause_ends: [ends of a clause leading into the main one]    Bと連携することで、Aは
    nominal_clause_ends: [ends of a clause listed beside the trigger's]  Aが…ことや、Bへの投資
    conjunct_starts:   [words opening a phrase listed after another]     Aの製品への投資、そしてBとの提携
    proposals:         [words making a trigger an offer to a target]     AはBに提携を提案
    offer_answers:     {accepted, refused: [words answering an offer]}   Bの買収提案を受け入れた
    kin:               {nouns, joints: [words naming a subsidiary or parent]}  傘下のB, 親会社であるB
    integrations:      [partnership triggers of a merger]                経営統合し、AがBを完全子会社化
    unnamed_companies: {nouns, subject_particles, prefixes, not_topic}   某企業は, 同業のスタートアップが
    funding_rows:      {separators, round_words, round_endings}          - X｜シリーズA｜12億円｜A、B
    english:           {triggers, funding_triggers, ...}: English sentences, read by relations_english.py
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations


from extract.models import CompanyMention, Sentence, Span, Token, by_sentence
from extract.names import DERIVED_ID_PREFIX
from extract.ner import ParsedSentence, ParsedToken
from extract.normalize.funding_rows import FundingRow, FundingRows
from extract.normalize.numerals import DIGIT, SEPARATING_COMMA
from extract.normalize.alternation import any_word, word_alternation
from extract.overlaps import overlaps, overlaps_any
from extract.normalize.party_slots import (DESCRIPTION, DIGEST_MARKS, HEADLINE_MARKUP, SOURCE_LABEL,
                                           SUBJECT_CLAUSE_RE, TRIGGER_PHRASE_REST, name_ending, name_ending_words)
from extract.relations_english import (EnglishRules, compile_english_rules, english_round_owner, english_statements,
                                       english_triggers, statement_amount)
from extract.rules.schema import LegalForms, PartnershipsFile, founding_words
from extract.segment import DATED_ITEM_RE, HEADING_RE

PARTNERSHIP, INVESTMENT, ACQUISITION = "partnership", "investment", "acquisition"
DONE, PLANNED, ENDED = "done", "planned", "ended"
#: Roles of the company that acts in a directed relation (invests, buys) in the active voice, and of
#: the company that receives it.
_ACTOR_ROLES = ("subject", "agent")
_RECEIVER_ROLES = ("object", "target", "bare")
#: The role of examples whose noun joins a round (AやBといった大手企業も参加): they join it, and have no other part.
_JOINER = "joiner"
#: The role of a company that only describes the name after it, its unit or group member, in a list (双日と、
#: シーメンスのベンチャー投資部門Next47も参加: シーメンス), and where the numbers of the groups of its own such a
#: company stands in start (past any list's own numbers).
_ASIDE = "aside"
_ASIDE_GROUP = 10_000
#: The rule id of an investment in a funding round the sentence before named (Aも参加した).
_JOINED_ROUND_RULE = "relation.joined_round"
#: The rule of relations an English sentence states (relation.english.acquisition, ...).
_ENGLISH_RULE = "relation.english"
#: The rule of the investments a funding table's row states.
_FUNDING_ROW_RULE = "relation.funding_row"
#: The rule of investments both ways (相互に出資): one row for each direction.
_MUTUAL_RULE = "relation.investment.mutual"
#: The rule of a merger (AとBが合併): a partnership of the companies becoming one, the company named first as party_a.
_MERGER_RULE = "relation.partnership.merger"
#: Sentences back within which the company a post names most often (or calls 彼ら) still is what 彼ら stands for.
_LATELY = 3
#: The rule of a deal the sentence before stated, named again with a status of its own (買収は破談となった).
_DEAL_BEFORE_RULE = "relation.deal_before"
#: The roles of the other side of a deal, which a back-reference later in the sentence may stand for.
_OTHER_SIDE_ROLES = ("partner", "target", "object", "of", "source")
#: The source a digest line names before its headline (TechWire | ), after markup, or in square brackets
#: with its date ([2025-11-04 / Reuters], [Bloomberg]; not a link's title, [Oracle、Cohereと提携](https://...)).
_SOURCE_LABEL_RE = re.compile(rf"[\s\-*+#>・]*(?:{SOURCE_LABEL}|\[[^\]\n]{{0,30}}\](?!\()|［[^］\n]{{0,30}}］)")
#: The clause ends of _CLAUSE_END_RE that contrast what follows with the trigger's clause (…したが、…).
_CONTRASTS = ("が、", "ものの、")
#: A quote opened before a trigger word with a name and no particle (hiragana) between: the trigger ends a
#: name (「AI-RANアライアンス」, not 「戦略的提携」).
_QUOTED_NAME_RE = re.compile(r"[「『](?=[^「」『』ぁ-ゖ]*[A-Za-zＡ-Ｚａ-ｚァ-ヺ0-9])[^「」『』ぁ-ゖ]{1,40}$")
#: A conditional ending of a clause (成立すれば, 成立したら, 成立した場合): what it says would follow, not what did.
_CONDITION_RE = re.compile(r"(?:[えけせてねべめれ]ば|たら|だら|場合)")
#: What ends the clause of a trigger, for its status and speculation words: a clause joined with し、,
#: り、, が、, に加え、, ことで、 ... says something else (提携し、新製品の開発も検討する: the 提携 is done);
#: not をめぐり、 or に対し、, which name what the clause after it is about (Xをめぐり、Aが買収を提案; Xに対し、
#: Aが買収に関心を示す).
_CLAUSE_END_RE = re.compile(r"(?:(?<!対)し|して|(?<!めぐ)(?<!巡)り|が|ものの|一方|ほか|加え|ことで|ため|ことから"
                            r"|により|によって)、|[。!！?？\n]")
#: The digits a count of companies opens with (3社, 12社).
_COUNT_DIGITS_RE = re.compile(r"[0-9]+")
#: What marks a company as what a sentence is about, set against what came before (Bには、国が…).
_CONTRAST_TOPIC = "には、"
#: A verb ending in the past right after a trigger (傘下に収めた, 子会社化した, 買収しました).
_PAST_RE = re.compile(r"(?:し|させ|され)?(?:た|ました)")
#: A sentence that is (part of) the title of a Markdown link: starts a list item with [, or ends it with ](.
_LINK_TITLE_RE = re.compile(r"^\s*(?:[-*+]\s*)?\[|\]\(")
#: Characters of the noun examples illustrate (といった主要なクラウドベンダーとの; not past a particle a Latin
#: name follows: といった企業がAnthropicに), and from its particle to the trigger (との強力なパートナーシップ), or
#: from its subject particle when the other party's name follows it (がAnthropicに多額の投資).
_EXAMPLE_NOUN, _EXAMPLE_TRIGGER, _EXAMPLE_SUBJECT_TRIGGER = 20, 12, 24
#: What follows a trigger that is a verb of its sentence (買収し, 買収した, 買収する), not a noun (買収の機会).
_DOING = ("し", "す", "さ")
#: Characters before a stake's share word that may hold the word making it all or most of the shares (全株式,
#: 株式の過半 of 全|株式を取得).
_STAKE_LEAD = 4
#: A trigger ending in kana, a verb's stem (傘下に収め, 子会社にす).
_HIRAGANA_END_RE = re.compile(r"[ぁ-ゖ]$")
#: Characters from a company's の to the honorific of its person (NVIDIAのジェンスン・フアン氏は).
_PERSON_AFTER_OWNER = 24
#: A bracket holding a full stop (（以下「X」といいます。）), and a mark for such a stop that no rule reads as the end
#: of a clause, of the same length so that offsets hold.
_BRACKETED_STOP_RE = re.compile(r"[（(][^（）()。]*。[^（）()]*[）)]")
_MASKED_STOP = "〓"
#: A short relative clause ending in a verb, which modifies the name right after it (率いる of マスク氏が率いるSpaceX).
_RELATIVE_CLAUSE_RE = re.compile("[^、。]{0,8}[るた]")
#: Characters of a description of listed companies between という and their count (という、強みの異なる3社), and of
#: a kind of them between の and their count (の大手3社, の国内通信3社).
_COUNT_DESCRIPTION, _COUNT_KIND = 20, 6
#: A verb ending a relative clause right before a noun (多岐にわたる企業, 10社に及ぶ企業): the particle before it is the
#: clause's, not that of the noun the examples illustrate (but for an adverb before the trigger: と深く連携).
_RELATIVE_VERB = "[一-龯々]?[ぁ-ゖ]{0,3}[るたむぶうく](?=[一-龯々ァ-ヺー])"
#: Characters of the group a company leads (主導の投資家グループ).
_LED_GROUP_CHARS = 12
#: Characters of the noun before a deal measure word opening a clause (評価 of 評価額は).
_MEASURE_NOUN_CHARS = 6
#: A word written in katakana.
_KATAKANA_WORD_RE = re.compile(r"[ァ-ヺー・]+")
#: Most characters of a clause whose verb is left out (AはXに50億ドル、): a receiver and an amount.
_GAPPED_CLAUSE = 30
#: What ends an amount written right before a comma: no kana of a verb (ドル、 but not 出資し、).
_AMOUNT_TAIL_RE = re.compile(r"[^\sぁ-ゖ、。]*")
#: Characters after a trigger within which a planned word is about it (買収に向けた最終調整に入った).
_PLANNED_CHARS = 20
#: Characters after a trigger within which a speculation word is about it (提携する可能性がある).
_SPECULATION_CHARS = 16
#: The longest name of a company's spokesperson between its company's の and title (のジェンスン・フアンCEOは).
_SPOKESPERSON_CHARS = 15
#: The longest name of a person listed among companies before 氏 (、イーロン・マスク氏など).
_PERSON_CHARS = 15
#: The longest name no rule found that may close a list of companies (A、B、東京大学協創プラットフォーム開発が).
_UNLISTED_LAST_CHARS = 30
#: The longest words between a company's の and its figure marked as the topic (の2025年4～12月期の連結純利益は).
_FIGURE_CHARS = 20
#: Characters before such a company where it still opens its sentence (markup, a dateline: 一方、).
_FIGURE_LEAD = 4
#: Characters of a place in parentheses after a headline's first company (Sakana AI（東京都港区）、…).
_PLACE_CHARS = 20
#: A label opening a digest line before its first company (注目企業：, 今日の一本｜): a few characters, no break;
#: or a linked article's title (a series and its number: [Fintech Weekly #44：Visa、…を買収](…)): a few words.
_LABEL = (r"(?:[^、。,，\s:：|｜【】]{1,10}"
          r"|(?<=\[)[^、。,，\s:：|｜【】\[\]][^、。,，\n:：|｜【】\[\]]{0,22}[^、。,，\s:：|｜【】\[\]])")
#: What ends the noun phrase an adnominal particle (への) opens before the trigger: a case particle or a comma (not
#: an amount's thousands separator: Bへの11億6,000万ユーロの出資).
_PHRASE_END_RE = re.compile(f"[をがは、]|{SEPARATING_COMMA}")
#: Characters between a manner trigger (共同で) and an investment or acquisition it says how is done.
_MANNER_REACH = 24
#: Characters between a relative clause's trigger and the company it modifies (買収したセキュリティ企業のB).
_RELATIVE_GAP = 16
#: Characters of the noun phrase a trigger's relative clause modifies, up to its は or が (香港の投資ファンド、Oasis).
_MODIFIED_TOPIC_CHARS = 30
#: Characters between a funding trigger and a join word that makes its subject an investor (ラウンドを主導).
_JOINED_AFTER = 3
#: A word the deal makes someone else do (検討させる, 交渉させ): not the deal's own status.
_CAUSED_RE = re.compile(r"[一-龯々ァ-ヺー]{1,4}させ")
#: What may stand between such a relative clause and the company it describes: a few words with no particle but
#: の (所有する広告配信のC).
_DESCRIBED_GAP_RE = re.compile(r"[^、。「」をがはにでともや]{0,14}")
#: Spaces between a maker's name and its product written after it (Anthropic Claude), and what may follow a
#: product's listed name as part of it: its version (Claude 4, Gemini 2.5) or capitalised words (Copilot
#: Studio; not an acronym or a mixed-case name: Azure OpenAI is read up to Azure).
_SPACES_RE = re.compile(r"[ 　]+")
#: The longest phrase a parallel mark sets a name beside (Aだけでなく、他のクラウド事業者とも).
_PARALLEL_CHARS = 24
_PRODUCT_REST_RE = re.compile(r"(?: ?\d+(?:\.\d+)*(?![\d.])| [A-Z][a-z0-9+\-]*(?![A-Za-z]))+")
#: A cell of a Markdown table row, and the bars a row has at least (| A | B |).
_TABLE_CELL_RE = re.compile(r"[^|]+")
_TABLE_BARS = 3
#: The markup of a digest or headline line before its first company: a list mark or number, a heading mark,
#: bold, a digest's mark or bracket (■, ②, 【).
_LINE_MARKUP_RE = re.compile(rf"[-*+#・{DIGEST_MARKS}※【]|\d[.)）．]")
#: A list item (・OpenAI, - Anthropic, 1. Cohere), and, right after a counterpart noun, the end of a sentence
#: introducing a list of them (主な出資先は次のとおり。, 出資先は以下の5社：).
_LIST_ITEM_RE = re.compile(r"\s*(?:[-*+・•]|\d{1,2}[.)）．])\s*")
#: A line that opens a news digest's item: a number, or a mark digests put before a headline (10. ,
#: **12. , ■, ◆, ▶, ②, 【, ### 3.), or the item's date with its weekday or source (10/3（金）日経：, 10/3 ロイター：):
#: the company the text was about before is not this item's. Not a point a post makes under a bold label (3.
#: **提携戦略:** …), which goes on about the post's company.
_DIGEST_ITEM_RE = re.compile(rf"\s*(?:[-*+]\s*)?(?:\*\*|#{{1,4}}\s*)?(?:\d{{1,3}}[.)）．]\s|[{DIGEST_MARKS}【]"
                             r"|\d{1,2}/\d{1,2}\s*(?:[（(][月火水木金土日][）)]|\s)\s*[^\s：:、。]{0,12}[：:])"
                             r"(?!\s*\*\*[^*\n]{1,40}(?:[:：]\*\*|\*\*\s*[:：]))")
_LIST_INTRO_RE = re.compile(r"[^。\n]{0,8}?(?:次の|以下の)[^。\n]{0,8}?[。：:]?\s*$|\s*(?:は|には)?\s*[：:]\s*$")
#: Between a deal's trigger and an agreement trigger whose object it is (解消することで合意, 出資することに合意,
#: 買収し、非公開化することで合意, 事業譲渡する契約, 買収に関する契約, 譲り受けることについて、基本合意書を締結).
_AGREED_DEAL_RE = re.compile(r"[^、。]{0,12}?(?:し、[^、。]{0,12}?)?こと(?:で|に|を|について、?)|す?る|に関する")
#: From a trigger to one in the clause right after it, which names no other partner (出資、6G向けで提携;
#: 投資し、戦略的パートナーシップを締結; 出資を行い、次世代チップの共同開発; 出資　新契約を締結; not
#: 投資を受けていることを考えると、…協力, 投資のように、外部パートナーとの連携).
_NEXT_CLAUSE_RE = re.compile(r"[^、，,　。と]{0,4}[、，,　][^、，,　。と]{0,16}")
#: A share of a company's stock in percent, and the share above which it controls the company.
_PERCENT_RE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")
#: A subject's own share right after its particle (Aが60%、, Aが約3割): what it holds of a company.
_SHARE_AFTER_RE = re.compile(r"が\s*約?(?:\d{1,3}(?:\.\d+)?\s*[%％]|[一二三四五六七八九十\d]割)")
#: A share written right after a name, with no particle (出資比率はA51%、B49%).
_SHARE_RIGHT_AFTER_RE = re.compile(r"\s*約?\d{1,3}(?:\.\d+)?\s*[%％]")
_HALF = 50.0
#: An amount as deals state it (約50億ドル, 最大20億ドル).
_AMOUNT = r"(?:最大|約|総額|計)?[0-9０-９,，.．]+[兆億万千百]*(?:米ドル|ドル|円|ユーロ)"
#: An amount put into a round, between the round and the join word (ラウンドに最大20億ドルを拠出).
_AMOUNT_INTO_RE = re.compile(rf"[にへ]{_AMOUNT}(?:以上|超)?を")
#: Characters between a company's の (or 傘下の) and the word of an arm acting for it (の投資子会社, 傘下の米ファンド).
_ARM_CHARS = 12
#: The noun that makes a clause a phrase of a list (…を解消すること、並びに…).
_CLAUSE_NOUN = "こと"
#: The plain form of a verb ending a trigger (株式を持つ, 過半を握る), which may modify the name after it.
_PLAIN_VERB_END_RE = re.compile(r"[うくぐすつぬぶむる]$")
#: What may stand between a relative clause's verb and the name it modifies: a few words with no particle
#: (持つ米ファンドのA has one; 持つJFE none).
_DESCRIBED_NAME_GAP_RE = re.compile(r"[^、。ぁ-ゖ]{0,12}(?:の[^、。ぁ-ゖ]{0,8})?")
#: A copula making the noun before it what the sentence's subject is (…の合弁会社で、, …の合弁会社である).
_PREDICATE_RE = re.compile(r"で[、,，]|であり|である|であった|だ|です|でした|だった")
#: The amount of a deal between its company's の and the trigger (Bの65億ドルでの買収, Bの約50億ドル規模の買収).
_AMOUNT_OF_RE = re.compile(rf"{_AMOUNT}(?:以上|超|規模|相当)?で?の")
#: An amount of money (50億ドル): a clause holding only one is a gapped clause's (Aが50億ドル、Bが…を拠出).
_AMOUNT_RE = re.compile(_AMOUNT)
#: Characters between two triggers of one statement at most (契約は来月締結).
_TRIGGERS_JOINED = 8
#: The particle after a deal's noun that makes the subjects after it seek the deal (Xの買収にAが関心を示す).
_GOAL_PARTICLES = ("に、", "に")
#: The endings of a stake verb in a relative clause on the shares it names (保有するB株, 保有してきた全株式).
_HELD_ENDINGS = "(?:する|している|していた|してきた)"
#: A subject that holds shares a relative clause names (KKRなどが保有する全株式): their holder.
_HOLDER_RE = re.compile(rf"\s*(?:など|ら)?が保有{_HELD_ENDINGS}")
#: Characters between a bid's means word and the acquisition it is the means of (TOBにより約2,100億円で買収).
_BID_MEANS_GAP = 16
#: The coordination group of a headline's first company (a group of its own; -1 is the topic's).
_HEADLINE_GROUP = -2
#: Commas that list names or mark off a headline's first one.
_COMMAS = ("、", "，", ",")
#: Roles of a company named before a stake split that holds or receives that stake (Xへの出資比率は, Aの出資比率は).
_STAKE_HOLDER_ROLES = frozenset({"target", "of", "object"})
#: A word of a Latin name, and how one starts (Kodex, not AI or iOS alone): a capital and a small letter.
_LATIN_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.&\-]*")
_LATIN_NAME_START_RE = re.compile(r"[A-Z][a-z]")
#: An acronym, which names an organisation where a gloss in brackets follows it (STIM（スウェーデン著作権協会）).
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]+")
#: Markdown emphasis marks, as MeCab splits them, written around a name (**STIM**).
_EMPHASIS_MARKS = frozenset({"*", "**", "_", "__"})
_OPENING_BRACKETS = frozenset({"（", "("})
#: Quotes a name may open with (新会社「X」).
_QUOTE_OPENINGS = ("「", "『")
_CLOSING_BRACKETS = frozenset({"）", ")"})
#: The most tokens a gloss in brackets after a name holds.
_GLOSS_TOKENS = 12
#: Characters between a joining company and its join word (BやCも今回のラウンドに参加).
_JOIN_GAP = 16
#: Characters of modifiers between AとBの and the trigger (AとBの戦略的提携, AとBの30億ドルの計算資源契約);
#: a funding round's may be longer (Xの$2 billionのラウンド).
_OWNED_TRIGGER_GAP = 12
#: Characters of a name's own end a trigger written on from it may begin with (ソフトバンクグループ入り).
_SUFFIX_IN_TRIGGER = 4
_OWNED_ROUND_GAP = 20
#: How many heads up from the trigger word still belong to its clause (提携 <- を <- 結ぶ <- 方針).
_CLAUSE_HEADS = 3
#: Characters between a share word and the verb of acquiring it (株式の49%を143億ドルで取得).
_STAKE_GAP = 20
#: Characters between a share word and the から closing the seller named before the verb (株式25%を投資会社B
#: から…取得), with no stake verb of their own (not Xの株式を持つAから…取得, where 持つ is the stake).
_SELLER_CHARS = 32
#: Characters between the share word and the trigger of a sale of shares (B株の20%をCに約600億円で売却).
_SALE_GAP = 45
#: Characters of a relative clause from its subject's particle to its verb (BPが秋田県沖で計画する発電所).
_RELATIVE_CLAUSE = 20
#: Characters of the noun a company owns as the topic a sentence opens with (Baiduの戦略は).
_OWNED_TOPIC_CHARS = 8
#: What joins companies listed as examples to the noun of a passive trigger they give (AやBなどの出資を受け).
_LISTED_GIVERS_RE = re.compile(r"\s*など(?:から)?の")
#: Marks that end a clause between a share word and a sale (not the comma of a number: 約8,100億円で).
_CLAUSE_MARKS_RE = re.compile(r"[、。，]|(?<![0-9]),|,(?![0-9]{3})")
#: Characters of what a company's の-phrase names before the headline company it modifies (Googleの親会社Alphabet).
_MODIFIER_CHARS = 10
#: Characters of what names a unit before its unit word (ABBロボット部門).
_UNIT_CHARS = 8
#: Characters of what names a unit between its owner's の and its unit word (Bの映画スタジオとストリーミング事業).
_OWNED_UNIT_CHARS = 16
#: Characters of the means, price or worth paid between a buyer's particle and the shares (Aが約12億ユーロで
#: 全株式を取得, Aが50億円分の株式を引き受ける).
_PAID_CHARS = 12
#: Characters between a company's が and the verb of running its unit (Bがインドで手掛けるセメント事業).
_RUN_BY_GAP = 8
#: Characters of a の-phrase between a coordinator and the next name (、台湾のB; 、同業のB; 、アラブ首長国連邦のB),
#: which may gloss its place in brackets (、アラブ首長国連邦（UAE）のB), written without kana (not と並ぶ半導体大手のB).
_COORDINATED_MODIFIER_CHARS = 8
#: Characters of a description before the noun for a company it ends in, on the second of two coordinated names
#: (A、ロボティクススタートアップのB).
_DESCRIBED_MODIFIER_CHARS = 12
#: What stands between a name and its abbreviation in parentheses right after it.
_ABBREVIATION_RE = re.compile(r"\s*[（(]\s*")
#: A sentence this short besides its company names (まずはAWS。) introduces that company as the topic.
_HEADING_CHARS = 8
#: A line labelling a part of a list in brackets or bold (＜ファーストクローズ（2025年3月）＞, **既存投資家**).
_SUBLABEL_RE = re.compile(r"\s*(?:[＜<【［\[][^＜＞<>【】［］\[\]\n]{1,30}[＞>】］\]]"
                          r"|(?:\*\*|__)[^*_\n]{1,30}(?:\*\*|__))[：:]?\s*")
#: Characters between a noun naming a deal's amount and the amount (買収額は負債を含めて80億ドル).
_LABEL_GAP = 12
_MARKUP_RE = re.compile(r"[\s*#_「」『』【】:：。、.!！?？]")
#: What stands between a name and a company named in the brackets right after it (Google (Android、YouTube)).
_GLOSS_OPEN_RE = re.compile(r"\s*[（(][^（()）]*")
#: A gloss in brackets right after a trigger word (MBO（経営陣による買収）を断念): what the word means, the same deal.
_TRIGGER_GLOSS_RE = re.compile(r"[（(][^（()）\n]{1,30}[）)]")
#: The most characters of markup between a headline's first company's mark and a company listed right after it.
_LISTED_GAP = 3
#: The example particle that makes the examples own what follows it (A、BなどのC).
_EXAMPLES_OF = "などの"
#: A line set as a headline: a heading, or bold from its start.
_HEADLINE_LINE_RE = re.compile(r"\s*(?:#{1,6}\s|\*\*)")
#: A line that is an English headline: bold or a heading, with no Japanese letter, of three words or more.
_ENGLISH_HEADLINE_RE = re.compile(r"\s*(?:#{1,6}\s*|\*\*)(?=[^\n]*[A-Za-z]+ [A-Za-z]+ [A-Za-z]+)"
                                  r"[^\n\u3040-\u30ff\u4e00-\u9fff]+?(?:\*\*)?\s*")


@dataclass(frozen=True)
class PartnershipRules:
    """Compiled cues of ``rules/partnerships.yaml``."""

    #: Each trigger word -> the type of relation it states.
    trigger_kinds: _TriggerKinds
    trigger_re: re.Pattern
    #: A trigger's relative clause right before a name (買収したB, 出資するB): what the clause's actor acted on.
    acted_on_re: re.Pattern | None
    #: Words right after a company that make it the source of a report (Reutersが報じた).
    report_source_re: re.Pattern | None
    #: Words right after a company that deny it the sentence's role (AではなくBが筆頭株主), or None.
    denied_re: re.Pattern | None
    #: Words right after an exchange that name it as the market shares trade on (東証プライム).
    market_re: re.Pattern | None
    #: Words right before a company that make its people former ones (元グーグル幹部).
    former_marks: tuple[str, ...]
    #: Rows of a funding table (- X｜シリーズA｜12億円｜A、B).
    funding_rows: FundingRows | None
    #: A trigger that ends its clause as a noun (AがBに出資、CがDに追加出資した).
    trigger_stop_re: re.Pattern
    #: Words right before a trigger, and right after it, that make it the deal the sentence before stated.
    deal_reference_before: tuple[str, ...]
    deal_reference_after: tuple[str, ...]
    not_triggers: tuple[str, ...]
    #: Partnership triggers that, with another trigger close after them, only say how it is done.
    manner_triggers: frozenset[str]
    #: Words after a company's と that make it act together with the actor, stating no partnership (とともに).
    together_words: tuple[str, ...]
    #: Partnership triggers of talks: a deal to come, or the status of another trigger before them (買収を協議).
    talks_triggers: frozenset[str]
    #: Investment triggers whose owner is the company invested in (Xの資金調達).
    funding_triggers: frozenset[str]
    #: What joins two companies opening a heading or bold line before its mark (と, ・): its subject.
    headline_pair_joiners: tuple[str, ...]
    #: Words after an investor that make it one of a round's several (主導, 参加, など): the round's amount is
    #: theirs together; None without such words.
    co_investor_re: re.Pattern | None
    #: A measure of a company or a price per share right before an amount (評価額, 1株): no deal's amount; None
    #: without such words.
    amount_measure_re: re.Pattern | None
    #: Partnership triggers of a contract, whose other party may be marked as receiver, owner or source.
    contract_triggers: frozenset[str]
    #: A share word and, later in its clause, a verb of acquiring it (株式を…取得); None without any.
    stake_re: re.Pattern | None
    #: The verbs of buying or holding shares (取得, 保有): one alone is a stake named after it (保有するB株).
    stake_verbs: frozenset[str]
    #: Before or in a stake purchase: the stake is controlling, an acquisition (全株式, 過半).
    controlling: tuple[str, ...]
    #: A join word (参加) after a party: it takes part in a directed trigger as a further actor.
    join_re: re.Pattern
    #: The company the text is about, referred back to as an object (同社を): no other company named.
    referred_object_re: re.Pattern
    #: A subject's clause that ends in a verb modifying a noun (Aが主導したシードラウンド, Aが沖合で計画する発電所; not
    #: Aが出資する方針, a planned word): a relative clause, the noun's.
    relative_subject_re: re.Pattern
    #: A join word and its を right before talks (参加を協議): talks about joining something, no partnership of the
    #: companies talking.
    joining_talked_re: re.Pattern
    #: A noun of a round's investors and its particle, right before the companies it names (リード投資家は).
    round_investor_re: re.Pattern | None
    #: The same noun made a company's role right after it (Aがリード投資家を務め; Aをリード投資家とする is the
    #: source role).
    round_investor_after_re: re.Pattern | None
    round_investors: tuple[str, ...]
    #: Companies listed as examples of a kind of investor, who join something (AやBといった投資家が名を連ねる).
    investor_examples_re: re.Pattern | None
    #: The same up to the kind of investor and its subject particle (AやBなどの著名投資家も).
    investor_noun_re: re.Pattern | None
    #: A noun of the companies a company works with or for and its particle (顧客には): they join no round.
    non_investors_re: re.Pattern | None
    #: Such a noun right after a company's の (Xの出資者には): the company its investors invest in; or opening the
    #: sentence (アンカー投資家には): the company the text is about.
    investors_of_re: re.Pattern | None
    #: What may stand between a company and a join word in a sentence with no trigger of its own (Aも新たに参加
    #: した, Aが新たに株主に加わった, Aが戦略投資家として加わった): no particle of something else it joins (Aは
    #: イベントに参加した), but a round investor's noun and its に or として.
    join_alone_gap_re: re.Pattern
    #: Investment triggers whose left-out receiver is the company the text is about (親会社のAが出資した).
    topic_receives: frozenset[str]
    #: Directed triggers whose subject receives and whose owner acts (BがAの傘下に入る).
    subject_receives: frozenset[str]
    #: Of those, the ones beginning with a name's suffix (グループ入り): the buyer is the name written on to
    #: them (Aグループ入り), their owner the one bought (Xのグループ入り). None without any.
    written_on_re: re.Pattern | None
    #: Triggers of a sale, whose buyer is marked with に (AはBをCに売却).
    sale_triggers: frozenset[str]
    #: A share word (株式), before a sale trigger: the shares' owner is bought into.
    share_re: re.Pattern | None
    #: A company's shares between its の and a trigger (Bの株式に対する公開買付け): the company is what is bought.
    owned_shares_re: re.Pattern | None
    #: Right after an investment, words saying a company was set up with it (の出資により設立); None without them.
    founded_with_re: re.Pattern | None
    #: Shares that are the topic or object right after their owner's の (Xの株式は、Aが4割を保有; Xの株式の2割をAが
    #: 保有): X is bought into.
    topic_shares_re: re.Pattern | None
    #: Around the share word of a sale with no buyer: the seller leaves the company (全株式を売却).
    stake_exits: tuple[str, ...]
    #: Right after an investment trigger: the money is taken back out, from the company marked with から.
    withdrawal_re: re.Pattern | None
    #: Right after a directed trigger, up to the company it modifies (Aが買収したセキュリティ企業のB).
    relative_clause_re: re.Pattern | None
    #: Right after a trigger, a relative clause's end up to the topic or subject it modifies (花王株を保有する投資
    #: ファンド、Oasisは): the deal's status is the clause's, not the main clause's after it.
    modified_topic_re: re.Pattern | None
    #: Right after a trigger, a relative clause describing what the sentence's topic is, to its end (JERAはAとBが
    #: 出資する発電会社だ): the topic is the deal's receiver.
    topic_described_re: re.Pattern | None
    #: Directed triggers whose owner is the company invested in (AがBの筆頭株主となった), as with shares.
    owner_receives: frozenset[str]
    #: Investment triggers that go both ways, or words right before one that make it so (相互に出資, 持ち合い).
    mutual: tuple[str, ...]
    #: Partnership triggers whose companies become one (合併, 経営統合): their rows are acquisitions.
    mergers: frozenset[str]
    #: Right after a directed trigger: the statement is passive (買収された, 出資を受けた).
    passive_re: re.Pattern
    #: Right after a company: it was founded in a clause joined to the next one (AirWatchを共同設立し、).
    founded_clause_re: re.Pattern | None
    #: The words after a company founded, ending a clause (- 2002年 - X設立。), or None.
    founding_re: re.Pattern | None
    #: Status word -> planned or ended, longest first.
    status_words: tuple[tuple[str, str], ...]
    called_off: tuple[str, ...]
    #: Nouns written on to a trigger that name a measure of a deal (出資比率, 買収額), no deal of their own.
    deal_measures: tuple[str, ...]
    #: Right before an amount: a noun naming what a deal moves and its particle (買収総額は約, 取得額は負債を含め).
    deal_amount_label_re: re.Pattern | None
    not_yet: tuple[str, ...]
    #: Right after a trigger, ending its clause: the statement is planned (買収へ); the endings, with which a
    #: trigger may end itself (Xの傘下へ).
    planned_ending_re: re.Pattern | None
    planned_endings: tuple[str, ...]
    #: Between a subject and a funding trigger: the subject holds the round (Xが実施する第三者割当増資).
    round_owner_re: re.Pattern | None
    #: Right after a trigger: the deal is the purpose of the next statement, whose status it takes (するため).
    purpose_re: re.Pattern | None
    #: A report of a deal not stated in the past tense right before it (すると報じた, not したと報じた).
    planned_report_re: re.Pattern | None
    #: The words of reporting a deal, however the report is written (と一部で報じられた, 報道によると, という噂).
    report_words: tuple[str, ...]
    #: A sentence ending by reporting what it says in the active voice (…と報じた。; not …と報じられた。 nor
    #: …と言われている。): its topic is the report's source.
    reported_re: re.Pattern | None
    #: Triggers of a bid (TOB), planned unless one of ``bid_done`` follows in the clause.
    bid_triggers: frozenset[str]
    bid_done: tuple[str, ...]
    #: Right after a bid, words making it the way the next acquisition in its clause is done (TOBで完全子会社化);
    #: the longest first (を通じて before を通じ).
    bid_means: tuple[str, ...]
    #: The ended words that hold a bid_done word (不成立): a failed bid, not one through.
    bid_failed: tuple[str, ...]
    denied_reports: tuple[str, ...]
    deal_changes: tuple[str, ...]
    #: A problem and the ended word that says it is solved (懸念も解消, ボトルネックを解消); None without problems.
    solved_problem_re: re.Pattern | None
    undeniable: tuple[str, ...]
    left_open: tuple[str, ...]
    #: Goal words (目指): planned words of the deal, unless one of ``means_endings`` stands between (連携して…を目指す).
    goals: tuple[str, ...]
    means_endings: tuple[str, ...]
    #: After a trigger, the mark making it the means (Bとの提携で、) of a main clause ending in a plan word (…する
    #: 計画だ): the deal is part of the plan; None without those words.
    means_of_plan_re: re.Pattern | None
    #: Words of keeping a deal that stands (続け, 維持): the planned words after them plan to keep it.
    continuations: tuple[str, ...]
    speculation: tuple[str, ...]
    #: Right after a trigger, words saying the relation is not there (資本関係はない, 資本関係も人的関係もない).
    absence_re: re.Pattern | None
    questions: tuple[str, ...]
    #: Words before a trigger in its sentence that make it a condition (もし…であれば, 仮に): no relation.
    conditions: tuple[str, ...]
    #: Right after a trigger, a time before or after the deal (合併後), unless of_deal is right before it (Bとの合併後).
    deal_times: tuple[str, ...]
    of_deal: tuple[str, ...]
    #: Words before a trigger in its sentence that make it one of choices asked about (のか、あるいは): no relation.
    alternatives: tuple[str, ...]
    #: Words right after a partnership trigger making it a contest for the deal (受注を競っている): no partners.
    contests: tuple[str, ...]
    #: After a speculation word: a reported rumour (という話), planned rather than no relation.
    rumours: tuple[str, ...]
    #: Words of an investor's view (投資家, 魅力的): an investment with no named actor is the reader's.
    reader_investments: tuple[str, ...]
    #: A particle that coordinates two names when written after each (AもBも).
    paired_particles: frozenset[str]
    same_company: tuple[str, ...]
    #: Words that stand for the company the post is about (彼ら).
    post_company: tuple[str, ...]
    #: Partnership triggers that state an investment too (資本業務提携), where it is plain who invests.
    capital_alliances: frozenset[str]
    #: Of same_company, the words a company writing the post calls itself by (当社, 弊社): the company the post
    #: names most, where there is one.
    writer_company: frozenset[str]
    #: A sentence opening with one of writer_company as its topic (当社は、…): the text is about the writer from then.
    writer_topic_re: re.Pattern | None
    #: A body that is no company marked as a subject (公正取引委員会は, 米政府が), group body; and the endings of
    #: companies named like a body (X総合研究所).
    body_subject_re: re.Pattern | None
    company_body_endings: tuple[str, ...]
    #: Of same_company, the words that stand for the other side named before them in their sentence.
    other_side: frozenset[str]
    both_companies: tuple[str, ...]
    #: Words that stand for the last three or more companies named (3社は), their count the numeral they open with.
    counted_companies: tuple[str, ...]
    first_of_two: tuple[str, ...]
    second_of_two: tuple[str, ...]
    #: Particle after a party -> its role, longest particle first (といった before と).
    roles: tuple[tuple[str, str], ...]
    #: The particles of what a trigger acts on (を).
    object_particles: tuple[str, ...]
    #: Particles that make a company the topic of what follows (AWSは...), unlike が in a subordinate clause.
    topic_particles: tuple[str, ...]
    #: After a company, the particles of the matter a sentence talks about (Xについては).
    about_marks: tuple[str, ...]
    #: What may stand before a headline's first company (markup, 米) and the mark after it (NVIDIA、): None
    #: without headline marks.
    headline_lead_re: re.Pattern | None
    headline_mark_re: re.Pattern | None
    #: Between a trigger and a company that a cleft sentence names as its actor (のは).
    cleft_re: re.Pattern | None
    #: Right after a trigger, a particle making the deal the sentence's topic (Xへの出資では、).
    trigger_topic_re: re.Pattern | None
    #: Between a trigger that is a noun for a company and that company's name (出資先のOpenAI).
    trigger_appositive_re: re.Pattern | None
    #: The words of trigger_appositive_re, which a trigger may end in (株主である).
    trigger_appositives: tuple[str, ...]
    #: Triggers that are nouns for the other side of a deal (出資先, 提携先), which trigger_appositive_re joins.
    counterparts: frozenset[str]
    #: Right after a partnership trigger, words making a later deal of the sentence part of it (提携の一環として).
    part_of_re: re.Pattern | None
    #: A unit of a company as what a sale sells (家電事業を): the seller is bought (in part).
    unit_sale_re: re.Pattern | None
    #: A digest line opening with its trigger as a label (■ 提携：), and the arrow of its directed deals (A → B).
    trigger_label_re: re.Pattern | None
    arrow_re: re.Pattern | None
    #: Right after a company's の, one of its people who speaks or acts for it, as the subject (のフアンCEOは).
    spokesperson_re: re.Pattern | None
    #: Right after a company's の, one of its people who only comments (のアナリストは): the company is no party.
    commentator_re: re.Pattern | None
    #: Right after a company's の, one of its figures marked as the topic (の2025年4～12月期の連結純利益は).
    figure_topic_re: re.Pattern | None
    #: Triggers of doing one thing together (共同で, 合弁): the partners listed with the subject are partners too.
    joint_triggers: frozenset[str]
    #: Words of an investment made together, ending in its trigger (折半出資, 共同出資): its investors are partners.
    joint_investments: tuple[str, ...]
    #: A relative clause's end after an investment and a company set up by its investors (出資する特別目的会社).
    joint_company_re: re.Pattern | None
    #: Nouns of a company set up by its investors, which introduce the name right after them (合弁会社ブルーアクスル,
    #: 新会社「X」).
    joint_companies: tuple[str, ...]
    #: A joint company's noun followed by a particle (新会社は), which refers back to the joint company named last.
    joint_reference_re: re.Pattern | None
    #: Nouns of a joint company's stake split among its investors, beginning with an investment trigger
    #: (出資比率はAが51%、Bが49%).
    stake_splits: tuple[str, ...]
    #: After a partnership trigger, its を, a partner and its と, a verb concluding the deal with that partner
    #: (契約をグーグルと結んでいる): the partner's part is the trigger's; None without such verbs.
    concluded_with_re: re.Pattern | None
    #: Contract triggers of what one side does (受注, 生産委託): companies listed doing it are no pair of their own.
    one_sided_triggers: frozenset[str]
    #: The end of a clause leading into the sentence's main clause (することで、, し、).
    leading_clause_re: re.Pattern | None
    #: The end of a nominalised clause listed beside the trigger's phrase (ことや、).
    nominal_clause_re: re.Pattern | None
    #: The start of a phrase listed after another one (、そして): a company's の before it is in that other one.
    conjunct_re: re.Pattern | None
    proposals: tuple[str, ...]
    #: Partnership triggers of a merger, which a stated acquisition between the same two makes that acquisition.
    integrations: frozenset[str]
    #: Every company id's ancestors in the gazetteer (NTT DOCOMO BUSINESS: NTT DOCOMO, NTT).
    ancestors: Mapping[str, frozenset[str]]
    #: Right before a company, a noun making it the subsidiary or parent of another (傘下の, 子会社である).
    kin_re: re.Pattern | None
    #: After an offer, words that accept it (受け入れ) and words that accept or refuse it (受け入れ, 拒否).
    offer_accepted: tuple[str, ...]
    offer_answers: tuple[str, ...]
    #: What stands between two company names that still coordinates them (AとB, A、B、C, AやB).
    coordinator_re: re.Pattern
    #: The same, then a name in kanji or katakana and the opening bracket of its gloss in Latin letters (と順為資本（
    #: of Aと順為資本（Shunwei Capital）): the company named in the brackets is written from the kanji name (group
    #: joint: what joins the two).
    glossed_joint_re: re.Pattern
    #: A clause opening with a measure of a deal as its topic (、評価額は), whose status words are the measure's.
    measure_clause_re: re.Pattern
    #: A comma setting a company beside the noun of what it is (投資会社、C): no clause break.
    appositive_comma_re: re.Pattern
    #: After a company, a group it leads and that group's particle (主導の投資家グループによって), within the
    #: brackets the company is in (not 資金調達（A主導の40億ドル）における); None without leader words.
    led_group_re: re.Pattern | None
    #: After a company, the rest of a list of Latin names no rule found (AやWatershed、Sustainable Ventures (SV)と):
    #: the particle after the list is the company's too.
    unlisted_names_re: re.Pattern
    #: After the second or later company of a list, a last member no rule found, written without kana (A、B、
    #: 東京大学協創プラットフォーム開発が参加), and its particle, which the whole list takes.
    unlisted_last_re: re.Pattern
    #: A parallel mark after a name and the phrase it sets the name beside, up to the particle and も closing it
    #: (だけでなく、他のクラウド事業者とも: the name's role is the particle's).
    parallel_re: re.Pattern | None
    #: After a subject or source, its own amount up to the comma or を (Aが2億ドル、; Bが1億ドルを投じた; Aからは
    #: 20億ドル、); ending in a comma right before the next subject (and holding an amount), it parts subjects
    #: acting together.
    own_amount_re: re.Pattern
    #: After a subject, what its clause says up to the comma before the next subject (AはXに50億ドル、Bは…):
    #: a clause whose verb is left out, to be shared with the trigger's (see _gapped_clauses).
    gapped_clause_re: re.Pattern
    #: Between a partnership trigger made the topic and the company it matters to (提携は、Aにとって).
    concerned_gap_re: re.Pattern
    #: Between a trigger made a clause's subject and a company named next (Bへの投資が、Aの業績に).
    deal_subject_gap_re: re.Pattern
    #: After examples (AやBといった), the noun they illustrate and its particle, with a trigger close after it
    #: (企業との提携, 企業に巨額の投資): the examples are parties in that role.
    example_head_re: re.Pattern
    #: After examples, the kind of company they illustrate and a coordinator going on to the names after it
    #: (AのようなAI企業や、B、Cに投資): the examples join those names.
    listed_kind_re: re.Pattern
    #: After examples, the partnership trigger they illustrate (AやBといった強力なパートナーシップ).
    example_trigger_re: re.Pattern
    #: After examples, the subject particle of the noun they illustrate right before a join word
    #: (AやBといった大手企業も参加): the examples join the round.
    example_join_re: re.Pattern
    #: Role of each particle.
    particle_roles: Mapping[str, str]
    #: Example particles that name a kind of company (AやBのような企業と): no parties with only the topic.
    kind_examples: frozenset[str]
    #: A unit of a company written right after its name (ABBロボット部門): None without unit words.
    unit_re: re.Pattern | None
    #: A unit written after its company and の (Xの投資部門): the company acts or is bought through it.
    owned_unit_re: re.Pattern | None
    #: A company's arm written after it and one of arm_links (Xの子会社, X傘下のファンド), acting for it when it is
    #: the subject or agent: None without acting_arms.
    acting_arm_re: re.Pattern | None
    #: A topic phrase owned by the company right before it (Baiduの戦略は).
    owned_topic_re: re.Pattern | None
    #: From a company's の-phrase to the company it modifies in a headline (Googleの親会社Alphabet、).
    modifier_re: re.Pattern
    #: From a subject to the company its relative clause modifies in a headline (Microsoftが出資するOpenAI、).
    relative_link_re: re.Pattern
    #: A coordinator and a short の-phrase before the next name, which still coordinate (日本のA、台湾のB).
    coordinated_modifier_re: re.Pattern
    #: Between examples and the next name: the noun they illustrate and a word adding the name (といったOTAに加え、).
    example_added_re: re.Pattern
    #: Right before an investment made together, what it goes into, marked as a target (事業に共同で投資).
    joint_target_re: re.Pattern
    #: A company's の and a short description of the next name, its owner's unit or holding (双日と、シーメンスの
    #: ベンチャー投資部門Next47も: シーメンス only describes Next47, the list goes on with it).
    owner_description_re: re.Pattern
    #: Only coordinators (、, や, と) between two names.
    coordinator_run_re: re.Pattern
    #: Between two names of one list: coordinators, then maybe a word news writes before a name (や米).
    list_joint_re: re.Pattern
    #: A count of the companies just named, as the actors (3社が, 両社で): A、B、Cの3社が協業, not 5社に対し.
    group_count_re: re.Pattern
    #: A count of the companies just named, whatever follows it (A、B、Cの3社と).
    group_counted_re: re.Pattern
    #: The same with a description of the companies before the count, for a list of two or more (A、B、Cという、
    #: それぞれ強みを持つ3社が; A、B、Cの大手3社が): words after という, kanji or katakana after の.
    described_count_re: re.Pattern
    #: What follows a count of the companies that makes them the actors (が, は, も: 3社が).
    count_particle_re: re.Pattern
    #: A name added to the companies named before it, then their count (AとBは、Cを加えた3社で): it acts with them.
    added_member_re: re.Pattern | None
    #: Words in or right after a count that make each company act on its own (各社, 3社はそれぞれ).
    count_separately: tuple[str, ...]
    #: Right after a count, the shares the counted companies own (A、B、Cの3社の株式): an owner's の and a share word.
    counted_shares_re: re.Pattern | None
    #: What stands right before shares no one is named the owner of (AやBが株式を買い取る, Aは、株式を取得): a subject
    #: particle of one letter, or a comma, and maybe the means or price paid (Aが約12億ユーロで全株式を取得).
    bare_shares_before_re: re.Pattern
    #: What may follow a name before its particle: a parenthesis, a suffix of the name (社), markup, spaces.
    name_tail_re: re.Pattern
    #: A product named after its maker (Microsoft Azure), read as the maker's name when it starts with it
    #: (products.yaml's products); None without products.
    product_re: re.Pattern | None
    #: The の, a product of the company before it and what the product is, before a partner's particle
    #: (GoogleのGeminiチャットボットとの提携): the company is the partner.
    owned_product_re: re.Pattern | None
    #: An unnamed company as the sentence's subject (某企業は, 同業のスタートアップが): the topic is not the actor.
    unnamed_subject_re: re.Pattern
    #: A heading or label line naming a funding round's investors (## 引受先一覧, ■ 本ラウンドの引受先, 【投資家】): the
    #: companies of the list items under it invest in the company the text is about.
    investor_heading_re: re.Pattern | None
    #: A heading or label line giving the overview of a joint company (## 合弁会社の概要, 【新会社の概要】): the
    #: company the first line under it names is that joint company.
    joint_overview_re: re.Pattern | None
    #: What a company is, written after its name and before its subject particle (NVIDIAという巨人が,
    #: Amazonという巨大なプレイヤーは): the name is the subject.
    apposed_re: re.Pattern
    #: A person as the sentence's subject (マスク氏は): of no company written before, the person acts alone.
    individual_subject_re: re.Pattern
    #: The particles that mark an actor no rule names (ハドソンは, 某企業が).
    subject_particles: frozenset[str]
    #: An unnamed company or a count of them as the receiver (スタートアップ5社に, 新興企業へ), or a company's capital
    #: as the subject (資本金は…で、Aが…を出資): not the topic.
    unnamed_receiver_re: re.Pattern
    #: Right before an investment trigger, the particle after what receives it (への出資), at the trigger's start.
    thing_receiver_re: re.Pattern | None
    #: A company the text deliberately leaves unnamed (某生成AI企業): a deal's party the topic cannot stand for.
    unnamed_prefixed_re: re.Pattern
    #: After a company's name (its legal form, markup and gloss in brackets), its topic particle and a sentence ending
    #: in the kind of company it is (X株式会社は、東京都に本社を置く航空会社。): an encyclopedia article's opening.
    defining_re: re.Pattern
    #: Such a company as the receiver (某生成AI企業への): a company named before it owns something else.
    withheld_receiver_re: re.Pattern
    #: A company the text deliberately leaves unnamed, as the topic (某生成AI企業は): from there the text is
    #: about a company it does not name. Generic ones (多くの企業は) leave the topic as it was.
    unnamed_topic_re: re.Pattern
    #: Right after a trigger, a relative clause modifying an unnamed company (Bと連携するような企業): that company
    #: acts, not the text's topic.
    unnamed_modified_re: re.Pattern | None
    #: English statements of deals (partnerships.yaml english; relations_english.py); None without them.
    english: EnglishRules | None = None


@dataclass(frozen=True)
class Partnership:
    """A relation stated in a sentence; party_a invests in or buys party_b for investments and acquisitions."""

    sentence_id: int
    party_a_id: str
    party_a_name: str
    party_b_id: str
    party_b_name: str
    type: str
    status: str
    money_value_usd: float | None
    trigger: str
    evidence: str
    rule_id: str


@dataclass(frozen=True)
class _Party:
    """A company taking part in a sentence: named there, or referred back to (同社). ``tail_end`` is
    where what follows its name (a parenthesis such as （50億ドル）, 社, its particle) ends."""

    start: int
    end: int
    company_id: str
    name: str
    role: str
    group: int
    tail_end: int
    #: Named as an example of a kind of company (AやBのような企業と): maybe only a hypothetical party.
    kind: bool = False
    #: For the company the text is about: named in this sentence or the one before.
    lately: bool = False


#: The の and the few words of what the next company is, written right after its owner (の日本法人, の子会社).
_OWNER_BEFORE_RE = re.compile(r"の[^、。\s「」（）()のとやは]{1,6}")
#: Text after a name that opens brackets not closed again: what follows is inside them.
_OPEN_BRACKET_RE = re.compile(r"[（(][^）)]*$")
#: A Latin letter: a line holding one may be an English headline.
_LATIN_LETTER_RE = re.compile("[A-Za-z]")
#: Most characters of what a company is between という and its noun (Amazonという巨大なプレイヤーが).
_APPOSED_DESCRIPTION = 10
#: Characters after a count that may hold a word making each company act on its own (3社は、それぞれ).
_SEPARATELY_REACH = 6
#: A relative clause's verb right after an object's を and right before the name it modifies (を擁するAlphabet,
#: を傘下に持つX): what the object is of.
_OBJECT_CLAUSE_RE = re.compile(r"[^、。\sを]{0,6}?[一-龯々][ぁ-ゖ]{0,2}[るつ](?=[A-Za-zＡ-Ｚａ-ｚ一-龯々ァ-ヺ])")
#: Most characters of what a product is, written after its name (Geminiチャットボット).
_PRODUCT_NOUN = 8
#: Most characters around the ticker of a listing (ナスダックに「TEM」のティッカーシンボルで上場).
_TICKER_CHARS = 16
#: A stake's size in 割 or percent right before its を (4割を, 20%を), where a stake verb alone states the stake.
_STAKE_SIZE_BEFORE = "(?<=[割%％]を)"
#: The name of a new company between its noun and the verb that sets it up (新会社「X」を設立, 新会社Xを設立,
#: 共同持株会社のXを設立).
_NEW_COMPANY_NAME = r"の?(?:「[^」。\n]{1,40}」|『[^』。\n]{1,40}』|[^\s、。「」『』をがはにとでの]{1,20}?)"


def _trigger_pattern(word: str, named: Sequence[str]) -> str:
    """The regex for one trigger word: the word itself, or, for a word on setting up a joint company
    (``named``: 新会社を), the word with the new company's name written in it, as news names one."""
    noun = next((prefix[:-1] for prefix in named if word.startswith(prefix)), None)
    if noun is None:
        return re.escape(word)
    return f"{re.escape(noun)}{_NEW_COMPANY_NAME}?{re.escape(word[len(noun):])}"


class _TriggerKinds(dict[str, str]):
    """Each trigger word -> the type of relation it states; a match with a new company's name written in it
    (新会社「X」を設立) states what the word without the name does."""

    def __init__(self, pairs: Sequence[tuple[str, str]], joint_companies: Sequence[str]) -> None:
        super().__init__(pairs)
        self._named_re = (re.compile(rf"^({any_word(joint_companies)}){_NEW_COMPANY_NAME}(を.*)$", re.DOTALL)
                          if joint_companies else None)

    def __missing__(self, key: str) -> str:
        word = self.word_of(key)
        if word == key:
            raise KeyError(key)
        return self[word]

    def word_of(self, found: str) -> str:
        """The trigger word a match is of: the match itself, or it without the new company's name written in it."""
        named = self._named_re.match(found) if self._named_re is not None else None
        return found if named is None else named.group(1) + named.group(2)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The type ``key`` states, or ``default`` if it is no trigger word (dict.get skips __missing__)."""
        try:
            return self[key]
        except KeyError:
            return default


def compile_partnership_rules(spec: PartnershipsFile, products: Sequence[str] = (),
                              name_prefixes: Sequence[str] = (), parents: Mapping[str, str] | None = None,
                              founded_marks: Sequence[str] = (), bodies: tuple[Sequence[str], Sequence[str]] = ((), ()),
                              legal_forms: LegalForms | None = None) -> PartnershipRules:
    """Compile the validated cues of ``rules/partnerships.yaml`` into the relation step's regexes;
    ``products`` (products.yaml) are the product names that act for their maker (Microsoft Azureは);
    ``name_prefixes`` (company_patterns.yaml's name_bounds.before) the words written right before a name
    that are not part of it (米Zephyr), which may stand before a headline's first company; ``parents`` the
    gazetteer's parent of each company id: a company and its parent, or its parent's parent, are no partners;
    ``founded_marks`` (company_patterns.yaml's deeds) the words after a company founded (を共同設立), which make it
    the receiver of a passive deal in the clause joined to theirs; ``bodies`` (ner.yaml's organisation_endings and
    company_organisation_endings) the endings of a body that is no company (公正取引委員会), and of companies named
    like one (X総合研究所): such a body as a sentence's subject is its actor, so the text's topic is no party;
    ``legal_forms`` company_patterns.yaml's forms and company words, which may end a company's name before its
    particle (北陸製鋼有限公司と, Zephyr Labs, Inc.と).

    A product acting for its maker is found where it starts with the maker's name, as the companies
    stage finds the maker there, so the relation step reads the particle after the whole product."""
    pairs = sorted(((word, kind) for kind, words in spec.triggers.items() for word in words),
                   key=lambda pair: -len(pair[0]))
    stake = spec.stake_purchases
    # the words of a whole stake before its shares word (全 of 全株式, すべての of すべての株式)
    whole_stakes = [word[:-len(share)] for word in (stake.controlling if stake else ())
                    for share in (stake.shares if stake else ()) if word.endswith(share) and len(word) > len(share)]
    role_pairs = tuple(sorted(((particle, role) for role, particles in spec.roles.model_dump().items()
                               for particle in particles), key=lambda pair: -len(pair[0])))
    status_pairs = tuple(sorted(((word, status) for status, words in ((PLANNED, spec.status_words.planned),
                                                                       (ENDED, spec.status_words.ended))
                                 for word in words), key=lambda pair: -len(pair[0])))
    kin_verbs = any_word(spec.describing_verbs) if spec.describing_verbs else "(?!)"
    # (Bも新たに出資, AやBがこぞって参加, 共同でリードした: how they join)
    adverbs = f"(?:{any_word((*spec.join_adverbs, *spec.manner_triggers))})?"
    # AやBといった名だたる投資家が, AやBなどの著名VCも: companies listed as examples of a kind of investor
    investor_noun = (rf"(?:{any_word(spec.roles.example)})[^、。]{{0,{_EXAMPLE_NOUN}}}?"
                     rf"(?:{any_word(spec.investor_kinds)})(?:たち|ら)?(?:{any_word(spec.roles.subject)})"
                     if spec.investor_kinds else "")
    # the company joined may be referred back to as the object of the join word (投資家が同社を支えている)
    referred_object = rf"{any_word(spec.same_company)}を"
    backed = f"(?:{referred_object})?"
    coordinators = any_word((*spec.coordinators, *spec.parallel_marks, *(f"{mark}、" for mark in spec.parallel_marks)))
    counts = spec.group_counts
    count_words, counters, count_particles = (any_word(words)
                                              for words in (counts.count_words, counts.counters, counts.particles))
    if counts.approximations:  # 10社前後が: a count may be approximate
        counters = f"{counters}(?:{any_word(counts.approximations)})?"
    # 社 of ソニー社は, not the start of 社長; グループ of メルセデス・ベンツ・グループと
    # (a Latin suffix is a whole word: the G of ソフトバンクG, not of Sequoia Capital Global)
    suffix = f"・?{name_ending(spec, legal_forms)}"
    # the size of a stake after its share word still belongs to the name (Arm株49%を取得: the particle is を)
    stake_size = (rf"{any_word(stake.shares)}\s*約?{DIGIT}+(?:[.．]{DIGIT}+)?\s*[%％]" if stake else "(?!)")
    unnamed = spec.unnamed_companies
    # 株式 of 株式20%を取得, not of 株式会社Bを買収, nor the one share a price is of (1株30ドルで取得)
    shares = (f"(?<![1１一])(?!{any_word(stake.not_shares)}){any_word(stake.shares)}" if stake and stake.not_shares
              else f"(?<![1１一]){any_word(stake.shares)}" if stake else "(?!)")
    # right after a stake's size and its を (4割を, 20%を, and a controlling word that names no shares, 過半を), where a
    # stake verb alone states the stake (each lookbehind of one width)
    unowned_sizes = [word for word in stake.controlling
                     if not any(share in word for share in stake.shares)] if stake else []
    sized_stake = "(?:" + "|".join((_STAKE_SIZE_BEFORE, *(f"(?<={re.escape(word)}を)" for word in unowned_sizes))) + ")"
    nouns, subject_particles, prefixes, not_topic = (any_word(words) for words in (
        unnamed.nouns, unnamed.subject_particles, unnamed.prefixes, unnamed.not_topic))
    receiver_particles = any_word((*spec.roles.target, *spec.roles.object))
    # 某生成AI企業: a company the text leaves unnamed on purpose
    withheld = rf"{prefixes}[^、。\s]{{0,12}}?{nouns}"
    # every trigger word, longest first (pairs is sorted so): the one alternation all trigger regexes use; one
    # that starts with a joint company's noun and を may have the new company's name in between (新会社「X」を設立)
    named = tuple(f"{noun}を" for noun in spec.joint_companies)
    trigger_words = f"(?:{'|'.join(_trigger_pattern(word, named) for word, _ in pairs)})"
    # (an open list's closing word before its particle: A、Bなどが)
    list_end = f"(?:{any_word(spec.list_ends)})?" if spec.list_ends else ""
    run_by = (rf"|{any_word(spec.roles.subject)}[^、。\s]{{0,{_RUN_BY_GAP}}}?{any_word(spec.unit_verbs)}"
              if spec.unit_verbs else "")
    # nouns naming a company as the unit, subsidiary or group member of the one before (not 合弁会社: a deal)
    owner_nouns = [noun for noun in (*(spec.kin.nouns if spec.kin else ()), *(spec.kin.groups if spec.kin else ()),
                                     *spec.units) if not re.search(trigger_words, noun)]
    written_on = [word for word in spec.subject_receives if word.startswith(name_ending_words(spec, legal_forms))]
    particles_after = any_word([particle for particle, _ in role_pairs])
    answers = (*spec.offer_answers.accepted, *spec.offer_answers.refused) if spec.offer_answers else ()
    answered_offer = (f"|{any_word(spec.proposals)}[をに]{any_word(answers)}し?た"
                      if spec.proposals and answers else "")
    # 投資家には、Aが出資: investors and shareholders are no unnamed receiver of an investment
    receiving_nouns = any_word([noun for noun in unnamed.nouns if noun not in spec.reader_investments])
    head_particles = (*spec.roles.partner, *spec.roles.target, *spec.roles.object, *spec.roles.source,
                      *spec.roles.agent, *spec.roles.subject)
    # the particle of a noun examples illustrate, where the next party's name follows (企業がAnthropicに; not
    # 通信大手とNvidia, which coordinates)
    particles_before_names = [particle for particle in head_particles if particle not in spec.coordinators]
    return PartnershipRules(
        trigger_kinds=_TriggerKinds(pairs, spec.joint_companies),
        trigger_re=re.compile(trigger_words),
        acted_on_re=(re.compile(rf"(?:{trigger_words}){any_word(spec.relative_clause_ends)}\s*$")
                     if spec.relative_clause_ends else None),
        report_source_re=re.compile(any_word(spec.report_sources)) if spec.report_sources else None,
        denied_re=re.compile(any_word(spec.denied_after)) if spec.denied_after else None,
        # (or a listing under a ticker: ナスダックに「TEM」のティッカーシンボルで上場)
        market_re=re.compile(any_word(spec.markets) + (
            rf"|[にへ][^、。]{{0,{_TICKER_CHARS}}}?{any_word(spec.listing_codes)}[^、。]{{0,{_TICKER_CHARS}}}?上場"
            if spec.listing_codes else "")) if spec.markets else None,
        former_marks=tuple(spec.former_marks),
        funding_rows=FundingRows(spec.funding_rows) if spec.funding_rows is not None else None,
        trigger_stop_re=re.compile(rf"{trigger_words}、"),
        not_triggers=spec.not_triggers,
        manner_triggers=frozenset(spec.manner_triggers),
        together_words=tuple(spec.together_words),
        talks_triggers=frozenset(spec.talks_triggers),
        funding_triggers=frozenset(spec.funding_triggers),
        headline_pair_joiners=tuple(spec.headline_pair_joiners),
        co_investor_re=re.compile(any_word(spec.co_investor_words)) if spec.co_investor_words else None,
        amount_measure_re=(re.compile(rf"{any_word(spec.amount_measures)}(?:は|が|も|で|：|:|\s)*(?:約|およそ|最大)?$")
                           if spec.amount_measures else None),
        contract_triggers=frozenset(spec.contract_triggers),
        # (or the verb first, in a relative clause on the company whose shares they are: Aが保有するB株)
        # (or the verb alone after the size of a stake, its shares the topic before: Xの株式は、Aが4割を保有)
        # (a holder named between the shares and the verb is a party, no part of the trigger: Xの株式はAが4割を)
        # (a seller may be named between, with what it is: 株式25%を投資会社Bから約800億円で取得)
        stake_re=(re.compile(rf"{shares}(?:(?:(?!{any_word(stake.verbs)})[^。、\nが]){{0,{_SELLER_CHARS}}}?から)?"
                             rf"[^。、\nが]{{0,{_STAKE_GAP}}}?"
                             rf"{any_word(stake.verbs)}"
                             rf"|{any_word(stake.verbs)}(?={_HELD_ENDINGS}[^。、\n]{{1,{_STAKE_GAP}}}?{shares})"
                             rf"|{sized_stake}{any_word(stake.verbs)}")
                  if stake else None),
        topic_shares_re=re.compile(rf"{shares}(?:の[^、。]{{0,{_STAKE_LEAD}}}?)?[はを]") if stake else None,
        stake_verbs=frozenset(stake.verbs if stake else ()),
        controlling=stake.controlling if stake else (),
        join_re=re.compile(any_word(spec.join_words)),
        referred_object_re=re.compile(referred_object),
        relative_subject_re=re.compile(rf"\s*{list_end}{any_word(spec.roles.subject)}[^、。「」]{{0,{_RELATIVE_CLAUSE}}}?"
                                       rf"(?:した|する|している|していた)"
                                       rf"(?!{any_word(spec.status_words.planned)})(?=[一-龯々〆ヵヶァ-ヺーA-Za-z])"),
        joining_talked_re=re.compile(rf"{any_word(spec.join_words)}{any_word(spec.roles.object)}$"),
        # (リード投資家は英Balderton Capitalで, リード投資家は韓国のIMM Investmentで: a name's country or what it
        # is may stand before it)
        # (or a list line's label: - リード投資家：Accel, - 参加：Index、Atomico)
        round_investor_re=(re.compile(rf"(?P<noun>{any_word(spec.round_investors)}|{any_word(spec.join_words)}"
                                      rf"(?=\s*[：:]))\s*(?:には|は|が|として|[：:])[、,]?\s*"
                                      rf"(?:{any_word(name_prefixes)}?{DESCRIPTION}{any_word(spec.roles.of)})?"
                                      rf"{any_word(name_prefixes)}?$")
                           if spec.round_investors else None),
        round_investor_after_re=(re.compile(rf"\s*{list_end}が(?P<noun>{any_word(spec.round_investors)})(?:を務め|とな|にな)")
                                 if spec.round_investors else None),
        round_investors=tuple(spec.round_investors),
        # (or named so after their particle: AやBといった顔ぶれが投資家として名を連ねる)
        investor_examples_re=(re.compile(rf"(?:{investor_noun}|(?:{any_word(spec.roles.example)})[^、。]{{0,{_EXAMPLE_NOUN}}}?"
                                         rf"(?:{any_word(spec.roles.subject)})(?:{any_word(spec.investor_kinds)})として)"
                                         rf"{backed}"
                                         rf"{adverbs}"
                                         rf"(?:{any_word(spec.join_words)})") if spec.investor_kinds else None),
        investor_noun_re=re.compile(investor_noun) if spec.investor_kinds else None,
        non_investors_re=(re.compile(rf"{any_word(spec.non_investors)}\s*(?:には|に|として|は)")
                          if spec.non_investors else None),
        # (or opening the sentence, of the company the text is about: アンカー投資家にはAとBが入った)
        investors_of_re=(re.compile(rf"(?:の|^)(?:{any_word(spec.round_investors)})") if spec.round_investors
                         else None),
        # (a count of the group may stand before its particle: A、B、Cの3メガバンクが参加)
        join_alone_gap_re=re.compile(rf"(?:{any_word(spec.roles.of)}?(?:{DIGIT}+|{count_words}){counters})?"
                                     rf"{any_word(spec.roles.subject)}?{backed}{adverbs}"
                                     # (or in what capacity: B氏も個人として参加)
                                     rf"(?:[^にをでへと、。]{{0,4}}|[^にをでへと、。]{{1,4}}として"
                                     + (rf"|(?:{any_word(spec.round_investors)})(?:に|として)" if spec.round_investors
                                        else "")
                                     # (the talks about the round: MGXも交渉に加わっている)
                                     + (rf"|(?:{any_word(spec.talks_triggers)})に" if spec.talks_triggers else "")
                                     + f"){adverbs}"),  # (Cが戦略投資家として新たに加わった)
        topic_receives=frozenset(spec.topic_receives),
        subject_receives=frozenset(spec.subject_receives),
        written_on_re=re.compile(any_word(written_on)) if written_on else None,
        owner_receives=frozenset(spec.owner_receives),
        mutual=spec.mutual,
        mergers=frozenset(spec.mergers),
        sale_triggers=frozenset(spec.sale_triggers),
        share_re=re.compile(shares) if stake else None,
        owned_shares_re=re.compile(rf"{shares}(?:に対する|に対して|への|の)?") if stake else None,
        founded_with_re=re.compile(any_word(spec.founded_with)) if spec.founded_with else None,
        stake_exits=spec.stake_exits,
        withdrawal_re=re.compile(rf"を?{any_word(spec.withdrawals)}") if spec.withdrawals else None,
        # Bからの買収提案を断ったA: an answered offer modifies the company offered to.
        relative_clause_re=(re.compile(rf"(?:{any_word(spec.relative_clause_ends)}{answered_offer})"
                                       rf"[^、。]{{0,{_RELATIVE_GAP}}}") if spec.relative_clause_ends else None),
        # (the noun a trigger's relative clause modifies, marked as the subject: 共同出資するX社も増強を検討)
        modified_topic_re=(re.compile(rf"{any_word(spec.relative_clause_ends)}[^。]{{0,{_MODIFIED_TOPIC_CHARS}}}?"
                                      # (not the nominaliser こと: 設立することも検討する is planned)
                                      rf"(?<!こと)(?:は、?|が、?|も、?)(?![ぁ-ゖ])")
                           if spec.relative_clause_ends else None),
        # (or the sentence ends with the trigger's clause: JERAはAとBが折半出資する。)
        topic_described_re=(re.compile(rf"{any_word(spec.relative_clause_ends)}(?:[^、。]{{0,{_MODIFIED_TOPIC_CHARS}}}"
                                       rf"(?:だ|である|です))?[。．]?\s*$") if spec.relative_clause_ends else None),
        passive_re=re.compile(rf"\s*{any_word(spec.passive_markers)}"),
        founded_clause_re=re.compile(rf"{any_word(founded_marks)}し?[、,，]") if founded_marks else None,
        # (with or without its を: Xを設立, X株式会社設立)
        founding_re=re.compile(rf"{any_word(founding_words(founded_marks))}[。、]") if founded_marks else None,
        status_words=status_pairs,
        called_off=spec.status_words.called_off,
        deal_measures=spec.deal_measures,
        deal_amount_label_re=(re.compile(rf"{any_word(spec.deal_amount_labels)}(?:は|が|も|[：:])[^、。,，]{{0,{_LABEL_GAP}}}$")
                              if spec.deal_amount_labels else None),
        not_yet=spec.status_words.not_yet,
        # A one-character ending (へ) is a particle unless it ends the clause (買収へ。, 「…買収へ」, a Markdown
        # link or emphasis closing on it; not 提携へと進む);
        # a longer one (に向け) marks the deal as to come wherever it stands (提携に向けた協議, 提携に向けて).
        planned_ending_re=(re.compile(rf"(?:する|を)?(?:{any_word([e for e in spec.planned_endings if len(e) > 1])}"
                                      rf"|{any_word([e for e in spec.planned_endings if len(e) == 1])}"
                                      rf"(?=[、。!！?？\s（(「」』】\]*_]|$))")
                           if spec.planned_endings else None),
        planned_endings=spec.planned_endings,
        # (the round's amount may come between: Xが実施した130億ドルの資金調達)
        round_owner_re=(re.compile(rf"\s*{any_word(spec.round_owner_verbs)}\s*(?:{_AMOUNT_OF_RE.pattern})?")
                        if spec.round_owner_verbs else None),
        purpose_re=re.compile(rf"(?:する|を)?{any_word(spec.purposes)}") if spec.purposes else None,
        planned_report_re=re.compile(rf"(?<![ただ]){any_word(spec.reports)}") if spec.reports else None,
        report_words=(*(word.lstrip("との") for word in spec.reports), *spec.rumours),
        reported_re=(re.compile(rf"{any_word([word for word in spec.reports if not word.endswith('われ')])}"
                                rf"(?!られ)[^、。]{{0,8}}。?\s*$") if spec.reports else None),
        bid_triggers=frozenset(spec.bids.triggers if spec.bids else ()),
        bid_done=spec.bids.done if spec.bids else (),
        bid_means=tuple(sorted(spec.bids.means, key=len, reverse=True)) if spec.bids else (),
        bid_failed=tuple(word for word in spec.status_words.ended
                         if spec.bids and any(done in word for done in spec.bids.done)),
        denied_reports=spec.denied_reports,
        deal_changes=spec.deal_changes,
        solved_problem_re=(re.compile(rf"{any_word(spec.problems)}[をもがの]?(?:{any_word(spec.status_words.ended)})")
                           if spec.problems else None),
        undeniable=spec.undeniable,
        left_open=spec.left_open,
        goals=spec.goals,
        means_endings=spec.means_endings,
        # (the plan word said of the clause: 計画だ, 計画があるという話, 予定です; not 計画を発表, a plan as the
        # thing done)
        means_of_plan_re=(re.compile(rf"(?:{any_word(spec.means_markers)})[^。]*?(?P<plan>{any_word(spec.plans)})"
                                     r"(?:だ|です|である|がある|があり|している|しており|となっている|[。！!]|$)")
                          if spec.means_markers and spec.plans else None),
        continuations=spec.continuations,
        speculation=spec.speculation,
        absence_re=_absence_re(spec.absences, spec.paired_particles),
        questions=spec.questions,
        conditions=spec.conditions,
        deal_times=spec.deal_times,
        of_deal=spec.of_deal,
        alternatives=spec.alternatives,
        contests=spec.contests,
        rumours=spec.rumours,
        reader_investments=spec.reader_investments,
        same_company=spec.same_company,
        writer_company=frozenset(spec.writer_company),
        writer_topic_re=(re.compile(rf"[\s#>*・\-]*{any_word(spec.writer_company)}{any_word(spec.topic_particles)}")
                         if spec.writer_company and spec.topic_particles else None),
        body_subject_re=(re.compile(rf"(?<![^\s、「」（）()])(?P<body>[^\s、。「」（）()]{{0,20}}?{any_word(bodies[0])})"
                                    rf"{subject_particles}") if bodies[0] else None),
        company_body_endings=tuple(bodies[1]),
        capital_alliances=frozenset(spec.capital_alliances),
        post_company=spec.post_company,
        other_side=frozenset(spec.other_side),
        paired_particles=frozenset(spec.paired_particles),
        both_companies=spec.both_companies,
        counted_companies=spec.counted_companies,
        first_of_two=spec.first_of_two,
        second_of_two=spec.second_of_two,
        roles=role_pairs,
        topic_particles=spec.topic_particles,
        about_marks=tuple(sorted(spec.about_marks, key=len, reverse=True)),
        # 米アクティビストのエリオット、…: a description of the first company may stand before it, joined with の;
        # a digest's label may open the line (注目企業：Sakana AI（東京都港区）…)
        # 米AI検索のPerplexity、; ベルリンの気候テックKelvra、: descriptions joined with の, the last one glued on
        # (not 米半導体大手Broadcom、…, the first item of a list)
        headline_lead_re=(re.compile(rf"{HEADLINE_MARKUP}*(?:{_LABEL}{any_word(spec.label_marks)}\s*)?"
                                     rf"(?:{any_word(name_prefixes)}?{DESCRIPTION}{any_word(spec.roles.of)}"
                                     rf"(?:{DESCRIPTION}{any_word(spec.roles.of)})?(?:{DESCRIPTION})??)?"
                                     rf"(?:\*\*|__)?{any_word(name_prefixes)}?\s*(?:\*\*|__)?")
                          if spec.headline_marks else None),
        # a name in bold (**ソフトバンクG**：) is marked after its closing markup
        # Sakana AI（東京都港区）、…; a digest's Sakana AI（東京都港区）三菱UFJ銀行と…: where it is, then the mark, or
        # after the parenthesis no particle
        # a name's suffix (Kelvra GmbH、), bold, and a place in parentheses may stand before the mark; a bold
        # headword and a space mark it too (- **住信SBIネット銀行** 英送金大手のWiseと提携)
        headline_mark_re=(re.compile(rf"(?:\s?{suffix})?(?:\*\*|__)?\s*(?:[（(][^（）()、。]{{1,{_PLACE_CHARS}}}[）)]\s*)?"
                                     rf"(?:{any_word(spec.headline_marks)}|(?<=[）)])(?!\s*{particles_after})"
                                     rf"|(?<=\*\*[ 　]|__[ 　])(?!{particles_after}))")
                          if spec.headline_marks else None),
        cleft_re=re.compile(any_word(spec.cleft_markers)) if spec.cleft_markers else None,
        trigger_topic_re=re.compile(any_word(spec.trigger_topics)) if spec.trigger_topics else None,
        # ■ 提携：, ▶ 出資｜, 【提携】: the label may be bracketed
        trigger_label_re=(re.compile(rf"{HEADLINE_MARKUP}*?【?(?P<trigger>{trigger_words})\s*{any_word(spec.label_marks)}\s*")
                          if spec.label_marks else None),
        arrow_re=re.compile(any_word(spec.arrows)) if spec.arrows else None,
        # (or the title written on to the name, before what the head says: 東芝社長「…」, トヨタ社長が)
        spokesperson_re=(re.compile(rf"(?:の[^、。，,のはが]{{0,{_SPOKESPERSON_CHARS}}}?)?{any_word(spec.spokespeople)}"
                                    rf"(?:兼[^、。，,のはが]{{0,{_SPOKESPERSON_CHARS}}}?)?(?:は|が|「)")
                         if spec.spokespeople else None),
        commentator_re=(re.compile(rf"の[^、。，,のはが]{{0,{_SPOKESPERSON_CHARS}}}?{any_word(spec.commentators)}")
                        if spec.commentators else None),
        figure_topic_re=(re.compile(rf"の[^、。，,はが]{{0,{_FIGURE_CHARS}}}?{any_word(spec.figures)}は")
                         if spec.figures else None),
        one_sided_triggers=frozenset(spec.one_sided_triggers),
        joint_triggers=frozenset(spec.joint_triggers),
        joint_investments=tuple(spec.joint_investments),
        joint_companies=tuple(spec.joint_companies),
        joint_reference_re=(re.compile(rf"{any_word(spec.joint_companies)}"
                                       rf"(?={any_word([particle for particle, _ in role_pairs])})")
                            if spec.joint_companies else None),
        stake_splits=tuple(spec.stake_splits),
        concluded_with_re=re.compile(rf"\s*{any_word(spec.concluded_with)}") if spec.concluded_with else None,
        joint_company_re=(re.compile(rf"{any_word(spec.relative_clause_ends)}[^、。]{{0,{_RELATIVE_GAP}}}?"
                                     rf"{any_word(spec.joint_companies)}")
                          if spec.joint_companies and spec.relative_clause_ends else None),
        leading_clause_re=re.compile(any_word(spec.leading_clause_ends)) if spec.leading_clause_ends else None,
        nominal_clause_re=re.compile(any_word(spec.nominal_clause_ends)) if spec.nominal_clause_ends else None,
        conjunct_re=re.compile(any_word(spec.conjunct_starts)) if spec.conjunct_starts else None,
        proposals=spec.proposals,
        integrations=frozenset(spec.integrations),
        ancestors=_ancestors(parents or {}),
        # (or then what it does: 東芝の子会社でパワー半導体を手がける東芝デバイス&ストレージ)
        kin_re=(re.compile(rf"の?{any_word((*spec.kin.nouns, *spec.kin.groups))}"
                           rf"(?:{any_word(spec.kin.joints)}|で[^、。]{{0,{_RELATIVE_GAP}}}?"
                           rf"{kin_verbs})\s*{any_word(name_prefixes)}?$")
                if spec.kin else None),
        offer_accepted=spec.offer_answers.accepted if spec.offer_answers else (),
        offer_answers=answers,
        # A、そしてB: a comma may stand before a coordinator (not after one: AがBと、CがDと).
        # サムスン電子と米テスラ: a name's country or kind may stand after the coordinator, and markup before a
        # name in bold or quoted (**A**、**B**; 「A」や「B」), and the English article of a name the gazetteer lists
        # without it (A、The Carlyle Group)
        coordinator_re=re.compile(rf"\s*[、,，]?\s*{coordinators}\s*(?:\*\*|__|[「『])?{any_word(name_prefixes)}?"
                                  rf"(?:The )?"),
        glossed_joint_re=re.compile(rf"(?P<joint>\s*[、,，]?\s*{coordinators}\s*)[一-龯々〆ヵヶァ-ヺー・]{{2,12}}[（(]"),
        appositive_comma_re=re.compile(rf"(?P<noun>{any_word(spec.unnamed_companies.nouns)})、"
                                       if spec.unnamed_companies.nouns else "(?!)"),
        measure_clause_re=re.compile(rf"(?:{_CLAUSE_END_RE.pattern})[^、。\s]{{0,{_MEASURE_NOUN_CHARS}}}?"
                                     rf"{any_word(spec.deal_measures)}{any_word(spec.topic_particles)}"),
        led_group_re=(re.compile(rf"{any_word(spec.leaders)}[^、。\s（）()]{{0,{_LED_GROUP_CHARS}}}?"
                                 rf"(?P<particle>{any_word(head_particles)})") if spec.leaders else None),
        parallel_re=(re.compile(rf"{any_word(spec.parallel_marks)}[、,，]?\s*[^、。「」\n]{{1,{_PARALLEL_CHARS}}}?"
                                rf"(?=(?:と|に|から|へ|を)?も|が)") if spec.parallel_marks else None),
        # (and people listed with the companies: AやB、イーロン・マスク氏などの投資家も出資)
        unlisted_names_re=re.compile(rf"(?:\s*[、,，]?\s*{coordinators}\s*"
                                     rf"(?:[A-ZＡ-Ｚ][A-Za-z0-9.&\-' ]*(?:氏(?:\*\*|__)?)?"
                                     rf"|[^、。，,やとはがをにの\s]{{1,{_PERSON_CHARS}}}?氏(?:\*\*|__)?)"
                                     rf"(?:\s*[（(][^）)、。]{{1,20}}[）)])?)+\s*"),
        # (a Latin name may hold spaces: 1789 Capital)
        unlisted_last_re=re.compile(rf"\s*(?:[{''.join(_COMMAS)}]|や)\s*(?P<name>[^\s、。，,「」『』（）()ぁ-ゖ]"
                                    rf"(?:[^\s、。，,「」『』（）()ぁ-ゖ]| (?=[A-Za-z0-9]))"
                                    rf"{{1,{_UNLISTED_LAST_CHARS - 1}}}?)"
                                    rf"{list_end}(?P<particle>{any_word(head_particles)})"),
        own_amount_re=re.compile(rf"\s*{any_word((*spec.roles.subject, *spec.roles.source, *spec.roles.target))}"
                                 rf"[^、。]{{1,20}}?(?:、|{any_word(spec.roles.object)})\s*"),
        # AはXに50億ドル、シンガポールの**B**は…: the next subject may have its description and markup before it
        gapped_clause_re=re.compile(rf"\s*{any_word(spec.roles.subject)}(?P<said>[^、。]{{1,{_GAPPED_CLAUSE}}}?)、\s*"
                                    rf"(?:{any_word(name_prefixes)}?{DESCRIPTION}{any_word(spec.roles.of)})?"
                                    rf"(?:\*\*|__)?\s*{any_word(name_prefixes)}?"),
        deal_subject_gap_re=re.compile(
            rf"[^、。\s]{{0,{TRIGGER_PHRASE_REST}}}?{any_word(spec.roles.subject)}[、,，]?\s*{any_word(name_prefixes)}?"),
        concerned_gap_re=re.compile(
            rf"[^、。\s]{{0,{TRIGGER_PHRASE_REST}}}?{any_word((*spec.topic_particles, *spec.paired_particles))}"
            rf"[、,，]?\s*"),
        listed_kind_re=re.compile(rf"{any_word(spec.roles.example)}[^、。]{{0,{_EXAMPLE_NOUN}}}?"
                                  rf"{any_word(spec.unnamed_companies.nouns)}(?:や、?|、)\s*{any_word(name_prefixes)}?"),
        # (the noun's own particle ends it: AやBといった競合もXに投資 is the examples acting, not receiving)
        example_head_re=re.compile(
            rf"(?:(?!{any_word(particles_before_names)}[A-ZＡ-Ｚ]|(?<![ぁ-ゖ]){any_word(spec.roles.subject)}(?![ぁ-ゖ]))"
            rf"[^、。]){{0,{_EXAMPLE_NOUN}}}?(?<!的)"
            rf"(?:(?P<particle>{any_word(head_particles)})(?!{_RELATIVE_VERB}(?!{trigger_words}))"
            rf"(?=[^、。]{{0,{_EXAMPLE_TRIGGER}}}?{trigger_words})"
            rf"|(?<![ぁ-ゖ])(?P<subject>{any_word(spec.roles.subject)})"
            rf"(?=[、,，]?\s*[A-ZＡ-Ｚ][^、。]{{0,{_EXAMPLE_SUBJECT_TRIGGER}}}?{trigger_words}))"),
        example_join_re=re.compile(
            rf"(?:(?!{any_word(particles_before_names)}[A-ZＡ-Ｚ])[^、。]){{0,{_EXAMPLE_NOUN}}}?(?<!的)"
            rf"(?P<particle>{any_word(spec.roles.subject)})(?={backed}(?P<capacity>{any_word(spec.investor_kinds)}として)?"
            rf"{adverbs}{any_word(spec.join_words)})"),
        example_trigger_re=re.compile(
            rf"[^、。]{{0,{_EXAMPLE_TRIGGER}}}?{any_word(spec.triggers.get('partnership', ()))}"),
        particle_roles=dict(role_pairs),
        object_particles=tuple(spec.roles.object),
        kind_examples=frozenset(spec.kind_examples),
        part_of_re=re.compile(any_word(spec.part_of)) if spec.part_of else None,
        deal_reference_before=tuple(spec.deal_references.before) if spec.deal_references else (),
        deal_reference_after=tuple(spec.deal_references.after) if spec.deal_references else (),
        trigger_appositive_re=(re.compile(rf"{any_word(spec.trigger_appositives)}\s*")
                               if spec.trigger_appositives else None),
        trigger_appositives=tuple(spec.trigger_appositives),
        counterparts=frozenset(spec.counterparts),
        # (or a part it sells of itself, unnamed, or its shares: Aは子会社をBに売却, インド子会社の全株式をBに売却; not
        # 子会社のXを, which names what is sold)
        # (or written on to the sale, 事業売却, or named as what it is about: 海外事業について、Cと売却交渉)
        unit_sale_re=(re.compile(rf"{any_word(spec.units)}(?:(?:の[^、。]{{0,{_UNIT_CHARS}}}?)?を|$|について|に関して)"
                                 + (rf"|{any_word(spec.sold_parts)}"
                                    rf"(?:の[^、。]{{0,4}}?{shares}[^、。]{{0,{_UNIT_CHARS}}}?)?を"
                                    if spec.sold_parts else ""))
                      if spec.units else None),
        unit_re=(re.compile(rf"[^\s、。,，「」（）()ぁ-ゖ]{{0,{_UNIT_CHARS}}}?{any_word(spec.units)}") if spec.units
                 else None),
        # (two units joined by と or や: Bの映画スタジオとストリーミング事業)
        acting_arm_re=(re.compile(rf"{any_word(spec.arm_links)}[^\s、。,，「」（）()ぁ-ゖ]{{0,{_ARM_CHARS}}}?"
                                  rf"{any_word(spec.acting_arms)}") if spec.acting_arms and spec.arm_links else None),
        # (or a relative clause of running it: Bが営む旅館事業, Bがインドで手掛けるセメント事業)
        owned_unit_re=(re.compile(rf"(?:{any_word(spec.roles.of)}{run_by})(?:[^\s、。,，「」（）()ぁ-ゖ]|[とや](?![ぁ-ゖ]))"
                                  rf"{{0,{_OWNED_UNIT_CHARS}}}?{any_word(spec.units)}")
                       if spec.units and spec.roles.of else None),
        owned_topic_re=(re.compile(rf"{any_word(spec.roles.of)}[^、。\s]{{1,{_OWNED_TOPIC_CHARS}}}?"
                                   rf"{any_word((*spec.topic_particles, *spec.paired_particles))}")
                        if spec.topic_particles and spec.roles.of else None),
        # (not Xの資金調達ラウンドにA、…: a particle before the next name gives it a role of its own)
        modifier_re=re.compile(rf"[^、。,，:：\s]{{0,{_COORDINATED_MODIFIER_CHARS}}}?{any_word(spec.roles.of)}"
                               rf"[^、。,，:：\s]{{0,{_MODIFIER_CHARS}}}"
                               + "".join(f"(?<!{re.escape(particle)})" for particle in sorted({
                                   *spec.roles.partner, *spec.roles.target, *spec.roles.source, *spec.roles.object,
                                   *spec.roles.subject}))),
        relative_link_re=re.compile(rf"{any_word(spec.roles.subject)}{any_word([word for word, _ in pairs])}"
                                    rf"{any_word(spec.relative_clause_ends)}\s*"),
        # (or a longer description in nouns ending in a noun for a company, with or without の: A、ロボティクス
        # スタートアップのB, A、通信大手B; not Aと並ぶ半導体大手のB, where a verb compares them)
        coordinated_modifier_re=re.compile(
            # (a person written in Latin letters with spaces: 、John Harlow氏の投資会社Harlow Ventures)
            rf"\s*[、,，]?\s*{coordinators}\s*(?:(?:[^、。,，:：\s（）()ぁ-ゖ]{{1,{_COORDINATED_MODIFIER_CHARS}}}?"
            rf"|[A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){{1,3}}氏)"
            # (a place may be glossed, and a city follow it: アラブ首長国連邦（UAE）アブダビの投資会社MGX)
            rf"(?:[（(][A-Za-z]{{2,5}}[）)][^、。,，:：\s（）()ぁ-ゖ]{{0,{_COORDINATED_MODIFIER_CHARS}}}?)?"
            # (or である: 、ならびに既存株主であるC; and the kind of company it is after it: 米Oracle、UAEの投資会社MGX)
            rf"(?:{any_word(spec.roles.of)}|である)(?:[一-龯々ァ-ヺーA-Za-zＡ-Ｚａ-ｚ0-9]{{0,{_DESCRIBED_MODIFIER_CHARS}}}?"
            rf"{any_word(spec.unnamed_companies.nouns)})?"
            rf"|[一-龯々ァ-ヺーA-Za-zＡ-Ｚａ-ｚ0-9]{{0,{_DESCRIBED_MODIFIER_CHARS}}}?{any_word(spec.unnamed_companies.nouns)}"
            rf"{any_word(spec.roles.of)}?)"),
        # AやBといったOTAに加え、Cとも提携: examples of a noun that a word of two or more letters adds the next
        # name to are listed with it (not AやBといった企業と、C: と and 、 also end the noun's own phrase)
        example_added_re=re.compile(
            rf"{any_word(spec.roles.example)}[^、。]{{1,{_EXAMPLE_NOUN}}}?"
            rf"{any_word([w for w in (*spec.coordinators, *spec.parallel_marks) if len(w) > 1 and not w.isascii()])}"
            rf"{coordinators}?\s*(?:\*\*|__|[「『])?{any_word(name_prefixes)}?"),
        # (事業に共同で投資, 共同で新会社に出資: what an investment made together goes into, marked before it)
        joint_target_re=re.compile(rf"[^、。\s]{any_word(spec.roles.target)}\s*"
                                   rf"(?:{any_word(spec.manner_triggers) if spec.manner_triggers else '(?!)'})?\s*$"),
        # (a unit or kin noun ends the description, Bのベンチャー投資部門C, or the owner's group or kin noun
        # is written on to it, RocheグループのC, B傘下のC; not a joint venture's: AとBの合弁会社C)
        owner_description_re=re.compile(
            rf"(?:{any_word(owner_nouns)}|{any_word(spec.roles.of)}{any_word(name_prefixes)}?"
            rf"[^、。,，:：\s「」（）()ぁ-ゖ]{{0,{_UNIT_CHARS}}}?{any_word(owner_nouns)})"
            rf"{any_word(spec.kin.joints if spec.kin else spec.roles.of)}?\s*{any_word(name_prefixes)}?"),
        coordinator_run_re=re.compile(rf"(?:\s*{coordinators}\s*)+"),
        list_joint_re=re.compile(rf"(?:\s*{coordinators}\s*)+(?:{any_word(name_prefixes)})?" if name_prefixes
                                 else rf"(?:\s*{coordinators}\s*)+"),
        group_count_re=re.compile(rf"(?:{DIGIT}+|{count_words}){counters}{count_particles}"),
        group_counted_re=re.compile(rf"(?:{DIGIT}+|{count_words}){counters}"),
        described_count_re=re.compile(
            rf"(?:(?<=という)、?[^、。「」（）()0-9０-９]{{1,{_COUNT_DESCRIPTION}}}?"
            rf"|(?<={any_word(spec.roles.of)})[一-龯々ァ-ヺー]{{1,{_COUNT_KIND}}}?)(?:{DIGIT}+|{count_words}){counters}"),
        count_particle_re=re.compile(count_particles),
        added_member_re=(re.compile(rf"{any_word(counts.added)}(?:{DIGIT}+|{count_words}){counters}{count_particles}")
                         if counts.added else None),
        count_separately=tuple(counts.separately),
        counted_shares_re=re.compile(rf"{any_word(spec.roles.of)}{shares}") if stake else None,
        # (and the words of a whole stake the shares word ends: Aが全株式を取得, Aがすべての株式を取得)
        bare_shares_before_re=re.compile(
            rf"{any_word((*(p for p in spec.roles.subject if len(p) == 1), '、'))}"
            rf"(?:[^、。]{{1,{_PAID_CHARS}}}?(?:で|分の|相当の))?"
            + (rf"(?:{any_word(whole_stakes)})?$" if whole_stakes else "$")),
        product_re=re.compile(word_alternation(products, whole_ascii_words=True)) if products else None,
        # (and a product of the company written after its の, maybe with what it is, then a partner's particle:
        # GoogleのGeminiチャットボットとの提携)
        owned_product_re=(re.compile(rf"{any_word(spec.roles.of)}\s?"
                                     rf"{word_alternation(products, whole_ascii_words=True)}"
                                     rf"[^\s、。「」『』（）()をがはにとでのもや]{{0,{_PRODUCT_NOUN}}}"
                                     rf"(?={any_word(spec.roles.partner)})") if products else None),
        # a Markdown link's target after its title ([OpenAI](https://openai.com)は) is no text of the sentence
        # (and the capitalised words of a unit's name in Latin letters: Google Public Sectorと提携; or of a fund
        # it runs, with its number, in a list: A、Sequoia Capital Global Equities V、C)
        # (and the fund it runs, which invests for it: Aが運営するファンドをリード投資家とする)
        name_tail_re=re.compile(rf"\s*(?:（[^）]{{0,80}}）|\([^)]{{0,80}}\)|\]\([^)\s]{{0,200}}\)|{stake_size}|{suffix}"
                                + (rf"|{any_word(spec.managed_funds)}" if spec.managed_funds else "")
                                + r"|(?<=[A-Za-z]) [A-Z][a-z][A-Za-z]*(?= [A-Z]|[ぁ-ゖ、，,])"
                                + r"|(?<=[A-Za-z]) (?:[IVX]{1,4}|[0-9]{1,2})(?=[ぁ-ゖ、，,])|[*」』”]+|\s"
                                # (the dot of an abbreviated form a list holds the name without: X Corp.（旧Y）を)
                                + r"|(?<=[A-Za-z])\.(?=[（(「、，ぁ-ゖ]))+"),
        unnamed_subject_re=re.compile(nouns + subject_particles),
        # (or people named by what they are, as the subject or agent: 創業家による買収)
        individual_subject_re=re.compile("|".join(
            ([rf"(?<=[一-龯々ァ-ヺーA-Za-z]){any_word(spec.individuals)}{subject_particles}"]
             if spec.individuals else [])
            + ([rf"{any_word(spec.people)}(?:{subject_particles}|による|によって)"] if spec.people else [])) or "(?!)"),
        subject_particles=frozenset(unnamed.subject_particles),
        unnamed_receiver_re=re.compile(
            rf"(?:{receiving_nouns}|(?:{DIGIT}+|{count_words}|数){counters}){receiver_particles}"
            + (rf"|{any_word(unnamed.capital_nouns)}{any_word(spec.topic_particles)}"
               if unnamed.capital_nouns else "")),
        investor_heading_re=(re.compile(
            rf"\s*(?:#{{1,6}}\s*)?(?:\*\*|__)?(?:[■□◆◇●○▶【＜<［\[]\s*)?(?:[^、。\n：:]{{1,12}}?の)?(?P<noun>"
            rf"{any_word(spec.investor_headings)})(?:一覧|リスト|の一覧|の内訳)?"
            # (a note on the list in brackets, inside the heading's marks or after them: **【引受先】**（順不同）)
            rf"(?:\s*[（(][^（）()\n]{{0,40}}[）)])?\s*[】＞>］\]]?\s*[：:]?\s*(?:\*\*|__)?\s*"
            rf"(?:[（(][^（）()\n]{{0,40}}[）)]\s*)?")
            if spec.investor_headings else None),
        joint_overview_re=(re.compile(
            rf"\s*(?:#{{1,6}}\s*)?(?:[■□◆◇●○▶【＜<［\[]\s*)?(?:\d{{1,2}}[.)）．]\s*)?(?:[^、。\n：:]{{1,12}}?の)?"
            rf"{any_word(spec.joint_companies)}の?{any_word(spec.joint_overviews)}\s*[】＞>］\]]?\s*[：:]?\s*")
            if spec.joint_overviews and spec.joint_companies else None),
        apposed_re=re.compile(rf"という[^、。「」\n]{{0,{_APPOSED_DESCRIPTION}}}?{nouns}(?={subject_particles})"),
        unnamed_topic_re=re.compile(rf"{withheld}(?!{not_topic}){any_word(spec.topic_particles)}"),
        unnamed_prefixed_re=re.compile(withheld),
        defining_re=re.compile(rf"[^、。（()]{{0,8}}?(?:\*\*|__)?(?:[（(][^（）()]*[）)])?(?:\*\*|__)?"
                               rf"{any_word(spec.topic_particles)}、?[^。]*?"
                               rf"{any_word(spec.unnamed_companies.nouns)}(?:である|です|だ)?。?\s*$"),
        thing_receiver_re=(re.compile(rf"{any_word(unnamed.thing_receiver_particles)}\s*$")
                           if unnamed.thing_receiver_particles else None),
        withheld_receiver_re=re.compile(withheld + receiver_particles),
        unnamed_modified_re=(re.compile(rf"{any_word(spec.relative_clause_ends)}(?:ような|よう)?[^、。]{{0,{_RELATIVE_GAP}}}?"
                                        rf"{nouns}") if spec.relative_clause_ends else None),
        english=compile_english_rules(spec.english) if spec.english else None,
    )


def may_hold_relation(sentence: Sentence, rules: PartnershipRules) -> bool:
    """Whether a sentence has a trigger word at all (only those are parsed)."""
    return rules.trigger_re.search(sentence.text) is not None


@dataclass(frozen=True)
class _Trigger:
    """A trigger word in a sentence (body offsets), the type and status of what it states, and whether
    its subject receives (買収された, 傘下に入る) or it is a funding round's (資金調達)."""

    start: int
    end: int
    word: str
    type: str
    status: str
    passive: bool
    funding: bool
    #: Why the trigger states no relation (the writer's speculation), None when it does.
    voided: str | None = None
    #: A purchase of shares (Bの株式を取得): the owner of the shares receives.
    stake: bool = False
    #: Where the trigger's clause ends (body offset): an amount after it belongs to another statement.
    clause_end: int = 0
    #: An offer to a company (AはBに提携を提案): the company offered to is the other side.
    proposal: bool = False
    #: An offer answered (AはBの買収提案を受け入れた): the company answering is the one offered to.
    answered: bool = False
    #: A sale (BをCに売却): the buyer is marked with に.
    sale: bool = False
    #: A sale of a whole stake (Bの全株式を売却): with no buyer named, the seller's investment in B ended.
    exit: bool = False
    #: An investment taken back out (Bから出資を引き揚げた): the company marked with から was invested in.
    withdrawal: bool = False
    #: Investments both ways between the companies acting together (AとBは相互に出資, 株式を持ち合う).
    mutual: bool = False
    #: An investment right after a sentence naming a funding round, which it puts money into when it names no
    #: receiver (Xは12億ドルを調達した。このうちAが5億ドルを拠出した).
    into_round: bool = False
    #: An investment a manner trigger says is made together (AとBは新工場に共同で投資する): investors who name no
    #: company they put money into are partners of each other.
    jointly: bool = False


@dataclass(frozen=True)
class TriggerTrace:
    """What the relation step made of one trigger word, for ``extract explain``: its reading, why it
    states nothing (``voided``), the parties the dependency parse put outside its clause, and the pairs
    (party_a, party_b names) it gave."""

    word: str
    type: str
    status: str
    passive: bool
    funding: bool
    voided: str | None
    outside_clause: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SentenceTrace:
    """What the relation step read in one sentence: the company the text was about, every party with
    its role and coordination group (name, role, group), each trigger (a join word, 参加, where the
    sentence joins the funding round of the sentence before)."""

    sentence_id: int
    topic: str | None
    parties: tuple[tuple[str, str, int], ...]
    triggers: tuple[TriggerTrace, ...]
    #: The company whose funding round, named in the sentence before, this sentence's companies join.
    round_before: str | None = None


#: The last letter of a Latin or katakana name, right before what follows it (Habana Labs|買収後).
_NAME_END_RE = re.compile(r"[A-Za-z0-9ァ-ヺー]$")


def _absence_re(absences: Sequence[str], paired_particles: Sequence[str]) -> re.Pattern | None:
    """Words right after a trigger saying the relation is not there (資本関係はない), or, those beginning with a
    particle written after each of two nouns set side by side, after the other noun (資本関係も人的関係もない); None
    without words."""
    if not absences:
        return None
    beside = [word for word in absences if word.startswith(tuple(paired_particles))]
    return re.compile(any_word(absences) + (
        rf"|{any_word(paired_particles)}[^、。]{{0,{_SPECULATION_CHARS}}}?{any_word(beside)}" if beside else ""))


def _triggers(sentence: Sentence, rules: PartnershipRules) -> list[_Trigger]:
    """Trigger words of the sentence that are not part of a non-trigger word, each with the status its
    clause gives it; one the writer only speculates about is ``voided``."""
    text = sentence.text
    kinds = rules.trigger_kinds
    stakes = list(rules.stake_re.finditer(text)) if rules.stake_re else []
    matches = [match for match in rules.trigger_re.finditer(text)
               if not _in_non_trigger(text, match, rules)
               and not any(overlaps(Span(*match.span()), Span(*stake.span())) for stake in stakes)
               and not _ends_a_quoted_name(text, match)]
    matches = sorted([*matches, *stakes], key=lambda match: match.start())
    # 共同で出資, 共同でリード: the co-investors are no partners of each other; the investment, or joining the
    # round, is the statement, made together.
    kept, jointly = [], set()
    for index, match in enumerate(matches):
        next_match = matches[index + 1] if index + 1 < len(matches) else None
        if match.group() in rules.manner_triggers and _says_how(text, match, next_match, kinds, rules):
            if next_match is not None and "、" not in text[match.end():next_match.start()].removeprefix("、"):
                jointly.add(next_match.start())
        elif not _bid_as_means(text, match, next_match, kinds, rules):
            kept.append(match)
            # Bと共同でCを買収: a partnership with B, and the acquisition or investment after it in its clause is
            # made together with B (a comma may follow the manner word: Bと共同で、Cに出資)
            if (match.group() in rules.manner_triggers and next_match is not None
                    and kinds.get(next_match.group()) in (INVESTMENT, ACQUISITION)
                    and "、" not in text[match.end():next_match.start()].removeprefix("、")):
                jointly.add(next_match.start())
    matches = kept
    # 買収を協議, Bの買収について、両社は交渉を続けている: talks after another trigger are about that deal, whose
    # status they give, no statement of their own
    matches = [match for index, match in enumerate(matches)
               if not (match.group() in rules.talks_triggers
                       and any(earlier.group() not in rules.talks_triggers for earlier in matches[:index]))]
    found, purposes = [], []
    # (the text without its speculation words, at the same offsets: no condition's もし inside かもしれない)
    unspeculated = text if rules.conditions or rules.alternatives else ""
    for word in rules.speculation if unspeculated else ():
        unspeculated = unspeculated.replace(word, "・" * len(word))
    for index, match in enumerate(matches):
        # A trigger's clause runs on past the next trigger close after it (計算資源契約は来月締結される予定だ:
        # the 契約 is planned too), else it stops there (提携を発表、買収も検討; 提携で…投資する計画), but for talks,
        # which give it its status (買収について、Bと協議している).
        # (a gloss in brackets right after the word is read past, and a trigger in it is no next one)
        gloss = _TRIGGER_GLOSS_RE.match(text, match.end())
        after = gloss.end() if gloss else match.end()
        following = next((later.start() for later in matches[index + 1:]
                          if later.group() not in rules.talks_triggers and later.start() >= after), len(text))
        if "、" not in text[after: following] and following - after <= _TRIGGERS_JOINED:
            following = len(text)
        clause_end = _CLAUSE_END_RE.search(text, after, following)
        window = text[after: clause_end.start() if clause_end else following]
        if match.re is rules.stake_re and match.group() in rules.stake_verbs:
            window = ""  # ルノーが保有する日産株の取得を検討: the relative clause states the stake held, done
        # 花王株を保有するファンド、Oasisは、改善を求めてきた: the clause that modifies the topic holds the status
        # (not 買収する計画は撤回された, whose noun is a status word itself)
        # (or one the trigger ends in: Xの株主であるAは、…を提案した)
        appositive = next((word for word in rules.trigger_appositives if match.group().endswith(word)), "")
        modified = (rules.modified_topic_re.match(appositive + window) if rules.modified_topic_re is not None
                    else None)
        if modified and not any(word in modified.group() for word, _ in rules.status_words):
            window = modified.group()[len(appositive):]
        # 提携するかもしれない, not 提携、というニュースに…そう感じたかもしれません (another clause's guess).
        speculation = next((word for word in rules.speculation if word in window[:_SPECULATION_CHARS]), None)
        # 提携戦略を取っていくのか: a question about what is to come; not この買収がどう貢献するのか, about what a deal
        # that stands does (its subject or topic)
        if speculation is None and not window.startswith(tuple(rules.subject_particles)):
            speculation = next((word for word in rules.questions if word in window[:_SPECULATION_CHARS]), None)
        # 提携するかもしれない、という話: a rumour someone reported, planned (the report word makes it so).
        rumour = speculation and any(word in window[window.index(speculation):] for word in rules.rumours)
        if rumour:
            speculation = None
        # もし…であれば、Bとの連携も: a condition the writer imagines before the trigger; 自社で構築するのか、あるいはB
        # と組むのか: one of the choices the writer asks about
        speculation = speculation or next((word for word in (*rules.conditions, *rules.alternatives)
                                           if unspeculated.find(word, 0, match.start()) >= 0), None)
        # AはBやCと受注を競っている: rivals for a deal, no partners of each other.
        contest = next((word for word in rules.contests if word in window[:_SPECULATION_CHARS]), None)
        # AやBも参加を協議している: talks about joining (a round the sentence before named), among no one
        joining = (match.group() in rules.talks_triggers
                   and rules.joining_talked_re.search(text, 0, match.start()) is not None)
        # 資本関係はない: no relation at all (unless a word of its clause ends it)
        absence = rules.absence_re.match(window) if rules.absence_re is not None else None
        absent = absence.group() if absence else None
        # 合併後も同社との連携を続ける: a time after the deal the text is about, not one of the sentence's companies
        # (but AとBの合併後, Bとの統合後, and a Latin or katakana name right before it, Habana Labs買収後, name it)
        deal_time = (text.startswith(rules.deal_times, match.end())
                     and not text.endswith(rules.of_deal, 0, match.start())
                     and not _NAME_END_RE.search(text, 0, match.start()) if rules.deal_times else False)
        voided = (f"the writer's speculation ({speculation})" if speculation
                  else f"a contest for it ({contest})" if contest and kinds.get(match.group()) == PARTNERSHIP
                  else "talks about joining something" if joining
                  else f"a time of the deal ({match.group()}{text[match.end()]})" if deal_time else None)
        stake = match.re is rules.stake_re or match.group() in rules.owner_receives
        kind = _stake_kind(text, match, rules) if match.re is rules.stake_re else kinds[match.group()]
        if match.group() in rules.mergers and rules.passive_re.match(text, match.end()) is not None:
            kind = ACQUISITION  # BはAに合併された: A absorbs B
        # 株式を公開買付けにより取得: shares bought through a bid are a takeover bid, planned until it is launched
        bid = next((word for word in rules.bid_triggers if word in match.group()), None) if stake else None
        if bid is not None:
            kind = ACQUISITION
        sale = match.group() in rules.sale_triggers
        if sale and voided is None and text.startswith(rules.deal_measures, match.end()):
            # …を売却し、売却額は約50億円: a measure of the sale the sentence states, whose seller buys nothing
            voided = f"a measure of a sale ({match.group()}{text[match.end()]})"
        # (within the trigger's clause: Bの株の20%をCに約600億円で売却)
        shares = (rules.share_re.search(text, max(0, match.start() - _SALE_GAP), match.start())
                  if sale and rules.share_re else None)
        # (a comma may follow the shares' を, Bの株式の一部を、Cに売却, or set a buyer beside what it is, …を投資会社、C
        # へ売却)
        if shares and _CLAUSE_MARKS_RE.search(rules.appositive_comma_re.sub(
                r"\g<noun>", text[shares.end():match.start()].replace("を、", "を"))):
            shares = None
        exit = False
        if shares:  # Bの株式20%をCに売却: C buys into B
            stake = True
            stake_words = text[max(0, shares.start() - _STAKE_LEAD): match.start()]
            kind = ACQUISITION if _controls(stake_words, rules) else INVESTMENT
            exit = any(word in stake_words for word in rules.stake_exits)
        # AはBのTOBに賛同した: a bid answered is an offer the answering company is made, as 買収提案を受け入れた is
        proposal = any(word in window for word in rules.proposals) or (
            (bid or match.group()) in rules.bid_triggers and window[:1] in ("を", "に")
            and window[1:].startswith(rules.offer_answers))
        # 買収へ, and a trigger that ends with the ending itself (Xの傘下へ)
        ending = next((word for word in rules.planned_endings if match.group().endswith(word)), "")
        # 両社はまだ最終契約を結んでいない: the trigger's clause from its last comma, for a not-yet word before it
        lead = text[text.rfind("、", 0, match.start()) + 1: match.start()]
        # Bとの提携で、…を投資する計画だ: the deal is the means of a plan, with no clause between
        plan = rules.means_of_plan_re.match(text, match.end()) if rules.means_of_plan_re is not None else None
        means_of_plan = plan is not None and _CLAUSE_END_RE.search(text, match.end(), plan.start("plan")) is None
        status = _status(window, rules, bid or match.group(), bool(rumour) or rules.planned_ending_re is not None
                         and rules.planned_ending_re.match(text, match.end() - len(ending)) is not None, lead,
                         means_of_plan)
        # 経営統合を目指していたが、協議は打ち切られた; Bへの出資を計画していたが、…出資を断念した (the same deal
        # word again after the contrast names the same deal)
        again = next((later for later in matches[index + 1:] if clause_end is not None
                      and later.start() >= clause_end.end() and later.group() == match.group()), None)
        # (a trigger naming a measure of a deal, 出資比率, is no deal of the contrasting clause: 提携を協議したが、
        # 出資比率を巡って…交渉は決裂した)
        # (after a report of the deal, the rest of the sentence answers the report, whatever deal word it uses:
        # Bの買収を検討していると報じられたが、Cは「売却する事実はない」と否定した)
        reported = any(word in window for word in rules.report_words)
        contrast_end = (len(text) if reported
                        else next((later.start() for later in matches[index + 1:]
                                   if later.start() >= following and later.group() not in rules.talks_triggers
                                   and not text.startswith(rules.deal_measures, later.end())), len(text))
                        if again is None else _clause_end_offset(text, again.end()))
        if clause_end is not None and clause_end.group().startswith(_CONTRASTS) and any(
                word in text[clause_end.end(): contrast_end] for word in rules.called_off):
            status = ENDED
        if status == ENDED and (bid or match.group()) in rules.bid_triggers and _bid_through(text[match.end():], rules):
            status = DONE  # TOBは本日をもって終了し、成立した: the offer period ends, and the bid is through
        if (status == PLANNED and (bid or match.group()) in rules.bid_triggers and clause_end is not None
                and clause_end.group().startswith(_DOING[0])
                and _bid_through(_next_clause(text, clause_end.end()), rules)):
            status = DONE  # TOBを実施し、完全子会社化した: the bid made, and the company bought in the clause after it
        if status == DONE and match.group() in rules.talks_triggers:
            status = PLANNED  # AはBと協議している: the deal talked about is not made yet
        if absent and status != ENDED and voided is None:
            voided = f"said not to be there ({absent})"  # not 提携はないと否定した: a denial ends the deal
        found.append(_Trigger(sentence.start + match.start(), sentence.start + match.end(),
                              kinds.word_of(match.group()), kind, status,
                              kind != PARTNERSHIP and (match.group() in rules.subject_receives
                                                       or rules.passive_re.match(text, match.end()) is not None),
                              match.group() in rules.funding_triggers,
                              voided, stake,
                              sentence.start + (clause_end.start() if clause_end else following),
                              proposal, proposal and any(word in window for word in rules.offer_answers), sale, exit,
                              kind == INVESTMENT and rules.withdrawal_re is not None
                              and rules.withdrawal_re.match(text, match.end()) is not None,
                              kind == INVESTMENT and (match.group() in rules.mutual
                                                      or text.endswith(rules.mutual, 0, match.start())),
                              jointly=match.start() in jointly))
        purposes.append(rules.purpose_re is not None and rules.purpose_re.match(text, match.end()) is not None)
    # 子会社化するため、全株式を取得した (done); 完全子会社化するためのTOBを開始 (planned: the bid is not through yet).
    for index, purpose in enumerate(purposes):
        if purpose and found[index].status != ENDED:
            found[index] = replace(found[index], status=found[index + 1].status if index + 1 < len(found) else PLANNED)
    return found


def _co_investors(pairs: Sequence[tuple[_Party, _Party]], before: Sequence[_Party], sentence: Sentence,
                  parties: Sequence[_Party], rules: PartnershipRules,
                  topic: _Party | None = None) -> list[tuple[_Party, _Party]]:
    """Each two investors of an investment made together: those of its pairs, else the subjects named
    together before it (AとBは共同出資で新会社を設立) and the partners named with them (AはBと折半出資で), or with
    the company the text is about where the sentence leaves its subject out (- 1965年 - Bとの共同出資で工場を建設),
    but for a company and its own subsidiary or parent."""
    investors = list({p.company_id: p for p, _ in pairs}.values())
    if not investors:
        subjects = [p for p in before if p.role == "subject"]
        investors = [p for p in subjects if p.group == subjects[-1].group] if subjects else []
        partners = [p for p in before if p.role == "partner"]
        if not investors and partners and topic is not None and topic.role == "topic":
            investors = [topic]
        # (AはBと折半出資で: the partner it invests with)
        investors += partners if investors else []
    return [(a, b) for index, a in enumerate(investors) for b in investors[index + 1:]
            if not _kin(sentence, a, b, parties, rules) and not _kin(sentence, b, a, parties, rules)]


def _names_a_deal_again(sentence: Sentence, earlier: Sequence[_Trigger], trigger: _Trigger,
                        parties: Sequence[_Party]) -> bool:
    """Whether the trigger's word names again a deal an earlier trigger of the sentence named, in a clause
    of its own that names no company, with the status the earlier one took from it (Bへの出資を計画していたが、
    …出資を断念した): the same deal, not another one for the company the text is about."""
    before = next((t for t in reversed(earlier) if t.word == trigger.word), None)
    if before is None or before.status != trigger.status:
        return False  # 資本提携を解消したが、再び資本提携を結んだ: another deal
    clause_start = max((match.end() for match in _CLAUSE_END_RE.finditer(
        sentence.text, before.end - sentence.start, trigger.start - sentence.start)), default=None)
    return clause_start is not None and not any(
        sentence.start + clause_start <= p.start < trigger.start for p in parties if p.role != "topic")


def _clause_end_offset(text: str, offset: int) -> int:
    """Where the clause going on at ``offset`` of ``text`` ends (the text's end at the latest)."""
    clause_end = _CLAUSE_END_RE.search(text, offset)
    return clause_end.start() if clause_end else len(text)


def _says_how(text: str, manner: re.Match[str], following: re.Match[str] | None, kinds: Mapping[str, str],
              rules: PartnershipRules) -> bool:
    """Whether a manner trigger (共同で) only says how the trigger or join word close after it in its clause is
    done (共同で出資, 共同でリードした)."""
    end = min(manner.end() + _TRIGGERS_JOINED, following.start() if following else len(text))
    join = rules.join_re.search(text, manner.end(), end)
    # (an investment or acquisition further on in the clause too: AとBが共同でCに数十億ドルを投資; not where it
    # names a partner, Bと共同で…を投じる, a partnership with B of its own)
    if any(text.endswith(particle, 0, manner.start()) for particle, role in rules.roles if role == "partner"):
        return False
    reach = (_MANNER_REACH if following is not None and kinds.get(following.group()) in (INVESTMENT, ACQUISITION)
             else _TRIGGERS_JOINED)
    # (the nearer of the two: AとBが共同で主導し、Cも出資した: 共同で says how the round is led)
    near = [found for found in (following if following is not None and following.start() - manner.end() <= reach
                                else None, join) if found is not None]
    close = min(near, key=lambda found: found.start(), default=None)
    return close is not None and "、" not in text[manner.end():close.start()]


def _bid_as_means(text: str, bid: re.Match[str], following: re.Match[str] | None, kinds: Mapping[str, str],
                  rules: PartnershipRules) -> bool:
    """Whether a bid only says how the acquisition close after it in its clause is done (Bを TOBで完全子会社化
    した): that acquisition is the statement."""
    if bid.group() not in rules.bid_triggers or following is None or kinds.get(following.group()) != ACQUISITION:
        return False
    means = next((word for word in rules.bid_means if text.startswith(word, bid.end())), None)
    gap = text[bid.end() + len(means):following.start()] if means else ""
    return means is not None and len(gap) <= _BID_MEANS_GAP and "、" not in gap


def _ends_a_quoted_name(text: str, match: re.Match[str]) -> bool:
    """Whether the trigger word ends a quoted name with no particle in it (「AI-RANアライアンス」,
    「Zephyrコンソーシアム」): the name of a body its members join, not a statement of a deal
    (「AとBの提携」 states one)."""
    return text.startswith(("」", "』"), match.end()) and _QUOTED_NAME_RE.search(text, 0, match.start()) is not None


def _stake_kind(text: str, match: re.Match[str], rules: PartnershipRules) -> str:
    """A purchase of all or most of the shares (全株式を取得, 株式の過半を取得, 株式51%を取得) is an acquisition,
    else an investment."""
    return ACQUISITION if _controls(text[max(0, match.start() - _STAKE_LEAD): match.end()], rules) else INVESTMENT


def _controls(stake: str, rules: PartnershipRules) -> bool:
    """The words of a stake name all or most of the shares: a controlling word (全株式, 過半) or a share
    above half (51%, 80.1％)."""
    return (any(word in stake for word in rules.controlling)
            or any(float(share) > _HALF for share in _PERCENT_RE.findall(unicodedata.normalize("NFKC", stake))))


def _status(window: str, rules: PartnershipRules, word: str, planned_ending: bool, lead: str = "",
            means_of_plan: bool = False) -> str:
    """done when the clause denies a report about the deal (報道を否定: it stands), else ended when an ended
    word follows the trigger (提携しない方針, 買収計画を撤回) but where a not-yet word in the clause (``lead``, its
    text before the trigger, or ``window``) makes a negation a deal to come, else planned when a planned word
    follows it closely (買収を検討) or anywhere in the phrase a manner trigger set off by a comma is the manner of
    (共同で、…を検討),
    the trigger ends a headline's clause with a planned ending (買収へ), the clause reports the deal
    as to come (買収すると報じた), it is a bid not yet launched (TOBを実施する, not TOBを開始した nor TOBが成立), or
    the means of a plan (``means_of_plan``: Bとの提携で、…を投資する計画だ), else done."""
    if any(phrase in window for phrase in rules.undeniable):
        return DONE  # …の可能性も否定できない: no denial, the deal stands
    if any(phrase in window for phrase in rules.left_open):
        return PLANNED  # 協業の可能性は否定しない: the deal is kept open, to come
    if rules.solved_problem_re is not None:
        # 提携は、懸念も解消する; ボトルネックを解消するための提携: a problem the deal solves, not the deal, ends
        window = rules.solved_problem_re.sub(lambda solved: "・" * len(solved.group()), window)
    denial = min((window.find(phrase) for phrase in rules.denied_reports if phrase in window), default=-1)
    if denial >= 0:
        # 提携を解消するとの報道を否定: what the report said would change the deal is denied, so it stands; 買収観測
        # を否定, 出資するとの報道を否定: the reported deal itself is denied.
        said = window[:denial]
        changed = any(word in said for word in rules.deal_changes) or any(
            word in said for word, status in rules.status_words if status == ENDED)
        return DONE if changed else ENDED
    # A planned word far after the trigger is about something else the clause goes on to say (提携は、…を
    # 目指していることを示す), unless it follows a join word that restates the trigger (資金調達について、
    # AとBが参加を検討); an ended word there still ends it (提携を…解消した).
    join = rules.join_re.search(window)
    # 協業は、他社にも同様の戦略を検討させる: what the deal makes others do is not its own status.
    own = _CAUSED_RE.sub(lambda caused: "・" * len(caused.group()), window)
    if any(word in own for word in rules.offer_accepted):
        # 買収提案を受け入れた: the offer is accepted, so the offer's own planned word no longer holds.
        for proposal in rules.proposals:
            own = own.replace(proposal, "・" * len(proposal))
    near = own[:_PLANNED_CHARS] + (own[join.start(): join.end() + _PLANNED_CHARS] if join else "")
    if own.startswith(_GOAL_PARTICLES):
        near = own  # Bの買収に、AやCなど複数のファンドが関心を示している: the verb the deal is the goal of, however far
    if word in rules.manner_triggers and own.startswith("、"):
        # Bと共同で、…に建て替える方向で検討している: a manner trigger set off by a comma says how the verb of the
        # phrase after it is done, whose status is the deal's however far
        near = own.split("、", 2)[1]
    # 提携を続ける方針: keeping a deal that stands; what is planned is only that it goes on.
    kept = min((near.find(word) for word in rules.continuations if word in near), default=-1)
    if kept >= 0:
        near = near[:kept]
    # (talks anywhere in the clause are about the deal: 出資比率を…に引き上げる方向で協議している)
    found = {status for status_word, status in rules.status_words
             if status_word in (window if status == ENDED or status_word in rules.talks_triggers else near)
             or status == PLANNED and status_word in word}  # 供給交渉: the trigger says the deal is talked about
    # 提携を目指す: a goal of the deal; Bと連携して社会実装を目指す: the deal is the means, the goal is to come.
    goal = min((near.find(word) for word in rules.goals if word in near), default=-1)
    if goal >= 0 and not any(ending in near[:goal] for ending in rules.means_endings):
        found.add(PLANNED)
    if rules.planned_report_re is not None and rules.planned_report_re.search(window):
        found.add(PLANNED)
    if planned_ending or word in rules.bid_triggers and not any(done in window for done in rules.bid_done):
        found.add(PLANNED)
    if means_of_plan:
        found.add(PLANNED)
    if ENDED in found and any(not_yet in lead + window for not_yet in rules.not_yet) and not any(
            called_off in window for called_off in rules.called_off):
        return PLANNED  # 両社はまだ契約を結んでいない: not yet, not off
    return ENDED if ENDED in found else PLANNED if PLANNED in found else DONE


def _names_unlisted_subject(mentions: Sequence[CompanyMention], tokens: Sequence[Token], first_trigger: int,
                             rules: PartnershipRules) -> bool:
    """Whether the sentence's words name a subject that is no company found in it: a proper noun written in
    katakana right before a subject particle (ハドソンは, セガとサミーが), or a Latin name no product list holds right
    before が and the first trigger (body offset ``first_trigger``: Kodex AIがBと協業), either possibly in bold
    and glossed in brackets (**STIM（スウェーデン著作権協会）**が, where an acronym is a name too). A company no
    list holds or a person then acts, not the text's topic. (A Latin name marked as the topic is most often a
    product of the text's company, which acts for it: Geminiは…Samsungとの提携を通じて.)"""
    for index, token in enumerate(tokens[1:], start=1):
        if token.surface not in rules.subject_particles:
            continue
        head, glossed = _name_before(tokens, index)
        first = head
        while first > 0 and _is_katakana_proper_noun(tokens[first - 1]) and (
                first == head or tokens[first - 1].end == tokens[first].start):
            first -= 1
        if first == head and token.surface not in rules.topic_particles and token.end <= first_trigger:
            # Kodex AIがBと協業: a Latin name marked with が (not は, which a product of the topic often takes)
            while first > 0 and _LATIN_WORD_RE.fullmatch(tokens[first - 1].surface) and (
                    first == head or tokens[first].start - tokens[first - 1].end <= 1):
                first -= 1
            acronym = glossed and first < head and _ACRONYM_RE.fullmatch(tokens[first].surface) is not None
            if first < head and not acronym and (
                    not _LATIN_NAME_START_RE.match(tokens[first].surface) or rules.product_re is not None
                    and rules.product_re.match(tokens[first].surface) is not None):
                first = head
        if first < head and not any(m.start < token.start and tokens[first].start < m.end for m in mentions):
            return True
    return False


def _name_before(tokens: Sequence[Token], index: int) -> tuple[int, bool]:
    """The index of the token just after a name written before token ``index``, past bold or italic marks and a
    gloss in brackets (**STIM（スウェーデン著作権協会）**が: the opening bracket), and whether a gloss was passed."""
    head = index
    while head > 0 and tokens[head - 1].surface in _EMPHASIS_MARKS:
        head -= 1
    if head > 0 and tokens[head - 1].surface in _CLOSING_BRACKETS:
        for opening in range(head - 2, max(0, head - 1 - _GLOSS_TOKENS) - 1, -1):
            if tokens[opening].surface in _OPENING_BRACKETS:
                return opening, True
    return head, False


def _is_katakana_proper_noun(token: Token) -> bool:
    """A proper noun written in katakana (ハドソン, サミー), a word of a name."""
    return token.pos == "名詞-固有名詞" and _KATAKANA_WORD_RE.fullmatch(token.surface) is not None


def _ancestors(parents: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Each company id's parent, its parent's parent and so on (a cycle stops where it comes round)."""
    ancestors = {}
    for company in parents:
        chain: list[str] = []
        parent = parents.get(company)
        while parent is not None and parent != company and parent not in chain:
            chain.append(parent)
            parent = parents.get(parent)
        ancestors[company] = frozenset(chain)
    return ancestors


def _next_clause(text: str, start: int) -> str:
    """The clause of ``text`` that starts at ``start`` (up to its end, or the sentence's); none where it states a
    condition (成立すれば: what would follow)."""
    end = _CLAUSE_END_RE.search(text, start)
    clause = text[start: end.end() if end else len(text)]
    return "" if _CONDITION_RE.search(clause) else clause


def _bid_through(rest: str, rules: PartnershipRules) -> bool:
    """Whether the text after a takeover bid says it is through (成立, 完了; not 不成立, an ended word that holds
    成立)."""
    for failed in rules.bid_failed:
        rest = rest.replace(failed, "・" * len(failed))
    return any(done in rest for done in rules.bid_done)


def _in_non_trigger(text: str, match: re.Match[str], rules: PartnershipRules) -> bool:
    """Whether the trigger match is part of a longer word that is none (the 投資 of 投資家, 設備投資)."""
    return any(word in text[max(0, match.start() - len(word)): match.end() + len(word)]
               and _covers(text, match, word) for word in rules.not_triggers)


def _holds_trigger(text: str, rules: PartnershipRules) -> bool:
    """Whether ``text`` holds a trigger word that is no part of a non-trigger word (not 既存投資家の)."""
    return any(not _in_non_trigger(text, match, rules) for match in rules.trigger_re.finditer(text))


def _covers(text: str, match: re.Match[str], word: str) -> bool:
    """Whether an occurrence of ``word`` overlaps the trigger match, which is no longer than ``word`` (出資者
    covers the 出資 of 出資者, not 最大の出資者, a longer trigger holding it)."""
    if len(match.group()) > len(word):
        return False
    trigger = Span(*match.span())
    return any(overlaps(Span(*hit.span()), trigger) for hit in re.finditer(re.escape(word), text))


def _owned_topic(sentence: Sentence, start: int, end: int, rules: PartnershipRules) -> re.Match[str] | None:
    """The topic phrase a name at body offsets [start, end) owns where the sentence opens with it (after a
    headline's markup): Xの戦略は, Xの戦略も; None where it does not open so."""
    lead, owned = rules.headline_lead_re, rules.owned_topic_re
    if lead is None or owned is None or not lead.fullmatch(sentence.text, 0, start - sentence.start):
        return None
    return owned.match(sentence.text, _name_end(sentence, start, end, rules))


def _topic_owner(sentence: Sentence, mentions: Sequence[CompanyMention], before: int,
                 rules: PartnershipRules) -> CompanyMention | None:
    """The company the sentence opens with as the owner of its topic phrase (Baiduの戦略は、彼らが…), if it
    opens so and that company is named before body offset ``before``: a 彼ら after it is that company."""
    first = mentions[0] if mentions else None
    if first is None or first.end > before or _owned_topic(sentence, first.start, first.end, rules) is None:
        return None
    return first


def _opening_owner(parties: Sequence[_Party], sentence: Sentence, rules: PartnershipRules) -> list[_Party]:
    """The party the sentence opens with as the owner of its topic phrase set off by a comma (Xの戦略は、
    Xの戦略も、), if it opens so."""
    first = parties[0] if parties else None
    owned = _owned_topic(sentence, first.start, first.end, rules) if first is not None and first.role == "of" \
        else None
    return [first] if first is not None and owned is not None and sentence.text.startswith("、", owned.end()) \
        else []


def _past_name(sentence: Sentence, start: int, end: int, rules: PartnershipRules) -> int:
    """Where the sentence goes on after the name at body offsets [start, end) and what still belongs to it (its
    suffix, a parenthesis, markup: ジャフコ グループが, X株式会社設立)."""
    position = _name_end(sentence, start, end, rules)
    tail = rules.name_tail_re.match(sentence.text, position)
    return tail.end() if tail else position


def _name_end(sentence: Sentence, start: int, end: int, rules: PartnershipRules) -> int:
    """Where the name of a party named at body offsets [start, end) ends in the sentence: at the end of
    a product named after its maker (Microsoft Azure, グーグル・クラウド), which acts for its maker."""
    if rules.product_re is None:
        return end - sentence.start
    product = rules.product_re.match(sentence.text, start - sentence.start)
    if product is None:
        # Anthropic Claude 4: a product written after its maker's name
        spaced = _SPACES_RE.match(sentence.text, end - sentence.start)
        product = rules.product_re.match(sentence.text, spaced.end()) if spaced else None
    if product is None:
        return end - sentence.start
    # Claude 4, Microsoft Copilot Studio: the product's version, or the rest of a longer product name
    rest = _PRODUCT_REST_RE.match(sentence.text, product.end())
    return max(end - sentence.start, rest.end() if rest else product.end())


def _role(sentence: Sentence, start: int, end: int, rules: PartnershipRules) -> tuple[str, int, int]:
    """The role particle after a party named at body offsets [start, end), where what follows the name
    (the rest of a product named after it, Microsoft Azure; a parenthesis; 社) ends and where the
    particle ends (sentence offsets). A name written right before a trigger word (B買収) has the role
    "bare"."""
    text = sentence.text
    position = _name_end(sentence, start, end, rules)
    if rules.stake_re is not None and rules.stake_re.match(text, position):
        return "bare", position, position  # B株27%保有: the shares' company, bought into
    # 鴻海グループ入り, ソフトバンクグループ入り: a trigger beginning with a name's suffix written on to the name
    # (which may end in that suffix itself).
    for at in range(max(start - sentence.start, position - _SUFFIX_IN_TRIGGER), position + 1):
        written_on = rules.written_on_re.match(text, at) if rules.written_on_re else None
        if written_on and written_on.end() > position:
            return "bare", position, position
    skipped = rules.name_tail_re.match(text, position)
    if skipped:
        position = skipped.end()
    elif text[start - sentence.start - 1:start - sentence.start] in ("（", "(") \
            and text[position:position + 1] in ("）", ")"):
        # 順為資本（Shunwei Capital）も, Global Unichip (GUC) との: a gloss's company takes the particle after its
        # bracket
        position += 1
        spaced = _SPACES_RE.match(text, position)
        if spaced and any(text.startswith(particle, spaced.end()) for particle, _ in rules.roles):
            position = spaced.end()
    unit = rules.unit_re.match(text, position) if rules.unit_re else None
    if unit and (any(text.startswith(particle, unit.end()) for particle, _ in rules.roles)
                 or rules.trigger_re.match(text, unit.end())):
        position = unit.end()  # ABBロボット部門を買収, ABBロボット事業買収: the unit's particle is its company's
    elif rules.owned_unit_re is not None and (owned := rules.owned_unit_re.match(text, position)) and any(
            text.startswith(particle, owned.end()) for particle, role in rules.roles if role != "of"):
        # クアルコムの投資部門も参加, ロームのパワー半導体事業を取得: the company acts or is bought through its unit
        position = owned.end()
    elif rules.acting_arm_re is not None and (arm := rules.acting_arm_re.match(text, position)) and any(
            text.startswith(particle, arm.end()) for particle, role in rules.roles if role in ("subject", "agent")):
        # テンセントの子会社が出資, デジタルブリッジ傘下のファンドによるTOB: the company acts through its arm
        position = arm.end()
    owned_product = rules.owned_product_re.match(text, position) if rules.owned_product_re else None
    if owned_product and any(text.startswith(particle, owned_product.end())
                             and rules.trigger_re.match(text, owned_product.end() + len(particle))
                             for particle, role in rules.roles if role == "partner"):
        # AppleはGoogleのGeminiとの提携も模索: the maker is the partner of the deal right after its product (not of
        # one further on: GoogleのVertex AIとの競争が激化する中で、…と提携)
        position = owned_product.end()
    led = rules.led_group_re.match(text, position) if rules.led_group_re else None
    if led:  # Permira主導の投資家グループによって買収された, Aを中心とする投資家から, Aを中心とする連合に買収された:
        # the leader takes its group's part where the group acts, gives or receives
        role = rules.particle_roles[led.group("particle")]
        if role in _ACTOR_ROLES or role in ("source", "target"):
            return role, position, led.end()
    if rules.report_source_re is not None and rules.report_source_re.match(text, position):
        return "other", position, position  # Bloombergによると, Reutersが報じた: the report's source, no party
    if rules.market_re is not None and rules.market_re.match(text, position):
        return "other", position, position  # 東証プライム市場に上場する: the market shares trade on, no party
    if rules.commentator_re is not None and rules.commentator_re.match(text, position):
        return "other", position, position  # みずほ証券のアナリストは「…出資…」とみる: a comment, no party
    spokesperson = rules.spokesperson_re.match(text, position) if rules.spokesperson_re else None
    if spokesperson and text[:start - sentence.start].endswith(rules.former_marks):
        return "other", position, spokesperson.end()  # 元グーグル幹部が創業した: no one acting for it now
    if spokesperson:  # NVIDIAのフアンCEOは、…出資を発表した: the company acts through its head
        return "subject", position, spokesperson.end()
    about = next((mark for mark in rules.about_marks if text.startswith(mark, position)), None)
    if about:  # エーザイについては、…: the subject; トヨタは、ソフトバンクについては出資を: what the deal is about
        before = text[:start - sentence.start]
        named_topic = any(before.endswith(particle) or f"{particle}、" in before for particle in rules.topic_particles)
        return ("target" if named_topic else "subject"), position, position + len(about)
    # (names no list holds, written on after it with a coordinator: read once, for the particle after them)
    listed = rules.unlisted_names_re.match(text, position)
    if listed and listed.end() > position:
        # Sequoia CapitalとKPGが共同で主導: a name no list holds coordinated after it, and their subject particle
        particle = next((particle for particle, role in rules.roles
                         if role == "subject" and text.startswith(particle, listed.end())), None)
        if particle is not None:
            return "subject", position, listed.end() + len(particle)
    parallel = rules.parallel_re.match(text, position) if rules.parallel_re else None
    if parallel:  # AWSだけでなく、他のクラウド事業者とも提携: the particle closing the phrase set beside it
        for particle, role in rules.roles:
            if text.startswith(particle, parallel.end()):
                return role, position, parallel.end() + len(particle)
    for particle, role in rules.roles:
        # (not a particle a trigger begins inside and runs past: Xに対抗TOBを, a counter-bid for X, not one against
        # X; but Aをリード投資家とし)
        end = position + len(particle)
        if text.startswith(particle, position) and not any(
                (inside := rules.trigger_re.match(text, at)) and inside.end() > end for at in range(position + 1, end)):
            return role, position, end
    if rules.trigger_re.match(text, position):
        return "bare", position, position  # AのB買収
    if listed:  # AやWatershed、Sustainable Venturesと協業: the list's particle
        for particle, role in rules.roles:
            if text.startswith(particle, listed.end()):
                return role, position, listed.end() + len(particle)
    return "other", position, position


class RelationFinder:
    """Finds partnership, investment and acquisition statements in a post, sentence by sentence."""

    def __init__(self, rules: PartnershipRules) -> None:
        self._rules = rules
        references = (*rules.same_company, *rules.post_company, *rules.both_companies, *rules.counted_companies,
                      *rules.first_of_two, *rules.second_of_two)
        # 3社は, この3社が, opening its clause (not A、B、Cの3社, a count of the names before it)
        pointing = "".join(f"|(?<={re.escape(word)})" for word in rules.deal_reference_before)
        self._counted_reference_re = re.compile(rf"(?:^|(?<=[、。\s]){pointing})(?:{any_word(rules.counted_companies)})"
                                                if rules.counted_companies else "(?!)")
        self._reference_re = re.compile(any_word(references))
        self._post_reference_re = re.compile(any_word(rules.post_company) if rules.post_company else "(?!)")
        # 同社 (not 当社, the writer)
        self._same_reference_re = re.compile(any_word([word for word in rules.same_company
                                                       if word not in rules.writer_company]))
        #: The particles marking what a deal acts on (同社を, 同社に), and an owner's (同社の株式).
        self._receiving_particles = tuple(particle for particle, role in rules.roles if role in _RECEIVER_ROLES)
        self._owning_particles = ("", *(particle for particle, role in rules.roles if role == "of"))

    def may_relate(self, sentence: Sentence, mentions: Sequence[CompanyMention], may_name_more: bool = False) -> bool:
        """Whether the sentence can state a relation: a trigger and a company named (``mentions``), referred
        to, or, with ``may_name_more``, perhaps still to be found (by NER). Only such sentences are worth
        GiNZA's dependency parse."""
        return (bool(mentions) or may_name_more or self._reference_re.search(sentence.text) is not None) \
            and may_hold_relation(sentence, self._rules)

    def find(self, sentences: Sequence[Sentence], companies: Sequence[CompanyMention],
             money: Mapping[int, Sequence[tuple[int, float | None]]],
             parses: Mapping[int, ParsedSentence], trace: list[SentenceTrace] | None = None,
             tokens: Mapping[int, Sequence[Token]] | None = None,
             paragraph_openings: Collection[int] = frozenset(), writer: str | None = None) -> list[Partnership]:
        """Relations of one post.

        ``money`` maps a sentence id to (body offset, value in USD) of its
        amounts; ``parses`` holds the dependency parse of the sentences that
        have one (those with a trigger, when the model runs); ``tokens`` the
        MeCab words of each sentence, by its id; ``paragraph_openings`` the
        ids of the sentences that open a paragraph; ``writer`` the company_id
        of the company that wrote the post (its author), if known.
        """
        written = {sentence.sentence_id: sentence.text for sentence in sentences}
        # (…の全株式を株式会社X（以下「X」といいます。）に譲渡する: a stop inside brackets ends no clause)
        sentences = [replace(sentence, text=_BRACKETED_STOP_RE.sub(_masked_stops, sentence.text))
                     if _BRACKETED_STOP_RE.search(sentence.text) else sentence for sentence in sentences]
        named_in = by_sentence(companies)
        # The companies named as another's subsidiary (ソニーGは傘下のアニプレックスや米クランチロールを通じて), by
        # where they start: 両社 later stands for none of them.
        arms = frozenset(start for sentence in sentences
                         for start in _arms(sentence, named_in.get(sentence.sentence_id, []), self._rules))
        # The company the post names most often (the first named of those tied): what 彼ら mostly stands for, where
        # the post named it (or called it 彼ら) lately, and not in the sentence itself; and 当社 (the writer itself,
        # where the author is a company: the bidder of a bid a release answers may be named more).
        counts = Counter(mention.company_id for mention in companies)
        issuer = next((m for m in companies if m.company_id == writer), None)
        main = issuer or max(companies, key=lambda m: counts[m.company_id], default=None)
        main_seen: int | None = None
        topic: CompanyMention | None = None
        recent: list[CompanyMention] = []
        relations: list[Partnership] = []
        # A funding round the sentence before stated, which the next sentence's companies may join.
        round_before: _Party | None = None
        # The owner of that round and the companies the text has named as its investors.
        round_parties: set[str] = set()
        # A list a sentence introduces (Xの主な出資先は次のとおり。): X and the counterpart noun its items name,
        # and whether the items act on X (## 引受先一覧: they invest in it) rather than X on them.
        listing: tuple[_Party, _Trigger, bool] | None = None
        # Whether that list is the rows of a table whose header names them (| 割当予定先 | 割当株式数 |).
        listing_rows = False
        # The rows the sentence before stated, which a trigger naming no one may refer back to.
        deals_before: list[Partnership] = []
        # The rows of the last sentence that stated a deal of each type, which a rival's bid may be for.
        last_deals: dict[str, list[Partnership]] = {}
        # The joint company the sentence before introduced (合弁会社Xを設立する。), whose stake split a sentence may
        # state (出資比率はAが60%、Bが40%), or whose investors it may name.
        joint_before: CompanyMention | None = None
        # The company the sentence before, an item of a history, founded (- 2002年 - X株式会社設立。), whose stake split
        # a sentence may state.
        founded_before: CompanyMention | None = None
        # The joint company a heading gave the overview of (## 合弁会社の概要, then | 商号 | X株式会社 |), and whether
        # the heading is still waiting for its name.
        overview_company: CompanyMention | None = None
        overview_named = False
        # The joint company named last in the text (新会社「X」を設立, or under its overview heading), which 新会社は
        # and 合弁会社には stand for however many companies the sentences between name.
        joint_last: CompanyMention | None = None
        # The one company the investments the sentence before stated went into (XにAが出資し、Bも追加出資する。), whose
        # stake split a sentence may state as a joint company's.
        invested_before: CompanyMention | None = None
        # The company a list of dated items (a history: - 1926年 - …) is about, while the text is in one, and the
        # first company the text was about.
        history_topic: CompanyMention | None = None
        first_topic: CompanyMention | None = None
        # The topic the sentence before named itself (…、東京海上ホールディングスは海外の保険会社を買収した。), which
        # a dated list right after it is about.
        lead_topic: CompanyMention | None = None
        previous_end: int | None = None  # where the sentence before ended
        # The company an encyclopedia article defines in its opening sentence (**X株式会社**は、…の航空会社。): a
        # paragraph opening with no company named goes back to it (2016年に会社更生法の適用を申請した。 after a
        # paragraph whose last topic was another company).
        defined: CompanyMention | None = None
        for sentence in sentences:
            first_row = len(relations)
            # (not a company the sentence denies its role: 筆頭株主はAではなくBで)
            mentions = named_in.get(sentence.sentence_id, [])
            if self._rules.denied_re is not None and self._rules.denied_re.search(sentence.text):
                mentions = [m for m in mentions if not _denied(sentence, m, self._rules)]
            if defined is None and mentions and first_topic is None and self._rules.defining_re.match(
                    sentence.text, _name_end(sentence, mentions[0].start, mentions[0].end, self._rules)):
                defined = mentions[0]
            elif defined is not None and not mentions and sentence.sentence_id in paragraph_openings:
                topic = defined
            amounts = _deal_amounts(sentence, money.get(sentence.sentence_id, ()), self._rules)
            joint_here = self._joint_named(sentence, mentions)
            if overview_named and mentions:
                overview_company = joint_last = mentions[0]
                overview_named = False
            joint_last = joint_here[-1] if joint_here else joint_last
            overview = self._rules.joint_overview_re
            if overview is not None and overview.fullmatch(sentence.text):
                overview_named = True
            elif HEADING_RE.match(sentence.text):
                overview_named = False
            named_here = main is not None and any(m.company_id == main.company_id for m in mentions)
            they = (main if main_seen is not None and sentence.sentence_id - main_seen <= _LATELY and not named_here
                    else None)
            if named_here or they is not None and self._post_reference_re.search(sentence.text):
                main_seen = sentence.sentence_id
            item = _LIST_ITEM_RE.match(sentence.text) is not None
            # - 1926年 - …を設立: an item of a company's history is about the company the list is under (the one the
            # sentence right before it names as its topic, else the first the text was about, as an article opens on
            # its company, else its topic before the list), not one an item before made its topic
            # (a sentence going on in the same item, on its line, keeps the list: - 1996年 - Bから提案。Bは撤回した。)
            if DATED_ITEM_RE.match(sentence.text):
                if history_topic is None:
                    history_topic = lead_topic or first_topic or topic
                # (each item is about it: - 1995年 - Aが株式の35%を取得 is of its shares, as if the item named it)
                topic = None if history_topic is None else replace(history_topic, sentence_id=sentence.sentence_id)
            elif previous_end is None or sentence.start != previous_end:
                history_topic = None
            previous_end = sentence.end
            # ◆ Xと…、洋上風力から撤退: a new item of a digest, about what it names; not a Japanese label naming no
            # company and no actor (■ 資金調達の背景), which a press release heads a section with (an English
            # headline is an item whatever it names: ### 2. Cognition snaps up the rest of Windsurf)
            if _DIGEST_ITEM_RE.match(sentence.text) and listing is None and (
                    mentions or any(comma in sentence.text for comma in _COMMAS)
                    or _LATIN_LETTER_RE.search(sentence.text)):
                topic = None
                round_before = None  # (nor is the round an item before stated: **⑦ X、AとBが共同主導で…**)
            if HEADING_RE.match(sentence.text):
                round_before = None  # ### Xが追加出資: a new section, no longer on the round before
                if issuer is not None:
                    topic = issuer  # ## 2. Bとの販売提携: a release's section is on its issuer, not the last section's
            listed_item = listing is not None
            # | 割当予定先 | 割当株式数 | then | A株式会社 | 3,000株 |: a table's rows under a first cell naming them
            header = _table_first_cell(sentence)
            table_row = header if listing is not None and listing_rows else None
            if listing is not None and (item or table_row is not None) and mentions:
                # ・OpenAI（約300億ドル）: an item of the list names X's counterpart
                relations += self._listed(sentence, mentions, listing, recent, amounts)
            # (a label of a part of the list keeps it going: ＜ファーストクローズ（2025年3月）＞)
            listing = listing if item or table_row is not None or not mentions and _SUBLABEL_RE.fullmatch(
                sentence.text) else None
            heading = self._rules.investor_heading_re
            listed_investors = heading.fullmatch(sentence.text) if heading is not None else None
            if heading is not None and listed_investors is None and header is not None and not mentions:
                listed_investors = heading.fullmatch(header)
            listing_rows = listed_investors is not None and header is not None or listing_rows and listing is not None
            # (or, where a list of other things came between, the release's issuer or the company the text first
            # was about)
            about = topic or they or issuer or first_topic
            if listed_investors is not None and about is not None:
                # ## 引受先一覧, ■ 引受先: the items under it invest in the company the text is about
                listing = (_Party(sentence.start, sentence.start, about.company_id, about.name, "topic", -1,
                                  sentence.start),
                           _Trigger(sentence.start, sentence.start, listed_investors.group("noun"), INVESTMENT, DONE,
                                    False, True), True)
            # The title of a linked article ([AのB買収、その真意は？](/url)) is about that article: no topic.
            link = _LINK_TITLE_RE.search(sentence.text) is not None
            headword = self._headword(sentence, mentions)
            # (a trigger word inside a company's name states nothing: Partners of Globis Capital Partners)
            triggers = ([trigger for trigger in _triggers(sentence, self._rules)
                         if not any(m.start <= trigger.start and trigger.end <= m.end for m in mentions)]
                        if mentions or deals_before or self._reference_re.search(sentence.text) else [])
            rounds: list[_Party] = []
            investors_of = self._rules.investors_of_re
            joined: list[Partnership] = []
            investor_examples = self._rules.investor_examples_re
            # (a related article's title joins no round: - [Aの調達](/url) / - [B主導の…](/url))
            # (a trigger in a later clause naming no company is about something else: Aもこぞって参加しており、今週は
            # 新たな提携先の発表が相次いだ)
            later = bool(triggers and mentions) and "、" in sentence.text[
                mentions[-1].end - sentence.start:triggers[0].start - sentence.start]
            # (nor does one of another kind stop companies joining the round before: AとBが主導し、提携先のCも参加した)
            other_kind = round_before is not None and all(trigger.type != INVESTMENT for trigger in triggers)
            if (not triggers or later or other_kind) and mentions and not link and (
                    round_before is not None
                    or investors_of is not None and investors_of.search(sentence.text) is not None
                    or investor_examples is not None and investor_examples.search(sentence.text) is not None):
                # Xは1億ドルを調達した。Aも参加した。: A joins the round named in the sentence before; Xの出資者には
                # AやBが名を連ねる: A and B invest in X; AやBといった投資家が名を連ねる: A and B invest in the company
                # the text is about.
                # (AはBに巨額の投資をする。CやDといった名だたるVCが名を連ねる: B, which the sentence before invests in)
                about = invested_before or topic or they
                owner = round_before or (None if about is None else _Party(
                    sentence.start, sentence.start, about.company_id, about.name, "topic", -1, sentence.start))
                joined = self._joining_round(sentence, mentions, owner, recent, amounts)
                relations += joined
                if trace is not None and joined:
                    trace.append(SentenceTrace(
                        sentence.sentence_id, None, tuple((row.party_a_name, "joins", -1) for row in joined),
                        (TriggerTrace(joined[0].trigger, INVESTMENT, joined[0].status, False, True, None, (),
                                      tuple((row.party_a_name, row.party_b_name) for row in joined)),),
                        joined[0].party_b_name))
            if triggers and not (joined and later):
                # A subject no rule names (ハドソンは…に買収された) acts itself: the text's topic stands in for no one.
                own_subject = _names_unlisted_subject(mentions, (tokens or {}).get(sentence.sentence_id, ()),
                                                      triggers[0].start, self._rules)
                # Xは12億ドルを調達した。このうちAが5億ドルを拠出した: the round's owner receives what the next
                # sentence's investors put in.
                round_topic = next((m for m in reversed(recent) if round_before is not None
                                    and m.company_id == round_before.company_id), None)
                # - **A**（東京） …を手がける同社は: a line opening with its headword is about that company;
                # AはBの増資を引き受けた。同社の資金調達にはCも参加した: 同社 before the funding is the round's owner
                funding_owner = (round_topic if round_topic is not None and triggers[0].funding
                                 and self._reference_re.search(sentence.text, 0, triggers[0].start - sentence.start)
                                 else None)
                sentence_topic = None if link or own_subject else funding_owner or headword or topic
                parties = self._parties(sentence, mentions, sentence_topic, recent, amounts, arms,
                                        they, headword,
                                        joint_here[-1] if joint_here else joint_before or joint_last, main)
                traced = []
                stated: list[Partnership] = []  # the rows of the last trigger before that gave some
                framing: _Trigger | None = None  # a partnership naming no one that a later deal is part of
                merged: set[str] = set()  # the companies a merger before in the sentence joined into one
                for index, trigger in enumerate(triggers):
                    # (a word of putting money in: 拠出, 出資, 投じ; not 投資, which also invests in things; not in a
                    # new paragraph, on something else)
                    into_round = (round_topic is not None and trigger.type == INVESTMENT and not trigger.funding
                                  and self._rules.join_re.fullmatch(trigger.word) is not None
                                  and sentence.sentence_id not in paragraph_openings)
                    if into_round:
                        trigger = replace(trigger, into_round=True)
                    joint = next((m for m in joint_here if m.end <= trigger.start), joint_before or overview_company)
                    # 合弁会社Xを設立する。AとBが主な出資者となり、Cも出資する: an investment naming no receiver is in
                    # the joint company the sentence before introduced.
                    joint_invested = joint_before if trigger.type == INVESTMENT and not trigger.funding and not any(
                        p.role in _STAKE_HOLDER_ROLES for p in parties) else None
                    joint = joint or invested_before
                    # (出資比率はA55%、B45%: the split of the joint company, or of the company the item before founded)
                    split_joint = joint or founded_before
                    split = _splits_stake(sentence, trigger, parties, split_joint, self._rules)
                    # Xは130億ドルを調達。ラウンドにはAやBが参加: a round named again is the one before, whose owner
                    # stands in for the company the text is about.
                    found = [] if trigger.voided or _names_a_deal_again(sentence, triggers[:index], trigger, parties) \
                        else _split_stakes(sentence, trigger, parties, split_joint) if split \
                        else self._relations(sentence, trigger, parties,
                                             round_topic if into_round or trigger.funding and round_topic
                                             else joint_invested or sentence_topic,
                                             amounts, parses.get(sentence.sentence_id))
                    if trigger.type != PARTNERSHIP and not trigger.voided:
                        found = _joins_deal_before(sentence, found, parties, deals_before, trigger, self._rules,
                                                   last_deals.get(trigger.type, ()))
                    if found and trigger.type == PARTNERSHIP and stated and index and _AGREED_DEAL_RE.fullmatch(
                            sentence.text, triggers[index - 1].end - sentence.start, trigger.start - sentence.start):
                        found = []  # AとBは資本関係を解消することで合意: the agreement is that deal's, no partnership
                    if framing is not None and found and trigger.type != PARTNERSHIP:
                        # 提携の一環として、AはBに出資する: the deal is part of a partnership between its two.
                        relations += _as_partnership(found, framing)
                        framing = None
                    if not found and not trigger.voided and trigger.type == PARTNERSHIP \
                            and self._rules.part_of_re is not None \
                            and self._rules.part_of_re.match(sentence.text, trigger.end - sentence.start):
                        framing = trigger
                    if not found and not trigger.voided and index and trigger.type == PARTNERSHIP \
                            and not any(p.start >= triggers[index - 1].end for p in parties) \
                            and _NEXT_CLAUSE_RE.fullmatch(sentence.text, triggers[index - 1].end - sentence.start,
                                                          trigger.start - sentence.start):
                        # AがBに出資、…で提携: a partnership whose own clause names no one is between the investment's
                        # two (not 出資することで合意: the agreement is the investment's).
                        found = _as_partnership([row for row in stated if row.type == INVESTMENT], trigger)
                    if not found and not trigger.voided and index and trigger.type == ACQUISITION \
                            and triggers[index - 1].stake \
                            and not any(p.start >= triggers[index - 1].end for p in parties) \
                            and _NEXT_CLAUSE_RE.fullmatch(sentence.text, triggers[index - 1].end - sentence.start,
                                                          trigger.start - sentence.start):
                        # Bの株式を取得し、子会社化した: the shares bought make B a subsidiary, one acquisition.
                        bought = [row for row in stated if row.type == INVESTMENT]
                        relations = [row for row in relations if all(row is not stake for stake in bought)]
                        found = [replace(row, type=ACQUISITION, status=trigger.status, trigger=trigger.word,
                                         rule_id=f"relation.{ACQUISITION}") for row in bought]
                    if not found and trigger.word in self._rules.counterparts and _LIST_INTRO_RE.match(
                            sentence.text, trigger.end - sentence.start):
                        # Xの主な出資先は次のとおり。: the items that follow name X's counterparts
                        owner = next((p for p in parties if p.role == "of" and p.end <= trigger.start
                                      and _owns_trigger(sentence, p, trigger, self._rules)), None)
                        topic_owner = None if sentence_topic is None else _Party(
                            trigger.start, trigger.start, sentence_topic.company_id, sentence_topic.name, "topic", -1,
                            trigger.start)
                        listing = ((owner, trigger, False) if owner else (topic_owner, trigger, False) if topic_owner
                                   else listing)
                    if not found and not trigger.voided and trigger.type == ACQUISITION and index:
                        # Aも事業を売却する方針で、Bが買収に名乗りを上げている: the bidder named after a sale bids for
                        # what the seller sells
                        found = self._relations_of_pairs(sentence, trigger, parties, _sale_bidders(
                            sentence, triggers[:index], trigger, parties, sentence_topic), money.get(
                            sentence.sentence_id, ()))
                    if not found and not trigger.voided:
                        # AはBの買収で合意した。しかし、買収は破談となった: the deal of the sentence before, again
                        found = _deal_again(sentence, trigger, parties, deals_before, self._rules)
                    if merged and trigger.type in (PARTNERSHIP, ACQUISITION):
                        # AとBが合併して発足し、…にはCと経営統合した: the company they became acts, not A or B
                        found = _merged_acting(found, merged, sentence_topic)
                    if trigger.word in self._rules.mergers:
                        merged |= {company for row in found for company in (row.party_a_id, row.party_b_id)}
                    stated = found or stated
                    relations += found
                    if trigger.funding and not trigger.voided:
                        # Xのラウンドで…。ラウンド総額は17億ユーロ。: a round named again in a sentence naming no
                        # company is the one before, not the company the text is about.
                        owner = round_before if round_before is not None and not parties else self._round_owner(
                            sentence, trigger, parties, sentence_topic, parses.get(sentence.sentence_id))
                        if round_before is not None and owner is not None and owner.role == "topic":
                            # ラウンド総額は17億ユーロで、Xの評価額は…: a round the sentence names no owner of is the
                            # one before, not the company the text is about
                            owner = round_before
                        rounds += [owner] if owner else []
                    parse = parses.get(sentence.sentence_id)
                    traced.append(TriggerTrace(
                        trigger.word, trigger.type, trigger.status, trigger.passive, trigger.funding, trigger.voided,
                        tuple(p.name for p in parties if not _is_topic(sentence, p, self._rules)
                              and not _in_clause(parse, p, trigger)),
                        tuple((row.party_a_name, row.party_b_name) for row in found)))
                if trace is not None:
                    trace.append(SentenceTrace(sentence.sentence_id,
                                               None if sentence_topic is None else sentence_topic.name,
                                               tuple((p.name, p.role, p.group) for p in parties), tuple(traced)))
                if round_before is not None and len(relations) == first_row and all(
                        trigger.word in self._rules.talks_triggers for trigger in triggers):
                    # Xは調達に向け協議に入った。Aも交渉に加わっている: talks that pair no one are the round's
                    joined = self._joining_round(sentence, mentions, round_before, recent,
                                                 amounts)
                    relations += joined
            row = self._rules.funding_rows.read(sentence) if self._rules.funding_rows is not None else None
            if row is not None:
                # - X｜シリーズA｜12億円｜A、B: a funding table's row states its investments, with no sentence around
                relations += _funding_row_investments(sentence, mentions, row)
            english = self._rules.english
            if english is not None and len(mentions) >= 2 and english.trigger_re.search(sentence.text):
                # Nvidia to invest $5 billion in Intel: a quoted English headline, read by word order.
                # (not the headline's source: Oracle signs cloud deal with OpenAI, WSJ reports)
                named = [m for m in mentions if not _reports(sentence, m, self._rules)]
                relations += self._english(sentence, named, amounts, english, trace)
            if english is not None and not rounds and mentions and not link:
                # ### Zephyr Labs Raises $315M Series E, then Aがリードし、Bが参加した: they join that round
                round_owner = english_round_owner(sentence, mentions, english)
                if round_owner is not None:
                    rounds = [_Party(round_owner.start, round_owner.end, round_owner.company_id, round_owner.name,
                                     "subject", 0, round_owner.end)]
            # A round stays the one the text is on through a list's items naming its investors one per line
            # (- リード投資家：A / - 参加：B、C) and sentences naming no company other than its owner and investors
            # (主なポイントは以下の通り。; Aは筆頭株主となる。ラウンドにはBも参加): a later ラウンド or 参加 is it.
            round_parties |= {row.party_a_id for row in relations[first_row:]
                              if row.party_b_id == (round_before.company_id if round_before else None)}
            if rounds and not link:
                round_before = rounds[-1]
                round_parties = {row.party_a_id for row in relations[first_row:]
                                 if row.party_b_id == round_before.company_id} | {round_before.company_id}
            elif link or not (item and joined) and any(m.company_id not in round_parties for m in mentions):
                round_before = None
            labelled = _labelled_amount(sentence, money.get(sentence.sentence_id, ()), self._rules)
            if labelled is not None:
                # 買収総額は約35億ドル: the amount of the one deal this sentence, or the one before, stated
                relations = _with_labelled_amount(relations, first_row, deals_before, labelled)
            relations[first_row:] = _sold_holdings(relations[first_row:], self._rules)
            deals_before = relations[first_row:]
            # (it stays the one the text is on through sentences naming no company: 今後4年間で5000億ドルを投じる。)
            joint_before = joint_here[-1] if joint_here else None if mentions else joint_before
            founded_before = self._founded_named(sentence, mentions)
            invested = {row.party_b_id for row in deals_before if row.type == INVESTMENT}
            invested_before = next((m for m in mentions if {m.company_id} == invested), None) if mentions \
                else invested_before
            for kind in {deal.type for deal in deals_before}:
                last_deals[kind] = [deal for deal in deals_before if deal.type == kind]
            # (an item of a list of a company's investors or counterparts names them, and the text stays on the
            # company: ## 引受先一覧 then - A株式会社)
            if not link and not (listed_item and item):
                # A paragraph opening with a company as its subject is about it (…AWSは独自チップを開発した。
                # <paragraph> Nscaleが直面する課題は多い。), though が alone does not make a topic within one.
                opened = (_topic_after(sentence, mentions, headword, self._rules)
                          or _sole_topic_marked(sentence, mentions, self._rules)
                          if sentence.sentence_id in paragraph_openings else None)
                # ■ A、Bと提携。 / - **A** Bと提携: the line is about the company it opens with, unless one is made
                # the topic with は after it.
                # (not where the sentence refers back to it as what the new subject acts on: AはX…。Bは同社株を取得
                # する。 stays on X)
                topic = topic if topic is not None and self._acts_on_reference(sentence) else (
                    opened or _topic_after(sentence, mentions, headword or topic, self._rules))
                if issuer is not None and self._rules.writer_topic_re is not None and self._rules.writer_topic_re.match(
                        sentence.text):
                    topic = issuer  # 当社は、…: a release goes on about its issuer
                if _ENGLISH_HEADLINE_RE.fullmatch(sentence.text):
                    # **Kotoba Labs opens its Osaka office**: an English headline opens an item about the company it
                    # opens with, or about none it names
                    topic = next((m for m in mentions[:1] if not _MARKUP_RE.sub(
                        "", sentence.text[:m.start - sentence.start])), None)
                first_topic = first_topic or topic
                lead_topic = topic if topic is not None and topic in mentions and not item else None
            for mention in mentions:
                # (not the source of a report: …とReutersが報じた。両社の協議は… is about the two companies before;
                # nor a market: …東証プライム上場のA。両社は… is about A and the one before)
                # (nor the owner in what the next name is: 仏ヴェオリアの日本法人ヴェオリア・ジャパン、北陸電力の3社)
                # (nor a company named only to compare with: …トヨタ自動車、独フォルクスワーゲンに次ぐ世界3位。両社は…)
                if not (_reports(sentence, mention, self._rules) or _names_market(sentence, mention, self._rules)
                        or _describes_next(sentence, mention.end, (m.start for m in mentions))
                        or _compared(sentence, mention, mentions, self._rules)):
                    recent = [m for m in recent if m.company_id != mention.company_id] + [mention]
        # A company and its own parent or the parent's parent (Google and Alphabet; the gazetteer's) are one group,
        # not partners; an investment or acquisition between them is a relation.
        # AとBは経営統合し、AがBを完全子会社化する: an integration in which one side buys the other is that acquisition.
        acquisitions = {(r.sentence_id, frozenset((r.party_a_id, r.party_b_id))) for r in relations
                        if r.type == ACQUISITION}
        # (and a company no list holds and the one the post names it after: BP Ventures and BP)
        ancestors = {**self._rules.ancestors, **{m.company_id: (m.parent_id,) for m in companies
                                                 if m.parent_id and m.company_id not in self._rules.ancestors}}
        return _distinct([replace(r, evidence=written[r.sentence_id]) for r in relations if r.type != PARTNERSHIP
                          or (r.party_b_id not in ancestors.get(r.party_a_id, ())
                              and r.party_a_id not in ancestors.get(r.party_b_id, ())
                              and not (r.trigger in self._rules.integrations and (
                                  r.sentence_id, frozenset((r.party_a_id, r.party_b_id))) in acquisitions))],
                         self._rules.funding_triggers)

    def _joint_named(self, sentence: Sentence, mentions: Sequence[CompanyMention]) -> list[CompanyMention]:
        """The companies a joint company's noun introduces in the sentence (合弁会社ブルーアクスル, 新会社「X」)."""
        named = []
        for mention in mentions:
            start = mention.start - sentence.start
            if sentence.text.endswith(_QUOTE_OPENINGS, 0, start):
                start -= 1  # 新会社「X」: the name in quotes
            if self._rules.joint_companies and sentence.text.endswith(self._rules.joint_companies, 0, start):
                named.append(mention)
        return named

    def _founded_named(self, sentence: Sentence, mentions: Sequence[CompanyMention]) -> CompanyMention | None:
        """The company an item of a history founds (- 2002年4月 - X株式会社設立。), whose stake split the next
        sentence may state, if any."""
        founding = self._rules.founding_re
        if founding is None or not DATED_ITEM_RE.match(sentence.text):
            return None
        return next((m for m in mentions if founding.match(
            sentence.text, _past_name(sentence, m.start, m.end, self._rules))), None)

    def _english(self, sentence: Sentence, mentions: Sequence[CompanyMention],
                 money: Sequence[tuple[int, float | None]], english: EnglishRules,
                 trace: list[SentenceTrace] | None) -> list[Partnership]:
        """The relations the English trigger phrases of a sentence state (and, with ``trace``, what was read)."""
        statements = english_statements(sentence, mentions, english)
        rows = [Partnership(sentence.sentence_id, s.actor.company_id, s.actor.name, s.receiver.company_id,
                            s.receiver.name, s.type, s.status, statement_amount(s, money), s.word, sentence.text,
                            f"{_ENGLISH_RULE}.{s.type}") for s in statements]
        if trace is not None:
            roles = {**{s.receiver.name: "receiver" for s in statements}, **{s.actor.name: "actor" for s in statements}}
            triggers = []
            for match in english_triggers(sentence, mentions, english):
                stated = [s for s in statements if s.start == sentence.start + match.start()]
                triggers.append(TriggerTrace(
                    match.group(), english.kinds[match.group().lower()], stated[0].status if stated else DONE,
                    any(s.passive for s in stated), any(s.funding for s in stated), None, (),
                    tuple((s.actor.name, s.receiver.name) for s in stated)))
            read = SentenceTrace(sentence.sentence_id, None,
                                 tuple((m.name, roles.get(m.name, "named"), 0) for m in mentions), tuple(triggers))
            if trace and trace[-1].sentence_id == sentence.sentence_id:  # the sentence's Japanese triggers too
                japanese = trace.pop()
                read = replace(japanese, triggers=(*japanese.triggers, *read.triggers))
            trace.append(read)
        return rows

    def _listed(self, sentence: Sentence, mentions: Sequence[CompanyMention],
                listing: tuple[_Party, _Trigger, bool], recent: Sequence[CompanyMention],
                money: Sequence[tuple[int, float | None]]) -> list[Partnership]:
        """The relation a list item states with the company whose counterparts the list names (Xの主な出資先は
        次のとおり。 then ・OpenAI（約300億ドル）), or that the list's heading names investors of (## 引受先一覧
        then - A株式会社): the item's first company, with its own amount."""
        owner, trigger, items_act = listing
        parties = self._parties(sentence, mentions, None, recent, money)
        first = parties[0] if parties else None
        if first is None or first.company_id == owner.company_id:
            return []
        actor, acted_on = (first, owner) if items_act else (owner, first)
        return [Partnership(sentence.sentence_id, actor.company_id, actor.name, acted_on.company_id, acted_on.name,
                            trigger.type, DONE, _own_amount(money, first, sentence, self._rules, parties),
                            trigger.word, sentence.text, f"relation.{trigger.type}")]

    def _joining_round(self, sentence: Sentence, mentions: Sequence[CompanyMention], funding: _Party | None,
                       recent: Sequence[CompanyMention], money: Sequence[tuple[int, float | None]]
                       ) -> list[Partnership]:
        """Investments of the companies a sentence with no trigger says join (参加, 加わる, 名を連ねる) the
        funding round of ``funding`` the sentence before stated (the round is the deal referred back to), or
        names as the investors of a company it names (Xの出資者にはAやBが名を連ねる)."""
        parties = self._parties(sentence, mentions, None, recent, money)
        investors_of = self._rules.investors_of_re
        owner = next((party for party in parties if party.role == "of" and investors_of is not None
                      and investors_of.match(sentence.text, party.tail_end - sentence.start)), None)
        funding = owner or funding
        if funding is None:
            return []
        joins = _Trigger(sentence.start, sentence.start, "", INVESTMENT, DONE, False, True)
        joining = _joining(parties, sentence, joins, self._rules)
        others = self._rules.non_investors_re
        if owner is None and joining and others is not None and others.search(
                sentence.text, 0, joining[0].start - sentence.start):
            return []  # 同社の顧客にはUberやAirbnbが名を連ねる: its customers, not the round's investors
        # the last of each group's tail, past a phrase set beside it
        group_ends = {party.group: _past_parallel(sentence, party, self._rules) for party in joining}
        investors: dict[str, tuple[_Party, str, str]] = {}  # company id -> (party, word, status)
        for party in joining:
            end = group_ends[party.group]
            join = self._rules.join_re.search(sentence.text, end)
            # AとBも参加した, Aも新たに加わった, AやBといった投資家が名を連ねる; not Aはイベントに参加した (it joins
            # something else).
            examples = self._rules.investor_examples_re
            if join is not None and (self._rules.join_alone_gap_re.fullmatch(sentence.text, end, join.start())
                                     or examples is not None and (found := examples.match(sentence.text, end))
                                     and found.end() == join.end()):
                talks = any(word in sentence.text[end:join.start()] for word in self._rules.talks_triggers)
                # (up to a clause on a measure of the deal: Aも加わり、評価額は…とみられる is a hedge on the valuation)
                measured = self._rules.measure_clause_re.search(sentence.text, join.end())
                investors.setdefault(party.company_id, (party, join.group(), PLANNED if talks else _status(
                    sentence.text[join.end(): measured.start() if measured else len(sentence.text)],
                    self._rules, join.group(), False)))
        for party, noun in _named_investors(parties, sentence, self._rules):  # リード投資家はAccelで
            investors.setdefault(party.company_id, (party, noun, DONE))
        return [Partnership(sentence.sentence_id, party.company_id, party.name, funding.company_id, funding.name,
                            INVESTMENT, status, _own_amount(money, party, sentence, self._rules), word, sentence.text,
                            _JOINED_ROUND_RULE)
                for party, word, status in investors.values() if party.company_id != funding.company_id]

    def _parties(self, sentence: Sentence, mentions: Sequence[CompanyMention], topic: CompanyMention | None,
                 recent: Sequence[CompanyMention], money: Sequence[tuple[int, float | None]],
                 arms: Collection[int] = frozenset(),
                 they: CompanyMention | None = None, headword: CompanyMention | None = None,
                 joint_company: CompanyMention | None = None, writer: CompanyMention | None = None) -> list[_Party]:
        """Named companies and resolved back-references, in order, with roles and coordination groups
        (``money``: the sentence's amounts, which may part subjects acting together; ``arms``: where the companies
        named as another's subsidiary start, which 両社 stands for none of; ``they``: the company 彼ら
        stands for here, the post's own, if any; ``headword``: the company the line opens with as its headword,
        which a 同社 after it stands for; ``joint_company``: the joint company named last, which 新会社は stands
        for; ``writer``: the company the post names most, which 当社 stands for)."""
        parties: list[tuple[int, int, str, str]] = [(m.start, m.end, m.company_id, m.name) for m in mentions]
        if joint_company is not None and self._rules.joint_reference_re is not None:
            # 合弁会社Xを設立する。新会社はYと協議している: the new company is X
            parties += [(sentence.start + match.start(), sentence.start + match.end(), joint_company.company_id,
                         joint_company.name)
                        for match in self._rules.joint_reference_re.finditer(sentence.text)
                        if not overlaps_any(Span(sentence.start + match.start(), sentence.start + match.end()),
                                            mentions)]
        for match in self._reference_re.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if overlaps_any(Span(start, end), mentions):
                continue  # a company name wins over a back-reference written inside it
            two = (self._rules.both_companies, self._rules.first_of_two, self._rules.second_of_two)
            if any(match.group() in words for words in two):
                # AとBという、…両社が: the last two companies named before it, in this sentence first; 前者, 後者: the
                # first or the second of the last two the sentences before named.
                both = match.group() in self._rules.both_companies
                named: list[CompanyMention] = []
                for mention in (*recent, *(m for m in mentions if both and m.end <= start)):
                    if both and mention.start in arms:
                        continue
                    named = [m for m in named if m.company_id != mention.company_id] + [mention]
                last_two = named[-2:] if len(named) >= 2 else []
                if match.group() in self._rules.first_of_two:
                    last_two = last_two[:1]
                elif match.group() in self._rules.second_of_two:
                    last_two = last_two[1:]
                parties += [(start, end, m.company_id, m.name) for m in last_two]
            elif match.group() in self._rules.counted_companies:
                # 3社は: the last three companies named, in this sentence first, where the count opens its clause
                named = []
                for mention in (*recent, *(m for m in mentions if m.end <= start)):
                    named = [m for m in named if m.company_id != mention.company_id] + [mention]
                count = _count_of(match.group())
                # (この3社 only for companies this sentence or the one before named: a count pointed at is of the
                # names just read)
                pointed = sentence.text.endswith(self._rules.deal_reference_before, 0, match.start())
                if self._counted_reference_re.match(sentence.text, match.start()) and count is not None \
                        and len(named) >= count and not (
                        pointed and any(m.sentence_id < sentence.sentence_id - 1 for m in named[-count:])):
                    parties += [(start, end, m.company_id, m.name) for m in named[-count:]]
            elif match.group() in self._rules.post_company:
                # 彼ら: the company whose phrase the sentence opens with as its topic (Baiduの戦略は、彼らが…), else
                # the company the post is about (see find), else the one the text is about, else the last named
                referent = (_topic_owner(sentence, mentions, start, self._rules) or they or topic
                            or (recent[-1] if recent else None))
                if referent is not None:
                    parties.append((start, end, referent.company_id, referent.name))
            elif writer is not None and match.group() in self._rules.writer_company:
                # 当社は…これまでにAなどから調達した: a press release's own company, whatever it named last
                parties.append((start, end, writer.company_id, writer.name))
            elif topic is not None or recent or mentions:
                # 同社: the company the text is about, else the last one named (Xの株価は上がった。同社は…); after
                # an actor and its other side in the same sentence, the other side (AはBと提携し、同社株式を取得);
                # after the company the line opens with as its headword, that one (- **A**（東京） …を手がける同社は).
                referent = self._other_side_before(sentence, mentions, match) or (
                    headword if headword is not None and headword.end <= start else None) or topic or (
                    recent[-1] if recent else None)
                if referent is not None:
                    parties.append((start, end, referent.company_id, referent.name))
        parties.sort(key=lambda party: party[:2])  # (両社 in the order the two were named)
        result: list[_Party] = []
        group = 0
        asides = 0
        previous: _Party | None = None
        lead = self._rules.headline_lead_re
        # OpenAI Broadcom提携: names with only a space between open a headline as one group.
        opening = bool(parties) and lead is not None and lead.fullmatch(
            sentence.text, 0, parties[0][0] - sentence.start) is not None
        for start, end, company_id, name in parties:
            own_group = group
            if previous is not None:
                between = sentence.text[previous.end - sentence.start: start - sentence.start]
                if _ABBREVIATION_RE.fullmatch(between):
                    continue  # Hewlett Packard Enterprise (HPE): the name again, not another party
                if _GLOSS_OPEN_RE.fullmatch(between):
                    continue  # Google (Android、YouTube)、: a company in the brackets after a name glosses it
                if previous.end <= start and end <= previous.tail_end and _OPEN_BRACKET_RE.search(between) \
                        and not self._rules.trigger_re.search(sentence.text, previous.end - sentence.start,
                                                              previous.tail_end - sentence.start):
                    # X株式会社（以下「X」）の: the name again, inside what its particle was read past;
                    # A株式会社（本社：…、東証プライム：1234）、B: the market it is listed on, in the brackets that
                    # describe it (not AdaniConneX（Bとの合弁会社）が: a deal of its own)
                    continue
                joint_start = max(previous.tail_end, previous.end)
                joint = self._joint(sentence, previous, start)
                # 両社 stands for two companies at one place: they are one group.
                same_place = start in (previous.start, previous.end)
                # Aが2億ドル、Bが1億ドルを投じた: subjects each with its own amount act together.
                own = self._rules.own_amount_re.match(sentence.text, joint_start - sentence.start)
                # (or its own share: 出資比率はAが60%、Bが40%)
                parallel = (previous.role == "subject" and own is not None and own.group().rstrip().endswith("、")
                            and sentence.start + own.end() == start
                            and (any(joint_start <= offset < start for offset, _ in money)
                                 or _PERCENT_RE.search(own.group()) is not None))
                spoken = sentence.text[_name_end(sentence, previous.start, previous.end, self._rules):
                                       start - sentence.start]
                spaced = opening and group == 0 and bool(spoken) and not spoken.strip() and previous.role == "other"
                # 富士通もNECも、Cohereと提携: a particle after each of two names pairs them.
                paired = joint.strip() in self._rules.paired_particles and sentence.text.startswith(
                    joint.strip(), _name_end(sentence, start, end, self._rules))
                # 双日と、シーメンスのベンチャー投資部門Next47も参加: a listed company's の-phrase naming the next name
                # as its unit or subsidiary makes it that name's owner, which stands aside in a group of its own;
                # the list goes on with the next name.
                listed = result[-2] if len(result) >= 2 else None
                # (a comma may follow the coordinator before the owner: 双日と、シーメンスの…)
                listing_joint = self._joint(sentence, listed, previous.start) if listed is not None else ""
                describes = (previous.role in ("of", "other") and listed is not None
                             and self._coordinated(listing_joint.rstrip("、,， ") or listing_joint)
                             and self._rules.owner_description_re.fullmatch(
                                 sentence.text, previous.end - sentence.start, start - sentence.start) is not None)
                if describes and listed is not None:
                    asides += 1
                    result[-1] = replace(previous, role=_ASIDE, group=_ASIDE_GROUP + asides)
                    own_group = listed.group
                elif not (same_place or parallel or spaced or paired or self._coordinated(joint)
                          or self._example_added(joint)):
                    group += 1
                    own_group = group
            role, tail_end, particle_end = _role(sentence, start, end, self._rules)
            added = (self._rules.added_member_re.match(sentence.text, tail_end)
                     if self._rules.added_member_re is not None else None)
            actors = [p for p in result if p.role == "subject"]
            if added is not None and actors:
                # AとBは、Cを加えた3社で協議: C acts with the companies the count gathers
                role, own_group, particle_end = "subject", actors[-1].group, added.end()
            in_list = previous is not None and previous.group == own_group and (
                any(comma in joint for comma in _COMMAS) or "や" in joint)
            if role == "other" and "。" in sentence.text and (in_list or sentence.text.startswith("や", tail_end)):
                # (a comma list in a full sentence, which や may open, or one name and what や adds to it acting:
                # not the headline SAPとOpenAI、公共部門向けAIで提携; AやB、Cと; Aや個人投資家も参加, not Aや各種ツール
                # との連携)
                read = self._unlisted_last(sentence, tail_end, parties, role, particle_end)
                if in_list or read[0] == "subject":
                    role, tail_end, particle_end = read
            also = sentence.text[tail_end:particle_end] in self._rules.paired_particles
            bought = self._rules.trigger_re.match(sentence.text, particle_end) if also else None
            # AMDは同じ週に、Briumも買収した, SBGはAmpereも傘下に収めており: what a subject of another group also
            # bought (not Xも買収された, nor AやBも買収の機会をうかがう, a noun; a trigger ending in kana is a verb)
            if (bought is not None and self._rules.trigger_kinds.get(bought.group()) == ACQUISITION
                    and any(p.role == "subject" and p.group != own_group for p in result)
                    and (sentence.text.startswith(_DOING, bought.end()) or _HIRAGANA_END_RE.search(bought.group()))
                    and not self._rules.passive_re.match(sentence.text, bought.end())):
                role = "object"
            kind = False
            counted = (self._rules.group_counted_re.match(sentence.text, particle_end) if role in ("of", "example")
                       else None)
            if counted is None and role in ("of", "example") and any(p.group == own_group for p in result):
                # A、B、そしてCという、強みの異なる3社が; A、B、Cの大手3社が: a description of the listed companies
                counted = self._rules.described_count_re.match(sentence.text, particle_end)
            owned = (counted is not None and self._rules.counted_shares_re is not None
                     and self._rules.counted_shares_re.match(sentence.text, counted.end()) is not None)
            if owned:
                role = "of"  # A、B、Cの3社の株式を取得: the counted group owns the shares bought
            elif counted and self._rules.count_particle_re.match(sentence.text, counted.end()):
                role = "subject"  # A、B、Cの3社が, NVIDIAなど3社、: the counted group acts
                if _count_of(counted.group()) == len({p.company_id for p in result} | {company_id}) \
                        and all(p.role in ("subject", "other") for p in result):
                    # A、B、及び…を運営するC（…）の3社は: the count gathers every company named before it, whatever
                    # description stands between them
                    result = [replace(p, group=own_group) for p in result]
            elif counted:  # XはA、B、Cの3社と提携: the counted group takes the particle after its count
                role = next((role for particle, role in self._rules.roles
                             if sentence.text.startswith(particle, counted.end())), role)
            elif role == "example":
                # AやBといった企業との提携: the examples take the role of the noun they illustrate.
                head = self._rules.example_head_re.match(sentence.text, particle_end)
                joins = self._rules.example_join_re.match(sentence.text, particle_end)
                if joins is not None and joins.group("capacity"):
                    head = None  # AやBといった顔ぶれが投資家として名を連ねる: what they join as, no trigger's noun
                kind = sentence.text[tail_end:particle_end] in self._rules.kind_examples
                role = self._rules.particle_roles[head.group("particle") or head.group("subject")] if head else role
                if head is None and self._rules.example_trigger_re.match(sentence.text, particle_end):
                    role = "partner"  # AやBといった強力なパートナーシップ: the examples are the partners
                joins = joins if head is None else None
                if joins:  # AやBといった大手企業も参加: the examples join what the noun joins, and act in nothing else
                    role, tail_end = _JOINER, joins.start("particle")
            previous = _Party(start, end, company_id, name, role, own_group, sentence.start + tail_end, kind)
            result.append(previous)
        return _headline_subject(sentence, _group_roles(self._examples_listed_on(sentence, result)), self._rules)

    def _examples_listed_on(self, sentence: Sentence, parties: list[_Party]) -> list[_Party]:
        """The parties with the examples of a kind of company listed with the names after it joining their group
        (AのようなAI企業や、B、Cに投資: A is invested in too)."""
        for index, party in enumerate(parties[:-1]):
            listed = (self._rules.listed_kind_re.match(sentence.text, party.tail_end - sentence.start)
                      if party.role == "example" else None)
            after = parties[index + 1]
            if listed is not None and sentence.start + listed.end() == after.start and after.group != party.group:
                parties = [replace(p, group=after.group) if p.group == party.group else p for p in parties]
        return parties

    def _unlisted_last(self, sentence: Sentence, tail_end: int, parties: Sequence[tuple[int, int, str, str]],
                       role: str, particle_end: int) -> tuple[str, int, int]:
        """The role, tail end and particle end a listed company takes from a last member of its list no rule found
        (A、B、東京大学協創プラットフォーム開発が参加), where that member names no company or back-reference and ends
        in no trigger (not A、B、新会社を設立; not A、B、C株を取得 with C a company; not A、B、C出資を)."""
        last = self._rules.unlisted_last_re.match(sentence.text, tail_end)
        if last is None or any(tail_end < start - sentence.start < last.end() for start, *_ in parties):
            return role, tail_end, particle_end
        name = last.group("name")
        if self._reference_re.search(name) or any(
                trigger.end() == len(name) for trigger in self._rules.trigger_re.finditer(name)):
            return role, tail_end, particle_end
        return self._rules.particle_roles[last.group("particle")], last.start("particle"), last.end()

    def _headword(self, sentence: Sentence, mentions: Sequence[CompanyMention]) -> CompanyMention | None:
        """The company a headline or digest line opens with and marks as what it is about (■ A、Bと提携;
        - **A** Bと提携; 【A、Bを買収】), if any: list or heading markup and maybe a description stand before
        it, and no other company right after its mark (a sentence opening with a list, A、B、Cといった企業との
        提携, is about none of them)."""
        lead, mark = self._rules.headline_lead_re, self._rules.headline_mark_re
        if not mentions or lead is None or mark is None:
            return None
        first = mentions[0]
        opening = lead.fullmatch(sentence.text, 0, first.start - sentence.start)
        if opening is None or _LINE_MARKUP_RE.search(opening.group()) is None:
            return None
        marked = mark.match(sentence.text, _name_end(sentence, first.start, first.end, self._rules))
        if marked is None:
            return None
        # (bold as the first may be: **A**、**B**、**C**といった)
        listed = any(0 <= m.start - sentence.start - marked.end() <= _LISTED_GAP and not _MARKUP_RE.sub(
            "", sentence.text[marked.end():m.start - sentence.start]) for m in mentions[1:])
        # (but 智譜AI、アリババとテンセントが出資 is about 智譜AI: the names after the mark are coordinated otherwise)
        return None if listed and not _marked_off(sentence.text, [(m.start - sentence.start, m.end - sentence.start)
                                                                   for m in mentions]) else first

    def _other_side_before(self, sentence: Sentence, mentions: Sequence[CompanyMention],
                           reference: re.Match[str]) -> CompanyMention | None:
        """The company a back-reference of other_side stands for in its own sentence: the last one named before
        it as a partner, receiver, object, owner or source, where the sentence names its actor before that too
        (住友商事はBと資本業務提携し、同社株式の15%を取得; NECはBに出資し、同社と協業する; 当社はBと提携しており、
        同社との連携を続ける), or the owner named in
        what describes the actor (Bの最大の顧客だったAは同社との契約を打ち切った), or the company the sentence
        opens on as its topic where another one acts after it (BPは…、エリオットが同社株を取得); with the actor left
        out, the one it acted on in the clause before (Bに事業を統合しており、同社に31%を出資). A writer names the
        actor again by leaving it out, so 同社 there is the other side; but 同社 marked as a subject itself
        (同社は, 同社が) is that actor (AがBを買収したのは昨年だが、同社はCの買収交渉に入った)."""
        if reference.group() not in self._rules.other_side:
            return None
        before = [(m, _role(sentence, m.start, m.end, self._rules)[0]) for m in mentions
                  if m.end <= sentence.start + reference.start()]
        actors = {m.company_id for m, role in before if role == "subject"}
        if sentence.text.startswith(tuple(self._rules.subject_particles), reference.end()) and not (
                not sentence.text.startswith(self._rules.topic_particles, reference.end()) and before
                and before[-1][1] == "target"):
            # AがBを買収したのは…が、同社は…: marked as a subject itself, it is the actor named before (not the subject
            # of a clause about the one just addressed: AはBに対し、同社が保有するC株の取得を打診; nor an outlet that
            # reports what the sentence says: 英紙Xは、同社がBと契約を結んだと報じた)
            reported = self._rules.reported_re is not None and self._rules.reported_re.search(sentence.text)
            named_actor = next((m for m, role in before if role == "subject" and not (
                reported and sentence.text.startswith(self._rules.topic_particles,
                                                      _role(sentence, m.start, m.end, self._rules)[1]))), None)
            # - 2000年 - Bと資本提携し、同社が増資を引き受ける: with the actor left out, the one just named in the
            # clause before acts where 同社 is a new subject (が; 同社は goes on about the text's company)
            sides = [m for m, role in before if role in _OTHER_SIDE_ROLES]
            if named_actor is None and not actors and sides and not sentence.text.startswith(
                    self._rules.topic_particles, reference.end()) and _CLAUSE_END_RE.search(
                    sentence.text, sides[-1].end - sentence.start, reference.start()):
                return sides[-1]
            return named_actor
        # - 2004年 - Aが全株式を取得し、同社の工具部門Bの傘下に入る: the unit or arm of the company that acted in the
        # clause before is that company's
        acted = [m for m, role in before if role == "subject" and not sentence.text.startswith(
            self._rules.topic_particles, _role(sentence, m.start, m.end, self._rules)[1])]
        if acted and self._rules.owner_description_re.match(sentence.text, reference.end()) is not None \
                and _CLAUSE_END_RE.search(sentence.text, acted[-1].end - sentence.start, reference.start()):
            return acted[-1]
        others = [m for m, role in before if role in _OTHER_SIDE_ROLES and m.company_id not in actors]
        # (当社は、Bと提携しており、同社との…: a release's issuer acting as 当社 names its actor too)
        writer_acts = (self._rules.writer_topic_re is not None
                       and self._rules.writer_topic_re.match(sentence.text) is not None)
        if others and (writer_acts or actors and before[0][1] == "subject"):
            return others[-1]
        # (or left out, the text's company acting in every clause, on the company named last: …Bに統合しており、
        # 同社に31%を出資している; not one named as its partner, which may stand before a name no list holds)
        acted_on = [m for m, role in before if role in ("target", "object")]
        if not actors and acted_on and acted_on[-1] is before[-1][0] and _CLAUSE_END_RE.search(
                sentence.text, acted_on[-1].end - sentence.start, reference.start()):
            return acted_on[-1]
        # Bの最大の顧客だったAは同社との契約を打ち切った: the owner in what describes the subject is the other side
        subject = next((index for index, (_, role) in enumerate(before) if role == "subject"), None)
        owners = [m for m, role in before[:subject] if role == "of"] if subject is not None else []
        if subject == len(before) - 1 and owners:
            return owners[-1]
        # BPは業績不振が続き、エリオットが同社株を取得した: the company the sentence opens on as its topic, where
        # another company acts after it
        if (len(before) >= 2 and subject == 0 and all(role == "subject" for _, role in before)
                and len({m.company_id for m, _ in before}) == len(before)):
            opening = before[0][0]
            particle_at = _role(sentence, opening.start, opening.end, self._rules)[1]
            if sentence.text.startswith(tuple(self._rules.topic_particles), particle_at):
                return opening
        return None

    def _acts_on_reference(self, sentence: Sentence) -> bool:
        """Whether the sentence names the company the text is about by a back-reference another company acts on:
        marked as what a deal acts on, or its shares (Bは同社株を取得する, Bが同社に出資した; not 同社は, 同社が,
        where it acts itself, nor 同社アプリ, a thing of the company the sentence is about)."""
        shares = self._rules.owned_shares_re
        for match in self._same_reference_re.finditer(sentence.text):
            end = match.end()
            if sentence.text.startswith(self._receiving_particles, end) or shares is not None and any(
                    sentence.text.startswith(particle, end) and shares.match(sentence.text, end + len(particle))
                    for particle in self._owning_particles):
                return True
        return False

    def _joint(self, sentence: Sentence, previous: _Party, start: int) -> str:
        """What joins a party to the name starting at body offset ``start``, read after the party's parenthesis
        (A（50億ドル）とB); a name glossed in brackets joins from where its other script starts (Aと順為資本
        （Shunwei Capital）も)."""
        joint = sentence.text[max(previous.tail_end, previous.end) - sentence.start: start - sentence.start]
        glossed = self._rules.glossed_joint_re.fullmatch(joint)
        return glossed.group("joint") if glossed else joint

    def _example_added(self, joint: str) -> bool:
        """Whether what stands between two names adds the second to examples the first ends (AやBといった
        OTAに加え、Cとも提携), with no trigger in the noun they illustrate."""
        added = self._rules.example_added_re.fullmatch(joint)
        return added is not None and not _holds_trigger(joint, self._rules)

    def _coordinated(self, joint: str) -> bool:
        """Whether what stands between two names coordinates them: a coordinator, possibly with a short
        の-phrase before the second name (日本のA、台湾のB), that holds no trigger (Aと提携先のB)."""
        rules = self._rules
        if rules.joint_companies and joint.rstrip().endswith(rules.joint_companies):
            return False  # AはBと合弁会社Cを設立: the name after is the joint company, no partner listed
        # (names no list holds may stand between: NVIDIA、Bpifrance、Andreessen Horowitzも参加)
        unlisted = rules.unlisted_names_re.match(joint)
        if unlisted is not None and unlisted.end() and (
                rules.coordinator_re.fullmatch(joint, unlisted.end()) is not None
                # (、Klaus Weber氏のほか、フランスの公的投資銀行Bpifrance: the next name may be described)
                or rules.coordinated_modifier_re.fullmatch(joint, unlisted.end()) is not None
                and not _holds_trigger(joint, rules)):
            return True
        return (rules.coordinator_re.fullmatch(joint or " ") is not None
                or rules.coordinated_modifier_re.fullmatch(joint) is not None and not _holds_trigger(joint, rules))

    def _read_before(self, sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party],
                     topic: CompanyMention | None, parse: ParsedSentence | None) -> tuple[list[_Party], _Party | None]:
        """The parties of the trigger's own clause named before it (and the actor of a cleft sentence), and
        the topic that stands in for a party the sentence leaves out (None where the sentence names its own)."""
        # A company marked as the topic (Aは、…; with its group: AとBは) speaks for the whole sentence, however deep
        # the trigger's clause. A group that owns the trigger (AとBの30億ドルの契約) is its parties however the parse
        # attaches it.
        owning = {p.group for p in parties if p.role == "of" and _owns_trigger(sentence, p, trigger, self._rules)
                  or _is_topic(sentence, p, self._rules)}
        clause = [p for p in parties if p.group in owning or _in_clause(parse, p, trigger)]
        listed = [p for p in clause if p.end <= trigger.start and self._in_listed_clause(sentence, p, trigger)]
        # Aの製品への投資、そしてBとの提携: the owner named in a phrase listed before the trigger's is that
        # phrase's, and the trigger's own side is left out.
        conjoined = [p for p in clause if p.end <= trigger.start
                     and self._in_conjunct_before(sentence, p, trigger, parties)]
        # KKRなどが保有する全株式を取得し、Xは東京ガスの子会社となる: the holder of the shares a later deal takes is
        # no side of it (the sale of its stake is another statement).
        holders = [p for p in clause if p.role == "subject" and (held := _HOLDER_RE.match(
            sentence.text, p.tail_end - sentence.start)) is not None and held.end() + sentence.start <= trigger.start]
        # XはAとBが主導したシードラウンドに続き、Cからも出資を受けた; 両社はBPが計画する発電所の権益を取得し、BPと共同
        # で: a subject of a relative clause on a noun, after the sentence's own subject, is that noun's, no side of a
        # trigger past the noun's phrase (but of a round's: Aがリードするラウンドで、Xは6億ユーロを調達した, the round
        # the noun names; and with no subject before it, it may be the sentence's: ABBが計画していた上場を取りやめ、…)
        related = {p.group for p in clause if p.role == "subject" and not trigger.funding
                   and any(q.role == "subject" and q.group != p.group and q.end <= p.start for q in clause)
                   and (relative := self._rules.relative_subject_re.match(
                       sentence.text, p.tail_end - sentence.start)) is not None
                   and "、" in sentence.text[relative.end():trigger.start - sentence.start]}
        relative_subjects = [p for p in clause if p.role == "subject" and p.group in related]
        # AはBの株式を売却し、Cとの提携を解消した: an owner in a clause that ended before the trigger's is that
        # clause's, no side of the trigger.
        # (not the owner of the topic a sentence opens with: MicrosoftのMaiaは、…し、OpenAIとの連携を通じて)
        ended = [p for p in clause if p.role == "of" and p.group not in owning and p.end <= trigger.start
                 and _CLAUSE_END_RE.search(sentence.text, p.tail_end - sentence.start, trigger.start - sentence.start)
                 and not (self._rules.owned_topic_re is not None
                          and self._rules.owned_topic_re.match(sentence.text, p.end - sentence.start))]
        # ソフトバンクグループ入り: a name whose suffix a trigger begins with is before it.
        before = [p for p in clause if (p.end <= trigger.start or p.role == "bare" and p.start < trigger.start)
                  and p not in listed and p not in conjoined and p not in holders and p not in ended
                  and p not in relative_subjects]
        # Bへの出資を決めたのはAだ: A acts; Xの提携先はBだ, Xの出資先はBだ: B is the other side X's counterpart
        # noun names
        other_side = "partner" if trigger.type == PARTNERSHIP else "target"
        before += [replace(p, role=other_side) if trigger.word in self._rules.counterparts else p
                   for p in _clefted(sentence, parties, trigger, self._rules)]
        before += _topic_actors(sentence, parties, trigger, self._rules)
        # AのLlamaの活用や、某LLM企業へのBからの投資: the receiver is left unnamed, so A's の is no side.
        before = [p for p in before if not (p.role == "of" and self._rules.withheld_receiver_re.search(
            sentence.text, p.tail_end - sentence.start, trigger.start - sentence.start))]
        # An unnamed subject (同業のスタートアップが), or a named one of a clause listed beside the trigger's
        # phrase (Aが交渉中であることや、Bへの投資が続く), leaves the trigger without the text's topic.
        # (not the end of a named one, its legal form included: みずほ銀行が, 青葉商事株式会社が)
        # (nor a kind of investor named companies illustrate, in the trigger's clause: AやBなどの著名投資家も出資)
        unnamed = next((match for match in self._rules.unnamed_subject_re.finditer(
            sentence.text, 0, trigger.start - sentence.start) if not any(
                p.start - sentence.start < match.end() and match.start() < max(p.end, p.tail_end) - sentence.start
                or not _CLAUSE_MARKS_RE.search(sentence.text, match.end(), trigger.start - sentence.start)
                and self._illustrates(sentence, p, match.end()) for p in parties)),
            None)
        if unnamed is not None:
            # Aが…を示し、某LLM企業もBやCと連携して: a subject of a clause before the unnamed one is no side
            before = [p for p in before if not (p.role == "subject" and p.end <= sentence.start + unnamed.start()
                                                and _CLAUSE_END_RE.search(sentence.text, p.tail_end - sentence.start,
                                                                          unnamed.start()))]
        goal_end = _goal_clause_end(sentence, trigger)
        if unnamed is None and goal_end is not None and not any(
                trigger.end <= p.start < sentence.start + goal_end for p in parties):
            # Xの買収に複数の投資ファンドが関心を示している: unnamed companies after the deal's noun, and no named
            # one, seek it
            unnamed = self._rules.unnamed_subject_re.search(sentence.text, trigger.end - sentence.start, goal_end)
        # リード投資家はAで: a noun of a round's investors names its companies, no unnamed actor.
        if unnamed and self._rules.round_investor_re is not None and self._rules.round_investor_re.search(
                sentence.text, 0, unnamed.end()) is not None:
            unnamed = None
        # Bと連携するような企業: the clause is about an unnamed company (but not the noun the sentence, its subject
        # left out, says the text's company is: …。AとBが50%ずつ出資する合弁会社で、…).
        modified = (self._rules.unnamed_modified_re.match(sentence.text, trigger.end - sentence.start)
                    if self._rules.unnamed_modified_re is not None else None)
        modifies_unnamed = modified is not None and not (
            _PREDICATE_RE.match(sentence.text, modified.end())
            and not any(_is_topic(sentence, p, self._rules) for p in parties))
        # Microsoftと某生成AI企業の提携: the other side is left unnamed on purpose, not the text's topic (but 某A、
        # NVIDIAといった企業との提携 lists a named one with it, whose other side the topic may be).
        withheld = any(not self._lists_a_name(sentence, match, parties) for match in
                       self._rules.unnamed_prefixed_re.finditer(sentence.text, 0, trigger.start - sentence.start))
        individual = _person_acts_alone(sentence, parties, trigger, self._rules)
        # 公正取引委員会は、AやBなど大手とAI企業の提携を注視する: a body that is no company acts, not the topic
        body = self._body_subject(sentence, parties, trigger)
        if listed or unnamed or modifies_unnamed or withheld or individual or body:
            topic = None
        topic_party = _main_clause_topic(sentence, parties, trigger, self._rules) or (
            _Party(trigger.start, trigger.start, topic.company_id, topic.name, "topic", -1, trigger.start,
                   lately=sentence.sentence_id - topic.sentence_id <= 1)
            if topic else None)
        return before, topic_party

    def _illustrates(self, sentence: Sentence, party: _Party, noun_end: int) -> bool:
        """Whether the party is an example of a kind of investor whose subject particle ends at sentence offset
        ``noun_end``: an example particle follows its name (or the names listed after it: A、山田太郎氏などの), then
        the kind (AやBなどの著名投資家も)."""
        if self._rules.investor_noun_re is None:
            return False
        after = party.end - sentence.start
        listed = self._rules.unlisted_names_re.match(sentence.text, after)
        noun = self._rules.investor_noun_re.match(sentence.text, listed.end() if listed else after)
        return noun is not None and noun.end() == noun_end

    def _lists_a_name(self, sentence: Sentence, unnamed: re.Match[str], parties: Sequence[_Party]) -> bool:
        """Whether a company left unnamed (某生成AI企業) is listed with a named one after it (某A、某B、
        NVIDIAといった)."""
        following = min((p.start - sentence.start for p in parties if p.start - sentence.start >= unnamed.end()),
                        default=None)
        if following is None:
            return False
        between = self._rules.unnamed_prefixed_re.sub("", sentence.text[unnamed.end(): following])
        return bool(between) and self._rules.coordinator_run_re.fullmatch(between) is not None

    def _round_owner(self, sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party],
                     topic: CompanyMention | None, parse: ParsedSentence | None) -> _Party | None:
        """The company whose funding round ``trigger`` names (Xは1億ドルを調達した), which companies of the next
        sentence may join (Aも参加した); None when no company is named for it."""
        before, topic_party = self._read_before(sentence, trigger, parties, topic, parse)
        leading = _joining([p for p in before if p.end <= trigger.start], sentence, trigger, self._rules)
        receivers = _round_receivers(before, leading, topic_party, sentence, trigger, self._rules)
        return receivers[0] if len(receivers) == 1 else None

    def _relations(self, sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party],
                   topic: CompanyMention | None, money: Sequence[tuple[int, float | None]],
                   parse: ParsedSentence | None) -> list[Partnership]:
        """The relations one trigger states, each with its amount (``_relations_of_pairs``), and those it states
        besides its own pairs: a seller's investment ended by a whole stake sold to a buyer, and the partnership
        of the investors of an investment made together."""
        founded = self._founded_receiver(sentence, trigger, parties)
        if founded is not None:
            # 彼はXを共同設立し、後にBに買収された: the company founded is bought, not the company the text is about
            parties = [replace(p, role="subject") if p is founded else p for p in parties]
            topic = None
        before, topic_party = self._read_before(sentence, trigger, parties, topic, parse)
        exit_status = {DONE: ENDED, ENDED: DONE}.get(trigger.status, PLANNED)  # a sale called off leaves it in force
        if trigger.exit and any(p.role == "target" for p in before):
            # AはBの全株式をCに売却した: C buys B, and A's investment in B ended.
            left = replace(trigger, type=INVESTMENT, status=exit_status)
            besides = self._relations_of_pairs(sentence, left, parties, _directed_pairs(
                [p for p in before if p.role != "target"], [], topic_party, sentence, left, money, self._rules,
                parties), money)
        else:
            besides = []
        if trigger.exit and not any(p.role == "target" for p in before):
            # AはBの全株式を売却した: A's investment in B ended.
            trigger = replace(trigger, type=INVESTMENT, status=exit_status)
        labelled = _labelled_pairs(sentence, parties, trigger, topic_party, self._rules)
        if labelled is not None:
            pairs = labelled
        elif trigger.type == PARTNERSHIP or trigger.mutual:
            # Bとの提携は、Aにとって転機だ; Bとの協業は、Aが…提供していく意志の表れだ: the company the partnership
            # matters to, or the subject the sentence goes on with, is its other side.
            # (or whose own thing the sentence goes on with: Bとの提携は、Aの技術が評価された証拠だ, 彼らの技術が; not
            # 同社の, which may stand for the partner itself, nor where a company is left unnamed: 某A社: Bとの提携は)
            withheld = self._rules.unnamed_prefixed_re.search(sentence.text) is not None
            concerned = [p for p in parties if p.role in ("concerned", "subject", "of") and p.start >= trigger.end
                         and self._rules.concerned_gap_re.fullmatch(sentence.text, trigger.end - sentence.start,
                                                                    p.start - sentence.start)
                         and (p.role != "subject" or sentence.text.startswith("が", p.tail_end - sentence.start))
                         and (p.role != "of" or not withheld and sentence.text[
                             p.start - sentence.start: p.end - sentence.start] not in self._rules.same_company)]
            # Bと提携するAは: the company the trigger's clause modifies is the partner's other side; 提携先のB:
            # the company a noun for a partner names is the partner.
            counterpart = trigger.word in self._rules.counterparts
            # (each partner a noun names, 提携先のAとB; of the companies a clause modifies, the first: Bが提携しているA
            # やCといったパートナー names B's partners, not partners of each other)
            modified = [replace(p, role="partner" if counterpart else "subject") for p in _modified(
                [p for p in parties if p.start >= trigger.end], sentence, trigger, self._rules)[:None if counterpart
                                                                                              else 1]]
            modified += _concluded_with(sentence, parties, trigger, self._rules)
            head = next((p for p in parties if p.start >= trigger.end), None)
            if modified or head is not None and head.role == "subject" and not _CLAUSE_END_RE.search(
                    sentence.text, trigger.end - sentence.start, head.start - sentence.start):
                # AとBが主導し、昨年提携を結んだCも参加: a subject whose clause ended before the clause that modifies
                # C is no side of C's partnership
                clause = _clause_start(sentence, trigger, self._rules)
                before = [p for p in before if p.role != "subject" or p.end > clause
                          or _is_topic(sentence, p, self._rules)]
            pairs = _partnership_pairs([*before, *concerned[:1], *modified], topic_party, sentence, trigger,
                                       self._rules)
            # AとA傘下のBが共同開発, Aは親会社であるBと協業: a company and its own subsidiary or parent are no partners.
            pairs = [(a, b) for a, b in pairs if not _kin(sentence, b, a, parties, self._rules)
                     and not _kin(sentence, a, b, parties, self._rules)]
            if trigger.mutual:  # AとBは相互に出資: each invests in the other
                pairs = [pair for a, b in pairs for pair in ((a, b), (b, a))]
        else:
            after = [p for p in parties if p.start >= trigger.end]
            pairs = _directed_pairs(before, after, topic_party, sentence, trigger, money, self._rules, parties)
            # AはBと共同でCを買収: the company the actor acts together with (right before the manner word) acts
            # on C too; and so does one written with a word of doing it together, in the trigger's clause (AはBと
            # ともにCに出資)
            if pairs and (trigger.jointly or self._rules.together_words):
                named = {p.company_id for pair in pairs for p in pair}
                clause = _clause_start(sentence, trigger, self._rules)
                manners = tuple(self._rules.manner_triggers) if trigger.jointly else ()
                pairs += [(partner, bought) for partner in before if partner.role == "partner"
                          and partner.company_id not in named and _acts_with(sentence, partner, manners, clause,
                                                                             self._rules)
                          for bought in dict.fromkeys(b for _, b in pairs)]
            if trigger.type == ACQUISITION and not trigger.passive and trigger.stake and _buys_whole_stake(
                    sentence, trigger, self._rules):
                # AはBからCの全株式を取得した: C is bought, and B's investment in C ended (not Cの株式51%を取得, where
                # B may keep the rest, nor AはCをBから買収, which news writes to say whom A bought C from).
                sellers = _sellers(before, sentence, trigger, self._rules)
                left = replace(trigger, type=INVESTMENT, status=exit_status)
                besides += self._relations_of_pairs(sentence, left, parties, [
                    (seller, bought) for seller in sellers
                    for bought in dict.fromkeys(b for _, b in pairs if b.group != seller.group)], money)
            # (an investment in a company they set up, unnamed: A、B、Cの3社が出資する特別目的会社; or the text's
            # company the sentence says it is: AとBが出資する合弁会社で、)
            unnamed_joint = (all(b.role == "topic" for _, b in pairs) and trigger.type == INVESTMENT
                             and self._rules.joint_company_re is not None
                             and self._rules.joint_company_re.match(sentence.text, trigger.end - sentence.start))
            joint = sentence.text.endswith(self._rules.joint_investments, 0, trigger.end - sentence.start)
            if joint and not _founds_named_or_topic(sentence, trigger, self._rules):
                # AはBと折半出資で設立した会社を通じ: what they invest in together is the company they set up, not the
                # company the text is about (but - 2015年 - AとBの折半出資により設立: the text's company is).
                pairs = [(a, b) for a, b in pairs if b.role != "topic"]
            # AとBは新工場に共同で投資する: investors of an investment made together in nothing a rule names
            # (a noun marked as what receives it: not AやBも共同で出資, into the company a clause before names)
            together = (trigger.jointly and not any(b.role != "topic" for _, b in pairs)
                        and self._rules.joint_target_re.search(sentence.text, 0, trigger.start - sentence.start)
                        is not None and not any(p.role == "target" for p in before))
            if joint or unnamed_joint or together:
                # AとBが折半出資するX, AとBは共同出資で新会社を設立: the investors are partners of each other too.
                besides += self._relations_of_pairs(sentence, replace(trigger, type=PARTNERSHIP), parties,
                                                    _co_investors(pairs, before, sentence, parties, self._rules,
                                                                  topic_party), money)
        return self._relations_of_pairs(sentence, trigger, parties, pairs, money) + besides

    def _body_subject(self, sentence: Sentence, parties: Sequence[_Party], trigger: _Trigger) -> bool:
        """Whether a body that is no company (a regulator, a ministry, a university) is marked as a subject before
        the trigger (公正取引委員会は, 米政府が), where no company found covers it (not X総合研究所は)."""
        if self._rules.body_subject_re is None:
            return False
        for match in self._rules.body_subject_re.finditer(sentence.text, 0, trigger.start - sentence.start):
            start, end = sentence.start + match.start("body"), sentence.start + match.end("body")
            if not match.group("body").endswith(self._rules.company_body_endings) and not any(
                    p.start < end and start < p.end for p in parties):
                return True
        return False

    def _founded_receiver(self, sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party]) -> _Party | None:
        """The company a passive trigger with no subject of its own receives when the clause joined to the trigger's
        says it was founded (彼はXを共同設立し、後にBに買収された: X), else None."""
        founded = self._rules.founded_clause_re
        if founded is None or not trigger.passive or any(
                p.role == "subject" and p.end <= trigger.start for p in parties):
            return None
        return next((p for p in reversed(parties) if p.role == "object" and p.end <= trigger.start
                     and (clause := founded.match(sentence.text, p.tail_end - sentence.start)) is not None
                     and not _CLAUSE_END_RE.search(sentence.text, clause.end(), trigger.start - sentence.start)), None)

    def _relations_of_pairs(self, sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party],
                            pairs: Sequence[tuple[_Party, _Party]],
                            money: Sequence[tuple[int, float | None]]) -> list[Partnership]:
        """The relations of ``pairs`` of a trigger, each with its amount (``_pair_amounts``)."""
        # 三井住友銀行は出資比率を引き上げる, in a text about its parent: the parent is no party left out
        pairs = [(a, b) for a, b in pairs if not _topic_of_kin(sentence, a, b, parties, self._rules)]
        # AとBが合併: the companies become one, as partners (not where the merger is another's: AとBは、Cの経営統合に
        # 向けた協議を進めている); one absorbing the other (AはBを吸収合併, BはAに合併された) acquires it
        paired = {p.company_id for pair in pairs for p in pair}
        merger = trigger.word in self._rules.mergers and trigger.type == PARTNERSHIP and not any(
            p.role == "of" and p.company_id not in paired for p in parties)
        rule_id = _MUTUAL_RULE if trigger.mutual else _MERGER_RULE if merger else f"relation.{trigger.type}"
        # AはBと資本業務提携: an investment where it is plain who puts the capital in (Bから資本を受け入れ, or a
        # listed company in one no list holds), else a partnership
        capital = trigger.word in self._rules.capital_alliances
        typed = [(invested, INVESTMENT, f"relation.{INVESTMENT}")
                 if capital and (invested := _capital_direction(a, b)) is not None
                 else ((a, b), trigger.type, rule_id) for a, b in pairs]
        amounts = self._pair_amounts(sentence, trigger, parties, [pair for pair, _, _ in typed], money)
        return [Partnership(sentence.sentence_id, a.company_id, a.name, b.company_id, b.name, kind,
                            _joined_status(sentence, a, trigger, parties, self._rules) if trigger.funding
                            else trigger.status,
                            amount, trigger.word, sentence.text, row_rule)
                for ((a, b), kind, row_rule), amount in zip(typed, amounts) if a.company_id != b.company_id]

    def _pair_amounts(self, sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party],
                      pairs: Sequence[tuple[_Party, _Party]],
                      money: Sequence[tuple[int, float | None]]) -> list[float | None]:
        """Each pair's amount, from the trigger's clause only (not Aは600億ドルの設備投資を計画しており、Bとの
        協業も): its investor's own (A（50億ドル）, Aが2億ドル、Bが1億ドルを投じた), else its receiver's (AはBに
        50億ドル、Cに10億ドルを出資), else, where no pair has one, the amount stated closest to the trigger. An
        amount several investors share is no pair's (AとBがCに計50億ドルを出資; Xは50億ドルを調達し、Aが主導した:
        the round's total), unless each states its own (Aは Xに40億ドル、Bは20億ドルを出資)."""
        clause = _clause_start(sentence, trigger, self._rules)
        in_clause = [(offset, usd) for offset, usd in money if offset >= clause]
        shared = trigger.type == INVESTMENT and (
            _several_investors(pairs) or trigger.funding and _round_led_or_joined(sentence, trigger, pairs,
                                                                                 self._rules))
        actors_own = [_own_amount(in_clause, a, sentence, self._rules, parties) for a, _ in pairs]
        # (an amount after the last of a group of sources is the group's: A、B、Cから1億ドルを調達)
        grouped: dict[int, list[tuple[_Party, float | None]]] = {}
        for (actor, _), own in zip(pairs, actors_own):
            grouped.setdefault(actor.group, []).append((actor, own))
        actors_own = [None if actor.role == "source" and len(grouped[actor.group]) > 1
                      and all(other_own is None for other, other_own in grouped[actor.group] if other is not actor)
                      else own for (actor, _), own in zip(pairs, actors_own)]
        if shared and all(own is None for own in actors_own):
            return [None] * len(pairs)
        owned = [own if own is not None else _own_amount(in_clause, b, sentence, self._rules, parties)
                 for (_, b), own in zip(pairs, actors_own)]
        if any(own is not None for own in owned):
            return owned  # Aが約100億ドルを出資し、Bも参加する: the amount is A's, not B's
        return [_amount_for(in_clause, trigger)] * len(pairs)

    def _in_conjunct_before(self, sentence: Sentence, party: _Party, trigger: _Trigger,
                            parties: Sequence[_Party]) -> bool:
        """Whether the party is the owner (の, not the topic) of something in a phrase listed before the
        trigger's (Aの製品への投資、そしてBとの提携; Aの主要サプライヤーを選んだこと、そしてBとも協議), or the
        partner of a deal of its own there (Aとの提携を解消すること、並びにBとの提携), not the last of names listed
        with the same words (A、B、そしてCの提携)."""
        if self._rules.conjunct_re is None or party.role not in ("of", "partner") \
                or _is_topic(sentence, party, self._rules):
            return False
        listed = self._rules.conjunct_re.search(sentence.text, party.tail_end - sentence.start,
                                                trigger.start - sentence.start)
        # (a partner's deal is its own where it is a clause of its own, made a noun: 解消すること、並びに; not the
        # partners of a noun the trigger after goes on with: Aとの連携、そして自社技術との融合は、Xが…)
        if listed is None or party.role == "partner" and not (
                sentence.text.endswith(_CLAUSE_NOUN, 0, listed.start())
                and _holds_trigger(sentence.text[party.tail_end - sentence.start:listed.start()], self._rules)):
            return False
        return not any(p.group == party.group and p.start >= sentence.start + listed.end() for p in parties)

    def _in_listed_clause(self, sentence: Sentence, party: _Party, trigger: _Trigger) -> bool:
        """Whether the party is the subject (が, not the topic は) of a nominalised clause that ends before the
        trigger and is listed beside its phrase (Aが交渉中であることや、Bへの投資): not the trigger's actor."""
        listed = self._rules.nominal_clause_re
        return (listed is not None and party.role == "subject" and not _is_topic(sentence, party, self._rules)
                and listed.search(sentence.text, party.tail_end - sentence.start, trigger.start - sentence.start)
                is not None)


def _acts_with(sentence: Sentence, partner: _Party, manners: tuple[str, ...], clause: int,
               rules: PartnershipRules) -> bool:
    """Whether a partner's と is followed by a manner trigger of the deal (Bと共同で) or, in the trigger's own clause
    (from body offset ``clause``), by one of together_words (Bとともに): it acts with the actor."""
    end = _role(sentence, partner.start, partner.end, rules)[2]
    return (bool(manners) and sentence.text.startswith(manners, end)
            or partner.start >= clause and sentence.text.startswith(rules.together_words, end))


def _arms(sentence: Sentence, mentions: Sequence[CompanyMention], rules: PartnershipRules) -> list[int]:
    """Where the mentions start that the sentence names as the subsidiary of a company named before them (Aは傘下の
    Bや米Cを通じて: B, and C listed with it past a coordinator and a country)."""
    arms: list[int] = []
    if rules.kin_re is None:
        return arms
    for before, mention in zip(mentions, mentions[1:]):
        listed_on = bool(arms) and arms[-1] == before.start and rules.list_joint_re.fullmatch(
            sentence.text, before.end - sentence.start, mention.start - sentence.start) is not None
        if listed_on or rules.kin_re.search(sentence.text, 0, mention.start - sentence.start) is not None:
            arms.append(mention.start)
    return arms


def _kin(sentence: Sentence, party: _Party, other: _Party, parties: Sequence[_Party], rules: PartnershipRules) -> bool:
    """Whether the party is named as a subsidiary or parent of the other (傘下のB, 子会社であるB, 親会社のB: of
    the sentence's other side; A傘下のB, Aの子会社であるB, 当社の子会社であるB: of A), not of a third company
    (C傘下のB)."""
    if rules.kin_re is None:
        return False
    kin = rules.kin_re.search(sentence.text, 0, party.start - sentence.start)
    if kin is None:
        return False
    owner = next((p for p in parties if p.end - sentence.start <= kin.start() <= p.tail_end - sentence.start
                  and p is not party), None)
    return owner is None or owner.company_id == other.company_id


def _topic_of_kin(sentence: Sentence, a: _Party, b: _Party, parties: Sequence[_Party],
                  rules: PartnershipRules) -> bool:
    """Whether the receiver is the text's topic standing in for a party the sentence leaves out and the actor
    named its own parent or subsidiary in the gazetteer, not written as such (親会社のAが出資し is stated): the
    sentence states no deal between them (but the topic buying a company now its subsidiary, Bを買収, is one)."""
    if b.role != "topic" or a.role == "topic":
        return False
    related = (b.company_id in rules.ancestors.get(a.company_id, ())
               or a.company_id in rules.ancestors.get(b.company_id, ()))
    return related and not _kin(sentence, a, b, parties, rules)


def _is_topic(sentence: Sentence, party: _Party, rules: PartnershipRules) -> bool:
    """Whether a topic particle (は) follows the party's name, or it is a headline's first company."""
    return party.group == _HEADLINE_GROUP or sentence.text.startswith(rules.topic_particles,
                                                                      party.tail_end - sentence.start)


def _clefted(sentence: Sentence, parties: Sequence[_Party], trigger: _Trigger,
             rules: PartnershipRules) -> list[_Party]:
    """The company a cleft sentence names as the trigger's actor (Bへの出資を決めたのはAだった), as a subject."""
    if rules.cleft_re is None:
        return []
    return [replace(p, role="subject") for p in parties if p.role == "cleft" and p.start >= trigger.end
            and rules.cleft_re.search(sentence.text, trigger.end - sentence.start, p.start - sentence.start)]


def _sale_bidders(sentence: Sentence, earlier: Sequence[_Trigger], trigger: _Trigger, parties: Sequence[_Party],
                  topic: CompanyMention | None) -> list[tuple[_Party, _Party]]:
    """(bidder, seller) pairs of an acquisition trigger naming no company it acts on, after a sale in its sentence
    that names no buyer (Aも事業の一部を売却する方針で、Bが買収に名乗りを上げている: B bids for what A sells): the
    subjects between the sale and the trigger bid, and the sale's subject sells (the company the text is about where
    the sale names none)."""
    sale = next((t for t in reversed(earlier) if t.sale and not t.voided), None)
    if sale is None or any(p.role in ("target", "object", "of", "bare") and sale.start <= p.start < trigger.end
                           for p in parties):
        return []
    bidders = [p for p in parties if p.role == "subject" and sale.end <= p.start and p.end <= trigger.start]
    sellers = [p for p in parties if p.role == "subject" and p.end <= sale.start] or (
        [_Party(sale.start, sale.start, topic.company_id, topic.name, "topic", -1, sale.start)] if topic else [])
    return [(bidder, seller) for bidder in bidders for seller in sellers if bidder.company_id != seller.company_id]


def _deal_again(sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party], deals_before: Sequence[Partnership],
                rules: PartnershipRules) -> list[Partnership]:
    """The one deal of the trigger's type the sentence before stated, where the trigger refers back to it (この買収,
    買収は破談となった) and the sentence names no company outside it: its pair, with the trigger's status, in this
    sentence; none where the sentence before stated no such deal, or several."""
    text, start, end = sentence.text, trigger.start - sentence.start, trigger.end - sentence.start
    # 買収は破談となった, しかし、買収は: the trigger opens its clause (not 大企業同士の協業が…, a deal in general)
    opens_clause = text[:start].rstrip(" 　").endswith(("、", "，", ",")) or not text[:start].strip()
    if not (text.endswith(rules.deal_reference_before, 0, start)
            or opens_clause and text.startswith(rules.deal_reference_after, end)):
        return []
    same = [row for row in deals_before if row.type == trigger.type]
    if len({(row.party_a_id, row.party_b_id) for row in same}) != 1 or any(
            p.company_id not in (same[0].party_a_id, same[0].party_b_id) for p in parties):
        return []
    return [replace(same[0], sentence_id=sentence.sentence_id, status=trigger.status, money_value_usd=None,
                    trigger=trigger.word, evidence=text, rule_id=_DEAL_BEFORE_RULE)]


def _funding_row_investments(sentence: Sentence, mentions: Sequence[CompanyMention],
                             row: FundingRow) -> list[Partnership]:
    """The investments a funding table's row states: of each company named in the cells after its round's cell,
    into the company its first cell names."""
    raiser = next((m for m in mentions if row.raiser_start <= m.start and m.end <= row.raiser_end), None)
    if raiser is None:
        return []
    investors: dict[str, CompanyMention] = {}
    for mention in mentions:
        if (row.investors_start <= mention.start and mention.end <= row.investors_end
                and mention.company_id != raiser.company_id):
            investors.setdefault(mention.company_id, mention)
    return [Partnership(sentence.sentence_id, investor.company_id, investor.name, raiser.company_id, raiser.name,
                        INVESTMENT, DONE, None, row.round_word, sentence.text, _FUNDING_ROW_RULE)
            for investor in investors.values()]


def _joins_deal_before(sentence: Sentence, found: list[Partnership], parties: Sequence[_Party],
                       deals_before: Sequence[Partnership], trigger: _Trigger, rules: PartnershipRules,
                       last_deal: Sequence[Partnership]) -> list[Partnership]:
    """``found`` with the company that also (も: paired_particles) makes a deal of the kind the sentence before
    stated with one receiver, naming no receiver of its own, joining that deal (アリババがXへの出資を協議。
    テンセントも出資を検討: Tencent invests in X), where the company the text is about, that deal's actor, stood in
    for the receiver, or where nothing stood in for it (AがXを買収する。Bも買収を検討したが見送った: B bid for X,
    ended; ``last_deal``: the rows of the last sentence that stated a deal of the trigger's type)."""
    if len(parties) != 1 or len(found) > 1:
        return found
    party = parties[0]
    if not sentence.text.startswith(tuple(rules.paired_particles), party.tail_end - sentence.start):
        return found
    if not found:
        # (a rival's bid, considered or given up, for the one target of the last such deal: not Bも買収に積極的だ,
        # about deals in general)
        targets = {(row.party_b_id, row.party_b_name) for row in last_deal}
        # (Bも買収を検討: the particle alone before the trigger; not Bも…菓子メーカーの買収を検討)
        marked = sentence.text[party.tail_end - sentence.start:trigger.start - sentence.start]
        if (len(targets) != 1 or party.role != "subject" or trigger.status == DONE
                or marked not in rules.paired_particles):
            return found
        receiver, receiver_name = next(iter(targets))
        return [] if receiver == party.company_id else [Partnership(
            sentence.sentence_id, party.company_id, party.name, receiver, receiver_name, trigger.type, trigger.status,
            None, trigger.word, sentence.text, _DEAL_BEFORE_RULE)]
    same = {(before.party_a_id, before.party_b_id, before.party_b_name) for before in deals_before
            if before.type == trigger.type}
    if len(same) != 1:
        return found
    actor, receiver, receiver_name = next(iter(same))
    if receiver == party.company_id:
        return found
    row = found[0]
    if row.party_a_id != party.company_id or row.party_b_id != actor:
        return found
    return [replace(row, party_b_id=receiver, party_b_name=receiver_name)]


def _concluded_with(sentence: Sentence, parties: Sequence[_Party], trigger: _Trigger,
                    rules: PartnershipRules) -> list[_Party]:
    """The partner a partnership trigger's を-phrase is concluded with, named after it (契約をグーグルと結んでいる,
    覚書をBと交わした): the one partner right after the を, its と, then one of concluded_with."""
    if rules.concluded_with_re is None:
        return []
    after = next((p for p in parties if p.start >= trigger.end), None)
    if after is None or after.role != "partner" or sentence.text[
            trigger.end - sentence.start: after.start - sentence.start].strip() not in rules.object_particles:
        return []
    particle = next((word for word, role in rules.roles
                     if role == "partner" and sentence.text.startswith(word, after.tail_end - sentence.start)), None)
    if particle is None or rules.concluded_with_re.match(
            sentence.text, after.tail_end - sentence.start + len(particle)) is None:
        return []
    return [after]


def _splits_stake(sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party], joint: CompanyMention | None,
                  rules: PartnershipRules) -> bool:
    """Whether the trigger opens a stake split naming its investors after it (出資比率はAが60%、Bが40%): not a stake
    in a company named for it (Xへの出資比率は, Xに対するAの出資比率は: the joint company aside), nor a split naming no
    one after it (出資比率を巡る交渉が決裂)."""
    return (trigger.type == INVESTMENT and sentence.text.startswith(rules.stake_splits, trigger.start - sentence.start)
            and not any(p.role in _STAKE_HOLDER_ROLES and p.end <= trigger.start
                        and (joint is None or p.company_id != joint.company_id) for p in parties)
            and any(_in_split(sentence, p, trigger) for p in parties))


def _in_split(sentence: Sentence, party: _Party, trigger: _Trigger) -> bool:
    """Whether the party is named after a stake split's trigger as one holding a share: its subject (出資比率はAが
    60%), or with its share written right after it (出資比率はA51%、B49%)."""
    return party.start >= trigger.end and (party.role == "subject" or _SHARE_RIGHT_AFTER_RE.match(
        sentence.text, party.tail_end - sentence.start) is not None)


def _split_stakes(sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party],
                  joint: CompanyMention | None) -> list[Partnership]:
    """The investments a stake split states (出資比率はAが60%、Bが40%): each company named as its subject after
    the trigger in the joint company introduced before it, in this sentence or the one before; none where no joint
    company was introduced (the company the text is about is no joint company)."""
    if joint is None:
        return []
    investors = dict.fromkeys((p.company_id, p.name) for p in parties
                              if _in_split(sentence, p, trigger) and p.company_id != joint.company_id)
    return [Partnership(sentence.sentence_id, company_id, name, joint.company_id, joint.name, INVESTMENT,
                        trigger.status, None, trigger.word, sentence.text, f"relation.{INVESTMENT}")
            for company_id, name in investors]


def _as_partnership(rows: Sequence[Partnership], trigger: _Trigger) -> list[Partnership]:
    """The pairs of ``rows`` as a partnership that ``trigger`` states about the same deal (AがBに出資、…で提携;
    提携の一環として、AはBに出資), with the trigger's status and no amount."""
    return [replace(row, type=PARTNERSHIP, status=trigger.status, money_value_usd=None, trigger=trigger.word,
                    rule_id=f"relation.{PARTNERSHIP}") for row in rows]


def _clause_start(sentence: Sentence, trigger: _Trigger, rules: PartnershipRules) -> int:
    """Where the clause of ``trigger`` starts (body offset): after the last clause end before it, else at the
    sentence's start."""
    return sentence.start + max(_clause_ends(sentence, 0, trigger.start - sentence.start, trigger, rules), default=0)


def _clause_ends(sentence: Sentence, start: int, end: int, trigger: _Trigger, rules: PartnershipRules) -> list[int]:
    """Where clauses end between sentence offsets ``start`` and ``end``: after し、, が、 and the like, or after
    a trigger other than ``trigger`` closing its clause as a noun (AがBに出資、CがDに…)."""
    text = sentence.text
    own = trigger.start - sentence.start
    return ([match.end() for match in _CLAUSE_END_RE.finditer(text, start, end)]
            + [match.end() for match in rules.trigger_stop_re.finditer(text, start, end) if match.start() != own])


def _clause_end(sentence: Sentence, offset: int) -> int:
    """The body offset where the clause going on at sentence offset ``offset`` ends (at the sentence's end at
    the latest)."""
    return sentence.start + _clause_end_offset(sentence.text, offset)


def _labelled_pairs(sentence: Sentence, parties: Sequence[_Party], trigger: _Trigger, topic: _Party | None,
                    rules: PartnershipRules) -> list[tuple[_Party, _Party]] | None:
    """The pairs of a digest line labelled with its trigger (■ 提携：NTTデータ × Snowflake; - 買収：IBM →
    Confluent（110億ドル）): the companies after the label, up to the line's first clause end, partner each
    other, or those before an arrow act on those after it; after a counterpart label (提携先：A、B) they are the
    other side of the company the text is about. None where the line is not so labelled."""
    label = rules.trigger_label_re.match(sentence.text) if rules.trigger_label_re else None
    # A label opens its line: a company named before it makes what looked like markup a part of the line.
    if label is None or sentence.start + label.start("trigger") != trigger.start or any(
            p.start < trigger.start for p in parties):
        return _table_row_pairs(sentence, parties, trigger)
    end = _clause_end(sentence, label.end())
    named = [p for p in parties if sentence.start + label.end() <= p.start < end]
    if trigger.word in rules.counterparts:
        return [(topic, p) for p in named] if topic is not None else []
    if trigger.type == PARTNERSHIP:
        return list(combinations(named, 2))
    arrows = list(rules.arrow_re.finditer(sentence.text, label.end(), end - sentence.start)) if rules.arrow_re else []
    pairs = []
    for index, arrow in enumerate(arrows):
        # 出資：A → B、C → D: each arrow joins the companies between the arrows around it
        start = arrows[index - 1].end() if index else label.end()
        stop = arrows[index + 1].start() if index + 1 < len(arrows) else end - sentence.start
        actors = [p for p in named if sentence.start + start <= p.start and p.end <= sentence.start + arrow.start()]
        receivers = [p for p in named if sentence.start + arrow.end() <= p.start and p.end <= sentence.start + stop]
        if index + 1 < len(arrows):  # the companies before the next arrow are its actors, not this one's receivers
            receivers = receivers[:1]
        if index:
            actors = actors[1:]
        pairs += [(actor, receiver) for actor in actors for receiver in receivers]
    return pairs


def _table_first_cell(sentence: Sentence) -> str | None:
    """The text of the first cell of a Markdown table row (| 割当予定先 | 割当株式数 |: 割当予定先; "" for a rule
    row, |---|---|), or None where the sentence is no table row."""
    text = sentence.text.strip()
    if not text.startswith("|") or text.count("|") < _TABLE_BARS:
        return None
    cell = _TABLE_CELL_RE.search(text)
    first = cell.group().strip() if cell is not None else ""
    return "" if set(first) <= set("-: ") else first


def _table_row_pairs(sentence: Sentence, parties: Sequence[_Party],
                     trigger: _Trigger) -> list[tuple[_Party, _Party]] | None:
    """The pairs of a Markdown table row whose trigger has a cell naming no company (| 10/5 | NVIDIA | Nokia |
    出資（10億ドル） |, | デンソー | 独インフィニオン | 車載半導体で協業を拡大 |): the companies of the other cells,
    one per cell in column order, partner each other, or the first acts on the second. None where the sentence
    is no such row."""
    text = sentence.text
    if not text.lstrip().startswith("|") or text.count("|") < _TABLE_BARS:
        return None
    cells = [cell for cell in _TABLE_CELL_RE.finditer(text) if cell.group().strip()]
    own = next((cell for cell in cells if cell.start() <= trigger.start - sentence.start < cell.end()), None)
    if own is None or any(sentence.start + own.start() <= p.start < sentence.start + own.end() for p in parties):
        return None
    if own is cells[0]:
        # | 大株主及び持株比率 | (Aの株主) | (Bの株主) |: the label of a row setting two companies side by side
        return []
    named = [next(p for p in parties if sentence.start + cell.start() <= p.start < sentence.start + cell.end())
             for cell in cells if cell is not own
             and any(sentence.start + cell.start() <= p.start < sentence.start + cell.end() for p in parties)]
    if trigger.type == PARTNERSHIP:
        return list(combinations(named, 2))
    return [(named[0], named[1])] if len(named) >= 2 else []


def _topic_actors(sentence: Sentence, parties: Sequence[_Party], trigger: _Trigger,
                  rules: PartnershipRules) -> list[_Party]:
    """The subjects that act in a deal made the topic of the sentence (Cohereへの出資では、Oracleが1億ドル、
    富士通が5000万ドルを引き受けた) or of a headline (Wiz買収、Googleが320億ドルで合意): the subjects, not topics,
    of the clause after it."""
    topic = rules.trigger_topic_re is not None and rules.trigger_topic_re.match(
        sentence.text, trigger.end - sentence.start) is not None
    # Wiz買収、Googleが…: the headline opens with the company bought, the trigger and a headline mark
    headline = (bool(parties) and parties[0].role == "bare" and parties[0].tail_end == trigger.start
                and rules.headline_lead_re is not None and rules.headline_mark_re is not None
                and rules.headline_lead_re.fullmatch(sentence.text, 0, parties[0].start - sentence.start) is not None
                and rules.headline_mark_re.match(sentence.text, trigger.end - sentence.start) is not None)
    if not (topic or headline):
        return []
    end = _clause_end(sentence, trigger.end - sentence.start)
    return [p for p in parties if trigger.end <= p.start < end and p.role == "subject"
            and not _is_topic(sentence, p, rules)]


def _main_clause_topic(sentence: Sentence, parties: Sequence[_Party], trigger: _Trigger,
                       rules: PartnershipRules) -> _Party | None:
    """The company marked as the topic of the main clause that the trigger's clause leads into (Bと連携する
    ことで、Aは...; Bの出資を受けて、Aは...): what the trigger's left-out side is, before the text's topic."""
    if rules.leading_clause_re is None:
        return None
    named_before = {p.company_id for p in parties if p.end <= trigger.start}
    for party in parties:
        if party.start >= trigger.end and _is_topic(sentence, party, rules):
            between = sentence.text[trigger.end - sentence.start: party.start - sentence.start]
            # Bとの提携により、Bは…: the partner again, not the other side.
            leads = rules.leading_clause_re.search(between) and party.company_id not in named_before
            return party if leads else None
    return None


def _headline_subject(sentence: Sentence, parties: list[_Party], rules: PartnershipRules) -> list[_Party]:
    """The parties with a headline's first company as the subject, on a group of its own (NVIDIA、Intelに出資:
    NVIDIA acts, Intel receives), where the sentence opens with it and a headline mark; the companies
    after it that finish a coordinated subject with it (A、Bが提携, A、B、Cの3社が協業) leave it theirs,
    and a list of examples (A、B、Cといった企業による) is no headline. A company whose の-phrase modifies
    the first one (Googleの親会社Alphabet、Wizを買収) is no party: the company it modifies acts."""
    if not parties or rules.headline_lead_re is None or rules.headline_mark_re is None:
        return parties
    # TechWire | Oracle、Cohereと提携: a source named before the headline is none of its parties.
    label = _SOURCE_LABEL_RE.match(sentence.text)
    source = [p for p in parties if label is not None and p.start < sentence.start + label.end()]
    if source:
        return [*source, *_headline_subject(sentence, parties[len(source):], rules)]
    lead = rules.headline_lead_re.fullmatch(sentence.text, 0, parties[0].start - sentence.start)
    if lead is None:
        return parties
    # Googleの親会社Alphabet、Wizを買収: the company a の-phrase modifies is the headline's; the modifier is no
    # party. Microsoftが出資するOpenAI、Oracleと契約: the company a relative clause modifies is the headline's;
    # the clause's subject stays a party of its own trigger.
    # A name marked as the headline's (**A** 米大手のBと提携) modifies none.
    index, modifiers = 0, set()
    while index + 1 < len(parties):
        between = (parties[index].tail_end - sentence.start, parties[index + 1].start - sentence.start)
        marked = rules.headline_mark_re.match(sentence.text, _name_end(sentence, parties[index].start,
                                                                       parties[index].end, rules))
        if marked is None and parties[index].role in ("of", "other") \
                and rules.modifier_re.fullmatch(sentence.text, *between):
            modifiers.add(index)
        elif not (parties[index].role == "subject" and rules.relative_link_re.fullmatch(sentence.text, *between)):
            break
        index += 1
    first = parties[index]
    if index and rules.headline_mark_re.match(sentence.text, _name_end(sentence, first.start, first.end, rules)):
        parties = [replace(p, role="modifier") if i in modifiers else p for i, p in enumerate(parties)]
    elif index:
        return parties
    # 富士通とNEC、Sakana AIに出資, A・B、Cに出資: two companies joined by と or ・, then the headline's mark, are
    # its subject (a list joins its last item with と, not its first two), whatever the list's particle after them.
    # (on a heading's line or a bold one: not GoogleとNVIDIA、Microsoftといった企業, a list in a sentence)
    second = parties[index + 1] if index + 2 < len(parties) and _HEADLINE_LINE_RE.match(sentence.text) else None
    if second is not None and sentence.text[first.tail_end - sentence.start:
                                            second.start - sentence.start] in rules.headline_pair_joiners:
        pair_mark = rules.headline_mark_re.match(sentence.text, _name_end(sentence, second.start, second.end, rules))
        if pair_mark is not None and sentence.text.startswith("、", pair_mark.start()):
            return [*parties[:index], *(replace(p, role="subject", group=_HEADLINE_GROUP,
                                                tail_end=sentence.start + pair_mark.end()) for p in (first, second)),
                    *parties[index + 2:]]
    # SAPとOpenAI、…で提携: a coordinated group that opens the headline is its subject.
    group = [p for p in parties if p.group == first.group]
    # (the list runs on through its coordinators, whatever group a joining example was given: A、Bといった投資家が
    # 名を連ねる)
    listed = [first]
    for party in parties[index + 1:]:
        if not rules.coordinator_re.fullmatch(sentence.text, listed[-1].end - sentence.start,
                                              party.start - sentence.start):
            break
        listed.append(party)
    last = max((group[-1], listed[-1]), key=lambda p: p.start)
    if last is not first and _role(sentence, last.start, last.end, rules)[0] == "example":
        return parties  # A、B、Cといった企業による投資: a list of examples, not a headline
    owned = rules.trigger_re.match(sentence.text, _role(sentence, last.start, last.end, rules)[2])
    if len(group) > 2 and last.role == "of" and owned and rules.trigger_kinds.get(owned.group()) == PARTNERSHIP:
        return parties  # IBM、AMD、Zyphraの協業は: the group owns the partnership (not Salesforce、Bの買収を完了)
    if len(group) > 1 and last.role == "other" and rules.headline_mark_re.match(
            sentence.text, _name_end(sentence, last.start, last.end, rules)):
        return [replace(p, role="subject") if p.group == first.group else p for p in parties]
    mark = rules.headline_mark_re.match(sentence.text, _name_end(sentence, first.start, first.end, rules))
    if mark is None or first.role in ("subject", "example", "via"):
        return parties
    following = parties[index + 1] if index + 1 < len(parties) else None
    if following is not None and following.start - sentence.start == mark.end() and rules.headline_mark_re.match(
            sentence.text, _name_end(sentence, following.start, following.end, rules)):
        return parties  # A Ltd.、B Co.、Cといった投資家: a list of names, each marked the same way, no headline
    headline = _Party(first.start, first.end, first.company_id, first.name, "subject", _HEADLINE_GROUP,
                      sentence.start + mark.end())
    return [*parties[:index], headline, *parties[index + 1:]]


def _group_roles(parties: list[_Party]) -> list[_Party]:
    """Coordinated companies share the role of the group's last member (AやBとの -> both partners), and
    whether they are examples of a kind (AやBのような企業と)."""
    last: dict[int, _Party] = {}
    for party in parties:
        last[party.group] = party
    return [replace(p, role=last[p.group].role, kind=last[p.group].kind) for p in parties]


def _partnership_pairs(parties: Sequence[_Party], topic: _Party | None, sentence: Sentence,
                       trigger: _Trigger, rules: PartnershipRules) -> list[tuple[_Party, _Party]]:
    """Who partners with whom: a coordinated group among itself, or a subject (each member of a subject
    group: AとBは、それぞれCと提携) or agent (AやBによるCとの提携) with its partners, each partner with the
    subject closest before it (AがBと、CがDと連携), or the company it matters to (Bとの提携は、Aにとって);
    examples of a kind (AやBのような企業と) only with a named subject, not the text's topic; partners listed
    together of a joint trigger (AはBやCと共同で建設, 合弁会社を設立) with each other too. In a contract
    the other party may be its receiver, owner or source (AはBにGPUを供給する契約, Bのモデルを採用する契約), or the
    maker of what it is about (AはBが提供するクラウドを利用する契約を結んだ)."""
    partners = [p for p in parties if p.role == "partner"]
    # Bから技術のライセンスを受ける契約: a source is a contract's side, not a partnership's (Aからの出資に加え、
    # Bとの提携は)
    sides = ("subject", "agent", "of", "source", "concerned") if trigger.word in rules.contract_triggers else (
        "subject", "agent", "of", "concerned")
    # (not the owner of something in a clause set against the trigger's: AはBのCを使ってきたが、Dとの契約)
    contrasted = [p for p in parties if p.role == "of" and p.end <= trigger.start and any(
        sentence.text.find(contrast, p.end - sentence.start, trigger.start - sentence.start) >= 0
        for contrast in _CONTRASTS)]
    # (a source of another trigger before this one is that one's: AはBから投資を受け、Cとは契約を結んだ)
    subjects = [p for p in parties if p.role in sides and p not in partners and p not in contrasted
                and not (p.role == "source" and rules.trigger_re.search(
                    sentence.text, p.tail_end - sentence.start, trigger.start - sentence.start))]
    groups: dict[int, list[_Party]] = {}
    for party in parties:
        groups.setdefault(party.group, []).append(party)
    # AとBが提携, A、B、Cの3社が協業: a coordinated group is the subject (or the の-owner) of the trigger.
    coordinated = [g for g in groups.values() if len({p.company_id for p in g}) >= 2
                   and (g[-1].role in ("subject", "bare")
                        or g[-1].role == "of" and _owns_trigger(sentence, g[-1], trigger, rules))]
    receivers = [p for p in parties if p.role in ("target", "object", "source", "of")
                 and not any(p in group for group in coordinated)]
    # AはBが生産するEVの供給を受ける契約を結んだ; AとBは、Cが進める計画向けに…供給する基本合意書を結んだ: the maker
    # or owner of what a contract is about, in a relative clause after the topic
    makers = [p for p in parties if p.role == "subject" and p.end <= trigger.start
              and not _is_topic(sentence, p, rules) and any(_is_topic(sentence, q, rules)
                                                           for q in parties if q.end <= p.start and q.group != p.group)
              and SUBJECT_CLAUSE_RE.match(sentence.text, p.tail_end - sentence.start)
              ] if trigger.word in rules.contract_triggers else []
    if not partners and (receivers or not coordinated or makers) and trigger.word in rules.contract_triggers:
        # AやBがCに製造を委託: a coordinated subject of a contract is no pair of its own; its receivers are, or
        # with none, the maker of what the contract is about.
        partners = receivers or makers
        subjects = [p for p in parties if p.role in ("subject", "agent") and p not in partners]
    elif not partners and not coordinated and trigger.proposal:
        # AはBに提携を提案した: B is offered to; AはBの提携提案に応じた, AはBから提携の打診を受けた: B offered.
        partners = [p for p in parties if p.role == "target" or p.role == "source"
                    or trigger.answered and p.role == "of" and _right_before(sentence, p, trigger, rules)]
        subjects = [p for p in subjects if p not in partners]
    if not partners and not coordinated:
        # AとBによる提携: a coordinated agent group alone in the clause acts together.
        coordinated = [g for g in groups.values() if len({p.company_id for p in g}) >= 2 and g[-1].role == "agent"
                       and len(g) == len(parties)]
    pairs: list[tuple[_Party, _Party]] = []
    partner_ids = {p.company_id for p in partners}
    for partner in partners:
        # AがBと、CがDやEと連携: each partner's side is the subject closest before it (not the parent the partner is
        # described with: AはCの子会社であるBとの統合を協議, AはCの電力大手Bと提携, A and B).
        # (nor the maker of what a contract is about, in a relative clause after the topic: Aは傘下のBが開発した
        # チップをCに供給する契約を結んだ is A's contract with C)
        before = [p for p in subjects if p.start < partner.start and p not in makers
                  and not (p.role == "of" and (_kin(sentence, partner, p, parties, rules)
                                               or _describes_next(sentence, p.end, (partner.start,))))]
        anchor = before[-1] if before else next((p for p in subjects), None) or topic
        # AやBのような企業と共同研究を行う: a kind of partner with only the text's topic is hypothetical; a topic
        # named among the partners (the text is about A: AやBとの連携は重要だ) is not their other side.
        if anchor is None or anchor is topic and (partner.kind or anchor.company_id in partner_ids):
            continue
        anchors = [p for p in subjects if p.group == anchor.group and anchor.role in ("subject", "agent")] or [anchor]
        pairs += [(a, partner) for a in anchors if a.group != partner.group]
    if partners and trigger.word in rules.joint_triggers and pairs:
        # AはBやCと共同で建設する, BやCと合弁会社を設立: all of them do it together, so the partners are partners
        # of each other too (not those of another trigger before: BやCとの連携は、…共同で開発; nor where each does it
        # with the actor alone: B、Cとそれぞれ合弁会社を運営)
        pairs += [(a, b) for a, b in combinations(partners, 2) if a.group == b.group and not rules.trigger_re.search(
            sentence.text, b.end - sentence.start, trigger.start - sentence.start) and not any(
            word in sentence.text[b.end - sentence.start: trigger.start - sentence.start]
            for word in rules.count_separately)]
    if partners and pairs:
        # A、B、Cの3社は、Dと組んで: a group counted as one acts together with its partner, and so with each other;
        # AはBとCとの3社協業で: the partners counted with their side do it together too
        pairs += [pair for group in coordinated if group[-1].role == "subject" and _counted(sentence, group[-1], rules)
                  for pair in combinations(group, 2)]
        partner_groups = {p.group for p in partners}
        for group in partner_groups:
            members = [p for p in partners if p.group == group]
            if len(members) >= 2 and _counted(sentence, members[-1], rules, len(members) + 1):
                pairs += list(combinations(members, 2))
    if partners:
        return pairs
    # AとBは競合関係にあるが、Cは提携を発表: a subject named after the group acts in the trigger's clause instead.
    later = coordinated and any(p.role == "subject" and p.start > coordinated[-1][-1].start and _CLAUSE_END_RE.search(
        sentence.text, coordinated[-1][-1].end - sentence.start, p.start - sentence.start) for p in parties)
    # AやBが受注, AやBも提携先を探している: each does it with another company, not with the others listed
    alone = trigger.word in rules.one_sided_triggers or trigger.word in rules.counterparts
    # AやB、Cが協力する, AやBがチップ供給で合意: companies listed as examples (や) each do it with another the
    # sentence leaves out, not with each other (unlike AとBが提携, A、B、Cの3社が協業)
    examples = coordinated and _joined_as_examples(sentence, coordinated[-1], trigger, rules)
    if coordinated and not later and not alone and not examples \
            and not _unnamed_partner(sentence, coordinated[-1][-1], trigger, rules):
        return list(combinations(coordinated[-1], 2))
    return []


def _joined_as_examples(sentence: Sentence, group: Sequence[_Party], trigger: _Trigger,
                        rules: PartnershipRules) -> bool:
    """Whether a coordinated group is listed as examples, with や (AやB、C) or an example word after it (A、B、C
    などが; not of a merger, which the companies listed make together: A、B、Cなどが合併し), and not counted as one
    (AやBの2社)."""
    joints = [sentence.text[a.tail_end - sentence.start: b.start - sentence.start] for a, b in zip(group, group[1:])]
    _, name_end, particle_end = _role(sentence, group[-1].start, group[-1].end, rules)
    particle = sentence.text[name_end:particle_end]
    # (など then the subject's particle, as in などが; not という, which describes the group)
    open_list = trigger.word not in rules.mergers and any(
        particle == word for word, role in rules.roles if role == "subject") and any(
        particle.startswith(word) for word, role in rules.roles if role == "example")
    return (any(joint.startswith("や") for joint in joints) or open_list) and not _counted(sentence, group[-1], rules)


def _counted(sentence: Sentence, party: _Party, rules: PartnershipRules, count: int | None = None) -> bool:
    """Whether the last company of a group is followed by the group's count, as one (A、B、Cの3社は; not 各社,
    each on its own, nor 3社はそれぞれ), of ``count`` companies where given (BとCとの3社協業: 3)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    counted = rules.group_counted_re.match(sentence.text, after)
    if counted is None or any(word in sentence.text[counted.start(): counted.end() + _SEPARATELY_REACH]
                              for word in rules.count_separately):
        return False
    if count is None:
        return True
    digits = _COUNT_DIGITS_RE.match(unicodedata.normalize("NFKC", counted.group()))
    return (int(digits.group()) if digits else unicodedata.numeric(counted.group()[0], -1)) == count


def _unnamed_partner(sentence: Sentence, party: _Party, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether a partner the text does not name stands between a group and its trigger (AとBは、大学との
    連携を強化: each works with a university, not with the other)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    between = sentence.text[after: trigger.start - sentence.start]
    # と alone is too common inside other words (図ることで) to count anywhere but right before the trigger.
    return any(particle in between if len(particle) > 1 else between.endswith(particle)
               for particle, role in rules.roles if role == "partner")


def _owns_trigger(sentence: Sentence, party: _Party, trigger: _Trigger, rules: PartnershipRules,
                  parties: Sequence[_Party] = ()) -> bool:
    """Whether the の after a group introduces the relation itself (AとBの提携, A、B、Cの3社が協業, Bの買収, AのB買収
    with B among ``parties``, however long its name), not some other thing of theirs (A、B、Cの製品)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    bare = next((p for p in parties if p.role == "bare" and p.tail_end == trigger.start and p.start > party.end), None)
    if bare is not None:
        # AのB買収, Aの280億ドルのB買収: the name of what is bought, written on to the trigger, right after the
        # owner's の or the deal's amount, however long it is (MicrosoftのActivision Blizzard買収; not Aの時間外取引を
        # 通じてB株を取得)
        lead = sentence.text[after: bare.start - sentence.start]
        if not lead or _AMOUNT_OF_RE.fullmatch(lead):
            return True
    between = sentence.text[after: trigger.start - sentence.start]
    if rules.group_count_re.match(between) or (rules.owned_shares_re is not None
                                               and rules.owned_shares_re.fullmatch(between) is not None):
        return True  # A、B、Cの3社が協業; Bの株式に対する公開買付け
    # Aの合弁会社に出資: the の-phrase names what the trigger acts on, not its owner.
    marked = any(between.endswith(particle) for particle, role in rules.roles if role in _RECEIVER_ROLES)
    gap = _OWNED_ROUND_GAP if trigger.funding else _OWNED_TRIGGER_GAP
    return len(between) <= gap and "、" not in between and not marked


def _modifies_another_noun(sentence: Sentence, party: _Party, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether the party's adnominal particle (への, に対する) makes it part of a noun phrase that ends before the
    trigger (Nvidiaへの依存度を減らすため、…を投じ: Nvidia is what the dependence is on, not what is invested in),
    unlike Bへの50億ドルの出資, or its を makes it the object of a relative clause's verb on the name after it
    (Googleを擁するAlphabetは、…を投じた; not Googleを買収したAlphabet, whose verb is the trigger)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    if sentence.text.endswith("を", 0, after):
        clause = _OBJECT_CLAUSE_RE.match(sentence.text, after)
        return clause is not None and clause.end() <= trigger.start - sentence.start
    if not sentence.text.endswith(("の", "る"), 0, after):
        return False
    gap = sentence.text[after: trigger.start - sentence.start]
    return _PHRASE_END_RE.search(gap) is not None


def _owns_through(sentence: Sentence, party: _Party, receiver: _Party, trigger: _Trigger,
                  rules: PartnershipRules) -> bool:
    """Whether the party's の is followed right away by the receiver and its particle, and that closely by the
    trigger: the party owns the deal it makes (MicrosoftのOpenAIへの投資, NVIDIAのIntelへの50億ドルの出資)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    if sentence.text[after: receiver.start - sentence.start].strip():
        return False
    _, _, receiver_after = _role(sentence, receiver.start, receiver.end, rules)
    between = sentence.text[receiver_after: trigger.start - sentence.start]
    return len(between) <= _OWNED_TRIGGER_GAP and "、" not in between


def _close_before(sentence: Sentence, party: _Party, trigger: _Trigger, rules: PartnershipRules,
                  unit: bool = False) -> bool:
    """Whether the party's particle is close before the trigger with no comma between (Bと買収で合意); with
    ``unit``, whether its の names a part of it that the trigger acts on (Bのロボット事業を買収, Bの半導体
    部門を50億ドルで買収): a short noun marked as the object, perhaps with the price or date after it, or a unit
    the trigger is written on to (Bのロボット事業買収, Bの半導体部門の買収)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    between = sentence.text[after: trigger.start - sentence.start]
    if not unit:
        return len(between) <= _OWNED_TRIGGER_GAP and "、" not in between
    named_unit = rules.unit_re.match(sentence.text, after) if rules.unit_re else None
    if named_unit and sentence.text[named_unit.end(): trigger.start - sentence.start] in ("", "の"):
        return True
    objects = [particle for particle, role in rules.roles if role == "object"]
    # Bの映像事業を傘下に収めた: the object's particle may begin the trigger
    between += next((particle for particle in objects if trigger.word.startswith(particle)), "")
    part = next((between[:at] for at in range(1, len(between) + 1) if between[:at].endswith(tuple(objects))), "")
    return (bool(part) and len(part) <= _OWNED_TRIGGER_GAP and "、" not in between
            and len(between) - len(part) <= _OWNED_TRIGGER_GAP)


def _owns_round(sentence: Sentence, party: _Party, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether the party's の owns a funding round named between it and the trigger (Xの200億ドル調達、…)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    between = sentence.text[after: trigger.start - sentence.start]
    ends = [between.find(word) for word in rules.funding_triggers if word in between]
    return bool(ends) and min(ends) <= _OWNED_ROUND_GAP and "、" not in between[:min(ends)]


#: After words saying a company was set up, the unnamed company they describe (…して設立した研究開発会社, された新会社).
_SET_UP_COMPANY_RE = re.compile(r"(?:した|された|する|される|の)?[^、。]{0,10}?(?:会社|企業|法人)")
#: The comma after an object's を, which does not close its clause (AはCを、Bから買収).
_OBJECT_COMMA_RE = re.compile(r"^を?、")


def _founds_named_or_topic(sentence: Sentence, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether words right after an investment trigger say a company was set up with it (founded_with: により設立,
    して設立) and that company is no unnamed one the clause goes on to describe (AとBが折半出資して設立した会社を
    通じ): the company named as set up, or the text's company where none is."""
    if rules.founded_with_re is None:
        return False
    after = _undated_after(sentence, trigger)
    founded = rules.founded_with_re.match(after)
    return founded is not None and _SET_UP_COMPANY_RE.match(after, founded.end()) is None


def _set_up_named(sentence: Sentence, trigger: _Trigger, after: Sequence[_Party],
                  rules: PartnershipRules) -> list[_Party]:
    """The company named right after the noun of a company an investment's clause says was set up with it (AとBが
    折半出資で設立した合弁会社X, 共同出資して設立した新会社「X」): X, which receives the investment."""
    founded = rules.founded_with_re.match(sentence.text, trigger.end - sentence.start) \
        if rules.founded_with_re is not None else None
    noun = _SET_UP_COMPANY_RE.match(sentence.text, founded.end()) if founded is not None else None
    if noun is None:
        return []
    start = sentence.start + noun.end() + (1 if sentence.text.startswith(_QUOTE_OPENINGS, noun.end()) else 0)
    return [p for p in after if p.start == start][:1]


#: A date written before a verb (して2021年に設立, により1957年設立), which does not part the verb from its trigger.
_DATE_BEFORE_VERB_RE = re.compile(r"[0-9０-９]{1,4}年(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}日)?に?")


def _undated_after(sentence: Sentence, trigger: _Trigger) -> str:
    """The rest of the sentence after a trigger without the dates in it, so that words saying a company was set up
    are read whether or not the year is written before their verb (出資して2021年に設立された)."""
    return _DATE_BEFORE_VERB_RE.sub("", sentence.text[trigger.end - sentence.start:])


def _sellers(parties: Sequence[_Party], sentence: Sentence, trigger: _Trigger,
             rules: PartnershipRules) -> list[_Party]:
    """The source parties among ``parties`` (those of a purchase: an acquisition, or shares bought) that sell
    what it buys (AはBからCを買収, AはCをBから買収, AはBとCからXの株式を取得)."""
    if not (trigger.type == ACQUISITION or trigger.stake) or trigger.sale:
        return []
    return [p for p in parties if p.role == "source" and _sells(sentence, p, trigger, parties, rules)]


def _buys_whole_stake(sentence: Sentence, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether the shares a stake trigger buys are all its seller holds (Cの全株式を取得)."""
    stake = sentence.text[max(0, trigger.start - sentence.start - _STAKE_LEAD): trigger.end - sentence.start]
    return any(word in stake for word in rules.stake_exits)


def _sells(sentence: Sentence, party: _Party, trigger: _Trigger, parties: Sequence[_Party],
           rules: PartnershipRules) -> bool:
    """Whether a source party is the seller of what the trigger buys: what is bought is marked as the
    object between them (AはBから事業を買収, AはBから、Cを買収), or the owner of the shares bought is (AはBから
    Cの株式51%を取得), or a company marked as the object is named before it in its clause (AはCをBから
    買収, AはCを、Bから買収), unlike a bid from it (Bからの買収提案)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    # (a comma may follow the seller's から: AはBから、Cを買収)
    between = sentence.text[after: trigger.start - sentence.start].removeprefix("、")
    if "、" in between:
        return False
    marks = ("object", "of") if trigger.stake else ("object",)
    # (a comma may follow the object's を: AはCを、Bから買収; and what is bought may be no company found: Xを、
    # 親会社のBから買収)
    clause = sentence.text[_clause_start(sentence, trigger, rules) - sentence.start: party.start - sentence.start]
    return any(particle in between for particle, role in rules.roles if role in marks) or any(
        p.role == "object" and p.end <= party.start and "、" not in _OBJECT_COMMA_RE.sub("", sentence.text[
            p.tail_end - sentence.start: party.start - sentence.start]) for p in parties) or "を、" in clause


def _sells_unit(sentence: Sentence, seller: _Party, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether what a seller sells is a unit of itself (AはBから半導体事業を買収), not goods (AはBから電力を
    買い取る)."""
    _, _, after = _role(sentence, seller.start, seller.end, rules)
    return rules.unit_sale_re is not None and rules.unit_sale_re.search(
        sentence.text, after, trigger.start - sentence.start) is not None


def _right_before(sentence: Sentence, party: _Party, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether the party's の is right before the trigger (Bの買収, not Aの今回の買収), or only its shares or the
    deal's amount stand between (Bの株式に対する公開買付け, Bの65億ドルでの買収)."""
    _, _, after = _role(sentence, party.start, party.end, rules)
    end = trigger.start - sentence.start
    return after == end or _AMOUNT_OF_RE.fullmatch(sentence.text, after, end) is not None or (
        rules.owned_shares_re is not None and rules.owned_shares_re.fullmatch(sentence.text, after, end) is not None)


def _directed_pairs(before: Sequence[_Party], after: Sequence[_Party], topic: _Party | None, sentence: Sentence,
                    trigger: _Trigger, money: Sequence[tuple[int, float | None]], rules: PartnershipRules,
                    named: Sequence[_Party] = ()) -> list[tuple[_Party, _Party]]:
    """(actor, receiver) pairs of an investment or acquisition.

    Active (AがBに出資, AがBを買収, AによるBの買収, AはB買収を完了): the actors are the subjects or
    agents, the receivers the targets, objects, a bare name before the trigger; the owner of the
    trigger is the company bought in an acquisition (Bの買収) and the investor in an investment
    (AのBへの出資, Anthropicの巨額投資). Passive (BはAに買収された, BはAから出資を受けた) turns them round.
    BはAから出資 reads A as the actor too, but AはBから事業を買収 reads B as the seller, bought (a unit of),
    and AはBによるTOB makes the topic A the one bought. A receiver in a clause that ended before the named actor
    (GoogleがBを買収し、CもAIに投じる) is not the actor's. A funding round's owner (Xの資金調達) receives
    from every company joining it (…にAとBが参加). Companies joining after the trigger (BやCも参加する) are
    further actors. A subject whose clause leaves the verb out (AはXに50億ドル、Bは100億ドルを出資) acts too:
    on the receivers its clause names, else on the trigger's.
    The company the text is about stands in for an actor left out (not for an investment in a sentence
    written for investors: Bへの投資は魅力的だ, nor where the sentence names the company the deal matters to,
    ``named`` holding every party of the sentence), and for the receiver of an
    investment with a named actor, unless the receiver is an unnamed company (スタートアップ5社に出資).
    """
    owners = [p for p in before if p.role == "of" and (_owns_trigger(sentence, p, trigger, rules, before) or any(
        _owns_through(sentence, p, receiver, trigger, rules) for receiver in before if receiver.role == "target"))]
    # A、B、Cなどの出資により: the examples whose などの the trigger follows right away own it
    start = trigger.start - sentence.start
    examples = [p for p in before if p.role == "example" and _role(sentence, p.start, p.end, rules)[2] == start
                and sentence.text.endswith(_EXAMPLES_OF, 0, start)]
    # AやBの株式を取得, A、B、Cの3社の株式: the shares of every company of the owner's list (but not a company
    # that only describes the next one: YouTubeの親会社Alphabetの株式 are Alphabet's)
    owning_groups = {p.group for p in (*owners, *examples)}
    owners = [p for p in before if p.role in ("of", "example") and p.group in owning_groups
              and not _describes_next(sentence, p.end, (q.start for q in before))]
    sources = [p for p in before if p.role == "source"]
    if trigger.funding:
        ahead = [p for p in before if p.end <= trigger.start]
        # Aがリード投資家を務め、…増資を引き受けた: named investors lead too
        leading = [*_joining(ahead, sentence, trigger, rules),
                   *(p for p, _ in _named_investors(ahead, sentence, rules))]
        receivers = _round_receivers(before, leading, topic, sentence, trigger, rules)
        clefted = [p for p in before if p.role == "subject" and p.start >= trigger.end]
        subjects = ([p for p in before if p.role == "subject" and p.end <= trigger.start]
                    if _joins_round(sentence, trigger, rules) else [])
        named = [p for p, _ in _named_investors(after, sentence, rules)]  # …調達し、リード投資家はAccelだった
        # 本ラウンドは、Aをリード投資家とし、…: a company the round's words designate after it leads it too
        named += [p for p in after if p.role == "source" and _designation_end(sentence, p, rules) is not None]
        # Xは…の調達に向け、AやBと協議している: the companies it is in talks with would invest
        named += [p for p in after if p.role == "partner" and sentence.text.startswith(
            tuple(rules.talks_triggers), _role(sentence, p.start, p.end, rules)[2])]
        actors = list(dict.fromkeys(p for p in (*sources, *clefted, *subjects, *leading,
                                                *_joining(after, sentence, trigger, rules), *named)
                                    if p not in receivers))
        return [(actor, receiver) for receiver in receivers for actor in actors]
    if trigger.sale and not trigger.passive:
        # AはBをCに売却: C buys B; AはBの株式20%をCに売却: C buys into B. The seller is no party. (AはCと事業売却で
        # 合意, Cなど複数の買い手候補と売却交渉: the company the sale is agreed or talked with buys; not Cと共同で売却,
        # nor a partner of a clause before: Cとの取引を停止し、B株を売却.)
        clause = _clause_start(sentence, trigger, rules)
        actors = [p for p in before if p.role == "target"] or [
            p for p in before if p.role == "partner" and p.start >= clause and not sentence.text.startswith(
                tuple(rules.manner_triggers), _role(sentence, p.start, p.end, rules)[2])]
        receivers = [p for p in before if p.role == "object"] or (
            [p for p in before if p.role == "of"] if trigger.stake else [])
        if not receivers and actors and trigger.stake and topic is not None and topic.role == "topic" \
                and any(word in sentence.text[clause - sentence.start: trigger.start - sentence.start]
                        for word in rules.stake_exits) \
                and all(p.company_id != topic.company_id for p in (*actors, *before)):
            # - 2009年 - Aが全株式をCに譲渡: the whole stake no one is named the owner of is the text's company
            receivers = [topic]
        if not receivers and actors and rules.unit_sale_re is not None and rules.unit_sale_re.search(
                sentence.text, 0, trigger.start - sentence.start):
            # Aは家電事業をBに売却: B buys a unit of A, as AはBから事業を買収 reads.
            receivers = [p for p in before if p.role == "subject" and p not in actors][-1:] or (
                [topic] if topic else [])
        if not actors and trigger.exit:
            # AはBの全株式を売却: no buyer named, A leaves B (an investment, ended: _relations reads it so).
            actors = [p for p in before if p.role == "subject"][-1:] or ([topic] if topic else [])
            if not receivers and topic is not None and topic.role == "topic" \
                    and all(p.company_id != topic.company_id for p in (*actors, *before)):
                # - 2023年 - Aが保有株式の全てを売却: the whole stake no one is named the owner of is the text's
                # company's, which A leaves
                receivers = [topic]
        return [(actor, receiver) for actor in actors for receiver in receivers]
    # AはBから事業を買収: B sells (a unit of) itself to A. BはAから出資を受けた, Aからの出資, Aからの買収提案:
    # A invests or bids.
    sellers = _sellers(before, sentence, trigger, rules)
    sources = [p for p in sources if p not in sellers]
    if sources and (trigger.withdrawal or trigger.stake and not trigger.passive):
        # AはBから出資を引き揚げた: B is where A's money was, a receiver like AはBに出資した's; AはBから株式を取得:
        # A buys into B.
        before = [replace(p, role="target") if p in sources else p for p in before]
        sources = []
    if trigger.passive or sources:
        # Aグループ入り: the buyer written on to a trigger that begins with a name's suffix; Xのグループ入り is
        # X joining a group, its owner no buyer.
        written_on = [p for p in before if p.role == "bare" and p.start < trigger.start <= p.tail_end]
        suffixed = rules.written_on_re is not None and rules.written_on_re.fullmatch(trigger.word) is not None
        if suffixed and not written_on and owners:
            # AはBのグループ入りを完了: B joins the group of the sentence's actor.
            buyers = [p for p in before if p.role in _ACTOR_ROLES and p not in owners] or ([topic] if topic else [])
            return [(buyer, owner) for buyer in buyers for owner in owners]
        # BはAに買収された: に marks the actor of a passive; AからBへの出資: only から does of an active noun.
        acting = ("target", "agent", "source") if trigger.passive else ("agent", "source")
        if trigger.passive and trigger.word in rules.owner_receives:  # BはAを筆頭株主に迎えた: A invests in B
            acting = (*acting, "object")
        # BはAやCなどの出資を受けた: the companies listed right before the passive's noun give it
        listing = {p.group for p in before if trigger.passive and p.role == "example"
                   and _LISTED_GIVERS_RE.fullmatch(sentence.text, p.tail_end - sentence.start,
                                                   trigger.start - sentence.start)}
        actors = [p for p in before if p.role in acting or p.group in listing] or (
            written_on if suffixed else owners or written_on)
        # Aから出資を受けるB: the company the passive clause modifies receives; AからBへの出資: B; Bにとっては、
        # Aからの投資: the company it matters to.
        # (the text's topic only where the sentence does not name it among the actors: NVIDIAやSpaceXからの投資)
        acting_ids = {p.company_id for p in actors}
        # Aをリード投資家とし、B、Cが参加、Dが追加出資: a designation closing its clause names who leads the round
        # the subjects after it join, not a giver to them
        designations = [p for p in actors if p.role == "source"
                        and (end := _designation_end(sentence, p, rules)) is not None
                        and sentence.text.startswith(_COMMAS, end)]
        # (not a seller, whose sale before the trigger made another company the buyer's: Aが保有株式をBに売却し、Bの
        # 子会社となる is the company the shares were of, the one the text is about)
        # (nor a subject before the company it matters to: Aが…であり、Bにとっては、Cからの投資)
        receivers = ([p for p in before if p.role == "subject" and p.company_id not in acting_ids
                      and not any(d.end <= p.start for d in designations)
                      and not any(c.role == "concerned" and p.end <= c.start for c in before)
                      and not any(word in sentence.text[p.tail_end - sentence.start: trigger.start - sentence.start]
                                  for word in rules.sale_triggers)]
                     or _modified(after, sentence, trigger, rules)
                     or [p for p in before if p.role == "target" and p not in actors]
                     or [p for p in before if p.role == "concerned" and not trigger.passive]
                     # Xの評価額が…報道や、Aからの投資: the company the sentence names besides its investors
                     or [p for p in before if p.role == "of" and not trigger.passive
                         and p.company_id not in acting_ids and p.end <= trigger.start][-1:]
                     # Xの株式がAに売却された: A buys into X, the company whose shares are sold
                     or [p for p in before if p.role == "of" and trigger.passive and trigger.sale and trigger.stake
                         and p.company_id not in acting_ids and p.end <= trigger.start][-1:]
                     or ([topic] if topic and all(p.company_id != topic.company_id for p in actors) else []))
    else:
        # (not the subject of a relative clause of another trigger: 塩野義は、JTが約55%を出資する鳥居薬品を買収)
        actor_groups = [p.group for p in before if p.role in _ACTOR_ROLES
                        and not _acts_in_relative_clause(sentence, p, before, trigger, rules)]
        actors = [p for p in before if actor_groups and p.group == actor_groups[-1]]
        gapped = _gapped_clauses(before, actors, sentence, money, rules)
        # GoogleがBを買収し、CもAIに巨額を投じる; AがBに出資、CがDに追加出資: a receiver in a clause that ended
        # before the actor is not its.
        first_actor = min((p.start for p in actors), default=0) - sentence.start
        marked = [p for p in before if p.role in _RECEIVER_ROLES
                  and not _modifies_another_noun(sentence, p, trigger, rules)]
        receivers = [p for p in marked if not (
            p.end - sentence.start < first_actor
            and _clause_ends(sentence, p.end - sentence.start, first_actor, trigger, rules))]
        if trigger.stake:
            # AはBに対し、…C株の取得を打診: the company whose shares they are receives, not the one addressed
            receivers = [p for p in receivers if p.role == "bare"] or receivers
        if not receivers and actors and not _thing_receives(sentence, trigger, before, rules) and \
                sentence.text.startswith(tuple(rules.paired_particles), actors[-1].tail_end - sentence.start):
            # AがXに出資し、BとCも追加出資する: actors marked as doing it too, their clause naming no receiver, act on
            # the receiver of the clause before (not GoogleがBを買収し、CもAIに投じる: C buys nothing named)
            # (or the company the clause before buys, where their own clause marks nothing with に: AはXを買収し、
            # BとCも出資する: B and C invest in X; not AはXを買収し、BもAIに巨額を投じる)
            kind = "target" if trigger.type == INVESTMENT else "object"
            own_clause = sentence.text[actors[-1].tail_end - sentence.start: trigger.start - sentence.start]
            same = [p for p in marked if p.role == kind] or (
                [p for p in marked if p.role == "object"] if "に" not in own_clause else [])
            receivers = [p for p in same if p.group == same[-1].group]
        # KDDIはAに出資し、Bを子会社化した: B is bought; A was the earlier clause's (where the trigger's clause
        # names no receiver, it shares the earlier one's: AはBを買収し、完全子会社化した).
        clause_start = _clause_start(sentence, trigger, rules)
        own_groups = {p.group for p in receivers if p.start >= clause_start}  # Aに加え、Bにも出資: one group
        receivers = [p for p in receivers if p.group in own_groups] or receivers
        if gapped:
            # AはXに、BはYに出資: the trigger's own clause names Y; AはXに50億ドル、Bは100億ドルを: it shares X.
            # (neither naming one: Xへの出資比率はAが60%、Bが40%: X)
            receivers = ([p for p in receivers if p.start >= first_actor + sentence.start]
                         or [p for _, named in gapped for p in named] or receivers)
        # Bの買収提案をAは断った, Bの買収提案はAに拒否された: the owner of an offer to buy is the bidder, and the
        # company that answers it after the trigger the one it would buy.
        if trigger.proposal and not receivers:
            answering = [p for p in after if p.role in ("subject", "target") and not _CLAUSE_END_RE.search(
                sentence.text, trigger.end - sentence.start, p.start - sentence.start)][:1]
            if trigger.answered and not answering:
                # AはBの買収提案を受け入れた, AはBの出資提案を断った: A is offered to.
                answering = [p for p in actors if p.end <= min(p.start for p in owners)] if owners else []
            bidders = [p for p in owners if _right_before(sentence, p, trigger, rules)]
            if not answering:
                # Aが買収を提案しており、Bは今後、この提案を精査する: the subject of a later clause that takes up the
                # offer by a word pointing back at it is offered to, by the offer's subject
                answering = [p for p in after if p.role == "subject" and _points_at_offer(
                    sentence, p, rules)][:1]
                bidders = bidders or ([p for p in actors if p.role == "subject"] if answering else [])
            if bidders and answering and (trigger.type == ACQUISITION or trigger.answered):
                return [(bidder, offered) for bidder in bidders for offered in answering]
        # Bの買収 and Bの株式を取得 are B bought (into), and so is each company listed with B (B、Cの買収); Aの今回の
        # 買収, Aの出資 (AのBへの出資, Anthropicの巨額投資) is A acting.
        bought_groups = {p.group for p in owners if trigger.type == ACQUISITION
                         and _right_before(sentence, p, trigger, rules)}
        bought = owners if trigger.stake else [p for p in owners if p.group in bought_groups]
        if trigger.stake and not bought and not receivers:
            # Xの株式は、Aが4割を保有: the company whose shares the sentence is about
            bought = [p for p in before if p.role == "of" and rules.topic_shares_re is not None
                      and rules.topic_shares_re.match(sentence.text, _role(sentence, p.start, p.end, rules)[2])][:1]
        if (trigger.type == INVESTMENT and (owners or actors) and not receivers and rules.founded_with_re is not None
                and rules.founded_with_re.match(_undated_after(sentence, trigger))):
            # XはA、Bの出資により設立された: the company set up receives from the investment's owners (the company
            # the text is about, where the sentence leaves it out: - 1977年 - A、Bなどの出資により設立; AとBが折半出資
            # して設立; not one the clause goes on to describe, 折半出資して設立した会社を通じ)
            investors = owners or actors
            # (XはAとBが出資して設立された: the company the sentence is about, marked with は before them)
            investing_groups = {p.group for p in investors}
            marked_topic = [p for p in before if p.role == "subject" and p.group not in investing_groups
                            and p.end <= investors[0].start and _is_topic(sentence, p, rules)][:1]
            receivers = _set_up_named(sentence, trigger, after, rules) or (
                [p for p in actors if p not in owners][:1] if owners else []) or (
                (marked_topic or ([topic] if topic is not None else []))
                if (marked_topic or topic is not None and topic.company_id not in {p.company_id for p in investors})
                and _founds_named_or_topic(sentence, trigger, rules) else [])
            actors = investors
        if bought and trigger.stake and receivers and all(p.end <= clause_start for p in receivers):
            # Aを買収したほか、Bの株式の約4割を保有する: the shares' owner in the trigger's own clause is bought into,
            # not the company the clause before acted on
            receivers = bought
            actors = [p for p in actors if p not in bought]
        elif bought and not receivers:
            receivers = bought
        elif not actors:
            # Bに対するAのTOB: with the one bought named, the owner of the bid makes it
            actors = [p for p in owners if p not in bought or receivers]
        if not receivers and trigger.word not in rules.owner_receives:  # (既存株主であるA: A holds, receives not)
            receivers = _modified(after, sentence, trigger, rules)
        if not receivers and actors and rules.topic_described_re is not None and rules.topic_described_re.match(
                sentence.text, trigger.end - sentence.start):
            # JERAはAとBが折半出資する発電会社だ, JERAはAとBが折半出資する: the topic the clause describes, or whose
            # sentence the clause ends, is what they invest in or buy
            acting_groups = {p.group for p in actors}
            receivers = [p for p in before if p.role == "subject" and p.group not in acting_groups
                         and _is_topic(sentence, p, rules)]
        if not receivers and len(actors) > 1 and _headline_receiver(sentence, actors, rules):
            # 智譜AI、アリババとテンセントが追加出資: a headline's first company marked off before the subjects
            # that act on nothing named is what they invest in or buy.
            receivers, actors = actors[:1], actors[1:]
        if not receivers and trigger.type == ACQUISITION:
            # Bと買収で合意: the company the deal is agreed with is bought; Bのロボット事業を買収, Bから事業を買収:
            # B sells a unit.
            receivers = ([p for p in before if p.role == "partner" and _close_before(sentence, p, trigger, rules)]
                         or [p for p in before if p.role == "of"
                             and _close_before(sentence, p, trigger, rules, unit=True)]
                         or [p for p in sellers if _sells_unit(sentence, p, trigger, rules)])
        if not receivers and (trigger.type == ACQUISITION or trigger.stake):
            # AはBと資本業務提携を結び、株式の51%を取得して子会社化する: the partner of the capital alliance the
            # sentence states first is the one whose shares are bought, by the alliance's own side (not Bと資本提携し、
            # 同社が発行済株式の10%を保有: B holds; nor Bと資本提携していたが、Cによる買収を経て: C's deal)
            receivers = [p for p in before if p.role == "partner" and any(
                word in (between := sentence.text[p.tail_end - sentence.start:trigger.start - sentence.start])
                for word in rules.capital_alliances) and not any(contrast in between for contrast in _CONTRASTS)
                and all(actor.end <= p.start or actor is topic for actor in actors)][-1:]
        if not receivers and actors and topic is not None and topic.role == "topic" \
                and trigger.word in rules.bid_triggers and DATED_ITEM_RE.match(sentence.text) is not None \
                and all(p.company_id != topic.company_id for p in actors):
            # (Xの沿革) - 2000年 - AがTOBを提案した: a bid naming no target in an item of a company's history is for
            # that company (not in prose, where the company the text is about may be a rival bidder)
            receivers = [topic]
        if not receivers and actors and all(p.role == "agent" for p in actors):
            # AはBによるTOBを受け入れた, AはBによる買収が成立し: the topic is what the agent buys or invests in.
            receivers = [p for p in before if p.role == "subject" and _is_topic(sentence, p, rules)]
        actors += [p for p in _joining(after, sentence, trigger, rules) if p not in actors]
        if trigger.type == INVESTMENT and actors:
            # Aが主導し、BやCも出資した; リード投資家はAで、Bも出資した: the leader and named investors give too.
            # (not the sentence's topic where the trigger ends a relative clause with its own subject: Aは、Bが
            # 出資するCを買収)
            relative = bool(_modified(after, sentence, trigger, rules))
            others = [p for p in before if p not in actors and not (relative and _is_topic(sentence, p, rules))]
            actors += [p for p in (*_joining(others, sentence, trigger, rules),
                                   *(p for p, _ in _named_investors(others, sentence, rules))) if p not in actors]
        if not actors and trigger.type == INVESTMENT and after:
            # Xへの出資比率はAが60%、Bが40%: the subjects after the trigger made the topic, each with its share
            shares = [p for p in after if p.role == "subject" and _SHARE_AFTER_RE.match(
                sentence.text, p.tail_end - sentence.start)]
            if shares and rules.deal_subject_gap_re.fullmatch(sentence.text, trigger.end - sentence.start,
                                                              shares[0].start - sentence.start):
                if not receivers:
                    return []  # 出資比率はAが60%、Bが40%: shares of a company set up before, not of the topic
                actors = shares
        if trigger.word in rules.owner_receives and not receivers and not owners and not sentence.text.endswith(
                tuple(particle for particle, role in rules.roles if role == "of"), 0, trigger.start - sentence.start):
            # Xは上場しており、大株主にはAとBが名を連ねる: the holders named after a noun no one owns hold shares of
            # the sentence's topic, or of the text's company where the sentence names none (not 持株会社の主要株主に
            # は, whose owner is a company unnamed)
            holders = [p for p in actors if p.start >= trigger.end]
            held = [p for p in actors if p.end <= trigger.start and _is_topic(sentence, p, rules)
                    and p.company_id not in {holder.company_id for holder in holders}][:1] or (
                [topic] if holders and topic is not None and len(holders) == len(actors)
                and topic.company_id not in {holder.company_id for holder in holders} else [])
            if holders and held:
                receivers, actors = held, holders
        if trigger.word in rules.owner_receives and receivers:
            # AはXの筆頭株主であるBに対し…: the holder is the company the noun describes, named right after it
            actors = [p for p in _modified(after, sentence, trigger, rules) if p not in receivers] or actors
        goal_end = _goal_clause_end(sentence, trigger)
        if not actors and receivers and goal_end is not None:
            # Xの買収にAとBが関心を示している: the subjects after the deal's noun, in its clause, seek it
            actors = [p for p in after if p.role in ("subject", "example") and p not in receivers
                      and p.start - sentence.start < goal_end]
        if not actors and receivers:
            # Wizを買収したGoogleは, KDDIに出資するElliottは: the company the clause modifies acts.
            actors = [p for p in _modified(after, sentence, trigger, rules) if p not in receivers]
        # Alphabetへの投資を考える投資家は…: the reader's investment, not the topic's.
        readers = trigger.type == INVESTMENT and any(word in sentence.text for word in rules.reader_investments)
        # (nor for examples of a kind: AやBといったスタートアップへの投資が相次ぐ, AやBのような企業への投資 name no
        # investor)
        # (nor where the deal is the subject of a clause about another company, which may be the actor: Bへの
        # 投資が、Aの業績に…)
        # (nor where it names the company the deal matters to: Bの買収は、Aにとって…, A may be a rival)
        others = [p for p in after if p.role == "of" and p not in receivers and topic
                  and p.company_id != topic.company_id and rules.deal_subject_gap_re.fullmatch(
                      sentence.text, trigger.end - sentence.start, p.start - sentence.start)] + [
            p for p in named if p.role == "concerned" and topic and p.company_id != topic.company_id]
        if not actors:
            # Xの戦略も、…Bへの出資で広がった: the company whose phrase the sentence opens with as its topic
            actors = [p for p in _opening_owner(before, sentence, rules) if p not in receivers]
        if not actors and topic and not readers and not others and not (
                receivers and all(p.role == "example" or p.kind for p in receivers)):
            actors = [topic]
        unnamed = rules.unnamed_receiver_re.search(sentence.text, 0, trigger.start - sentence.start) or (
            _thing_receives(sentence, trigger, before, rules))
        if not receivers and trigger.type == INVESTMENT and actors:
            # Xの200億ドル調達、Nvidiaの出資; Xの今回の調達では、Aが…拠出: the owner of a funding round named before
            # receives.
            receivers = [p for p in before if p.role == "of" and p not in actors
                         and _owns_round(sentence, p, trigger, rules)][:1]
        # (or shares no one is named the owner of: AやBが株式を買い取る, Xは…、Aが株式の過半数を取得して)
        bare_shares = (trigger.stake and rules.owned_shares_re is not None
                       and rules.owned_shares_re.match(trigger.word) is not None
                       and rules.bare_shares_before_re.search(sentence.text, 0, trigger.start - sentence.start)
                       is not None)
        if not receivers and actors and (trigger.word in rules.topic_receives or bare_shares) and not unnamed:
            # Xは…、AとBが出資する体制に移った: the sentence's own topic, acting in none of it, receives
            acting_groups = {p.group for p in actors}
            first_actor = min(p.start for p in actors)
            receivers = [p for p in before if p.role == "subject" and p.group not in acting_groups
                         and p.end <= first_actor and _is_topic(sentence, p, rules)][:1]
        # (the text's topic for shares no one owns only where the sentence before named it: Xは…を実施した。AやBが
        # 株式を買い取る)
        if not receivers and topic and (trigger.word in rules.topic_receives or trigger.into_round
                                        or bare_shares and topic.lately) \
                and not unnamed and all(p.company_id != topic.company_id for p in actors):
            receivers = [topic]  # (not one of the actors: MicrosoftやNVIDIAも共同で出資, the topic Microsoft)
        return ([(actor, receiver) for actor in actors for receiver in receivers]
                + [(actor, receiver) for actor, named in gapped for receiver in named or receivers])
    return [(actor, receiver) for actor in actors for receiver in receivers]


def _thing_receives(sentence: Sentence, trigger: _Trigger, before: Sequence[_Party], rules: PartnershipRules) -> bool:
    """Whether a noun that names no company receives the trigger, marked right before it (米国のLNG基地への出資;
    not Xへの出資 with X a company or a back-reference)."""
    marked = rules.thing_receiver_re.search(sentence.text, 0, trigger.start - sentence.start) if (
        rules.thing_receiver_re is not None) else None
    return marked is not None and marked.start() > 0 and not any(
        p.tail_end - sentence.start == marked.start() for p in before)


def _headline_receiver(sentence: Sentence, actors: Sequence[_Party], rules: PartnershipRules) -> bool:
    """Whether the first of a coordinated group of actors opens a heading or list line, marked off with a comma
    from the rest, which are coordinated otherwise (### X、AとBが出資, ■ X、Aが買収へ; not A、B、Cが出資, a
    list)."""
    first = actors[0]
    opening = rules.headline_lead_re.fullmatch(sentence.text, 0, first.start - sentence.start) if (
        rules.headline_lead_re is not None) else None
    if opening is None or _LINE_MARKUP_RE.search(opening.group()) is None:
        return False  # (a heading or list line: in running text A、Bが… lists its names)
    return _marked_off(sentence.text, [(p.start - sentence.start, max(p.tail_end, p.end) - sentence.start)
                                       for p in actors])


def _marked_off(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether, of names at these sentence offsets, the first is marked off from the next with a comma and the
    rest are coordinated by words (X、AとBが出資; not A、B、Cが出資, a list written with commas)."""
    joints = [text[end:start].strip() for (_, end), (start, _) in zip(spans, spans[1:])]
    return len(joints) > 0 and joints[0] in _COMMAS and all(joint not in _COMMAS for joint in joints[1:])


def _person_acts_alone(sentence: Sentence, parties: Sequence[_Party], trigger: _Trigger,
                       rules: PartnershipRules) -> bool:
    """Whether a person named with an honorific is the subject before the trigger, acting on their own (米起業家の
    マスク氏は、Xを買収した): not a company's person (NVIDIAのフアン氏は), nor the subject of a clause naming a company
    (マスク氏が率いるSpaceXも)."""
    def belongs_to_a_company(match: re.Match[str]) -> bool:
        return any(p.role == "of" and 0 <= match.start() - (p.end - sentence.start) <= _PERSON_AFTER_OWNER
                   or _RELATIVE_CLAUSE_RE.fullmatch(sentence.text, match.end(), p.start - sentence.start)
                   for p in parties)

    return any(not belongs_to_a_company(match)
               for match in rules.individual_subject_re.finditer(sentence.text, 0, trigger.start - sentence.start))


def _designation_end(sentence: Sentence, party: _Party, rules: PartnershipRules) -> int | None:
    """Where the particle of a source that designates it with を ends (Aをリード投資家とし, Aを引受先として: sentence
    offsets); None for a source marked otherwise (Aから)."""
    _, tail_end, particle_end = _role(sentence, party.start, party.end, rules)
    designated = sentence.text.startswith(rules.object_particles, tail_end)
    return particle_end if designated else None


def _round_receivers(before: Sequence[_Party], leading: Sequence[_Party], topic: _Party | None, sentence: Sentence,
                     trigger: _Trigger, rules: PartnershipRules) -> list[_Party]:
    """Who a funding round is of: its owner (Xの資金調達, Xが実施する第三者割当増資), the company it is for (Xへの
    投資ラウンド), else the subject that does not join it (Xは…調達した; Aがリードするラウンド: a subject that joins
    the round before it is named is an investor: ``leading``; one named after it, 本ラウンドでは、Aが…を出資, joins it
    too; one whose round is followed by a join word, Aは…の資金調達を主導した, leads it), else the company the text
    is about."""
    owners = [p for p in before if p.role == "of" and p not in leading and _owns_trigger(sentence, p, trigger, rules)
              or p.role == "subject" and rules.round_owner_re is not None and rules.round_owner_re.fullmatch(
                  sentence.text, _role(sentence, p.start, p.end, rules)[2], trigger.start - sentence.start) is not None]
    # ラウンドを主導したのはAで: the company a cleft sentence names as the one that joined is no owner.
    joins = _joins_round(sentence, trigger, rules)
    joiners = [p for p in before if p.start >= trigger.end] if joins else []
    # (AはXの資金調達を主導した, X no rule found: A leads a round it does not own; but Bが実施する資金調達に
    # Aが参加: B's clause modifies the round)
    return (owners or [p for p in before if p.role == "target"]
            or [p for p in before if p.role == "subject" and p.end <= trigger.start
                and p not in leading and p not in joiners
                and (not joins or _modifies_round(sentence, p, trigger))][-1:]
            or ([topic] if topic else []))


def _modifies_round(sentence: Sentence, party: _Party, trigger: _Trigger) -> bool:
    """Whether the subject's clause runs on to the round's noun without a break, ending in a verb (Bが実施する
    資金調達), not in an owner's の (Aは、Xの資金調達を主導した)."""
    between = sentence.text[party.tail_end - sentence.start: trigger.start - sentence.start]
    return "、" not in between and not between.endswith("の")


def _joins_round(sentence: Sentence, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether a join word follows the funding trigger (AはXの資金調達ラウンドを主導した, AはXの調達ラウンドに
    20億ドルを拠出する): its subject leads, takes part in or puts an amount into the round, not owns it."""
    amount = _AMOUNT_INTO_RE.match(sentence.text, trigger.end - sentence.start)
    return any(rules.join_re.match(sentence.text, trigger.end - sentence.start + gap)
               for gap in range(_JOINED_AFTER + 1)) or (
        amount is not None and rules.join_re.match(sentence.text, amount.end()) is not None)


def _gapped_clauses(before: Sequence[_Party], actors: Sequence[_Party], sentence: Sentence,
                    money: Sequence[tuple[int, float | None]],
                    rules: PartnershipRules) -> list[tuple[_Party, list[_Party]]]:
    """The subjects before the trigger's actors whose clause leaves its verb to the trigger's (AはXに50億ドル、
    BはYに100億ドルを出資した; AはXを、BはYを買収), each with the receivers its clause names: the clause runs
    from the subject's particle to a comma right before the next subject and ends in an amount or in a
    receiver's particle, not in a verb (AはXを買収し、Bは… is a clause of its own)."""
    if not actors:
        return []
    subjects = [p for p in before if p.role in _ACTOR_ROLES and p.start < actors[0].start]
    gapped: list[tuple[_Party, list[_Party]]] = []
    text = sentence.text
    for subject in subjects:
        clause = rules.gapped_clause_re.match(text, subject.tail_end - sentence.start)
        if clause is None:
            continue
        comma, clause_end = sentence.start + clause.end("said"), sentence.start + clause.end()
        following = next((p for p in before if p.start >= clause_end), None)
        if following is None or following.start != clause_end or following.role not in _ACTOR_ROLES:
            continue
        named = [p for p in before if subject.end <= p.start < comma]
        if any(p.role not in _RECEIVER_ROLES for p in named):
            continue
        ends_in_receiver = bool(named) and _role(sentence, named[-1].start, named[-1].end, rules)[2] == (
            comma - sentence.start)
        amounts = [offset for offset, _ in money if subject.tail_end <= offset < comma]
        ends_in_amount = bool(amounts) and _AMOUNT_TAIL_RE.fullmatch(
            text, amounts[-1] - sentence.start, comma - sentence.start) is not None
        if ends_in_receiver or ends_in_amount:
            gapped.append((subject, named))
    return gapped


def _count_of(count: str) -> int | None:
    """The number a count of companies opens with (3社, ３社, 三社), or None for a word that is no number (両社,
    各社)."""
    digits = re.match(r"[0-9０-９]+", count)
    if digits is not None:
        return int(unicodedata.normalize("NFKC", digits.group()))
    return int(unicodedata.numeric(count[0])) if unicodedata.numeric(count[0], -1) >= 0 else None


def _points_at_offer(sentence: Sentence, party: _Party, rules: PartnershipRules) -> bool:
    """Whether what the subject ``party`` goes on to do takes up an offer named before by a word pointing back at
    it (Bは今後、この提案を精査する; Bは同提案に賛同した)."""
    rest = sentence.text[party.tail_end - sentence.start:]
    return any(f"{pointer}{offer}" in rest for pointer in rules.deal_reference_before for offer in rules.proposals)


def _sold_holdings(rows: list[Partnership], rules: PartnershipRules) -> list[Partnership]:
    """One sentence's rows, where a company held shares the sentence sells to another (保有していたB株式のうち20%を
    Cに売却した, 保有するB株をCに譲渡): its investment in B ends as the sale is done (stays in force where the sale is
    called off), and the sale's amount is the buyer's."""
    sold = {row.party_b_id: row.status for row in rows
            if row.trigger in rules.sale_triggers and row.type in (INVESTMENT, ACQUISITION)}
    exit_status = {DONE: ENDED, ENDED: DONE}
    return [replace(row, status=exit_status.get(sold[row.party_b_id], row.status), money_value_usd=None)
            if row.trigger in rules.stake_verbs and row.type == INVESTMENT and row.party_b_id in sold
            and not any(other.trigger in rules.sale_triggers and other.party_a_id == row.party_a_id for other in rows)
            else row for row in rows]


def _masked_stops(bracket: re.Match[str]) -> str:
    """The bracket with its full stops masked (see ``_BRACKETED_STOP_RE``)."""
    return bracket.group().replace("。", _MASKED_STOP)


def _acts_in_relative_clause(sentence: Sentence, party: _Party, parties: Sequence[_Party], trigger: _Trigger,
                             rules: PartnershipRules) -> bool:
    """Whether the subject ``party`` acts in the relative clause of another trigger before ``trigger``, which
    modifies the company named next (JTが約55%を出資する鳥居薬品を買収: JT invests in Torii, buys nothing), or, after
    the sentence's topic, in a relative clause of any verb describing that company (AはBが所有する広告配信のCを買収:
    B owns C and buys nothing)."""
    following = next((p for p in parties if p.start >= party.tail_end), None)
    if following is None or following.start > trigger.start or rules.relative_clause_re is None \
            or _is_topic(sentence, party, rules):
        return False  # (a topic is no relative clause's: Aは、2年前に出資したBから出資を引き揚げた)
    tail = party.tail_end - sentence.start
    describing = SUBJECT_CLAUSE_RE.match(sentence.text, tail)
    if describing is not None and _DESCRIBED_GAP_RE.fullmatch(sentence.text, describing.end(),
                                                              following.start - sentence.start) \
            and any(_is_topic(sentence, p, rules) for p in parties if p.end <= party.start and p.group != party.group):
        return True
    return any(rules.relative_clause_re.fullmatch(sentence.text, match.end(), following.start - sentence.start)
               for match in rules.trigger_re.finditer(sentence.text, tail, following.start - sentence.start))


def _modified(after: Sequence[_Party], sentence: Sentence, trigger: _Trigger,
              rules: PartnershipRules) -> list[_Party]:
    """The companies a directed trigger's relative clause modifies (Aが買収したセキュリティ企業のB: B; Xに出資していた
    AとB: A and B)."""
    if not after or rules.relative_clause_re is None:
        return []
    first = after[0]
    # (a trigger may end in the word that joins it to the name: Xの株主である米ファンドのA)
    end = trigger.end - sentence.start - next(
        (len(word) for word in rules.trigger_appositives if trigger.word.endswith(word)), 0)
    clause = rules.relative_clause_re.fullmatch(sentence.text, end, first.start - sentence.start)
    # JMUの株式を35%ずつ持つJFEとIHI, Bと組む部品大手のA: a stake or partnership trigger ending in a verb's plain
    # form modifies the name right after it
    plain = (trigger.stake or trigger.type == PARTNERSHIP) and _PLAIN_VERB_END_RE.search(trigger.word) is not None \
        and _DESCRIBED_NAME_GAP_RE.fullmatch(sentence.text, end, first.start - sentence.start) is not None
    # 出資先のOpenAI, Xの筆頭株主のA: a trigger that is a noun for the company named right after it
    appositive = (trigger.word in rules.counterparts or trigger.word in rules.owner_receives) \
        and rules.trigger_appositive_re is not None and \
        rules.trigger_appositive_re.fullmatch(sentence.text, end, first.start - sentence.start) is not None
    # (with the names listed with it: Bに出資していたAとCは)
    return [p for p in after if p.group == first.group] if clause or appositive or plain else []


def _past_parallel(sentence: Sentence, party: _Party, rules: PartnershipRules) -> int:
    """Where the party's clause goes on (sentence offset): past the phrase a parallel mark sets it beside (AやBの
    ほか、C氏も参加: at も), or past the names no list holds listed after it (AとCapital Factoryが共同で主導: at が),
    else at its tail."""
    tail = party.tail_end - sentence.start
    parallel = rules.parallel_re.match(sentence.text, tail) if rules.parallel_re else None
    listed = rules.unlisted_names_re.match(sentence.text, tail)
    return parallel.end() if parallel else listed.end() if listed else tail


def _joining(parties: Sequence[_Party], sentence: Sentence, trigger: _Trigger,
             rules: PartnershipRules) -> list[_Party]:
    """The companies after a trigger that join it: a subject group followed shortly by a join word (…に
    AとBが参加, A（20億ドル）、B、Cなどが参加), or a name with the join word right after it or its の (A主導で
    調達, Aの主導で調達). A join word that is a trigger of another type states something else (GoogleがBを買収し、
    CもAIに巨額を投じる: C buys nothing)."""
    kinds = rules.trigger_kinds
    last: dict[int, _Party] = {}
    for party in parties:
        last[party.group] = party
    joining_groups = set()
    for group, party in last.items():
        # Up to the next company named: ASMLの主導 joins ASML, not the headline's Mistral AI before it. The company
        # joined, referred back to as the verb's object, is no such name (投資家が同社を支えている).
        following = [p.start for p in parties if p.start >= party.tail_end
                     and not rules.referred_object_re.match(sentence.text, p.start - sentence.start)]
        window = sentence.text[_past_parallel(sentence, party, rules):
                               min(following, default=sentence.end) - sentence.start]
        # リード投資家は, 出資者として: a noun naming a round's investors, not this company joining.
        join = next((found for found in rules.join_re.finditer(window[:_JOIN_GAP])
                     if not window.startswith(rules.round_investors, found.start())), None)
        right_after = join is not None and join.start() == 0
        # (Aの主導で調達: the join word right after the name's の, or after a manner word's stem: AとBの共同主導で)
        lead = window[:join.start()] if join is not None else ""
        owned_join = join is not None and party.role == "of" and (rules.particle_roles.get(lead) == "of" or any(
            rules.particle_roles.get(lead.removesuffix(manner.removesuffix("で"))) == "of"
            for manner in rules.manner_triggers))
        if (party.role in ("subject", _JOINER) or party.role == "other" and right_after or owned_join) and join \
                and kinds.get(join.group(), trigger.type) == trigger.type:
            joining_groups.add(group)
    # Aが50億ドル、Bが20億ドルを拠出: a subject whose clause is only its amount shares the next one's join word.
    for group, party in sorted(last.items(), reverse=True):
        clause = rules.gapped_clause_re.match(sentence.text, party.tail_end - sentence.start)
        after = next((p for p in parties if p.start >= party.tail_end), None)
        if (group not in joining_groups and party.role == "subject" and clause is not None
                and _AMOUNT_RE.search(clause.group("said")) and after is not None
                and after.start - sentence.start == clause.end() and after.group in joining_groups):
            joining_groups.add(group)
    return [party for party in parties if party.group in joining_groups]


def _joined_status(sentence: Sentence, party: _Party, trigger: _Trigger, parties: Sequence[_Party],
                   rules: PartnershipRules) -> str:
    """The status of an investor's part in a funding round: that of its group's own join word after the round's
    trigger where its clause says more of it (Xの資金調達は、Aが主導し、BやCも参加を検討している: B and C plan to),
    else the round's."""
    if party.start < trigger.end:
        return trigger.status
    end = max((p.tail_end for p in parties if p.group == party.group), default=party.tail_end) - sentence.start
    join = rules.join_re.search(sentence.text, end, end + _JOIN_GAP)
    if join is None:
        return trigger.status
    clause_end = _CLAUSE_END_RE.search(sentence.text, join.end())
    status = _status(sentence.text[join.end(): clause_end.start() if clause_end else len(sentence.text)], rules,
                     join.group(), False)
    return trigger.status if status == DONE else status


def _named_investors(parties: Sequence[_Party], sentence: Sentence,
                     rules: PartnershipRules) -> list[tuple[_Party, str]]:
    """The companies a noun of a round's investors names right before them (リード投資家はAccelで, 主な出資者は
    AとB) or makes their role right after them (Aがリード投資家を務め), each with that noun: the round's
    investors."""
    if rules.round_investor_re is None or rules.round_investor_after_re is None:
        return []
    heads: dict[int, str] = {}
    previous: _Party | None = None
    for party in parties:
        if party.group not in heads:
            heading = rules.round_investor_re.search(sentence.text, 0, party.start - sentence.start)
            heads[party.group] = heading.group("noun") if heading else ""
            if not heads[party.group] and previous is not None and heads[previous.group] \
                    and rules.coordinator_re.fullmatch(sentence.text, previous.end - sentence.start,
                                                       party.start - sentence.start):
                heads[party.group] = heads[previous.group]  # - 参加：A、B: a list line's label heads all its names
        if not heads[party.group]:
            # (past the name's suffix: ジャフコ グループが)
            made = rules.round_investor_after_re.match(sentence.text, _past_name(sentence, party.start, party.end,
                                                                                 rules))
            heads[party.group] = made.group("noun") if made else ""
        previous = party
    return [(party, heads[party.group]) for party in parties if heads[party.group]]


def _in_clause(parse: ParsedSentence | None, party: _Party, trigger: _Trigger) -> bool:
    """Whether the party belongs to the trigger's clause: it depends on the trigger or on the
    predicate the trigger depends on. Without a parse every party before the trigger counts, and so
    it does where the parser cut the sentence in two between them (each part has its own root): a
    headline or a sentence of chained clauses (Aが、Bに出資し、…を迎え入れる) often gets such a cut,
    and the parse then says nothing about how the two parts join."""
    if parse is None:
        return True
    party_token = _token_at(parse.tokens, party.start, party.end)
    trigger_token = _token_at(parse.tokens, trigger.start, trigger.end)
    if party_token is None or trigger_token is None or _root(parse, party_token) != _root(parse, trigger_token):
        return True
    governing = {trigger_token.index}
    head = trigger_token
    for _ in range(_CLAUSE_HEADS):
        head = parse.tokens[head.head]
        governing.add(head.index)
    node = party_token
    for _ in range(len(parse.tokens)):
        if node.index in governing:
            return True
        if node.head == node.index:
            return False
        node = parse.tokens[node.head]
    return False


def _root(parse: ParsedSentence, token: ParsedToken) -> int:
    """The index of the root the token depends on, through its heads."""
    for _ in range(len(parse.tokens)):
        if token.head == token.index:
            break
        token = parse.tokens[token.head]
    return token.index


def _token_at(tokens: Sequence[ParsedToken], start: int, end: int) -> ParsedToken | None:
    """The last parsed word inside [start, end) (a name's head word in Japanese)."""
    inside = [t for t in tokens if start <= t.start < end]
    return inside[-1] if inside else None


def _own_amount(money: Sequence[tuple[int, float | None]], party: _Party, sentence: Sentence,
                rules: PartnershipRules, parties: Sequence[_Party] = ()) -> float | None:
    """The USD value of an amount written right after the party's name, in its parenthesis (A（50億ドル）),
    or after its subject, source or receiver particle when parties each state their own (Aが2億ドル、Bが1億ドルを
    投じた; Aからは20億ドル、Bからは40億ドルの出資; AはBに50億ドル、Cに10億ドルを出資), up to the next of
    ``parties`` named (AはBに50億ドル: the amount is B's)."""
    own = rules.own_amount_re.match(sentence.text, party.tail_end - sentence.start)
    following = min((p.start for p in parties if p.start >= party.tail_end), default=sentence.end)
    end = min(sentence.start + own.end() if own else party.tail_end, following)
    shared = rules.co_investor_re  # Aが主導するシリーズBで50億ドルを, AなどからX億ドルを: not A's own
    return next((usd for offset, usd in money if party.end <= offset < end and usd is not None
                 and (shared is None or shared.search(sentence.text, party.end - sentence.start,
                                                      offset - sentence.start) is None)), None)


def _deal_amounts(sentence: Sentence, money: Sequence[tuple[int, float | None]],
                  rules: PartnershipRules) -> list[tuple[int, float | None]]:
    """The sentence's amounts a deal may move: not a measure of a company or a price per share written right
    before one (評価額1830億ドル, 時価総額は3兆ドル, 1株42ドルでTOB)."""
    measure = rules.amount_measure_re
    if measure is None:
        return list(money)
    return [(offset, usd) for offset, usd in money
            if measure.search(sentence.text, 0, offset - sentence.start) is None]


def _labelled_amount(sentence: Sentence, money: Sequence[tuple[int, float | None]],
                     rules: PartnershipRules) -> float | None:
    """The USD value of the first amount the sentence writes after a noun naming what a deal moves (買収総額は約35億
    ドル), if any."""
    label = rules.deal_amount_label_re
    if label is None:
        return None
    return next((usd for offset, usd in money
                 if usd is not None and label.search(sentence.text, 0, offset - sentence.start) is not None), None)


def _with_labelled_amount(relations: list[Partnership], first_row: int, deals_before: Sequence[Partnership],
                          usd: float) -> list[Partnership]:
    """``relations`` with ``usd`` as the amount of the one pair in an investment or acquisition the sentence
    states (its rows from ``first_row`` on), else in one the sentence before stated (``deals_before``), where
    that pair has no amount yet; unchanged where there is no such one pair (a round of several investors)."""
    directed = [row for row in relations[first_row:] if row.type != PARTNERSHIP] or [
        row for row in deals_before if row.type != PARTNERSHIP]
    if len({frozenset((row.party_a_id, row.party_b_id)) for row in directed}) != 1 or any(
            row.money_value_usd is not None for row in directed):
        return relations
    return [replace(row, money_value_usd=usd) if any(row is deal for deal in directed) else row for row in relations]


def _several_investors(pairs: Sequence[tuple[_Party, _Party]]) -> bool:
    """Whether some company of ``pairs`` receives from more than one investor (AとBがCに出資)."""
    investors: dict[str, set[str]] = {}
    for investor, receiver in pairs:
        investors.setdefault(receiver.company_id, set()).add(investor.company_id)
    return any(len(ids) > 1 for ids in investors.values())


def _round_led_or_joined(sentence: Sentence, trigger: _Trigger, pairs: Sequence[tuple[_Party, _Party]],
                         rules: PartnershipRules) -> bool:
    """Whether the one investor named in the funding round ``trigger`` names leads or joins others there
    (Aが主導するシリーズBで50億円を調達, AなどからX億円を調達; not Aを引受先とする第三者割当増資で10億円を調達)."""
    investors = {a.company_id: a for a, _ in pairs}
    if rules.co_investor_re is None or len(investors) != 1:
        return False
    (investor,) = investors.values()
    if investor.role == "topic":
        return False
    # from the investor (or the trigger, when named first) to the end of the clause the later of them is in
    start = min(investor.tail_end, trigger.end) - sentence.start
    end = _clause_end_offset(sentence.text, max(investor.end, trigger.end) - sentence.start)
    return rules.co_investor_re.search(sentence.text, max(start, 0), end) is not None


def _amount_for(money: Sequence[tuple[int, float | None]], trigger: _Trigger) -> float | None:
    """The USD value of the amount stated inside the trigger (株式の49%を143億ドルで取得), else closest before
    it, else first after it in its clause (AとBが提携し、BはCに40億ドルを出資: the 40億ドル is the investment's,
    not the partnership's); ``money`` holds the amounts of the trigger's clause and after."""
    stated = [(offset, usd) for offset, usd in money if usd is not None]
    inside = [usd for offset, usd in stated if trigger.start <= offset < trigger.end]
    before = [usd for offset, usd in stated if offset < trigger.start]
    after = [usd for offset, usd in stated if trigger.end <= offset < trigger.clause_end]
    found = inside or before[-1:] or after
    return found[0] if found else None


def _goal_clause_end(sentence: Sentence, trigger: _Trigger) -> int | None:
    """Where the clause of the companies seeking a deal ends (sentence offset), where the deal's noun is marked
    with に as what they seek (Xの買収にAが関心を示す); None where it is not."""
    if not sentence.text.startswith(_GOAL_PARTICLES, trigger.end - sentence.start):
        return None
    end = _CLAUSE_END_RE.search(sentence.text, trigger.end - sentence.start)
    return end.start() if end else len(sentence.text)


def _sole_topic_marked(sentence: Sentence, mentions: Sequence[CompanyMention],
                       rules: PartnershipRules) -> CompanyMention | None:
    """The one company a sentence names, where it marks it with には and a comma as what the sentence is about
    (一方、…を急ぐBには、国が…補助を決めた): a paragraph opening so goes on about it."""
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    return mention if sentence.text.startswith(_CONTRAST_TOPIC, _past_name(sentence, mention.start, mention.end,
                                                                           rules)) else None


def _topic_after(sentence: Sentence, mentions: Sequence[CompanyMention],
                 topic: CompanyMention | None, rules: PartnershipRules) -> CompanyMention | None:
    """The company the text is about after this sentence, as a reader follows it.

    A company marked with は becomes the topic, and so does one whose spokesperson is (東京海上の社長は); so
    does the company of a heading-like sentence (まずはAWS。). A company named inside a quotation of what
    someone said (「…アーガスは最も欲しかった会社だ」と述べた) is the speaker's topic, not the text's. A
    deliberately unnamed company marked with は (某企業は) before any named one leaves the text without a named
    topic. A company marked with が only becomes the topic when there is none yet: が often marks a
    subordinate clause's subject (OpenAIがAWSを利用するという話), which does not change what the text is about,
    nor does one a trigger's relative clause with its actor left out acts on (買収したNuanceが…). An outlet marked
    with は in a sentence that ends by reporting (ロイター通信は、AがBを買収する交渉に入ったと報じた) is the report's
    source, no topic; nor is an exchange named as the market shares trade on.
    """
    unnamed = rules.unnamed_topic_re.search(sentence.text)
    reported = rules.reported_re is not None and rules.reported_re.search(sentence.text) is not None
    # (not an exchange named as the market shares trade on: 株式は東証プライムに上場している。)
    mentions = [m for m in mentions if not _names_market(sentence, m, rules)]
    for mention in mentions:
        if _in_quoted_speech(sentence, mention):
            continue
        position = _name_end(sentence, mention.start, mention.end, rules)
        skipped = rules.name_tail_re.match(sentence.text, position)
        after = skipped.end() if skipped else position
        apposed = rules.apposed_re.match(sentence.text, after)  # Amazonという巨大企業は
        after = apposed.end() if apposed else after
        spoken = rules.spokesperson_re.match(sentence.text, after) if rules.spokesperson_re else None
        # JALの4～12月期の純利益は…だった。同社は…: the company whose figure the sentence opens with is its topic
        figure = (rules.figure_topic_re.match(sentence.text, after)
                  if rules.figure_topic_re is not None and mention.start - sentence.start <= _FIGURE_LEAD else None)
        # クシュタールにとって、大型買収の断念は…: the company a sentence opens on as what it concerns
        concerned = mention is mentions[0] and mention.start - sentence.start <= _FIGURE_LEAD and any(
            role == "concerned" and sentence.text.startswith(particle, after) for particle, role in rules.roles)
        if sentence.text.startswith(rules.topic_particles, after) or figure is not None or concerned or (
                spoken is not None and spoken.group().endswith(rules.topic_particles)):
            return None if unnamed and unnamed.start() < position or reported and spoken is None else mention
    if unnamed:
        return None
    if len(mentions) == 1:
        rest = sentence.text[:mentions[0].start - sentence.start] + sentence.text[mentions[0].end - sentence.start:]
        # - Bに出資。 under a heading names the heading company's other side, which the text is not about (まずは
        # Xについてだ。 is about X).
        other_side = _role(sentence, mentions[0].start, mentions[0].end, rules)[0] in (
            "partner", "target", "object", "source") and rules.trigger_re.search(sentence.text) is not None
        # (nor is 日本のシャープの親会社。 about Sharp: the company left out is its kin)
        kin = rules.owner_description_re.match(
            sentence.text, _name_end(sentence, mentions[0].start, mentions[0].end, rules)) is not None
        if len(_MARKUP_RE.sub("", rest)) <= _HEADING_CHARS and not other_side and not kin:
            return mentions[0]
    if topic is None:
        # (not a company the omitted actor acted on: 2022年に買収したNuanceが…, where the text goes on about the
        # buyer; nor the last of companies coordinated as the subject, AとBが共同で…設立された, a group; nor an
        # investor joining a round, Aが主導したシリーズBで…評価を受けた, which is the round's owner's)
        coordinated = {following.start for named, following in zip(mentions, mentions[1:])
                       if rules.coordinator_re.fullmatch(sentence.text, named.end - sentence.start,
                                                         following.start - sentence.start)}
        return next((m for m in mentions if m.start not in coordinated
                     and ((role := _role(sentence, m.start, m.end, rules))[0] == "subject"
                          and not rules.join_re.match(sentence.text, role[2])
                          or rules.apposed_re.match(sentence.text, _name_end(sentence, m.start, m.end, rules)))
                     and not (rules.acted_on_re is not None
                              and rules.acted_on_re.search(sentence.text, 0, m.start - sentence.start))), None)
    return topic


def _capital_direction(a: _Party, b: _Party) -> tuple[_Party, _Party] | None:
    """The investor and the company invested in of a capital alliance between two parties, where it is plain: the
    one marked with から puts the capital in (ハーツ薬局はコスモス薬品から資本提携を受け), else a listed company in one
    no list holds (村田製作所は新興のセラテックと資本業務提携); None where neither says."""
    if (a.role == "source") != (b.role == "source"):
        return (a, b) if a.role == "source" else (b, a)
    a_listed, b_listed = (not party.company_id.startswith(DERIVED_ID_PREFIX) for party in (a, b))
    if a_listed != b_listed:
        return (a, b) if a_listed else (b, a)
    return None


def _compared(sentence: Sentence, mention: CompanyMention, mentions: Sequence[CompanyMention],
              rules: PartnershipRules) -> bool:
    """Whether a company is named only as what another is compared with (Aに次ぐ, Aと並ぶ), alone or in a list
    the comparison closes (トヨタ自動車、独フォルクスワーゲンに次ぐ世界3位)."""
    listed = [mention]
    for following in mentions:
        if following.start >= listed[-1].end and rules.coordinator_re.fullmatch(
                sentence.text, listed[-1].end - sentence.start, following.start - sentence.start):
            listed.append(following)
    last = listed[-1]
    return _role(sentence, last.start, last.end, rules)[0] == "compared"


def _describes_next(sentence: Sentence, end: int, starts: Iterable[int]) -> bool:
    """Whether a company named up to body offset ``end`` owns what the next company named (one of ``starts``, in
    order) is, right before it (仏ヴェオリアの日本法人ヴェオリア・ジャパン, ソフトバンクの子会社PayPay, YouTubeの親会社
    Alphabetの株式): it describes that company rather than being named in its own right."""
    following = next((start for start in starts if start >= end), None)
    return following is not None and _OWNER_BEFORE_RE.fullmatch(
        sentence.text, end - sentence.start, following - sentence.start) is not None


def _reports(sentence: Sentence, mention: CompanyMention, rules: PartnershipRules) -> bool:
    """Whether the mention is the source of a report (Reutersが報じた, Bloombergによると): partnerships.yaml's
    report_sources right after its name, or, after a comma closing an English headline, one of english.attributions
    (…deal with OpenAI, WSJ says)."""
    end = _name_end(sentence, mention.start, mention.end, rules)
    attribution = rules.english.attribution_re if rules.english is not None else None
    if attribution is not None and sentence.text[:mention.start - sentence.start].rstrip().endswith(",") \
            and attribution.match(sentence.text, end) is not None:
        return True
    return rules.report_source_re is not None and rules.report_source_re.match(sentence.text, end) is not None


def _denied(sentence: Sentence, mention: CompanyMention, rules: PartnershipRules) -> bool:
    """Whether the sentence denies the mention what it says (AではなくBと提携): partnerships.yaml's denied_after
    right after its name."""
    return rules.denied_re is not None and rules.denied_re.match(
        sentence.text, _name_end(sentence, mention.start, mention.end, rules)) is not None


def _names_market(sentence: Sentence, mention: CompanyMention, rules: PartnershipRules) -> bool:
    """Whether the mention is an exchange named as the market a company's shares trade on (東証プライム, ナスダックに
    上場): partnerships.yaml's markets right after its name."""
    return rules.market_re is not None and rules.market_re.match(
        sentence.text, _name_end(sentence, mention.start, mention.end, rules)) is not None


def _in_quoted_speech(sentence: Sentence, mention: CompanyMention) -> bool:
    """Whether the mention stands inside a 「」 quotation after other words (「…アーガスは最も欲しかった会社だ」),
    not as the whole of a quoted name (「Kotobaya」)."""
    before = sentence.text[:mention.start - sentence.start]
    opening = before.rfind("「")
    return opening >= 0 and "」" not in before[opening:] and opening < len(before) - 1


def _merged_acting(rows: list[Partnership], merged: set[str], topic: CompanyMention | None) -> list[Partnership]:
    """``rows`` of a deal after a merger in the sentence, where a company the merger joined into another is no party
    any longer: the company the text is about (what they became, Xは、AとBが合併して発足した…を前身とし、Cと経営
    統合した) stands in for it, else the row goes. A row between merged companies, or of the company the text
    is about, stays."""
    result: list[Partnership] = []
    for row in rows:
        a_merged, b_merged = row.party_a_id in merged, row.party_b_id in merged
        if a_merged == b_merged or topic is not None and topic.company_id in (row.party_a_id, row.party_b_id):
            result.append(row)  # (AはBとの合併、Cとの提携: A, the text's company, goes on)
        elif topic is not None:
            result.append(replace(row, party_a_id=topic.company_id, party_a_name=topic.name) if a_merged
                          else replace(row, party_b_id=topic.company_id, party_b_name=topic.name))
    return list(dict.fromkeys(result))


def _completed(relation: Partnership) -> bool:
    """Whether the row's trigger is written in the past, as done (傘下に収めた, 完全子会社化した; not 成立すれば
    完全子会社化する)."""
    at = relation.evidence.rfind(relation.trigger)
    return at >= 0 and _PAST_RE.match(relation.evidence, at + len(relation.trigger)) is not None


def _distinct(relations: list[Partnership], rounds: frozenset[str]) -> list[Partnership]:
    """One row per sentence, pair and type (a sentence repeating a trigger states it once: the first, with its
    amount), and per direction of investments both ways. A later statement that ends the deal gives the row its
    status (2年前に出資したBから出資を引き揚げた: the investment ended), and so does one that makes again a deal
    ended before it (提携を解消したが、再び提携を結んだ: done), one that completes a deal set going before it
    (買収を仕掛け、…傘下に収めた: done), and one that plans what a
    funding round (``rounds``: its trigger words) only named (Xの新ラウンド、Aが300億ドルを拠出へ: planned)."""
    kept: dict[tuple[int, frozenset[str] | tuple[str, str], str], int] = {}
    result: list[Partnership] = []
    for relation in relations:
        pair = ((relation.party_a_id, relation.party_b_id) if relation.rule_id == _MUTUAL_RULE
                else frozenset((relation.party_a_id, relation.party_b_id)))
        key = (relation.sentence_id, pair, relation.type)
        if key not in kept:
            kept[key] = len(result)
            result.append(relation)
            continue
        first = result[kept[key]]
        if relation.status == ENDED or (relation.status == DONE and (
                first.status == ENDED or first.status == PLANNED and _completed(relation))) or (
                relation.status == PLANNED and first.status == DONE and first.trigger in rounds):
            result[kept[key]] = replace(relation, money_value_usd=first.money_value_usd
                                        if relation.money_value_usd is None else relation.money_value_usd)
    return result
