"""E-mail addresses (plain, obfuscated, Cloudflare-protected) found in a page."""

from __future__ import annotations

import re
from urllib.parse import unquote

# Strict shape of an address we keep: ASCII local part, dotted host, alphabetic TLD. Ends with
# \Z, not $ (which also matches before a final line break).
EMAIL_RE = re.compile(
    r"^[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9_%+-])?@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\Z"
)

# Spaces inside an obfuscated address never include a line break: the visible text has one at
# every block boundary, and an address does not run on into the next paragraph.
_SP = r"[^\S\n]"
_OPEN, _CLOSE = rf"{_SP}*[\[({{<]{_SP}*", rf"{_SP}*[\])}}>]{_SP}*"
_DOT = rf"(?:\.|{_OPEN}(?:dot|punkt|\.){_CLOSE}|{_SP}+(?:dot|punkt){_SP}+)"
# "@", "[at]", "(ät)", or a bare " at " only when a spelled-out " dot " follows in the domain.
_AT = rf"(?:@|{_OPEN}(?:at|ät|@|ett){_CLOSE}|{_SP}+(?:at|ät){_SP}+(?=[\w-]+(?:{_OPEN}(?:dot|punkt|\.){_CLOSE}|{_SP}+(?:dot|punkt){_SP}+)))"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_LOCAL = r"(?<![^\s<>\"'(\[{,;:|*])([a-z0-9][a-z0-9._%+-]{0,63}+)"  # starts after space or punctuation
_FIND_RE = re.compile(rf"{_LOCAL}{_AT}({_LABEL}(?:{_DOT}{_LABEL})*{_DOT}[a-z]{{2,24}})(?![\w-])", re.I)
_HINT_RE = re.compile(r"@|[\[({<]\s*(?:at|ät|ett)\s*[\])}>]|\s(?:at|ät)\s", re.I)
_DOT_SUB_RE = re.compile(rf"{_OPEN}(?:dot|punkt|\.){_CLOSE}|{_SP}+(?:dot|punkt){_SP}+", re.I)

_ASSET_TLDS = frozenset(
    "png jpg jpeg gif svg webp avif ico bmp css js json map woff woff2 ttf eot mp4 webm mp3 pdf zip".split()
)
_EXAMPLE_DOMAINS = frozenset(
    "example.com example.org example.net example.de beispiel.de domain.com domain.de email.com "
    "mustermann.de musterfirma.de test.com test.de yourdomain.com ihre-domain.de sentry.io "
    "wixpress.com sentry.wixpress.com mailinator.com".split()
)
_PLACEHOLDER_LOCALS = frozenset("name vorname.nachname your.name yourname ihrname username user email e-mail".split())


def clean_email(candidate: str) -> str | None:
    """Lower-cased address when it passes the strict shape and is no asset or placeholder."""
    email = unquote(candidate).strip().strip(".").lower()
    if not EMAIL_RE.match(email):
        return None
    local, domain = email.rsplit("@", 1)
    tld = domain.rsplit(".", 1)[1]
    if tld in _ASSET_TLDS or re.search(r"@\d+x\.", email) or ".." in email:
        return None
    if domain in _EXAMPLE_DOMAINS or domain.endswith((".example", ".invalid", ".test", ".localhost")):
        return None
    if local in _PLACEHOLDER_LOCALS and domain.split(".")[0] in ("domain", "example", "beispiel"):
        return None
    return email


def emails_in_text(text: str) -> list[str]:
    """Addresses written out in text, also as ``name [at] domain [dot] de`` or ``name(at)domain.de``."""
    found = []
    if not _HINT_RE.search(text):
        return found
    for match in _FIND_RE.finditer(text):
        domain = _DOT_SUB_RE.sub(".", match.group(2))
        email = clean_email(f"{match.group(1)}@{domain}")
        if email:
            found.append(email)
    return found


def email_from_mailto(href: str) -> str | None:
    """The address of a ``mailto:`` link (first recipient), or None."""
    target = href.strip()[7:].split("?", 1)[0].split(",", 1)[0]
    return clean_email(target)


def decode_cfemail(hexstr: str) -> str | None:
    """Address hidden by Cloudflare's e-mail protection (``data-cfemail``)."""
    try:
        data = bytes.fromhex(hexstr.strip())
    except ValueError:
        return None
    if len(data) < 2:
        return None
    key = data[0]
    try:
        return clean_email(bytes(b ^ key for b in data[1:]).decode("utf-8"))
    except UnicodeDecodeError:
        return None


def unique(items: list[str]) -> list[str]:
    """Items without repeats, first occurrence order."""
    return list(dict.fromkeys(items))
