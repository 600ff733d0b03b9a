"""Publishing an article shows it at once on the listings; returning it to draft takes it off them and its page."""

from datetime import timedelta

from django.utils import timezone

from broadsheet.publishing import services
from broadsheet.publishing.models import Article


def test_publishing_puts_the_article_on_every_listing_at_once(
    make_article, make_section, warm, reader, committed
):
    section = make_section("Science")
    make_article("Comet seen from the hills", section=section)
    warm("/", "/section/science/", "/feed/")
    draft = make_article("Probe lands on the moon", section=section, status=Article.Status.DRAFT)

    committed(lambda: services.publish([draft]))

    for address in ["/", "/section/science/", "/feed/"]:
        response = reader.get(address)
        assert response["X-Cache"] == "miss", address
        assert "Probe lands on the moon" in response.content.decode(), address


def test_returning_to_draft_takes_it_off_its_page_and_the_listings(
    make_article, make_section, warm, reader, committed
):
    article = make_article("Retracted report", section=make_section("Business"))
    warm(article.get_absolute_url(), "/", "/section/business/")

    committed(lambda: services.return_to_draft([article]))

    assert reader.get(article.get_absolute_url()).status_code == 404
    for address in ["/", "/section/business/"]:
        assert "Retracted report" not in reader.get(address).content.decode(), address


def test_scheduling_an_article_purges_the_pages_it_will_appear_on(
    make_article, make_section, warm, cache_state, committed
):
    article = make_article("Budget day preview", section=make_section("Economy"))
    warm("/", "/section/economy/", article.get_absolute_url())

    committed(lambda: services.publish([article], when=timezone.now() + timedelta(days=1)))

    assert set(cache_state("/", "/section/economy/").values()) == {"miss"}


def test_deleting_an_article_purges_its_pages(make_article, make_section, warm, reader, committed):
    article = make_article("Deleted story", section=make_section("Travel"))
    url = article.get_absolute_url()
    warm(url, "/section/travel/")

    committed(article.delete)

    assert reader.get(url).status_code == 404
    assert "Deleted story" not in reader.get("/section/travel/").content.decode()
