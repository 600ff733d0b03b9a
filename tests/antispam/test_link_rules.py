from broadsheet.antispam.core import Decision

from .builders import a_comment, assert_rule_names, codes, rules_only_engine


def test_more_links_than_the_policy_allows_holds_the_comment():
    text = "Sources: http://a.example/1 http://b.example/2 and http://c.example/3"

    verdict = rules_only_engine(max_links_before_hold=2).check(a_comment(text))

    assert "link_count" in codes(verdict)
    assert verdict.decision in (Decision.HOLD, Decision.SPAM)


def test_two_links_are_fine_by_default():
    verdict = rules_only_engine().check(a_comment("See http://a.example and https://b.example/report"))

    assert "link_count" not in codes(verdict)


def test_an_anchor_showing_its_own_url_counts_as_one_link():
    text = 'See <a href="https://news.example/a">https://news.example/a</a>'

    assert "link_count" not in codes(rules_only_engine(max_links_before_hold=1).check(a_comment(text)))
    assert "link_count" in codes(rules_only_engine(max_links_before_hold=0).check(a_comment(text)))


def test_bbcode_links_are_a_spam_tool_signature():
    verdict = rules_only_engine().check(a_comment("nice [url=http://pills.example]cheap pills[/url]"))

    assert "bbcode_link" in codes(verdict)


def test_url_shorteners_hide_the_destination():
    verdict = rules_only_engine().check(a_comment("look at this https://bit.ly/3xYz"))

    assert "url_shortener" in codes(verdict)


def test_redirect_pages_of_trusted_sites_hide_the_destination():
    assert_rule_names(
        "redirect_link",
        {
            "she is amazing http://www.google.ro/url?sa=t&amp;q=&amp;url=http%3A%2F%2Fpills.example": "google.ro/url",
            "she is amazing https://google.co.uk/url?q=https://pills.example": "google.co.uk/url",
            "she is amazing https://l.facebook.com/l.php?u=https%3A%2F%2Fpills.example": "facebook.com/l.php",
            "she is amazing https://www.youtube.com/redirect?q=https%3A%2F%2Fpills.example": "youtube.com/redirect",
        },
        ordinary=(
            "see https://www.google.com/search?q=katy+perry",
            "see https://www.google.com/maps/place/Dhaka",
            "see https://www.youtube.com/watch?v=KQ6zr6kCPj8",
            "see https://www.facebook.com/katyperry",
            "see https://href.li/",
        ),
    )


def test_a_referral_code_in_a_link_says_the_poster_is_paid_for_sign_ups():
    assert_rule_names(
        "referral_link",
        {
            "free stuff here http://www.prizes.example/?r=1446084": "r=1446084",
            "free stuff here http://game.example/index.php?ref=2tGgp3pV6L": "ref=2tGgp3pV6L",
            "free stuff here http://audio.example/user/portfolio?ref=EugeneKalinin": "ref=EugeneKalinin",
            "free stuff here http://www.amazon.com/dp/B00MPPQHRI?ie=UTF8&amp;tag=wattpad-20": "tag=wattpad-20",
        },
        # A site's own tracking parameters are no referral code.
        ordinary=(
            "see https://www.facebook.com/katyperry?ref=hl",
            "see https://blog.example/post?ref=panorama",
            "see https://news.example/archive?tag=2016",
            "see https://forum.example/thread?r=1",
            "see https://news.example/story?page=2",
        ),
    )


def test_shorteners_that_pay_per_click_hide_the_destination():
    verdict = rules_only_engine().check(a_comment("my new song http://www.linkbucks.com/Zx91q"))

    assert "url_shortener" in codes(verdict)


def test_a_link_to_a_bare_ip_address_names_no_site():
    in_text = rules_only_engine().check(a_comment("cheap here http://203.0.113.7/pills/buy"))
    as_website = rules_only_engine().check(a_comment("Nice article", url="http://[2001:db8::1]/shop"))

    for verdict, host in ((in_text, "203.0.113.7"), (as_website, "2001:db8::1")):
        reason = next(reason for reason in verdict.reasons if reason.code == "numeric_link")
        assert host in reason.message
    assert "numeric_link" not in codes(rules_only_engine().check(a_comment("see http://365news.example/a")))


def test_a_blocked_domain_is_spam_even_as_a_subdomain():
    verdict = rules_only_engine(blocked_domains=("pills.example",)).check(
        a_comment("visit http://www.shop.pills.example/buy")
    )

    assert verdict.decision == Decision.SPAM
    assert "blocked_domain" in codes(verdict)


def test_a_body_ending_in_a_link_named_after_the_author_is_link_building():
    comment = a_comment(
        'Great post, thanks for sharing. <a href="http://seo.example">Best SEO Agency</a>',
        author="Best SEO Agency",
    )

    verdict = rules_only_engine().check(comment)

    assert {"author_link_signature", "keyword_author"} <= codes(verdict)
    assert verdict.decision in (Decision.HOLD, Decision.SPAM)
