"""Turning submissions into hashed n-gram and metadata features, with numpy only, the same at training and scoring.

Hashing is our own and deterministic (a polynomial rolling hash for character n-grams, a sum of mixed
characters for words, CRC-32 for the few other tokens), so a model trained on one machine scores identically
on another and needs no vocabulary file. Text is
normalised first so the model learns what spam *says*, not which URL or number one campaign used.
"""

from __future__ import annotations

import functools
import html
import itertools
import math
import re
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .language import words_of
from .links import EMAIL_HINT_PATTERN, EMAIL_PATTERN, LINK_PATTERN, domain_of, links_in, may_contain_links
from .submission import Submission

FEATURE_VERSION = 7
CHARACTER_HASH_BITS = 18
TOKEN_HASH_BITS = 20
CHARACTER_FEATURES = 1 << CHARACTER_HASH_BITS
TOKEN_FEATURES = 1 << TOKEN_HASH_BITS
HASHED_FEATURES = CHARACTER_FEATURES + TOKEN_FEATURES
CHARACTER_NGRAM_SIZES = (2, 3, 4, 5)
# Long texts add little evidence after the first paragraphs but cost time; rules still read all of it.
MAX_CHARACTERS = 1000
# Only the length: leave-one-video-out showed link counts, capital and digit ratios and the like overfit
# (they differ more between sources than between spam and ham); the rules judge links instead.
METADATA_NAMES = ("log_length",)
METADATA_FEATURES = len(METADATA_NAMES)

TAG_PATTERN = re.compile(r"<[^>]{0,400}>")
DIGIT_PATTERN = re.compile(r"\d")
REPEATED_CHARACTER_PATTERN = re.compile(r"(.)\1\1\1+")  # four or more; a fifth faster than (.)\1{3,}
# "?!?!?!?!" and "!!!!!!" say the same as "?!?" and "!!!": the length of a run is style, not spam.
PUNCTUATION_RUN_PATTERN = re.compile(r"[!?.,:;$*~^+=#-]{4,}")
INVISIBLE_PATTERN = re.compile("[\ufeff\u200b\u200c\u200d\u2060\xad]")
TOKEN_PATTERN = re.compile(r"[^\W_]+|[!?$€£%@#]")

_ROLLING_PRIME = np.uint64(1099511628211)
_MIX_MULTIPLIER = np.uint64(0xFF51AFD7ED558CCD)
_SHIFT = np.uint64(33)
_SIZE_SALTS = {size: np.uint64((size * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) for size in range(1, 10)}
_WORD_CHARACTER_SALT = np.uint64(0xC2B2AE3D27D4EB4F)
_WORD_SALT = np.uint64(0x165667B19E3779F9)
_BIGRAM_SALT = np.uint64(0x27D4EB2F165667C5)
_POSITION_SHIFT = np.uint64(
    21
)  # Unicode code points need 21 bits; a character's place in its word goes above


# Links to the video site itself are how people cite a song or a scene; links elsewhere are how spam sells.
VIDEO_SITES = ("youtube.com", "youtu.be")

# Calls to action that comment spam makes whatever it sells, as features whose weights are learned (the
# self_promotion rule adds a fixed weight; these let the model weigh each intent on its own data). They read
# normalised text: lowercase, digits as 0, links as httplink/youtubelink. Each pattern is only tried when
# one of its words occurs, which keeps the ten searches from costing more than the rest of the features.
# Comment spam asks in the commenter's language, whatever the site's: each intent also knows the common
# wording in Spanish, Portuguese, French, German and Italian (the Latin-script languages language.py tells).
INTENTS: dict[str, tuple[frozenset[str], str]] = {
    "promote_channel": (
        words_of("my our mi mis nuestro meu meus minha nosso mon ma mes mein meinen meine mio miei"),
        r"\b(?:my|our)\s+(?:new\s+)?(?:youtube\s+|gaming\s+|music\s+)?"
        r"(?:channel|videos?|songs?|music|playlist|page|site|website|blog|profile|covers?|albums?|mixtapes?"
        r"|remix(?:es)?|beats|podcast|tracks?(?!\s+record))\b"
        r"|\b(?:mis?|nuestro|meus?|minha|nosso|mon|ma|mes|mein(?:en|e)?|mio|miei)\s+"
        r"(?:nuevo\s+|novo\s+|nouvelle\s+|neue[nr]?\s+)?"
        r"(?:canal|canale|chaîne|chaine|kanal|v[ií]deos?|vidéos?|videos?|blog|página|pagina|sitio)\b",
    ),
    "check_out": (
        frozenset({"check", "checkout", "take", "look"}),
        r"\bcheck\s*(?:out|it\s*out|me\s+out|us\s+out|this\s+out)\b|\btake\s+a\s+look\b|\blook\s+(?:me\s+)?up\b",
    ),
    "subscribe": (
        words_of(
            """sub subscribe subscribed subscribing subcribe subsribe suscribe suscribete suscríbete
            suscribanse suscríbanse suscribirse subscribirse inscreva inscrevam inscrevase abonnez abonne
            abonniert iscriviti iscrivetevi"""
        ),
        r"\b(?:sub(?:scribe|scribed|scribing|cribe|sribe)?|suscribe)\s*(?:to\s+)?(?:me|my|us|our|back|0|for)\b"
        r"|\bsusc?r[ií]b(?:ete|anse|irse)\b|\bsubscribirse\b|\binscrev(?:a|am|ase)\b"
        r"|\babonne(?:z|-toi)\b|\babonniert\s+(?:mich|meinen|uns)\b|\biscrivi(?:ti|tevi)\b",
    ),
    "like_comment": (
        words_of("like thumbs upvote give dale denle deixa deixem deem"),
        r"\b(?:like|thumbs\s+up|upvote)\s+(?:this|my)\s+(?:comment|post)\b|\bgive\s+it\s+a\s+like\b"
        r"|\b(?:dale|denle|deixa|deixem|deem)\s+(?:un\s+|o\s+|seu\s+)?like\b",
    ),
    "share": (frozenset({"share"}), r"\bshare\s+(?:this|it|my)\b|\blike\s*(?:&|and)\s*share\b"),
    "vote": (frozenset({"vote"}), r"\bvote\s+(?:for|daily)\b"),
    "visit": (
        frozenset({"visit", "go", "search", "google", "look", "click"}),
        r"\b(?:visit|go\s+to|search|google|look\s+up)\s+(?:my|our|this|httplink|youtubelink)\b"
        r"|\bclick\s+(?:here|the\s+link|this)\b",
    ),
    "free": (
        frozenset({"free", "gift", "giftcard", "giftcards", "giveaway"}),
        r"\bfree\b|\bgift\s*cards?\b|\bgiveaway\b",
    ),
    "money": (
        frozenset(
            {
                "earn",
                "make",
                "win",
                "won",
                "paypal",
                "pay",
                "bitcoin",
                "bitcoins",
                "donate",
                "prize",
                "prizes",
                "$",
            }
        ),
        r"\b(?:earn|make|win|won)\s+(?:real\s+|some\s+|extra\s+)?(?:money|cash|0+|\$)|\bpay\s*pal\b"
        r"|\bbitcoins?\b|\bdonate\b|\bprizes?\b|\$\s?0",
    ),
    "follow": (
        words_of("follow add sigueme sígueme siganme síganme sigam segue suivez folgt seguitemi"),
        r"\bfollow\s+(?:me|us|my)\b|\badd\s+me\b|\bs[ií]g(?:ue|an)me\b|\bsigam-me\b|\bme\s+segue\b"
        r"|\bsuivez-moi\b|\bfolgt\s+mir\b|\bseguitemi\b",
    ),
}
INTENT_PATTERNS = tuple((name, words, re.compile(pattern)) for name, (words, pattern) in INTENTS.items())
INTENT_TRIGGERS = frozenset().union(*(words for words, _ in INTENTS.values()))


def _link_placeholder(match: re.Match[str]) -> str:
    domain = domain_of(match.group(0))
    if any(domain == site or domain.endswith("." + site) for site in VIDEO_SITES):
        return " youtubelink "
    return " httplink "


def normalise_text(text: str) -> str:
    """Lowercased text with markup removed and links, emails and digits replaced by placeholders.

    NFKC folds the look-alike letters spam uses to dodge word lists (fullwidth ＦＲＥＥ, mathematical 𝐟𝐫𝐞𝐞).
    """
    text = INVISIBLE_PATTERN.sub("", html.unescape(text))
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if "<" in text:
        text = TAG_PATTERN.sub(" ", text)
    if may_contain_links(text):
        text = LINK_PATTERN.sub(_link_placeholder, text)
    if "@" in text and EMAIL_HINT_PATTERN.search(text):
        text = EMAIL_PATTERN.sub(" emailaddress ", text)
    text = DIGIT_PATTERN.sub("0", text.lower())
    text = REPEATED_CHARACTER_PATTERN.sub(r"\1\1\1", text)
    text = PUNCTUATION_RUN_PATTERN.sub(lambda match: match.group(0)[:3], text)
    return " ".join(text.split())


@dataclass(frozen=True)
class HashedFeatures:
    """Feature occurrences for a batch: row i of `rows` names the submission, `columns` the hashed feature."""

    count: int
    rows: np.ndarray  # int64, one entry per occurrence (duplicates are counted later)
    columns: np.ndarray  # int64
    metadata: np.ndarray  # float64, shape (count, METADATA_FEATURES), raw (not yet standardised)
    # The names of the word, intent and domain token occurrences, which follow all character n-gram
    # occurrences in `rows`/`columns`: what lets a score be explained in words.
    token_names: TokenNames | None = None


def _character_ngram_columns(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed character 2..5-grams of all texts at once, as (row, column) pairs."""
    joined = "\x00".join(" " + text[:MAX_CHARACTERS] + " " for text in texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    separators_before = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(codes == 0, out=separators_before[1:])
    rows: list[np.ndarray] = []
    columns: list[np.ndarray] = []
    # Rolling: the hash of every n-gram extends the hash of the (n-1)-gram starting at the same place.
    hashes = codes
    for size in range(2, max(CHARACTER_NGRAM_SIZES) + 1):
        starts = len(codes) - size + 1
        if starts <= 0:
            break
        hashes = hashes[:starts] * _ROLLING_PRIME + codes[size - 1 : size - 1 + starts]
        if size not in CHARACTER_NGRAM_SIZES:
            continue
        # An n-gram spanning the separator between two texts belongs to neither.
        inside_one_text = separators_before[size : size + starts] == separators_before[:starts]
        positions = np.flatnonzero(inside_one_text)
        rows.append(separators_before[positions])
        columns.append(
            (_mixed(hashes[positions], _SIZE_SALTS[size]) & np.uint64(CHARACTER_FEATURES - 1)).astype(
                np.int64
            )
        )
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(columns)


def _mixed(hashes: np.ndarray, salt: np.uint64) -> np.ndarray:
    """A new array of hashes whose bits all depend on all bits of the input (a 64-bit finaliser)."""
    mixed = hashes ^ salt
    mixed ^= mixed >> _SHIFT
    mixed *= _MIX_MULTIPLIER
    mixed ^= mixed >> _SHIFT
    return mixed


def _word_hashes(words: Sequence[str]) -> np.ndarray:
    """A 64-bit hash of every word at once: the sum of its characters, each mixed with its place in the word.

    Hashing words one by one in Python (encode, CRC-32) cost a fifth of scoring a news-length comment.
    """
    if not words:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    starts = np.zeros(len(words), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    places = (np.arange(len(codes), dtype=np.int64) - np.repeat(starts, lengths)).astype(np.uint64)
    characters = _mixed(codes | (places << _POSITION_SHIFT), _WORD_CHARACTER_SALT)
    hashes: np.ndarray = np.add.reduceat(characters, starts)
    return hashes


def _token_column(hashes: np.ndarray, salt: np.uint64) -> np.ndarray:
    return CHARACTER_FEATURES + (_mixed(hashes, salt) & np.uint64(TOKEN_FEATURES - 1)).astype(np.int64)


def token_columns(tokens: Sequence[str], crc32: Callable[[bytes], int] = zlib.crc32) -> list[int]:
    """The hashed columns of the tokens that are not words (calls to action, domains): a few per comment."""
    return [CHARACTER_FEATURES + (crc32(token.encode("utf-8")) & (TOKEN_FEATURES - 1)) for token in tokens]


@dataclass(frozen=True)
class TokenNames:
    """The names of a batch's token occurrences, built only when asked for ("w:song", "b:my channel").

    Occurrences come in three runs: every word of the batch, every pair of neighbouring words within one
    submission (by the index of its first word), then every other token.
    """

    words: Sequence[str]
    bigram_first_words: np.ndarray
    others: Sequence[str]

    def __len__(self) -> int:
        return len(self.words) + len(self.bigram_first_words) + len(self.others)

    def __getitem__(self, occurrence: int) -> str:
        if occurrence < len(self.words):
            return "w:" + self.words[occurrence]
        occurrence -= len(self.words)
        if occurrence < len(self.bigram_first_words):
            first = int(self.bigram_first_words[occurrence])
            return f"b:{self.words[first]} {self.words[first + 1]}"
        return self.others[occurrence - len(self.bigram_first_words)]


def _domain_tokens(prefix: str, domain: str) -> list[str]:
    if not domain:
        return []
    labels = domain.split(".")
    # The registered-looking part ("example.com") generalises across subdomains; the TLD across campaigns.
    return [f"{prefix}:{'.'.join(labels[-2:])}", f"{prefix}.tld:{labels[-1]}"]


# Words run together with inner capitals ("BestMusicChannel", "xXGamerXx") are how channels and brands name
# themselves: 62-65% of such names posted spam in each shared video, against 50-54% of all names. One token
# whose weight training learns, not a rule. Surname particles ("McCoy") were left in: of the six such names
# in the shared videos four posted spam, and leaving them out moved the character weight training chose.
JOINED_NAME_PATTERN = re.compile(r"[a-z][A-Z]")
JOINED_NAME_TOKEN = "a:<joined>"


def other_tokens(submission: Submission, normalised: str, words: Sequence[str]) -> list[str]:
    """The tokens beside the words and word pairs: calls to action, the author name's shape, and link,
    website and e-mail domains."""
    tokens = intent_tokens(normalised, words)
    # Of the author's name only its shape, not its words: words identify people (they cost 0.004-0.011 F1
    # on held-out videos) and an authorless file would look like the authorless SMS set. Keyword names are
    # a rule instead.
    if JOINED_NAME_PATTERN.search(submission.author):
        tokens.append(JOINED_NAME_TOKEN)
    for link in links_in(submission.content[: MAX_CHARACTERS * 2]):
        tokens.extend(_domain_tokens("d", domain_of(link)))
    if submission.url:
        tokens.append("u:<present>")
        tokens.extend(_domain_tokens("u", domain_of(submission.url)))
    if "@" in submission.email:
        tokens.extend(_domain_tokens("e", submission.email.rsplit("@", 1)[1].lower()))
    return tokens


def intent_tokens(normalised: str, words: Sequence[str] | None = None) -> list[str]:
    """One token per call to action found, and one more for any at all (campaigns vary the wording)."""
    present = INTENT_TRIGGERS.intersection(TOKEN_PATTERN.findall(normalised) if words is None else words)
    if not present:  # most genuine comments
        return []
    found = [
        f"i:{name}"
        for name, triggers, pattern in INTENT_PATTERNS
        if not triggers.isdisjoint(present) and pattern.search(normalised)
    ]
    if found:
        found.append("i:any")
    return found


def metadata_of(submission: Submission, normalised: str) -> list[float]:
    return [math.log1p(len(normalised))]


def hash_features(submissions: Sequence[Submission]) -> HashedFeatures:
    """Hashed features of a batch of submissions (the same function serves one submission or ten thousand)."""
    normalised = [normalise_text(submission.content[: MAX_CHARACTERS * 2]) for submission in submissions]
    character_rows, character_columns = _character_ngram_columns(normalised)
    words_per_text = [TOKEN_PATTERN.findall(text) for text in normalised]
    words = list(itertools.chain.from_iterable(words_per_text))
    word_counts = np.fromiter(map(len, words_per_text), dtype=np.int64, count=len(submissions))
    word_rows = np.repeat(np.arange(len(submissions), dtype=np.int64), word_counts)
    word_hashes = _word_hashes(words)
    bigram_first_words = np.flatnonzero(word_rows[1:] == word_rows[:-1])
    bigram_hashes = word_hashes[bigram_first_words] * _ROLLING_PRIME + word_hashes[bigram_first_words + 1]
    others = [
        other_tokens(submission, text, text_words)
        for submission, text, text_words in zip(submissions, normalised, words_per_text, strict=True)
    ]
    other_rows = np.repeat(np.arange(len(submissions), dtype=np.int64), [len(tokens) for tokens in others])
    flat_others = list(itertools.chain.from_iterable(others))
    metadata = np.array(
        [metadata_of(submission, text) for submission, text in zip(submissions, normalised, strict=True)],
        dtype=np.float64,
    ).reshape(len(submissions), METADATA_FEATURES)
    return HashedFeatures(
        count=len(submissions),
        rows=np.concatenate([character_rows, word_rows, word_rows[bigram_first_words], other_rows]),
        columns=np.concatenate(
            [
                character_columns,
                _token_column(word_hashes, _WORD_SALT),
                _token_column(bigram_hashes, _BIGRAM_SALT),
                np.asarray(token_columns(flat_others), dtype=np.int64),
            ]
        ),
        metadata=metadata,
        token_names=TokenNames(words, bigram_first_words, flat_others),
    )


INTENT_DESCRIPTIONS = {
    "promote_channel": "promoting their own channel or site",
    "check_out": "“check out”",
    "subscribe": "asking for subscribers",
    "like_comment": "asking for likes",
    "share": "asking for shares",
    "vote": "asking for votes",
    "visit": "sending readers elsewhere",
    "free": "offering something free",
    "money": "talk of money",
    "follow": "asking for followers",
}
# What normalise_text put in place of links, addresses and digits: alone, and inside a quoted phrase.
PLACEHOLDERS = {
    "httplink": ("a link", "[link]"),
    "youtubelink": ("a YouTube link", "[YouTube link]"),
    "emailaddress": ("an e-mail address", "[e-mail]"),
}
NUMBER_PLACEHOLDER = ("a number", "[number]")
# Link, website and e-mail domain tokens (see _domain_tokens) by their prefix.
SOURCE_DESCRIPTIONS = {
    "d": "a link to {}",
    "d.tld": "a link to a .{} address",
    "u": "the website {}",
    "u.tld": "a .{} website",
    "e": "an e-mail address at {}",
    "e.tld": "a .{} e-mail address",
}


@functools.lru_cache(maxsize=8192)  # the same few thousand words and phrases explain most scores
def describe_token(token: str) -> str | None:
    """A token as a moderator can read it ("b:my channel" -> “my channel”); None for one that says nothing."""
    kind, _, value = token.partition(":")
    if kind in ("w", "b"):
        words = value.split()
        placeholders = [
            PLACEHOLDERS.get(word, NUMBER_PLACEHOLDER if not word.strip("0") else None) for word in words
        ]
        if len(words) == 1 and placeholders[0]:
            return placeholders[0][0]
        quoted = (
            placeholder[1] if placeholder else word
            for word, placeholder in zip(words, placeholders, strict=True)
        )
        return "“" + " ".join(quoted) + "”"
    if kind == "i":
        return INTENT_DESCRIPTIONS.get(value)
    if token == JOINED_NAME_TOKEN:
        return "an author name of words run together, like a channel's"
    if value == "<present>":
        return "giving a website"
    description = SOURCE_DESCRIPTIONS.get(kind)
    return description.format(value) if description else None


@dataclass(frozen=True)
class WeightedFeatures:
    """Feature occurrences with their values; repeated (row, column) pairs add up to term frequency x IDF."""

    count: int
    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray


def weigh_features(features: HashedFeatures, idf: np.ndarray) -> WeightedFeatures:
    """Term frequency times IDF, divided by sqrt(sum of tf x idf^2), separately for characters and tokens.

    That normalisation can be computed per occurrence, without first merging repeated n-grams (a sort
    that would cost more than everything else at scoring time). Separate blocks keep the few word and
    domain tokens from being drowned by hundreds of character n-grams.
    """
    idf_values = idf[features.columns].astype(np.float64)
    blocks = features.rows * 2 + (features.columns >= CHARACTER_FEATURES)
    squared_norms = np.bincount(blocks, weights=idf_values * idf_values, minlength=features.count * 2)
    # One square root per block, not per occurrence: a comment has two blocks and hundreds of occurrences.
    values = idf_values * (1.0 / np.sqrt(np.maximum(squared_norms, 1e-12)))[blocks]
    return WeightedFeatures(count=features.count, rows=features.rows, columns=features.columns, values=values)
