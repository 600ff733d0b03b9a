"""Listings show how many approved comments each article has, in one query for the whole page."""

from django.test import override_settings


@override_settings(PAGE_CACHE_ENABLED=False)
def test_section_listing_shows_approved_comment_counts_in_one_query(
    client, make_article, make_section, make_comment, django_assert_num_queries
):
    section = make_section("Local")
    busy, quiet = make_article("Busy story", section=section), make_article("Quiet story", section=section)
    for _ in range(3):
        make_comment(busy)
    make_comment(busy, status="pending")
    client.get(section.get_absolute_url())

    # the section, the page count, the page, the comment counts (one for all), the menu's sections
    with django_assert_num_queries(5):
        page = client.get(section.get_absolute_url()).content.decode()

    assert f'href="{busy.get_absolute_url()}#comments">3 comments</a>' in page
    assert f"{quiet.get_absolute_url()}#comments" not in page
