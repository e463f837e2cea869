"""Scrapy settings of blogscout: polite by default. Project options are prefixed BLOGSCOUT_."""

from crawler import __version__, defaults

BOT_NAME = "blogscout"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = f"blogscout/{__version__} (+https://github.com/blogscout/blogscout; finds blog cooperation partners)"

# Politeness: robots.txt, few requests per site, adaptive delays.
ROBOTSTXT_OBEY = True
# Downloads in progress (and requests waiting for robots.txt) at once. The scheduler's queue hands
# the downloader a host's request only when the host may take it, and a request waiting out its
# host's delay does not count here
# (`crawler.engine.downloader`): a new host's first request is never kept back by other hosts'
# delays (in Scrapy's count, 16 made a 100-blog sandbox crawl at 1 s a host 6.5x slower than its bound).
CONCURRENT_REQUESTS = 128
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
DOWNLOADER = "crawler.engine.downloader.SteadyDownloader"  # the jitter averages to DOWNLOAD_DELAY
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Bounded work per request.
DOWNLOAD_TIMEOUT = 20
DNS_TIMEOUT = 10
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
DOWNLOAD_MAXSIZE = 4 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0  # oversized pages are cancelled and recorded as errors instead
COOKIES_ENABLED = False
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
    "Accept-Language": "de,en;q=0.8",
}

# The spider's output is handled by plain synchronous code: Scrapy's default of 100 parallel
# item tasks per response only costs task creation (~10% of a crawl's CPU, measured).
CONCURRENT_ITEMS = 4
# Global priorities at a constant cost per request (Scrapy's default scans every pending host),
# a host's requests in priority order too, never more of them in the downloader than it may take.
SCHEDULER_PRIORITY_QUEUE = "crawler.engine.pqueue.SlotAwarePriorityQueue"
DUPEFILTER_CLASS = "crawler.engine.dupefilter.CompactDupeFilter"  # 8 bytes a request, in a file
# With the frontier on disk (BLOGSCOUT_DISK_QUEUE), the newest requests stay in RAM up to a budget.
SCHEDULER_DISK_QUEUE = "crawler.engine.spillqueue.SpillQueue"

# Idle connections kept per endpoint up to CONCURRENT_REQUESTS: through an HTTP proxy every host
# shares the proxy's endpoint (measured: 3,132 new connections for ~4,000 requests before, 64 after).
DOWNLOAD_HANDLERS = {
    "http": "crawler.engine.handlers.PooledHTTPDownloadHandler",
    "https": "crawler.engine.handlers.PooledHTTPDownloadHandler",
}

# Nothing listens on this machine's ports on behalf of the crawl.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Every middleware runs for every request or every spider output. Off: what blogscout does not use
# (allowed_domains, HTTP auth, Scrapy's depth counting: the spider counts hops itself) or does
# more strictly itself (URL length: crawler.extract.traps), and a developer's check on copied meta.
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware": None,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.engine.robots.RobotsTxt": 100,
    "crawler.engine.robotsfetch.StoredRobotsTxt": 110,  # robots.txt fetched within the day, from the database
    "crawler.engine.robotsfetch.RobotsTxtSlot": 120,  # robots.txt outside the host's delay
    "crawler.engine.conditional.ConditionalRequests": 560,  # after redirects are created, before the download
    "crawler.engine.middlewares.PrivateAddressGuard": 50,
    "crawler.engine.middlewares.RedirectLoopGuard": 650,  # sees 3xx answers before RedirectMiddleware (600)
    "crawler.engine.middlewares.PrivateRedirectGuard": 640,  # a 3xx to a private address fails its request
    "crawler.engine.middlewares.MovedHomeRedirect": 630,  # a home page's 3xx to another site is followed
}
ITEM_PIPELINES = {"crawler.engine.pipelines.SQLitePipeline": 300}
EXTENSIONS = {"crawler.engine.extensions.Progress": 500, "crawler.engine.extensions.RequestLog": 510}

LOG_LEVEL = "WARNING"
LOG_INSTALL_ROOT_HANDLER = False  # the CLI configures logging
STATS_DUMP = False

# blogscout's own settings, declared with their defaults and help in crawler.defaults.SETTINGS.
globals().update(defaults.setting_defaults())
