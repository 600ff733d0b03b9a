"""Which spam model this site uses: the newest adapted model a retraining accepted, else the shipped one.

Models live in the database, so every app server of a busy site uses the same one; each process checks
for a newer one at most once a minute (through the cache) and loads it only when it changed.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache

from .core import SpamModel, load_default_model
from .core.classifier import METADATA_FILE, WEIGHTS_FILE
from .models import SiteModel

ACTIVE_MODEL_CACHE_KEY = "antispam:active-model"
RECHECK_SECONDS = 60
SHIPPED = 0  # the version number of the model that ships with Broadsheet
KEEP_MODELS = 5  # the newest few are kept so a moderator can go back; each is about 1 MB


@dataclass(frozen=True)
class LoadedModel:
    version: int
    model: SpamModel


_loaded: LoadedModel | None = None


def current_model() -> LoadedModel:
    """The model to screen with now, loaded once per version per process."""
    global _loaded
    version = cache.get(ACTIVE_MODEL_CACHE_KEY)
    if version is None:
        active = (
            SiteModel.objects.filter(is_active=True)
            .order_by("-created_at")
            .values_list("pk", flat=True)
            .first()
        )
        version = active or SHIPPED
        cache.set(ACTIVE_MODEL_CACHE_KEY, version, RECHECK_SECONDS)
    if _loaded is None or _loaded.version != version:
        model = load_default_model() if version == SHIPPED else model_of(SiteModel.objects.get(pk=version))
        _loaded = LoadedModel(version, model)
    return _loaded


def model_of(row: SiteModel) -> SpamModel:
    with tempfile.TemporaryDirectory() as directory:
        Path(directory, WEIGHTS_FILE).write_bytes(bytes(row.weights))
        Path(directory, METADATA_FILE).write_text(json.dumps(row.description))
        return SpamModel.load(Path(directory))


def store_model(model: SpamModel, *, examples: int, comparison: dict, activate: bool) -> SiteModel:
    with tempfile.TemporaryDirectory() as directory:
        model.save(Path(directory))
        row = SiteModel(
            examples=examples,
            weights=Path(directory, WEIGHTS_FILE).read_bytes(),
            description=json.loads(Path(directory, METADATA_FILE).read_text()),
            comparison=comparison,
            is_active=activate,
        )
    row.save()
    if activate:
        SiteModel.objects.exclude(pk=row.pk).filter(is_active=True).update(is_active=False)
        cache.set(ACTIVE_MODEL_CACHE_KEY, row.pk, RECHECK_SECONDS)
    kept = SiteModel.objects.order_by("-created_at", "-pk").values_list("pk", flat=True)[:KEEP_MODELS]
    SiteModel.objects.filter(is_active=False).exclude(pk__in=list(kept)).delete()
    return row
