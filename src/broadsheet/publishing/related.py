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
from scipy.sparse import vstack

from .models import Article, RelatedArticle

CHUNK_ROWS = 200  # rows of the similarity matrix held densely at once: bounds memory on large sites
# Articles whose shortlisted pairs are compared word by word at once: each step copies 50 term rows per
# article, so 50 articles (2,500 pairs) keep that copy near 20 MB (200 took 44 MB more on 10,000 articles).
SHORTLIST_ROWS = 50
HASHED_TERMS = 1 << 18  # words are hashed, so no vocabulary is built: memory stays flat on large sites
# The top of a story says what it is about; words past this add time, not precision (BBC set: 0.950 either way).
MAX_BODY_WORDS = 400
# Latent topics (LSA) find stories about the same thing told in different words; they need enough articles
# to learn from. Half topic, half exact words keeps near-identical follow-ups at the top.
TOPIC_MIN_DOCUMENTS = 50
WRITE_BATCH = 500  # articles whose stored lists are rewritten per statement
TOPIC_DIMENSIONS = 100
TOPIC_SHARE = 0.5
SHORTLIST = 50  # candidates per article from the topics, re-ranked with exact words


@dataclass(frozen=True)
class Document:
    key: int
    title: str
    text: str
    tags: Sequence[str] = ()

    def weighted_text(self) -> str:
        # The headline and tags say what a story is about more densely than its body, so they count more.
        return " ".join([self.title] * 3 + [" ".join(self.tags)] * 2 + [first_words(self.text)])


def first_words(text: str) -> str:
    return " ".join(text.split()[:MAX_BODY_WORDS])


def term_weights(documents: Sequence[Document]):
    """TF-IDF rows of the documents. On a large site, words in one story only or in most stories say little
    and are dropped; on a small one every word counts."""
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    hasher = HashingVectorizer(
        n_features=HASHED_TERMS, stop_words="english", alternate_sign=False, norm=None, dtype=np.float32
    )
    # A thousand articles at a time: the hasher's working arrays stay small however large the site.
    counts = vstack(
        [
            hasher.transform(doc.weighted_text() for doc in documents[start : start + 1000])
            for start in range(0, len(documents), 1000)
        ],
        format="csr",
    )
    in_documents = np.bincount(counts.indices, minlength=HASHED_TERMS)
    if len(documents) > 20:
        useful = (in_documents >= 2) & (in_documents <= 0.5 * len(documents))
    else:
        useful = in_documents > 0
    counts = counts[:, np.flatnonzero(useful)]  # rebinding frees the unfiltered matrix
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).astype(np.float32, copy=False)


def most_similar(documents: Sequence[Document], per_document: int) -> dict[int, list[tuple[int, float]]]:
    """For every document, the keys of the `per_document` most similar others with their cosine scores."""
    if len(documents) < 2:
        return {doc.key: [] for doc in documents}
    matrix = term_weights(documents)
    keys = np.array([doc.key for doc in documents])
    count = min(per_document, len(documents) - 1)
    if len(documents) < TOPIC_MIN_DOCUMENTS or matrix.shape[1] <= TOPIC_DIMENSIONS:
        ranked = (best_of(row, count) for row in exact_similarities(matrix))
    else:
        ranked = topic_then_word_ranking(matrix, count)
    return {
        int(keys[index]): [(int(keys[other]), score) for other, score in pairs if score > 0]
        for index, pairs in enumerate(ranked)
    }


def exact_similarities(matrix):
    """Every document's cosine similarity to every other, a slice of rows at a time."""
    for start in range(0, matrix.shape[0], CHUNK_ROWS):
        similarities = (matrix[start : start + CHUNK_ROWS] @ matrix.T).toarray()
        for offset, row in enumerate(similarities):
            row[start + offset] = -1.0  # never related to itself
            yield row


def best_of(row: np.ndarray, count: int) -> list[tuple[int, float]]:
    best = np.argpartition(-row, count - 1)[:count]
    best = best[np.argsort(-row[best], kind="stable")]
    return [(int(index), float(row[index])) for index in best]


def topic_then_word_ranking(matrix, count: int):
    """Shortlist by latent topics, then rank the shortlist by half topic, half exact-word similarity.

    Exact-word similarity of every pair is the costly part on a large site; the shortlist bounds it.
    """
    # scikit-learn is imported here, not at module level: web workers import this module but never compute,
    # and it would cost each of them some 70 MB of memory.
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    topics = normalize(TruncatedSVD(TOPIC_DIMENSIONS, random_state=0).fit_transform(matrix)).astype(
        np.float32
    )
    shortlist = min(SHORTLIST, matrix.shape[0] - 1)
    for start in range(0, matrix.shape[0], SHORTLIST_ROWS):
        topical = topics[start : start + SHORTLIST_ROWS] @ topics.T
        rows = np.arange(start, start + len(topical))
        topical[rows - start, rows] = -1.0  # never related to itself
        candidates = np.argpartition(-topical, shortlist - 1, axis=1)[:, :shortlist]
        pairs_from, pairs_to = np.repeat(rows, shortlist), candidates.ravel()
        words = np.asarray(matrix[pairs_from].multiply(matrix[pairs_to]).sum(axis=1)).ravel()
        mixed = (1 - TOPIC_SHARE) * words + TOPIC_SHARE * topical[pairs_from - start, pairs_to]
        for offset, scores in enumerate(mixed.reshape(len(rows), shortlist)):
            best = best_of(scores, count)
            yield [(int(candidates[offset, index]), score) for index, score in best]


def released_documents() -> list[Document]:
    tags_by_article: dict[int, list[str]] = defaultdict(list)
    for article_id, tag_name in Article.tags.through.objects.filter(
        article__in=Article.objects.published_or_scheduled()
    ).values_list("article_id", "tag__name"):
        tags_by_article[article_id].append(tag_name)
    # Only the first words are compared: keeping just those holds a large site's texts in a fraction of the memory.
    return [
        Document(pk, title, first_words(f"{standfirst} {body_text}"), tags_by_article[pk])
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
    rewritten = sorted(changed | gone)
    with transaction.atomic():
        # In slices, so a large site never holds every new row in memory at once.
        for start in range(0, len(rewritten), WRITE_BATCH):
            batch = rewritten[start : start + WRITE_BATCH]
            RelatedArticle.objects.filter(article_id__in=batch).delete()
            RelatedArticle.objects.bulk_create(
                RelatedArticle(article_id=key, related_id=other, rank=rank, score=score)
                for key in batch
                if key in computed
                for rank, (other, score) in enumerate(computed[key])
            )
    return changed | gone
