"""Reading the shared labelled data sets and training the model that ships with Broadsheet.

No Django here: the management command, the bench and the tests call these functions directly.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .core import LabelledExample, SpamModel, Submission, TrainingFigures, default_model_path, train

SHARED_DATA_VARIABLE = "BROADSHEET_SHARED_DATA"
YOUTUBE_FOLDER = Path("spam/youtube")
SMS_FILE = Path("spam/sms/SMSSpamCollection.tsv")
# Text messages are not comments: they help, but as half of one video's weight (chosen by leave-one-video-out).
GROUP_WEIGHTS = {"sms": 0.5}


class MissingDataError(FileNotFoundError):
    """The shared data sets are not where BROADSHEET_SHARED_DATA (or its default) says."""


def repository_root() -> Path:
    """The checkout this package lives in (src layout), or the working directory for an installed package."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "src").is_dir():
            return parent
    return Path.cwd()


def shared_data_directory() -> Path:
    """$BROADSHEET_SHARED_DATA, or ../shared/data next to the repository."""
    configured = os.environ.get(SHARED_DATA_VARIABLE)
    directory = Path(configured) if configured else repository_root().parent / "shared" / "data"
    if not (directory / YOUTUBE_FOLDER).is_dir():
        raise MissingDataError(
            f"no spam training data in {directory} (expected {YOUTUBE_FOLDER}/*.csv); "
            f"set {SHARED_DATA_VARIABLE} to the folder holding spam/youtube and spam/sms"
        )
    return directory


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


def progress_bar(
    write: Callable[[str], object] | None = None, label: str = "training"
) -> Callable[[int, int], None]:
    """A callback drawing `label [#####.....] 3/6` on one line, by default on standard error."""

    def draw(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        line = f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if done >= total:
            line += "\n"
        if write is None:
            sys.stderr.write(line)
            sys.stderr.flush()
        else:
            write(line)

    return draw


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
    model = train(read_training_sets(), progress=progress, figures=figures, group_weights=GROUP_WEIGHTS)
    output = Path(output) if output else default_model_path()
    model.save(output)
    return TrainingResult(model, figures[0] if figures else None, time.perf_counter() - started, output)
