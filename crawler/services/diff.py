"""Compare two ranking snapshots stored in a project database.

Snapshots are compared by ranking, not by crawl run: every `run`, `recrawl`, `rank --save` (and
the baseline a re-crawl stores first, see `crawler.services.rank.store_baseline`) adds one unless
it equals the latest, so two rankings of one run (another ``--topic``) compare as well as
rankings of two crawls. `history` lists them.
"""

from __future__ import annotations

import json
from pathlib import Path

from crawler.errors import NotStoredError
from crawler.services.rank import leave_out
from crawler.storage import db as dbmod
from scoring.diff import DIFF_COLUMNS, diff_rankings

__all__ = [
    "DIFF_COLUMNS",
    "describe_ranking",
    "diff_database",
    "history",
    "load_snapshot",
    "previous_ranking",
    "stored_rankings",
]


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
                raise NotStoredError(
                    f"{label}: no ranking stored in {db}; store one with 'blogscout rank --save --db {db}'"
                )
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
            f"{db}: only one ranking stored; re-crawl ('blogscout recrawl --db {db}') "
            "or store another with 'blogscout rank --save' to compare"
        )
    return older[-1]


def snapshot_command(options: dict) -> str:
    """Which command stored a snapshot: ``run``, ``recrawl``, ``rank``; ``... (before)`` for a baseline."""
    command = options.get("command") or "-"
    return f"{command} (before)" if options.get("baseline") else command


def history(db: str | Path, top: int = 3) -> list[dict]:
    """The stored snapshots, oldest first: ``id``, ``created_at``, ``run_id``, ``command``,
    ``topic``, ``rows`` (blogs ranked) and ``top`` (the first ``top`` sites)."""
    handle = dbmod.connect(db, create=False)
    try:
        if "rankings" not in handle.table_names():
            return []
        counts = dict(handle.execute("SELECT ranking_id, count(*) FROM ranking_rows GROUP BY ranking_id"))
        best: dict[int, list[str]] = {}
        for ranking_id, site in handle.execute(
            "SELECT ranking_id, site FROM ranking_rows WHERE rank <= ? ORDER BY ranking_id, rank", [top]
        ):
            best.setdefault(ranking_id, []).append(site)
        out = []
        for ranking in handle["rankings"].rows_where(order_by="id"):
            options = json.loads(ranking["options"] or "{}")
            out.append(
                {
                    "id": ranking["id"],
                    "created_at": ranking["created_at"],
                    "run_id": ranking["run_id"],
                    "command": snapshot_command(options),
                    "topic": options.get("topic") or "",
                    "rows": counts.get(ranking["id"], 0),
                    "top": best.get(ranking["id"], []),
                }
            )
        return out
    finally:
        handle.close()


def describe_ranking(ranking: dict) -> str:
    """``ranking 3 (run 2, topic 'seo', 2026-01-02 10:00)`` for messages."""
    options = json.loads(ranking.get("options") or "{}")
    topic = f", topic {options['topic']!r}" if options.get("topic") else ""
    when = (ranking.get("created_at") or "")[:16].replace("T", " ")
    return f"ranking {ranking['id']} (run {ranking['run_id']}{topic}, {when})"


def diff_database(
    db: str | Path,
    *,
    from_ranking: int | None = None,
    to_ranking: int | None = None,
    min_move: int = 3,
    left_out: frozenset[str] = frozenset(),
) -> tuple[dict, dict, list[dict]]:
    """Changes from ranking ``from_ranking`` (default: the one before) to ``to_ranking`` (default:
    the latest): ``(from ranking, to ranking, rows)``, rows as `scoring.diff.diff_rankings` makes
    them (columns: `DIFF_COLUMNS`). The sites ``left_out`` (the user's blog, excluded sites) are
    left out of both rankings."""
    new, new_rows = load_snapshot(db, to_ranking, "--to")
    if from_ranking is None:
        from_ranking = previous_ranking(db, new["id"])
    old, old_rows = load_snapshot(db, from_ranking, "--from")
    return old, new, diff_rankings(leave_out(old_rows, left_out), leave_out(new_rows, left_out), min_move=min_move)
