"""The old site's upload addresses, and where they point after `--media-base-url` moved the files."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from .wxr import Site

# WordPress.com serves every site's uploads from <site>.files.wordpress.com.
WORDPRESS_COM_UPLOADS = r"https?://[\w-]+\.files\.wordpress\.com/"


class MediaUrls:
    """Rewrites the old uploads prefix (https://old.example/wp-content/uploads/) to a new base address."""

    def __init__(self, site: Site, base_url: str = "") -> None:
        self.base_url = base_url.rstrip("/") + "/" if base_url else ""
        hosts = {
            (urlparse(address).hostname or "").removeprefix("www.")
            for address in (site.base_blog_url, site.base_site_url, site.link)
            if address
        } - {""}
        alternatives = [WORDPRESS_COM_UPLOADS]
        if hosts:
            names = "|".join(sorted(map(re.escape, hosts)))
            alternatives.append(rf"https?://(?:www\.)?(?:{names})(?:/[^\s\"'<>]*?)?/wp-content/uploads/")
        self.pattern = re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)

    def rewrite(self, url: str) -> str:
        if not self.base_url:
            return url
        return self.pattern.sub(self.base_url, url, count=1) if self.pattern.match(url) else url

    def rewrite_html(self, text: str) -> str:
        return self.pattern.sub(self.base_url, text) if self.base_url else text
