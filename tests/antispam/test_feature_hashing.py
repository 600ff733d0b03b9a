"""Words are hashed for a whole batch at once; a comment's features must not depend on its neighbours."""

import numpy as np

from broadsheet.antispam.core import Submission
from broadsheet.antispam.core.features import CHARACTER_FEATURES, hash_features

COMMENTS = [
    Submission(content="Check out my channel http://cheap.example.ru now!"),
    Submission(content=""),
    Submission(content="Ünïcode wörds, ＦＲＥＥ and 😀 too", url="https://blog.example.org/"),
    Submission(content="song song song, what a song"),
]


def token_features_of(features, row):
    """The (column, name) pairs of one submission's word and other token occurrences, sorted."""
    names = features.token_names
    first_token = len(features.columns) - len(names)
    return sorted(
        (int(features.columns[first_token + occurrence]), names[occurrence])
        for occurrence in range(len(names))
        if features.rows[first_token + occurrence] == row
    )


def test_a_comment_hashes_the_same_alone_and_in_a_batch():
    batch = hash_features(COMMENTS)

    for row, comment in enumerate(COMMENTS):
        alone = hash_features([comment])
        assert token_features_of(batch, row) == token_features_of(alone, 0)
        in_batch = np.sort(batch.columns[batch.rows == row])
        assert np.array_equal(in_batch, np.sort(alone.columns))


def test_the_same_word_or_pair_lands_in_one_column_and_different_ones_apart():
    features = token_features_of(hash_features(COMMENTS), 3)
    columns_by_name: dict[str, set[int]] = {}
    for column, name in features:
        columns_by_name.setdefault(name, set()).add(column)

    assert columns_by_name["w:song"] and len(columns_by_name["w:song"]) == 1
    assert len(columns_by_name["b:song song"]) == 1
    distinct = {next(iter(columns)) for columns in columns_by_name.values()}
    assert len(distinct) == len(columns_by_name)
    assert all(column >= CHARACTER_FEATURES for column in distinct)


def columns_by_token(text: str) -> dict[str, int]:
    return {name: column for column, name in token_features_of(hash_features([Submission(content=text)]), 0)}


def test_word_order_matters_to_a_pair_and_letter_order_to_a_word():
    assert columns_by_token("dog bites")["b:dog bites"] != columns_by_token("bites dog")["b:bites dog"]
    anagrams = columns_by_token("listen silent")
    assert anagrams["w:listen"] != anagrams["w:silent"]


def other_token_names(submission):
    """The tokens beside words and word pairs (calls to action, domains, the author's name)."""
    features = token_features_of(hash_features([submission]), 0)
    return [name for _, name in features if not name.startswith(("w:", "b:"))]


def test_an_author_name_adds_only_its_shape_and_only_when_words_run_together():
    text = "Nice song, I listen to it every day"

    assert other_token_names(Submission(content=text, author="BestMusicChannel")) == ["a:<joined>"]
    assert other_token_names(Submission(content=text, author="xXGamerXx")) == ["a:<joined>"]
    assert other_token_names(Submission(content=text, author="Maria Lopez")) == []
    assert other_token_names(Submission(content=text, author="")) == []
