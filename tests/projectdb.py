"""A small finished crawl built by hand, with names, cooperation pages and dated posts, for outreach tests."""

from __future__ import annotations

from pathlib import Path

from crawler.storage import db as dbmod

TEXT = "Content-Marketing und Social-Media-Marketing: Instagram-Strategien für Blogger.\nImpressum Datenschutz"
BLOGS = ("p.de", "k.de", "e.com", "q.de")


def _page(url: str, site: str, kind: str, title: str = "", published: str = "") -> dict:
    return {
        "url": url,
        "site": site,
        "run_id": 1,
        "fetched_at": "2024-06-30T09:00:00+00:00",
        "status": 200,
        "page_kind": kind,
        "content_type": "text/html",
        "title": title,
        "language": "de",
        "published": published,
        "text": TEXT,
    }


def _contact(site: str, kind: str, value: str, source: str = "") -> dict:
    return {"site": site, "kind": kind, "value": value, "run_id": 1, "source_url": source}


def build_project_db(path: Path) -> Path:
    """Seed s.de linking p.de, k.de, e.com, q.de; p.de has an Impressum name, a cooperation page, posts."""
    db = dbmod.connect(path)
    db["runs"].insert(
        {
            "id": 1,
            "started_at": "2024-06-30T08:00:00+00:00",
            "finished_at": "2024-06-30T10:00:00+00:00",
            "command": "crawl",
            "status": "finished",
            "seeds": '["https://s.de/"]',
            "options": '{"topic": "social media marketing"}',
            "stats": "{}",
        }
    )
    sites = [("s.de", "seed")] + [(b, "candidate") for b in BLOGS]
    db["sites"].insert_all(
        {
            "site": s,
            "home_url": f"https://{s}/",
            "role": role,
            "hops": 0 if role == "seed" else 1,
            "is_blog": 1,
            "language": "de",
            "title": f"Blog {s}",
            "found_via": "",
            "feed_url": "",
            "pages": 2,
        }
        for s, role in sites
    )
    pages = [_page("https://s.de/", "s.de", "home")]
    for b in BLOGS:
        pages.append(_page(f"https://{b}/", b, "home"))
        pages.append(_page(f"https://{b}/2024/06/neu/", b, "post", f"Neuer Beitrag auf {b}", "2024-06-20"))
        pages.append(_page(f"https://{b}/2024/05/alt/", b, "post", f"Alter Beitrag auf {b}", "2024-05-02"))
    pages.append(_page("https://p.de/impressum/", "p.de", "impressum", "Impressum"))
    db["pages"].insert_all(pages)
    db["links"].insert_all(
        {
            "run_id": 1,
            "from_url": "https://s.de/",
            "from_site": "s.de",
            "to_url": f"https://{b}/",
            "to_site": b,
            "kind": "blogroll",
            "anchor": "",
            "rel": "",
        }
        for b in BLOGS
    )
    db["contacts"].insert_all(
        [
            _contact("p.de", "email", "anna@p.de"),
            _contact("p.de", "email", "info@p.de"),
            _contact("p.de", "name", "Anna Beispielfrau", "https://p.de/impressum/"),
            _contact("p.de", "name", "Gast Autor", "https://p.de/2024/06/neu/"),
            _contact("p.de", "cooperation_url", "https://p.de/kooperationen/", "https://p.de/"),
            _contact("k.de", "email", "kai@k.de"),
            _contact("e.com", "email", "=cmd@e.com"),
        ]
    )
    db.close()
    return path
