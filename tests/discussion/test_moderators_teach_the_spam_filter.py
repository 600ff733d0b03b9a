"""A moderator's approve or spam decision becomes an example the spam filter learns from."""

from broadsheet.antispam.feedback import commenter_key, learn_from_moderator
from broadsheet.antispam.models import ModeratorLabel
from broadsheet.discussion.privacy import erase_commenter, export_commenter
from broadsheet.discussion.services import Action, moderate


def test_marking_spam_and_approving_record_labels(
    make_article, make_comment, django_capture_on_commit_callbacks
):
    article = make_article()
    junk = make_comment(
        article, "Cheap watches at my site", status="pending", author_email="bot@spam.example"
    )
    fine = make_comment(article, "A thoughtful reply about the budget.", status="pending")

    with django_capture_on_commit_callbacks(execute=True):
        moderate(junk, Action.SPAM)
        moderate(fine, Action.APPROVE)

    labels = {label.source: label for label in ModeratorLabel.objects.all()}
    assert labels[f"comment:{junk.pk}"].is_spam is True
    assert labels[f"comment:{fine.pk}"].is_spam is False
    stored = labels[f"comment:{junk.pk}"]
    assert stored.email_domain == "spam.example" and "bot@" not in str(vars(stored))


def test_a_changed_mind_replaces_the_earlier_label(
    make_article, make_comment, django_capture_on_commit_callbacks
):
    comment = make_comment(make_article(), "Is this spam?", status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        moderate(comment, Action.SPAM)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(comment, Action.APPROVE)
    assert ModeratorLabel.objects.get().is_spam is False


def test_trashing_teaches_nothing(make_article, make_comment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        moderate(make_comment(make_article(), status="pending"), Action.TRASH)
    assert not ModeratorLabel.objects.exists()


def test_test_submissions_are_never_learned_from(db):
    assert learn_from_moderator(source="api:1", content="viagra", is_spam=True, is_test=True) is None
    assert not ModeratorLabel.objects.exists()


def test_erasing_a_commenter_erases_their_examples_and_export_lists_them(
    make_article, make_comment, django_capture_on_commit_callbacks
):
    comment = make_comment(make_article(), "My words", status="pending", author_email="Ann@Example.org")
    with django_capture_on_commit_callbacks(execute=True):
        moderate(comment, Action.APPROVE)
    assert ModeratorLabel.objects.filter(commenter_key=commenter_key("ann@example.org")).exists()
    assert export_commenter("ann@example.org")["spam_filter_examples"][0]["text"] == "My words"

    erase_commenter("ann@example.org")

    assert not ModeratorLabel.objects.exists()
