"""Scrapy spiders of blogscout."""
