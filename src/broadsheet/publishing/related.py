"""Related articles: TF-IDF and latent-topic cosine similarity over title, standfirst, body and tags.

Computed when articles are saved and stored; pages only read the stored lists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import transaction

from .models import Article, RelatedArticle

CHUNK_ROWS = 200  # rows of the similarity matrix held densely at once: bounds memory on large sites
HASHED_TERMS = 1 << 20  # words are hashed, so no vocabulary is built: memory stays flat on large sites
# The top of a story says what it is about; words past this add time, not precision (BBC set: 0.950 either way).
MAX_BODY_WORDS = 400
# Latent topics (LSA) find stories about the same thing told in different words; they need enough articles
# to learn from. Half topic, half exact words keeps near-identical follow-ups at the top.
TOPIC_MIN_DOCUMENTS = 50
TOPIC_DIMENSIONS = 100
TOPIC_SHARE = 0.5


@dataclass(frozen=True)
class Document:
    key: int
    title: str
    text: str
    tags: Sequence[str] = ()

    def weighted_text(self) -> str:
        # The headline and tags say what a story is about more densely than its body, so they count more.
        body = " ".join(self.text.split()[:MAX_BODY_WORDS])
        return " ".join([self.title] * 3 + [" ".join(self.tags)] * 2 + [body])


def term_weights(documents: Sequence[Document]):
    """TF-IDF rows of the documents. On a large site, words in one story only or in most stories say little
    and are dropped; on a small one every word counts."""
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    counts = HashingVectorizer(
        n_features=HASHED_TERMS, stop_words="english", alternate_sign=False, norm=None, dtype=np.float32
    ).transform(doc.weighted_text() for doc in documents)
    in_documents = np.bincount(counts.indices, minlength=HASHED_TERMS)
    if len(documents) > 20:
        useful = (in_documents >= 2) & (in_documents <= 0.5 * len(documents))
    else:
        useful = in_documents > 0
    counts = counts[:, np.flatnonzero(useful)]
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).astype(np.float32)


def most_similar(documents: Sequence[Document], per_document: int) -> dict[int, list[tuple[int, float]]]:
    """For every document, the keys of the `per_document` most similar others with their cosine scores."""
    if len(documents) < 2:
        return {doc.key: [] for doc in documents}
    # scikit-learn is imported here, not at module level: web workers import this module but never compute,
    # and it would cost each of them some 70 MB of memory.
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    matrix = term_weights(documents)
    topics = None
    if len(documents) >= TOPIC_MIN_DOCUMENTS and matrix.shape[1] > TOPIC_DIMENSIONS:
        svd = TruncatedSVD(TOPIC_DIMENSIONS, random_state=0)
        topics = normalize(svd.fit_transform(matrix)).astype(np.float32)
    keys = np.array([doc.key for doc in documents])
    count = min(per_document, len(documents) - 1)
    result: dict[int, list[tuple[int, float]]] = {}
    for start in range(0, len(documents), CHUNK_ROWS):
        similarities = (matrix[start : start + CHUNK_ROWS] @ matrix.T).toarray()
        if topics is not None:
            topical = topics[start : start + CHUNK_ROWS] @ topics.T
            similarities = (1 - TOPIC_SHARE) * similarities + TOPIC_SHARE * topical
        for offset, row in enumerate(similarities):
            row[start + offset] = -1.0  # never related to itself
            best = np.argpartition(-row, count - 1)[:count]
            best = best[np.argsort(-row[best], kind="stable")]
            result[int(keys[start + offset])] = [(int(keys[i]), float(row[i])) for i in best if row[i] > 0]
    return result


def released_documents() -> list[Document]:
    tags_by_article: dict[int, list[str]] = defaultdict(list)
    for article_id, tag_name in Article.tags.through.objects.filter(
        article__in=Article.objects.published_or_scheduled()
    ).values_list("article_id", "tag__name"):
        tags_by_article[article_id].append(tag_name)
    return [
        Document(pk, title, f"{standfirst} {body_text}", tags_by_article[pk])
        for pk, title, standfirst, body_text in Article.objects.published_or_scheduled()
        .order_by("pk")
        .values_list("pk", "title", "standfirst", "body_text")
    ]


def refresh_related_articles(per_article: int | None = None) -> set[int]:
    """Recompute every released article's related list; write only the lists that changed.

    Returns the ids of the articles whose list changed, so their pages can be refreshed.
    """
    per_article = per_article or settings.RELATED_ARTICLES_COUNT
    computed = most_similar(released_documents(), per_article)
    stored: dict[int, list[int]] = defaultdict(list)
    for article_id, related_id in RelatedArticle.objects.order_by("article_id", "rank").values_list(
        "article_id", "related_id"
    ):
        stored[article_id].append(related_id)
    changed = {key for key, pairs in computed.items() if [k for k, _ in pairs] != stored.get(key, [])}
    gone = set(stored) - set(computed)  # back to draft or deleted since the last refresh
    with transaction.atomic():
        RelatedArticle.objects.filter(article_id__in=changed | gone).delete()
        RelatedArticle.objects.bulk_create(
            RelatedArticle(article_id=key, related_id=other, rank=rank, score=score)
            for key in changed
            for rank, (other, score) in enumerate(computed[key])
        )
    return changed | gone
