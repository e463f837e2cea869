"""What changed between two ranking snapshots: new, rising, falling, dead, gone, new contacts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

CONTACT_FIELDS = ("emails", "contact_url", "impressum_url", "social")
DIFF_COLUMNS = ["change", "site", "old_rank", "new_rank", "moved", "score", "title", "url", "detail"]
CHANGE_ORDER = {"new": 0, "rose": 1, "fell": 2, "went_dead": 3, "disappeared": 4, "contact_changed": 5}


def diff_rankings(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]], *, min_move: int = 1
) -> list[dict]:
    """Rows describing each change from ``old`` to ``new`` (ranking rows keyed by ``site``).

    A blog moved when its rank changed by at least ``min_move``; it went dead when it had recent
    posts before and has none now; contact changes compare e-mails, contact/Impressum URLs and
    social profiles.

    >>> [r["change"] for r in diff_rankings([{"site": "a.de", "rank": 1}], [{"site": "b.de", "rank": 1}])]
    ['new', 'disappeared']
    """
    before = {r["site"]: r for r in old}
    after = {r["site"]: r for r in new}
    out = []
    for site, row in after.items():
        prev = before.get(site)
        if prev is None:
            out.append(_change("new", row, None, row, f"found via {row.get('found_via') or 'the crawl'}"))
            continue
        moved = int(prev["rank"]) - int(row["rank"])
        if abs(moved) >= min_move:
            out.append(_change("rose" if moved > 0 else "fell", row, prev, row, f"{moved:+d} places"))
        if _active(prev) and not _active(row):
            out.append(_change("went_dead", row, prev, row, f"last post {row.get('last_post') or 'unknown'}"))
        changed = [f for f in CONTACT_FIELDS if _norm(prev.get(f)) != _norm(row.get(f))]
        if changed:
            detail = "; ".join(f"{f}: {prev.get(f) or '-'} -> {row.get(f) or '-'}" for f in changed)
            out.append(_change("contact_changed", row, prev, row, detail))
    for site, prev in before.items():
        if site not in after:
            out.append(_change("disappeared", prev, prev, None, "no longer ranked (gone, excluded or not a blog)"))
    out.sort(
        key=lambda r: (CHANGE_ORDER[r["change"]], r["new_rank"] if r["new_rank"] != "" else r["old_rank"], r["site"])
    )
    return out


def _change(kind: str, row, prev, cur, detail: str) -> dict:
    old_rank = prev["rank"] if prev else ""
    new_rank = cur["rank"] if cur else ""
    moved = (int(old_rank) - int(new_rank)) if prev and cur else ""
    return {
        "change": kind,
        "site": row["site"],
        "old_rank": old_rank,
        "new_rank": new_rank,
        "moved": moved,
        "score": cur.get("score", "") if cur else "",
        "title": row.get("title", ""),
        "url": row.get("url", ""),
        "detail": detail,
    }


def _active(row: Mapping[str, Any]) -> bool:
    """Posts in the recent window recorded for the blog."""
    try:
        return float(row.get("posts_180d", row.get("activity")) or 0) > 0
    except (TypeError, ValueError):
        return False


def _norm(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(sorted(str(v) for v in value))
    return " ".join(sorted(str(value or "").replace(",", " ").split()))
