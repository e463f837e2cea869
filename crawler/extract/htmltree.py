"""Decode HTML bytes with the right charset, parse them once into an lxml tree, read its visible text."""

from __future__ import annotations

import codecs
import logging
import re

from lxml import etree, html

log = logging.getLogger(__name__)

MAX_HTML_CHARS = 3_000_000  # pages beyond this are cut before parsing

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# Declared Latin-1 is nearly always Windows-1252 in practice (curly quotes, euro sign).
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "windows-1252": "cp1252",
}


def _lookup(name: str | None) -> str | None:
    """Normalised Python codec name for a declared charset, or None if unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def sniff_charset(head: bytes) -> str | None:
    """Charset named by a BOM or a ``<meta charset>`` in the first bytes of a page."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    match = _META_CHARSET_RE.search(head[:4096])
    return _lookup(match.group(1).decode("ascii", "ignore")) if match else None


def decode_html(body: bytes | str, encoding: str | None = None) -> str:
    """Text of a page: HTTP charset hint, then BOM/meta charset, then UTF-8, then cp1252.

    A declared charset that cannot decode the bytes is ignored (servers often claim UTF-8 for
    Latin-1 pages), so German Umlauts come out right either way.
    """
    if isinstance(body, str):
        text = body
    else:
        text = _decode_bytes(body, encoding)
    text = _CONTROL_RE.sub("", text[:MAX_HTML_CHARS])
    return _XML_DECL_RE.sub("", text, count=1)


def _decode_bytes(body: bytes, encoding: str | None) -> str:
    """Try the candidate charsets in order; cp1252 with replacement as the last resort."""
    sniffed = sniff_charset(body[:4096])
    candidates = []
    for name in (sniffed if sniffed and sniffed.startswith("utf-16") else None, _lookup(encoding), sniffed, "utf-8"):
        if name and name not in candidates:
            candidates.append(name)
    for name in candidates:
        try:
            return body.decode(name).lstrip("\ufeff")
        except (UnicodeDecodeError, LookupError):
            continue
    return _mostly_utf8(body) or body.decode("cp1252", errors="replace")


def _mostly_utf8(body: bytes) -> str | None:
    """UTF-8 with replacement characters when valid multi-byte characters outnumber broken bytes.

    A UTF-8 page with a few broken bytes keeps its Umlauts instead of turning into cp1252
    mojibake; a Latin-1 page has no valid multi-byte characters and returns None.
    """
    text = body.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - broken
    return text.lstrip("\ufeff") if valid > broken else None


def parse_html(text: str) -> html.HtmlElement | None:
    """Parse decoded HTML into an lxml tree; None when there is nothing to parse."""
    if not text or not text.strip():
        return None
    try:
        root = html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as err:
        log.debug("unparsable HTML: %s", err)
        return None
    return root


_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, recover=True, default_doctype=False)


# Elements that start a new line when a browser renders them (CSS display: block, list-item,
# table parts) and <br>: their text never runs into the text around them.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frame h1 h2 h3 h4 h5 h6 header hgroup hr html iframe
    legend li main menu nav noscript ol optgroup option p pre section summary table tbody td tfoot
    th thead title tr ul""".split()
)
_HIDDEN_TAGS = frozenset(("script", "style", "template"))


def visible_text(root: html.HtmlElement | None, limit: int = 300_000) -> str:
    """The text of the body outside scripts and styles, with a line break at every block boundary.

    ``<p>Kontakt: anna [at] blog [dot] de</p><p>Verantwortlich</p>`` reads as two lines, so an
    address never runs into the next paragraph. Stops after about ``limit`` characters.

    >>> visible_text(parse_html("<p>a <b>b</b></p><p>c<br>d</p><script>x()</script>e")).split()
    ['a', 'b', 'c', 'd', 'e']
    >>> [line for line in visible_text(parse_html("<div>x</div><div>y</div>")).splitlines() if line]
    ['x', 'y']
    """
    body = root.find("body") if root is not None else None
    if body is None:
        return ""
    parts: list[str] = []
    size = 0
    hidden = 0
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _HIDDEN_TAGS:
                hidden += 1
            elif tag in BLOCK_TAGS:
                parts.append("\n")
            if el.text and tag and not hidden:  # a comment's text is not shown
                parts.append(el.text)
                size += len(el.text)
            continue
        if tag in _HIDDEN_TAGS:
            hidden -= 1
        elif tag in BLOCK_TAGS:
            parts.append("\n")
        if el.tail and not hidden and el is not body:
            parts.append(el.tail)
            size += len(el.tail)
        if size > limit:
            break
    return "".join(parts)[:limit]
