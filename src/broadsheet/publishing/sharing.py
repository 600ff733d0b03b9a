"""'Share this article' links: plain URLs to each network's own share page, no scripts, no tracking."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    url: str


def share_links(url: str, title: str) -> list[ShareLink]:
    return [
        ShareLink(
            "facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
        ),
        ShareLink("x", "X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
        ShareLink(
            "reddit", "Reddit", "https://www.reddit.com/submit?" + urlencode({"url": url, "title": title})
        ),
        ShareLink("email", "Email", "mailto:?" + urlencode({"subject": title, "body": url})),
    ]
