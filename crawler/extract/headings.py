"""Words that name link lists, contact, legal and about pages, in German and English."""

from __future__ import annotations

import re
from functools import lru_cache

_NON_WORD_RE = re.compile(r"[^\wäöüß]+", re.UNICODE)

# Headings of blogrolls and other link lists (matched against the whole normalised heading).
_BLOGROLL_PATTERNS = [
    r"(meine |unsere |die |my |our )?blog ?rolle?s?( \w+)?",
    r"(meine |unsere |weitere |externe |interessante |nützliche |empfohlene |coole |gute |"
    r"my |our |more |cool |useful |external |favou?rite |other )?(links?|weblinks|web links)",
    r"(meine |unsere )?(link ?liste|link ?tipps?|link ?sammlung|web ?tipps?|leseliste|lesetipps?)",
    r"(meine |unsere )?(blog ?freunde|freunde|friends|partner|partnerseiten|partner links|"
    r"partner blogs|partnerblogs|blogpartner|netzwerk|blogs|websites|webseiten|bloggers?)",
    r".*\bit partnerseiten",
    r"lesenswert(es)?( im netz| blogs)?",
    r"(blog|lese|leser|link|meine|unsere)? ?empfehlungen",
    r"(meine |unsere )?(befreundete|andere|weitere|tolle|lieblings|empfehlenswerte|interessante|"
    r"coole|gute|lesenswerte) ?blogs?( \w+)?",
    r"blogs?,? (die|denen|welche) (ich|wir) (gerne |gern |regelmäßig )?(lese|lesen|folge|folgen|mag|mögen)\w*",
    r"(hier )?lese ich( gerne| gern| mit)?",
    r"(other|more|favou?rite|recommended|great|cool|friendly|fellow) (blogs|sites|reads|bloggers)",
    r"(blogs|sites|people|folks) (i|we) (read|follow|like|love|enjoy)",
    r"links (i|we) (like|love)",
    r"(my )?reading list|recommended reading|webring|web ring|blogs? ?list|friends? of the blog",
    r"blogs? to follow|blogs? worth reading|links? of interest",
]
_BLOGROLL_RE = re.compile(r"^(?:" + "|".join(_BLOGROLL_PATTERNS) + r")\Z")

_PAGE_WORDS = {
    "blogroll": re.compile(
        r"\b(blog ?rolle?|link ?liste|links|link ?tipps|linksammlung|lesenswert|empfehlungen|"
        r"blogempfehlungen|partner|freunde|friends|webring|blogs i read|blogs die ich lese|reading list)\b"
    ),
    "impressum": re.compile(
        r"\b(impressum|imprint|legal notice|legal|anbieterkennzeichnung|"
        r"kontakt und impressum|impressum und datenschutz|site notice)\b"
    ),
    "contact": re.compile(
        r"\b(kontakt|contact|kontaktformular|contact us|get in touch|schreib mir|"
        r"kontaktiere mich|kontaktieren)\b"
    ),
    "about": re.compile(
        r"\b(über mich|über uns|ueber mich|ueber uns|uber mich|about|about me|about us|"
        r"wer ich bin|wer wir sind|team|das team|unser team|who we are|autor|autorin|"
        r"die autorin|der autor|about the author|meet the team)\b"
    ),
}
_PATH_WORDS = {
    "blogroll": re.compile(
        r"(^|[/_-])(blogroll|blogrolle|linkliste|links|linktipps|linksammlung|lesenswert|"
        r"partner|freunde|friends|webring|empfehlungen|blogempfehlungen)([/._-]|$)"
    ),
    "impressum": re.compile(
        r"(^|[/_-])(impressum|imprint|legal-notice|legal|anbieterkennzeichnung|"
        r"site-notice)([/._-]|$)"
    ),
    "contact": re.compile(r"(^|[/_-])(kontakt|contact|contact-us|kontaktformular)([/._-]|$)"),
    "about": re.compile(
        r"(^|[/_-])(about|about-me|about-us|ueber-mich|uber-mich|über-mich|ueber-uns|"
        r"uber-uns|über-uns|team|wer-wir-sind|wer-ich-bin|autor|autorin)([/._-]|$)"
    ),
}


def normalise(text: str) -> str:
    """Lower-case text with punctuation folded to single spaces."""
    return _NON_WORD_RE.sub(" ", text.lower()).strip()


def is_blogroll_heading(text: str) -> bool:
    """True when a heading names a blogroll or link list ("Blogroll", "Blogs, die ich lese")."""
    if not text or len(text) > 60:
        return False
    return bool(_BLOGROLL_RE.match(normalise(text)))


@lru_cache(maxsize=16384)
def page_role(anchor: str, path: str) -> str | None:
    """Which special page a same-site link points to, judged by anchor text and URL path."""
    words = normalise(anchor)[:60]
    path = path.lower()
    for role in ("impressum", "contact", "blogroll", "about"):
        if (words and len(words.split()) <= 4 and _PAGE_WORDS[role].search(words)) or _PATH_WORDS[role].search(path):
            return role
    return None
