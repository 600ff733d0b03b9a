"""The site's stored policy on top of the spam engine: what a new comment's status becomes, and why."""

from broadsheet.discussion.models import Comment, DiscussionSettings

TRUSTED = {"author_email": "regular@example.org", "author_name": "Regular"}


def status_after_posting(post_comment_form, article, **fields) -> str:
    response = post_comment_form(article, **fields)
    assert response.status_code == 303, response.content
    return Comment.objects.latest("id").status


def test_hold_every_comment_holds_even_trusted_commenters(make_article, make_comment, post_comment_form):
    DiscussionSettings.objects.create(hold_every_comment=True)
    article = make_article()
    make_comment(article, **TRUSTED)

    assert status_after_posting(post_comment_form, article, **TRUSTED) == "pending"
    assert Comment.objects.latest("id").spam_reasons[-1]["code"] == "site_holds_every_comment"


def test_first_time_commenters_are_held_by_default(make_article, post_comment_form):
    assert status_after_posting(post_comment_form, make_article()) == "pending"
    assert Comment.objects.get().spam_reasons[-1]["code"] == "first_time_commenter"


def test_a_blocked_word_sends_the_comment_to_the_trash(make_article, make_comment, post_comment_form):
    DiscussionSettings.objects.create(blocked_words="casino\n")
    article = make_article()
    make_comment(article, **TRUSTED)

    assert (
        status_after_posting(post_comment_form, article, content="Try the casino tonight.", **TRUSTED)
        == "trash"
    )


def test_a_moderation_word_holds_a_trusted_commenter(make_article, make_comment, post_comment_form):
    DiscussionSettings.objects.create(moderation_words="lawsuit")
    article = make_article()
    make_comment(article, **TRUSTED)

    assert status_after_posting(
        post_comment_form, article, content="There may be a lawsuit over this.", **TRUSTED
    ) == ("pending")


def test_too_many_links_hold_the_comment(make_article, make_comment, post_comment_form):
    article = make_article()
    make_comment(article, **TRUSTED)
    links = " ".join(f"https://source{n}.example/report" for n in range(3))

    assert (
        status_after_posting(post_comment_form, article, content=f"Sources: {links}", **TRUSTED) == "pending"
    )
    assert "link_count" in [r["code"] for r in Comment.objects.latest("id").spam_reasons]


def test_a_filled_honeypot_is_discarded_but_answered_like_a_hold(make_article, post_comment_form, client):
    article = make_article()

    response = post_comment_form(article, message="http://spam.example")

    assert response.status_code == 303 and "unapproved=" in response["Location"]
    assert not Comment.objects.exists()
    assert "Your comment is awaiting moderation." in client.get(response["Location"]).content.decode()


def test_a_forged_form_time_is_spam(make_article, post_comment_form):
    assert status_after_posting(post_comment_form, make_article(), rendered="t1.123.forged") == "spam"
