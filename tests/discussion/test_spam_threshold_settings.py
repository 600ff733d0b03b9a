"""SPAM_THRESHOLD and SPAM_HOLD_THRESHOLD override the model's own thresholds for the site's comments."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from broadsheet.discussion.models import Comment, DiscussionSettings
from broadsheet.discussion.screening import engine_for
from broadsheet.settings import env_probability

pytestmark = pytest.mark.django_db

SELF_PROMOTION = {
    "author_name": "Sam Covers",
    "author_email": "sam@example.org",
    "content": "Please subscribe to my channel, I make covers of every song on this album!",
}


def test_unset_the_model_decides_its_own_thresholds(settings):
    settings.SPAM_THRESHOLD = settings.SPAM_HOLD_THRESHOLD = None

    policy = engine_for(DiscussionSettings.current()).policy

    model = engine_for(DiscussionSettings.current()).model
    assert model is not None
    assert policy.spam_threshold == model.metadata["spam_threshold"]
    assert policy.hold_threshold == model.metadata["hold_threshold"]


def test_by_the_models_own_threshold_self_promotion_is_spam(make_article, post_comment_form):
    post_comment_form(make_article(), **SELF_PROMOTION)

    assert Comment.objects.get().status == "spam"


def test_a_higher_spam_threshold_holds_it_for_a_moderator_instead(settings, make_article, post_comment_form):
    settings.SPAM_THRESHOLD = 0.999999999

    post_comment_form(make_article(), **SELF_PROMOTION)

    comment = Comment.objects.get()
    assert comment.status == "pending" and comment.spam_decision == "hold"


def test_a_hold_threshold_above_the_spam_threshold_leaves_nothing_to_hold(settings):
    settings.SPAM_THRESHOLD, settings.SPAM_HOLD_THRESHOLD = 0.8, 0.95

    policy = engine_for(DiscussionSettings.current()).policy

    assert policy.spam_threshold == policy.hold_threshold == 0.8


@pytest.mark.parametrize("value", ["1.5", "0", "high", "1"])
def test_a_threshold_outside_0_to_1_stops_the_site_with_its_name(monkeypatch, value):
    monkeypatch.setenv("SPAM_THRESHOLD", value)

    with pytest.raises(ImproperlyConfigured, match="SPAM_THRESHOLD must be a number between 0 and 1"):
        env_probability("SPAM_THRESHOLD")


def test_an_empty_variable_is_unset(monkeypatch):
    monkeypatch.setenv("SPAM_THRESHOLD", " ")

    assert env_probability("SPAM_THRESHOLD") is None
