"""The distributed crawl on Redis, behind the same contracts as the local one."""
