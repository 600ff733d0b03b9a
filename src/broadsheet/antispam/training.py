"""Reading the shared labelled data sets and training the model that ships with Broadsheet.

No Django here: the management command, the bench and the tests call these functions directly.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from broadsheet.shared_data import shared_data_dir, shared_data_file

from .core import LabelledExample, SpamModel, Submission, TrainingFigures, default_model_path, train

YOUTUBE_FOLDER = Path("spam/youtube")
SMS_FILE = Path("spam/sms/SMSSpamCollection.tsv")
# Text messages are not comments: they help, but as half of one video's weight (chosen by leave-one-video-out).
GROUP_WEIGHTS = {"sms": 0.5}
# ...and their genuine messages do not set the thresholds, which protect comments.
AUXILIARY_GROUPS = frozenset({"sms"})


def shared_data_directory() -> Path:
    """The shared data folder, checked to hold the spam sets (SharedDataMissing names BROADSHEET_SHARED_DATA)."""
    shared_data_file(str(YOUTUBE_FOLDER))
    return shared_data_dir()


def youtube_files(directory: Path | None = None) -> list[Path]:
    return sorted(((directory or shared_data_directory()) / YOUTUBE_FOLDER).glob("*.csv"))


def video_name(path: Path) -> str:
    """ "Youtube01-Psy.csv" -> "Psy"."""
    return path.stem.split("-", 1)[-1]


def read_youtube_comments(path: Path) -> list[LabelledExample]:
    """One video's comments (COMMENT_ID, AUTHOR, DATE, CONTENT, CLASS), byte-order marks removed."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return [
            LabelledExample(
                Submission(
                    content=row["CONTENT"].replace("\ufeff", ""), author=row["AUTHOR"].replace("\ufeff", "")
                ),
                is_spam=row["CLASS"].strip() == "1",
                group=video_name(path),
            )
            for row in csv.DictReader(file)
        ]


def read_sms_messages(path: Path | None = None) -> list[LabelledExample]:
    """The SMS Spam Collection (Label<TAB>SMS), as extra short-text training signal."""
    path = path or shared_data_directory() / SMS_FILE
    examples = []
    with path.open(encoding="utf-8-sig") as file:
        next(file)  # header
        for line in file:
            label, _, text = line.rstrip("\n").partition("\t")
            if label in ("ham", "spam"):
                examples.append(
                    LabelledExample(Submission(content=text), is_spam=label == "spam", group="sms")
                )
    return examples


def read_training_sets(
    directory: Path | None = None, *, videos: Iterable[str] | None = None, sms: bool = True
) -> list[LabelledExample]:
    """YouTube comments (optionally only some videos) and, by default, the SMS messages."""
    directory = directory or shared_data_directory()
    wanted = set(videos) if videos is not None else None
    examples: list[LabelledExample] = []
    for path in youtube_files(directory):
        if wanted is None or video_name(path) in wanted:
            examples.extend(read_youtube_comments(path))
    if sms:
        examples.extend(read_sms_messages(directory / SMS_FILE))
    return examples


@dataclass(frozen=True)
class TrainingResult:
    model: SpamModel
    figures: TrainingFigures | None
    seconds: float
    output: Path


def train_shipped_model(
    output: Path | None = None, *, progress: Callable[[int, int], None] | None = None
) -> TrainingResult:
    """Train on every shared set and write the model (by default into the package, where it ships)."""
    started = time.perf_counter()
    figures: list[TrainingFigures] = []
    model = train(
        read_training_sets(),
        progress=progress,
        figures=figures,
        group_weights=GROUP_WEIGHTS,
        auxiliary_groups=AUXILIARY_GROUPS,
    )
    output = Path(output) if output else default_model_path()
    model.save(output)
    return TrainingResult(model, figures[0] if figures else None, time.perf_counter() - started, output)
