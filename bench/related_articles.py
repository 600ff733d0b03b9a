"""Related-article quality on the shared BBC News set: precision@5 of same-section suggestions.

Run: .venv/bin/python bench/related_articles.py [--json]
Uses the same function the site calls on save (broadsheet.publishing.related.most_similar); the section is
never part of the text it sees, so a same-section suggestion is earned, not given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
os.environ.setdefault("BROADSHEET_TESTING", "1")

import django  # noqa: E402

django.setup()

from broadsheet.publishing.related import Document, most_similar  # noqa: E402
from broadsheet.shared_data import shared_data_file  # noqa: E402

K = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()

    records = [
        json.loads(line) for line in shared_data_file("news/bbc-news.jsonl").read_text().splitlines() if line
    ]
    documents = [
        Document(index, record["title"], " ".join(record["paragraphs"]))
        for index, record in enumerate(records)
    ]
    sections = [record["section"] for record in records]
    started = time.perf_counter()
    related = most_similar(documents, per_document=K)
    seconds = time.perf_counter() - started

    hits_by_section: dict[str, list[float]] = defaultdict(list)
    for key, suggestions in related.items():
        same = sum(sections[other] == sections[key] for other, _ in suggestions)
        hits_by_section[sections[key]].append(same / K)
    overall = sum(sum(v) for v in hits_by_section.values()) / len(documents)
    result = {
        "articles": len(documents),
        "k": K,
        "precision_at_5": round(overall, 4),
        "per_section": {name: round(sum(v) / len(v), 4) for name, v in sorted(hits_by_section.items())},
        "seconds_all_articles": round(seconds, 2),
    }
    if options.json:
        print(json.dumps(result))
        return
    print(
        f"Related articles on BBC News ({len(documents)} articles), precision@{K} of same-section suggestions"
    )
    print(f"{'section':<15}{'articles':>10}{'precision@5':>14}")
    for name, values in sorted(hits_by_section.items()):
        print(f"{name:<15}{len(values):>10}{sum(values) / len(values):>14.3f}")
    print(f"{'all':<15}{len(documents):>10}{overall:>14.3f}")
    print(f"time to compute every article's list: {seconds:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
