"""Create (or reset) the local demo superuser that `make run` prints the login of.

A known password is only acceptable on a developer's machine, so the command
refuses to run unless DEBUG is on (or `--force` is given).
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the demo superuser 'admin' for local use, or reset its password."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", default="admin", help="Password to set (default: admin)."
        )
        parser.add_argument(
            "--port",
            default=os.environ.get("PORT") or "8000",
            help="Port printed in the login URL (default: $PORT or 8000).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never do this on a public server).",
        )

    def handle(self, *args, password, port, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: refusing to create a superuser with a known "
                "password. Use --force if this really is a local demo."
            )
        if not password:
            raise CommandError("The password must not be empty.")
        user_model = get_user_model()
        user = user_model._default_manager.filter(username=USERNAME).first()
        if user is None:
            user_model._default_manager.create_superuser(
                username=USERNAME, email="", password=password
            )
        else:
            user.is_active = user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        admin_url = f"http://127.0.0.1:{port}{reverse('admin:index')}"
        self.stdout.write(f"Admin: {admin_url}  user: {USERNAME}  password: {password}")
