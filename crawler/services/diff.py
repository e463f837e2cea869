"""Compare two ranking snapshots stored in a project database.

Snapshots are compared by ranking, not by crawl run: every `rank`, `run`, `recrawl` (and the
baseline a re-crawl stores first, see `crawler.services.rank.store_baseline`) adds one, so two
rankings of one run (another ``--topic``) compare as well as rankings of two crawls.
"""

from __future__ import annotations

import json
from pathlib import Path

from crawler.errors import NotStoredError
from crawler.storage import db as dbmod
from scoring.diff import DIFF_COLUMNS, diff_rankings

__all__ = ["DIFF_COLUMNS", "describe_ranking", "diff_database", "load_snapshot", "previous_ranking", "stored_rankings"]


def stored_rankings(db: str | Path) -> list[dict]:
    """The stored rankings (``id``, ``run_id``, ``created_at``, ``options``), oldest first."""
    handle = dbmod.connect(db, create=False)
    try:
        return list(handle["rankings"].rows_where(order_by="id")) if "rankings" in handle.table_names() else []
    finally:
        handle.close()


def load_snapshot(db: str | Path, ranking: int | None, label: str = "--to") -> tuple[dict, list[dict]]:
    """``(ranking, rows)`` of ranking number ``ranking`` (None: the latest).

    ``label`` names the option the number came from in the error for a missing ranking.
    """
    handle = dbmod.connect(db, create=False)
    try:
        where, params = ("id = ?", [ranking]) if ranking is not None else ("1", [])
        found = list(handle["rankings"].rows_where(where, params, order_by="id desc", limit=1))
        if not found:
            known = [r["id"] for r in handle["rankings"].rows_where(order_by="id")]
            if ranking is None or not known:
                raise NotStoredError(f"{label}: no ranking stored in {db}; run 'blogscout rank --db {db}' first")
            raise NotStoredError(f"{label} {ranking}: no such ranking; stored rankings: {', '.join(map(str, known))}")
        rows = [
            json.loads(r["row"])
            for r in handle["ranking_rows"].rows_where("ranking_id = ?", [found[0]["id"]], order_by="rank")
        ]
        return found[0], rows
    finally:
        handle.close()


def previous_ranking(db: str | Path, ranking_id: int) -> int:
    """The number of the ranking stored before ``ranking_id``."""
    older = [r["id"] for r in stored_rankings(db) if r["id"] < ranking_id]
    if not older:
        raise NotStoredError(
            f"{db}: only one ranking stored; re-crawl ('blogscout recrawl --db {db}') or rank again to compare"
        )
    return older[-1]


def describe_ranking(ranking: dict) -> str:
    """``ranking 3 (run 2, topic 'seo', 2026-01-02 10:00)`` for messages."""
    options = json.loads(ranking.get("options") or "{}")
    topic = f", topic {options['topic']!r}" if options.get("topic") else ""
    when = (ranking.get("created_at") or "")[:16].replace("T", " ")
    return f"ranking {ranking['id']} (run {ranking['run_id']}{topic}, {when})"


def diff_database(
    db: str | Path, *, from_ranking: int | None = None, to_ranking: int | None = None, min_move: int = 3
) -> tuple[dict, dict, list[dict]]:
    """Changes from ranking ``from_ranking`` (default: the one before) to ``to_ranking`` (default:
    the latest): ``(from ranking, to ranking, rows)``, rows as `scoring.diff.diff_rankings` makes
    them (columns: `DIFF_COLUMNS`)."""
    new, new_rows = load_snapshot(db, to_ranking, "--to")
    if from_ranking is None:
        from_ranking = previous_ranking(db, new["id"])
    old, old_rows = load_snapshot(db, from_ranking, "--from")
    return old, new, diff_rankings(old_rows, new_rows, min_move=min_move)
