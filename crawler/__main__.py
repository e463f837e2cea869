"""``python -m crawler``: the blogscout command line."""

from crawler.cli.main import main

if __name__ == "__main__":  # extraction workers import this module again
    main()
