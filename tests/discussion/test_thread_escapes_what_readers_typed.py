"""Names and websites readers type are escaped in the thread; only the sanitised comment text is markup."""

from django.test import override_settings


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_hostile_name_and_website_cannot_inject_markup(client, make_article, make_comment):
    article = make_article()
    make_comment(
        article,
        "Hello <script>alert(1)</script> *there*",
        author_name='Eve"><script>alert(2)</script>',
        author_url='https://example.org/"onmouseover="alert(3)',
    )
    page = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert" not in page
    assert 'onmouseover="alert' not in page
    assert "Eve&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "<em>there</em>" in page
