"""Main text: marked post bodies read directly, other pages through trafilatura."""

from lxml import html

from crawler.extract import maintext

BODY = " ".join(["Content-Marketing braucht Geduld und eine klare Zielgruppe."] * 12)


def page(body_class: str, text: str) -> html.HtmlElement:
    return html.fromstring(
        f"<html><body><nav>Start Blog Kontakt</nav><div class='sidebar'>Blogroll: Anna, Ben</div>"
        f"<article><div class='{body_class}'><p>{text}</p><div class='sharedaddy'>Teilen</div></div>"
        f"<div class='comments'>Tolle Idee! – Carla</div></article><footer>Impressum</footer></body></html>"
    )


def test_marked_post_body_is_read_without_trafilatura(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura called for a marked post body")

    monkeypatch.setattr(maintext.trafilatura, "extract", refuse)
    text = maintext.main_text(page("entry-content", BODY), "https://seo-blog.de/p/")
    assert text.startswith("Content-Marketing braucht Geduld")
    assert not any(word in text for word in ("Blogroll", "Teilen", "Carla", "Impressum", "Kontakt"))


def test_short_marked_body_goes_through_trafilatura(monkeypatch):
    calls = []
    monkeypatch.setattr(maintext.trafilatura, "extract", lambda *a, **k: calls.append(1) or "aus trafilatura")
    assert maintext.main_text(page("entry-content", "Kurz."), "https://seo-blog.de/p/") == "aus trafilatura"
    assert calls == [1]


def test_unmarked_page_goes_through_trafilatura(monkeypatch):
    calls = []
    monkeypatch.setattr(maintext.trafilatura, "extract", lambda *a, **k: calls.append(1) or "aus trafilatura")
    assert maintext.main_text(page("content", BODY), "https://seo-blog.de/p/") == "aus trafilatura"
    assert calls == [1]


def test_empty_main_text():
    assert maintext.main_text(html.fromstring("<html><body></body></html>"), "https://a.de/") == ""


def test_main_text_leaves_the_tree_unchanged():
    root = page("content", BODY)  # no marked body: trafilatura reads it
    before = html.tostring(root)
    assert "Content-Marketing" in maintext.main_text(root, "https://seo-blog.de/p/")
    assert html.tostring(root) == before


def test_marked_body_found_with_and_without_source():
    doc = html.tostring(page("post-body", BODY), encoding=str)
    root = html.fromstring(doc)
    assert maintext.main_text(root, "https://a.de/p/", source=doc) == maintext.main_text(root, "https://a.de/p/")
    assert maintext.main_text(root, "https://a.de/p/").startswith("Content-Marketing")


def test_class_token_must_match_exactly(monkeypatch):
    monkeypatch.setattr(maintext.trafilatura, "extract", lambda *a, **k: "aus trafilatura")
    assert maintext.main_text(page("entry-contents", BODY), "https://a.de/p/") == "aus trafilatura"
    assert maintext.main_text(page("x\tentry-content", BODY), "https://a.de/p/").startswith("Content-Marketing")
