"""Scrapy engine parts: middlewares, handlers, queues, duplicate filter, pipelines, workers, runner."""
