"""The classifier must generalise to a video it never saw: train on two videos and SMS, test on the third."""

import pytest

from broadsheet.antispam.core import Engine, Policy, train
from broadsheet.antispam.core.learning import deduplicate
from broadsheet.antispam.evaluation import evaluate
from broadsheet.antispam.training import AUXILIARY_GROUPS, GROUP_WEIGHTS, read_training_sets


@pytest.fixture(scope="module")
def held_out_report():
    model = train(
        read_training_sets(videos=["KatyPerry", "LMFAO"]),
        group_weights=GROUP_WEIGHTS,
        auxiliary_groups=AUXILIARY_GROUPS,
    )
    held_out, _ = deduplicate(read_training_sets(videos=["Psy"], sms=False))
    return evaluate(held_out, Engine(model, Policy.from_model(model)))


def test_most_spam_on_an_unseen_video_is_caught(held_out_report):
    assert held_out_report.f1 >= 0.85
    assert held_out_report.recall_at_1_percent_fpr >= 0.6


def test_few_genuine_comments_on_an_unseen_video_are_marked_spam(held_out_report):
    assert held_out_report.false_positive_rate <= 0.035
    assert held_out_report.precision >= 0.95


def test_the_shipped_model_separates_obvious_cases():
    from broadsheet.antispam.core import Submission, load_default_engine

    engine = load_default_engine()
    spam = engine.check(
        Submission(content="Subscribe to my channel for free gift cards http://bit.ly/x1", author="x")
    )
    ham = engine.check(
        Submission(content="The second verse is even better than the first one.", author="Mia")
    )

    assert spam.is_flagged
    assert not ham.is_flagged
    assert spam.classifier_probability > ham.classifier_probability
