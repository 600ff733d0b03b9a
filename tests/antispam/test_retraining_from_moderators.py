"""Retraining adapts the model to the site's moderators and replaces the model in use only when the new one
is no worse on the decisions it held back."""

import pytest
from django.utils import timezone

from broadsheet.antispam.core import Submission
from broadsheet.antispam.feedback import HELD_BACK_EVERY, learn_from_moderator, retrain
from broadsheet.antispam.models import ModeratorLabel, SiteModel
from broadsheet.antispam.site_model import SHIPPED, current_model

CAMPAIGN = [
    "Grandma's secret recipe cured my knee pain in two weeks, read her story on the forum",
    "My grandma's secret recipe for knee pain worked in two weeks, her story is on the forum",
    "Knee pain gone in two weeks thanks to grandma's secret recipe, the forum has her story",
    "Read how grandma's secret recipe ended my knee pain in two weeks on the forum",
    "Two weeks of grandma's secret recipe and no more knee pain, story on the forum",
]
GENUINE = [
    "The council should publish the library plans before the vote, as residents asked.",
    "I was at the meeting and the vote was much closer than the report suggests.",
    "Good report, but the figures for next year look optimistic to me.",
    "Does anyone know whether the new timetable applies to weekend services too?",
    "Thanks for covering this; the local papers ignored it entirely.",
]


def labels(texts, is_spam):
    for number, text in enumerate(texts):
        ModeratorLabel.objects.create(
            source=f"test:{'spam' if is_spam else 'ham'}:{number}", content=text, is_spam=is_spam,
            labelled_at=timezone.now(),
        )  # fmt: skip


def probability(text: str) -> float:
    return current_model().model.probability(Submission(content=text))


@pytest.mark.django_db
def test_retraining_on_a_new_campaign_replaces_the_model_and_catches_the_campaign():
    unseen = "Grandma's secret recipe stopped my knee pain within two weeks, see the forum for her story"
    before = probability(unseen)
    labels(CAMPAIGN * 2, is_spam=True)
    labels(GENUINE * 2, is_spam=False)

    outcome = retrain()

    assert outcome.replaced and outcome.held_back > 0
    assert SiteModel.objects.get(is_active=True).examples == outcome.examples
    assert current_model().version != SHIPPED
    assert probability(unseen) > before + 0.2
    assert probability(GENUINE[0]) < 0.5


@pytest.mark.django_db
def test_a_model_worse_on_the_held_back_decisions_is_kept_out():
    labels(CAMPAIGN * 3, is_spam=True)
    # The decisions used for fitting call the campaign genuine; the held-back ones say it is spam.
    for label in ModeratorLabel.objects.all():
        if label.pk % HELD_BACK_EVERY:
            label.is_spam = False
            label.save()

    outcome = retrain()

    assert not outcome.replaced
    assert outcome.candidate.log_loss > outcome.current.log_loss
    assert not SiteModel.objects.filter(is_active=True).exists()
    assert current_model().version == SHIPPED


@pytest.mark.django_db
def test_enough_new_decisions_queue_a_retraining(settings, django_capture_on_commit_callbacks):
    settings.SPAM_RETRAIN_AFTER_DECISIONS = 4
    with django_capture_on_commit_callbacks(execute=True):
        for number, text in enumerate(CAMPAIGN[:4]):
            learn_from_moderator(source=f"comment:{number}", content=text, is_spam=True)
    assert SiteModel.objects.count() == 1


@pytest.mark.django_db
def test_only_the_newest_few_models_are_kept():
    from broadsheet.antispam.site_model import KEEP_MODELS

    labels(GENUINE, is_spam=False)
    for _ in range(KEEP_MODELS + 2):
        retrain()
    assert SiteModel.objects.count() == KEEP_MODELS


@pytest.mark.django_db
def test_the_admin_lists_each_site_model_with_its_spam_threshold_and_held_back_result(admin_client):
    labels(CAMPAIGN * 2, is_spam=True)
    labels(GENUINE * 2, is_spam=False)
    outcome = retrain()

    page = admin_client.get("/admin/antispam/sitemodel/").content.decode()

    threshold = SiteModel.objects.get().description["spam_threshold"]
    assert f"{threshold:.3f}" in page
    # The shipped model would publish some of the held-back campaign; the new one none.
    assert outcome.current.spam_approved > outcome.candidate.spam_approved == 0
    assert f"spam published 0 vs {outcome.current.spam_approved}" in page
