"""A scheduled article goes live with no event to purge anything, so no cached page outlives its publish time."""

import re
import time
from datetime import timedelta

from django.utils import timezone

from broadsheet.publishing import services


def test_a_cached_listing_shows_the_scheduled_article_once_its_time_comes(
    make_article, make_section, reader, committed
):
    section = make_section("Markets")
    make_article("Shares steady", section=section)
    scheduled = make_article("Rates cut by a quarter point", section=section, status="draft")
    committed(lambda: services.publish([scheduled], when=timezone.now() + timedelta(seconds=2)))

    before = reader.get("/section/markets/")
    assert reader.get("/section/markets/")["X-Cache"] == "hit"
    assert "Rates cut" not in before.content.decode()
    time.sleep(2.2)

    after = reader.get("/section/markets/")
    assert after["X-Cache"] == "miss"
    assert "Rates cut by a quarter point" in after.content.decode()


def test_shared_caches_are_told_no_lifetime_past_the_publish_time(make_article, reader, committed):
    scheduled = make_article("Embargoed results", status="draft")
    committed(lambda: services.publish([scheduled], when=timezone.now() + timedelta(seconds=5)))

    control = reader.get("/")["Cache-Control"]

    shared = int(re.search(r"s-maxage=(\d+)", control)[1])
    stale = int(re.search(r"stale-while-revalidate=(\d+)", control)[1])
    assert shared + stale <= 5


def test_with_nothing_scheduled_pages_keep_their_full_lifetime(make_article, reader, settings):
    make_article("Nothing waiting")
    control = reader.get("/")["Cache-Control"]
    assert f"s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}" in control
    assert f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}" in control
