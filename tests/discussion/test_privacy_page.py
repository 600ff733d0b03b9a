"""The privacy page is written from the site's real settings and linked from every page and the form."""


def test_it_states_the_retention_periods_in_force(client, db, settings):
    settings.COMMENT_IP_RETENTION_DAYS = 45
    settings.COMMENT_SPAM_RETENTION_DAYS = 9
    settings.PRIVACY_CONTACT_EMAIL = "privacy@newsroom.example"

    html = client.get("/privacy/").content.decode()

    assert "forgotten after 45 days" in html and "deleted after 9 days" in html
    assert "Nothing you send is passed to a third party" in html
    assert "privacy@newsroom.example" in html


def test_it_says_whether_erasure_keeps_the_text(client, db, settings):
    settings.COMMENT_ERASE_DELETES_TEXT = True

    assert "the text of your comments is removed too" in client.get("/privacy/").content.decode()


def test_the_form_and_the_footer_link_to_it(make_article, client):
    html = client.get(make_article().get_absolute_url()).content.decode()

    assert '<a href="/privacy/">Learn how your comment data is processed</a>' in html
    assert '<a href="/privacy/">Privacy</a>' in html
