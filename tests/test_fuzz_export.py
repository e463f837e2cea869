"""Property tests: any text a web page can carry leaves the CSV export well-formed and formula-free."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.export import safe_cell, write_csv

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
NASTY = st.sampled_from(
    [
        "=",
        "+",
        "-",
        "@",
        "\t",
        "\r",
        "\n",
        "\r\n",
        '"',
        "'",
        ",",
        ";",
        "\x00",
        " ",
        "\u2028",
        "=HYPERLINK(",
        "cmd|' /C calc'!A0",
        "\ufeff",
        "ä",
    ]
)
TEXT = st.lists(NASTY | st.text(max_size=6), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(value=TEXT)
def test_safe_cell_neutralises_any_text(value):
    cell = safe_cell(value)
    assert "\x00" not in cell and "\n" not in cell and "\r" not in cell
    assert not cell.lstrip(" \t\r\n").startswith(DANGEROUS) or cell.startswith("'")
    assert not cell.startswith(DANGEROUS)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {"site": TEXT, "title": TEXT, "emails": st.lists(TEXT, max_size=3), "score": st.floats(allow_nan=True)}
        ),
        max_size=8,
    ),
    excel=st.booleans(),
)
def test_write_csv_rows_round_trip_one_line_each(rows, excel):
    buf = io.StringIO(newline="")
    write_csv(rows, buf, excel=excel, columns=["site", "title", "emails", "score"])
    text = buf.getvalue().removeprefix("\ufeff")
    assert "\x00" not in text
    assert text.count("\r\n") == len(rows) + 1 and "\n" not in text.replace("\r\n", "")
    parsed = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))
    assert len(parsed) == len(rows) + 1 and all(len(r) == 4 for r in parsed)
    assert all(not cell.startswith(DANGEROUS) for row in parsed[1:] for cell in row[:3])
