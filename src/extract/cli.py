"""The ``extract`` command line: parses options, calls the pipeline, reports.

A thin layer by design: every command hands its work to a module and only
turns domain errors into clear messages and exit codes here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from extract import __version__, pipeline
from extract.errors import ExtractError, PostError

#: Fewer posts than this finish before a progress bar would help.
PROGRESS_MIN_POSTS = 6


@click.group()
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
def run_command(corpus_dir: Path, output_dir: Path, rules_dir: Path, strict: bool, quiet: bool) -> None:
    """Process every post under CORPUS (.md, .markdown, .txt, recursively) into tables.

    Posts that cannot be read are skipped with a warning and listed in
    errors.parquet; the tables are replaced atomically at the end.

    \b
    Example:
      extract run corpus --output output --rules rules
    """

    def warn(error: PostError) -> None:
        if not quiet:
            click.echo(f"warning: skipped {error.source_path}: {error.message}", err=True)

    def track(paths: list[Path]) -> Iterable[Path]:
        if quiet or len(paths) < PROGRESS_MIN_POSTS or not sys.stderr.isatty():
            return paths
        from tqdm import tqdm

        return tqdm(paths, unit="post", file=sys.stderr, leave=False)

    try:
        summary = pipeline.run(corpus_dir, output_dir, rules_dir, strict=strict, on_error=warn, track=track)
    except KeyboardInterrupt:
        click.echo("interrupted: nothing written, the previous output is intact", err=True)
        sys.exit(130)
    except ExtractError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        click.echo(f"{summary.line()} -> {output_dir}", err=True)
