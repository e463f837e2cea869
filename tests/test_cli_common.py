"""What every command shares: logging levels, named errors as one line, the ranking table."""

from __future__ import annotations

import logging

import click
import pytest
from click.testing import CliRunner

from crawler.cli.common import command, setup_logging
from crawler.errors import InputError


@pytest.fixture
def root_logger():
    """The root logger, restored after the test."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield root
    root.handlers[:], root.level = handlers, level


@pytest.mark.parametrize(
    ("quiet", "verbose", "own", "scrapy_debug"),
    [(False, False, "INFO", False), (True, False, "WARNING", False), (False, True, "DEBUG", True)],
)
def test_setup_logging_levels(root_logger, quiet, verbose, own, scrapy_debug):
    setup_logging(quiet=quiet, verbose=verbose)
    (handler,) = root_logger.handlers
    own_filter = handler.filters[0]

    def shown(name, level):
        return own_filter.filter(logging.LogRecord(name, level, __file__, 1, "m", None, None))

    assert shown("crawler.spiders.runner", getattr(logging, own))
    assert not shown("crawler.spiders.runner", getattr(logging, own) - 10)
    assert root_logger.isEnabledFor(logging.DEBUG) is scrapy_debug


def test_named_error_becomes_one_error_line_with_exit_1():
    @command()
    @click.option("--lang", default="de", help="Languages.")
    def probe(lang):
        """Probe.

        \b
        Example: blogscout probe
        """
        raise InputError(f"--lang {lang!r}: not a language code")

    result = CliRunner().invoke(probe, ["--lang", "xx1"])
    assert result.exit_code == 1
    assert result.stderr == "Error: --lang 'xx1': not a language code\n"


def test_commands_show_their_defaults():
    @command()
    @click.option("--top", default=20, help="Rows.")
    def probe(top):
        """Probe."""

    assert "[default: 20]" in CliRunner().invoke(probe, ["--help"]).output
