"""The language of a text: one guesser and one normaliser of language codes, for the whole project.

Extraction uses them for pages that declare no language, scoring for documents (which stemmer
and stop list to use) and for the export's ``language`` column. The guesser is py3langid (97
languages, calibrated probabilities) on a sample of the text; an unsure guess is ``''``
(unknown), never a default language. Measured on 177 real pages (benchmarks/RESULTS.md,
"Language guessing"): 177 right, against 169-171 for the German/English stop-word counts it
replaced, which also could not tell French or Dutch from English.

>>> guess_language("Wij hebben een week in Amsterdam doorgebracht en dit zijn onze beste tips.")
'nl'
>>> guess_language("Ok."), language_code("de-DE"), language_code("EN_us"), language_code("x-default")
('', 'de', 'en', '')
"""

from __future__ import annotations

import re
from functools import cache

# The guesser reads at most this many characters (whitespace collapsed): ~1 ms per 1,000
# characters; 3,000 got all 177 real pages right, 2,000 one wrong, 1,000 three wrong.
SAMPLE_CHARS = 3_000
# Below this probability the guess is unknown. Sentences of ten words score above 0.95;
# a menu ("Home About Contact Blog") or two words score far below.
MIN_CONFIDENCE = 0.8
# The primary subtag of a language tag (BCP 47: 2-3 letters): 'de-DE', 'de_AT', 'EN', 'nds'.
_CODE_RE = re.compile(r"^([a-z]{2,3})(?:$|[-_])")
# Codes that name no language: undetermined, multiple, no linguistic content.
_NOT_A_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


def language_code(value: str | None) -> str:
    """The lower-case ISO 639 code of a declared language or locale, or ``''``.

    >>> [language_code(v) for v in ("de-DE", "de_AT", " EN ", "nds", "german", "und", None)]
    ['de', 'de', 'en', 'nds', '', '', '']
    """
    if not value:
        return ""
    match = _CODE_RE.match(value.strip().lower())
    code = match.group(1) if match else ""
    return "" if code in _NOT_A_LANGUAGE else code


def guess_language(text: str) -> str:
    """The ISO 639 code of the language ``text`` is written in, or ``''`` when unsure.

    >>> guess_language("Das ist der beste Artikel über die Suche und das Netz")
    'de'
    >>> guess_language("Home About Contact Blog"), guess_language("")
    ('', '')
    """
    sample = " ".join(text[: SAMPLE_CHARS * 4].split())[:SAMPLE_CHARS]
    if not sample:
        return ""
    code, probability = _identifier().classify(sample)
    return language_code(code) if probability >= MIN_CONFIDENCE else ""


@cache
def _identifier():
    """py3langid's model with normalised probabilities, loaded once a process (~1 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
