"""``python -m extract`` runs the same command line as the ``extract`` script."""

from extract.cli import main

main()
