"""Write ranked rows as an Excel workbook (XlsxWriter): typed cells, frozen header, autofilter, links.

Numbers are numbers, booleans booleans, ISO dates dates, ``http(s)`` URLs clickable links, and
every other value is written with ``write_string``: text from crawled pages can never become a
formula, a number or a link Excel invents. Cells are cut to Excel's 32,767 characters.
The workbook is built in memory and written to ``path`` alone (no temporary files elsewhere); a
failed write raises the `OSError` behind it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

MAX_CELL = 32_767
MAX_URL = 2_079  # Excel refuses longer link targets
MAX_LINKS = 65_530  # links per worksheet
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"^https?://[^\s\"<>]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WIDTHS = {"site": 28, "url": 34, "title": 34, "why": 60, "top_terms": 36, "note": 30}


def _text(value: str) -> str:
    """Text without control characters XML cannot hold, cut to the cell limit."""
    return _CONTROL.sub("", value)[:MAX_CELL]


def write_xlsx(
    rows: Iterable[Mapping[str, Any]], path: str | Path, *, columns: Sequence[str], sheet: str = "partners"
) -> None:
    """Write rows to a new workbook at ``path`` (one sheet, header row frozen, autofilter on)."""
    import xlsxwriter  # only when an Excel file is asked for
    from xlsxwriter.exceptions import FileCreateError

    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False, "in_memory": True},
    )
    try:
        ws = book.add_worksheet(sheet)
        header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1})
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        decimal = book.add_format({"num_format": "0.000"})
        link = book.add_format({"font_color": "blue", "underline": 1})
        for c, name in enumerate(columns):
            ws.write_string(0, c, _text(str(name)), header)
            ws.set_column(c, c, _WIDTHS.get(name, max(10, min(24, len(name) + 2))))
        links = 0
        count = 0
        for r, row in enumerate(rows, start=1):
            count = r
            for c, name in enumerate(columns):
                value = row.get(name)
                if value is None or value == "":
                    continue
                if isinstance(value, bool):
                    ws.write_boolean(r, c, value)
                elif isinstance(value, int):
                    ws.write_number(r, c, value)
                elif isinstance(value, float):
                    if math.isfinite(value):
                        ws.write_number(r, c, value, decimal)
                elif isinstance(value, list | tuple):
                    ws.write_string(r, c, _text("; ".join(str(v) for v in value)))
                else:
                    text = str(value)
                    if _DATE.match(text):
                        try:
                            ws.write_datetime(r, c, dt.datetime.strptime(text, "%Y-%m-%d"), date)
                            continue
                        except ValueError:
                            pass
                    if links < MAX_LINKS and len(text) <= MAX_URL and _URL.match(text):
                        ws.write_url(r, c, text, link, string=_text(text))
                        links += 1
                    else:
                        ws.write_string(r, c, _text(text))
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(count, 1), max(len(columns) - 1, 0))
    finally:
        try:
            book.close()
        except FileCreateError as err:  # wraps the OSError of a full disk or a file-size limit
            cause = err.args[0] if err.args and isinstance(err.args[0], OSError) else OSError(str(err))
            raise cause from err
