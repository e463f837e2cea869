"""Read back a table the user edited: a CSV export (comma or semicolon, with or without BOM) or Excel.

Returns the header and the rows as dicts of text. Cells the CSV writer protected against formula
injection (a leading apostrophe before ``=``, ``+``, ``-``, ``@``) come back without it.

Rows are streamed and capped (`MAX_ROWS`, `MAX_COLUMNS`, `MAX_LINE`): a small workbook whose
``<dimension>`` claims a million rows and 16,384 columns, or a CSV of endless lines, is refused
with a `SheetError` instead of filling the memory.

`written_at` tells when a file was written: a workbook's own creation time (kept when Excel
saves it again), else the file's modification time.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import ParseError
from zipfile import BadZipFile, ZipFile

from crawler.errors import InputError

_PROTECTED = ("'=", "'+", "'-", "'@", "'\t", "'\r")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
MAX_ROWS = 100_000
"""Rows below the header at most, empty ones included."""
MAX_COLUMNS = 200
"""Named columns at most: the header row's width."""
MAX_LINE = 1_000_000
"""Characters in one line of a CSV file at most."""
_CORE_LIMIT = 64 * 1024  # bytes of a workbook's docProps/core.xml read for its creation time
_CREATED = re.compile(r"<(?:\w+:)?created\b[^>]*>([^<]*)<")


class SheetError(InputError):
    """A file that cannot be read as a table."""


def read_table(path: str | Path) -> tuple[list[str], list[dict[str, str]]]:
    """(column names lower-cased and stripped, rows) of a CSV or Excel file."""
    path = Path(path)
    if not path.is_file():
        raise SheetError(f"{path}: no such file; pass the exported CSV or Excel file you edited")
    cells = _excel_rows(path) if path.suffix.lower() in EXCEL_SUFFIXES else _csv_rows(path)
    with closing(cells):
        header = next(cells, None)
        if header is None:
            raise SheetError(f"{path}: the file is empty; pass the exported file you edited")
        columns = [str(c or "").strip().lower() for c in header]
        rows = []
        for number, row in enumerate(cells, start=2):
            if number > MAX_ROWS + 1:
                raise SheetError(f"{path}: more than {MAX_ROWS:,} rows; import the rows you edited, or split the file")
            if any(c not in (None, "") for c in row):
                rows.append({name: _text(value) for name, value in zip(columns, row) if name})
    return columns, rows


def written_at(path: str | Path) -> datetime:
    """When ``path`` was written (UTC): an Excel workbook's creation time, else the file's mtime."""
    path = Path(path)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        created = _created(path)
        if created is not None:
            return created
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError as err:
        raise SheetError(f"{path}: cannot read ({err.strerror}); check the path") from err


def _created(path: Path) -> datetime | None:
    """The ``dcterms:created`` time of a workbook (UTC); None when it has none or cannot be read.

    Read from ``docProps/core.xml`` directly: openpyxl fills a missing one in with the current time.
    """
    try:
        with ZipFile(path) as book, book.open("docProps/core.xml") as core:
            text = core.read(_CORE_LIMIT).decode("utf-8", "replace")
    except (OSError, BadZipFile, KeyError, ValueError):
        return None
    found = _CREATED.search(text)
    try:
        created = datetime.fromisoformat(found.group(1).strip()) if found else None
    except ValueError:
        return None
    if created is None:
        return None
    return created.replace(tzinfo=UTC) if created.tzinfo is None else created.astimezone(UTC)


def _width(header: Sequence[object], path: Path) -> int:
    """Columns up to the header's last named one; `SheetError` beyond `MAX_COLUMNS`."""
    named = [i for i, c in enumerate(header) if c not in (None, "")]
    width = named[-1] + 1 if named else 0
    if width > MAX_COLUMNS:
        raise SheetError(
            f"{path}: more than {MAX_COLUMNS} columns in the header row; keep the export's columns and delete the rest"
        )
    return width


def _text(value: object) -> str:
    """A cell as text, without the export's formula guard."""
    if value is None:
        return ""
    text = str(value).strip()
    return text[1:] if text.startswith(_PROTECTED) else text


def _csv_rows(path: Path) -> Iterator[Sequence[object]]:
    """The header, then each row cut to the header's width."""
    try:
        with path.open("rb") as raw:
            head = raw.read(4096)
    except OSError as err:
        raise SheetError(f"{path}: cannot read ({err.strerror}); check the path") from err
    if b"\x00" in head:
        raise SheetError(f"{path}: not a CSV text file; save it as CSV (UTF-8) or Excel (.xlsx)")
    try:
        encoding = _encoding(path)
        with path.open(encoding=encoding, newline="") as fh:
            first = fh.readline(MAX_LINE)
            delimiter = max(";,\t", key=first.count)
            fh.seek(0)
            reader = csv.reader(_lines(fh, path), delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                return
            width = _width(header, path)
            yield header[:width]
            for row in reader:
                yield row[:width]
    except csv.Error as err:
        raise SheetError(f"{path}: line {reader.line_num}: not readable as CSV ({err}); save it again as CSV") from err
    except OSError as err:
        raise SheetError(f"{path}: cannot read ({err.strerror}); check the path") from err


def _encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (Excel on Windows saves CSV so)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            with path.open(encoding=encoding) as fh:
                while fh.read(1 << 20):
                    pass
            return encoding
        except UnicodeDecodeError:
            continue
    raise SheetError(f"{path}: neither UTF-8 nor Windows-1252 text; save it as CSV (UTF-8) or Excel (.xlsx)")


def _lines(fh: IO[str], path: Path) -> Iterator[str]:
    """Lines of ``fh``; `SheetError` for a line over `MAX_LINE` characters."""
    while line := fh.readline(MAX_LINE + 1):
        if len(line) > MAX_LINE:
            raise SheetError(f"{path}: a line longer than {MAX_LINE:,} characters; is this the exported file?")
        yield line


def _excel_rows(path: Path) -> Iterator[Sequence[object]]:
    """The header, then each row of the first sheet cut to the header's width, streamed."""
    from openpyxl import load_workbook  # only for Excel files
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, BadZipFile, KeyError, ValueError, ParseError) as err:
        raise SheetError(f"{path}: not a readable Excel workbook ({err}); save it again as .xlsx") from err
    try:
        sheet = book.worksheets[0]
        header = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS + 1, values_only=True), None)
        if header is None:
            return
        width = _width(header, path)
        yield header[:width]
        if width:
            yield from sheet.iter_rows(min_row=2, max_col=width, values_only=True)
    except (BadZipFile, KeyError, ValueError, ParseError) as err:
        raise SheetError(f"{path}: not a readable Excel workbook ({err}); save it again as .xlsx") from err
    finally:
        book.close()
