"""Write ranked rows as CSV (spreadsheet-safe) or JSON to an open text file.

CSV cells are neutralised against formula injection: a text value starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe, so spreadsheets show it
as text. NUL characters are dropped and line breaks inside values become spaces. With
``excel=True`` the file is what German Excel opens correctly: a UTF-8 byte-order mark,
semicolons between fields and decimal commas in numbers.

Open the file with ``newline=""`` (the writer emits ``\\r\\n`` line ends itself).

>>> import io
>>> buf = io.StringIO()
>>> write_csv([{"site": "a.de", "title": "=HYPERLINK(1)", "score": 0.5}], buf)
>>> buf.getvalue()
"site,title,score\\r\\na.de,'=HYPERLINK(1),0.5\\r\\n"
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")
BOM = "\ufeff"


def safe_cell(value: str) -> str:
    """Neutralise one text cell: no NULs, no line breaks, no leading formula characters.

    >>> safe_cell("+49 30 1234"), safe_cell("@handle"), safe_cell("a\\nb\\x00c"), safe_cell("  =1+1")
    ("'+49 30 1234", "'@handle", 'a bc', "'  =1+1")
    """
    if value.isprintable():  # no NUL, line break or tab: the common case, nothing to replace
        return "'" + value if value.lstrip().startswith(_DANGEROUS_START) else value
    value = value.replace("\x00", "")
    flat = _LINE_BREAKS.sub(" ", value)  # checked too: "\u2028=" must not pass as " ="
    if value.startswith(_DANGEROUS_START) or flat.lstrip().startswith(_DANGEROUS_START):
        flat = "'" + flat
    return flat


def _cell(value: Any, excel: bool) -> str:
    """Format one value for CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_cell(value, excel)
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    return safe_cell(str(value))


def _float_cell(value: float, excel: bool) -> str:
    """A finite float with up to 6 decimals, trailing zeros dropped (decimal comma for Excel)."""
    if not math.isfinite(value):
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".") or "0"
    return text.replace(".", ",") if excel else text


# `_cell` for the exact types rows usually hold, looked up once per cell; others take `_cell`.
_CELL_BY_TYPE = {
    str: lambda value, excel: safe_cell(value),
    float: _float_cell,
    int: lambda value, excel: str(value),
    type(None): lambda value, excel: "",
}


def _columns(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns is not None:
        return list(columns)
    out: list[str] = []
    for row in rows:
        out.extend(k for k in row if k not in out)
    return out


def write_csv(
    rows: Iterable[Mapping[str, Any]], fileobj: TextIO, *, excel: bool = False, columns: Sequence[str] | None = None
) -> None:
    """Write rows as CSV with a header; columns default to the keys of the rows, in order."""
    rows = list(rows)
    cols = _columns(rows, columns)
    if excel:
        fileobj.write(BOM)
    writer = csv.writer(fileobj, delimiter=";" if excel else ",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(c) for c in cols])
    by_type, other = _CELL_BY_TYPE.get, _cell
    writer.writerows([by_type(type(v), other)(v, excel) for v in map(row.get, cols)] for row in rows)


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return value.replace("\x00", "")
    return value


def write_json(rows: Iterable[Mapping[str, Any]], fileobj: TextIO, *, columns: Sequence[str] | None = None) -> None:
    """Write rows as a JSON array of objects (same fields and order as the CSV), UTF-8 text.

    >>> import io; buf = io.StringIO(); write_json([{"site": "ä.de", "score": 1.0}], buf)
    >>> buf.getvalue()
    '[\\n  {\\n    "site": "ä.de",\\n    "score": 1.0\\n  }\\n]\\n'
    """
    rows = list(rows)
    cols = _columns(rows, columns)
    data = [{c: _json_value(row.get(c)) for c in cols} for row in rows]
    json.dump(data, fileobj, ensure_ascii=False, indent=2, allow_nan=False)
    fileobj.write("\n")
