"""Machine-readable files of a blog: RSS and Atom feeds, sitemap, robots.txt, OPML blogroll."""

from __future__ import annotations

from xml.sax.saxutils import escape

from crawler.sandbox.model import Blog, http_date, iso
from crawler.sandbox.pages import BlogPages


def rss(blog: Blog, pages: BlogPages) -> str:
    """RSS 2.0 feed of the ten newest posts."""
    items = []
    for post in blog.posts[:10]:
        url = blog.url(post.path)
        items.append(
            f"<item><title>{escape(post.title)}</title><link>{escape(url)}</link>"
            f'<guid isPermaLink="true">{escape(url)}</guid><pubDate>{http_date(post.published)}</pubDate>'
            f"<dc:creator>{escape(blog.author)}</dc:creator>"
            f"<description>{escape(pages.excerpt(post, 50))}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{escape(blog.title)}</title><link>{blog.home_url}</link>"
        f'<atom:link href="{escape(blog.feed_url or "")}" rel="self" type="application/rss+xml"/>'
        f"<description>{escape(blog.title)}</description><language>{blog.lang}</language>"
        f"<lastBuildDate>{http_date(blog.last_post)}</lastBuildDate>\n" + "\n".join(items) + "\n</channel>\n</rss>\n"
    )


def atom(blog: Blog, pages: BlogPages) -> str:
    """Atom 1.0 feed of the ten newest posts."""
    entries = []
    for post in blog.posts[:10]:
        url = blog.url(post.path)
        entries.append(
            f"<entry><title>{escape(post.title)}</title>"
            f'<link rel="alternate" type="text/html" href="{escape(url)}"/><id>{escape(url)}</id>'
            f"<published>{iso(post.published)}</published><updated>{iso(post.modified)}</updated>"
            f"<author><name>{escape(blog.author)}</name></author>"
            f'<summary type="text">{escape(pages.excerpt(post, 50))}</summary></entry>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{blog.lang}">\n'
        f"<title>{escape(blog.title)}</title><id>{blog.home_url}</id>"
        f'<link rel="alternate" type="text/html" href="{blog.home_url}"/>'
        f'<link rel="self" type="application/atom+xml" href="{escape(blog.feed_url or "")}"/>'
        f"<updated>{iso(blog.last_post)}</updated>\n" + "\n".join(entries) + "\n</feed>\n"
    )


def sitemap(blog: Blog) -> str:
    """XML sitemap: home, posts and static pages."""
    urls = [(blog.home_url, blog.last_post)]
    urls += [(blog.url(p.path), p.modified) for p in blog.posts]
    urls += [(blog.url(blog.page_path(n)), blog.created) for n in blog.static_pages() if n != "private"]
    body = "\n".join(f"<url><loc>{escape(u)}</loc><lastmod>{d.isoformat()}</lastmod></url>" for u, d in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}\n</urlset>\n'
    )


def robots(blog: Blog) -> str:
    """robots.txt: allow all (or all but /privat/), with a Sitemap line."""
    lines = ["User-agent: *"]
    if "private" in blog.features:
        lines.append("Disallow: /privat/")
    elif blog.cms == "wordpress":
        lines += ["Disallow: /wp-admin/", "Allow: /wp-admin/admin-ajax.php"]
    else:
        lines.append("Disallow:")
    lines += ["", f"Sitemap: {blog.url('/sitemap.xml')}", ""]
    return "\n".join(lines)


def opml(blog: Blog) -> str:
    """OPML blogroll file with one outline per blog."""
    outlines = "\n".join(
        f'<outline text="{escape(name, {chr(34): "&quot;"})}" type="link" htmlUrl="{escape(url)}"/>'
        for url, name in blog.blogroll
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n'
        f"<head><title>{escape(blog.title)} Blogroll</title></head>\n<body>\n{outlines}\n</body>\n</opml>\n"
    )
