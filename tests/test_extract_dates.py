"""Post dates written as people write them: text dates, date-like elements, what is no date."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.extract.signals import element_dates, text_date, text_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14. Mai 2024", "2024-05-14"),
        ("Veröffentlicht am 3. März 2025 von Anna", "2025-03-03"),
        ("14.05.2024", "2024-05-14"),
        ("4.5.2024, 16:20 von jovel", "2024-05-04"),
        ("May 14, 2024", "2024-05-14"),
        ("Posted on September 2nd, 2023", "2023-09-02"),
        ("14 May 2024", "2024-05-14"),
        ("1st Dec. 2022", "2022-12-01"),
        ("5. Okt. 2021", "2021-10-05"),
        ("2024-05-14", "2024-05-14"),
        ("12. Jänner 2020", "2020-01-12"),
        ("am 14. Mai 2024, geändert am 2. Juni 2024", "2024-05-14"),
    ],
)
def test_text_date_reads_german_and_english_forms(text, expected):
    assert text_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["© 2026 Anna Weber", "Mai 2024", "Archiv 2023", "31. Februar 2024", "14.13.2024", "Kapitel 14. Mai", "1.5 Mio"],
)
def test_text_date_rejects_years_months_and_impossible_days(text):
    assert text_date(text) == ""


def test_empty_text_date():
    assert text_date("") == ""


def _root(body: str):
    return html.fromstring(f"<html><body>{body}</body></html>")


def _never(el):
    return False


def test_text_dates_reads_time_without_datetime_and_date_classes():
    root = _root(
        '<article><time class="entry-date">7. Februar 2026</time></article>'
        '<div class="elementor-post-info"><span class="elementor-post-info__item--type-date">16.01.2026</span></div>'
        '<p class="post-meta">Posted on March 3, 2025</p>'
    )
    assert sorted(set(text_dates(root, _never))) == ["2025-03-03", "2026-01-16", "2026-02-07"]


def test_text_dates_ignores_plain_paragraphs_and_copyright():
    root = _root("<p>Am 14.05.2024 hat Google etwas geändert.</p><footer>© 2026 Anna</footer>")
    assert text_dates(root, _never) == []


def test_text_dates_skips_elements_the_caller_skips():
    root = _root('<time>1. Mai 2024</time><ol class="comment-list"><li><time>29. November 2026</time></li></ol>')
    in_comments = lambda el: el.getparent().tag == "li"  # noqa: E731
    assert text_dates(root, in_comments) == ["2024-05-01"]


def test_text_dates_leaves_time_with_datetime_to_element_dates():
    root = _root('<time datetime="2024-05-01T09:00:00+00:00">1. Mai 2024</time>')
    assert text_dates(root, _never) == [] and element_dates(root, _never) == ["2024-05-01"]


def test_element_dates_reads_hatom_published_written_as_text():
    root = _root('<span class="published">22. Oktober 2019</span>')
    assert element_dates(root, _never) == ["2019-10-22"]


def test_empty_text_dates():
    assert text_dates(_root(""), _never) == []
