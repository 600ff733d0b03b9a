from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "broadsheet.operations"
    label = "operations"
    verbose_name = "Operations"

    def ready(self) -> None:
        from broadsheet.operations import checks  # noqa: F401 - registers the startup checks
