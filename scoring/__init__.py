"""blogscout scoring: link graph, topical relevance, ranking and export (no Scrapy here)."""
