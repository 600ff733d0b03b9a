"""`broadsheet privacy export|erase EMAIL` hand a commenter everything stored about them, or remove it."""

import json
from io import StringIO

from django.core.management import call_command

from broadsheet.discussion.models import Comment, NotificationOptOut
from broadsheet.discussion.privacy import erase_commenter


def run(*args) -> str:
    out = StringIO()
    call_command("privacy", *args, stdout=out)
    return out.getvalue()


def test_export_prints_every_comment_and_detail_as_json(make_article, make_comment):
    article = make_article("Budget day")
    make_comment(article, "First.", author_email="Pat@Example.org", ip="192.0.2.5", user_agent="Firefox")
    make_comment(article, "Second.", author_email="pat@example.org", status="spam")
    make_comment(article, "Not Pat.", author_email="someone@example.org")

    exported = json.loads(run("export", "pat@example.org"))

    assert [c["text"] for c in exported["comments"]] == ["First.", "Second."]
    first = exported["comments"][0]
    assert first["ip_address"] == "192.0.2.5" and first["user_agent"] == "Firefox"
    assert first["article"] == "Budget day" and first["status"] == "approved"


def test_erase_removes_personal_data_and_keeps_the_text(make_article, make_comment, settings):
    settings.COMMENT_ERASE_DELETES_TEXT = False
    comment = make_comment(
        make_article(),
        "Kept words.",
        author_email="pat@example.org",
        author_url="https://pat.example",
        ip="192.0.2.5",
        user_agent="Firefox",
    )
    NotificationOptOut.objects.create(email="pat@example.org")

    assert "1 comment" in run("erase", "pat@example.org")

    comment.refresh_from_db()
    assert (
        comment.author_name,
        comment.author_email,
        comment.author_url,
        comment.ip,
        comment.user_agent,
    ) == (
        "Anonymous",
        "",
        "",
        None,
        "",
    )
    assert comment.content == "Kept words."
    assert not NotificationOptOut.objects.exists()
    assert json.loads(run("export", "pat@example.org"))["comments"] == []


def test_erase_can_remove_the_text_too(make_article, make_comment, client):
    article = make_article()
    make_comment(article, "Words to remove.", author_email="pat@example.org")

    erase_commenter("pat@example.org", delete_text=True)

    assert Comment.objects.get().content == ""
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Words to remove." not in page and "removed at its author" in page


def test_the_setting_decides_by_default(make_article, make_comment, settings):
    settings.COMMENT_ERASE_DELETES_TEXT = True
    make_comment(make_article(), "Gone.", author_email="pat@example.org")

    run("erase", "pat@example.org")

    assert Comment.objects.get().content == ""
