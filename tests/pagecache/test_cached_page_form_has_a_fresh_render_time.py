"""The comment form's signed render time is made afresh on every hit, so the spam checks ("sent too fast",
"loaded days ago") judge when this reader loaded the page, not when the cache first rendered it."""

import re
import time

from django.utils import timezone

from broadsheet.discussion.tokens import read_render_time_token

RENDERED = re.compile(rb'<input type="hidden" name="rendered" value="([^"]+)">')


def render_time_of(response):
    token = RENDERED.search(response.content)[1].decode()
    when, problem = read_render_time_token(token, timezone.now(), max_age=3600)
    assert problem is None
    return when


def test_each_hit_carries_a_render_time_signed_at_that_hit(make_article, reader):
    article = make_article()
    first = reader.get(article.get_absolute_url())
    time.sleep(1.1)

    second = reader.get(article.get_absolute_url())

    assert second["X-Cache"] == "hit"
    assert (render_time_of(second) - render_time_of(first)).total_seconds() >= 1


def test_the_stored_copy_keeps_a_placeholder_not_a_time(make_article, reader):
    from broadsheet.pagecache import store

    article = make_article()
    reader.get(article.get_absolute_url())

    page = store.pages().get(store.page_key(f"http://testserver{article.get_absolute_url()}"))
    assert page.fresh_fields == ("rendered",)
    assert b'value="@@pagecache-fresh:rendered@@"' in page.body


def test_the_etag_stays_the_same_across_fresh_render_times(make_article, reader):
    article = make_article()
    first = reader.get(article.get_absolute_url())
    time.sleep(1.1)
    assert reader.get(article.get_absolute_url())["ETag"] == first["ETag"]
