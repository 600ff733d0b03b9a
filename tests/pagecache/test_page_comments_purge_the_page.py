"""A standalone page is cached like an article: a comment that becomes public there, or an edit of the page,
retires the cached copy at once."""

import pytest

from broadsheet.discussion import services
from broadsheet.discussion.models import Comment
from broadsheet.discussion.screening import Draft
from broadsheet.publishing.models import Page


@pytest.fixture
def page(db):
    return Page.objects.create(
        title="Corrections policy", slug="corrections", body_source="How we correct.", comments_open=True
    )


def test_approving_a_comment_on_a_page_purges_that_page(
    page, make_comment, warm, reader, committed, make_article
):
    held = make_comment(page, "Please add a contact address.", status=Comment.Status.PENDING)
    article = make_article("Unrelated story")
    addresses = warm(page.get_absolute_url(), f"/comments/feed/page/{page.pk}/", article.get_absolute_url())

    committed(lambda: services.moderate(held, services.Action.APPROVE))

    for address in addresses[:2]:
        response = reader.get(address)
        assert response["X-Cache"] == "miss", address
        assert "Please add a contact address." in response.content.decode(), address
    assert reader.get(article.get_absolute_url())["X-Cache"] == "hit"  # other pages are left alone


def test_an_editors_reply_on_a_page_purges_that_page(page, make_comment, warm, reader, committed, admin_user):
    question = make_comment(page, "Who decides?")
    warm(page.get_absolute_url())

    committed(
        lambda: services.post_comment(
            page, Draft("Editor", "editor@example.com", "The editor does."), parent=question, by=admin_user
        )
    )

    response = reader.get(page.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "The editor does." in response.content.decode()


def test_a_held_comment_on_a_page_leaves_the_cached_page_alone(page, warm, reader, committed):
    warm(page.get_absolute_url())

    committed(lambda: services.post_comment(page, Draft("Sam", "sam@example.org", "First time here.")))

    assert Comment.objects.get().status != Comment.Status.APPROVED
    assert reader.get(page.get_absolute_url())["X-Cache"] == "hit"


def test_editing_a_page_purges_it_and_its_old_address(page, warm, reader, committed):
    old = warm(page.get_absolute_url())[0]

    def edit() -> None:
        page.title, page.slug = "How we correct mistakes", "how-we-correct"
        page.save()

    committed(edit)

    assert reader.get(old).status_code == 404
    assert "How we correct mistakes" in reader.get(page.get_absolute_url()).content.decode()
