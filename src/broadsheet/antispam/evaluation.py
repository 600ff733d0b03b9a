"""Measuring the engine on a labelled CSV file: accuracy figures, throughput and latency.

The file is only scored, never learned from. Used by `broadsheet spam evaluate`, the bench and the tests.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .core import Decision, Engine, LabelledExample, Submission, Verdict

# spam/ham and 1/0 as the issue names them; true/false and 1.0/0.0 are how spreadsheets and pandas write them.
LABELS = {
    "spam": True, "1": True, "true": True, "1.0": True,
    "ham": False, "0": False, "false": False, "0.0": False,
}  # fmt: skip
# Column names we accept, in any case: the issue's, the YouTube Spam Collection's (CONTENT, CLASS) and the
# names other labelled sets give the text. Where a file has two, the issue's own name wins.
COLUMN_ALIASES = {
    "content": "content",
    "text": "content",
    "comment": "content",
    "message": "content",
    "body": "content",
    "label": "label",
    "class": "label",
    "is_spam": "label",
    "author": "author",
    "email": "email",
    "url": "url",
    "ip": "ip",
    "user_agent": "user_agent",
    "date": "date",
}


# csv's default field limit (128 KiB) would stop the file at one very long comment; the engine reads 2,000
# characters of each anyway, but the row must still be read whole.
FIELD_SIZE_LIMIT = 16 * 1024 * 1024
# Throughput is the fastest of this many passes over the file, as long as they take no longer than this.
THROUGHPUT_PASSES = 3
THROUGHPUT_SECONDS = 10.0


class EvaluationFileError(ValueError):
    """The CSV file cannot be evaluated; the message names the problem and, when known, the line."""


def read_labelled_csv(path: Path, notice: Callable[[str], None] | None = None) -> list[LabelledExample]:
    """Rows of a CSV with `content` and `label` (spam/ham, 1/0, true/false) and optional author, email, url, ip,
    user_agent. `notice` hears of anything read other than as written, such as a file that is not UTF-8."""
    if not Path(path).is_file():
        raise EvaluationFileError(f"cannot open {path}: no such file")
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Excel on Windows saves CSV as Windows-1252. Every byte decodes, so a wrong guess costs odd letters in
        # a few comments, not the whole evaluation.
        text = raw.decode("cp1252", errors="replace")
        if notice:
            notice(f"{path} is not UTF-8 ({error.reason} at byte {error.start}): read as Windows-1252.")
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_SIZE_LIMIT))
    with io.StringIO(text, newline="") as file:
        reader = csv.reader(file, delimiter=_delimiter_of(text.partition("\n")[0]))
        try:
            header = next(reader)
        except StopIteration:
            raise EvaluationFileError(f"{path} is empty: expected a header with content and label") from None
        except csv.Error as error:
            raise EvaluationFileError(f"{path} is not a readable CSV file: {error}") from error
        columns = _columns_of(header)
        missing = [name for name in ("content", "label") if name not in columns]
        if missing:
            raise EvaluationFileError(
                f"{path} has no {' or '.join(repr(name) for name in missing)} column in its header "
                f"(found: {', '.join(header) or 'nothing'})"
            )
        examples = []
        try:
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                line = reader.line_num

                def cell(name: str, row: list[str] = row) -> str:
                    index = columns.get(name)
                    return row[index].replace("\ufeff", "") if index is not None and index < len(row) else ""

                label = cell("label").strip().lower()
                if label not in LABELS:
                    raise EvaluationFileError(
                        f"{path}, line {line}: label {label!r} is not spam or ham (or 1/0, true/false)"
                    )
                submission = Submission(
                    content=cell("content"),
                    author=cell("author"),
                    email=cell("email"),
                    url=cell("url"),
                    ip=cell("ip"),
                    user_agent=cell("user_agent"),
                )
                examples.append(LabelledExample(submission, is_spam=LABELS[label]))
        except csv.Error as error:
            raise EvaluationFileError(f"{path}, line {reader.line_num}: {error}") from error
    if not examples:
        raise EvaluationFileError(f"{path} has a header but no rows")
    return examples


def _delimiter_of(header: str) -> str:
    """A comma, unless the header only makes sense split at semicolons (Excel where the decimal mark is a
    comma) or tabs."""
    for delimiter in (",", ";", "\t"):
        if {"content", "label"} <= set(_columns_of(next(csv.reader([header], delimiter=delimiter), []))):
            return delimiter
    return ","


def _columns_of(header: list[str]) -> dict[str, int]:
    """Which column holds what, by the names COLUMN_ALIASES knows."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        name = name.strip().lower()
        meaning = COLUMN_ALIASES.get(name)
        if meaning and (meaning not in columns or name == meaning):
            columns[meaning] = index
    return columns


@dataclass(frozen=True)
class EvaluationReport:
    n: int
    spam: int
    ham: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    false_positive_rate: float
    recall_at_0_1_percent_fpr: float
    recall_at_1_percent_fpr: float
    held_rate: float
    held_spam: int
    held_ham: int
    discarded: int
    comments_per_second: float
    p50_ms: float
    p99_ms: float

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)

    def as_text(self) -> str:
        return "\n".join(
            [
                f"comments           {self.n} ({self.spam} spam, {self.ham} ham)",
                f"precision          {self.precision:.4f}",
                f"recall             {self.recall:.4f}",
                f"F1                 {self.f1:.4f}",
                f"accuracy           {self.accuracy:.4f}",
                f"false positives    {self.false_positive_rate:.2%} of ham marked spam",
                f"recall at 0.1% FPR {self.recall_at_0_1_percent_fpr:.4f}",
                f"recall at 1% FPR   {self.recall_at_1_percent_fpr:.4f}",
                f"held for review    {self.held_rate:.2%} ({self.held_spam} spam, {self.held_ham} ham)",
                f"throughput         {self.comments_per_second:,.0f} comments/s (batch, one core, fastest pass)",
                f"latency            p50 {self.p50_ms:.3f} ms, p99 {self.p99_ms:.3f} ms per comment",
            ]
        )


def recall_at_false_positive_rate(scores: np.ndarray, is_spam: np.ndarray, rate: float) -> float:
    """The share of spam caught by the strictest threshold that flags at most `rate` of the ham."""
    ham = np.sort(scores[~is_spam])[::-1]
    spam = scores[is_spam]
    if len(spam) == 0:
        return 0.0
    if len(ham) == 0:
        return 1.0
    allowed = int(np.floor(rate * len(ham)))
    threshold = ham[allowed] if allowed < len(ham) else -np.inf
    return float((spam > threshold).mean())


def evaluate(
    examples: Sequence[LabelledExample], engine: Engine, *, latency_sample: int = 2000
) -> EvaluationReport:
    """Score every example in one batch (throughput), then singly (latency), and compare with the labels."""
    submissions = [example.submission for example in examples]
    is_spam = np.array([example.is_spam for example in examples], dtype=bool)
    engine.check_many(submissions[:20])  # warm up first-call costs so they are not counted as throughput
    started = time.perf_counter()
    verdicts = engine.check_many(submissions)
    batch_seconds = time.perf_counter() - started
    # As timeit does, the fastest of a few passes is the engine's speed: a slower one measured the other
    # processes the machine was running. Small files get all the passes, a large one only the first.
    for _ in range(THROUGHPUT_PASSES - 1):
        if batch_seconds * THROUGHPUT_PASSES > THROUGHPUT_SECONDS:
            break
        started = time.perf_counter()
        engine.check_many(submissions)
        batch_seconds = min(batch_seconds, time.perf_counter() - started)

    latencies = []
    for submission in submissions[:latency_sample]:
        started = time.perf_counter()
        engine.check(submission)
        latencies.append((time.perf_counter() - started) * 1000)

    decisions = [verdict.decision for verdict in verdicts]
    flagged = np.array([verdict.is_flagged for verdict in verdicts], dtype=bool)
    held = np.array([decision == Decision.HOLD for decision in decisions], dtype=bool)
    scores = np.array([verdict.score for verdict in verdicts])
    true_positives = int((flagged & is_spam).sum())
    precision = true_positives / max(int(flagged.sum()), 1)
    recall = true_positives / max(int(is_spam.sum()), 1)
    return EvaluationReport(
        n=len(examples),
        spam=int(is_spam.sum()),
        ham=int((~is_spam).sum()),
        precision=precision,
        recall=recall,
        f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        accuracy=float((flagged == is_spam).mean()),
        false_positive_rate=float((flagged & ~is_spam).sum() / max(int((~is_spam).sum()), 1)),
        recall_at_0_1_percent_fpr=recall_at_false_positive_rate(scores, is_spam, 0.001),
        recall_at_1_percent_fpr=recall_at_false_positive_rate(scores, is_spam, 0.01),
        held_rate=float(held.mean()),
        held_spam=int((held & is_spam).sum()),
        held_ham=int((held & ~is_spam).sum()),
        discarded=sum(decision == Decision.DISCARD for decision in decisions),
        comments_per_second=len(examples) / batch_seconds if batch_seconds > 0 else float("inf"),
        p50_ms=float(np.percentile(latencies, 50)),
        p99_ms=float(np.percentile(latencies, 99)),
    )


@dataclass(frozen=True)
class Mistake:
    """A comment the engine got wrong, with the verdict and the reasons it gave."""

    example: LabelledExample
    verdict: Verdict

    def as_dict(self) -> dict[str, object]:
        return {
            "content": self.example.submission.content,
            "label": "spam" if self.example.is_spam else "ham",
            "decision": str(self.verdict.decision),
            "score": self.verdict.score,
            "reasons": [
                {"code": reason.code, "weight": reason.weight, "message": reason.message}
                for reason in self.verdict.reasons
            ],
        }

    def as_text(self) -> str:
        excerpt = " ".join(self.example.submission.content.split())
        excerpt = excerpt if len(excerpt) <= 100 else excerpt[:99] + "…"
        lines = [f"  {self.verdict.score:.3f} {self.verdict.decision:<8} “{excerpt}”"]
        lines += [f"        {reason.message}" for reason in self.verdict.reasons if reason.weight]
        return "\n".join(lines)


def mistakes(
    examples: Sequence[LabelledExample], engine: Engine, limit: int
) -> tuple[list[Mistake], list[Mistake]]:
    """Up to `limit` genuine comments marked spam, the most spam-like first, and as many spam comments
    approved, the least spam-like first: what a site reads to see why the engine disagrees with it."""
    verdicts = engine.check_many([example.submission for example in examples])
    judged = list(zip(examples, verdicts, strict=True))
    genuine_marked_spam = sorted(
        (
            Mistake(example, verdict)
            for example, verdict in judged
            if not example.is_spam and verdict.is_flagged
        ),
        key=lambda mistake: -mistake.verdict.score,
    )
    spam_approved = sorted(
        (Mistake(example, verdict) for example, verdict in judged
         if example.is_spam and verdict.decision == Decision.APPROVE),
        key=lambda mistake: mistake.verdict.score,
    )  # fmt: skip
    return genuine_marked_spam[:limit], spam_approved[:limit]
