import feedparser
import pytest

from broadsheet.publishing.models import Article


@pytest.fixture
def published(make_article, make_author, make_tag):
    author, tag = make_author("Ada Reporter"), make_tag("Climate")
    article = make_article("Ice & snow <melt>", standfirst="Glaciers retreat.", authors=[author], tags=[tag])
    make_article("A draft", status=Article.Status.DRAFT, section=article.section)
    return article, author, tag


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def test_every_feed_parses_cleanly_and_lists_only_published_articles(client, published):
    article, author, tag = published
    section = article.section.slug
    urls = ["/feed/", "/feed/atom/"] + [
        f"/{kind}/{slug}/feed/{atom}"
        for kind, slug in [("section", section), ("tag", tag.slug), ("author", author.slug)]
        for atom in ["", "atom/"]
    ]
    for url in urls:
        feed = parse(client, url)
        assert [entry.title for entry in feed.entries] == ["Ice & snow <melt>"], url
        assert feed.entries[0].link.endswith(article.get_absolute_url())


def test_rss_and_atom_are_the_formats_announced(client, published):
    assert parse(client, "/feed/").version == "rss20"
    assert parse(client, "/feed/atom/").version == "atom10"


def test_feed_entries_carry_author_and_categories(client, published):
    entry = parse(client, "/feed/atom/").entries[0]
    assert entry.author == "Ada Reporter"
    assert {tag.term for tag in entry.tags} >= {"Climate"}
