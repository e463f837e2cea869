"""blogscout crawler: seed blogs, their blogrolls and neighbours, into SQLite."""

import os

# tldextract (also used by Scrapy's cookie middleware) must never fetch the Public Suffix
# List at run time: point it at nothing before Scrapy or tldextract is imported.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

__version__ = "0.1.0"
