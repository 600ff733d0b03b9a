from broadsheet.publishing.models import Article
from broadsheet.publishing.search import search_articles


def test_search_finds_articles_by_their_words_best_first(make_article):
    title_match = make_article("Copper prices soar", body_source="Mining output rose.")
    body_match = make_article(
        "Markets today", body_source="Copper was mentioned once among many other metals."
    )
    make_article("Football results", body_source="Goals galore.")

    results = search_articles("copper")

    assert results == [title_match, body_match]


def test_search_requires_every_word(make_article):
    both = make_article("Copper and gold", body_source="Metals.")
    make_article("Copper only", body_source="Metals.")
    assert search_articles("copper gold") == [both]


def test_search_never_returns_unpublished_articles(make_article):
    make_article("Secret copper deal", status=Article.Status.DRAFT)
    assert search_articles("copper") == []


def test_search_follows_edits(make_article):
    article = make_article("Old headline")
    article.title = "Brand new headline about zinc"
    article.save()
    assert search_articles("zinc") == [article]
    assert search_articles("old") == []


def test_reader_input_cannot_break_the_query(make_article):
    make_article("Copper prices")
    for hostile in ['"', "copper OR", "NEAR(", "*", "a:b", "'; DROP TABLE", "-copper"]:
        search_articles(hostile)  # must not raise


def test_search_page_lists_results(client, make_article):
    make_article("Copper prices soar")
    page = client.get("/search/", {"q": "copper"})
    assert page.status_code == 200
    assert b"Copper prices soar" in page.content and b"1 result" in page.content
