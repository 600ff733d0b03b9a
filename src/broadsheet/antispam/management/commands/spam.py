"""`broadsheet spam train | evaluate | api-key create`: train the shipped spam model, measure it on a labelled
CSV, or let another site use this one's spam filter through the Akismet-compatible API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.antispam.core import load_default_engine
from broadsheet.antispam.evaluation import EvaluationFileError, evaluate, mistakes, read_labelled_csv
from broadsheet.antispam.models import ApiKey
from broadsheet.antispam.training import train_shipped_model
from broadsheet.operations.progress import ProgressBar
from broadsheet.shared_data import SharedDataMissing


class Command(BaseCommand):
    help = "Train the spam model on the shared data sets, or evaluate the shipped model on a labelled CSV."
    # Training and evaluating read files and the shipped model only, so they run without a secret key or
    # a database; `api-key create` writes to the database and runs the site's checks itself.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        training = subcommands.add_parser("train", help="train on the shared data sets and write the model")
        training.add_argument(
            "--output", type=Path, help="model directory (default: the one shipped in the package)"
        )
        evaluation = subcommands.add_parser("evaluate", help="score a labelled CSV with the shipped model")
        evaluation.add_argument(
            "file",
            type=Path,
            help="CSV with content and label (spam/ham, 1/0 or true/false) columns; author, email, url, ip, "
            "user_agent optional",
        )
        evaluation.add_argument("--json", action="store_true", help="print one JSON object")
        evaluation.add_argument(
            "--mistakes",
            type=int,
            default=0,
            metavar="N",
            help="also show up to N genuine comments marked spam and N spam comments approved, with reasons",
        )
        api_keys = subcommands.add_parser("api-key", help="keys for the Akismet-compatible API")
        api_key_commands = api_keys.add_subparsers(dest="api_key_command", required=True)
        creation = api_key_commands.add_parser("create", help="create a key and print it")
        creation.add_argument(
            "--site", required=True, help="the client site's address, e.g. https://example.org"
        )
        creation.add_argument("--note", default="", help="who the key is for")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "train":
            self.train(options["output"])
        elif options["subcommand"] == "api-key":
            self.check()
            self.create_api_key(options["site"], options["note"])
        else:
            self.evaluate(options["file"], as_json=options["json"], mistakes_shown=options["mistakes"])

    def train(self, output: Path | None) -> None:
        try:
            result = train_shipped_model(output, progress=ProgressBar("training", stream=sys.stderr))
        except SharedDataMissing as error:
            raise CommandError(str(error)) from error
        metadata = result.model.metadata
        self.stdout.write(
            f"Trained on {metadata['examples']} examples ({metadata['spam_examples']} spam, "
            f"{metadata['duplicates_removed']} duplicates removed) in {result.seconds:.1f} s."
        )
        self.stdout.write(
            f"Thresholds: spam ≥ {metadata['spam_threshold']:.3f}, hold ≥ {metadata['hold_threshold']:.3f}"
        )
        for group, figures in metadata.get("out_of_fold", {}).items():
            self.stdout.write(
                f"  held out {group:<10} F1 {figures['f1']:.3f}  false positives {figures['false_positive_rate']:.2%}"
            )
        self.stdout.write(self.style.SUCCESS(f"Model written to {result.output}"))

    def evaluate(self, path: Path, *, as_json: bool, mistakes_shown: int = 0) -> None:
        if mistakes_shown < 0:
            raise CommandError("--mistakes must be 0 or more")
        try:
            examples = read_labelled_csv(path, notice=lambda message: self.stderr.write(message))
        except EvaluationFileError as error:
            raise CommandError(str(error)) from error
        engine = load_default_engine()
        report = evaluate(examples, engine)
        genuine_marked_spam, spam_approved = (
            mistakes(examples, engine, mistakes_shown) if mistakes_shown else ([], [])
        )
        if as_json:
            figures: dict[str, Any] = report.as_dict()
            if mistakes_shown:
                figures["genuine_marked_spam"] = [mistake.as_dict() for mistake in genuine_marked_spam]
                figures["spam_approved"] = [mistake.as_dict() for mistake in spam_approved]
            self.stdout.write(json.dumps(figures))
            return
        self.stdout.write(report.as_text())
        if mistakes_shown:
            for title, shown in (
                ("Genuine comments marked spam, most spam-like first", genuine_marked_spam),
                ("Spam comments approved, least spam-like first", spam_approved),
            ):
                self.stdout.write(f"\n{title} ({len(shown)} shown):")
                for mistake in shown:
                    self.stdout.write(mistake.as_text())

    def create_api_key(self, site: str, note: str) -> None:
        try:
            key = ApiKey.objects.issue(site=site, note=note)
        except ValidationError as error:
            raise CommandError(
                "; ".join(f"{field}: {' '.join(problems)}" for field, problems in error.message_dict.items())
            ) from error
        self.stdout.write(key.secret)
        self.stderr.write(
            f"API key for {key.site} created; clients call {settings.SITE_URL}/1.1/comment-check with it. "
            "Copy it now: the server keeps only a digest and cannot show it again."
        )
