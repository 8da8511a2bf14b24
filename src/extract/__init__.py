"""extract: companies, money, dates, AI chips and partnerships from Japanese posts, as Parquet tables.

The package is a one-way pipeline (read -> segment -> tokenize -> match ->
normalize -> relate -> write); ``extract.pipeline.run`` drives it and the
``extract`` command line wraps it. ``extract.load(output_dir)`` opens the
tables of a run for a notebook (pandas DataFrames and DuckDB SQL).
"""

__version__ = "0.1.0"

__all__ = ["OutputTables", "load", "__version__"]


def load(output_dir):
    """The tables of a run for a notebook (see ``extract.outputs.load``); pandas is imported only
    here, so the command line and its worker processes start without it."""
    from extract.outputs import load as load_output

    return load_output(output_dir)


def __getattr__(name: str):
    if name == "OutputTables":
        from extract.outputs import OutputTables

        return OutputTables
    raise AttributeError(name)
