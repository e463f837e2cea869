"""Pure extraction: (html, url) in, links, feeds, signals, contacts and text out; never fetches."""
