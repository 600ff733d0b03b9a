"""Attachments become media references; --media-base-url points them, and bodies, at the files' new home."""

from __future__ import annotations

import pytest

from broadsheet.importers.models import MediaReference
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article

from .conftest import WxrPost

pytestmark = pytest.mark.django_db

OLD = "https://old.example.com/wp-content/uploads/2020/01/harbour.jpg"


@pytest.fixture
def export(write_wxr):
    return write_wxr(
        [
            WxrPost(
                1,
                title="Harbour",
                content=f'<img src="{OLD}" alt="">\n\nText.',
                meta={"_thumbnail_id": "2"},
            ),
            WxrPost(
                2,
                title="harbour",
                post_type="attachment",
                status="inherit",
                attachment_url=OLD,
                excerpt="The harbour at dawn",
                parent=1,
                meta={"_wp_attachment_image_alt": "Boats in the harbour"},
                categories=[],
            ),
        ]
    )


def test_an_attachment_is_a_media_reference_with_alt_text_and_caption(export):
    import_wxr(export)

    reference = MediaReference.objects.get()
    assert reference.url == OLD
    assert reference.alt_text == "Boats in the harbour"
    assert reference.caption == "The harbour at dawn"
    assert reference.mime_type == "image/jpeg"
    assert reference.article == Article.objects.get()


def test_the_featured_image_comes_from_the_thumbnail_id(export):
    import_wxr(export)

    article = Article.objects.get()
    assert article.featured_image_url == OLD
    assert article.featured_image_alt == "Boats in the harbour"
    assert article.featured_image_caption == "The harbour at dawn"


def test_the_media_base_url_rewrites_the_old_uploads_prefix(export):
    import_wxr(export, media_base_url="https://cdn.example.net/media/")

    new = "https://cdn.example.net/media/2020/01/harbour.jpg"
    article = Article.objects.get()
    assert article.featured_image_url == new
    assert f'src="{new}"' in article.body_html
    assert MediaReference.objects.get().url == new
