"""Repeat the crawl stored in a project database (or finish an interrupted one), then rank it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.errors import NotStoredError
from crawler.services import crawl as crawls
from crawler.services.rank import check_writable, rank_project, snapshot_options, store_ranking

if TYPE_CHECKING:
    from crawler.spiders.runner import CrawlOptions, CrawlResult


@dataclass
class Recrawl:
    """What `recrawl` will do: resume the interrupted ``run`` or repeat the latest one."""

    run: dict
    mode: str  # "resume", "recrawl" (the pages that are due) or "full" (every known page)
    options: CrawlOptions

    @property
    def command(self) -> str:
        """The command recorded with the run."""
        return self.run["command"] if self.mode == "resume" else "recrawl"

    @property
    def resume_run(self) -> int | None:
        """The id of the run being resumed, if any."""
        return self.run["id"] if self.mode == "resume" else None


def plan_recrawl(db: str, *, full: bool = False) -> Recrawl:
    """The interrupted run of ``db`` to resume, else its latest run to repeat (``full``: every known page)."""
    if not Path(db).exists():
        raise NotStoredError(f"{db}: no such database; run 'blogscout crawl URL... --db {db}' first")
    try:
        run, mode = crawls.stored_run(db, resumable=True), "resume"
    except NotStoredError:
        run, mode = crawls.stored_run(db), "full" if full else "recrawl"
    check_writable(db, "fix its permissions or copy it somewhere writable")
    options = crawls.options_of_run(run)
    if not options.seeds:
        raise NotStoredError(f"{db}: the stored crawl has no seeds; start again with 'blogscout crawl URL...'")
    return Recrawl(run, mode, options)


def recrawl(db: str, plan: Recrawl, *, quiet: bool = False, ranking: Mapping[str, Any] | None = None) -> CrawlResult:
    """Run the planned crawl: conditional requests (ETag, If-Modified-Since), feeds first.

    ``ranking`` (`crawler.services.rank.rank_project` options): first rank the crawl stored
    before, if it has no snapshot, so `blogscout diff` can compare.
    """
    return crawls.crawl(
        db,
        plan.options,
        quiet=quiet,
        command=plan.command,
        mode=plan.mode,
        resume_run=plan.resume_run,
        baseline=ranking,
    )


def rank_snapshot(db: str, **ranking: Any) -> list[dict]:
    """Rank ``db`` (`crawler.services.rank.rank_project` options) and store the snapshot without
    writing an export; return the rows."""
    rows = rank_project(db, **ranking)
    if rows:
        store_ranking(db, rows, snapshot_options(**ranking), command="recrawl")
    return rows
