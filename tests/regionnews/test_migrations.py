"""Every model change has its migration."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_migrations_are_complete(capsys):
    try:
        call_command("makemigrations", "--check", "--dry-run")
    except SystemExit:  # pragma: no cover - the failure message says what to run
        pytest.fail(
            "Models and migrations differ; run `manage.py makemigrations`:\n"
            + capsys.readouterr().out
        )
