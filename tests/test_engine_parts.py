"""The engine parts blogscout replaces: the spill queue (RAM up to a budget, then disk), the seen set, connection reuse."""

import subprocess
import sys

import scrapy
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.engine.seenset import SeenSet
from crawler.engine.spillqueue import SpillQueue


class Spider(scrapy.Spider):
    name = "queue-test"

    def parse_page(self, response):
        return None


def crawler_with(in_memory: int):
    crawler = get_crawler(Spider, {"BLOGSCOUT_QUEUE_IN_MEMORY": in_memory})
    crawler.spider = Spider()
    return crawler


def request(i: int, spider: Spider) -> scrapy.Request:
    return scrapy.Request(f"http://blog{i}.de/", callback=spider.parse_page, meta={"site": f"blog{i}.de", "hops": 1})


def test_spill_queue_keeps_the_budget_in_ram_and_the_rest_on_disk(tmp_path):
    crawler = crawler_with(2)
    first, second = (SpillQueue.from_crawler(crawler, str(tmp_path / name)) for name in ("a", "b"))
    for i in range(3):
        first.push(request(i, crawler.spider))
    second.push(request(9, crawler.spider))
    assert len(first.memory) == 2 and len(first.disk) == 1
    assert len(second.memory) == 0 and len(second.disk) == 1  # the budget is shared by all queues
    assert len(first) == 3
    assert [first.pop().url for _ in range(3)] == ["http://blog1.de/", "http://blog0.de/", "http://blog2.de/"]
    second.push(request(8, crawler.spider))  # RAM freed by the pops is used again
    assert len(second.memory) == 1
    assert second.peek().url == "http://blog8.de/"


def test_spill_queue_restores_from_disk_what_was_in_ram_at_close(tmp_path):
    crawler = crawler_with(10)
    queue = SpillQueue.from_crawler(crawler, str(tmp_path / "q"))
    for i in range(4):
        queue.push(request(i, crawler.spider))
    queue.close()
    reopened = SpillQueue.from_crawler(crawler_with(10), str(tmp_path / "q"))
    assert len(reopened) == 4
    popped = [reopened.pop() for _ in range(4)]
    assert [r.url for r in popped] == [f"http://blog{i}.de/" for i in (3, 2, 1, 0)]
    assert popped[0].meta["site"] == "blog3.de" and popped[0].callback.__name__ == "parse_page"


def test_empty_spill_queue(tmp_path):
    queue = SpillQueue.from_crawler(crawler_with(0), str(tmp_path / "q"))
    assert len(queue) == 0 and queue.pop() is None
    queue.push(request(1, Spider()))
    assert len(queue.memory) == 0 and len(queue) == 1


def test_seen_set_answers_across_merges(tmp_path):
    seen = SeenSet(buffer=3, directory=tmp_path)
    urls = [f"http://blog{i}.de/post/{i}" for i in range(20)]
    seen.update(urls)
    assert all(url in seen for url in urls)
    assert "http://blog99.de/" not in seen
    assert len(seen) == 20
    seen.close()


def test_empty_seen_set(tmp_path):
    seen = SeenSet(directory=tmp_path)
    assert "http://a.de/" not in seen and len(seen) == 0
    seen.close()


def test_download_handler_keeps_a_connection_per_request_in_flight():
    """Through a proxy all hosts share one endpoint: idle connections are kept for all requests in flight."""
    script = (
        "from scrapy.utils.reactor import install_reactor\n"
        "install_reactor('twisted.internet.asyncioreactor.AsyncioSelectorReactor')\n"
        "from scrapy.utils.test import get_crawler\n"
        "from crawler.engine.handlers import PooledHTTPDownloadHandler\n"
        "crawler = get_crawler(settings_dict={'CONCURRENT_REQUESTS': 32, 'CONCURRENT_REQUESTS_PER_DOMAIN': 2})\n"
        "print(PooledHTTPDownloadHandler(crawler)._pool.maxPersistentPerHost)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["32"], out.stderr[-2000:]  # Scrapy's own handler keeps 2
    settings = Settings()
    settings.setmodule(project_settings)
    assert settings.getdict("DOWNLOAD_HANDLERS")["http"] == "crawler.engine.handlers.PooledHTTPDownloadHandler"
