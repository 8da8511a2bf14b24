"""Renames a history states: a company's former and new names are one company.

Encyclopedia articles and long news tell a company's history under the names it bore then (1910年に日米蓄音器
製造として設立され、1946年に日本コロムビアに商号変更した; - 2002年 - X株式会社に商号変更。). Read as separate
companies, the old name takes the deals of those years from the company they belong to, and the company table
counts one company twice. Names written side by side in brackets (東洋工業（現マツダ）) are joined where they are
found (companies.py); this joins the renames a sentence narrates. company_patterns.yaml's ``renames`` hold the
words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.models import CompanyMention, Sentence, by_sentence
from extract.names import DERIVED_ID_PREFIX
from extract.normalize.alternation import any_word
from extract.rules.schema import LegalForms, Renames, founding_words
from extract.segment import DATED_ITEM_RE, HEADING_RE

#: A heading of the third level or deeper (### トミー), as an article heads the history of each company it grew from.
_SUB_HEADING_RE = re.compile(r"\s*#{3,6}\s")
#: The dated items of a history among which its founding item may be (the first, or the second after the trade's).
_FOUNDING_ITEMS = 2
#: The particle of a founded_as word (Yとして設立), and the most characters of a place written between it and the
#: founding (Yとして沼津で創業).
_AS = "として"
_FOUNDED_PLACE_CHARS = 8
#: Marks that may close a name before what follows it (「X」に商号変更, **X**に).
_CLOSING = "」』”\"*"
#: Marks that may open a name after what comes before it (商号を「X」に).
_OPENING = "「『“\"*"
#: What may stand before the name a sentence opens on, as an article's first line writes it (**X株式会社**は).
_OPENING_MARKS_RE = re.compile(r"[\s#>*]*")
#: Most characters before a mention in the sentence a company renamed may stand (the clause before the rename).
_RENAMED_REACH = 80
#: How a sentence says which company took a name: naming it, as a merger's survivor, or by default the text's company.
_NAMED, _SURVIVOR, _TOPIC = "named", "survivor", "topic"
#: Most characters between a company bought and the verb (Vを2003年2月に買収し).
_BOUGHT_GAP = 12
#: The word of shares, which a subject buying them before a rename buys of the company renamed (全株式を取得し).
_SHARES = "株"


class RenamedCompanies:
    """Joins the names a sentence says a company took (…Xに商号変更) to the company that took them."""

    def __init__(self, renames: Renames, legal_forms: LegalForms, referring: Sequence[str],
                 founded_marks: Sequence[str], subsidiary_words: Sequence[str]) -> None:
        self._forms = tuple(sorted(legal_forms.japanese, key=len, reverse=True))
        self._to_new_re = re.compile(any_word(renames.to_new)) if renames.to_new else None
        self._after_new_re = re.compile(any_word(renames.after_new)) if renames.after_new else None
        self._before_new = tuple(renames.before_new)
        # (a place may stand between として and the founding: Yとして沼津で創業)
        self._founded_as_re = re.compile("|".join(
            rf"{re.escape(head)}{_AS}(?:[^、。\s]{{1,{_FOUNDED_PLACE_CHARS}}}?で)?{re.escape(verb)}" if as_ else
            re.escape(head) for head, as_, verb in (word.partition(_AS) for word in renames.founded_as))
        ) if renames.founded_as else None
        self._from_old = tuple(renames.from_old)
        self._subject_marks = tuple(renames.subject_marks)
        self._object_marks = tuple(renames.object_marks)
        self._former_marks = tuple(renames.former_marks)
        self._bought_re = (re.compile(rf"[^、。]{{0,{_BOUGHT_GAP}}}?{any_word(renames.bought)}") if renames.bought
                           else None)
        # a company bought, named or not, not its shares (Vを子会社化し; not 全株式を取得し)
        self._unnamed_bought_re = (
            re.compile(rf"(?<!株)(?<!株式)を[^、。]{{0,{_BOUGHT_GAP}}}?"
                       rf"{any_word((*renames.bought, *renames.made_subsidiary))}")
            if renames.bought or renames.made_subsidiary else None)
        self._survivor = tuple(renames.survivor)
        self._partner_marks = tuple(renames.partner_marks)
        self._merged_re = re.compile(any_word(renames.merged)) if renames.merged else None
        self._referring = tuple(referring)
        # (a company written as founded, its を left out as a history item may: 日本交通株式会社設立)
        founding = founding_words(founded_marks)
        self._founding_re = re.compile(any_word(founding)) if founding else None
        self._subsidiary_words = tuple(subsidiary_words)
        # a subject mark right after a letter of a name or word (Xは, 親会社が; not には, では, とは, からは)
        self._subject_re = re.compile(rf"[一-龯々ァ-ヺーA-Za-z0-9０-９Ａ-Ｚａ-ｚ）)」』]"
                                      rf"(?={any_word(renames.subject_marks)})")

    def join(self, mentions: Sequence[CompanyMention], sentences: Sequence[Sentence]) -> list[CompanyMention]:
        """``mentions`` with the names of each company a sentence renames given one id and name: the listed
        company's where one of the names is listed, else its newest name's. Two listed companies stay apart
        (the gazetteer says they are two)."""
        if self._to_new_re is None and self._founded_as_re is None:
            return list(mentions)
        named_in = by_sentence(mentions)
        opening = self._opening_company(sentences, named_in)
        # The company a heading names alone (### トミー): the history under it is that company's, not the article's.
        section: CompanyMention | None = None
        joined: dict[str, str] = {}  # a company id -> the id of a company it is a name of
        new_names: list[str] = []  # the ids of the names companies took, in the text's order
        # The name the text's company took last (a history's renames follow each other: 東京リースを存続会社として
        # …合併し、東京センチュリーリースに商号変更, later 東京センチュリーに商号変更 renames that name).
        own_latest: str | None = None
        first_item = True  # whether the history's first dated item is still to come
        # The company its history's first item founds, waiting to be joined to the history's company unless a later
        # item founds that company itself (- 1928年 - Aが川鍋商会を創業。- 1945年 - 日本交通株式会社設立: a
        # predecessor, no name of it).
        founded_first: tuple[CompanyMention, CompanyMention] | None = None
        unknown_section = False  # whether the text is under a sub-heading of a company no rule found
        items_before = 0  # the dated items of the history read so far, up to its founding
        for sentence in sentences:
            named = named_in.get(sentence.sentence_id, [])
            if HEADING_RE.match(sentence.text):
                if founded_first is not None:
                    _union(joined, founded_first[0].company_id, founded_first[1].company_id)
                section, own_latest, first_item = self._heading_company(sentence, named), None, True
                items_before = 0
                # (a sub-heading naming what no rule finds, ### タカラ under ## 沿革, is some other company's
                # history: not the article's)
                unknown_section = section is None and _SUB_HEADING_RE.match(sentence.text) is not None
                founded_first = None
            topic = section or (None if unknown_section else opening)
            if first_item and DATED_ITEM_RE.match(sentence.text):
                # (or the second, after an item founding the trade the company grew from under a name: - 1921年 -
                # Yとして創業。 - 1948年 - X株式会社を設立。; not after one founding another company, whose second
                # item founds a subsidiary: - 1970年 - 精密機器のMを設立。)
                items_before += 1
                founded = self._founded_first(sentence, named)
                first_item = (founded is None and items_before < _FOUNDING_ITEMS and self._founded_as_re is not None
                              and self._founded_as_re.search(sentence.text) is not None)
                if founded is not None and topic is not None and founded.company_id != topic.company_id:
                    founded_first = (topic, founded)
            elif founded_first is not None and (any(
                    m.company_id == founded_first[0].company_id and self._founding_re is not None
                    and self._founding_re.match(sentence.text, self._after_name(sentence, m)) for m in named)
                    or self._merges(sentence, named, founded_first[1])):
                founded_first = None
            for mention in named:
                kind = self._renaming(sentence, mention)
                if kind is None:
                    continue
                renamed, how = self._renamed(sentence, mention, named, kind, topic)
                if renamed is None:
                    continue
                taken = mention.company_id if kind == "new" else renamed.company_id
                new_names.append(taken)
                _union(joined, renamed.company_id, mention.company_id)
                if how == _TOPIC and own_latest is not None:
                    _union(joined, own_latest, mention.company_id)
                if how != _NAMED:
                    own_latest = taken
        if founded_first is not None:
            _union(joined, founded_first[0].company_id, founded_first[1].company_id)
        if not joined:
            return list(mentions)
        return self._relabelled(mentions, joined, new_names)

    def _opening_company(self, sentences: Sequence[Sentence],
                         named_in: dict[int, list[CompanyMention]]) -> CompanyMention | None:
        """The company the text opens on, as an encyclopedia article's first sentence names its subject first
        (**X株式会社**（えっくす）は、…, **株式会社X**は); None if the first sentence naming a company does not open
        with it."""
        for sentence in sentences:
            named = named_in.get(sentence.sentence_id)
            if not named:
                continue
            first = named[0]
            lead = sentence.text[:first.start - sentence.start].rstrip(" 　")
            form = next((form for form in self._forms if lead.endswith(form)), "")
            return first if _OPENING_MARKS_RE.fullmatch(lead[:len(lead) - len(form)]) else None
        return None

    def _heading_company(self, sentence: Sentence, named: Sequence[CompanyMention]) -> CompanyMention | None:
        """The company a heading names and nothing else (### トミー, ### 株式会社タカラ); None for any other heading."""
        if len(named) != 1:
            return None
        text = sentence.text
        heading = HEADING_RE.match(text)
        start = self._name_start(text, heading.end() if heading is not None else 0)
        rest = text[self._after_name(sentence, named[0]):].strip()
        return named[0] if named[0].start - sentence.start == start and not rest else None

    def _founded_first(self, sentence: Sentence, named: Sequence[CompanyMention]) -> CompanyMention | None:
        """The company a history's first dated item says was founded, with no company before it as its founder nor
        a subsidiary word (- 1981年8月 - 株式会社Xを設立。; - 1949年 - X株式会社設立。; - 1947年 - 創業者がXを創業): the
        name the text's company was founded under; None if the item founds no company so."""
        text = sentence.text
        for mention in named:
            lead = text[:mention.start - sentence.start]
            if self._founding_re is not None and self._founding_re.match(
                    text, self._after_name(sentence, mention)):
                if mention is named[0] and not any(word in lead for word in self._subsidiary_words):
                    return mention
                return None
        return None

    def _merges(self, sentence: Sentence, named: Sequence[CompanyMention], company: CompanyMention) -> bool:
        """Whether the sentence names ``company`` as a partner of a merger (- 1944年 - AとBが合併し、Cが発足。): a
        predecessor of the company the merger formed, not an earlier name of it."""
        return self._merged_re is not None and self._merged_re.search(sentence.text) is not None and any(
            m.company_id == company.company_id and sentence.text.startswith(
                self._partner_marks, self._after_name(sentence, m)) for m in named)

    def _after_name(self, sentence: Sentence, mention: CompanyMention) -> int:
        """Where the text after ``mention`` goes on past its legal form and closing marks (sentence offset)."""
        at = mention.end - sentence.start
        text = sentence.text
        for form in self._forms:
            if text.startswith(form, at):
                at += len(form)
                break
        while at < len(text) and text[at] in _CLOSING:
            at += 1
        return at

    def _name_start(self, text: str, at: int) -> int:
        """Where a name written at ``at`` starts, past opening marks and a legal form before it (株式会社X)."""
        while at < len(text) and text[at] in _OPENING:
            at += 1
        return next((at + len(form) for form in self._forms if text.startswith(form, at)), at)

    def _name_end(self, text: str, at: int) -> int:
        """Where a name written up to ``at`` ends, before closing marks and a legal form after it (X株式会社)."""
        while at > 0 and text[at - 1] in _CLOSING:
            at -= 1
        return next((at - len(form) for form in self._forms if text.endswith(form, 0, at)), at)

    def _renaming(self, sentence: Sentence, mention: CompanyMention) -> str | None:
        """How the sentence writes ``mention`` as a name some company took: "new" (…Xに商号変更, 商号をXに改め),
        "first" (Yとして設立), or None."""
        at = self._after_name(sentence, mention)
        text = sentence.text
        if self._to_new_re is not None and self._to_new_re.match(text, at):
            return "new"
        before = text[:mention.start - sentence.start].rstrip(_OPENING)
        if self._after_new_re is not None and before.endswith(self._before_new) and self._after_new_re.match(text, at):
            return "new"
        if self._founded_as_re is not None and self._founded_as_re.match(text, at):
            return "first"
        return None

    def _renamed(self, sentence: Sentence, new: CompanyMention, named: Sequence[CompanyMention], kind: str,
                 topic: CompanyMention | None) -> tuple[CompanyMention | None, str]:
        """The company that took the name ``new``, and how the sentence says so (_NAMED, _SURVIVOR, _TOPIC): the one
        written before it with from_old (YからX), as the survivor of a merger, as the name it was founded under
        (Yとして設立され、…), as the one bought (Vを買収し、…), or as the subject with no other company or reference
        word between (YはXに社名変更; not フェイスが同社を子会社化し、社名を…に戻した); else, for a new name, the
        text's company where the sentence names before it only partners of a merger or companies absorbed (Bと
        合併し、Xに商号変更) and no other subject (親会社は…に社名を変更; 子会社のYは, Y no rule found). None where the
        companies before it are a pair or list (AとBが合併し、Cとして発足: neither's alone) or written otherwise."""
        text = sentence.text
        new_at = new.start - sentence.start
        before = [m for m in named if m.end <= new.start and new.start - m.end <= _RENAMED_REACH
                  and m.company_id != new.company_id]
        starts = {m.start - sentence.start for m in named}
        ends = {m.end - sentence.start for m in named}
        for mention in reversed(before):
            at = self._after_name(sentence, mention)
            between = text[at:new_at]
            if mention is before[-1] and any(text.startswith(mark, at) and at + len(mark) == new_at
                                             for mark in self._from_old):
                return (mention, _NAMED) if kind == "new" else (None, _NAMED)
            if text.startswith(self._survivor, at):
                return mention, _SURVIVOR
            lead = text[:mention.start - sentence.start].rstrip(_OPENING)
            lead = next((lead[:-len(form)] for form in self._forms if lead.endswith(form)), lead)
            if any(text.startswith(mark, at) and self._name_start(text, at + len(mark)) in starts
                   or lead.endswith(mark) and self._name_end(text, len(lead) - len(mark)) in ends
                   for mark in self._partner_marks):
                return None, _NAMED  # one of a pair or list
            merged = self._merged_re is not None and self._merged_re.search(between) is not None
            if text.startswith(self._partner_marks, at) and merged:
                continue  # Bと合併し: the partner of a merger
            if text.startswith(self._former_marks, at):
                return mention, _NAMED
            if text.startswith(self._object_marks, at):
                if merged:
                    continue  # Bを吸収合併し: absorbed
                bought = self._bought_re is not None and self._bought_re.match(between, len(
                    next(mark for mark in self._object_marks if text.startswith(mark, at))))
                return (mention, _NAMED) if bought else (None, _NAMED)
            if text.startswith(self._subject_marks, at) and not any(word in between for word in self._referring):
                if _SHARES in between and self._bought_re is not None and self._bought_re.search(between):
                    # Aが全株式を取得し、Xに商号変更: the company whose shares A bought took the name, the text's
                    return (topic, _TOPIC) if topic is not None and topic.start < new.start and kind == "new" \
                        else (None, _NAMED)
                return mention, _NAMED
            return None, _NAMED
        unnamed_bought = (self._unnamed_bought_re is not None
                          and self._unnamed_bought_re.search(text, 0, new_at) is not None)
        if topic is None or topic.start >= new.start or kind != "new" and before or self._names_a_subject(
                text[:new_at]) or unnamed_bought:
            # (- 2018年 - Vを完全子会社化し、Xに商号変更: V, which no rule found, took the name, not the text's company)
            return None, _NAMED
        return topic, _TOPIC

    def _names_a_subject(self, lead: str) -> bool:
        """Whether ``lead`` marks a word other than a reference to the text's company (同社) as a subject: a name
        no rule found (子会社の日交データサービスは), a parent (親会社は); not には, では, とは."""
        for match in self._subject_re.finditer(lead):
            if not lead.endswith(self._referring, 0, match.start() + 1):
                return True
        return False

    @staticmethod
    def _relabelled(mentions: Sequence[CompanyMention], joined: dict[str, str],
                    new_names: Sequence[str]) -> list[CompanyMention]:
        """``mentions`` with every company of a joined group given the group's id and name: its one listed
        company's, else its newest name's (the last the text says it took). A group of two listed companies
        is left apart."""
        groups: dict[str, list[CompanyMention]] = {}
        for mention in mentions:
            groups.setdefault(_root(joined, mention.company_id), []).append(mention)
        chosen: dict[str, CompanyMention] = {}
        for root, members in groups.items():
            ids = {m.company_id for m in members}
            if len(ids) < 2:
                continue
            listed = {m.company_id for m in members if not m.company_id.startswith(DERIVED_ID_PREFIX)}
            if len(listed) > 1:
                continue
            newest = next((company_id for company_id in reversed(new_names) if company_id in ids),
                          members[-1].company_id)
            chosen[root] = next(m for m in members if m.company_id in (listed or {newest}))
        return [m if (head := chosen.get(_root(joined, m.company_id))) is None or head.company_id == m.company_id
                else replace(m, company_id=head.company_id, name=head.name, parent_id=head.parent_id)
                for m in mentions]


def _root(joined: dict[str, str], company_id: str) -> str:
    """The id a chain of joins leads ``company_id`` to."""
    while company_id in joined:
        company_id = joined[company_id]
    return company_id


def _union(joined: dict[str, str], first: str, second: str) -> None:
    """Join the groups of two company ids."""
    a, b = _root(joined, first), _root(joined, second)
    if a != b:
        joined[a] = b
