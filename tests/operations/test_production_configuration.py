"""Production mode (no demo, no DEBUG, no SECRET_KEY set) as an operator meets it on the command line.

Each case runs `broadsheet` in a fresh process, since the settings read the environment once, at import.
"""

import os
import subprocess
import sys

import pytest

CONFIGURATION = ("SECRET_KEY", "BROADSHEET_DEMO", "BROADSHEET_TESTING", "DEBUG", "DATABASE_URL", "REDIS_URL")


@pytest.fixture
def production(tmp_path):
    """Run a command the way an operator does in a new folder: production mode, nothing configured."""
    environment = {name: value for name, value in os.environ.items() if name not in CONFIGURATION}
    environment["BROADSHEET_VAR_DIR"] = str(tmp_path / "var")

    def run(*arguments: str, **variables: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", *arguments],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**environment, **variables},
            timeout=100,
        )

    return run


def test_evaluating_a_csv_needs_neither_a_secret_key_nor_a_database(production, tmp_path):
    labelled = tmp_path / "comments.csv"
    labelled.write_text(
        "content,label\n"
        '"Check out my channel and subscribe http://bit.ly/xyz",spam\n'
        '"Thanks, this answered my question about the council budget.",ham\n'
    )

    result = production("spam", "evaluate", str(labelled), "--json")

    assert result.returncode == 0, result.stderr
    assert '"n": 2' in result.stdout


def test_serving_or_migrating_without_a_secret_key_stops_with_what_to_set(production):
    result = production("migrate")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_wsgi_application_refuses_to_load_without_a_secret_key(tmp_path):
    environment = {name: value for name, value in os.environ.items() if name not in CONFIGURATION}
    environment["BROADSHEET_VAR_DIR"] = str(tmp_path / "var")

    result = subprocess.run(
        [sys.executable, "-c", "import broadsheet.wsgi"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=100,
    )

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_fresh_folder_gets_its_database_on_the_first_migrate(production, tmp_path):
    result = production("migrate", "--verbosity", "0", SECRET_KEY="a-key-for-this-test-only")

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "broadsheet.sqlite3").exists()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SPAM_THRESHOLD", "2", "SPAM_THRESHOLD must be a number between 0 and 1"),
        ("DATABASE_URL", "mysql://db/news", "DATABASE_URL has an unsupported scheme 'mysql'"),
        ("READING_WORDS_PER_MINUTE", "fast", "READING_WORDS_PER_MINUTE must be a whole number"),
    ],
)
def test_a_variable_set_wrongly_is_named_without_a_traceback(production, variable, value, message):
    result = production("check", **{variable: value, "SECRET_KEY": "a-key-for-this-test-only"})

    assert result.returncode == 1
    assert f"broadsheet: {message}" in result.stderr
    assert "Traceback" not in result.stderr
