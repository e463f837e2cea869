"""Seed validation: arguments, plain seed files, OPML blogrolls."""

import pytest

from crawler.services.seeds import SeedError, collect_seeds, normalise_seed


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("https://seo-blog.de", "https://seo-blog.de/"),
        ("seo-blog.de", "https://seo-blog.de/"),
        ("http://anna.blogspot.com/?utm_source=x", "http://anna.blogspot.com/"),
    ],
)
def test_normalise_seed_accepts(raw, expected):
    assert normalise_seed(raw) == expected


@pytest.mark.parametrize("raw", ["ftp://seo-blog.de/", "not a url", "javascript:alert(1)", "http://", ""])
def test_normalise_seed_rejects_with_one_line(raw):
    with pytest.raises(SeedError) as err:
        normalise_seed(raw)
    assert "\n" not in str(err.value) and "https://" in str(err.value)


def test_collect_seeds_reads_plain_file_with_comments(tmp_path):
    f = tmp_path / "seeds.txt"
    f.write_text("# my seeds\nhttps://seo-blog.de/\n\nhttps://anna.blogspot.com/  \nhttps://seo-blog.de/\n")
    assert collect_seeds(["https://ben.wordpress.com/"], [str(f)]) == [
        "https://ben.wordpress.com/",
        "https://seo-blog.de/",
        "https://anna.blogspot.com/",
    ]


def test_collect_seeds_reads_opml(tmp_path):
    f = tmp_path / "blogroll.opml"
    f.write_text("""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Blogs"><outline type="rss" text="Anna" htmlUrl="https://anna.blogspot.com/"
        xmlUrl="https://anna.blogspot.com/feeds/posts/default"/></outline></body></opml>""")
    assert collect_seeds([], [str(f)]) == ["https://anna.blogspot.com/"]


def test_empty_collect_seeds():
    with pytest.raises(SeedError, match="no seeds"):
        collect_seeds([], [])


def test_collect_seeds_empty_file(tmp_path):
    f = tmp_path / "seeds.txt"
    f.write_text("# nothing yet\n")
    with pytest.raises(SeedError, match="no URLs found"):
        collect_seeds([], [str(f)])


def test_collect_seeds_missing_file(tmp_path):
    with pytest.raises(SeedError, match="cannot read"):
        collect_seeds([], [str(tmp_path / "nope.txt")])
