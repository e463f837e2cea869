"""The SQLite pipeline: batches written by its writer thread, a failing batch logged, the rest kept."""

import logging

from crawler.engine.pipelines import SQLitePipeline
from crawler.items import PageItem, SiteItem
from crawler.storage import db as dbmod


def pipeline_for(tmp_path, **kwargs):
    path = tmp_path / "crawl.db"
    run_id = dbmod.start_run(dbmod.connect(path), "crawl", ["https://anna.de/"], {})
    pipeline = SQLitePipeline(str(path), run_id, **kwargs)
    pipeline.open_spider()
    return pipeline, path


def test_pipeline_stores_every_batch(tmp_path):
    pipeline, path = pipeline_for(tmp_path, batch_size=3)
    for i in range(10):
        pipeline.process_item(SiteItem(f"blog{i}.de", f"https://blog{i}.de/", "candidate", 1))
    pipeline.process_item(
        PageItem(
            url="https://blog1.de/",
            site="blog1.de",
            status=200,
            page_kind="home",
            links=[("https://blog2.de/", "blogroll", "Blog 2", "")],
        )
    )
    pipeline.close_spider()
    db = dbmod.connect(path)
    assert db["sites"].count == 10
    assert [r["to_site"] for r in db["links"].rows] == ["blog2.de"]
    assert db.execute("SELECT pages FROM sites WHERE site = 'blog1.de'").fetchone()[0] == 1  # counts refreshed


def test_failing_batch_is_logged_and_later_batches_are_stored(tmp_path, caplog):
    pipeline, path = pipeline_for(tmp_path, batch_size=1)
    caplog.set_level(logging.ERROR, logger="crawler.engine.pipelines")
    pipeline.process_item(SiteItem("ok.de", "https://ok.de/", "candidate", 1))
    pipeline.process_item(SiteItem("bad.de", "https://bad.de/", "candidate", hops={"not": "a number"}))
    pipeline.process_item(SiteItem("later.de", "https://later.de/", "candidate", 2))
    pipeline.close_spider()
    assert {r["site"] for r in dbmod.connect(path)["sites"].rows} == {"ok.de", "later.de"}
    assert "could not store 1 crawl items" in caplog.text


def test_empty_pipeline_closes_cleanly(tmp_path):
    pipeline, path = pipeline_for(tmp_path)
    pipeline.close_spider()
    assert dbmod.connect(path)["sites"].count == 0
