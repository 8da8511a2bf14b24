"""``extract report``: one self-contained HTML page of charts and evidence for an output folder.

The page needs nothing but a browser and opens straight from disk: charts are
SVG (matplotlib renders the bar and timeline charts, embedded as data URIs so
their internal ids never clash; the partnership graph is drawn here, nodes on
a circle), styles and the small filter script are inline (the page around the
sections is ``templates/report.html``, shipped in the package), and nothing is
fetched from the network. The evidence table shows every fact with the
sentence it was found in (the mention highlighted) and the post's title, so a
reader can check any bar of a chart against the text.
"""

from __future__ import annotations

import base64
import html
import io
import math
import warnings
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

import pandas as pd

from extract.errors import InputError
from extract.outputs import OutputTables, load

if TYPE_CHECKING:  # matplotlib itself is imported only when a chart is drawn
    from matplotlib.typing import RcKeyType

#: Bars in the "mentions per company" chart.
TOP_COMPANIES = 20
#: Companies with their own colour on the amounts timeline; the rest are grey.
TIMELINE_COMPANIES = 8
#: Companies drawn in the partnership graph (the most connected ones).
GRAPH_NODES = 40
#: Evidence rows shown per table; the page says how many were left out.
EVIDENCE_ROWS = 300

_PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
            "#9c755f", "#bab0ac"]
_OTHER_COLOUR = "#c8c8c8"
_MATPLOTLIB_STYLE: dict[RcKeyType, Any] = {"svg.fonttype": "none", "svg.hashsalt": "extract-report", "font.size": 9,
                     "axes.spines.top": False, "axes.spines.right": False}


def build_report(output: OutputTables) -> str:
    """The whole report page for the tables of ``output``, as an HTML string."""
    articles = output.articles
    counts = {name: len(output.table(name)) for name in
              ("articles", "sentences", "companies", "money", "dates", "chips", "partnerships", "errors")}
    summary = " · ".join(f"{count:,} {name}" for name, count in counts.items())
    sections = [
        _section("Mentions per company", "Company mentions (rows of companies), most mentioned first.",
                 _image(mentions_per_company_chart(output.companies), "no company mentions")),
        _section("Amounts on a timeline",
                 "Money amounts in US dollars (log scale) by the post's publication date, coloured by the "
                 "most mentioned company in the same sentence; amounts without a USD value are left out.",
                 _image(amounts_timeline_chart(output.money_by_company(), output.mentions("money")),
                        "no money amounts with a USD value and a publication date")),
        _section("Chips by vendor", "AI chip mentions per chip, coloured by the chip's maker.",
                 _image(chips_by_vendor_chart(output.chips), "no chip mentions")),
        _section("Partnership network",
                 "Companies linked by partnerships (grey) and investments (orange, arrow to the company "
                 "invested in); thicker lines are stated more often.",
                 partnership_graph_svg(output.partnership_network()) or _empty_chart("no partnerships")),
        _section("Evidence", "Every fact with its sentence (the mention highlighted) and its post. "
                 "Type in the box to filter the rows.", evidence_html(output)),
    ]
    first, last = _date_span(articles)
    return page_template().substitute(
        title="Extraction report",
        heading=html.escape(f"Extraction report: {output.output_dir}"),
        summary=html.escape(summary + (f" · posts from {first} to {last}" if first else "")),
        sections="\n".join(sections),
    )


def page_template() -> Template:
    """The page around the sections: ``templates/report.html`` of the package, styles and scripts inline.

    Its placeholders, ``$title``, ``$heading``, ``$summary`` and ``$sections``,
    take HTML as it goes into the page (escaped where it must be).
    """
    return Template(files("extract").joinpath("templates", "report.html").read_text(encoding="utf-8"))


def write_report(output_dir: Path, report_path: Path) -> Path:
    """Load the tables in ``output_dir`` and write their report to ``report_path``.

    Raises ``InputError`` naming the file at fault: the output folder missing
    or holding no tables, a damaged or foreign part file (see
    ``extract.tables.read_part``), or a report path that cannot be written.
    """
    page = build_report(load(output_dir))
    try:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(page, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write the report to {report_path}: {error}") from error
    return report_path


def mentions_per_company_chart(companies: pd.DataFrame) -> str | None:
    """SVG: horizontal bars of the most mentioned companies (None without any)."""
    counts = companies.groupby("name", observed=True).size().sort_values(ascending=False).head(TOP_COMPANIES)
    if counts.empty:
        return None

    def draw(axes) -> None:
        ordered = counts.iloc[::-1]
        axes.barh(list(ordered.index), list(ordered.values), color=_PALETTE[0])
        axes.set_xlabel("mentions")
        for position, value in enumerate(ordered.values):
            axes.annotate(f"{value:,}", (value, position), xytext=(3, 0), textcoords="offset points",
                          va="center", fontsize=8)

    return _svg(draw, height=1.0 + 0.24 * len(counts))


def amounts_timeline_chart(money_by_company: pd.DataFrame, money_mentions: pd.DataFrame) -> str | None:
    """SVG: money amounts (USD, log scale) over publication time, coloured by company (None without any)."""
    amounts = money_mentions.dropna(subset=["value_usd", "published_at"])
    amounts = amounts[amounts["value_usd"] > 0]
    if amounts.empty:
        return None
    top = (money_by_company.groupby("company", observed=True).size().sort_values(ascending=False)
           .head(TIMELINE_COMPANIES).index.tolist())
    rank = {company: position for position, company in enumerate(top)}
    paired = money_by_company[money_by_company["company"].isin(rank)].copy()
    paired["rank"] = paired["company"].map(rank)
    keys = ["article_id", "start"]
    best = paired.sort_values("rank").drop_duplicates(keys)[keys + ["company"]]
    amounts = amounts.merge(best, on=keys, how="left")

    def draw(axes) -> None:
        when = amounts["published_at"].dt.tz_convert(None)
        other = amounts["company"].isna()
        axes.scatter(when[other], amounts.loc[other, "value_usd"], s=14, color=_OTHER_COLOUR,
                     label="other / none")
        for company in top:
            chosen = amounts["company"] == company
            if chosen.any():
                axes.scatter(when[chosen], amounts.loc[chosen, "value_usd"], s=18,
                             color=_PALETTE[rank[company] % len(_PALETTE)], label=company)
        axes.set_yscale("log")
        axes.set_ylabel("amount (USD)")
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
        axes.figure.autofmt_xdate()

    return _svg(draw, height=3.6)


def chips_by_vendor_chart(chips: pd.DataFrame) -> str | None:
    """SVG: horizontal bars of chip mentions, grouped and coloured by vendor (None without any)."""
    if chips.empty:
        return None
    counts = (chips.groupby(["vendor_id", "name"], observed=True).size().rename("mentions").reset_index())
    vendor_totals = counts.groupby("vendor_id", observed=True)["mentions"].sum().sort_values(ascending=False)
    vendors = [str(vendor) for vendor in vendor_totals.index]
    counts["vendor_id"] = counts["vendor_id"].astype(str)
    counts["vendor_rank"] = counts["vendor_id"].map({vendor: rank for rank, vendor in enumerate(vendors)})
    counts = counts.sort_values(["vendor_rank", "mentions", "name"], ascending=[True, False, True])

    def draw(axes) -> None:
        ordered = counts.iloc[::-1]
        colours = [_PALETTE[rank % len(_PALETTE)] for rank in ordered["vendor_rank"]]
        axes.barh(list(ordered["name"]), list(ordered["mentions"]), color=colours)
        axes.set_xlabel("mentions")
        from matplotlib.patches import Patch

        handles = [Patch(color=_PALETTE[rank % len(_PALETTE)], label=vendor) for rank, vendor in enumerate(vendors)]
        axes.legend(handles=handles, title="vendor", loc="lower right", frameon=False, fontsize=8)

    return _svg(draw, height=1.0 + 0.24 * len(counts))


def circle_layout(nodes: list[str], radius: float, centre: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """Positions of ``nodes`` evenly on a circle, the first at the top, going clockwise."""
    count = max(len(nodes), 1)
    return {node: (centre[0] + radius * math.sin(2 * math.pi * index / count),
                   centre[1] - radius * math.cos(2 * math.pi * index / count))
            for index, node in enumerate(nodes)}


def partnership_graph_svg(network: pd.DataFrame, size: int = 860) -> str | None:
    """Inline SVG of the partnership network: companies on a circle, one line per related pair (None: no edges)."""
    if network.empty:
        return None
    degree = pd.concat([network[["source_id", "mentions"]].rename(columns={"source_id": "id"}),
                        network[["target_id", "mentions"]].rename(columns={"target_id": "id"})])
    weight = degree.groupby("id")["mentions"].sum().sort_values(ascending=False, kind="stable")
    kept = list(weight.head(GRAPH_NODES).index)
    names = dict(zip(network["source_id"], network["source"])) | dict(zip(network["target_id"], network["target"]))
    edges = network[network["source_id"].isin(kept) & network["target_id"].isin(kept)]
    radius = size / 2 - 170  # room for the labels left and right; above and below they need less
    height = round(2 * radius + 90)
    centre = (size / 2, height / 2)
    positions = circle_layout(kept, radius, centre)
    heaviest = max(int(edges["mentions"].max()) if len(edges) else 1, 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 {size} {height}" '
             f'width="{size}" height="{height}" role="img" aria-label="partnership network">',
             '<defs><marker id="invests" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" '
             'markerWidth="11" markerHeight="11" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="#f28e2b"/>'
             '</marker></defs>']
    for edge in edges.itertuples(index=False):
        (x1, y1), (x2, y2) = positions[edge.source_id], positions[edge.target_id]
        investment = edge.type == "investment"
        if investment:  # stop the arrow at the node's edge
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            x2, y2 = x2 - (x2 - x1) * 9 / length, y2 - (y2 - y1) * 9 / length
        width = 1 + 4 * int(edge.mentions) / heaviest
        colour = "#f28e2b" if investment else "#8a8a8a"
        marker = ' marker-end="url(#invests)"' if investment else ""
        label = f"{edge.source} – {edge.target}: {edge.type}, {int(edge.mentions)} sentence(s)"
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                     f'stroke-width="{width:.1f}" stroke-opacity="0.75"{marker}>'
                     f'<title>{html.escape(label)}</title></line>')
    for node in kept:
        x, y = positions[node]
        node_radius = 4 + 6 * math.sqrt(weight[node] / weight.iloc[0])
        angle = math.atan2(y - centre[1], x - centre[0])
        label_x, label_y = x + (node_radius + 6) * math.cos(angle), y + (node_radius + 6) * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        name = html.escape(names.get(node, node))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{node_radius:.1f}" fill="#4e79a7">'
                     f'<title>{name}: {int(weight[node])} relation sentence(s)</title></circle>')
        parts.append(f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}" '
                     f'dominant-baseline="middle" font-size="12">{name}</text>')
    parts.append("</svg>")
    return "".join(parts)


def evidence_html(output: OutputTables) -> str:
    """The evidence table: one row per fact with its sentence (mention highlighted) and post title."""
    sentence_starts = output.sentences[["article_id", "sentence_id", "start"]].rename(
        columns={"start": "sentence_start"})
    blocks = ['<input type="search" id="filter" placeholder="filter facts, sentences, posts" '
              'aria-label="filter evidence">']
    for table, describe in _FACTS.items():
        rows = output.mentions(table)
        if "start" in rows.columns:
            rows = rows.merge(sentence_starts, on=["article_id", "sentence_id"], how="left")
        shown = rows.head(EVIDENCE_ROWS)
        lines = [_evidence_row(table, describe(row), row) for row in shown.to_dict("records")]
        more = (f'<p class="note">showing the first {EVIDENCE_ROWS:,} of {len(rows):,} rows; '
                f'load the output with <code>extract.load</code> for all</p>') if len(rows) > len(shown) else ""
        blocks.append(
            f'<details open><summary>{html.escape(table)} ({len(rows):,})</summary>{more}'
            '<table class="evidence"><thead><tr><th>fact</th><th>sentence</th><th>post</th><th>rule</th>'
            f'</tr></thead><tbody>{"".join(lines)}</tbody></table></details>')
    return "\n".join(blocks)


def _evidence_row(table: str, fact: str, row: dict) -> str:
    """One ``<tr>`` of the evidence table."""
    post = html.escape(_text(row.get("title")) or row["article_id"])
    published = row.get("published_at")
    when = f'<br><span class="note">{published:%Y-%m-%d}</span>' if _present(published) else ""
    return (f'<tr data-table="{table}"><td>{html.escape(fact)}</td><td>{_highlighted_sentence(row)}</td>'
            f'<td title="{html.escape(row["article_id"])}">{post}{when}</td>'
            f'<td><code>{html.escape(_text(row.get("rule_id")))}</code></td></tr>')


def _highlighted_sentence(row: dict) -> str:
    """The row's sentence, HTML-escaped, with the mention (when it has offsets) in ``<mark>``."""
    sentence = _text(row.get("sentence")) or _text(row.get("evidence"))
    start, sentence_start = row.get("start"), row.get("sentence_start")
    if not (_present(start) and _present(sentence_start)):
        return html.escape(sentence)
    assert start is not None and sentence_start is not None  # _present is False for None
    begin, end = int(start) - int(sentence_start), int(row["end"]) - int(sentence_start)
    if not 0 <= begin <= end <= len(sentence):
        return html.escape(sentence)
    return (html.escape(sentence[:begin]) + "<mark>" + html.escape(sentence[begin:end]) + "</mark>"
            + html.escape(sentence[end:]))


def _money_fact(row: dict) -> str:
    """A money row in words: surface, normalized value and qualifier."""
    value = row.get("value")
    amount = (f"{value:,.0f} {row['currency']}" if _present(value)
              else f"{_number(row.get('min_value'))}–{_number(row.get('max_value'))} {row['currency']}")
    usd = f", ≈ ${row['value_usd']:,.0f}" if _present(row.get("value_usd")) else ""
    return f"{row['surface']} → {amount} ({row['qualifier']}{usd})"


def _partnership_fact(row: dict) -> str:
    """A partnership row in words: parties, type, trigger and amount."""
    usd = f", ${row['money_value_usd']:,.0f}" if _present(row.get("money_value_usd")) else ""
    arrow = "→ invests in →" if row["type"] == "investment" else "↔"
    return f"{row['party_a_name']} {arrow} {row['party_b_name']} ({row['type']}, {row['trigger']}{usd})"


_FACTS: dict[str, Callable[[dict], str]] = {
    "companies": lambda row: f"{row['surface']} → {row['name']} ({row['company_id']}, {row['source']})",
    "money": _money_fact,
    "dates": lambda row: (f"{row['surface']} → {row['type']} {row['value']}"
                          + (f" {row['mod']}" if _present(row.get("mod")) else "")),
    "chips": lambda row: f"{row['surface']} → {row['name']} (vendor {row['vendor_id']})",
    "partnerships": _partnership_fact,
}


def _present(value: object) -> bool:
    """Whether ``value`` is a real value, not None / NaN / NA / NaT."""
    return value is not None and not (pd.api.types.is_scalar(value) and pd.isna(value))


def _text(value: object) -> str:
    """``value`` as text, empty for a missing value."""
    return str(value) if _present(value) else ""


def _number(value: object) -> str:
    """A number with thousands separators, ``?`` when missing."""
    return f"{value:,.0f}" if _present(value) else "?"


def _date_span(articles: pd.DataFrame) -> tuple[str, str]:
    """First and last publication day of the posts (empty strings when none is known)."""
    published = articles["published_at"].dropna()
    if published.empty:
        return "", ""
    return f"{published.min():%Y-%m-%d}", f"{published.max():%Y-%m-%d}"


def _svg(draw: Callable, height: float, width: float = 8.0) -> str:
    """Run ``draw(axes)`` on a fresh matplotlib figure and return the figure as an SVG string."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_MATPLOTLIB_STYLE), warnings.catch_warnings():
        # Japanese names lack glyphs in matplotlib's font; the text stays text and the browser draws it.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure = Figure(figsize=(width, min(max(height, 2.0), 12.0)), layout="constrained")
        draw(figure.add_subplot())
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _image(svg: str | None, empty_reason: str) -> str:
    """An SVG document as an ``<img>`` with a data URI (isolated: its ids cannot clash with the page's).

    ``None`` (a chart without data) becomes a line saying ``empty_reason``.
    """
    if svg is None:
        return _empty_chart(empty_reason)
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="chart" alt="chart" src="data:image/svg+xml;base64,{encoded}">'


def _empty_chart(reason: str) -> str:
    """The placeholder shown instead of a chart with no data."""
    return f'<p class="empty">{html.escape(reason)}</p>'


def _section(title: str, caption: str, body: str) -> str:
    """One titled section of the page."""
    anchor = title.lower().replace(" ", "-")
    return (f'<section id="{anchor}"><h2>{html.escape(title)}</h2>'
            f'<p class="note">{html.escape(caption)}</p>{body}</section>')
