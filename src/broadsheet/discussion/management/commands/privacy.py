"""`broadsheet privacy purge | export EMAIL | erase EMAIL`: commenters' personal data from the command line."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from broadsheet.discussion import privacy


class Command(BaseCommand):
    help = "Purge expired personal data, or export or erase what is stored about one commenter."

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser(
            "purge", help="Anonymise old IP addresses and delete old spam (the retention settings)."
        )
        export = actions.add_parser("export", help="Print, as JSON, everything stored about a commenter.")
        export.add_argument("email")
        erase = actions.add_parser(
            "erase", help="Remove a commenter's personal data; the name becomes Anonymous."
        )
        erase.add_argument("email")
        text = erase.add_mutually_exclusive_group()
        text.add_argument(
            "--delete-text", action="store_true", default=None, help="Remove the comments' text too."
        )
        text.add_argument(
            "--keep-text", action="store_false", dest="delete_text", help="Keep the comments' text."
        )

    def handle(self, *args, action: str, **options) -> None:
        if action == "purge":
            result = privacy.purge_expired()
            self.stdout.write(
                f"Anonymised the IP address of {result.ips_anonymised} comment(s); "
                f"deleted {result.spam_deleted} old spam comment(s)."
            )
        elif action == "export":
            self.stdout.write(
                json.dumps(privacy.export_commenter(options["email"]), indent=2, ensure_ascii=False)
            )
        elif action == "erase":
            if "@" not in options["email"]:
                raise CommandError("Give the commenter's email address.")
            erased = privacy.erase_commenter(options["email"], delete_text=options["delete_text"])
            self.stdout.write(f"Erased the personal data of {erased} comment(s).")
