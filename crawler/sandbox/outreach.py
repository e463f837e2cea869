"""Who runs each sandbox blog and where it invites cooperations: Impressum variants, cooperation pages.

Deterministic from the blog's host, so every world built with the same seed looks the same.
`expected_name` and `cooperation_path` are the ground truth tests compare extraction with.
"""

from __future__ import annotations

import zlib
from html import escape

from crawler.sandbox.model import Blog

# (path, link text, page heading) per language; about a third of the blogs have one.
_COOPERATION_PAGES = {
    "de": [
        ("/kooperationen/", "Kooperationen", "Kooperationen"),
        ("/mediadaten/", "Mediadaten", "Mediadaten & Werbung"),
        ("/werben/", "Werben auf dem Blog", "Werbung"),
        ("/zusammenarbeit/", "Zusammenarbeit", "Zusammenarbeit"),
        ("/gastbeitrag/", "Gastautor werden", "Gastbeiträge"),
    ],
    "en": [
        ("/work-with-me/", "Work with me", "Work with me"),
        ("/media-kit/", "Media Kit", "Media kit"),
        ("/advertise/", "Advertise", "Advertise with us"),
        ("/collaborate/", "Collaborate", "Collaborations"),
    ],
}
IMPRINT_VARIANTS = ("tmg", "ddg", "owner", "company", "responsible")
_LABELS_WITH_PAGES = frozenset(("seed", "partner", "offtopic", "hub", "dead"))


def _pick(blog: Blog, salt: str, n: int) -> int:
    """A stable number in 0..n-1 for a blog."""
    return zlib.crc32(f"{salt}|{blog.host}".encode()) % n


def imprint_variant(blog: Blog) -> str:
    """Which Impressum layout the blog uses (see `imprint_paragraphs`)."""
    return IMPRINT_VARIANTS[_pick(blog, "imprint", len(IMPRINT_VARIANTS))]


def company_name(blog: Blog) -> str:
    """The firm a "company" Impressum names before the person who represents it."""
    return f"{blog.author.split()[-1]} Medien UG (haftungsbeschränkt)"


def imprint_paragraphs(blog: Blog, email_html: str) -> list[str]:
    """HTML paragraphs of the blog's Impressum in one of several real-world layouts."""
    author = escape(blog.author)
    street, city, country = (escape(part) for part in blog.address)
    address = f"{street}<br>{city}<br>{country}"
    variant = imprint_variant(blog)
    if variant == "ddg":
        head = ["Angaben gemäß § 5 DDG:", f"{author}<br>{address}"]
    elif variant == "owner":
        head = ["Anbieter dieser Website", f"Inhaber: {author}", address]
    elif variant == "company":
        head = ["Angaben gemäß § 5 TMG", f"{escape(company_name(blog))}<br>{address}", f"Vertreten durch: {author}"]
    elif variant == "responsible":
        head = [f"Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV:<br>{author}<br>{address}"]
    else:
        head = ["Angaben gemäß § 5 TMG", f"{author}<br>{address}"]
    return [*head, "E-Mail: " + email_html]


def cooperation_page(blog: Blog) -> tuple[str, str, str] | None:
    """``(path, link text, heading)`` of the blog's cooperation page, or None."""
    if blog.label not in _LABELS_WITH_PAGES or blog.cms == "blogger" or _pick(blog, "coop", 3) != 0:
        return None
    pages = _COOPERATION_PAGES[blog.lang]
    return pages[_pick(blog, "coop-page", len(pages))]


def cooperation_path(blog: Blog) -> str | None:
    """URL path of the blog's cooperation page (None without one)."""
    page = cooperation_page(blog)
    return page[0] if page else None


def cooperation_main(blog: Blog) -> str:
    """The `<main>` content of the cooperation page."""
    _, _, heading = cooperation_page(blog) or ("", "", "")
    if blog.lang == "de":
        text = (
            "Du möchtest mit mir zusammenarbeiten? Ich freue mich über Anfragen zu Kooperationen, "
            "Produkttests und Gastbeiträgen, die zu meinen Leserinnen und Lesern passen."
        )
    else:
        text = "Want to work together? I welcome sponsored posts, product reviews and guest posts that fit my readers."
    return f'<article class="page"><h1 class="entry-title">{escape(heading)}</h1><p>{escape(text)}</p></article>'


def expected_name(blog: Blog) -> str:
    """The name a strategist would write to: the blog's author."""
    return blog.author
