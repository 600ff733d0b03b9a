"""Learning from the site's moderators: their approve/spam decisions become labelled examples, and a
retraining adapts the shipped model to them, replacing the active model only when it is not worse."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import asdict, dataclass
from datetime import datetime
from urllib.parse import urlparse

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from .core import (
    Judgement,
    LabelledExample,
    SourceHistory,
    Submission,
    adapt_to_site,
    judge,
    load_default_model,
)
from .models import ModeratorLabel, SiteModel
from .site_model import current_model, store_model

HELD_BACK_EVERY = 5  # one label in five is kept out of fitting, to judge the new model on


def commenter_key(email: str) -> str:
    """A keyed hash of the address: finds a commenter's labels for erasure without storing the address."""
    normalised = email.strip().lower().encode()
    return hmac.new(settings.SECRET_KEY.encode(), normalised, hashlib.sha256).hexdigest()


def learn_from_moderator(
    *,
    source: str,
    content: str,
    author_name: str = "",
    author_url: str = "",
    email: str = "",
    is_spam: bool,
    by=None,
    at: datetime | None = None,
    is_test: bool = False,
) -> ModeratorLabel | None:
    """Record a moderator's decision (the latest one per source wins) and queue a retraining when due.

    Test submissions are never learned from.
    """
    if is_test or not content.strip():
        return None
    label, _ = ModeratorLabel.objects.update_or_create(
        source=source,
        defaults={
            "content": content,
            "author_name": author_name[:200],
            "author_url": author_url[:300],
            "email_domain": email.rpartition("@")[2].lower()[:200],
            "commenter_key": commenter_key(email) if email else "",
            "is_spam": is_spam,
            "labelled_at": at or timezone.now(),
            "labelled_by": by if getattr(by, "pk", None) else None,
        },
    )
    if retraining_is_due():
        from .tasks import retrain_spam_model

        transaction.on_commit(retrain_spam_model.enqueue)
    return label


def labelled_history(*, email: str = "", url: str = "") -> SourceHistory:
    """What the labels say about this email address and website domain: how many were spam, how many not.

    Labels keep no IP address, so unlike the site's own comments they say nothing about where a comment was
    sent from. Used for submissions the site holds no comments for (the Akismet-compatible API).
    """
    email, domain = email.strip(), (urlparse(url).hostname or "").removeprefix("www.")
    counts = {"approved_from_email": 0, "spam_from_email": 0, "spam_from_url": 0}
    if email:
        by_email = ModeratorLabel.objects.filter(commenter_key=commenter_key(email))
        counts["spam_from_email"] = by_email.filter(is_spam=True).count()
        counts["approved_from_email"] = by_email.filter(is_spam=False).count()
    if domain:
        counts["spam_from_url"] = (
            ModeratorLabel.objects.filter(is_spam=True)
            .filter(
                models.Q(author_url__icontains=f"//{domain}") | models.Q(author_url__icontains=f".{domain}")
            )
            .count()
        )
    return SourceHistory(**counts)


def retraining_is_due() -> bool:
    latest = SiteModel.objects.order_by("-created_at").values_list("created_at", flat=True).first()
    new_labels = (
        ModeratorLabel.objects.filter(labelled_at__gt=latest) if latest else ModeratorLabel.objects.all()
    )
    return new_labels.count() >= settings.SPAM_RETRAIN_AFTER_DECISIONS


def forget_commenter(email: str) -> int:
    """Erase the labels made from this commenter's submissions; returns how many."""
    deleted, _ = ModeratorLabel.objects.filter(commenter_key=commenter_key(email)).delete()
    return deleted


def export_commenter(email: str) -> list[dict]:
    return [
        {"text": label.content, "name": label.author_name, "website": label.author_url,
         "is_spam": label.is_spam, "labelled_at": label.labelled_at.isoformat()}
        for label in ModeratorLabel.objects.filter(commenter_key=commenter_key(email))
    ]  # fmt: skip


def example_of(label: ModeratorLabel) -> LabelledExample:
    submission = Submission(
        content=label.content,
        author=label.author_name,
        url=label.author_url,
        email=f"someone@{label.email_domain}" if label.email_domain else "",
    )
    return LabelledExample(submission, label.is_spam, group="site")


@dataclass(frozen=True)
class RetrainingOutcome:
    replaced: bool
    examples: int
    held_back: int
    candidate: Judgement
    current: Judgement

    def as_dict(self) -> dict:
        return asdict(self)


def retrain() -> RetrainingOutcome:
    """Adapt the shipped model to every moderator decision but a held-back slice, its spam threshold raised
    where the site's genuine comments need it (`core.adapt_to_site`); activate the result only if, on that
    slice, it is no worse than the model in use (no more genuine comments marked spam, no more spam
    published, no higher log loss), each deciding as the engine would with it."""
    labels = list(ModeratorLabel.objects.order_by("pk"))
    fitted = [example_of(label) for label in labels if label.pk % HELD_BACK_EVERY]
    held_back = [example_of(label) for label in labels if not label.pk % HELD_BACK_EVERY]
    candidate = adapt_to_site(load_default_model(), fitted)
    in_use = current_model().model
    candidate_judgement, current_judgement = judge(candidate, held_back), judge(in_use, held_back)
    replaced = candidate_judgement.is_no_worse_than(current_judgement)
    outcome = RetrainingOutcome(replaced, len(fitted), len(held_back), candidate_judgement, current_judgement)
    store_model(candidate, examples=len(fitted), comparison=outcome.as_dict(), activate=replaced)
    return outcome
