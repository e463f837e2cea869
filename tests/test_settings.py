"""Settings as data: every ``BLOGSCOUT_*`` name declared once, with its default, and documented."""

from __future__ import annotations

import inspect
import re

import pytest
from click.testing import CliRunner
from conftest import ROOT
from scrapy.settings import Settings

from crawler import defaults
from crawler.cli.main import cli
from crawler.spiders.blogs import BlogSpider
from crawler.spiders.runner import CrawlOptions

NAME = re.compile(r"\bBLOGSCOUT_[A-Z][A-Z0-9_]*")
SOURCES = [
    path
    for folder in ("crawler", "scoring", "benchmarks", "tests", ".ci")
    for path in sorted((ROOT / folder).rglob("*"))
    if path.is_file() and path.suffix in (".py", ".sh", "") and "__pycache__" not in path.parts
    if path.name != "test_settings.py"  # names a typo on purpose
] + [ROOT / "Makefile"]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def names_used() -> dict[str, str]:
    """``{name: first file using it}`` for every BLOGSCOUT_* name in the code, tests and scripts."""
    found = {}
    for path in SOURCES:
        for name in NAME.findall(path.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def readme_value(value) -> str:
    if value is None:
        return "–"
    return f"`{str(value).lower() if isinstance(value, bool) else value}`"


def test_every_name_used_is_declared():
    declared = set(defaults.SETTINGS) | set(defaults.ENVIRONMENT)
    undeclared = {name: where for name, where in names_used().items() if name not in declared}
    assert undeclared == {}


@pytest.mark.parametrize("setting", [*defaults.SETTINGS.values(), *defaults.ENVIRONMENT.values()], ids=str)
def test_every_declared_name_is_in_the_readme_with_its_default(setting):
    row = f"| `{setting.name}` | {readme_value(setting.default)} | {setting.help} |"
    assert row in README


@pytest.mark.parametrize("name", list(defaults.SETTINGS))
def test_scrapy_settings_take_the_declared_defaults(name):
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    assert settings[name] == defaults.SETTINGS[name].default


def test_crawl_limits_have_one_default_everywhere():
    expected = {
        "hops": defaults.HOPS,
        "max_pages_per_site": defaults.MAX_PAGES_PER_SITE,
        "candidate_pages": defaults.CANDIDATE_PAGES,
        "max_pages": defaults.MAX_PAGES,
    }
    spider = inspect.signature(BlogSpider.__init__).parameters
    options = CrawlOptions(seeds=[])
    for command in ("crawl", "run"):
        cli_defaults = {p.name: p.default for p in cli.commands[command].params}
        assert {k: cli_defaults[k] for k in expected} == expected
    assert {k: getattr(options, k) for k in expected} == expected
    assert {k: spider[k].default for k in expected} == expected
    assert {p.name: p.default for p in cli.commands["rank"].params}["db"] == defaults.DATABASE


def test_set_refuses_an_undeclared_blogscout_setting(tmp_path):
    result = CliRunner().invoke(
        cli, ["crawl", "https://a.de/", "--db", str(tmp_path / "p.db"), "--set", "BLOGSCOUT_DISK_QUEUES=false"]
    )
    assert result.exit_code == 2 and "BLOGSCOUT_DISK_QUEUES" in result.stderr and "Settings" in result.stderr
    assert result.stderr.count("\n") == 1 and not (tmp_path / "p.db").exists()


def test_set_refuses_a_name_scrapy_does_not_know(tmp_path):
    result = CliRunner().invoke(
        cli, ["crawl", "https://a.de/", "--db", str(tmp_path / "p.db"), "--set", "DOWNLOAD_DELAYS=0"]
    )
    assert result.exit_code == 2 and "DOWNLOAD_DELAYS" in result.stderr and "Scrapy setting" in result.stderr
    assert result.stderr.count("\n") == 1 and not (tmp_path / "p.db").exists()
