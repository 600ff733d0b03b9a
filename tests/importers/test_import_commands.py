"""The `import-wordpress` command: a progress bar on stderr, a summary table or one JSON object on stdout."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command, get_commands

pytestmark = pytest.mark.django_db

SUMMARY_KEYS = {
    "articles",
    "pages",
    "comments",
    "authors",
    "sections",
    "tags",
    "attachments",
    "redirects",
    "skipped",
}


def test_the_hyphenated_commands_are_found_by_django():
    assert get_commands()["import-wordpress"] == "broadsheet.importers"
    assert get_commands()["import-disqus"] == "broadsheet.importers"


def test_json_output_is_one_object_with_the_counts(theme_preview, capsys):
    call_command("import-wordpress", str(theme_preview), "--json")

    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert set(summary) >= SUMMARY_KEYS
    assert summary["articles"] == 7 and summary["comments"] == 2
    assert "Importing items [" in captured.err and "7/7" in captured.err


def test_the_table_summarises_the_run(theme_preview, capsys):
    call_command("import-wordpress", str(theme_preview), verbosity=0)

    out = capsys.readouterr().out
    assert "In the database for wxr:https://wp-themes.com" in out
    assert "articles" in out and "redirects" in out


def test_a_missing_file_is_a_clear_error(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No such file"):
        call_command("import-wordpress", str(tmp_path / "missing.xml"), verbosity=0)
