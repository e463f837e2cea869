"""The person behind a blog, from a parsed page: Impressum, author metadata, about-page greetings.

Pure: `contact_names(root, jsonld)` reads an lxml tree and returns names best first. Sources in
order of trust: the Impressum ("Angaben gemäß § 5 TMG/DDG", "Verantwortlich für den Inhalt",
"Inhaber", "Vertreten durch" — German law requires a person there), schema.org ``Person``
JSON-LD, ``<meta name="author">``, ``rel="author"`` links, then greetings such as "Hallo, ich bin
Anna" or "Hi, I'm Ben". `person_name` refuses what is not a person's name: company legal forms,
streets and postcodes, user names, team and magazine names.

trafilatura's metadata extractor is not used: it costs ~46 ms a page here (four times the rest
of the extraction) and turns user names into names ("eseppelt" becomes "Eseppelt").
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator

from lxml import etree, html

log = logging.getLogger(__name__)

MAX_NAMES = 3

_LEGAL_FORMS = re.compile(
    r"(?<![\w])(gmbh|ggmbh|mbh|ug|ag|kg|ohg|gbr|e\.\s?k\.|e\.\s?kfm|e\.\s?v\.|ev|ltd|llc|inc|corp|plc|s\.a\.|sarl|"
    r"sas|bv|b\.v\.|co\.|kgaa|se|limited|partg)(?![\w])",
    re.I,
)
_STREET = re.compile(
    r"(stra(ss|ß)e|str\.|weg\b|platz\b|allee\b|gasse\b|ring\b|damm\b|ufer\b|chaussee|street|road|avenue|"
    r"postfach|\bd-\d|\b\d{4,5}\b)",
    re.I,
)
_TITLES = re.compile(
    r"^(?:(?:herr|frau|mr|mrs|ms|dr|prof|dipl\.?-?\w*|mag|rechtsanw(?:a|ä)lt(?:in)?|ra|ing)\.?\s+)+", re.I
)
_PARTICLES = frozenset("von van de der den zu vom zum di da le la del dos du ten ter y e bin al".split())
_NOT_NAMES = frozenset(
    """
    admin administrator anonymous anonym unknown gast guest redaktion team editor editors staff autor autorin
    author impressum kontakt contact datenschutz deutschland germany österreich schweiz austria telefon
    tel fax email e-mail mail website internet blog magazin magazine online news media medien verlag
    verein stiftung zeitung presse institut amt agentur agency studio shop gruppe group the die der das
    ein eine mein meine unser unsere hier wir ich herr frau dr prof mama papa mutter vater bloggerin blogger
    foodbloggerin foodblogger fan gründer gründerin inhaber inhaberin geschäftsführer geschäftsführerin
    verantwortlich angaben gemäß tmg ddg rstv mstv staff report wieder da und and mit with www http https
    articles article posts foundation antworten statistik navigation ja nein tenor
    """.split()
)
_NOUN_ENDINGS = ("erin", "erinnen", "autorin", "bloggerin", "blogger", "junkie", "istin", "ist", "ung", "heit", "keit")
_WORD = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüßéèáàíóúñçëï]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàíóúñçëï]+)?|[A-ZÄÖÜ]\.)\Z")

# Impressum markers at the start of a line: the name follows after a colon or on the next lines.
_MARKER = re.compile(
    r"\s*(?:impressum\s*)?(?:angaben\s+gem(?:ä|ae|a)(?:ß|ss)\s*§+\s*5\s*(?:tmg|ddg)|verantwortlich(?:e|er)?\s+"
    r"(?:f(?:ü|ue)r\s+(?:den\s+)?inhalt|i\.?\s?s\.?\s?d\.?)|responsible\s+for\s+(?:the\s+)?content|"
    r"v\.\s?i\.\s?s\.\s?d\.\s?p\.|inhaber(?:in)?\b|vertreten\s+durch\b|gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?\b|"
    r"betreiber(?:in)?\b|herausgeber(?:in)?\b|owner\b|betrieben\s+von\b)[^:\n]{0,60}?(?::|$)",
    re.I,
)
# Cheap test of the flat text: is there an Impressum block worth splitting the page into lines for?
_MARKER_HINT = re.compile(
    r"gem(?:ä|ae|a)(?:ß|ss)\s*§+\s*5|verantwortlich(?:e|er)?\s+(?:f(?:ü|ue)r\s+(?:den\s+)?inhalt|i\.?\s?s\.?\s?d)|"
    r"v\.\s?i\.\s?s\.\s?d\.\s?p|(?:inhaber(?:in)?|vertreten\s+durch|gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?|"
    r"betreiber(?:in)?|herausgeber(?:in)?|owner|responsible\s+for\s+(?:the\s+)?content[^:\n]{0,40})\s*:",
    re.I,
)
_GREETING = re.compile(
    r"(?i:\b(?:hallo|hi|hey|moin|servus|hello|willkommen|welcome)\b[^.!?\n]{0,25}?[,!.]?\s*"
    r"(?:ich\s+bin|i\s*['’]?\s*a?m)|\bmein\s+name\s+ist|\bich\s+hei(?:ß|ss)e|\bmy\s+name\s+is)\s+"
    r"((?:[A-ZÄÖÜ][\w.'’-]*)(?:[ \t]+(?:(?:von|van|de|der|zu)[ \t]+)?[A-ZÄÖÜ][\w'’-]*){0,2})"
)
_GREETING_HINTS = ("ich bin", "i'm", "i’m", "i am", "mein name", "ich hei", "my name")
_MARKER_HINTS = (
    "§",
    "v.i.s.d",
    "i.s.d",
    "verantwortlich",
    "inhaber",
    "vertreten",
    "schäftsf",
    "chaeftsf",
    "betreiber",
    "herausgeber",
    "owner",
    "responsible",
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol dd dt dl h1 h2 h3 h4 h5 h6 tr td th table section article header footer address aside "
    "blockquote pre nav main form".split()
)
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg"))
MAX_LINES = 4000
MAX_JSONLD = 200_000


def person_name(text: str | None) -> str:
    """``text`` as a person's name ('' when it is not one): 1–4 capitalised words, no firm or street.

    >>> person_name("  Anna  Beispiel "), person_name("Muster GmbH"), person_name("Hauptstraße 5")
    ('Anna Beispiel', '', '')
    >>> person_name("Frank Bueltge - http://bueltge.de"), person_name("eseppelt"), person_name("Ludwig van Beethoven")
    ('Frank Bueltge', '', 'Ludwig van Beethoven')
    """
    if not text:
        return ""
    text = " ".join(str(text).split())
    if _LEGAL_FORMS.search(text):
        return ""
    text = re.split(r"\s+[-–—|/]\s+|,|;|\(|\bund\b|\band\b|&", text, maxsplit=1)[0].strip(" :.")
    text = re.sub(_TITLES, "", text)
    words = text.split()
    if not words or len(words) > 4 or len(text) > 60:
        return ""
    if _STREET.search(text) or any(ch.isdigit() for ch in text):
        return ""
    core = [w for w in words if w.lower() not in _PARTICLES]
    if not core or words[0].lower() in _PARTICLES and len(words) > 1 and words[0][0].islower():
        return ""
    for word in core:
        low = word.lower()
        if not _WORD.match(word) or low in _NOT_NAMES:
            return ""
        if len(core) == 1 and low.endswith(_NOUN_ENDINGS):
            return ""
    if all(re.fullmatch(r"[A-ZÄÖÜ]\.", w) for w in core):
        return ""
    return " ".join(words)


def text_lines(root: html.HtmlElement) -> list[str]:
    """Visible text of the body as lines, broken at block elements and ``<br>``."""
    body = root.find("body")
    if body is None:
        body = root
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS or not tag:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    try:
        walk(body)
    except RecursionError:  # absurdly deep markup: fall back to the flat text
        return [" ".join(etree.tostring(body, method="text", encoding=str).split())]
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line][:MAX_LINES]


def impressum_names(lines: list[str]) -> Iterator[str]:
    """Names after Impressum markers ("Angaben gemäß § 5 TMG", "Inhaberin:", "Vertreten durch:")."""
    for i, line in enumerate(lines):
        match = _MARKER.match(line)
        if match:
            rest = line[match.end() :].strip(" :")
            following = [rest] if rest else []
            following += lines[i + 1 : i + 4]
            for candidate in following:
                name = person_name(candidate)
                if name:
                    yield name
                    break
                if _STREET.search(candidate) or _MARKER.search(candidate):
                    break  # the address began: no name in this block


def greeting_names(text: str) -> Iterator[str]:
    """Names in greetings: "Hallo, ich bin Anna", "Mein Name ist Tobias", "Hi, I'm Ben"."""
    for match in _GREETING.finditer(text):
        name = person_name(match.group(1))
        if name:
            yield name


def jsonld_people(root: html.HtmlElement) -> Iterator[str]:
    """Names of schema.org ``Person`` objects (authors, founders) in the page's JSON-LD."""
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or "Person" not in (el.text or ""):
            continue
        try:
            data = json.loads(el.text[:MAX_JSONLD])
        except ValueError:
            continue
        yield from _persons(data, 0)


def _persons(node: object, depth: int) -> Iterator[str]:
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node:
            yield from _persons(item, depth + 1)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "Person" in kinds and isinstance(node.get("name"), str):
            yield node["name"]
        for key in ("author", "creator", "founder", "@graph", "publisher", "mainEntity"):
            if key in node:
                yield from _persons(node[key], depth + 1)


def meta_authors(root: html.HtmlElement) -> Iterator[str]:
    """``<meta name="author">`` values and the text of ``rel="author"`` links."""
    for el in root.iter("meta"):
        if (el.get("name") or "").strip().lower() in ("author", "dc.creator", "article:author"):
            yield el.get("content") or ""
    for el in root.iter("a"):
        if "author" in (el.get("rel") or "").lower().split():
            yield el.text_content()


def _windows(text: str, low: str, keys: tuple[str, ...], before: int, after: int) -> Iterator[str]:
    """Stretches of ``text`` around each occurrence of a key in its lower-cased copy ``low``."""
    for key in keys:
        start = low.find(key)
        while start != -1:
            yield text[max(0, start - before) : start + after]
            start = low.find(key, start + len(key))


def contact_names(root: html.HtmlElement, visible: str | None = None) -> list[str]:
    """Names of the person behind the page, best first (at most `MAX_NAMES`).

    ``visible`` is the page's visible text when the caller has it already. The page is split
    into lines only when the text holds an Impressum marker. Never raises on bad markup.
    """
    try:
        if visible is None:
            visible = etree.tostring(root, method="text", encoding=str)
        low = visible.lower()
        hint = any(_MARKER_HINT.search(w) for w in _windows(visible, low, _MARKER_HINTS, 30, 110))
        found = list(impressum_names(text_lines(root))) if hint else []
        found += [person_name(n) for n in jsonld_people(root)]
        found += [person_name(n) for n in meta_authors(root)]
        for window in _windows(visible, low, _GREETING_HINTS, 40, 60):
            found += greeting_names(window)
    except (ValueError, TypeError) as err:
        log.debug("no names read: %s", err)
        return []
    return list(dict.fromkeys(n for n in found if n))[:MAX_NAMES]
