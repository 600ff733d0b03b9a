"""Spam engine bench (issue #4, layer 3): how much a site gains from its own moderators' decisions.

    .venv/bin/python bench/spam_moderator_learning.py [--json] [--site FILE.csv ...]

Each YouTube video is held out in turn and the engine trained on the other two plus SMS, as in
`spam_leave_one_video_out.py`; that model plays the shipped one. The held-out video plays a new site whose
moderators label its first k comments in date order (exact duplicates removed first); the engine is then
measured on the rest of that video only, never on a comment a moderator labelled.

The site's retraining is replayed as `broadsheet.antispam.feedback` does it, without Django: a label keeps
what `example_of` keeps (text and name here); after every `SPAM_RETRAIN_AFTER_DECISIONS` (10) decisions the
base model is adapted (`core.adapt_to_site`: its weights, and its spam threshold raised where the site's
genuine comments need it) to all labels but every fifth, and the result replaces the model in use
only if, on those held-back labels, it is no worse than the model in use (`core.Judgement.is_no_worse_than`:
no more genuine comments marked spam, no more spam published, no higher log loss). "site"
columns are the model in use after k decisions; "adapt at k" columns adapt to the first k decisions (less
the held-back fifth) and use the result whatever the check says, to separate learning from the gate.
Training and adaptation involve no randomness, so every run gives the same figures.

`--site FILE.csv` replays a site from any file `broadsheet spam evaluate` reads (a site's exported decisions,
or a public labelled set) instead: the shipped model plays the base, the rows in a fixed shuffled order are
the moderators' decisions (exact duplicates removed), and k runs to 200.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from datetime import datetime
from pathlib import Path

from broadsheet.antispam.core import (
    Engine,
    LabelledExample,
    Policy,
    SpamModel,
    Submission,
    adapt_to_site,
    judge,
    load_default_model,
    train,
)
from broadsheet.antispam.core.learning import deduplicate
from broadsheet.antispam.evaluation import EvaluationReport, evaluate, read_labelled_csv
from broadsheet.antispam.training import (
    AUXILIARY_GROUPS,
    GROUP_WEIGHTS,
    read_training_sets,
    video_name,
    youtube_files,
)

LABELLED_COUNTS = (0, 10, 25, 50, 100)
SITE_FILE_LABELLED_COUNTS = (0, 50, 100, 200)
# Mirrors broadsheet.antispam.feedback (HELD_BACK_EVERY) and the SPAM_RETRAIN_AFTER_DECISIONS default; the
# bench stays free of Django, so these are restated here.
HELD_BACK_EVERY = 5
RETRAIN_AFTER_DECISIONS = 10


def comments_in_date_order(path) -> list[LabelledExample]:
    """One video's comments without exact duplicates, oldest first (file order where dates are missing or tie)."""
    examples = read_training_sets(videos=[video_name(path)], sms=False)
    with path.open(encoding="utf-8-sig", newline="") as file:
        dates = [row.get("DATE", "").strip() for row in csv.DictReader(file)]
    assert len(dates) == len(examples), "the video's rows and examples no longer line up"
    date_of = {id(example): date for example, date in zip(examples, dates, strict=True)}
    unique, _ = deduplicate(examples)
    if all(date_of[id(example)] for example in unique):
        unique.sort(key=lambda example: datetime.fromisoformat(date_of[id(example)]))
    return unique


def as_site_label(example: LabelledExample) -> LabelledExample:
    """What `feedback.example_of` rebuilds from a ModeratorLabel: text, name, website and email domain only."""
    submission = example.submission
    domain = submission.email.rpartition("@")[2].lower()[:200]
    return LabelledExample(
        Submission(
            content=submission.content,
            author=submission.author[:200],
            url=submission.url[:300],
            email=f"someone@{domain}" if domain else "",
        ),
        example.is_spam,
        group="site",
    )


def split_labels(labels: list[LabelledExample]) -> tuple[list[LabelledExample], list[LabelledExample]]:
    """feedback.retrain's split: labels numbered from 1 in the order given; every fifth is held back."""
    fitted = [label for number, label in enumerate(labels, 1) if number % HELD_BACK_EVERY]
    held_back = [label for number, label in enumerate(labels, 1) if not number % HELD_BACK_EVERY]
    return fitted, held_back


def replay_site(
    base: SpamModel, labels: list[LabelledExample], up_to: int
) -> tuple[dict[int, SpamModel], list]:
    """The model in use after each count of decisions 0..up_to, retraining as the site does; and each retraining."""
    in_use, in_use_after, retrainings = base, {0: base}, []
    for decided in range(1, up_to + 1):
        if decided % RETRAIN_AFTER_DECISIONS == 0:
            fitted, held_back = split_labels(labels[:decided])
            candidate = adapt_to_site(base, fitted)
            candidate_judgement, current_judgement = judge(candidate, held_back), judge(in_use, held_back)
            replaced = candidate_judgement.is_no_worse_than(current_judgement)
            retrainings.append(
                {"after": decided, "replaced": replaced, "held_back": len(held_back),
                 "candidate_log_loss": candidate_judgement.log_loss,
                 "in_use_log_loss": current_judgement.log_loss,
                 "candidate_false_positives": candidate_judgement.false_positives,
                 "in_use_false_positives": current_judgement.false_positives}
            )  # fmt: skip
            if replaced:
                in_use = candidate
        in_use_after[decided] = in_use
    return in_use_after, retrainings


def figures(report: EvaluationReport) -> dict:
    return {
        "n": report.n,
        "spam": report.spam,
        "ham": report.ham,
        "f1": report.f1,
        "precision": report.precision,
        "recall": report.recall,
        "false_positive_rate": report.false_positive_rate,
        "ham_marked_spam": round(report.false_positive_rate * report.ham),
        "held_rate": report.held_rate,
        # Spam neither marked spam nor held: what readers would see.
        "spam_published": report.spam - round(report.recall * report.spam) - report.held_spam,
    }


def engine_of(model: SpamModel) -> Engine:
    return Engine(model, Policy.from_model(model))


def replay_rows(name: str, base: SpamModel, comments: list[LabelledExample], counts: tuple[int, ...]) -> list:
    """One row per count k of decisions: the site's figures on the comments after the first k."""
    labels = [as_site_label(example) for example in comments]
    in_use_after, retrainings = replay_site(base, labels, max(counts))
    rows = []
    for labelled in counts:
        remaining = comments[labelled:]
        in_use = in_use_after[labelled]
        forced = adapt_to_site(base, split_labels(labels[:labelled])[0]) if labelled else base
        rows.append(
            {
                "video": name,
                "labelled": labelled,
                "labelled_spam": sum(example.is_spam for example in comments[:labelled]),
                "retrainings": sum(1 for r in retrainings if r["after"] <= labelled),
                "accepted": sum(1 for r in retrainings if r["after"] <= labelled and r["replaced"]),
                "site_spam_threshold": in_use.metadata.get("spam_threshold"),
                "without_learning": figures(evaluate(remaining, engine_of(base), latency_sample=1)),
                "site": figures(evaluate(remaining, engine_of(in_use), latency_sample=1)),
                "adapt_at_k": figures(evaluate(remaining, engine_of(forced), latency_sample=1)),
            }
        )
    rows[-1]["retraining_log"] = retrainings
    return rows


def run() -> dict:
    paths = youtube_files()
    videos = [video_name(path) for path in paths]
    rows = []
    for path, video in zip(paths, videos, strict=True):
        base = train(
            read_training_sets(videos=[v for v in videos if v != video]),
            group_weights=GROUP_WEIGHTS,
            auxiliary_groups=AUXILIARY_GROUPS,
        )
        rows.extend(replay_rows(video, base, comments_in_date_order(path), LABELLED_COUNTS))
    return {"labelled_counts": list(LABELLED_COUNTS), "rows": rows}


def run_site_files(paths: list[Path], seed: int = 0) -> dict:
    """Sites replayed from labelled CSV files, the shipped model as the base."""
    rows = []
    for path in paths:
        comments, _ = deduplicate(read_labelled_csv(path))
        random.Random(seed).shuffle(comments)
        counts = tuple(count for count in SITE_FILE_LABELLED_COUNTS if count < len(comments))
        rows.extend(replay_rows(path.name, load_default_model(), comments, counts))
    return {"labelled_counts": list(SITE_FILE_LABELLED_COUNTS), "rows": rows}


def as_markdown(results: dict) -> str:
    lines = [
        "## Spam engine: learning from the site's moderators (issue #4, layer 3)",
        "",
        "Command: `.venv/bin/python bench/spam_moderator_learning.py` (`--json` for one object).",
        "Each video held out: trained on the others + SMS; moderators label its first k comments (date order);",
        "measured on the remaining comments. Flagged = spam or discard. F1 / ham marked spam / held share /",
        "spam published (neither flagged nor held).",
        "",
        "| site | k (spam) | evaluated (spam) | without learning | site (retrainings accepted, spam threshold) | adapt at k, no gate |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["rows"]:
        lines.append(
            f"| {row['video']} | {row['labelled']} ({row['labelled_spam']}) | "
            f"{row['site']['n']} ({row['site']['spam']}) | {cell(row['without_learning'])} | "
            f"{cell(row['site'])} ({row['accepted']}/{row['retrainings']}, spam from "
            f"{row['site_spam_threshold']:.3f}) | {cell(row['adapt_at_k'])} |"
        )
    return "\n".join(lines) + "\n"


def cell(figures: dict) -> str:
    return (
        f"{figures['f1']:.3f} / {figures['false_positive_rate']:.2%} ({figures['ham_marked_spam']}) / "
        f"{figures['held_rate']:.1%} / {figures['spam_published']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--site", type=Path, action="append", metavar="FILE.csv",
        help="replay a site from this labelled CSV (content,label, as `broadsheet spam evaluate` reads)",
    )  # fmt: skip
    options = parser.parse_args(argv)
    results = run_site_files(options.site) if options.site else run()
    print(json.dumps(results, indent=2) if options.json else as_markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
