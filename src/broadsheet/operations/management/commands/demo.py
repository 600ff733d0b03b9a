"""`broadsheet demo`: migrate, load the demo content once, and serve the site with its worker."""

from __future__ import annotations

import secrets
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from broadsheet.discussion.demo import load_demo_comments
from broadsheet.operations.demo import load_demo_content
from broadsheet.operations.progress import ProgressBar


class Command(BaseCommand):
    help = "Set up the demo site with its content and serve it on http://127.0.0.1:PORT."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Set up everything, then stop.")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, port: int, no_serve: bool, workers: int, **options) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database ready.")
        added = load_demo_content(progress=ProgressBar("Loading demo articles", stream=sys.stderr))
        self.stdout.write(
            f"Demo content: {added} articles added." if added else "Demo content already loaded."
        )
        comments = load_demo_comments()
        if comments:
            self.stdout.write(f"Demo discussion: {comments} comments added.")
        self.ensure_demo_editor(port)
        if no_serve:
            return
        self.stdout.write(f"Serving {settings.SITE_NAME} on http://127.0.0.1:{port}/ (Ctrl-C stops it).")
        call_command("serve", bind=f"127.0.0.1:{port}", workers=workers, with_worker=True)

    def ensure_demo_editor(self, port: int) -> None:
        password_file = settings.VAR_DIR / "demo_admin_password"
        users = get_user_model().objects
        if not users.filter(username="editor").exists():
            password = secrets.token_urlsafe(12)
            users.create_superuser("editor", "editor@example.invalid", password)
            password_file.write_text(password)
            password_file.chmod(0o600)
        password = (
            password_file.read_text().strip()
            if password_file.exists()
            else "(set before; see createsuperuser)"
        )
        self.stdout.write(f"Newsroom: http://127.0.0.1:{port}/admin/  user: editor  password: {password}")
