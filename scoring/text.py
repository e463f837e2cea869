"""Tokenising German and English blog text: folding, stop words, Snowball stemming.

Every document is tokenised with the stop list and stemmer of its own language (``de`` or
``en``, declared or guessed by `scoring.language`; other and unknown languages use English's). Text is NFKC-normalised
and case-folded, so ``ß`` becomes ``ss``; Umlauts are folded after stemming (``ä`` -> ``a``),
so "Größe", "Groesse" and "Grösse" meet. Hyphenated compounds such as
"Social-Media-Marketing" stay one token and also yield their parts. Words of site furniture
("Impressum", "Datenschutz", "Kommentare", "reply") are dropped like stop words.

>>> tokenize("Die besten Tipps für Social-Media-Marketing!", "de")
['best', 'tipps', 'social-media-marketing', 'social', 'media', 'marketing']
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import Stemmer
import stop_words

from scoring.language import guess_language, language_code

LANGUAGES = {"de": "german", "en": "english"}
DEFAULT_LANGUAGE = "en"

# A word: letters/digits, optionally joined by hyphens or apostrophes ("Social-Media-Marketing").
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# The same words without the single letters and digits standing alone, which never make a
# token: a tenth of all words, not looked up or counted (the regex is as fast).
_TOKEN_WORD_RE = re.compile(r"[^\W_]{2,}(?:[-'’][^\W_]+)*|[^\W_](?:[-'’][^\W_]+)+")
# Words of site furniture that survive main-text extraction on many blogs (legal pages,
# comment forms, navigation); they would make unrelated blogs look alike.
BOILERPLATE = frozenset(
    """
    impressum datenschutz datenschutzerklarung datenschutzerklaerung cookie cookies agb kontakt
    startseite menu navigation kommentar kommentare kommentieren antworten antwort teilen weiterlesen
    anmelden abmelden suche suchen copyright rechte vorbehalten
    imprint privacy policy terms contact home comment comments reply share login logout search
    rights reserved
""".split()
)

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "é": "e", "è": "e", "à": "a", "ç": "c"})


def fold(token: str) -> str:
    """Fold accents the German stemmer would fold anyway (``ä`` -> ``a``), for every language."""
    if token.isascii():  # nothing to fold (the common case; `str.translate` looks up every character)
        return token
    token = token.translate(_FOLD)
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """NFKC-normalise and case-fold (``ß`` -> ``ss``); drop NULs and control characters."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return text.replace("\x00", " ")


@cache
def stop_set(lang: str) -> frozenset[str]:
    """Stop words of a language, case-folded, with and without Umlauts."""
    words = stop_words.get_stop_words(LANGUAGES.get(lang, LANGUAGES[DEFAULT_LANGUAGE]))
    out = set()
    for word in words:
        word = normalize(word)
        out.add(word)
        out.add(fold(word))
        if lang == "de":  # "fuer", "ueber": the transliterated spelling
            out.add(word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))
    return frozenset(out)


@cache
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(LANGUAGES.get(lang, LANGUAGES[DEFAULT_LANGUAGE]))


def tokeniser_language(code: str) -> str:
    """The stop list and stemmer for a document language: its own for ``de`` and ``en``, else English.

    >>> tokeniser_language("de"), tokeniser_language("fr"), tokeniser_language("")
    ('de', 'en', 'en')
    """
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def language_of(declared: str | None, text: str = "") -> str:
    """A document's language: its declared one if given, else a guess; ``''`` when unknown.

    >>> language_of("de-DE"), language_of(None, "This is the best article about search and the web"), language_of("")
    ('de', 'en', '')
    """
    return language_code(declared) or (guess_language(text) if text else "")


def words(text: str) -> list[str]:
    """The words of ``text`` after `normalize`, before stemming (what `word_tokens` takes).

    Single characters standing alone are left out: they never make a token.

    >>> words("Die Größe von Social-Media-Marketing's, o-ton & 1 x")
    ['die', 'grösse', 'von', "social-media-marketing's", 'o-ton']
    """
    return _TOKEN_WORD_RE.findall(normalize(text))


def tokenize(text: str, lang: str, *, surface: dict[str, str] | None = None) -> list[str]:
    """Stemmed, folded, stop-word-free tokens of ``text`` in language ``lang``.

    Tokens are at least two characters and not pure numbers. ``surface``, if given, collects
    the first readable (unstemmed) form seen for each stem, for explanations. For many
    documents use a `Tokenizer`, which remembers stems of words it has seen, or count
    distinct `words` and map each once with `word_tokens`.
    """
    return Tokenizer(cache_size=0).tokenize(text, lang, surface=surface)


def word_tokens(word: str, lang: str, *, surface: dict[str, str] | None = None) -> list[str]:
    """The tokens of one of `words`' words: ``tokenize`` is this, word by word.

    >>> word_tokens("social-media-marketing", "de")
    ['social-media-marketing', 'social', 'media', 'marketing']
    """
    return word_tokenizer(lang)(word, surface)


def word_tokenizer(lang: str):
    """`word_tokens` for one language as a function ``(word, surface) -> tokens``.

    Binds the language's stop list and stemmer once, for tokenising many words.
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    stops, stem_word = stop_set(lang), _stemmer(lang).stemWord

    def stem(word: str) -> str:
        return _stem(word, stops, stem_word)

    def tokens(word: str, surface: dict[str, str] | None = None) -> list[str]:
        return _word_tokens(word, lang, stem, stem_word, surface)

    return tokens


class Tokenizer:
    """`tokenize` with a per-language cache of word -> stem ('' for dropped words).

    Words repeat (Zipf), so a corpus tokenises several times faster; the cache is cleared
    when it holds ``cache_size`` words, bounding memory.
    """

    def __init__(self, cache_size: int = 200_000):
        self.cache_size = cache_size
        self._cache: dict[str, dict[str, str]] = {}

    def _stem_fn(self, lang: str):
        stops = stop_set(lang)
        stem_word = _stemmer(lang).stemWord
        if not self.cache_size:
            return lambda word: _stem(word, stops, stem_word), stem_word
        cache = self._cache.setdefault(lang, {})

        def cached(word: str) -> str:
            stem = cache.get(word)
            if stem is None:
                if len(cache) >= self.cache_size:
                    cache.clear()
                stem = cache[word] = _stem(word, stops, stem_word)
            return stem

        return cached, stem_word

    def tokenize(self, text: str, lang: str, *, surface: dict[str, str] | None = None) -> list[str]:
        """See `tokenize`."""
        lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        stem, stem_word = self._stem_fn(lang)
        out: list[str] = []
        for word in words(text):
            out.extend(_word_tokens(word, lang, stem, stem_word, surface))
        return out


def _word_tokens(word: str, lang: str, stem, stem_word, surface: dict[str, str] | None) -> list[str]:
    """Tokens of one normalised word: its stem, or for a compound the joined stems and parts."""
    if "'" in word or "’" in word:  # "blogger's", "geht's": keep the word before it
        word = word.replace("’", "'").split("'", 1)[0]
    if "-" not in word:
        token = stem(word)
        if not token:
            return []
        if surface is not None and token not in surface:
            surface[token] = word if lang == "de" else fold(word)
        return [token]
    out = []
    parts = [p for p in word.split("-") if p]
    stems = [stem(p) for p in parts]
    if len(parts) > 1 and sum(1 for t in stems if t) > 1:
        compound = "-".join(fold(stem_word(p)) for p in parts)
        out.append(compound)
        if surface is not None and compound not in surface:
            surface[compound] = word
    for part, token in zip(parts, stems):
        if token:
            out.append(token)
            if surface is not None and token not in surface:
                surface[token] = part if lang == "de" else fold(part)
    return out


def _stem(word: str, stops: frozenset[str], stem_word) -> str:
    """Stem one word, or '' for stop words, boilerplate, numbers and single characters."""
    if len(word) < 2 or word.isdigit() or word in stops:
        return ""
    folded = fold(word)
    if folded in stops or folded in BOILERPLATE:
        return ""
    stem = fold(stem_word(word))
    return stem if len(stem) >= 2 else ""


def topic_terms(topic: str) -> list[str]:
    """Split a ``--topic`` value into phrases on commas and semicolons.

    >>> topic_terms("social media marketing, Content-Marketing;  ")
    ['social media marketing', 'Content-Marketing']
    """
    return [t.strip() for t in re.split(r"[,;\n]", topic or "") if t.strip()]
