"""The learned spam classifier: a linear model over hashed features, stored as arrays plus JSON (no pickle)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import (
    CHARACTER_HASH_BITS,
    CHARACTER_NGRAM_SIZES,
    FEATURE_VERSION,
    HASHED_FEATURES,
    METADATA_FEATURES,
    METADATA_NAMES,
    TOKEN_HASH_BITS,
    hash_features,
    weigh_features,
)
from .submission import Submission

WEIGHTS_FILE = "weights.npz"
METADATA_FILE = "model.json"


class ModelFormatError(ValueError):
    """The model directory is missing, damaged, or was written for other features."""


def feature_specification() -> dict[str, Any]:
    """What a stored model's weights mean; a model is only loaded by code that hashes the same way."""
    return {
        "version": FEATURE_VERSION,
        "character_hash_bits": CHARACTER_HASH_BITS,
        "token_hash_bits": TOKEN_HASH_BITS,
        "character_ngram_sizes": list(CHARACTER_NGRAM_SIZES),
        "metadata": list(METADATA_NAMES),
    }


def sigmoid(logits: np.ndarray) -> np.ndarray:
    probabilities: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(logits, -40.0, 40.0)))
    return probabilities


def logit(probability: float) -> float:
    probability = min(max(probability, 1e-9), 1 - 1e-9)
    return math.log(probability / (1 - probability))


@dataclass
class SpamModel:
    """Weights for hashed features and metadata, an intercept, and a calibration from margin to probability."""

    hashed_weights: np.ndarray  # float32, HASHED_FEATURES
    metadata_weights: np.ndarray  # float64, METADATA_FEATURES, for standardised metadata
    idf: np.ndarray  # float32, HASHED_FEATURES
    intercept: float
    metadata_mean: np.ndarray
    metadata_scale: np.ndarray
    calibration_slope: float = 1.0
    calibration_intercept: float = 0.0
    metadata: dict[str, Any] = field(default_factory=dict)

    def margins(self, submissions: Sequence[Submission]) -> np.ndarray:
        """The raw linear scores (before calibration) of a batch."""
        features = hash_features(submissions)
        weighted = weigh_features(features, self.idf)
        margins = np.bincount(
            weighted.rows,
            weights=weighted.values * self.hashed_weights[weighted.columns],
            minlength=weighted.count,
        )
        standardised = (features.metadata - self.metadata_mean) / self.metadata_scale
        scores: np.ndarray = margins + standardised @ self.metadata_weights + self.intercept
        return scores

    def logits(self, submissions: Sequence[Submission]) -> np.ndarray:
        """Calibrated spam log-odds of a batch."""
        return self.calibration_slope * self.margins(submissions) + self.calibration_intercept

    def probabilities(self, submissions: Sequence[Submission]) -> np.ndarray:
        """Calibrated spam probabilities of a batch, vectorised."""
        return sigmoid(self.logits(submissions))

    def probability(self, submission: Submission) -> float:
        return float(self.probabilities([submission])[0])

    def save(self, path: Path) -> None:
        """Write weights.npz and model.json into the directory `path` (created if needed)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        # Most hashed features never occur in training; storing only the non-zero ones keeps the file small.
        unseen_idf = float(self.idf.max()) if len(self.idf) else 1.0
        used = np.flatnonzero((self.hashed_weights != 0) | (self.idf != unseen_idf))
        np.savez_compressed(
            path / WEIGHTS_FILE,
            used_columns=used.astype(np.int32),
            used_weights=self.hashed_weights[used].astype(np.float32),
            used_idf=self.idf[used].astype(np.float32),
            metadata_weights=self.metadata_weights.astype(np.float64),
            metadata_mean=self.metadata_mean.astype(np.float64),
            metadata_scale=self.metadata_scale.astype(np.float64),
        )
        document = {
            "features": feature_specification(),
            "intercept": self.intercept,
            "unseen_idf": unseen_idf,
            "calibration": {"slope": self.calibration_slope, "intercept": self.calibration_intercept},
            **self.metadata,
        }
        (path / METADATA_FILE).write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")

    @classmethod
    def load(cls, path: Path) -> SpamModel:
        """Read a model written by `save`; arrays are loaded with pickling disabled."""
        path = Path(path)
        try:
            document = json.loads((path / METADATA_FILE).read_text())
            with np.load(path / WEIGHTS_FILE, allow_pickle=False) as arrays:
                stored = {name: arrays[name] for name in arrays.files}
        except (OSError, ValueError, KeyError) as error:
            raise ModelFormatError(f"cannot read a spam model from {path}: {error}") from error
        if document.get("features") != feature_specification():
            raise ModelFormatError(
                f"the spam model in {path} was trained for other features; retrain it with `broadsheet spam train`"
            )
        hashed_weights = np.zeros(HASHED_FEATURES, dtype=np.float32)
        idf = np.full(HASHED_FEATURES, document["unseen_idf"], dtype=np.float32)
        hashed_weights[stored["used_columns"]] = stored["used_weights"]
        idf[stored["used_columns"]] = stored["used_idf"]
        reserved = {"features", "intercept", "unseen_idf", "calibration"}
        return cls(
            hashed_weights=hashed_weights,
            metadata_weights=stored["metadata_weights"].reshape(METADATA_FEATURES),
            idf=idf,
            intercept=float(document["intercept"]),
            metadata_mean=stored["metadata_mean"],
            metadata_scale=stored["metadata_scale"],
            calibration_slope=float(document["calibration"]["slope"]),
            calibration_intercept=float(document["calibration"]["intercept"]),
            metadata={key: value for key, value in document.items() if key not in reserved},
        )
