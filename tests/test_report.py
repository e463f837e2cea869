"""`blogscout report` and `blogscout graph`: one self-contained file, looked at in headless Chromium."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from browser import chromium, requested_urls, screenshot, wait_for
from conftest import blogscout
from selenium.webdriver.common.by import By
from webproject import HOSTILE_TITLE, make_project

from crawler.services.graph import neighbourhood
from crawler.storage import db as dbmod
from crawler.web.labels import why_in
from crawler.web.svg import neighbourhood_svg
from scoring.rank import explain


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="module")
def report(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report.html"
    result = blogscout("report", "--db", str(project["db"]), "--out", str(out), "--lang", "de")
    assert result.returncode == 0, result.stderr
    return out


def test_report_requests_nothing_outside_the_file(report, project):
    html = report.read_text(encoding="utf-8")
    resources = re.findall(
        r'<(?:script|img|link|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)="([^"]*)"', html
    )
    assert resources == []
    assert "url(" not in re.sub(r"url\(#arrow-\w+\)", "", html)  # no CSS fetches (only in-SVG markers)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs), [
        h for h in hrefs if not h.startswith(("#", "http"))
    ][:5]


def test_report_renders_fully_with_the_network_blocked(report, project, tmp_path):
    with chromium(tmp_path / "profile", offline=True) as driver:
        requested_urls(driver)  # the browser's own start-up pages
        driver.get(report.as_uri())
        rows = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "table.ranking tbody tr"), what="table rows")
        nodes = driver.find_elements(By.CSS_SELECTOR, "svg.graph g.node")
        cards = driver.find_elements(By.CSS_SELECTOR, "article.card")
        assert len(rows) == len(cards) > 10
        assert len(nodes) >= len(project["seeds"]) + 10
        assert driver.find_element(By.TAG_NAME, "h1").text == "Blog-Partner"
        screenshot(driver, "report", tmp_path)
        fetched = [u for u in requested_urls(driver) if not u.startswith(("file:", "data:", "chrome:"))]
        assert fetched == []


def test_report_table_sorts_and_filters_in_the_browser(report, tmp_path):
    with chromium(tmp_path / "profile", offline=True) as driver:
        driver.get(report.as_uri())

        def first():
            return driver.find_element(By.CSS_SELECTOR, "table.ranking tbody tr").get_attribute("data-site")

        ranked_first = first()
        driver.find_element(By.XPATH, "//th[3]/button").click()  # score: ascending, worst first
        assert first() != ranked_first
        driver.find_element(By.XPATH, "//th[3]/button").click()
        assert first() == ranked_first
        langs = driver.find_elements(By.CSS_SELECTOR, "[data-filter=lang] option")
        assert {o.get_attribute("value") for o in langs} >= {"", "de", "en"}
        driver.find_element(By.CSS_SELECTOR, "[data-filter=lang] option[value=en]").click()
        visible = [r for r in driver.find_elements(By.CSS_SELECTOR, "table.ranking tbody tr") if r.is_displayed()]
        assert visible and all(r.get_attribute("data-lang") == "en" for r in visible)
        assert driver.find_element(By.CSS_SELECTOR, "[data-count]").text == str(len(visible))
        screenshot(driver, "report-filtered", tmp_path, full=False)


def test_report_shows_markup_in_titles_as_text_and_runs_nothing(report, project, tmp_path):
    with chromium(tmp_path / "profile", offline=True) as driver:
        driver.get(report.as_uri())
        card = driver.find_element(By.ID, f"card-{project['hostile']}")
        assert card.find_element(By.TAG_NAME, "h3").text == HOSTILE_TITLE
        assert driver.execute_script("return window.__pwned") is None
        assert driver.find_elements(By.CSS_SELECTOR, "img") == []
        hrefs = [a.get_attribute("href") or "" for a in driver.find_elements(By.TAG_NAME, "a")]
        assert not any(h.lower().startswith(("javascript:", "data:")) for h in hrefs)
        assert "javascript:window.__pwned=2" in card.text  # shown, as text
        driver.execute_script("arguments[0].scrollIntoView()", card)
        screenshot(driver, "report-hostile-card", tmp_path, full=False)


def test_report_cards_show_scores_activity_and_seeds(report, project):
    html = report.read_text(encoding="utf-8")
    first = html[html.index('<article class="card"') : html.index("</article>")]
    assert first.count('class="bar-fill') == 4  # three scores and the total
    assert first.count("<rect") == 12  # one bar a month
    assert any(seed in first for seed in project["seeds"])


def test_neighbourhood_svg_is_byte_identical_for_the_same_database(project):
    one = neighbourhood_svg(neighbourhood(project["db"]))
    two = neighbourhood_svg(neighbourhood(project["db"]))
    assert one == two
    ET.fromstring(str(one))  # well-formed XML
    graph = neighbourhood(project["db"])
    roles = {n["role"] for n in graph["nodes"]}
    assert roles == {"seed", "candidate", "between"} or roles >= {"seed", "candidate"}
    assert {e["kind"] for e in graph["edges"]} <= {"blogroll", "editorial", "comment"}
    assert 0 < len(graph["nodes"]) <= 90


def test_report_in_english_and_top(project, tmp_path):
    out = tmp_path / "top.html"
    result = blogscout("report", "--db", str(project["db"]), "--out", str(out), "--top", "5", "--lang", "en")
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h1>Blog partners</h1>" in html
    assert html.count('<article class="card"') == 5


@pytest.mark.parametrize("suffix,reader", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_graph_export_carries_scores_and_roles(project, tmp_path, suffix, reader):
    out = tmp_path / f"g{suffix}"
    result = blogscout("graph", "--db", str(project["db"]), "--out", str(out))
    assert result.returncode == 0, result.stderr
    G = reader(out)
    assert G.number_of_nodes() > 10 and G.number_of_edges() > 10
    roles = nx.get_node_attributes(G, "role")
    assert {roles[s] for s in project["seeds"]} == {"seed"}
    scores = nx.get_node_attributes(G, "score")
    assert float(scores[project["hostile"]]) > 0
    assert set(nx.get_edge_attributes(G, "kind").values()) <= {"blogroll", "editorial", "comment"}


@pytest.mark.parametrize(
    "args,needle",
    [
        (["graph", "--out", "g.png"], "--out g.png: unknown graph format"),
        (["report", "--out", "/nonexistent-dir/r.html"], "--out /nonexistent-dir/r.html"),
        (["report", "--lang", "fr", "--out", "r.html"], "--lang"),
    ],
)
def test_bad_output_is_one_error_line(project, tmp_path, args, needle):
    result = blogscout(*args, "--db", str(project["db"]), cwd=tmp_path)
    assert result.returncode in (1, 2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and needle in lines[0], result.stderr


def test_report_of_a_missing_database_is_one_error_line(tmp_path):
    result = blogscout("report", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "r.html"))
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()


def test_demo_writes_the_report_beside_the_export(tmp_path):
    db, out = tmp_path / "demo.db", tmp_path / "demo.csv"
    result = blogscout("demo", "--blogs", "10", "--db", str(db), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "demo-report.html").read_text(encoding="utf-8")
    assert html.count('<article class="card"') >= 1 and "<svg" in html


def test_report_prints_on_a4_with_the_whole_table(report, tmp_path):
    with chromium(tmp_path / "profile", width=700, offline=True) as driver:  # A4 less margins at 96 dpi
        driver.get(report.as_uri())
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        fits = driver.execute_script(
            "var t = document.querySelector('table.ranking'); return t.scrollWidth <= t.parentNode.clientWidth"
        )
        assert fits
        assert not driver.find_element(By.CSS_SELECTOR, "[data-filters]").is_displayed()
        screenshot(driver, "report-print", tmp_path, full=False)
        pdf = base64.b64decode(driver.print_page())
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= 2


def test_empty_crawl_gives_a_report_and_a_graph_without_candidates(tmp_path):
    db = tmp_path / "empty.db"
    handle = dbmod.connect(db)
    dbmod.finish_run(handle, dbmod.start_run(handle, "crawl", ["https://a.de/"], {}), "finished", {})
    handle.close()
    out, graph_file = tmp_path / "r.html", tmp_path / "g.graphml"
    assert blogscout("report", "--db", str(db), "--out", str(out), "--quiet").returncode == 0
    assert "No candidates yet" in out.read_text(encoding="utf-8")
    assert blogscout("graph", "--db", str(db), "--out", str(graph_file), "--quiet").returncode == 0
    assert nx.read_graphml(graph_file).number_of_nodes() == 0
    assert neighbourhood(db) == {"nodes": [], "edges": []}


@pytest.mark.parametrize("command", ["report", "graph"])
def test_output_never_replaces_the_database(project, command, tmp_path):
    before = project["db"].read_bytes()
    out = str(project["db"]) if command == "report" else str(project["db"].with_suffix(".gexf"))
    link = tmp_path / "g.gexf"
    if command == "graph":  # a symlink named like a graph file, pointing at the database
        link.symlink_to(project["db"])
        out = str(link)
    result = blogscout(command, "--db", str(project["db"]), "--out", out)
    assert result.returncode == 1 and "is the project database" in result.stderr
    assert project["db"].read_bytes() == before


def test_the_german_report_gives_its_reasons_in_german(report):
    html = report.read_text(encoding="utf-8")
    reasons = re.findall(r'<p class="why"><strong>Warum:</strong> ([^<]*)</p>', html)
    assert reasons and all("zum Thema" in r or "kein Themenbezug" in r for r in reasons)
    english = ("linked from", "on topic", " post(s)", "days, last", " site(s)", "no dated posts")
    assert not [r for r in reasons if any(word in r for word in english)]
    found_via = re.findall(r"<dt>Gefunden über</dt><dd>([^<]*)</dd>", html)
    assert found_via and not [v for v in found_via if " of " in v]


def test_every_reason_the_ranking_writes_has_a_german_form():
    """Each branch of `explain`, put together in one row, comes out without an English phrase."""
    row = {
        "top_terms": "seo, backlinks",
        "relevance": 0.9,
        "cocited_with_seeds": 3,
        "reciprocal": 1,
        "inbound_blogs": 4,
        "last_post": "2026-11-02",
        "activity": 0.1,
        "posts_180d": 2,
        "cooperation_url": "http://a.de/kooperation/",
        "links_to_me": True,
    }
    seeds = [("s1.de", "blogroll"), ("s2.de", "content"), ("s3.de", "comment"), ("s4.de", "nav"), ("s5.de", "opml")]
    sentences = [
        explain(row, seeds, ("copy.de", 0.45), 2),
        explain({**row, "relevance": 0.1, "links_to_me": False, "warm_prospect": True}, [], None, 0),
        explain({**row, "top_terms": "", "last_post": "", "cooperation_url": ""}, seeds[:1]),
    ]
    english = re.compile(
        r"\b(linked|from|of|topic|match|cited|mutual|with|posts?|days|last|open|score|lifted|"
        r"already|warm|prospect|copied|repeats|inactive|dated|site|seed)\b"
    )
    for sentence in sentences:
        german = why_in(sentence, "de")
        words = english.findall(re.sub(r"\([^)]*\)|\S+\.de\S*", "", german))  # terms, URLs and sites aside
        assert not [w for w in words if w not in ("Seed", "Seeds")], (german, words)
        assert why_in(sentence, "en") == sentence


def test_a_score_lifted_above_one_fills_its_bar_and_no_more():
    from jinja2 import Environment

    from crawler.web.render import add_helpers

    pct = add_helpers(Environment(autoescape=True)).filters["pct"]
    assert [pct(1.04), pct(0.5), pct(-0.1), pct(None)] == ["100", "50", "0", "0"]
