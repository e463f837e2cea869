"""Compare two ranking snapshots stored in a project database."""

from __future__ import annotations

import json
from pathlib import Path

from crawler.errors import NotStoredError
from crawler.storage import db as dbmod
from scoring.diff import DIFF_COLUMNS, diff_rankings

__all__ = ["DIFF_COLUMNS", "diff_database", "load_snapshot", "previous_run"]


def load_snapshot(db: str | Path, run: int | None, label: str = "--to") -> tuple[int, list[dict]]:
    """``(ranking id, rows)`` of the latest ranking of ``run`` (None: of the whole database).

    ``label`` names the option the run came from in the error for a missing ranking.
    """
    handle = dbmod.connect(db, create=False)
    try:
        where, params = ("run_id = ?", [run]) if run is not None else ("1", [])
        rankings = list(handle["rankings"].rows_where(where, params, order_by="id desc"))
        if not rankings:
            which = f"run {run}" if run is not None else "this database"
            raise NotStoredError(f"{label}: no ranking stored for {which}; run 'blogscout rank --db {db}' first")
        ranking = rankings[0]
        rows = [
            json.loads(r["row"])
            for r in handle["ranking_rows"].rows_where("ranking_id = ?", [ranking["id"]], order_by="rank")
        ]
        return ranking["id"], rows
    finally:
        handle.close()


def previous_run(db: str | Path, ranking_id: int) -> int:
    """The run of the ranking stored before ``ranking_id``."""
    handle = dbmod.connect(db, create=False)
    try:
        older = list(handle["rankings"].rows_where("id < ?", [ranking_id], order_by="id desc", limit=1))
    finally:
        handle.close()
    if not older:
        raise NotStoredError(f"{db}: only one ranking stored; re-crawl ('blogscout recrawl --db {db}') to compare")
    return older[0]["run_id"]


def diff_database(
    db: str | Path, *, from_run: int | None = None, to_run: int | None = None, min_move: int = 3
) -> list[dict]:
    """Changes from the ranking of ``from_run`` (default: the one before) to that of ``to_run``
    (default: the latest), as `scoring.diff.diff_rankings` rows (columns: `DIFF_COLUMNS`)."""
    to_id, new_rows = load_snapshot(db, to_run, "--to")
    if from_run is None:
        from_run = previous_run(db, to_id)
    _, old_rows = load_snapshot(db, from_run, "--from")
    return diff_rankings(old_rows, new_rows, min_move=min_move)
