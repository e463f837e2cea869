"""Write exports (CSV or JSON rows) to a path atomically, or to stdout for ``-``.

`check_output` is the one place an output path is judged before anything is computed: every
command that writes a file calls it first, so a new rule for output paths goes there.
An export of the project's blogs (``site`` and ``status`` columns) gets `STATUS_TIME` after
``status`` (`with_status_times`), so `import-status` can tell which statuses changed since.
"""

from __future__ import annotations

import glob
import os
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from crawler.errors import InputError, OutputError
from crawler.storage import db as dbmod
from crawler.storage.outreach import STATUS_TIME, load_statuses

STDOUT = "-"


FORMATS = ("csv", "json", "xlsx")


def export_format(out: str, fmt: str | None = None) -> str:
    """``fmt`` when given, else ``json`` for ``.json``, ``xlsx`` for ``.xlsx`` and ``csv`` for anything else."""
    if fmt:
        return fmt
    suffix = str(out).lower().rsplit(".", 1)[-1]
    return suffix if suffix in ("json", "xlsx") else "csv"


def check_format(fmt: str, excel: bool, out: str = "") -> None:
    """Refuse ``excel`` for JSON and Excel exports, and an Excel workbook on stdout."""
    if excel and fmt != "csv":
        raise InputError("--excel applies to CSV only; drop --excel or use --format csv")
    if fmt == "xlsx" and out == STDOUT:
        raise InputError("--format xlsx cannot go to stdout; pass a file name such as --out partners.xlsx")


DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")
"""Suffixes of the files that make up a project database: an export never replaces one."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(out: str, db: str | Path | None = None) -> Path:
    """The folder an export to ``out`` goes to; `OutputError` when the path cannot take a file.

    Refused: directories, devices, pipes and sockets, any SQLite database (an export never
    replaces one), and the project database ``db`` with its companion files (``-wal``,
    ``-shm``, ``-journal``, ``.lock``), also through a symlink. A symlink to a regular file is
    written through (see `real_target`).
    """
    target = real_target(out)
    if db is not None:
        database = Path(os.path.realpath(db))
        for suffix in DATABASE_COMPANIONS:
            own = database.with_name(database.name + suffix)
            if target == own or _same_file(target, own):
                raise OutputError(
                    f"--out {out}: is the project database {db}{suffix}; pass another file such as partners.csv"
                )
    if target.is_dir():
        raise OutputError(f"--out {out}: is a directory; pass a file name such as partners.csv")
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):
        raise OutputError(f"--out {out}: is a device or pipe, not a file; pass a file name, or '-' for stdout")
    if _is_sqlite(target):
        raise OutputError(
            f"--out {out}: is an SQLite database (another project?); pass another file such as partners.csv"
        )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"--out {out}: directory {folder} does not exist; create it or pass another path")
    return folder


def _is_sqlite(target: Path) -> bool:
    """Whether ``target`` is an existing SQLite database file (by its 16-byte header)."""
    try:
        with target.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def real_target(out: str | Path) -> Path:
    """The file an export to ``out`` lands in: a symlink's final target (the link itself stays)."""
    return Path(os.path.realpath(out))


def _file_mode(target: Path) -> int:
    """The mode an export gets: an existing file's, else what the umask allows (0666 & ~umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_rows(
    rows: Sequence[Mapping[str, Any]], stream: TextIO, *, fmt: str, excel: bool, columns: Sequence[str]
) -> None:
    """Rows as CSV (spreadsheet-safe, ``excel`` for German Excel) or JSON to an open text stream."""
    from scoring.export import write_csv, write_json

    if fmt == "json":
        write_json(rows, stream, columns=columns)
    else:
        write_csv(rows, stream, excel=excel, columns=columns)


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Remove the temporary files a killed writer of ``name`` left (their process id is gone)."""
    prefix = f".{name}."
    for path in folder.glob(f"{glob.escape(prefix)}*.tmp"):
        pid = path.name[len(prefix) :].split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there; keep the file
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


@contextmanager
def atomic_output(out: str | Path, db: str | Path | None = None) -> Iterator[Path]:
    """A temporary path beside the file ``out`` names, renamed over it when the block ends.

    ``out`` is checked first (`check_output`; ``db`` is the project database it must not
    replace); a symlink is written through to its target; the file gets the mode of the file
    it replaces, or what the umask allows. A failed write leaves the previous file as it was; the
    temporary file of a killed write (its name holds the process id) goes with the next write.
    """
    folder = check_output(str(out), db)
    target = real_target(out)
    mode = _file_mode(target)
    _remove_stale_temps(Path(folder), target.name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError as err:
        raise OutputError(f"--out {out}: cannot write in {folder} ({err.strerror}); pass another path") from err
    try:
        yield Path(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"--out {out}: cannot write ({err.strerror}); pass another path") from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def with_status_times(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], db: str | Path | None
) -> tuple[list[Mapping[str, Any]], list[str]]:
    """Rows and columns with `STATUS_TIME` after ``status``: when each site's stored status was set.

    Unchanged without a project database ``db`` or without ``site`` and ``status`` columns. The
    time is left empty where no status is stored, and where the stored status or note is no
    longer the row's (set after the rows were ranked): `import-status` then counts the
    database as changed after the file, so nothing set meanwhile is lost.
    """
    if db is None or "site" not in columns or "status" not in columns or STATUS_TIME in columns:
        return list(rows), list(columns)
    handle = dbmod.connect(db, create=False)
    try:
        stored = load_statuses(handle)
    finally:
        handle.close()
    stamped = []
    for row in rows:
        entry = stored.get(row.get("site"))
        same = entry and entry["status"] == row.get("status") and entry["note"] == (row.get("note") or "")
        stamped.append({**row, STATUS_TIME: entry["changed_at"] if same else ""})
    at = list(columns).index("status") + 1
    return stamped, [*columns[:at], STATUS_TIME, *columns[at:]]


def write_export(
    rows: Sequence[Mapping[str, Any]],
    out: str,
    *,
    fmt: str,
    excel: bool,
    columns: Sequence[str],
    db: str | Path | None = None,
) -> None:
    """Write the export to ``out`` ('-' for stdout) through `atomic_output`; ``db`` is the project
    database it must not replace, and where `with_status_times` reads the statuses' times."""
    rows, columns = with_status_times(rows, columns, db)
    if out == STDOUT:
        check_format(fmt, excel, out)
        write_rows(rows, sys.stdout, fmt=fmt, excel=excel, columns=columns)
        return
    with atomic_output(out, db) as tmp:
        if fmt == "xlsx":
            from scoring.excel import write_xlsx

            write_xlsx(rows, tmp, columns=columns)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                write_rows(rows, fh, fmt=fmt, excel=excel, columns=columns)
