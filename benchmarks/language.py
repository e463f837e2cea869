"""Language guessing on the real pages: accuracy and time of `scoring.language.guess_language`.

Each page of ``../shared/realpages/html`` is guessed from its visible body text (scripts and styles
left out), as extraction does for a page that declares no language, at several sample sizes.
The truth is the manifest's ``lang`` column with the pages whose text is in another language than
their ``<html lang>`` corrected by hand (the same table as ``tests/test_language.py``).

Reproduce: ``python benchmarks/language.py`` (``--realpages DIR`` for another copy). Never run by
the test suite.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from lxml import html

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

from test_language import CONTENT_LANGUAGE  # noqa: E402

from scoring import language  # noqa: E402


def visible_text(raw: bytes) -> str:
    """Body text without scripts and styles."""
    root = html.document_fromstring(raw)
    for el in root.xpath("//script|//style"):
        el.drop_tree()
    body = root.find("body")
    return body.text_content() if body is not None else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realpages", type=Path, default=HERE.parent.parent / "shared" / "realpages")
    ap.add_argument("--samples", default="1000,2000,3000,5000")
    args = ap.parse_args()
    with (args.realpages / "html_manifest.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pages = [
        (CONTENT_LANGUAGE.get(r["file"], r["lang"]), visible_text((args.realpages / "html" / r["file"]).read_bytes()))
        for r in rows
    ]
    start = time.perf_counter()
    language.guess_language("Ein Satz, damit das Modell geladen ist.")
    print(f"model load: {time.perf_counter() - start:.2f} s")
    print("| sample chars | right | unknown | wrong | ms a page |\n|---:|---:|---:|---:|---:|")
    default = language.SAMPLE_CHARS
    try:
        for sample in map(int, args.samples.split(",")):
            language.SAMPLE_CHARS = sample
            start = time.perf_counter()
            guesses = [language.guess_language(text) for _, text in pages]
            ms = (time.perf_counter() - start) / len(pages) * 1000
            right = sum(g == truth for g, (truth, _) in zip(guesses, pages))
            unknown = guesses.count("")
            print(f"| {sample:,} | {right} | {unknown} | {len(pages) - right - unknown} | {ms:.2f} |")
    finally:
        language.SAMPLE_CHARS = default


if __name__ == "__main__":
    main()
