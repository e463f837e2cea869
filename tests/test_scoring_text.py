"""Tokenising German and English text: folding, stop words, stemming, compounds."""

import pytest

from scoring.text import Tokenizer, fold, language_of, normalize, tokeniser_language, tokenize, topic_terms


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Die besten Tipps für Blogger", "de", ["best", "tipps", "blogg"]),
        ("The best tips for bloggers", "en", ["tip", "blogger"]),
        ("Größe GRÖSSE Groesse", "de", ["gross", "gross", "gross"]),
        ("Straße strasse", "de", ["strass", "strass"]),
        ("Häuser Haeuser", "de", ["haus", "haus"]),
        ("Marketing-Tipps 2024 x", "de", ["marketing-tipps", "marketing", "tipps"]),
    ],
)
def test_tokenize_stems_folds_and_drops_stop_words(text, lang, expected):
    assert tokenize(text, lang) == expected


def test_tokenize_keeps_hyphenated_compound_and_parts():
    tokens = tokenize("Social-Media-Marketing für Einsteiger", "de")
    assert tokens[:4] == ["social-media-marketing", "social", "media", "marketing"]


def test_tokenize_english_compound_is_stemmed_per_part():
    assert tokenize("Social-Media-Marketing", "en") == ["social-media-market", "social", "media", "market"]


def test_tokenize_german_stop_words_with_umlauts_and_transliteration():
    assert tokenize("über fuer für während waehrend", "de") == []


def test_tokenize_apostrophe_keeps_word_before_it():
    assert tokenize("blogger's guide", "en") == ["blogger", "guid"]


def test_tokenize_unknown_language_falls_back_to_english():
    assert tokenize("marketing", "fr") == tokenize("marketing", "en")


def test_tokenize_records_surface_forms():
    surface = {}
    tokenize("Größere Häuser", "de", surface=surface)
    assert surface["haus"] == "häuser"


def test_empty_tokenize():
    assert tokenize("", "de") == []


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        ("de-DE", "", "de"),
        ("EN_us", "", "en"),
        ("", "Das ist ein Test und der Text, den wir heute für die Suche geschrieben haben", "de"),
        ("fr", "", "fr"),
        ("", "", ""),
    ],
)
def test_language_of(declared, text, expected):
    assert language_of(declared, text) == expected


@pytest.mark.parametrize(("code", "expected"), [("de", "de"), ("en", "en"), ("fr", "en"), ("", "en")])
def test_tokeniser_language_falls_back_to_english(code, expected):
    assert tokeniser_language(code) == expected


def test_normalize_casefolds_sharp_s_and_drops_nul():
    assert normalize("STRAßE\x00x") == "strasse x"


def test_fold_umlauts_and_accents():
    assert fold("müller-café") == "muller-cafe"


def test_topic_terms_split_on_commas_and_semicolons():
    assert topic_terms(" social media marketing, SEO;; content ") == ["social media marketing", "SEO", "content"]


def test_empty_topic_terms():
    assert topic_terms("") == []


def test_tokenizer_cache_gives_same_tokens_as_tokenize():
    text = "Social-Media-Marketing: die größten Häuser, Tipps für Blogger's Alltag. Tipps!"
    tokenizer = Tokenizer(cache_size=3)  # cleared repeatedly while tokenising
    assert tokenizer.tokenize(text, "de") == tokenize(text, "de")
    assert tokenizer.tokenize(text, "de") == tokenize(text, "de")


@pytest.mark.parametrize(
    "text",
    [
        "a b-c d'e f’g h- -i j'' 1 22 3-4 ä ö-ü x_y _z_ o-ton",
        "Ein Wort, ein x, ein Social-Media-Marketing-Tipp; l’amour d'été a-b-c- -d-",
        "",
        "x",
        "x-",
        "-x",
        "x-y",
        "'x'",
        "A ß 9 ½ ² ª",
    ],
)
def test_words_are_regex_words_without_lone_single_characters(text):
    from scoring.text import _WORD_RE, normalize, words

    assert words(text) == [w for w in _WORD_RE.findall(normalize(text)) if len(w) > 1]
