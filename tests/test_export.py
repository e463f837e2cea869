"""CSV and JSON export: spreadsheet-safe, German Excel, same fields in both."""

import csv
import io
import json
import unicodedata

import pytest

from scoring.export import BOM, safe_cell, write_csv, write_json

ROWS = [
    {
        "rank": 1,
        "site": "müller-blog.de",
        "title": '=HYPERLINK("http://evil")',
        "score": 0.8123,
        "links_to_me": True,
        "top_terms": "social-media-marketing, größe",
        "emails": "a@b.de; c@d.de",
    },
    {
        "rank": 2,
        "site": "b.de",
        "title": 'Er sagte "Hallo",\nneue Zeile\x00',
        "score": 0.5,
        "links_to_me": False,
        "top_terms": "",
        "emails": "",
    },
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30", "'+49 30"),
        ("-5 Tipps", "'-5 Tipps"),
        ("@mention", "'@mention"),
        ("\tx", "'\tx"),
        ("\rx", "' x"),
        ("  =cmd", "'  =cmd"),
        ("a\x00b", "ab"),
        ("a\r\nb\nc", "a b c"),
        ("plain", "plain"),
        ("mid=dle", "mid=dle"),
        ("", ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def read_back(text, delimiter=","):
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_write_csv_header_and_values():
    buf = io.StringIO(newline="")
    write_csv(ROWS, buf)
    table = read_back(buf.getvalue())
    assert table[0] == ["rank", "site", "title", "score", "links_to_me", "top_terms", "emails"]
    assert table[1] == [
        "1",
        "müller-blog.de",
        '\'=HYPERLINK("http://evil")',
        "0.8123",
        "yes",
        "social-media-marketing, größe",
        "a@b.de; c@d.de",
    ]
    assert table[2][2] == 'Er sagte "Hallo", neue Zeile' and table[2][4] == "no"


def test_write_csv_no_nul_no_bare_newlines_in_cells():
    buf = io.StringIO(newline="")
    write_csv(ROWS, buf)
    text = buf.getvalue()
    assert "\x00" not in text and text.count("\r\n") == 3 and "\n" not in text.replace("\r\n", "")


def test_write_csv_excel_bom_semicolon_decimal_comma():
    buf = io.StringIO(newline="")
    write_csv(ROWS, buf, excel=True)
    text = buf.getvalue()
    assert text.startswith(BOM + "rank;site;")
    table = read_back(text[1:], delimiter=";")
    assert table[1][3] == "0,8123" and table[1][5] == "social-media-marketing, größe"


def test_write_csv_excel_file_bytes_are_utf8_with_bom(tmp_path):
    path = tmp_path / "p.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        write_csv(ROWS, fh, excel=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfrank;") and "müller".encode() in data


def test_write_csv_explicit_columns_for_header_without_rows():
    buf = io.StringIO(newline="")
    write_csv([], buf, columns=["rank", "site"])
    assert buf.getvalue() == "rank,site\r\n"


def test_write_json_same_fields_and_order():
    buf = io.StringIO()
    write_json(ROWS, buf)
    data = json.loads(buf.getvalue())
    assert [list(d) for d in data] == [list(r) for r in ROWS]
    assert data[0]["title"] == ROWS[0]["title"] and data[0]["links_to_me"] is True
    assert "\x00" not in data[1]["title"] and "müller" in buf.getvalue()


def test_write_json_non_finite_becomes_null():
    buf = io.StringIO()
    write_json([{"score": float("nan")}], buf)
    assert json.loads(buf.getvalue()) == [{"score": None}]


def test_empty_write_csv():
    buf = io.StringIO()
    write_csv([], buf)
    assert buf.getvalue() == "\r\n"


def test_empty_write_json():
    buf = io.StringIO()
    write_json([], buf)
    assert buf.getvalue() == "[]\n"


@pytest.mark.parametrize(
    "value",
    ["＝1+1", "＋49 30", "－5", "＠SUM(A1)", "  =1+1", "\u3000=1+1", "\xa0+1", "\u200b=1+1", " \ufeff＝1", "﹦1+1"],
)
def test_safe_cell_neutralises_full_width_and_hidden_formula_signs(value):
    assert safe_cell(value).startswith("'")


@pytest.mark.parametrize("excel", [False, True])
@pytest.mark.parametrize("title", ["Mein Blog;=1+1;x", "Tipps, =1+1, mehr", 'a;"=1+1";b', "x;＠SUM(1);y"])
def test_csv_cells_with_separators_are_quoted_for_either_split(title, excel):
    buf = io.StringIO()
    write_csv([{"site": "a.de", "title": title, "score": 0.5}], buf, excel=excel)
    text = buf.getvalue().removeprefix(BOM)
    for delimiter in (",", ";"):  # how a spreadsheet may split a double-clicked .csv
        cells = [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]
        starts = [cell.lstrip(' "\u200b')[:1] for cell in cells]
        assert not [c for c in starts if unicodedata.normalize("NFKC", c) in ("=", "+", "-", "@")], (delimiter, cells)
    assert list(csv.reader(io.StringIO(text), delimiter=";" if excel else ","))[1][1] == safe_cell(title)


def test_csv_cell_holding_a_semicolon_is_quoted_in_the_comma_csv():
    buf = io.StringIO()
    write_csv([{"site": "a.de", "title": "Mein Blog;x"}], buf)
    assert buf.getvalue().splitlines()[1] == 'a.de,"Mein Blog;x"'
