"""The tag versions behind every stored page: a purge or a lost version retires pages, never revives them."""

from broadsheet.pagecache import store


def test_a_purged_tag_retires_only_the_pages_that_depend_on_it():
    before = store.current_versions({"article:a", "site"})
    store.purge({"article:a"})
    after = store.current_versions({"article:a", "site"})
    assert after[store.version_key("article:a")] != before[store.version_key("article:a")]
    assert after[store.version_key("site")] == before[store.version_key("site")]


def test_an_evicted_version_counts_as_changed(make_article, reader):
    article = make_article()
    reader.get(article.get_absolute_url())
    store.versions().delete(store.version_key(f"article:{article.slug}"))  # as if the cache had evicted it

    assert reader.get(article.get_absolute_url())["X-Cache"] == "miss"
    assert reader.get(article.get_absolute_url())["X-Cache"] == "hit"


def test_a_page_rendered_during_a_change_is_stored_under_the_old_versions(make_article, reader, monkeypatch):
    """A purge that lands while a page renders must retire that page too, though it was stored afterwards."""
    from broadsheet.publishing import views

    article = make_article()
    render = views.render_article

    def render_while_an_editor_saves(*args, **kwargs):
        response = render(*args, **kwargs)
        store.purge({f"article:{article.slug}"})
        return response

    monkeypatch.setattr(views, "render_article", render_while_an_editor_saves)
    reader.get(article.get_absolute_url())
    monkeypatch.setattr(views, "render_article", render)

    assert reader.get(article.get_absolute_url())["X-Cache"] == "miss"
