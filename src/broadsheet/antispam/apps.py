"""Registers the spam engine with Django so its management command is found."""

from django.apps import AppConfig


class AntispamConfig(AppConfig):
    name = "broadsheet.antispam"
    label = "antispam"
    verbose_name = "Spam protection"
