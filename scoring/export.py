"""Write ranked rows as CSV (spreadsheet-safe) or JSON to an open text file.

CSV cells are neutralised against formula injection: a text value starting with ``=``, ``+``,
``-``, ``@`` (or their full-width forms ``＝ ＋ － ＠``, also after leading spaces), a tab or a
carriage return gets a leading apostrophe, so spreadsheets show it as text. NUL characters are
dropped and line breaks inside values become spaces. A cell holding ``,`` or ``;`` is always
quoted, and a formula sign just after a ``,`` or ``;`` inside a cell gets an apostrophe too: a
spreadsheet that splits a double-clicked ``.csv`` on the other separator sees that part as a cell
of its own. With ``excel=True`` the file is what German Excel opens correctly: a UTF-8
byte-order mark, semicolons between fields and decimal commas in numbers.

Open the file with ``newline=""`` (the writer emits ``\\r\\n`` line ends itself).

>>> import io
>>> buf = io.StringIO()
>>> write_csv([{"site": "a.de", "title": "=HYPERLINK(1)", "score": 0.5}], buf)
>>> buf.getvalue()
"site,title,score\\r\\na.de,'=HYPERLINK(1),0.5\\r\\n"
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # not whitespace to Python, nothing to a reader
_NEEDS_QUOTES = re.compile(r'[,;"\r\n]')
# A formula sign (any width) after a separator, spaces, quotes or invisible characters.
_INNER_FORMULA = re.compile(
    r'([,;][\s"\u200b\u200c\u200d\u2060\ufeff]*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])'
)
BOM = "\ufeff"


def _formula_like(value: str) -> bool:
    """True when the first visible character is a formula sign, in any width (NFKC folds ``＝`` to ``=``)."""
    if value.startswith(_DANGEROUS_START):
        return True
    head = value.lstrip().lstrip(_INVISIBLE).lstrip()[:1]
    return bool(head) and unicodedata.normalize("NFKC", head).startswith(_DANGEROUS_START)


def safe_cell(value: str) -> str:
    """Neutralise one text cell: no NULs, no line breaks, no leading formula characters.

    >>> safe_cell("+49 30 1234"), safe_cell("@handle"), safe_cell("a\\nb\\x00c"), safe_cell("  ＝1+1")
    ("'+49 30 1234", "'@handle", 'a bc', "'  ＝1+1")
    """
    if value.isprintable():  # no NUL, line break or tab: the common case, nothing to replace
        flat = "'" + value if _formula_like(value) else value
    else:
        value = value.replace("\x00", "")
        flat = _LINE_BREAKS.sub(" ", value)  # checked too: "\u2028=" must not pass as " ="
        if _formula_like(value) or _formula_like(flat):
            flat = "'" + flat
    if "," in flat or ";" in flat:
        flat = _INNER_FORMULA.sub(r"\1'", flat)
    return flat


def csv_field(text: str) -> str:
    """One CSV field: quoted (quotes doubled) when it holds ``,``, ``;``, ``"`` or a line break.

    >>> csv_field("Mein Blog;=1+1;x"), csv_field("a.de")
    ('"Mein Blog;=1+1;x"', 'a.de')
    """
    return '"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text


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
    delimiter = ";" if excel else ","
    fileobj.write(delimiter.join(csv_field(safe_cell(c)) for c in cols) + "\r\n")
    by_type, other = _CELL_BY_TYPE.get, _cell
    fileobj.writelines(
        delimiter.join(csv_field(by_type(type(v), other)(v, excel)) for v in map(row.get, cols)) + "\r\n"
        for row in rows
    )


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
