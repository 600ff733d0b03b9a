"""A spam comment posted through the real form lands in the spam queue with reasons a moderator can read;
a genuine one is approved or held."""

from django.utils.html import escape

from broadsheet.discussion.models import Comment

SPAM = {
    "author_name": "Cheap Viagra Online",
    "author_email": "deals@pharma-deals.example",
    "author_url": "https://bit.ly/cheap-pills",
    "content": "Buy cheap viagra and cialis online without prescription!!! Best prices, free shipping: "
    "https://pharma-deals.example/buy https://bit.ly/cheap-pills [url=https://pills.example]pills[/url]",
}
GENUINE = {
    "author_name": "Margaret Hughes",
    "author_email": "margaret.hughes@example.org",
    "content": "I was at the council meeting last night. The vote was closer than the article suggests, "
    "and several members asked for the library plans to be published before the final decision.",
}


def test_spam_is_stored_as_spam_with_reasons_the_moderator_sees(
    make_article, post_comment_form, admin_client
):
    response = post_comment_form(make_article(), **SPAM)

    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.status == "spam" and comment.spam_decision == "spam"
    codes = {reason["code"] for reason in comment.spam_reasons}
    assert {"url_shortener", "bbcode_link", "classifier"} <= codes, codes
    classifier = next(reason for reason in comment.spam_reasons if reason["code"] == "classifier")
    assert "above all for " in classifier["message"]  # the words behind the model's score
    page = admin_client.get(f"/admin/discussion/comment/{comment.pk}/change/").content.decode()
    for reason in comment.spam_reasons:
        assert escape(reason["message"]) in page


def test_a_genuine_comment_is_approved_or_held_never_spam(make_article, post_comment_form):
    post_comment_form(make_article(), **GENUINE)
    comment = Comment.objects.get()
    assert comment.status in ("approved", "pending")
    assert comment.spam_decision in ("approve", "hold") and comment.spam_score < 0.5
