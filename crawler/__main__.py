"""``python -m crawler``: the blogscout command line."""

from crawler.cli import main

if __name__ == "__main__":  # extraction workers import this module again
    main()
