"""Offline language guessing, good enough to notice a comment written in another language than the site's.

Two signals, no model download: the writing system (Cyrillic, Han, Arabic... cannot be English) and, for
Latin-script languages, which language's most common words the text uses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .links import links_in


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": words_of(
        """the and is are was were to of in that it you this for with on have be not but what at they my
        your just so all can do if me we like he she from will would there their an or how about love
        song a i its it's im i'm don't dont no yes one get got out up when who has had been our us them
        then than because know think really good great very much more some any here now day"""
    ),
    "de": words_of(
        """der die das und ist nicht ich du es ein eine zu mit auf den dem sich auch wie aber für ist sind
        war noch nur wir ihr sie hat haben wenn dass oder was bei einen einem mir dich"""
    ),
    "fr": words_of(
        """le la les et est un une des pas je tu il elle que qui dans pour sur avec ce cette mais vous
        nous sont du au aux mon ma très tout ça oui"""
    ),
    "es": words_of(
        """el la los las y es un una que de en por para con no se su al lo como pero muy mi yo tu esta
        este más porque cuando también eso hay son"""
    ),
    "it": words_of(
        """il lo la gli le e è un una che di in per con non si mi ti sono questo questa ma come più anche
        del della molto ho hai"""
    ),
    "pt": words_of(
        """o a os as e é um uma que de em por para com não se seu sua ao do da dos das como mas muito eu
        você isso está são"""
    ),
    "nl": words_of(
        """de het een en is van ik je niet dat die te zijn op met voor maar wat er ook als bij nog wel hij
        zij wij"""
    ),
}  # fmt: skip

LANGUAGES_OF_STOPWORD: dict[str, tuple[str, ...]] = {
    word: tuple(language for language, stopwords in STOPWORDS.items() if word in stopwords)
    for word in frozenset().union(*STOPWORDS.values())
}

# Writing systems that identify a language family on their own (first word of the Unicode character name).
SCRIPT_LANGUAGES: dict[str, str] = {
    "CYRILLIC": "ru",
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "THAI": "th",
    "DEVANAGARI": "hi",
}

WORD_PATTERN = re.compile(r"[^\W\d_]+", re.UNICODE)
MARKUP_PATTERN = re.compile(r"<[^>]{0,400}>|&\w+;|&#\d+;")
NON_LATIN_PATTERN = re.compile("[^\x00-\u024f]")  # beyond Basic Latin, Latin-1 and Latin Extended-A/B
MIN_LETTERS = 20  # like Antispam Bee, do not judge a few words: "OK!" is every language


@dataclass(frozen=True)
class LanguageGuess:
    language: str
    confidence: float  # share of the evidence that points at this language, 0..1


def _script_of(character: str) -> str:
    try:
        return unicodedata.name(character).split(" ", 1)[0]
    except ValueError:
        return ""


def guess_language(text: str) -> LanguageGuess | None:
    """The most likely language of `text`, or None when it is too short or the evidence is thin."""
    if len(text) < MIN_LETTERS:
        return None
    # Links and markup are not language ("watch?v=KQ6z" would count as words).
    for link in links_in(text):  # cached: the link rules have usually just asked
        text = text.replace(link, " ")
    if "<" in text or "&" in text:
        text = MARKUP_PATTERN.sub(" ", text)
    words = WORD_PATTERN.findall(text.lower())
    letters = sum(map(len, words))  # counting the words' letters is cheaper than testing every character
    if letters < MIN_LETTERS:
        return None
    if not text.isascii() and NON_LATIN_PATTERN.search(text):
        non_latin: dict[str, int] = {}
        for character in NON_LATIN_PATTERN.findall(text):
            # Letters only (the name lookup is the dear part): a byte-order mark is no writing system.
            language = character.isalpha() and SCRIPT_LANGUAGES.get(_script_of(character))
            if language:
                non_latin[language] = non_latin.get(language, 0) + 1
        if non_latin:
            language, count = max(non_latin.items(), key=lambda item: item[1])
            if count / letters >= 0.5:
                return LanguageGuess(language, count / letters)
    if len(words) < 4:
        return None
    hits = dict.fromkeys(STOPWORDS, 0)
    # Most words are no stopword: filter() drops them in C before the loop.
    for word in filter(LANGUAGES_OF_STOPWORD.__contains__, words):
        for language in LANGUAGES_OF_STOPWORD[word]:
            hits[language] += 1
    language = max(hits, key=hits.__getitem__)  # ties go to the language listed first
    best = hits[language]
    total = sum(hits.values())
    # Require several stopwords and a clear lead: short texts share words across languages ("a", "de").
    if best < 3 or best / len(words) < 0.15 or best / total < 0.5:
        return None
    return LanguageGuess(language, best / total)


def is_unlike_site_language(text: str, site_language: str) -> LanguageGuess | None:
    """The guessed language when it confidently differs from the site's, else None."""
    guess = guess_language(text)
    if guess is None:
        return None
    site = site_language.lower().split("-", 1)[0].split("_", 1)[0]
    if guess.language == site or guess.confidence < 0.6:
        return None
    return guess
