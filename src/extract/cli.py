"""The ``extract`` command line: parses options, calls the pipeline, reports.

A thin layer by design: every command hands its work to a module and only
turns domain errors into clear messages and exit codes here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from extract import __version__, corpus, pipeline
from extract.executor import DASK, LOCAL, default_jobs
from extract.errors import ExtractError, PostError, RunInterrupted

#: Fewer posts than this finish before a progress bar would help.
PROGRESS_MIN_POSTS = 6


class _Commands(click.Group):
    """The command group, and the one place a domain error becomes a one-line message and exit 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ExtractError as exc:
            raise click.ClickException(str(exc)) from exc


class _Threshold(click.ParamType):
    """``TABLE=X`` or ``TABLE.METRIC=X`` for ``--min-f1``, checked before any work starts."""

    name = "TABLE=X"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> tuple[str, float]:
        if isinstance(value, tuple):
            return value
        from extract.eval import TABLES, THRESHOLD_METRICS

        key, sep, number = str(value).partition("=")
        table, _, metric = key.partition(".")
        if not sep or table not in TABLES or (metric and metric not in THRESHOLD_METRICS):
            self.fail(f"expected TABLE=X or TABLE.METRIC=X with TABLE one of {', '.join(TABLES)} and METRIC "
                      f"one of {', '.join(THRESHOLD_METRICS)}, got {value!r}", param, ctx)
        try:
            minimum = float(number)
        except ValueError:
            self.fail(f"expected a number after '=', got {value!r}", param, ctx)
        if not 0 <= minimum <= 1:
            self.fail(f"a minimum is between 0 and 1, got {value!r}", param, ctx)
        return key, minimum


@click.group(cls=_Commands)
@click.version_option(__version__, prog_name="extract")
def main() -> None:
    """Extract companies, money, dates, AI chips and partnerships from Japanese posts.

    \b
    Example:
      extract run corpus --output output --rules rules
    """


@main.command("run")
@click.argument("corpus_dir", metavar="CORPUS", type=click.Path(path_type=Path))
@click.option("--output", "output_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder the Parquet tables are written to.")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=Path("rules"),
              show_default=True, help="Folder of YAML rule files.")
@click.option("--strict", is_flag=True, help="Stop at the first post that cannot be processed (exit 1).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, warnings or summary.")
@click.option("--no-ner", is_flag=True,
              help="Rules only: skip the GiNZA model (much faster; no NER-only companies, relations without parses).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: every core).")
@click.option("--executor", type=click.Choice([LOCAL, DASK]), default=LOCAL,
              show_default=True, help="Where the per-post work runs: local processes or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786) for --executor dask; none starts a local cluster.")
@click.option("--no-cache", is_flag=True, help="Do not read or store GiNZA results in OUTPUT/.extract.")
@click.option("--post-timeout", type=click.FloatRange(min=0, min_open=True), default=pipeline.DEFAULT_POST_TIMEOUT,
              show_default=True, metavar="SECONDS",
              help="A post that takes longer is skipped and listed in errors.parquet.")
@click.option("--max-post-bytes", type=click.IntRange(min=1), default=corpus.MAX_POST_BYTES, show_default=True,
              metavar="BYTES", help="A larger post file is skipped (without being read) and listed in errors.parquet.")
def run_command(corpus_dir: Path, output_dir: Path, rules_dir: Path, strict: bool, quiet: bool,
                no_ner: bool, jobs: int | None, executor: str, scheduler: str | None, no_cache: bool,
                post_timeout: float, max_post_bytes: int) -> None:
    """Process every post under CORPUS (.md, .markdown, .txt, recursively) into tables.

    Posts that cannot be read, or take too long, are skipped with a warning
    and listed in errors.parquet; all tables are replaced together, in one
    atomic step at the end. OUTPUT must be new, empty, or made by extract. A
    re-run redoes only the posts, and the tables of the rule files, that
    changed.

    \b
    Example:
      extract run corpus --output output --rules rules
    """

    def warn(error: PostError) -> None:
        if not quiet:
            click.echo(f"warning: skipped {error.source_path}: {error.message}", err=True)

    def track(results: Iterable, total: int) -> Iterable:
        if quiet or total < PROGRESS_MIN_POSTS or not sys.stderr.isatty():
            return results
        from tqdm import tqdm

        return tqdm(results, total=total, unit="post", file=sys.stderr, leave=False)

    if scheduler and executor != DASK:
        raise click.UsageError("--scheduler needs --executor dask")
    try:
        summary = pipeline.run(corpus_dir, output_dir, rules_dir, strict=strict, use_ner=not no_ner,
                               jobs=jobs or default_jobs(), executor=executor, scheduler=scheduler,
                               use_cache=not no_cache, post_timeout=post_timeout, max_post_bytes=max_post_bytes,
                               on_error=warn, track=track)
    except RunInterrupted as interrupted:
        click.echo(str(interrupted), err=True)
        sys.exit(130)
    except KeyboardInterrupt:  # before the output folder was opened
        click.echo("interrupted: nothing written", err=True)
        sys.exit(130)
    if not quiet:
        click.echo(f"{summary.line()} -> {output_dir}", err=True)


@main.group("rules")
def rules_group() -> None:
    """Work with the YAML rule files.

    \b
    Example:
      extract rules check --rules rules
    """


@rules_group.command("check")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=Path("rules"),
              show_default=True, help="Folder of YAML rule files.")
def rules_check_command(rules_dir: Path) -> None:
    """Validate every rule file and list all problems (file, line, rule id) at once.

    \b
    Example:
      extract rules check --rules rules
    """
    from extract.rules import load_rules

    loaded = load_rules(rules_dir)
    click.echo(f"{rules_dir}: {len(loaded.companies):,} companies, {len(loaded.chips):,} chips, "
               f"{len(loaded.products):,} products, {len(loaded.company_patterns)} company patterns: ok")


@rules_group.command("suggest")
@click.argument("output_dir", metavar="OUTPUT", type=click.Path(path_type=Path))
@click.option("-o", "--out", "suggestions_path", type=click.Path(path_type=Path, dir_okay=False),
              help="The YAML file to write (default: print to standard output).")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=Path("rules"),
              show_default=True, help="Folder of YAML rule files: companies they list are not suggested.")
@click.option("--min-posts", type=click.IntRange(min=1), default=1, show_default=True,
              help="Suggest only companies named in at least this many posts.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Suggest at most this many companies.")
@click.option("--force", is_flag=True, help="Replace FILE of -o when it exists.")
def rules_suggest_command(output_dir: Path, suggestions_path: Path | None, rules_dir: Path, min_posts: int,
                          limit: int | None, force: bool) -> None:
    """Propose gazetteer entries for the companies OUTPUT's run found only by GiNZA or company patterns.

    Ranked by the number of posts naming them, each with an id, a name,
    aliases (a katakana spelling written in brackets with a Latin one) and
    two example sentences as comments: a file of the shape of
    rules/companies/*.yaml to review and move into the rules.

    \b
    Example:
      extract rules suggest output -o suggested.yaml --min-posts 2
    """
    import datetime

    from extract.rules import load_rules
    from extract.suggest import format_suggestions, read_unlisted, suggest_companies, write_suggestions

    found = read_unlisted(output_dir)  # before the rules: a wrong folder is named at once
    suggestions = suggest_companies(found, load_rules(rules_dir), min_posts=min_posts, limit=limit)
    text = format_suggestions(suggestions, datetime.date.today())
    if suggestions_path is None:
        click.echo(text, nl=False)
        return
    write_suggestions(text, suggestions_path, force=force)
    click.echo(f"wrote {len(suggestions.companies)} suggested companies to {suggestions_path}", err=True)


@main.command("eval")
@click.argument("output_dir", metavar="OUTPUT", type=click.Path(path_type=Path))
@click.option("--gold", "gold_path", type=click.Path(path_type=Path), required=True,
              help="Gold facts, one JSON object per post.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--by-rule", is_flag=True, help="Also report, per rule_id, facts produced, right, and false positives.")
@click.option("--min-f1", "min_f1", multiple=True, type=_Threshold(),
              help="Exit 1 when TABLE's F1 (or TABLE.precision / .recall) is below X (repeatable).")
def eval_command(output_dir: Path, gold_path: Path, as_json: bool, by_rule: bool,
                 min_f1: tuple[tuple[str, float], ...]) -> None:
    """Score the tables in OUTPUT against gold facts, as the extraction spec says.

    Prints precision, recall and F1 per table, attribute accuracies and every
    miss (false negatives and false positives with their surfaces).

    \b
    Example:
      extract eval output --gold ../shared/eval/gold.jsonl --min-f1 money=0.97
    """
    import json

    from extract.eval import check_thresholds, format_report, report_as_json, score_output

    report = score_output(output_dir, gold_path)
    if as_json:
        click.echo(json.dumps(report_as_json(report), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, by_rule=by_rule))
    failures = check_thresholds(report, dict(min_f1))
    for failure in failures:
        click.echo(f"below threshold: {failure}", err=True)
    if failures:
        sys.exit(1)


@main.command("explain")
@click.argument("text", required=False)
@click.option("--post", "post_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Explain a sentence of this post file instead of TEXT.")
@click.option("--sentence", "sentence_ids", type=click.IntRange(min=0), multiple=True,
              help="The sentence of --post to explain, numbered as the sentences table (repeatable; "
                   "default: every sentence with a company, amount, date or trigger).")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=Path("rules"),
              show_default=True, help="Folder of YAML rule files.")
@click.option("--no-ner", is_flag=True, help="Rules only: no GiNZA entities nor dependency parse.")
def explain_command(text: str | None, post_path: Path | None, sentence_ids: tuple[int, ...], rules_dir: Path,
                    no_ner: bool) -> None:
    """Show what the pipeline reads in a sentence and why each pair of companies is a relation or not.

    Prints the MeCab tokens, every company, amount and date with the rule
    (or GiNZA) that found it, the dependency parse the relation step read,
    each trigger with its type and status, and for every pair of companies
    the relation it gave or the reason it gave none.

    \b
    Examples:
      extract explain "ソフトバンクグループはOpenAIに225億ドルを出資した。"
      extract explain --post corpus/post.md --sentence 12
    """
    from extract.corpus import read_post
    from extract.explain import explain_post
    from extract.models import Post
    from extract.process import Extractors
    from extract.rules import load_rules

    if (text is None) == (post_path is None):
        raise click.UsageError("give either TEXT or --post FILE")
    if sentence_ids and post_path is None:
        raise click.UsageError("--sentence needs --post")
    if post_path is not None:
        post = read_post(post_path, post_path.parent)
    else:
        assert text is not None  # checked above
        post = Post("text", "(text)", None, None, None, (), (), None, None, text, "")
    extractors = Extractors(load_rules(rules_dir), use_ner=not no_ner)
    click.echo(explain_post(post, extractors, list(sentence_ids) or None))


@main.command("report")
@click.argument("output_dir", metavar="OUTPUT", type=click.Path(path_type=Path))
@click.option("-o", "--out", "report_path", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("report.html"), show_default=True, help="The HTML file to write.")
def report_command(output_dir: Path, report_path: Path) -> None:
    """Write one self-contained HTML page of charts and evidence for the tables in OUTPUT.

    Mentions per company, amounts on a timeline, chips by vendor, the
    partnership graph and every fact with its sentence and post. The page
    needs no network: open it straight from disk.

    \b
    Example:
      extract report output -o report.html
    """
    from extract.report import write_report

    written = write_report(output_dir, report_path)
    click.echo(f"wrote {written}", err=True)
