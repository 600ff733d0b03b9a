"""No commenter's email or IP address appears anywhere a visitor can reach: pages, feeds, sitemaps, attributes."""

import re
from collections import deque
from urllib.parse import urljoin, urlparse

from broadsheet.discussion.models import Comment
from broadsheet.discussion.services import Action, moderate

LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)|<loc>([^<]+)</loc>|<link>([^<]+)</link>""")
START = [
    "/",
    "/feed/",
    "/feed/atom/",
    "/comments/feed/",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/robots.txt",
    "/privacy/",
]


def crawl(client, limit: int = 400) -> dict[str, str]:
    """Every page of the site reachable from the home page, feeds and sitemaps: {path: body}."""
    seen: dict[str, str] = {}
    queue = deque(START)
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen or path.startswith(("/admin/", "/static/", "/media/")):
            continue
        response = client.get(path)
        body = response.content.decode("utf-8", "replace") if response.status_code == 200 else ""
        seen[path] = body
        for match in LINK.finditer(body):
            url = urlparse(
                urljoin("http://testserver" + path, next(group for group in match.groups() if group))
            )
            if url.netloc in ("testserver", "127.0.0.1:8000") and url.scheme in ("http", "https"):
                queue.append(url.path + (f"?{url.query}" if url.query else ""))
    return seen


def test_no_email_or_ip_appears_on_any_public_url(
    make_article, make_comment, post_comment_form, client, settings
):
    settings.COMMENT_FLOOD_SECONDS = 0
    articles = [make_article(f"Story {n}") for n in range(3)]
    secrets = []
    for n, article in enumerate(articles):
        email, ip = f"unique-{n}-x7q@private.example", f"198.51.100.{n + 10}"
        make_comment(article, author_email=f"trusted-{n}@private.example", author_name=f"Regular {n}")
        post_comment_form(
            article,
            author_email=email,
            ip=ip,
            author_url=f"https://site{n}.example",
            author_name=f"Visitor {n}",
            content=f"Comment number {n} on this story.",
            notify_replies="yes",
        )
        secrets += [email, ip, f"trusted-{n}@private.example"]
    moderate(Comment.objects.awaiting_moderation(), Action.APPROVE)
    first = Comment.objects.filter(author_email__startswith="unique-0").get()
    post_comment_form(
        articles[0],
        parent=first.pk,
        author_email="replier-x7q@private.example",
        ip="198.51.100.99",
        content="A reply to the first visitor.",
        author_name="Replier",
    )
    secrets += ["replier-x7q@private.example", "198.51.100.99"]

    pages = crawl(client)

    assert any(article.get_absolute_url() in pages for article in articles)
    assert any(path.startswith("/comments/feed/") for path in pages)
    assert any("Comment number 0 on this story." in body for body in pages.values())
    for path, body in pages.items():
        for secret in secrets:
            assert secret not in body, f"{secret} appears in {path}"
        assert "private.example" not in body, path
