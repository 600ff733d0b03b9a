"""An editor's change to an article purges every page that shows it, and nothing else."""

import pytest

from broadsheet.publishing import services
from broadsheet.publishing.models import RelatedArticle


@pytest.fixture
def story(make_article, make_section, make_author, make_tag):
    return make_article(
        "Harbour reopens after storm",
        section=make_section("Local"),
        authors=[make_author("Ben Writer")],
        tags=[make_tag("Weather")],
    )


def pages_showing(article) -> list[str]:
    year = article.published_at.year
    return [article.get_absolute_url(), "/", "/section/local/", "/tag/weather/", "/author/ben-writer/",
            f"/{year}/", "/feed/", "/section/local/feed/", "/tag/weather/feed/atom/", "/sitemap.xml"]  # fmt: skip


def edit(article, **fields):
    for name, value in fields.items():
        setattr(article, name, value)
    article.save()
    services.articles_were_edited(article)


def test_a_new_title_reaches_every_page_that_showed_the_old_one(
    story, warm, reader, committed, make_article, make_section
):
    unrelated = make_article("Election count goes on", section=make_section("Politics"))
    warm(*pages_showing(story), unrelated.get_absolute_url(), "/section/politics/")

    committed(lambda: edit(story, title="Harbour reopens a week after storm"))

    for address in pages_showing(story):
        response = reader.get(address)
        assert response["X-Cache"] == "miss", address
        if address != "/sitemap.xml":  # the sitemap lists addresses, not titles
            assert "a week after storm" in response.content.decode(), address
    # (the unrelated article's own page may be purged too: the related-lists refresh the edit queued may now
    # list the edited story there)
    assert reader.get("/section/politics/")["X-Cache"] == "hit"


def test_articles_listing_it_as_related_are_purged_too(story, warm, cache_state, committed, make_article):
    neighbour = make_article("Storm damage counted", section=story.section)
    RelatedArticle.objects.create(article=neighbour, related=story, rank=1, score=0.9)
    warm(neighbour.get_absolute_url())

    committed(lambda: edit(story, title="Harbour open again"))

    assert cache_state(neighbour.get_absolute_url()) == {neighbour.get_absolute_url(): "miss"}


def test_moving_to_another_section_purges_the_old_sections_later_pages(
    story, warm, cache_state, committed, make_section, make_article, settings
):
    settings.ARTICLES_PER_PAGE = 1
    make_article(
        "An older local story", section=story.section, published_at=story.published_at.replace(year=2001)
    )
    warm("/section/local/", "/section/local/?page=2")
    sport = make_section("Sport")
    warm("/section/sport/")

    committed(lambda: edit(story, section=sport))

    assert cache_state("/section/local/", "/section/local/?page=2", "/section/sport/") == {
        "/section/local/": "miss",
        "/section/local/?page=2": "miss",
        "/section/sport/": "miss",
    }


def test_removing_a_tag_purges_that_tags_pages(story, warm, cache_state, committed):
    warm("/tag/weather/")

    def untag():
        story.tags.clear()
        services.articles_were_edited(story)

    committed(untag)

    assert cache_state("/tag/weather/")["/tag/weather/"] == "miss"


def test_renaming_a_section_purges_every_page(
    story, warm, cache_state, committed, make_article, make_section
):
    other = make_article("Unrelated", section=make_section("Arts"))
    warm(other.get_absolute_url())
    section = story.section
    section.name = "Local news"

    committed(section.save)

    assert cache_state(other.get_absolute_url())[other.get_absolute_url()] == "miss"
