"""E-mail drafts for the best candidates: one ``.eml`` file per blog with an address, never sent.

A template is a text file: header lines (``Subject:``, optionally ``From:``, ``Cc:``, ``Bcc:``,
``Reply-To:``) up to the first blank line, then the body. Both are Jinja2 templates with the
placeholders in `PLACEHOLDERS`, rendered in Jinja2's sandbox; an unknown placeholder is refused
before anything is written. Header values are flattened to one line and RFC 2047 encoded words
(``=?...?=``) in them are broken up, so text from crawled pages cannot add headers; each draft is
parsed back and refused when its header names differ from the ones set. The drafts are RFC 5322
messages (UTF-8, CRLF, ``X-Unsent: 1`` so Outlook opens them as new mail) that Thunderbird and
Outlook open. Making drafts changes nothing in the database.

``--template anfrage.txt`` also takes ``anfrage.de.txt``, ``anfrage.en.txt``... beside it, one per
blog language (`Templates`); without ``--template`` the built-in `BUILTIN_TEMPLATES` are used.
A draft carries ``X-Blogscout-Site``: that header, the ``NNN-site.eml`` name and ``X-Unsent``
tell a draft blogscout wrote (replaced or removed by the next run) from a file it must not touch.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import stat
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.policy import SMTP
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import Any

from crawler.errors import InputError, OutputError
from crawler.extract.contacts import clean_email
from crawler.services.outreach import CLOSED, STATUSES, normalise_status
from scoring.language import guess_language, language_code

log = logging.getLogger(__name__)

PLACEHOLDERS = (
    "name",
    "site",
    "url",
    "title",
    "latest_post_title",
    "latest_post_url",
    "top_terms",
    "topics",
    "email",
    "cooperation_url",
    "first_name",
    "last_name",
    "greeting",
)
DEFAULT_STATUSES = ("shortlisted",)
SITE_HEADER = "X-Blogscout-Site"
"""Names the blog a draft is for; with ``X-Unsent`` and the file name it marks blogscout's own drafts."""
TEMPLATE_HEADERS = ("Subject", "From", "Cc", "Bcc", "Reply-To")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):[ \t]?(.*)$")
_GENERIC_LOCALS = ("info", "kontakt", "contact", "hello", "hallo", "mail", "office", "post", "team", "redaktion")
_UNSAFE_HEADER = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")
_FILE_CHARS = re.compile(r"[^a-z0-9.-]+")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[.'-][^\W\d_]*)*")  # Anna-Lena, O'Neil, A.
_DRAFT_NAME = re.compile(r"\d{3,}-([a-z0-9.-]+)\.eml")
_TITLES = frozenset("dr prof herr frau mr mrs ms miss mx dipl ing mag msc mba sir".split())
_DEGREES = _TITLES | {"med", "phil", "rer", "nat", "jur", "oec"}  # only with a dot: "Dr. phil.", not "Phil"
_PARTICLES = frozenset("von vom zu zum van der den de du di da del la le ten ter".split())
_NOT_PEOPLE = frozenset(
    "team redaktion admin administrator info kontakt contact blog webmaster impressum editor editorial office "
    "support gmbh ug ag kg ltd inc verlag agentur autor author gast guest".split()
)
_TERM_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# What Python's e-mail library raises on odd header text, besides the ValueError it documents.
_EMAIL_FAILURES = (AttributeError, LookupError, TypeError, ValueError)


class TemplateError(InputError):
    """A draft template that cannot be used (unreadable, bad syntax, unknown placeholder or header)."""


@dataclass
class Template:
    """A parsed draft template: Jinja2 sources of the headers and the body, and its language."""

    path: str
    headers: list[tuple[str, str]]
    body: str
    compiled: dict[str, Any] = field(default_factory=dict, repr=False)
    language: str = ""


@dataclass
class Templates:
    """The templates of one ``--template``: one per blog language, and the plain one for the others."""

    path: str
    languages: dict[str, Template]
    plain: Template | None = None

    def pick(self, language: str | None) -> Template | None:
        """The template for a blog in ``language`` (the plain one if there is none of its own)."""
        return self.languages.get(language_code(language)) or self.plain


@dataclass
class DraftsResult:
    """Files written (new or replacing an earlier draft), drafts of blogs that got none removed, candidates passed over."""

    written: list[Path]
    without_address: int
    refused: list[str] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


BUILTIN_TEMPLATES = {
    "de": """Subject: Kooperation mit {{ title or site }}?

{{ greeting }}

{% if latest_post_title %}ich habe gerade „{{ latest_post_title }}“ auf {{ site }} gelesen{% else %}\
ich lese {{ site }} schon eine Weile{% endif %}{% if topics %} – du schreibst über {{ topics }}{% endif %}. \
Ich würde gern mit dir zusammenarbeiten.
{% if cooperation_url %}
Auf {{ cooperation_url }} habe ich gesehen, dass du offen für Kooperationen bist.
{% endif %}
Hast du Lust, dass wir uns kurz austauschen?

Viele Grüße
""",
    "en": """Subject: Working together with {{ title or site }}?

{{ greeting }}

{% if latest_post_title %}I have just read "{{ latest_post_title }}" on {{ site }}{% else %}\
I have been reading {{ site }} for a while{% endif %}{% if topics %} – you write about {{ topics }}{% endif %}. \
I would love to work together with you.
{% if cooperation_url %}
I saw on {{ cooperation_url }} that you are open to cooperations.
{% endif %}
Would you like to have a short chat about it?

Best regards
""",
}
"""The templates used without ``--template``: German for German blogs, English for all others."""


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def load_template(path: str | Path) -> Template:
    """Read and check a template; `TemplateError` names the problem and the line."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise TemplateError(f"--template {where}: no such file; write the mail as a text file first") from err
    except (OSError, UnicodeDecodeError) as err:
        raise TemplateError(f"--template {where}: cannot read it as UTF-8 text ({err})") from err
    match = re.search(r"\.([a-z]{2,3})\.[^.]+$", Path(path).name)
    return parse_template(text, where, language=match[1] if match else "")


def parse_template(text: str, where: str, language: str = "") -> Template:
    """Check a template's ``text`` (``where`` names it in errors); its language is guessed if not given."""
    from jinja2 import TemplateSyntaxError, meta

    lines = text.replace("\r\n", "\n").split("\n")
    headers: list[tuple[str, str]] = []
    index = 0
    while index < len(lines) and lines[index].strip():
        match = _HEADER_LINE.match(lines[index])
        if not match:
            break
        name = next((h for h in TEMPLATE_HEADERS if h.lower() == match[1].lower()), None)
        if name is None:
            raise TemplateError(
                f"--template {where}: line {index + 1}: header {match[1]!r} is not allowed; "
                f"use {', '.join(TEMPLATE_HEADERS)} (To: is the blog's address)"
            )
        headers.append((name, match[2].strip()))
        index += 1
    if not headers or not any(name == "Subject" for name, _ in headers):
        raise TemplateError(
            f"--template {where}: no 'Subject:' line; start the file with 'Subject: ...' and a blank line before the text"
        )
    if index < len(lines) and lines[index].strip():
        raise TemplateError(f"--template {where}: line {index + 1}: put a blank line between the headers and the text")
    body = "\n".join(lines[index + 1 :])
    env = _environment()
    template = Template(where, headers, body, language=language or guess_language(_TEMPLATE_CODE.sub(" ", body)))
    for key, source in [*((f"header:{n}", v) for n, v in headers), ("body", body)]:
        try:
            parsed = env.parse(source)
        except TemplateSyntaxError as err:
            raise TemplateError(f"--template {where}: {err.message} in the {key.split(':')[-1]}") from err
        unknown = sorted(meta.find_undeclared_variables(parsed) - set(PLACEHOLDERS))
        if unknown:
            raise TemplateError(
                f"--template {where}: unknown placeholder {{{{ {unknown[0]} }}}}; use "
                + ", ".join(f"{{{{ {p} }}}}" for p in PLACEHOLDERS)
            )
        template.compiled[key] = env.from_string(source)
    return template


def load_templates(path: str | Path | None = None) -> Templates:
    """The templates of ``--template path``: ``path`` itself and its language variants beside it.

    For ``anfrage.txt`` these are ``anfrage.de.txt``, ``anfrage.en.txt``...; ``anfrage.txt`` itself
    may be missing when there are variants. Without a path: the built-in German and English ones.
    """
    if path is None:
        builtin = {lang: parse_template(text, f"(built-in, {lang})", lang) for lang, text in BUILTIN_TEMPLATES.items()}
        return Templates("(built-in)", builtin, builtin["en"])
    plain = Path(path)
    variant = re.compile(re.escape(plain.stem) + r"\.([a-z]{2,3})" + re.escape(plain.suffix))
    try:
        found = sorted(f for f in plain.parent.iterdir() if variant.fullmatch(f.name)) if plain.parent.is_dir() else []
    except OSError:
        found = []  # an unreadable folder: only the file named itself can be used
    languages = {variant.fullmatch(f.name)[1]: load_template(f) for f in found}
    if languages and not (plain.exists() or plain.is_symlink()):
        return Templates(str(path), languages)
    return Templates(str(path), languages, load_template(path))


def best_address(emails: Sequence[str], site: str, name: str = "") -> str:
    """The address to write to: a personal one on the blog's domain, then a generic one, then any.

    >>> best_address(["info@anna.de", "anna@anna.de", "a@gmail.com"], "anna.de", "Anna Muster")
    'anna@anna.de'
    """
    if not emails:
        return ""
    first = name.split()[0].lower() if name.strip() else ""

    def rank(email: str) -> tuple[int, str]:
        local, _, domain = email.partition("@")
        own = domain == site or domain.endswith("." + site)
        personal = local not in _GENERIC_LOCALS
        named = bool(first) and first in local
        return (0 if own and named else 1 if own and personal else 2 if own else 3 if named else 4, email)

    return min(emails, key=rank)


def one_line(value: str) -> str:
    """A header value on one line with no encoded word: ``=?`` becomes ``= ?``.

    Control characters and line breaks become single spaces. Python's e-mail writer (3.11, 3.12)
    decodes an encoded word such as ``=?utf-8?q?=0D=0ABcc:_x@y?=`` when folding, which would turn
    page text into a header.
    """
    return " ".join(_UNSAFE_HEADER.sub(" ", value).split()).replace("=?", "= ?")


def _text(value: Any) -> str:
    """A value as text that UTF-8 can write (a lone surrogate becomes ``?``)."""
    return str(value or "").encode("utf-8", "replace").decode("utf-8")


def _capitalised(word: str) -> str:
    """``ANNA-LENA`` -> ``Anna-Lena``, ``o'neil`` -> ``O'Neil``; mixed case (``McDonald``) stays."""
    if not (word.isupper() or word.islower()) or len(word) < 2:
        return word
    return "".join(part[:1].upper() + part[1:].lower() for part in re.split(r"([.'-])", word))


def _is_title(token: str) -> bool:
    """``Dr.``, ``Prof``, ``Dipl.-Ing.``, ``phil.``: a title or degree, not part of the name."""
    parts = set(re.split(r"[.-]", token.casefold())) - {""}
    return bool(parts) and parts <= (_DEGREES if token.endswith(".") else _TITLES)


def split_name(name: str) -> tuple[str, str]:
    """``(first name, last name)`` of a contact name; ``("", "")`` when it is no person's name.

    Titles are left out, all-capital or all-small names are capitalised, "Berg, Anna" is turned
    round, particles stay with the last name; a single name is taken as the first name.

    >>> split_name("Dr. Anna-Lena von Berg"), split_name("BERG, ANNA"), split_name("Redaktion")
    (('Anna-Lena', 'von Berg'), ('Anna', 'Berg'), ('', ''))
    """
    last, comma, first = _text(name).partition(",")
    tokens = f"{first} {last}".split() if comma else last.split()
    if not tokens or not all(_NAME_WORD.fullmatch(t) for t in tokens):
        return "", ""  # digits, an address, brackets: not a name
    words = [t for t in tokens if not _is_title(t)]
    if not words or len(words) > 4 or any(w.casefold().strip(".") in _NOT_PEOPLE for w in words):
        return "", ""
    words = [w if i and w.casefold() in _PARTICLES else _capitalised(w) for i, w in enumerate(words)]
    if len(words[0].rstrip(".")) < 2 or words[0].endswith("."):  # "A. Berg": an initial is no first name
        return "", words[-1] if len(words) > 1 else ""
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    return words[0], " ".join(words[start:]) if len(words) > 1 else ""


def greeting(first_name: str, language: str) -> str:
    """``Hallo Anna,`` / ``Hi Anna,``, or ``Hallo zusammen,`` / ``Hello,`` without a name.

    >>> greeting("Anna", "de"), greeting("", "en")
    ('Hallo Anna,', 'Hello,')
    """
    if language == "de":
        return f"Hallo {first_name}," if first_name else "Hallo zusammen,"
    return f"Hi {first_name}," if first_name else "Hello,"


def natural_join(items: Sequence[str], language: str) -> str:
    """``A, B und C`` / ``A, B and C``.

    >>> natural_join(["SEO", "Content-Marketing", "Reels"], "de"), natural_join(["SEO"], "en")
    ('SEO, Content-Marketing und Reels', 'SEO')
    """
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'und' if language == 'de' else 'and'} {items[-1]}"


def _term_key(word: str) -> str:
    from scoring.text import fold, normalize

    return fold(normalize(word))


def readable_terms(terms: Sequence[str], texts: Iterable[str]) -> list[str]:
    """The ``terms`` of the ranking (``seo``, ``marketing``) as the blog's ``texts`` write them.

    A term is taken as a word of its own (``SEO``), else as the compound it is part of most
    often (``Content-Marketing``); terms written the same way count once, unknown ones stay.

    >>> readable_terms(["seo", "marketing", "content"], ["SEO für Content-Marketing"])
    ['SEO', 'Content-Marketing']
    """
    wanted = {_term_key(t): t for t in terms if t}
    alone: dict[str, Counter] = {key: Counter() for key in wanted}
    within: dict[str, Counter] = {key: Counter() for key in wanted}
    for text in texts:
        for word in _TERM_WORD.findall(text or ""):
            word = re.split(r"['’]", word)[0]  # "Blogger's": the word before it
            key = _term_key(word)
            if key in alone:
                alone[key][word] += 1
            if "-" in word:
                for part in word.split("-"):
                    if _term_key(part) in within:
                        within[_term_key(part)][word] += 1
    out: list[str] = []
    for key, term in wanted.items():
        found = alone[key] or within[key]
        form = found.most_common(1)[0][0] if found else term
        if form not in out:
            out.append(form)
    return out


def _context(row: Mapping[str, Any], email: str, language: str) -> dict[str, str]:
    values = {key: _text(row.get(key)) for key in PLACEHOLDERS}
    values["name"] = _text(row.get("contact_name"))
    values["first_name"], values["last_name"] = split_name(values["name"])
    values["greeting"] = greeting(values["first_name"], language)
    terms = [t.strip() for t in values["top_terms"].split(",") if t.strip()]
    values["topics"] = natural_join(terms[:3], language)
    values["email"] = email
    return values


def _to_header(message: EmailMessage, name: str, address: str) -> None:
    """``To:`` with the contact name, or the address alone.

    The name keeps only its words of letters and ``.'-`` and is left out past 60 characters:
    Python's e-mail writer can fold a long quoted name with an empty line, which ends the headers.
    """
    name = " ".join(_NAME_WORD.findall(name))
    name = name if len(name) <= 60 else ""
    try:
        message["To"] = formataddr((name, address)) if name else address
        message["To"].fold(policy=SMTP)
    except _EMAIL_FAILURES as err:
        log.warning("contact name %r left out of the draft to %s: %s", name, address, err)
        del message["To"]
        message["To"] = address


def render(template: Template, row: Mapping[str, Any], email: str) -> EmailMessage:
    """The draft for one ranked row, addressed to ``email``.

    `TemplateError` when the template fails; the e-mail library's own errors (`_EMAIL_FAILURES`)
    when a page's text cannot go into a header.
    """
    from jinja2 import TemplateError as JinjaError
    from jinja2.exceptions import SecurityError

    context = _context(row, email, template.language or language_code(row.get("language")))
    try:
        headers = [(h, one_line(template.compiled[f"header:{h}"].render(context))) for h, _ in template.headers]
        body = template.compiled["body"].render(context)
    except SecurityError as err:  # {{ name.__class__ }}: refused by the sandbox
        raise TemplateError(
            f"--template {template.path}: {one_line(str(err))} (use the placeholders' text only)"
        ) from err
    except JinjaError as err:  # {{ name.first }}
        raise TemplateError(f"--template {template.path}: {one_line(str(err.message))}") from err
    except (ArithmeticError, LookupError, TypeError, ValueError) as err:  # {{ 1 / 0 }}, {{ site + 1 }}
        raise TemplateError(
            f"--template {template.path}: {one_line(str(err))} (in the draft for {row.get('site')})"
        ) from err
    message = EmailMessage(policy=SMTP)
    _to_header(message, context["name"], email)
    for header, value in headers:
        if value:
            message[header] = value
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="blogscout.invalid")
    message["X-Unsent"] = "1"
    message[SITE_HEADER] = one_line(_text(row.get("site")))
    message.set_content(body.replace("\r\n", "\n"), charset="utf-8", cte="quoted-printable")
    return message


def header_mismatch(data: bytes, expected: Iterable[str]) -> str:
    """Why the written message ``data`` does not have exactly the header names ``expected``, or ""."""
    found = Counter(name.lower() for name in message_from_bytes(data, policy=policy.default))
    wanted = Counter(name.lower() for name in expected)
    problems = []
    if found - wanted:
        problems.append(f"unexpected header(s) {', '.join(sorted(found - wanted))}")
    if wanted - found:
        problems.append(f"missing header(s) {', '.join(sorted(wanted - found))}")
    return "; ".join(problems)


def draft_statuses(values: Iterable[str] = ()) -> tuple[str, ...]:
    """The ``--status`` values checked (default: shortlisted); blogs closed for outreach get no drafts."""
    chosen = tuple(dict.fromkeys(normalise_status(v, "--status") for v in values)) or DEFAULT_STATUSES
    closed = [s for s in chosen if s in CLOSED]
    if closed:
        open_ = ", ".join(s for s in STATUSES if s not in CLOSED)
        raise InputError(f"--status {closed[0]}: blogs marked {closed[0]} get no drafts; use {open_}")
    return chosen


def draft_candidates(
    rows: Iterable[Mapping[str, Any]], top: int, statuses: Iterable[str] = DEFAULT_STATUSES
) -> tuple[list[tuple[Mapping[str, Any], str]], int]:
    """The first ``top`` rows with one of ``statuses`` and an address, and how many had none."""
    chosen, without, statuses = [], 0, frozenset(statuses)
    for row in rows:
        if len(chosen) >= top:
            break
        if (row.get("status") or "new") not in statuses:
            continue
        emails = [e.strip() for e in str(row.get("emails") or "").split(";") if clean_email(e.strip()) == e.strip()]
        email = best_address(emails, str(row["site"]), str(row.get("contact_name") or ""))
        if not email:
            without += 1
            continue
        chosen.append((row, email))
    return chosen, without


def draft_file_name(position: int, site: str) -> str:
    """``003-seo-blog.de.eml``: the rank order and the site, safe on every file system."""
    return f"{position:03d}-{_FILE_CHARS.sub('-', site.lower()).strip('-.') or 'blog'}.eml"


def own_draft(path: Path) -> str:
    """The site of ``path`` if it is a draft blogscout wrote, else ``""``.

    blogscout's draft is a regular ``NNN-site.eml`` file with ``X-Unsent: 1`` and ``X-Blogscout-Site``
    naming that site (or, written before that header, a blogscout ``Message-ID``).
    """
    name = _DRAFT_NAME.fullmatch(path.name)
    if not name:
        return ""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return ""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a folder, a FIFO or a device is nobody's draft
            return ""
        head = os.read(fd, 64 * 1024)
    except OSError:
        return ""
    finally:
        os.close(fd)
    headers = BytesHeaderParser(policy=policy.compat32).parsebytes(head.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n")
    if str(headers.get("X-Unsent", "")).strip() != "1":
        return ""
    site = str(headers.get(SITE_HEADER, "")).strip()
    if site:
        return name[1] if draft_file_name(0, site)[4:-4] == name[1] else ""
    return name[1] if str(headers.get("Message-ID", "")).strip().endswith("@blogscout.invalid>") else ""


def _targets_refused(paths: Iterable[Path], out: str | Path) -> None:
    """`OutputError` naming the first draft file that is a link (even a broken one) or not blogscout's draft."""
    for path in paths:
        if path.is_symlink():
            raise OutputError(
                f"--out {out}: {path.name} is a link; drafts are never written through links: "
                "remove it or pass another folder"
            )
        if path.exists() and not own_draft(path):
            raise OutputError(
                f"--out {out}: {path.name} exists already and is not a draft blogscout wrote; "
                "move it away or pass another folder"
            )


def _checked_drafts(
    chosen: Sequence[tuple[Mapping[str, Any], str]], templates: Templates, folder: Path
) -> tuple[list[tuple[Path, bytes]], list[str]]:
    """The bytes of each draft whose header names read back as set, and the sites refused."""
    drafts, refused = [], []
    for i, (row, address) in enumerate(chosen, 1):
        site = str(row["site"])
        template = templates.pick(row.get("language"))
        assert template is not None  # checked by _missing_templates
        try:
            message = render(template, row, address)
            data = message.as_bytes()
            problem = header_mismatch(data, message.keys())
        except _EMAIL_FAILURES as err:  # e.g. a page's text in an address header
            problem = f"{type(err).__name__}: {err}"
        if problem:
            log.warning("draft for %s refused: its headers would not be the ones set (%s)", site, problem)
            refused.append(site)
            continue
        drafts.append((folder / draft_file_name(i, site), data))
    return drafts, refused


def _missing_templates(chosen: Sequence[tuple[Mapping[str, Any], str]], templates: Templates) -> None:
    """`TemplateError` when a chosen blog's language has no template and there is no plain one."""
    missing = [row for row, _ in chosen if templates.pick(row.get("language")) is None]
    if not missing:
        return
    lang = language_code(missing[0].get("language"))
    plain = Path(templates.path)
    sites = ", ".join(str(row["site"]) for row in missing if language_code(row.get("language")) == lang)
    what = f"{plain.stem}.{lang}{plain.suffix} or " if lang else ""
    raise TemplateError(
        f"--template {templates.path}: no template for {sites} (language {lang or 'unknown'}); "
        f"write {what}{plain.name} for the other languages; nothing was written"
    )


def _write_all(drafts: Sequence[tuple[Path, bytes]], folder: Path, out: str | Path) -> None:
    """Write every draft to a hidden temporary file, then move them all to their names.

    A failure while writing removes the temporary files (and the folder, if made here): the
    folder is left as it was. Moving within one folder replaces blogscout's own draft at a name
    (or a link put there since the check: the link itself, never its target).
    """
    temporary: list[tuple[str, Path]] = []
    new_folder = not folder.exists()
    path = folder
    try:
        folder.mkdir(exist_ok=True)
        for path, data in drafts:
            name = str(folder / f".{path.name}.{secrets.token_hex(4)}.tmp")
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            temporary.append((name, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
    except OSError as err:
        for name, _ in temporary:
            Path(name).unlink(missing_ok=True)
        if new_folder and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        name = path.name if path != folder else out
        raise OutputError(f"--out {out}: cannot write {name} ({err.strerror}); nothing was written") from err
    for done, (name, path) in enumerate(temporary):
        try:
            os.replace(name, path)
        except OSError as err:
            for left, _ in temporary[done:]:
                Path(left).unlink(missing_ok=True)
            raise OutputError(
                f"--out {out}: cannot write {path.name} ({err.strerror}); {done} of {len(temporary)} drafts written"
            ) from err


def write_drafts(
    rows: Iterable[Mapping[str, Any]],
    template: Template | Templates,
    out: str | Path,
    *,
    top: int = 20,
    statuses: Iterable[str] = DEFAULT_STATUSES,
) -> DraftsResult:
    """Write one draft per chosen candidate into the folder ``out`` (created if missing).

    A draft blogscout wrote earlier (`own_draft`) is replaced by the blog's new one, and removed
    when its blog gets no draft this time (no longer one of ``statuses``, or out of ``top``).
    Refuses (`OutputError`) when ``out`` is a file, its parent is missing, or a draft's name is
    taken by a link or by a file blogscout did not write: nothing is written unless every draft
    can be. A draft whose headers do not read back as set is left out and named in
    `DraftsResult.refused`.
    """
    templates = template if isinstance(template, Templates) else Templates(template.path, {}, template)
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"--out {out}: is a file; pass a folder for the drafts, e.g. --out drafts/")
    if folder.is_symlink() and not folder.exists():
        raise OutputError(f"--out {out}: is a link to a missing folder; remove it or pass another folder")
    if not folder.parent.is_dir():
        raise OutputError(f"--out {out}: folder {folder.parent} does not exist; create it or pass another path")
    chosen, without = draft_candidates(rows, top, statuses)
    _missing_templates(chosen, templates)
    drafts, refused = _checked_drafts(chosen, templates, folder)
    _targets_refused((path for path, _ in drafts), out)
    earlier = {p: own_draft(p) for p in folder.glob("*.eml")} if folder.is_dir() else {}
    _write_all(drafts, folder, out)
    written = [path for path, _ in drafts]
    drafted = {_DRAFT_NAME.fullmatch(path.name)[1] for path in written}
    removed = []
    for path, site in earlier.items():
        if site and path not in written:
            path.unlink(missing_ok=True)  # replaced by a draft under a new number, or its blog gets none
            if site not in drafted:
                removed.append(path)
                log.info("removed %s: its blog gets no draft this time", path)
    log.debug("%d draft(s) in %s; %d candidate(s) without an address passed over", len(written), folder, without)
    return DraftsResult(written, without, refused, removed)


def _readable_rows(db: str | Path, rows: list[dict], sites: set[str]) -> list[dict]:
    """``rows`` with the ``top_terms`` of ``sites`` written as their blogs write them (`readable_terms`)."""
    from crawler.storage import db as dbmod

    handle = dbmod.connect(db, create=False)
    try:
        out = []
        for row in rows:
            if row["site"] in sites and row.get("top_terms"):
                texts = (
                    text
                    for (text,) in handle.execute(
                        "SELECT text FROM pages WHERE site = ? AND text != '' ORDER BY url LIMIT 200", (row["site"],)
                    )
                )
                terms = readable_terms([t.strip() for t in row["top_terms"].split(",")], texts)
                row = {**row, "top_terms": ", ".join(terms)}
            out.append(row)
        return out
    finally:
        handle.close()


def make_drafts(
    db: str | Path,
    template_path: str | Path | None,
    out: str | Path,
    *,
    top: int = 20,
    topic: str | None = None,
    statuses: Iterable[str] = (),
    **ranking: Any,
) -> DraftsResult:
    """Check the templates and ``--status``, rank ``db`` (topic: the crawl's unless given) and write the drafts.

    Without ``template_path`` the built-in templates are used; ``statuses`` default to shortlisted.
    ``ranking`` holds `crawler.services.rank.rank_project` options (langs, me, weights,
    exclude_files): the user's own blog and excluded sites never get a draft.
    """
    from crawler.services.rank import rank_project, stored_topic

    statuses = draft_statuses(statuses)
    templates = load_templates(template_path)
    if Path(out).exists() and not Path(out).is_dir():
        raise OutputError(f"--out {out}: is a file; pass a folder for the drafts, e.g. --out drafts/")
    rows = rank_project(db, topic=stored_topic(db) if topic is None else topic, **ranking)
    chosen, _ = draft_candidates(rows, top, statuses)
    rows = _readable_rows(db, rows, {str(row["site"]) for row, _ in chosen})
    return write_drafts(rows, templates, out, top=top, statuses=statuses)
