"""German and English labels of the report and the web app."""

from __future__ import annotations

import re

LANGUAGES = ("de", "en")

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "lang": "en",
        "title": "Blog partners",
        "subtitle": "Ranked cooperation candidates around your seed blogs",
        "database": "Database",
        "as_of": "Data as of",
        "topic": "Topic",
        "seeds": "Seeds",
        "candidates": "Candidates",
        "neighbourhood": "The neighbourhood",
        "neighbourhood_help": "Seeds, top candidates and the blogs between them. Larger circles score higher.",
        "ranking": "Ranking",
        "cards": "Candidates in detail",
        "rank": "#",
        "blog": "Blog",
        "score": "Score",
        "relevance": "Relevance",
        "centrality": "Centrality",
        "activity": "Activity",
        "language": "Language",
        "status": "Status",
        "note": "Note",
        "contact": "Contact",
        "cooperation": "Cooperation",
        "last_post": "Last post",
        "all": "all",
        "has_contact": "has contact",
        "has_cooperation": "has cooperation page",
        "search": "Search",
        "shown": "shown",
        "why": "Why",
        "posts_year": "Posts in the last 12 months",
        "posts_180d": "posts in 180 days",
        "emails": "E-mail",
        "contact_name": "Contact person",
        "contact_page": "Contact page",
        "impressum": "Impressum",
        "cooperation_page": "Cooperation page",
        "social": "Social profiles",
        "feed": "Feed",
        "latest_post": "Latest post",
        "found_via": "Found via",
        "linked_by_seeds": "Seeds linking to it",
        "none": "none",
        "role_seed": "seed",
        "role_candidate": "top candidate",
        "role_between": "blog in between",
        "kind_blogroll": "blogroll link",
        "kind_editorial": "link in a post",
        "kind_comment": "comment link",
        "yes": "yes",
        "links_in": "Links in",
        "links_out": "Links out",
        "pages": "Pages crawled",
        "link_pages": "Pages",
        "published": "Published",
        "page_kind": "Kind",
        "http_status": "HTTP",
        "set_status": "Set the status",
        "saved": "Saved",
        "raw_tables": "Raw tables",
        "partners": "Partners",
        "back": "All partners",
        "generated_by": "Made with blogscout",
        "no_candidates": "No candidates yet: crawl and rank first.",
        "site": "Site",
        "anchor": "Link text",
        "status_new": "new",
        "status_shortlisted": "shortlisted",
        "status_contacted": "contacted",
        "status_replied": "replied",
        "status_partner": "partner",
        "status_declined": "declined",
        "status_do-not-contact": "do not contact",
    },
    "de": {
        "lang": "de",
        "title": "Blog-Partner",
        "subtitle": "Kooperationskandidaten rund um Ihre Start-Blogs, nach Rang",
        "database": "Datenbank",
        "as_of": "Datenstand",
        "topic": "Thema",
        "seeds": "Start-Blogs",
        "candidates": "Kandidaten",
        "neighbourhood": "Die Nachbarschaft",
        "neighbourhood_help": "Start-Blogs, die besten Kandidaten und die Blogs dazwischen. Größere Kreise: höhere Punktzahl.",
        "ranking": "Rangliste",
        "cards": "Kandidaten im Detail",
        "rank": "#",
        "blog": "Blog",
        "score": "Punkte",
        "relevance": "Relevanz",
        "centrality": "Vernetzung",
        "activity": "Aktivität",
        "language": "Sprache",
        "status": "Status",
        "note": "Notiz",
        "contact": "Kontakt",
        "cooperation": "Kooperation",
        "last_post": "Letzter Beitrag",
        "all": "alle",
        "has_contact": "mit Kontakt",
        "has_cooperation": "mit Kooperationsseite",
        "search": "Suche",
        "shown": "angezeigt",
        "why": "Warum",
        "posts_year": "Beiträge der letzten 12 Monate",
        "posts_180d": "Beiträge in 180 Tagen",
        "emails": "E-Mail",
        "contact_name": "Ansprechpartner",
        "contact_page": "Kontaktseite",
        "impressum": "Impressum",
        "cooperation_page": "Kooperationsseite",
        "social": "Social-Media-Profile",
        "feed": "Feed",
        "latest_post": "Neuester Beitrag",
        "found_via": "Gefunden über",
        "linked_by_seeds": "Verlinkt von Start-Blogs",
        "none": "keine",
        "role_seed": "Start-Blog",
        "role_candidate": "Top-Kandidat",
        "role_between": "Blog dazwischen",
        "kind_blogroll": "Blogroll-Link",
        "kind_editorial": "Link im Beitrag",
        "kind_comment": "Kommentar-Link",
        "yes": "ja",
        "links_in": "Eingehende Links",
        "links_out": "Ausgehende Links",
        "pages": "Gecrawlte Seiten",
        "link_pages": "Seiten",
        "published": "Veröffentlicht",
        "page_kind": "Art",
        "http_status": "HTTP",
        "set_status": "Status setzen",
        "saved": "Gespeichert",
        "raw_tables": "Rohdaten",
        "partners": "Partner",
        "back": "Alle Partner",
        "generated_by": "Erstellt mit blogscout",
        "no_candidates": "Noch keine Kandidaten: erst crawlen und ranken.",
        "site": "Website",
        "anchor": "Linktext",
        "status_new": "neu",
        "status_shortlisted": "vorgemerkt",
        "status_contacted": "kontaktiert",
        "status_replied": "geantwortet",
        "status_partner": "Partner",
        "status_declined": "abgelehnt",
        "status_do-not-contact": "nicht kontaktieren",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The labels of one language (``de`` or ``en``)."""
    return LABELS[lang]


# The reasons `scoring.rank.explain` writes, in German: (English pattern, German replacement).
_KIND_DE = {
    "blogroll": "Blogroll",
    "opml": "OPML-Blogroll",
    "content": "Beitrag",
    "post": "Beitrag",
    "comment": "Kommentar",
    "source": "Quellenangabe",
    "link": "Link",
}
_WHY_DE = [
    (
        r"copied text: (\d+)% of its text repeats (\S+), not ranked as a partner",
        r"kopierter Text: \1 % des Textes wiederholen \2, nicht als Partner gewertet",
    ),
    (
        r"republished text: (\d+)% of its text first appeared on (\S+) and (\d+) more, not ranked as a partner",
        r"übernommener Text: \1 % des Textes erschienen zuerst auf \2 und \3 weiteren, nicht als Partner gewertet",
    ),
    (
        r"republished text: (\d+)% of its text first appeared on (\S+), not ranked as a partner",
        r"übernommener Text: \1 % des Textes erschienen zuerst auf \2, nicht als Partner gewertet",
    ),
    (r"sells links: price list for links: (.*)", r"verkauft Links: Preisliste für Links: \1"),
    (
        r"sells links: link-selling phrases: (.*) on (\d+) pages (.*)",
        r"verkauft Links: Linkverkaufs-Floskeln: \1 auf \2 Seiten \3",
    ),
    (r"on topic \((.*)\)", r"zum Thema (\1)"),
    (r"weak topic match \((.*)\)", r"schwach zum Thema (\1)"),
    (r"no topic match", r"kein Themenbezug"),
    (r"cited next to seeds by (\d+) site\(s\)", r"neben Seeds genannt von \1 Website(s)"),
    (r"mutual links with (\d+) seed\(s\)", r"gegenseitige Links mit \1 Seed(s)"),
    (r"linked from (\d+) blog\(s\)", r"verlinkt von \1 Blog(s)"),
    (r"(\d+) of its linking blogs on topic", r"\1 der verlinkenden Blogs zum Thema"),
    (r"inactive: (\d+) post\(s\) in (\d+) days, last (\S+)", r"inaktiv: \1 Beitrag/Beiträge in \2 Tagen, zuletzt \3"),
    (r"(\d+) post\(s\) in (\d+) days, last (\S+)", r"\1 Beitrag/Beiträge in \2 Tagen, zuletzt \3"),
    (r"no dated posts", r"keine datierten Beiträge"),
    (r"open to cooperations \((.*); score lifted\)", r"offen für Kooperationen (\1; Score angehoben)"),
    (r"already links to you", r"verlinkt Sie bereits"),
    (r"comments at (.*)", r"kommentiert bei \1"),
    (r"not ranked as a partner", r"nicht als Partner gewertet"),
    (r"no Impressum, about page or named person", r"kein Impressum, keine Über-mich-Seite, keine genannte Person"),
    (r"warm prospect: links to 2\+ seeds but not to you", r"warmer Kontakt: verlinkt 2+ Seeds, aber nicht Sie"),
]
_WHY_DE_RE = [(re.compile(pattern), german) for pattern, german in _WHY_DE]
_VIA_RE = re.compile(r"(blogroll|opml|content|post|comment|source|link) of (\S+)")


def why_in(why: str, lang: str) -> str:
    """`why` (written in English by the ranking) in the report's language; unknown parts stay as written.

    >>> why_in("on topic (seo, backlinks); no dated posts", "de")
    'zum Thema (seo, backlinks); keine datierten Beiträge'
    >>> why_in("republished text: 80% of its text first appeared on a.de and 3 more, not ranked as a partner", "de")
    'übernommener Text: 80 % des Textes erschienen zuerst auf a.de und 3 weiteren, nicht als Partner gewertet'
    >>> why_in("machine-made: 4 posts a day, no Impressum; not ranked as a partner; comments at a.de", "de")
    'maschinell erstellt: 4 Beiträge pro Tag, kein Impressum; nicht als Partner gewertet; kommentiert bei a.de'
    """
    if lang != "de" or not why:
        return why
    return "; ".join(_part_de(part) for part in _split_why(why))


def via_in(via: str, lang: str) -> str:
    """How a blog was found ("blogroll of a.de", as the crawl stores it) in the report's language.

    >>> via_in("comment of a.de", "de")
    'Kommentar von a.de'
    """
    return _VIA_RE.sub(lambda m: f"{_KIND_DE[m[1]]} von {m[2]}", via) if lang == "de" else via


def _split_why(why: str) -> list[str]:
    """The reasons of a `why` sentence ("; " inside parentheses belongs to its reason)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(why):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and why.startswith("; ", i):
            parts.append(why[start:i])
            start = i + 2
    return [*parts, why[start:]]


_MISSING_DE = {
    "no Impressum": "kein Impressum",
    "no about page": "keine Über-mich-Seite",
    "no named person": "keine genannte Person",
}
_MACHINE_RE = re.compile(r"machine-made: (\S+) posts a day((?:, no [^,]+)*)")


def _part_de(part: str) -> str:
    if part.startswith("linked from ") and " of " in part:
        return "verlinkt über " + via_in(part.removeprefix("linked from "), "de")
    machine = _MACHINE_RE.fullmatch(part)
    if machine:
        missing = [_MISSING_DE.get(m, m) for m in machine.group(2).split(", ") if m]
        return ", ".join([f"maschinell erstellt: {machine.group(1)} Beiträge pro Tag", *missing])
    for pattern, german in _WHY_DE_RE:
        match = pattern.fullmatch(part)
        if match:
            return match.expand(german)
    return part
