"""Read back a table the user edited: a CSV export (comma or semicolon, with or without BOM) or Excel.

Returns the header and the rows as dicts of text. Cells the CSV writer protected against formula
injection (a leading apostrophe before ``=``, ``+``, ``-``, ``@``) come back without it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from zipfile import BadZipFile

from crawler.errors import InputError

_PROTECTED = ("'=", "'+", "'-", "'@", "'\t", "'\r")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


class SheetError(InputError):
    """A file that cannot be read as a table."""


def read_table(path: str | Path) -> tuple[list[str], list[dict[str, str]]]:
    """(column names lower-cased and stripped, rows) of a CSV or Excel file."""
    path = Path(path)
    if not path.is_file():
        raise SheetError(f"{path}: no such file; pass the exported CSV or Excel file you edited")
    if path.suffix.lower() in EXCEL_SUFFIXES:
        header, body = _excel_rows(path)
    else:
        header, body = _csv_rows(path)
    columns = [str(c or "").strip().lower() for c in header]
    rows = []
    for cells in body:
        if not any(c not in (None, "") for c in cells):
            continue
        rows.append({name: _text(value) for name, value in zip(columns, cells) if name})
    return columns, rows


def _text(value: object) -> str:
    """A cell as text, without the export's formula guard."""
    if value is None:
        return ""
    text = str(value).strip()
    return text[1:] if text.startswith(_PROTECTED) else text


def _csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SheetError(f"{path}: cannot read ({err.strerror}); check the path") from err
    for encoding in ("utf-8-sig", "cp1252"):  # Excel on Windows saves CSV in cp1252
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text[:4096]:
        raise SheetError(f"{path}: not a CSV text file; save it as CSV (UTF-8) or Excel (.xlsx)")
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        raise SheetError(f"{path}: the file is empty; pass the exported file you edited")
    return rows[0], rows[1:]


def _excel_rows(path: Path) -> tuple[list[object], list[list[object]]]:
    from openpyxl import load_workbook  # only for Excel files
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, BadZipFile, KeyError, ValueError) as err:
        raise SheetError(f"{path}: not a readable Excel workbook ({err}); save it again as .xlsx") from err
    try:
        rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    if not rows:
        raise SheetError(f"{path}: the first sheet is empty; pass the exported file you edited")
    return rows[0], rows[1:]
