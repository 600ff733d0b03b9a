"""A reader opens the front page, follows a story, and finds everything the article page promises."""

import json

from broadsheet.publishing.related import refresh_related_articles

STORY = "The striker scored twice as the football club won the league match at the stadium. " * 40


def test_reader_follows_the_lead_story_to_a_complete_article_page(
    live_server, page, screenshot, make_article, make_author, make_tag
):
    article = make_article(
        "Club wins the league on the final day",
        standfirst="A late double sealed the title.",
        body_source=f"{STORY}\n\n[[see also]]\n\nThe manager praised the fans.",
        authors=[make_author("Ada Reporter")],
        tags=[make_tag("Football")],
    )
    make_article(
        "Striker scores twice at the stadium",
        body_source=STORY,
        section=article.section,
        published_at=article.published_at.replace(year=article.published_at.year - 1),
    )
    refresh_related_articles()

    page.goto(live_server.url + "/")
    screenshot("home")
    page.get_by_role("link", name="Club wins the league on the final day").first.click()
    page.wait_for_url("**" + article.get_absolute_url())

    assert page.locator("h1").inner_text() == "Club wins the league on the final day"
    assert page.locator(".reading-time").inner_text() == "3 min read"  # 645 words at 230 a minute
    assert "Ada Reporter" in page.locator(".byline").inner_text()
    see_also = page.locator(".see-also a")
    assert see_also.inner_text() == "Striker scores twice at the stadium"
    networks = page.locator(".share__link").all_inner_texts()
    assert networks == ["Facebook", "X", "LinkedIn", "WhatsApp", "Reddit", "Email"]
    assert page.locator(".share__copy").is_visible()
    structured = json.loads(page.locator("script[type='application/ld+json']").inner_text())
    assert structured["@type"] == "NewsArticle" and structured["headline"] == article.title
    page.locator(".comment-link").click()
    assert page.url.endswith("#comments")
    screenshot("article")

    see_also.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Striker scores twice at the stadium"


def test_the_site_works_on_a_phone_sized_screen(live_server, browser, make_article):
    make_article("A story for small screens", body_source=STORY)
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(live_server.url + "/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375  # nothing forces sideways scrolling
