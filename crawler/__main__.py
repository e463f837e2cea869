"""``python -m crawler``: the blogscout command line."""

from crawler.cli import main

main()
