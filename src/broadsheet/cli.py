"""The `broadsheet` command: a thin shell over Django's management commands.

`broadsheet demo`, `broadsheet serve`, `broadsheet spam train` ... are `manage.py demo`, `manage.py serve`,
`manage.py spam train`; every Django command (migrate, createsuperuser, shell, ...) works the same way.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["demo"]:
        # The demo runs without configuration: a generated secret key, static files served by the app, and
        # links in emails and feeds pointing at the port it serves on.
        os.environ.setdefault("BROADSHEET_DEMO", "1")
        port = argv[argv.index("--port") + 1] if "--port" in argv[:-1] else "8000"
        os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads the settings, which read and check the environment
    except ImproperlyConfigured as error:
        # A variable set wrongly is the operator's to fix: say which, without a traceback. (Django itself
        # would swallow this error and answer "Unknown command" for every Broadsheet command.)
        sys.exit(f"broadsheet: {error}")
    execute_from_command_line(["broadsheet", *argv])


if __name__ == "__main__":
    main()
