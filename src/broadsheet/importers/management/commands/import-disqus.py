"""`broadsheet import-disqus FILE.xml`: a thin shell over `import_disqus`."""

from broadsheet.importers.services import import_disqus

from ._importing import ImportCommand


class Command(ImportCommand):
    help = "Import a Disqus comment export onto the articles at the addresses its threads name."
    progress_label = "Importing comments"

    def handle(self, *args, **options) -> None:
        self.run_import(options, import_disqus)
