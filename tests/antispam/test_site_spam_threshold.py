"""A site's own genuine comments check the spam threshold: where they would be marked spam, it is raised."""

import dataclasses
import itertools

import pytest

from broadsheet.antispam.core import (
    Decision,
    Engine,
    LabelledExample,
    Policy,
    Submission,
    adapt,
    adapt_to_site,
    load_default_model,
    site_spam_threshold,
)
from broadsheet.antispam.core.adaptation import (
    MIN_GENUINE_TO_CHECK_THRESHOLD,
    genuine_marked_spam_within_target,
)

# Readers pointing each other to sources: a link and "check out", which comment spam taught the model.
SOURCES = [
    "the council's budget", "the school report", "the flood map", "the court ruling", "the census table",
    "the rail timetable", "the hospital figures", "the planning document",
]  # fmt: skip
VERBS = ["Check out", "Take a look at", "Have a look at", "Read"]
TOWNS = ["Leeds", "Hull", "York", "Bath"]
SHARING = [
    f"{verb} {source} here: http://data.example.org/{town.lower()} for {town}, or for your own town!"
    for verb, source, town in itertools.product(VERBS, SOURCES, TOWNS)
]


def genuine(texts):
    return [LabelledExample(Submission(content=text, author="Reader"), is_spam=False) for text in texts]


def marked_spam(model, texts):
    verdicts = Engine(model, Policy.from_model(model)).check_many(
        [Submission(content=text) for text in texts]
    )
    return sum(verdict.decision == Decision.SPAM for verdict in verdicts)


@pytest.fixture(scope="module")
def shipped():
    return load_default_model()


@pytest.fixture(scope="module")
def lenient(shipped):
    """The shipped model with a threshold too low for this site's readers."""
    return dataclasses.replace(shipped, metadata={**shipped.metadata, "spam_threshold": 0.5})


def test_where_learning_cannot_lower_their_scores_the_threshold_rises_above_the_sites_genuine_comments(
    lenient,
):
    # A prior this firm stands for what the site's words cannot teach: the model barely moves.
    decided, unseen = genuine(SHARING[::2]), SHARING[1::2]

    site = adapt_to_site(lenient, decided, prior_strength=1e4)

    assert site.metadata["spam_threshold"] > 0.5
    assert site.metadata["trained_spam_threshold"] == 0.5
    assert marked_spam(site, unseen) < marked_spam(adapt(lenient, decided, prior_strength=1e4), unseen)


def test_the_threshold_is_never_lowered(shipped):
    # After learning from them the site's genuine comments score low, which would allow a lower threshold.
    site = adapt_to_site(shipped, genuine(SHARING[::2]))

    assert site_spam_threshold(shipped, genuine(SHARING[::2])) < shipped.metadata["spam_threshold"]
    assert site.metadata["spam_threshold"] == shipped.metadata["spam_threshold"]
    assert "trained_spam_threshold" not in site.metadata


def test_too_few_genuine_decisions_cannot_measure_the_rate(lenient):
    too_few = genuine(SHARING[: MIN_GENUINE_TO_CHECK_THRESHOLD - 1])

    assert site_spam_threshold(lenient, too_few) is None
    assert adapt_to_site(lenient, too_few).metadata["spam_threshold"] == 0.5


def test_a_few_genuine_comments_marked_spam_are_what_a_1_percent_rate_explains():
    # Two of 60 happen one time in eight at a true 1%; three of 60 about one time in forty.
    assert genuine_marked_spam_within_target(60, 0.01) == 2
    assert genuine_marked_spam_within_target(1000, 0.01) == 15
    assert genuine_marked_spam_within_target(1000, 0.05) > 50
