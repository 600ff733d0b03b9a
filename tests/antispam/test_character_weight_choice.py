"""Training weighs character n-grams against words by cross-validation over its own groups, and ships the result."""

import numpy as np
import pytest

from broadsheet.antispam.core import LabelledExample, Submission, train
from broadsheet.antispam.core.learning import CHARACTER_WEIGHT_CANDIDATES, mean_recall_at_false_positive_rate

SPAM = [
    "check out my channel for free gift cards",
    "subscribe to my channel please",
    "visit my website and win money",
    "free giftcards at my page http://example.biz",
    "follow me and subscribe for more",
    "earn cash fast with my site",
]
HAM = [
    "the chorus of this song is great",
    "i remember hearing this in the summer",
    "the video still makes me laugh",
    "best dance in any music video",
    "my sister loves this song",
    "the drums at the end are amazing",
]


def examples(group: str, count: int) -> list[LabelledExample]:
    return [
        LabelledExample(Submission(content=f"{text} {group} {index}"), is_spam=is_spam, group=group)
        for index in range(count)
        for texts, is_spam in ((SPAM, True), (HAM, False))
        for text in texts
    ]


@pytest.fixture(scope="module")
def model():
    return train(examples("first", 6) + examples("second", 6) + examples("third", 6))


def test_training_records_which_character_weight_it_chose_and_why(model):
    assert model.metadata["character_weight"] in CHARACTER_WEIGHT_CANDIDATES
    assert set(model.metadata["character_weight_recall_at_target"]) == {
        str(candidate) for candidate in CHARACTER_WEIGHT_CANDIDATES
    }


def test_a_given_character_weight_is_used_without_searching():
    model = train(examples("first", 6) + examples("second", 6), character_weight=0.5)

    assert model.metadata["character_weight"] == 0.5
    assert "character_weight_recall_at_target" not in model.metadata


def test_the_chosen_model_still_separates_spam_from_genuine_comments(model):
    spam = model.probability(Submission(content="subscribe to my channel for free gift cards"))
    ham = model.probability(Submission(content="the chorus at the end is amazing"))

    assert spam > 0.5 > ham


def test_recall_at_a_false_positive_rate_is_averaged_over_comment_groups_only():
    # With 40 genuine comments 1% allows none above the threshold: it sits at the highest, 0.5 in group a.
    scores = np.array([0.1] * 39 + [0.5] + [0.9, 0.2] + [0.1] * 40 + [0.9, 0.9] + [0.0] * 40 + [0.0])
    groups = np.array(["a"] * 42 + ["b"] * 42 + ["sms"] * 41)
    is_spam = np.array(([False] * 40 + [True, True]) * 2 + [False] * 40 + [True])

    recall = mean_recall_at_false_positive_rate(scores, is_spam, groups, 0.01, auxiliary_groups={"sms"})

    assert recall == pytest.approx((0.5 + 1.0) / 2)
