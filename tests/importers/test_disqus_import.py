"""Disqus exports: comments land on the article their thread's address names, threaded, with their state."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from broadsheet.discussion.models import Comment
from broadsheet.importers.hardened_xml import InvalidXml
from broadsheet.importers.models import ImportRecord, LegacyRedirect
from broadsheet.importers.services import import_disqus
from broadsheet.publishing.models import Page

pytestmark = pytest.mark.django_db


def disqus_export(article_url: str, old_url: str = "https://old.example.com/2019/05/01/old-story/") -> str:
    """A small export in the shape Disqus documents: categories, then threads, then posts."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <category dsq:id="1"><forum>oldsite</forum><title>General</title><isDefault>true</isDefault></category>
  <thread dsq:id="100">
    <id>42 https://old.example.com/?p=42</id><forum>oldsite</forum><category dsq:id="1"/>
    <link>{article_url}</link><title>The story</title><message/>
    <createdAt>2019-05-01T09:00:00Z</createdAt>
    <author><email>editor@example.com</email><name>Editor</name><isAnonymous>false</isAnonymous></author>
    <isClosed>false</isClosed><isDeleted>false</isDeleted>
  </thread>
  <thread dsq:id="101">
    <id>43</id><forum>oldsite</forum><category dsq:id="1"/><link>{old_url}</link><title>Old story</title>
    <createdAt>2019-05-01T09:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted>
  </thread>
  <thread dsq:id="102">
    <id>44</id><forum>oldsite</forum><link>https://old.example.com/gone/</link><title>Gone</title>
    <createdAt>2019-05-01T09:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted>
  </thread>
  <post dsq:id="1001">
    <id/><message><![CDATA[<p>First! With <b>bold</b> and <a href="https://example.org">a link</a>.</p>]]></message>
    <createdAt>2019-05-01T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><email>ann@example.org</email><name>Ann</name><isAnonymous>false</isAnonymous><username>ann</username></author>
    <ipAddress>198.51.100.7</ipAddress><thread dsq:id="100"/>
  </post>
  <post dsq:id="1003">
    <id/><message><![CDATA[<p>A reply to a reply that comes first in the file.</p>]]></message>
    <createdAt>2019-05-01T12:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Cy</name><isAnonymous>true</isAnonymous></author>
    <ipAddress>198.51.100.9</ipAddress><thread dsq:id="100"/><parent dsq:id="1002"/>
  </post>
  <post dsq:id="1002">
    <id/><message><![CDATA[<p>Replying to Ann.</p>]]></message>
    <createdAt>2019-05-01T11:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><email>bo@example.org</email><name>Bo</name><isAnonymous>false</isAnonymous></author>
    <ipAddress>198.51.100.8</ipAddress><thread dsq:id="100"/><parent dsq:id="1001"/>
  </post>
  <post dsq:id="1004">
    <id/><message><![CDATA[<p>Buy cheap pills</p>]]></message>
    <createdAt>2019-05-02T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>true</isSpam>
    <author><name>Spammer</name></author><thread dsq:id="100"/>
  </post>
  <post dsq:id="1005">
    <id/><message><![CDATA[<p>Deleted by a moderator.</p>]]></message>
    <createdAt>2019-05-02T11:00:00</createdAt><isDeleted>true</isDeleted><isSpam>false</isSpam>
    <author><name>Dee</name></author><thread dsq:id="101"/>
  </post>
  <post dsq:id="1006">
    <id/><message><![CDATA[<p>On a page that no longer exists.</p>]]></message>
    <createdAt>2019-05-02T11:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Eve</name></author><thread dsq:id="102"/>
  </post>
</disqus>
"""


@pytest.fixture
def export(tmp_path, make_article):
    story = make_article("The story", slug="the-story")
    old_story = make_article("Old story", slug="old-story")
    LegacyRedirect.objects.create(old_path="/2019/05/01/old-story/", new_path=old_story.get_absolute_url())
    path = tmp_path / "disqus.xml"
    path.write_text(disqus_export(f"https://news.example.com{story.get_absolute_url()}"))
    return path, story, old_story


def test_comments_land_on_the_article_their_thread_names(export):
    path, story, old_story = export

    summary = import_disqus(path)

    assert story.comments.count() == 4
    assert old_story.comments.count() == 1  # found through the old address's redirect
    assert summary.comments == 5
    assert summary.skipped == 1
    assert "no article or page at https://old.example.com/gone/" in summary.problems[0]


def test_a_thread_on_a_standalone_page_lands_on_that_page(tmp_path):
    about = Page.objects.create(title="About us", slug="about-us", comments_open=True)
    path = tmp_path / "disqus.xml"
    path.write_text(disqus_export(f"https://news.example.com{about.get_absolute_url()}"))

    summary = import_disqus(path)

    assert about.comments.count() == 4  # the first thread's four posts
    assert not Comment.objects.filter(page=about, article__isnull=False).exists()
    assert summary.skipped == 2  # the old story and the gone page: no article or page there


def test_a_thread_found_by_the_wordpress_page_id_the_plugin_recorded(tmp_path):
    # The Disqus plugin for WordPress names each thread "<post id> <old address>"; a page's old address
    # (/about/) may answer nothing here, but the importer remembered which page WordPress post 42 became.
    about = Page.objects.create(title="About us", slug="about-us", comments_open=True)
    ImportRecord.objects.create(
        source="wxr:https://old.example.com", kind=ImportRecord.Kind.PAGE, source_id="42", object_id=about.pk
    )
    path = tmp_path / "disqus.xml"
    path.write_text(disqus_export("https://old.example.com/about/"))

    import_disqus(path)

    assert about.comments.count() == 4


def test_threads_states_and_text_come_across(export):
    path, story, _ = export
    import_disqus(path)

    ann = Comment.objects.get(author_name="Ann")
    bo = Comment.objects.get(author_name="Bo")
    cy = Comment.objects.get(author_name="Cy")
    assert bo.parent == ann and cy.parent == bo and cy.depth == 3
    assert ann.content == "First! With **bold** and a link (https://example.org)."
    assert "<strong>bold</strong>" in ann.content_html
    assert ann.ip == "198.51.100.7" and ann.author_email == "ann@example.org"
    assert Comment.objects.get(author_name="Spammer").status == Comment.Status.SPAM
    assert Comment.objects.get(author_name="Dee").status == Comment.Status.TRASH
    assert Comment.objects.get(author_name="Dee").created_at == datetime(
        2019, 5, 2, 11, tzinfo=UTC
    )  # no zone: UTC
    assert ann.status == Comment.Status.APPROVED


def test_importing_the_same_disqus_export_twice_changes_nothing(export):
    path, _, _ = export
    import_disqus(path)
    before = list(Comment.objects.order_by("pk").values())

    second = import_disqus(path)

    assert list(Comment.objects.order_by("pk").values()) == before
    assert second.created == 0 and second.unchanged == 5


def test_the_command_imports_and_a_dry_run_writes_nothing(export, capsys):
    path, _, _ = export

    call_command("import-disqus", str(path), "--dry-run", "--json", verbosity=0)

    assert '"comments": 5' in capsys.readouterr().out
    assert not Comment.objects.exists()


def test_a_broken_disqus_file_names_line_and_column(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com">\n<thread><link>x</thread>\n</disqus>'
    )

    with pytest.raises(InvalidXml, match="line 3, column"):
        import_disqus(path)
