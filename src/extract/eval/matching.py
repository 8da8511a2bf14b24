"""Scoring an output folder against the gold: facts per post, their matching, and the scores.

Scoring is per post over distinct facts (an entity, an amount, a time value,
a pair of companies): gold entries and output rows of one post become facts,
a maximum one-to-one matching pairs them, and the counts are micro-averaged
over posts into precision, recall and F1 per table, with the accuracy of the
attributes each table carries over its matched facts (money qualifier, date
mod, partnership type, status and direction). The output tables are read
through ``extract.outputs`` and ``extract.tables``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.eval.gold import TABLES, EvalError, gold_section, load_gold
from extract.names import entity_key
from extract.outputs import table_files
from extract.tables import read_parquet

#: The attributes whose accuracy is reported per table over matched facts (companies and chips have none).
#: A partnership's direction is scored only where the gold type has one (investor or acquirer first); its
#: amount (money_value_usd, none included) only where the gold entry states the key.
ATTRIBUTES: Mapping[str, tuple[str, ...]] = {"money": ("qualifier",), "dates": ("mod",),
                                             "partnerships": ("type", "status", "direction", "amount")}
#: Relation types whose gold parties are ordered: investor or acquirer first.
DIRECTED_TYPES = frozenset({"investment", "acquisition"})
#: Where a mention without a ``rule_id`` is counted in the per-rule table.
NO_RULE = "(none)"
#: Two amounts are the same when they differ by at most this fraction.
RELATIVE_TOLERANCE = 1e-6
#: A pair's amount in USD is right when it differs from the gold's by at most this fraction: an amount in
#: another currency is converted at whatever rate the annotator took in the gold, at the ECB's of the
#: post's date here, so only a different amount (a valuation, another pair's) counts as wrong.
AMOUNT_TOLERANCE = 0.3

#: Columns each table must have for scoring; ``rule_id`` and the rest are optional.
_REQUIRED_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "companies": ("article_id", "surface", "company_id", "name"),
    "chips": ("article_id", "surface", "chip_id", "name"),
    "money": ("article_id", "surface", "currency", "value", "min_value", "max_value", "qualifier"),
    "dates": ("article_id", "surface", "type", "value", "mod"),
    "partnerships": ("article_id", "party_a_id", "party_b_id", "type"),
}


@dataclass(frozen=True)
class AttributeScore:
    """Of the ``total`` matched facts the gold gives this attribute, the ``right`` ones carry its value."""

    name: str
    right: int
    total: int

    @property
    def accuracy(self) -> float | None:
        """right / total, or None when no matched fact had the attribute to score."""
        return self.right / self.total if self.total else None


@dataclass(frozen=True)
class TableScore:
    """Micro-averaged counts and scores of one table, plus its attributes' accuracies (``ATTRIBUTES``)."""

    table: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    attributes: tuple[AttributeScore, ...] = ()


@dataclass(frozen=True)
class Miss:
    """A fact scored wrong, with what a rule author needs to find its cause.

    ``kind`` is false_negative (a gold fact nothing matched), false_positive
    (a produced fact no gold matched) or wrong_attribute (a matched amount,
    date or pair whose mentions all lack the gold qualifier, mod, type or status,
    or a directed pair none of whose rows names the gold investor or acquirer first;
    it counts against attribute accuracy only). ``fact`` is a readable key;
    ``surfaces`` the text it was found as (the gold surface or aliases for a
    false negative); ``rule_ids`` the rules that produced it (none for a
    false negative).
    """

    article_id: str
    table: str
    kind: str
    fact: str
    surfaces: tuple[str, ...]
    rule_ids: tuple[str, ...]


@dataclass(frozen=True)
class RuleScore:
    """How many distinct facts one rule produced in one table, how many were right, and the wrong ones.

    Only posts in the gold count; a fact made of several mentions counts for
    every rule one of its mentions carries.
    """

    rule_id: str
    table: str
    produced: int
    correct: int
    false_positives: tuple[Miss, ...]


@dataclass(frozen=True)
class EvalReport:
    """Everything ``extract eval`` shows: table scores, every miss, per-rule counts, notes on the input."""

    tables: tuple[TableScore, ...]
    misses: tuple[Miss, ...]
    rules: tuple[RuleScore, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Fact:
    """One distinct fact of a post, gold or produced, in the form the matcher compares.

    ``key`` is what matching looks at (a set of normalized names, an amount
    tuple, a date tuple, a pair of id sets); ``attributes`` the values of each
    attribute its mentions carry (a gold fact: the one value the gold states,
    absent when it states none); ``ident`` the system id of an entity.
    """

    key: Any
    label: str
    surfaces: tuple[str, ...]
    rule_ids: tuple[str, ...] = ()
    attributes: Mapping[str, frozenset] = field(default_factory=dict, hash=False)
    ident: Hashable = None


@dataclass(frozen=True)
class _PostOutcome:
    """The result of matching one table of one post.

    ``matched`` pairs gold indices with system indices; ``false_positives``
    lists the system indices neither matched nor covered by an optional entry;
    ``scored_attributes`` the (attribute, right) of every attribute scored on a matched
    fact, and ``wrong_attributes`` a miss for each wrong one.
    """

    matched: Mapping[int, int]
    false_negatives: tuple[Miss, ...]
    false_positives: tuple[int, ...]
    scored_attributes: tuple[tuple[str, bool], ...]
    wrong_attributes: tuple[Miss, ...]


def _missing(value: Any) -> bool:
    """Whether a cell is empty: None, or a float NaN as pandas writes nulls."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _clean(value: Any) -> Any:
    """A cell with NaN turned into None, so that null compares equal to null."""
    return None if _missing(value) else value


def _numbers_equal(left: float | None, right: float | None) -> bool:
    """Whether two amounts are equal within ``RELATIVE_TOLERANCE`` (None equals only None)."""
    if left is None or right is None:
        return left is None and right is None
    return math.isclose(left, right, rel_tol=RELATIVE_TOLERANCE, abs_tol=0.0)


def _money_key(currency: Any, value: Any, min_value: Any, max_value: Any) -> tuple:
    """The scored key of an amount: (currency, value) when value is set, else (currency, min, max)."""
    value, min_value, max_value = _clean(value), _clean(min_value), _clean(max_value)
    if value is not None:
        return (currency, float(value))
    return (currency,
            None if min_value is None else float(min_value),
            None if max_value is None else float(max_value))


def _money_keys_equal(left: tuple, right: tuple) -> bool:
    """Whether two money keys name the same amount: same currency and shape, numbers within tolerance."""
    return (len(left) == len(right) and left[0] == right[0]
            and all(_numbers_equal(a, b) for a, b in zip(left[1:], right[1:])))


def _format_number(number: float | None) -> str:
    """An amount as a reader checks it: 38,000,000,000 rather than 3.8e10."""
    if number is None:
        return "?"
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


def _money_label(key: tuple) -> str:
    """A money key as readable text: ``USD 80,000,000,000``, or ``USD 150,000,000,000–200,000,000,000`` for a span."""
    if len(key) == 2:
        return f"{key[0]} {_format_number(key[1])}"
    return f"{key[0]} {_format_number(key[1])}–{_format_number(key[2])}"


def _unique(values: Iterable[Any]) -> tuple:
    """The distinct non-empty values in first-seen order."""
    return tuple(dict.fromkeys(v for v in values if not _missing(v) and v != ""))


def _rule_ids(rows: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The distinct rule ids of some mentions, ``NO_RULE`` standing for a missing one."""
    return tuple(dict.fromkeys(
        NO_RULE if _missing(row.get("rule_id")) else str(row["rule_id"]) for row in rows))


# --- reading the output --------------------------------------------------------------


def _read_table(output_dir: Path, table: str) -> list[dict] | None:
    """The rows of ``<table>.parquet`` (file or folder of parts), or None when it is not there.

    Each part is read on its own, so that a damaged part or one without the
    columns the scorer needs is reported by its own path.
    """
    path = output_dir / f"{table}.parquet"
    if not (path.exists() or path.is_symlink()):
        return None
    required = _REQUIRED_COLUMNS.get(table, ("article_id",))
    parts = []
    for file in table_files(output_dir, table):
        part = read_parquet(file)
        absent = [column for column in required if column not in part.column_names]
        if absent:
            raise EvalError(f"{file} is not a part of the {table} table: it lacks column(s) {', '.join(absent)}")
        parts.append(part)
    if not parts:
        return []
    try:
        return pa.concat_tables(parts, promote_options="permissive").to_pylist()
    except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
        raise EvalError(f"the parts of {path} disagree on column types: {error}") from error


def _rows_by_article(rows: Iterable[dict]) -> dict[str, list[dict]]:
    """Rows grouped by their post."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(str(row["article_id"]), []).append(row)
    return grouped


# --- turning gold entries and output rows into facts ----------------------------------


def _gold_entities(entries: Iterable[Mapping[str, Any]]) -> list[_Fact]:
    """Gold companies or chips as facts keyed by their normalized name and aliases."""
    facts = []
    for entry in entries:
        name = str(entry.get("name"))
        aliases = _unique(alias for alias in entry.get("aliases") or () if alias != name)
        facts.append(_Fact(key=frozenset(entity_key(text) for text in (name, *aliases)),
                           label=name, surfaces=aliases))
    return facts


def _system_entities(rows: Sequence[dict], id_column: str) -> list[_Fact]:
    """The distinct entities (by id) a post's mention rows name, keyed by name and surfaces."""
    grouped: dict[Hashable, list[dict]] = {}
    for row in rows:
        ident = row[id_column] if not _missing(row[id_column]) else f"(no id) {row.get('name') or row['surface']}"
        grouped.setdefault(ident, []).append(row)
    facts = []
    for ident, mentions in grouped.items():
        names = _unique(row.get("name") for row in mentions)
        surfaces = _unique(row.get("surface") for row in mentions)
        facts.append(_Fact(key=frozenset(entity_key(text) for text in (*names, *surfaces)),
                           label=f"{names[0] if names else ident} [{ident}]", surfaces=surfaces,
                           rule_ids=_rule_ids(mentions), ident=ident))
    return facts


def _entities_match(gold: _Fact, system: _Fact) -> bool:
    """Whether a system entity's name or a surface equals the gold name or an alias."""
    return bool(gold.key & system.key)


def _gold_money(entries: Iterable[Mapping[str, Any]]) -> list[_Fact]:
    """Gold amounts as facts keyed by the money key, carrying the gold qualifier."""
    facts = []
    for entry in entries:
        key = _money_key(entry.get("currency"), entry.get("value"), entry.get("min_value"), entry.get("max_value"))
        facts.append(_Fact(key=key, label=_money_label(key), surfaces=_unique([entry.get("surface")]),
                           attributes={"qualifier": frozenset([entry.get("qualifier")])}))
    return facts


def _system_money(rows: Sequence[dict]) -> list[_Fact]:
    """A post's distinct amounts: mentions whose keys agree within tolerance are one fact."""
    groups: list[tuple[tuple, list[dict]]] = []
    for row in rows:
        key = _money_key(row["currency"], row["value"], row["min_value"], row["max_value"])
        group = next((mentions for known, mentions in groups if _money_keys_equal(known, key)), None)
        if group is None:
            groups.append((key, [row]))
        else:
            group.append(row)
    return [_Fact(key=key, label=_money_label(key), surfaces=_unique(row["surface"] for row in mentions),
                  rule_ids=_rule_ids(mentions),
                  attributes={"qualifier": frozenset(row["qualifier"] for row in mentions)})
            for key, mentions in groups]


def _gold_dates(entries: Iterable[Mapping[str, Any]]) -> list[_Fact]:
    """Gold time expressions as facts keyed by (type, value), carrying the gold mod."""
    return [_Fact(key=(entry.get("type"), entry.get("value")), label=f"{entry.get('type')} {entry.get('value')}",
                  surfaces=_unique([entry.get("surface")]), attributes={"mod": frozenset([_clean(entry.get("mod"))])})
            for entry in entries]


def _system_dates(rows: Sequence[dict]) -> list[_Fact]:
    """A post's distinct (type, value) time expressions with the mods their mentions carry."""
    grouped: dict[tuple, list[dict]] = {}
    for row in rows:
        grouped.setdefault((row["type"], row["value"]), []).append(row)
    return [_Fact(key=key, label=f"{key[0]} {key[1]}", surfaces=_unique(row["surface"] for row in mentions),
                  rule_ids=_rule_ids(mentions), attributes={"mod": frozenset(_clean(row["mod"]) for row in mentions)})
            for key, mentions in grouped.items()]


def _equal_keys(gold: _Fact, system: _Fact) -> bool:
    """Whether two facts have the same key (dates)."""
    return gold.key == system.key


def _money_match(gold: _Fact, system: _Fact) -> bool:
    """Whether two amount facts name the same amount."""
    return _money_keys_equal(gold.key, system.key)


def _party_ids(party: str, required: Sequence[_Fact], optional: Sequence[_Fact],
               company_ids: Mapping[int, Hashable], optional_company_ids: Mapping[int, frozenset],
               companies: Sequence[_Fact]) -> frozenset:
    """The system company ids a gold party name stands for, through the post's company matching.

    A party naming a required company entry gets that entry's matched id (none
    when unmatched); one naming an optional entry gets the ids of the system
    entities that entry covers; a name absent from the company gold is looked
    up among the system entities directly.
    """
    name = entity_key(party)
    for index, entry in enumerate(required):
        if name in entry.key:
            return frozenset([company_ids[index]]) if index in company_ids else frozenset()
    for index, entry in enumerate(optional):
        if name in entry.key:
            return optional_company_ids.get(index, frozenset())
    return frozenset(system.ident for system in companies if name in system.key)


def _gold_pairs(entries: Iterable[Mapping[str, Any]], party_ids: Callable[[str], frozenset]) -> list[_Fact]:
    """Gold partnerships as facts keyed by the two sets of system ids their parties map to (in the gold's
    order: the investor or acquirer first), with the type and status the gold states."""
    facts = []
    for entry in entries:
        parties = entry["parties"]  # two names: checked by load_gold
        attributes = {name: frozenset([entry[name]]) for name in ("type", "status") if entry.get(name) is not None}
        if entry.get("type") in DIRECTED_TYPES:
            attributes["direction"] = frozenset([parties[0]])
        if "money_value_usd" in entry:
            attributes["amount"] = frozenset([_clean(entry["money_value_usd"])])
        facts.append(_Fact(key=(party_ids(parties[0]), party_ids(parties[1])),
                           label=f"{parties[0]} – {parties[1]} ({entry.get('type')})",
                           surfaces=_unique([entry.get("evidence")]), attributes=attributes))
    return facts


def _system_pairs(rows: Sequence[dict], company_names: Mapping[Hashable, str]) -> list[_Fact]:
    """A post's distinct unordered company pairs with the types their rows carry."""
    grouped: dict[frozenset, list[dict]] = {}
    for row in rows:
        grouped.setdefault(frozenset([_clean(row["party_a_id"]), _clean(row["party_b_id"])]), []).append(row)
    facts = []
    for pair, mentions in grouped.items():
        first = mentions[0]
        a, b = _clean(first["party_a_id"]), _clean(first["party_b_id"])
        label = f"{company_names.get(a, a)} – {company_names.get(b, b)}"
        surfaces = _unique(row.get("evidence") or row.get("trigger") for row in mentions)
        facts.append(_Fact(key=pair, label=label, surfaces=surfaces, rule_ids=_rule_ids(mentions), attributes={
            "type": frozenset(row["type"] for row in mentions),
            "status": frozenset(_clean(row.get("status")) for row in mentions),
            "direction": frozenset((_clean(row["party_a_id"]), _clean(row["party_b_id"])) for row in mentions),
            "amount": frozenset(_clean(row.get("money_value_usd")) for row in mentions)}))
    return facts


def _pair_match(gold: _Fact, system: _Fact) -> bool:
    """Whether a system pair joins one id of each gold party, in either order."""
    ids_a, ids_b = gold.key
    members = list(system.key)
    if len(members) == 1:
        members = members * 2
    first, second = members
    return (first in ids_a and second in ids_b) or (second in ids_a and first in ids_b)


# --- matching ------------------------------------------------------------------------


def maximum_matching(gold: Sequence[Any], system: Sequence[Any],
                     match: Callable[[Any, Any], bool]) -> dict[int, int]:
    """A one-to-one pairing {gold index: system index} with as many pairs as possible.

    Each gold fact may match several system facts and vice versa (two system
    entities can both carry the surface AWS); augmenting paths find the
    pairing that credits the most of them, which greedy matching does not.
    """
    candidates = [[j for j, fact in enumerate(system) if match(entry, fact)] for entry in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _score_post_table(article_id: str, table: str, required: Sequence[_Fact], optional: Sequence[_Fact],
                      system: Sequence[_Fact], match: Callable[[_Fact, _Fact], bool]) -> _PostOutcome:
    """Match one post's facts of one table: the pairing, attribute hits, misses and false positives."""
    matched = maximum_matching(required, system, match)
    taken = set(matched.values())
    false_positives = tuple(j for j, fact in enumerate(system)
                            if j not in taken and not any(match(entry, fact) for entry in optional))
    scored = []
    wrong_attributes = []
    for i, j in matched.items():
        gold, found = required[i], system[j]
        for attribute in ATTRIBUTES.get(table, ()):
            if attribute not in gold.attributes:
                continue  # the gold states none (a partnership's direction, an old gold file's status)
            right = _attribute_right(attribute, gold, found)
            scored.append((attribute, right))
            if not right:
                wrong_attributes.append(Miss(article_id, table, "wrong_attribute",
                                             f"{found.label}: {_wrong_attribute_text(attribute, gold, found)}",
                                             found.surfaces, found.rule_ids))
    return _PostOutcome(
        matched=matched,
        false_negatives=tuple(Miss(article_id, table, "false_negative", fact.label, fact.surfaces, ())
                              for i, fact in enumerate(required) if i not in matched),
        false_positives=false_positives,
        scored_attributes=tuple(scored),
        wrong_attributes=tuple(wrong_attributes))


def _attribute_right(attribute: str, gold: _Fact, system: _Fact) -> bool:
    """Whether a matched system fact carries the gold value of ``attribute`` on any of its mentions; for
    a partnership's direction, whether any row has the gold's first party (investor, acquirer) as party_a;
    for its amount, whether any row's is the gold's within ``AMOUNT_TOLERANCE`` (none only where the gold
    states none)."""
    found = system.attributes.get(attribute, frozenset())
    if attribute == "direction":
        first, second = gold.key
        return any(party_a in first and party_b in second for party_a, party_b in found)
    if attribute == "amount":
        (stated,) = gold.attributes[attribute]
        return any(value is None if stated is None
                   else value is not None and math.isclose(value, stated, rel_tol=AMOUNT_TOLERANCE)
                   for value in found)
    return bool(gold.attributes[attribute] & found)


def _wrong_attribute_text(attribute: str, gold: _Fact, system: _Fact) -> str:
    """What a wrong attribute should have been and what it was."""
    if attribute == "direction":
        return f"party_a {_attribute_text(gold.attributes[attribute])} expected"
    return (f"{attribute} {_attribute_text(gold.attributes[attribute])} expected, "
            f"got {_attribute_text(system.attributes.get(attribute, frozenset()))}")


def _attribute_text(values: frozenset) -> str:
    """Attribute values as a reader compares them, None shown as ``none``."""
    return "/".join(sorted("none" if value is None else str(value) for value in values))


class _Tally:
    """Running totals over posts: counts per table, misses, and what each rule produced."""

    def __init__(self) -> None:
        self.counts = {table: dict(tp=0, fp=0, fn=0) for table in TABLES}
        #: (right, total) per table and attribute.
        self.attributes = {table: {name: [0, 0] for name in ATTRIBUTES.get(table, ())} for table in TABLES}
        self.misses: list[Miss] = []
        self.rules: dict[tuple[str, str], tuple[list[int], list[Miss]]] = {}

    def add(self, article_id: str, table: str, required: Sequence[_Fact], optional: Sequence[_Fact],
            system: Sequence[_Fact], match: Callable[[_Fact, _Fact], bool]) -> _PostOutcome:
        """Score one table of one post and add the result to the totals."""
        outcome = _score_post_table(article_id, table, required, optional, system, match)
        false_positives = {j: Miss(article_id, table, "false_positive", system[j].label,
                                   system[j].surfaces, system[j].rule_ids)
                           for j in outcome.false_positives}
        counts = self.counts[table]
        counts["tp"] += len(outcome.matched)
        counts["fp"] += len(false_positives)
        counts["fn"] += len(outcome.false_negatives)
        for attribute, right in outcome.scored_attributes:
            self.attributes[table][attribute][0] += right
            self.attributes[table][attribute][1] += 1
        self.misses += [*outcome.false_negatives, *false_positives.values(), *outcome.wrong_attributes]
        correct = set(outcome.matched.values())
        for j, fact in enumerate(system):
            for rule_id in fact.rule_ids:
                produced_correct, rule_misses = self.rules.setdefault((rule_id, table), ([0, 0], []))
                produced_correct[0] += 1
                produced_correct[1] += j in correct
                if j in false_positives:
                    rule_misses.append(false_positives[j])
        return outcome

    def report(self, notes: Sequence[str]) -> EvalReport:
        """The totals as a finished report, misses and rules in a stable order."""
        order = {table: index for index, table in enumerate(TABLES)}
        misses = sorted(self.misses, key=lambda miss: (miss.article_id, order[miss.table], miss.kind, miss.fact))
        rules = tuple(RuleScore(rule_id, table, produced, correct, tuple(rule_misses))
                      for (rule_id, table), ((produced, correct), rule_misses)
                      in sorted(self.rules.items(), key=lambda item: (order[item[0][1]], item[0][0])))
        tables = tuple(_table_score(table, c["tp"], c["fp"], c["fn"], self.attributes[table])
                       for table, c in self.counts.items())
        return EvalReport(tables=tables, misses=tuple(misses), rules=rules, notes=tuple(notes))


# --- scores --------------------------------------------------------------------------


def _share(numerator: int, denominator: int, nothing_wrong: bool) -> float:
    """A precision or recall; with an empty denominator, 1.0 only if nothing else went wrong either."""
    if denominator:
        return numerator / denominator
    return 1.0 if nothing_wrong else 0.0


def _table_score(table: str, tp: int, fp: int, fn: int, attributes: Mapping[str, list[int]]) -> TableScore:
    """Counts turned into precision, recall and F1 (F1 is 0 when both are 0), with the attributes' counts."""
    precision, recall = _share(tp, tp + fp, fn == 0), _share(tp, tp + fn, fp == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return TableScore(table, tp, fp, fn, precision, recall, f1,
                      tuple(AttributeScore(name, right, total) for name, (right, total) in attributes.items()))


def score_output(output_dir: Path, gold_path: Path) -> EvalReport:
    """Score the tables in ``output_dir`` against the gold file, per post then micro-averaged.

    Missing tables count as empty and gold posts absent from the output count
    every fact as missed; both are stated in the report's notes, as is the
    number of output posts the gold does not cover (they are not scored).
    """
    output_dir = Path(output_dir)
    if output_dir.exists() and not output_dir.is_dir():
        raise EvalError(f"{output_dir} is a file, not an output folder (the folder `extract run --output` wrote)")
    if not output_dir.is_dir():
        raise EvalError(f"output folder not found: {output_dir} (run `extract run` first)")
    gold = load_gold(gold_path)
    notes: list[str] = []
    rows: dict[str, dict[str, list[dict]]] = {}
    output_posts: set[str] = set()
    for table in TABLES:
        table_rows = _read_table(output_dir, table)
        if table_rows is None:
            notes.append(f"{table}.parquet is missing from {output_dir}: counted as empty, "
                         f"every gold {table} fact is a miss")
            table_rows = []
        rows[table] = _rows_by_article(table_rows)
        output_posts.update(rows[table])
    articles = _read_table(output_dir, "articles")
    if articles is not None:
        output_posts.update(str(row["article_id"]) for row in articles)
    absent = sorted(set(gold) - output_posts)
    if absent:
        notes.append(f"{len(absent)} gold post(s) absent from the output, all their facts missed: "
                     + ", ".join(absent))
    extra = len(output_posts - set(gold))
    if extra:
        notes.append(f"{extra} output post(s) not in the gold file were not scored")

    tally = _Tally()
    for article_id in sorted(gold):
        _score_post(article_id, gold[article_id], {table: rows[table].get(article_id, []) for table in TABLES},
                    tally)
    return tally.report(notes)


def _score_post(article_id: str, record: Mapping[str, Any], rows: Mapping[str, list[dict]], tally: _Tally) -> None:
    """Score every table of one gold post against that post's output rows."""
    def gold_facts(table: str, build: Callable[[list], list[_Fact]]) -> tuple[list[_Fact], list[_Fact]]:
        return build(gold_section(record, table, False)), build(gold_section(record, table, True))

    companies_gold, companies_optional = gold_facts("companies", _gold_entities)
    companies = _system_entities(rows["companies"], "company_id")
    outcome = tally.add(article_id, "companies", companies_gold, companies_optional, companies, _entities_match)
    tally.add(article_id, "chips", *gold_facts("chips", _gold_entities),
              _system_entities(rows["chips"], "chip_id"), _entities_match)
    tally.add(article_id, "money", *gold_facts("money", _gold_money), _system_money(rows["money"]), _money_match)
    tally.add(article_id, "dates", *gold_facts("dates", _gold_dates), _system_dates(rows["dates"]), _equal_keys)

    company_ids = {i: companies[j].ident for i, j in outcome.matched.items()}
    taken = set(outcome.matched.values())
    optional_company_ids = {
        index: frozenset(fact.ident for j, fact in enumerate(companies)
                         if j not in taken and _entities_match(entry, fact))
        for index, entry in enumerate(companies_optional)}

    def party_ids(party: str) -> frozenset:
        return _party_ids(party, companies_gold, companies_optional, company_ids, optional_company_ids, companies)

    company_names = {row["company_id"]: row["name"] for row in rows["companies"]}
    tally.add(article_id, "partnerships",
              *gold_facts("partnerships", lambda entries: _gold_pairs(entries, party_ids)),
              _system_pairs(rows["partnerships"], company_names), _pair_match)
