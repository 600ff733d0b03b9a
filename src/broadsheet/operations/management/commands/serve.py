"""`broadsheet serve`: the production server (gunicorn), optionally with the background worker beside it."""

from __future__ import annotations

import os
import subprocess
import sys

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the site with gunicorn."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("GUNICORN_THREADS", 1)))
        parser.add_argument(
            "--with-worker", action="store_true", help="Also run `broadsheet worker` for background jobs."
        )

    def handle(self, *args, bind: str, workers: int, threads: int, with_worker: bool, **options) -> None:
        # Hashed, compressed static files for far-future caching; quick when nothing changed.
        call_command("collectstatic", interactive=False, verbosity=0)
        worker = None
        if with_worker and "worker" in get_commands():
            worker = subprocess.Popen([sys.executable, "-m", "broadsheet.cli", "worker"])
        gunicorn = [
            sys.executable, "-m", "gunicorn", "broadsheet.wsgi:application",
            "--bind", bind, "--workers", str(workers), "--threads", str(threads),
            "--access-logfile", "-", "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]  # fmt: skip
        try:
            subprocess.run(gunicorn, check=False)
        except KeyboardInterrupt:
            pass
        finally:
            if worker:
                worker.terminate()
                worker.wait(timeout=10)
