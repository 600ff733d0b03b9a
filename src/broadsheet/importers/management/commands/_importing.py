"""What the two import commands share: arguments, the progress bar, and how a summary is printed."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from broadsheet.importers.bookkeeping import ImportSummary
from broadsheet.importers.hardened_xml import ImportRefused
from broadsheet.operations.progress import ProgressBar


class ImportCommand(BaseCommand):
    progress_label = "Importing"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="The export file (XML).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do the whole import, then roll it back; nothing is written.",
        )
        parser.add_argument("--json", action="store_true", help="Print the summary as one JSON object.")

    def run_import(self, options, importer, **arguments) -> None:
        progress = ProgressBar(self.progress_label, stream=sys.stderr) if options["verbosity"] > 0 else None
        try:
            summary: ImportSummary = importer(
                options["file"], dry_run=options["dry_run"], progress=progress, **arguments
            )
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {error.filename}") from error
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_dict(), indent=None, default=str))
            return
        for problem in summary.problems:
            self.stderr.write(f"skipped: {problem}")
        for note in summary.notes:
            self.stderr.write(f"note: {note}")
        self.stdout.write(summary.table())
