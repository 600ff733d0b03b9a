"""Slugs keep their letters in any script, as WordPress keeps them: a Cyrillic post imported from WordPress
lives at a Cyrillic address, and its old addresses lead there."""

from urllib.parse import quote

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.importers.models import ImportRecord
from broadsheet.importers.services import import_disqus, import_wxr
from broadsheet.publishing.models import Article, Page, Section, Tag

from .conftest import WxrPost

pytestmark = pytest.mark.django_db

CYRILLIC_SLUG = "привет-мир"
# How WordPress writes it in the export: the UTF-8 bytes percent-encoded, in lower case.
EXPORTED_SLUG = quote(CYRILLIC_SLUG).lower()


@pytest.fixture
def imported(write_wxr) -> Article:
    import_wxr(
        write_wxr(
            [
                WxrPost(
                    21,
                    title="Привет, мир!",
                    slug=EXPORTED_SLUG,
                    # Local date the 2nd, UTC the 1st: the old dated address differs from Broadsheet's.
                    date="2020-01-02 00:30:00",
                    date_gmt="2020-01-01 23:30:00",
                    categories=[(quote("новости").lower(), "Новости")],
                    tags=[(quote("東京").lower(), "東京")],
                ),
                WxrPost(22, title="Σχετικά με εμάς", slug="", post_type="page", categories=[]),
            ]
        )
    )
    return Article.objects.get(pk=ImportRecord.objects.get(kind="article", source_id="21").object_id)


def test_the_imported_slugs_keep_their_letters(imported):
    assert imported.slug == CYRILLIC_SLUG
    assert imported.section.slug == "новости"
    assert list(imported.tags.values_list("slug", flat=True)) == ["東京"]
    assert Page.objects.get().slug == "σχετικά-με-εμάς"  # made from the title, as WordPress would


def test_the_article_answers_at_its_unicode_address(client, imported):
    url = imported.get_absolute_url()
    assert url == f"/2020/01/01/{quote(CYRILLIC_SLUG)}/"  # percent-encoded in links, as browsers send it

    response = client.get(url)

    assert response.status_code == 200
    assert "Привет, мир!" in response.content.decode()
    for address in (
        Section.objects.get(slug="новости").get_absolute_url(),
        Tag.objects.get(slug="東京").get_absolute_url(),
        Page.objects.get().get_absolute_url(),
    ):
        assert client.get(address).status_code == 200, address


def test_the_old_wordpress_addresses_redirect_to_it(client, imported):
    for old in (
        f"/2020/01/02/{EXPORTED_SLUG}/",  # the permalink, as WordPress links it
        f"/{EXPORTED_SLUG}/",
        "/?p=21",
        f"/category/{quote('новости').lower()}/",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] in (imported.get_absolute_url(), imported.section.get_absolute_url())


def test_titles_in_any_script_give_slugs_in_that_script(make_section):
    section = make_section("World")
    for title, slug in (
        ("Выборы в Думу", "выборы-в-думу"),
        ("Καλημέρα κόσμε", "καλημέρα-κόσμε"),
        ("東京の天気", "東京の天気"),
    ):
        assert Article.objects.create(title=title, section=section).slug == slug


def test_a_disqus_thread_finds_the_article_at_its_unicode_address(imported, tmp_path):
    from .test_disqus_import import disqus_export

    path = tmp_path / "disqus.xml"
    path.write_text(disqus_export(f"https://news.example.com{imported.get_absolute_url()}"), encoding="utf-8")

    import_disqus(path)

    assert Comment.objects.filter(article=imported).exists()
