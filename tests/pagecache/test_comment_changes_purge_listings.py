"""Listings show each article's comment count, so a comment becoming public purges them too."""

from broadsheet.discussion import services
from broadsheet.discussion.models import Comment


def test_approving_a_comment_updates_the_count_on_every_listing(
    make_article, make_author, make_tag, make_comment, warm, reader, committed
):
    article = make_article("Council approves the new bridge", authors=[make_author()], tags=[make_tag()])
    make_comment(article, "First!")
    held = make_comment(article, "About time.", status=Comment.Status.PENDING)
    listings = [
        "/",
        article.section.get_absolute_url(),
        article.tags.first().get_absolute_url(),
        article.authors.first().get_absolute_url(),
    ]
    warm(*listings)
    for address in listings:
        assert "1 comment<" in reader.get(address).content.decode(), address

    committed(lambda: services.moderate(held, services.Action.APPROVE))

    for address in listings:
        response = reader.get(address)
        assert response["X-Cache"] == "miss", address
        assert "2 comments<" in response.content.decode(), address
