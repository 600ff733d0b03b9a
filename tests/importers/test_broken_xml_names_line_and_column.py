"""A broken export fails with the line and column of the fault, and nothing of it is written."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from broadsheet.discussion.models import Comment
from broadsheet.importers.hardened_xml import InvalidXml
from broadsheet.importers.models import ImportRecord, LegacyRedirect
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article, Author, Section

from .conftest import WxrComment, WxrPost, wxr_document

pytestmark = pytest.mark.django_db


def broken_after_many_good_items(tmp_path):
    """Fifty good posts, then an unclosed element near the end: the fault comes after items were read."""
    document = wxr_document([WxrPost(n, comments=[WxrComment(n * 10)]) for n in range(1, 51)])
    document = document.replace("</channel>", "<item><title>Cut off</title>\n<wp:post_id>99</item></channel>")
    path = tmp_path / "broken.xml"
    path.write_text(document)
    return path, document.count("\n")


def test_the_error_names_the_line_and_column(tmp_path):
    path, lines = broken_after_many_good_items(tmp_path)

    with pytest.raises(InvalidXml) as refused:
        import_wxr(path)

    assert refused.value.line >= lines - 2
    assert refused.value.column > 0
    assert f"line {refused.value.line}, column {refused.value.column}" in str(refused.value)


def test_nothing_is_half_written(tmp_path):
    path, _ = broken_after_many_good_items(tmp_path)

    with pytest.raises(InvalidXml):
        import_wxr(path)

    for model in (Article, Comment, Author, Section, ImportRecord, LegacyRedirect):
        assert not model.objects.exists(), model.__name__


def test_the_command_says_where_the_file_is_broken(tmp_path):
    path, _ = broken_after_many_good_items(tmp_path)

    with pytest.raises(CommandError, match=r"not well-formed XML at line \d+, column \d+"):
        call_command("import-wordpress", str(path), verbosity=0)


def test_a_file_that_is_not_a_wordpress_export_is_refused(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><html><body>Not an export</body></html>')

    with pytest.raises(Exception, match="not a WordPress export"):
        import_wxr(path)
