"""One row per contact with the column names outreach tools' CSV imports expect (``--preset``).

Each ranked blog gives one row per e-mail address, with the blog's contact name split into first
and last name. Blogs without an address are left out (the tools key contacts by e-mail).
Sources of the column names (checked for this release, see the README):

- HubSpot, "Set up your import files": contacts need First name, Last name and Email; other
  headers map to properties by label ("Website URL", "Company Name").
- BuzzStream, "Import Link Partners": "Link Partner – Name" and "Link Partner – Domain" are the
  required columns of its template.
- Pitchbox, "Partner CRM Import", format 2 (one row per partner and contact): "Partner URL",
  "Partner Category", "Contact Email", "Contact First Name", "Contact Last Name".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from crawler.errors import InputError

PRESETS: dict[str, list[str]] = {
    "hubspot": ["First Name", "Last Name", "Email", "Website URL", "Company Name", "Notes"],
    "buzzstream": [
        "Link Partner – Name",
        "Link Partner – Domain",
        "Email",
        "First Name",
        "Last Name",
        "Website",
        "Notes",
    ],
    "pitchbox": [
        "Partner URL",
        "Partner Category",
        "Contact Email",
        "Contact First Name",
        "Contact Last Name",
        "Company",
    ],
}


def check_preset(name: str | None) -> None:
    """Refuse an unknown preset name."""
    if name is not None and name not in PRESETS:
        raise InputError(f"--preset {name!r} is unknown; use one of {', '.join(PRESETS)}")


def split_name(name: str) -> tuple[str, str]:
    """``"Anna von Au"`` -> ``("Anna", "von Au")``; one word is a first name.

    >>> split_name("Anna von Au"), split_name("Kathrin"), split_name("")
    (('Anna', 'von Au'), ('Kathrin', ''), ('', ''))
    """
    first, _, last = (name or "").strip().partition(" ")
    return first, last.strip()


def _emails(row: Mapping[str, Any]) -> list[str]:
    return [e.strip() for e in str(row.get("emails") or "").split(";") if e.strip()]


def contact_rows(rows: Iterable[Mapping[str, Any]], preset: str) -> Iterator[dict[str, Any]]:
    """Rows of the ``preset`` tool's import, one per (blog, e-mail address), in ranking order."""
    check_preset(preset)
    for row in rows:
        first, last = split_name(str(row.get("contact_name") or ""))
        title = row.get("title") or row["site"]
        url = row.get("url") or f"https://{row['site']}/"
        note = "; ".join(str(p) for p in (row.get("why"), row.get("note")) if p)
        for email in _emails(row):
            if preset == "hubspot":
                yield {
                    "First Name": first,
                    "Last Name": last,
                    "Email": email,
                    "Website URL": url,
                    "Company Name": title,
                    "Notes": note,
                }
            elif preset == "buzzstream":
                yield {
                    "Link Partner – Name": title,
                    "Link Partner – Domain": row["site"],
                    "Email": email,
                    "First Name": first,
                    "Last Name": last,
                    "Website": url,
                    "Notes": note,
                }
            else:
                yield {
                    "Partner URL": url,
                    "Partner Category": row.get("top_terms") or "",
                    "Contact Email": email,
                    "Contact First Name": first,
                    "Contact Last Name": last,
                    "Company": title,
                }
