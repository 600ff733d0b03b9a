"""Ranked full-text search of published articles: SQLite FTS5 or PostgreSQL full-text behind one function."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import connection

from .models import Article

SEARCH_WORD = re.compile(r"\w+", re.UNICODE)
MAX_RESULTS = 500

SQLITE_INDEX = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS publishing_article_fts USING fts5(
        title, standfirst, body_text, content='publishing_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS publishing_article_fts_insert AFTER INSERT ON publishing_article BEGIN
        INSERT INTO publishing_article_fts(rowid, title, standfirst, body_text)
        VALUES (new.id, new.title, new.standfirst, new.body_text); END""",
    """CREATE TRIGGER IF NOT EXISTS publishing_article_fts_delete AFTER DELETE ON publishing_article BEGIN
        INSERT INTO publishing_article_fts(publishing_article_fts, rowid, title, standfirst, body_text)
        VALUES ('delete', old.id, old.title, old.standfirst, old.body_text); END""",
    """CREATE TRIGGER IF NOT EXISTS publishing_article_fts_update AFTER UPDATE ON publishing_article BEGIN
        INSERT INTO publishing_article_fts(publishing_article_fts, rowid, title, standfirst, body_text)
        VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
        INSERT INTO publishing_article_fts(rowid, title, standfirst, body_text)
        VALUES (new.id, new.title, new.standfirst, new.body_text); END""",
]


def postgresql_index() -> list[str]:
    language = settings.SEARCH_LANGUAGE
    return [
        f"""ALTER TABLE publishing_article ADD COLUMN IF NOT EXISTS search_vector tsvector
            GENERATED ALWAYS AS (
              setweight(to_tsvector('{language}', coalesce(title, '')), 'A') ||
              setweight(to_tsvector('{language}', coalesce(standfirst, '')), 'B') ||
              setweight(to_tsvector('{language}', coalesce(body_text, '')), 'C')) STORED""",
        "CREATE INDEX IF NOT EXISTS publishing_article_search ON publishing_article USING gin (search_vector)",
    ]


def ensure_search_index(using_connection=connection) -> None:
    """Create the full-text index if it is missing.

    Runs after every migrate: SQLite rebuilds a table when a migration alters it and drops its triggers
    with it, so the index is re-created and refilled rather than trusted to survive.
    """
    with using_connection.cursor() as cursor:
        if using_connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'publishing_article_fts_%'")
            triggers_missing = cursor.fetchone()[0] < 3
            for statement in SQLITE_INDEX:
                cursor.execute(statement)
            if triggers_missing:
                cursor.execute(
                    "INSERT INTO publishing_article_fts(publishing_article_fts) VALUES ('rebuild')"
                )
        elif using_connection.vendor == "postgresql":
            for statement in postgresql_index():
                cursor.execute(statement)


def search_articles(query: str) -> list[Article]:
    """Published articles matching every word of `query`, best match first."""
    words = SEARCH_WORD.findall(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        ranked_ids = postgresql_ranked_ids(query)
    else:
        ranked_ids = sqlite_ranked_ids(words)
    articles = Article.objects.published().select_related("section").in_bulk(ranked_ids)
    return [articles[pk] for pk in ranked_ids if pk in articles]


def sqlite_ranked_ids(words: list[str]) -> list[int]:
    # Each word quoted so reader input can never be read as FTS5 syntax; the last one also matches as a prefix.
    match = " ".join(f'"{word}"' for word in words[:-1]) + f' "{words[-1]}"*'
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM publishing_article_fts WHERE publishing_article_fts MATCH %s "
            "ORDER BY bm25(publishing_article_fts, 10.0, 4.0, 1.0) LIMIT %s",
            [match, MAX_RESULTS],
        )
        return [row[0] for row in cursor.fetchall()]


def postgresql_ranked_ids(query: str) -> list[int]:
    language = settings.SEARCH_LANGUAGE
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM publishing_article, websearch_to_tsquery('{language}', %s) AS query "
            "WHERE search_vector @@ query ORDER BY ts_rank_cd(search_vector, query) DESC, published_at DESC "
            "LIMIT %s",
            [query, MAX_RESULTS],
        )
        return [row[0] for row in cursor.fetchall()]
