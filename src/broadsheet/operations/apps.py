from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "broadsheet.operations"
    label = "operations"
    verbose_name = "Operations"
