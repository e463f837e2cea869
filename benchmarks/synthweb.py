"""A synthetic blogosphere of any size, served by nginx from three templates (no rendering).

Every host ``b<digits>.de`` is a small blog: home page, feed, about, contact and Impressum pages
and dated posts, all from one HTML template; its blogroll links ten other blogs whose names
append one digit to its own (``b12.de`` links ``b120.de`` … ``b129.de``), so the seeds
``b1.de`` … ``b4.de`` reach 4·10ʰ blogs at ``h`` hops. nginx fills the host names in with
``sub_filter`` and a ``map``, so it serves any number of blogs at nginx speed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from staticweb import NginxWeb, free_port, nginx_preamble, start_nginx

SEEDS = [f"http://b{i}.de/" for i in range(1, 5)]
_WORDS = (
    "content marketing social media seo strategie reichweite leser kooperation blog "
    "beitrag thema zielgruppe analyse redaktion planung netzwerk"
).split()


def _paragraphs(n: int) -> str:
    out = []
    for i in range(n):
        words = [_WORDS[(i * 7 + j * 3) % len(_WORDS)] for j in range(60)]
        out.append("<p>" + " ".join(words).capitalize() + ".</p>")
    return "\n".join(out)


PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>@HOST@ - Ein Blog über Marketing</title>
<meta name="description" content="Notizen zu Content-Marketing auf @HOST@">
<meta name="generator" content="WordPress 6.4">
<link rel="alternate" type="application/rss+xml" title="Feed" href="/feed/">
</head><body>
<header><nav><a href="/">Start</a> <a href="/ueber-mich/">Über mich</a> <a href="/kontakt/">Kontakt</a>
<a href="/impressum/">Impressum</a></nav></header>
<main><article class="post hentry"><h2 class="entry-title"><a href="/2025/03/beitrag-eins/">Beitrag eins</a></h2>
<time datetime="2025-03-02">2. März 2025</time><div class="entry-content">@TEXT@</div></article>
<article class="post hentry"><h2 class="entry-title"><a href="/2025/02/beitrag-zwei/">Beitrag zwei</a></h2>
<time datetime="2025-02-02">2. Februar 2025</time></article>
<article class="post hentry"><h2 class="entry-title"><a href="/2025/01/beitrag-drei/">Beitrag drei</a></h2>
<time datetime="2025-01-02">2. Januar 2025</time></article></main>
<aside class="sidebar"><section class="widget widget_links"><h2>Blogroll</h2><ul>
@ROLL@
</ul></section></aside>
<footer><p>Kontakt: redaktion@@HOST@</p></footer>
</body></html>
""".replace("@TEXT@", _paragraphs(8))
ROLL = "\n".join(f'<li><a href="http://@C{d}@/">Blog @C{d}@</a></li>' for d in range(10))
PAGE = PAGE.replace("@ROLL@", ROLL)
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>@HOST@</title><link>http://@HOST@/</link>
<item><title>Beitrag eins</title><link>http://@HOST@/2025/03/beitrag-eins/</link><pubDate>Sun, 02 Mar 2025 10:00:00 +0000</pubDate></item>
<item><title>Beitrag zwei</title><link>http://@HOST@/2025/02/beitrag-zwei/</link><pubDate>Sun, 02 Feb 2025 10:00:00 +0000</pubDate></item>
<item><title>Beitrag drei</title><link>http://@HOST@/2025/01/beitrag-drei/</link><pubDate>Thu, 02 Jan 2025 10:00:00 +0000</pubDate></item>
</channel></rss>
"""
ROBOTS = "User-agent: *\nAllow: /\n"


def nginx_config(root: Path, workdir: Path, port: int) -> str:
    maps = "\n".join(
        f'  map $host $c{d} {{ "~^b(?<n>[0-9]+)\\.de$" "b${{n}}{d}.de"; default "b1{d}.de"; }}' for d in range(10)
    )
    subs = "\n".join(f"      sub_filter '@C{d}@' '$c{d}';" for d in range(10))
    return f"""{nginx_preamble(workdir)}
  types {{ text/html html; application/rss+xml xml; text/plain txt; }}
  charset utf-8;
  charset_types text/html application/rss+xml text/plain;
  keepalive_requests 1000000;
{maps}
  server {{
    listen 127.0.0.1:{port} reuseport;
    server_name _;
    root {root};
    sub_filter_once off;
    sub_filter_types application/rss+xml;
    location = /robots.txt {{ try_files /robots.txt =404; }}
    location = /feed/ {{ sub_filter '@HOST@' '$host'; try_files /feed.xml =404; }}
    location / {{
      sub_filter '@HOST@' '$host';
{subs}
      try_files /page.html =404;
    }}
  }}
}}
"""


class SynthWeb(NginxWeb):
    """nginx serving the synthetic blogosphere on a free loopback port (``with SynthWeb() as web``)."""

    def __init__(self, nginx: str = "nginx"):
        super().__init__(Path("."), {}, nginx)

    def start(self) -> SynthWeb:
        self._tmp = tempfile.TemporaryDirectory(prefix="blogscout-synth-")
        work = Path(self._tmp.name)
        root = work / "www"
        root.mkdir()
        work.chmod(0o755)
        root.chmod(0o755)
        (root / "page.html").write_text(PAGE, encoding="utf-8")
        (root / "feed.xml").write_text(FEED, encoding="utf-8")
        (root / "robots.txt").write_text(ROBOTS, encoding="utf-8")
        self.port = free_port()
        self.proc = start_nginx(self.nginx, nginx_config(root, work, self.port), work, self.port)
        return self
