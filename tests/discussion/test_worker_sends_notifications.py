"""`broadsheet worker` runs queued jobs from the database queue: the request only enqueues, the worker mails."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_what_the_request_queued(make_article, post_comment_form, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    get_user_model().objects.create_user("mod", "moderator@example.com", "pw", is_staff=True)

    post_comment_form(make_article())
    assert mail.outbox == []  # queued, not sent

    call_command("worker", "--batch", "--no-purge", verbosity=0)

    assert [message.to for message in mail.outbox] == [["moderator@example.com"]]
