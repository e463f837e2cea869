"""A crawled and ranked sandbox project with hostile strings, for the report and web app tests."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import FAST, blogscout, served_world

HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Böse & <b>fett</b>'
SCRIPT_URL = "javascript:window.__pwned=2"


def make_project(folder: Path, world_seed: int = 3, blogs: int = 30) -> dict:
    """Crawl a generated blogosphere whose best-linked partner has a title made of markup, rank it.

    The ranking row of that blog then gets ``javascript:`` and ``data:`` URLs (as a database
    written by another tool could hold). Returns the database path, the hostile site and the seeds.
    """
    db = folder / "project.db"
    with served_world(world_seed, blogs) as (world, server):
        seed = next(b for b in world.blogs if b.label == "seed")
        rolled = {url.split("/")[2] for url, _ in seed.blogroll}
        hostile = next(b for b in world.blogs if b.label == "partner" and b.host in rolled)
        hostile.title = HOSTILE_TITLE
        crawl = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
        assert crawl.returncode == 0, crawl.stderr
    ranked = blogscout(
        "rank", "--db", str(db), "--out", str(folder / "partners.csv"), "--save", "--quiet", "--top", "0"
    )  # fmt: skip
    assert ranked.returncode == 0, ranked.stderr
    conn = sqlite3.connect(db)
    with conn:
        (row_json,) = conn.execute(
            "SELECT row FROM ranking_rows WHERE site = ? ORDER BY ranking_id DESC LIMIT 1", [hostile.site]
        ).fetchone()
        row = json.loads(row_json)
        assert row["title"] == HOSTILE_TITLE
        row.update(
            contact_url=SCRIPT_URL,
            impressum_url="data:text/html,<script>window.__pwned=3</script>",
            social=f"{SCRIPT_URL} https://social.example/{hostile.host}",
        )
        conn.execute("UPDATE ranking_rows SET row = ? WHERE site = ?", [json.dumps(row), hostile.site])
    conn.close()
    return {"db": db, "hostile": hostile.site, "seeds": [b.site for b in world.blogs if b.label == "seed"]}
