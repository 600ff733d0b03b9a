"""A site's moderators teach the shipped model a campaign it never saw, without the training data sets."""

import dataclasses
import subprocess
import sys
import time

import numpy as np
import pytest

from broadsheet.antispam.core import Judgement, LabelledExample, Submission, adapt, judge, load_default_model

CAMPAIGN = [
    "Grab your zorblax crystal voucher at zorblaxdeals before the offer ends",
    "zorblax crystal vouchers are back, grab yours at zorblaxdeals today",
    "Last day for the zorblax crystal voucher, everyone grab one at zorblaxdeals",
    "My cousin got a zorblax crystal voucher from zorblaxdeals, grab yours",
    "Hurry, zorblaxdeals is giving out zorblax crystal vouchers this week",
]
GENUINE = [
    "The council vote on the library budget deserves a follow-up article.",
    "I walked past the new bridge this morning and the cyclists love it.",
    "Thanks for explaining the tram timetable changes so clearly.",
]


def labelled(texts, is_spam):
    return [LabelledExample(Submission(content=text, author="Reader"), is_spam=is_spam) for text in texts]


@pytest.fixture(scope="module")
def shipped():
    return load_default_model()


@pytest.fixture(scope="module")
def adapted(shipped):
    return adapt(shipped, labelled(CAMPAIGN, True) + labelled(GENUINE, False))


def test_a_new_campaign_scores_higher_after_moderators_marked_a_few_of_its_comments(shipped, adapted):
    unseen = Submission(content="zorblax crystal vouchers for everyone, grab yours at zorblaxdeals now")

    assert adapted.probability(unseen) > shipped.probability(unseen) + 0.3


def test_genuine_comments_the_site_approved_stay_low(shipped, adapted):
    genuine = [example.submission for example in labelled(GENUINE, False)]

    assert adapted.probabilities(genuine).max() < min(0.3, shipped.metadata["hold_threshold"])


def test_adapting_keeps_thresholds_and_records_what_it_learned_from(shipped, adapted):
    assert adapted.metadata["spam_threshold"] == shipped.metadata["spam_threshold"]
    assert adapted.metadata["hold_threshold"] == shipped.metadata["hold_threshold"]
    assert adapted.metadata["adapted"]["site_examples"] == len(CAMPAIGN) + len(GENUINE)
    assert adapted.metadata["adapted"]["adapted_at"]


def test_adapting_leaves_the_given_model_unchanged(shipped, adapted):
    assert adapted.hashed_weights is not shipped.hashed_weights
    assert not np.array_equal(adapted.hashed_weights, shipped.hashed_weights)
    assert "adapted" not in shipped.metadata


def test_no_examples_give_an_equivalent_model(shipped):
    same = adapt(shipped, [])
    comments = [Submission(content=text) for text in CAMPAIGN + GENUINE]

    np.testing.assert_allclose(same.probabilities(comments), shipped.probabilities(comments))


def test_a_few_thousand_examples_adapt_in_well_under_a_few_seconds(shipped):
    examples = [
        LabelledExample(Submission(content=f"{text} ({number})"), is_spam=is_spam)
        for number in range(400)
        for texts, is_spam in ((CAMPAIGN, True), (GENUINE, False))
        for text in texts
    ]
    started = time.perf_counter()

    adapt(shipped, examples)

    assert time.perf_counter() - started < 5.0


def test_test_mode_submissions_are_never_learned_from(shipped):
    examples = [LabelledExample(Submission(content=CAMPAIGN[0], is_test=True), is_spam=True)]

    assert "adapted" not in adapt(shipped, examples).metadata


def test_the_prior_strength_must_be_positive(shipped):
    with pytest.raises(ValueError, match="prior_strength"):
        adapt(shipped, labelled(CAMPAIGN, True), prior_strength=0)


def test_adapting_needs_neither_django_nor_sklearn():
    script = (
        "import sys; from broadsheet.antispam.core import Judgement, LabelledExample, Submission, adapt, judge, load_default_model; "
        "adapt(load_default_model(), [LabelledExample(Submission(content='buy zorblax now'), True)]); "
        "loaded = [name for name in sys.modules if name.split('.')[0] in ('django', 'sklearn')]; "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stdout + result.stderr


def test_a_few_misjudged_comments_move_their_words_not_every_comments_score(shipped):
    # Genuine comments the model scored too high are what a site's moderators correct most; the correction
    # must land on their words, not on the intercept that every other comment shares.
    approved = [
        "Thumbs up if you are reading this on the ferry",
        "Like this if you remember the old harbour market",
        "Who else is watching the council meeting stream tonight",
    ] * 4
    adapted = adapt(shipped, labelled(approved, False))
    unrelated = Submission(
        content="Check out my channel for free gift cards http://win.example", author="Win"
    )

    assert abs(adapted.intercept - shipped.intercept) < 0.05
    assert abs(adapted.probability(unrelated) - shipped.probability(unrelated)) < 0.05


def test_a_judgement_decides_with_the_models_own_spam_threshold(shipped):
    borderline = labelled(["Who is watching in 2015?"], False)  # scored low, but not zero
    strict, lenient = (
        dataclasses.replace(
            shipped, metadata={**shipped.metadata, "spam_threshold": threshold, "hold_threshold": 1e-6}
        )
        for threshold in (1e-5, shipped.metadata["spam_threshold"])
    )

    assert judge(strict, borderline).false_positives == 1
    assert judge(lenient, borderline).false_positives == 0


def test_a_candidate_that_publishes_more_spam_is_worse():
    in_use, candidate = Judgement(0.20, 0, 1), Judgement(0.10, 0, 2)

    assert not candidate.is_no_worse_than(in_use)
    assert in_use.is_no_worse_than(in_use)


def test_a_candidate_that_holds_spam_the_model_in_use_marked_spam_is_no_worse():
    in_use, candidate = Judgement(0.20, 1, 0, spam_held=0), Judgement(0.20, 0, 0, spam_held=3)

    assert candidate.is_no_worse_than(in_use)
