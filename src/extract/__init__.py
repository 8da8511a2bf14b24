"""extract: companies, money, dates, AI chips and partnerships from Japanese posts, as Parquet tables.

The package is a one-way pipeline (read -> segment -> tokenize -> match ->
normalize -> relate -> write); ``extract.pipeline.run`` drives it and the
``extract`` command line wraps it.
"""

__version__ = "0.1.0"
