"""`broadsheet worker`: runs background jobs (django-tasks-db's queue), and the privacy purge on a timer.

The purge runs when the worker starts and every COMMENT_PURGE_INTERVAL_HOURS after, in a thread beside the
queue: a site with a worker needs no cron for retention.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

logger = logging.getLogger(__name__)


def purge_periodically(stop: threading.Event, interval_hours: float) -> None:
    from broadsheet.discussion.privacy import purge_expired

    while not stop.is_set():
        try:
            result = purge_expired()
            logger.info("Privacy purge: %s", result.as_dict())
        except Exception:  # a failed purge must not stop the worker; it is retried next time
            logger.exception("Privacy purge failed")
        finally:
            close_old_connections()
        stop.wait(interval_hours * 3600)


class Command(BaseCommand):
    help = "Run background jobs: notification emails, and the privacy purge every few hours."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-purge", action="store_true", help="Do not run the privacy purge on a timer."
        )
        parser.add_argument("--batch", action="store_true", help="Run the jobs waiting now, then exit.")

    def handle(self, *args, no_purge: bool, batch: bool, **options) -> None:
        stop = threading.Event()
        if not no_purge and settings.COMMENT_PURGE_INTERVAL_HOURS > 0:
            threading.Thread(
                target=purge_periodically, args=(stop, settings.COMMENT_PURGE_INTERVAL_HOURS), daemon=True
            ).start()
        worker_options = {"batch": True} if batch else {}
        try:
            call_command("db_worker", **worker_options)
        finally:
            stop.set()
