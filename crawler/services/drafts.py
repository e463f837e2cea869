"""E-mail drafts for the best candidates: one ``.eml`` file per blog with an address, never sent.

A template is a text file: header lines (``Subject:``, optionally ``From:``, ``Cc:``, ``Bcc:``,
``Reply-To:``) up to the first blank line, then the body. Both are Jinja2 templates with the
placeholders in `PLACEHOLDERS`, rendered in Jinja2's sandbox; an unknown placeholder is refused
before anything is written. Header values are flattened to one line and RFC 2047 encoded words
(``=?...?=``) in them are broken up, so text from crawled pages cannot add headers; each draft is
parsed back and refused when its header names differ from the ones set. The drafts are RFC 5322
messages (UTF-8, CRLF, ``X-Unsent: 1`` so Outlook opens them as new mail) that Thunderbird and
Outlook open. Making drafts changes nothing in the database.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import Any

from crawler.errors import InputError, OutputError
from crawler.extract.contacts import clean_email
from crawler.services.outreach import OPEN_FOR_DRAFTS

log = logging.getLogger(__name__)

PLACEHOLDERS = (
    "name",
    "site",
    "url",
    "title",
    "latest_post_title",
    "latest_post_url",
    "top_terms",
    "email",
    "cooperation_url",
)
TEMPLATE_HEADERS = ("Subject", "From", "Cc", "Bcc", "Reply-To")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):[ \t]?(.*)$")
_GENERIC_LOCALS = ("info", "kontakt", "contact", "hello", "hallo", "mail", "office", "post", "team", "redaktion")
_UNSAFE_HEADER = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")
_FILE_CHARS = re.compile(r"[^a-z0-9.-]+")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[.'-][^\W\d_]*)*")  # Anna-Lena, O'Neil, A.
# What Python's e-mail library raises on odd header text, besides the ValueError it documents.
_EMAIL_FAILURES = (AttributeError, LookupError, TypeError, ValueError)


class TemplateError(InputError):
    """A draft template that cannot be used (unreadable, bad syntax, unknown placeholder or header)."""


@dataclass
class Template:
    """A parsed draft template: Jinja2 sources of the headers and the body."""

    path: str
    headers: list[tuple[str, str]]
    body: str
    compiled: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class DraftsResult:
    """Files written, and candidates passed over for want of an address."""

    written: list[Path]
    without_address: int
    refused: list[str] = field(default_factory=list)


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def load_template(path: str | Path) -> Template:
    """Read and check a template; `TemplateError` names the problem and the line."""
    from jinja2 import TemplateSyntaxError, meta

    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise TemplateError(f"--template {where}: no such file; write the mail as a text file first") from err
    except (OSError, UnicodeDecodeError) as err:
        raise TemplateError(f"--template {where}: cannot read it as UTF-8 text ({err})") from err
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
    template = Template(where, headers, body)
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


def _context(row: Mapping[str, Any], email: str) -> dict[str, str]:
    values = {key: _text(row.get(key)) for key in PLACEHOLDERS}
    values["name"] = _text(row.get("contact_name"))
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

    context = _context(row, email)
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


def draft_candidates(rows: Iterable[Mapping[str, Any]], top: int) -> tuple[list[tuple[Mapping[str, Any], str]], int]:
    """The first ``top`` ``new``/``shortlisted`` rows with an address, and how many had none."""
    chosen, without = [], 0
    for row in rows:
        if len(chosen) >= top:
            break
        if (row.get("status") or "new") not in OPEN_FOR_DRAFTS:
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


def _targets_refused(paths: Iterable[Path], out: str | Path) -> None:
    """`OutputError` naming the first draft file that exists already or is a link (even a broken one)."""
    for path in paths:
        if path.is_symlink():
            raise OutputError(
                f"--out {out}: {path.name} is a link; drafts are never written through links: "
                "remove it or pass another folder"
            )
        if path.exists():
            raise OutputError(
                f"--out {out}: {path.name} exists already; move the old drafts away or pass another folder"
            )


def _checked_drafts(
    chosen: Sequence[tuple[Mapping[str, Any], str]], template: Template, folder: Path
) -> tuple[list[tuple[Path, bytes]], list[str]]:
    """The bytes of each draft whose header names read back as set, and the sites refused."""
    drafts, refused = [], []
    for i, (row, address) in enumerate(chosen, 1):
        site = str(row["site"])
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


def write_drafts(
    rows: Iterable[Mapping[str, Any]], template: Template, out: str | Path, *, top: int = 20
) -> DraftsResult:
    """Write one draft per chosen candidate into the folder ``out`` (created if missing).

    Refuses (`OutputError`) when ``out`` is a file, its parent is missing, or a draft file it
    would write exists already or is a link: nothing is overwritten, and nothing is written
    unless every draft can be. A draft whose headers do not read back as set is left out and
    named in `DraftsResult.refused`.
    """
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"--out {out}: is a file; pass a folder for the drafts, e.g. --out drafts/")
    if folder.is_symlink() and not folder.exists():
        raise OutputError(f"--out {out}: is a link to a missing folder; remove it or pass another folder")
    if not folder.parent.is_dir():
        raise OutputError(f"--out {out}: folder {folder.parent} does not exist; create it or pass another path")
    chosen, without = draft_candidates(rows, top)
    drafts, refused = _checked_drafts(chosen, template, folder)
    _targets_refused((path for path, _ in drafts), out)
    written: list[Path] = []
    new_folder = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
        for path, data in drafts:
            with path.open("xb") as fh:  # exclusive: never replaces a file, never follows a link
                written.append(path)
                fh.write(data)
    except OSError as err:
        for path in written:  # created by this call, so removing them loses nothing
            path.unlink(missing_ok=True)
        if new_folder and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        name = Path(err.filename).name if err.filename else out
        raise OutputError(f"--out {out}: cannot write {name} ({err.strerror}); nothing was written") from err
    log.debug("%d draft(s) in %s; %d candidate(s) without an address passed over", len(written), folder, without)
    return DraftsResult(written, without, refused)


def make_drafts(
    db: str | Path, template_path: str | Path, out: str | Path, *, top: int = 20, topic: str | None = None
) -> DraftsResult:
    """Check the template, rank ``db`` (topic: the crawl's unless given) and write the drafts."""
    from crawler.services.rank import rank_database, stored_topic

    template = load_template(template_path)
    if Path(out).exists() and not Path(out).is_dir():
        raise OutputError(f"--out {out}: is a file; pass a folder for the drafts, e.g. --out drafts/")
    rows = rank_database(db, topic=stored_topic(db) if topic is None else topic)
    return write_drafts(rows, template, out, top=top)
