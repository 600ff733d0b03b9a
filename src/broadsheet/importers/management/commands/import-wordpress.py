"""`broadsheet import-wordpress FILE.xml`: a thin shell over `import_wxr`."""

from broadsheet.importers.services import import_wxr

from ._importing import ImportCommand


class Command(ImportCommand):
    help = "Import a WordPress export (WXR): authors, categories, tags, posts, pages, media, comments, redirects."
    progress_label = "Importing items"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--media-base-url",
            default="",
            help="Where the old uploads now live; replaces https://old.example/wp-content/uploads/ in addresses.",
        )
        parser.add_argument(
            "--related-now",
            action="store_true",
            help="Compute related-article lists at the end of the import instead of queueing them for "
            "`broadsheet worker`, as every editor's change does (it reads every article: on a large site it "
            "costs more memory than the import itself).",
        )

    def handle(self, *args, **options) -> None:
        self.run_import(
            options,
            import_wxr,
            media_base_url=options["media_base_url"],
            related_now=options["related_now"],
        )
