"""The import as an admin upload: chief editors only, run in the background."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from articles.importing import jobs
from articles.models import Article, ImportJob
from tests.editorial import CHIEF_EDITOR, EDITOR, member

from .test_import_articles import CS, SEED_TEXT

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:articles_importjob_add")


@pytest.fixture(autouse=True)
def _english(client):
    """The messages asserted below are the English ones."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


def zip_upload():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("en.txt", SEED_TEXT)
        archive.writestr("cs.txt", CS.encode("cp1250"))
        archive.writestr("broken.txt", "Title only\n")
    return SimpleUploadedFile("export.zip", buffer.getvalue(), "application/zip")


def upload(client, file, **data):
    return client.post(
        ADD_URL, {"upload": file, "language": "", "article_status": "published", **data}
    )


def test_editor_may_not_upload(client):
    client.force_login(member(EDITOR))
    assert client.get(ADD_URL).status_code == 403
    assert upload(client, zip_upload()).status_code == 403
    assert not ImportJob.objects.exists()


def test_chief_editor_upload_runs_after_commit_and_reports(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    started = []
    monkeypatch.setattr(jobs, "start_in_background", started.append)
    client.force_login(member(CHIEF_EDITOR))
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, zip_upload())
    job = ImportJob.objects.get()
    report_url = reverse("admin:articles_importjob_change", args=[job.pk])
    assert response.status_code == 302 and response.url == report_url
    assert started == [job.pk]  # handed to a thread, not run in the request
    assert not Article.objects.exists()

    pending = client.get(report_url)
    assert '<meta http-equiv="refresh"' in pending.content.decode()

    jobs.import_job_run(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.title_cs and article.title_en

    done = client.get(report_url).content.decode()
    assert '<meta http-equiv="refresh"' not in done
    assert "export.zip:broken.txt" in done
    assert "Files read as cp1250" in done
    assert job.report["proposed"] == 1  # the seed describes a visit
    assert "A blank line must follow the title." in done


def test_a_job_runs_once(client, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(jobs, "start_in_background", lambda pk: None)
    client.force_login(member(CHIEF_EDITOR))
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, SimpleUploadedFile("seed.txt", SEED_TEXT.encode()))
    job = ImportJob.objects.get()
    assert jobs.import_job_run(job.pk) is not None
    assert jobs.import_job_run(job.pk) is None
    assert Article.objects.count() == 1


def test_other_file_types_are_refused(client):
    client.force_login(member(CHIEF_EDITOR))
    response = upload(client, SimpleUploadedFile("photo.jpg", b"\xff\xd8"))
    assert response.status_code == 200
    assert "Upload a .txt file or a .zip archive." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_command_resumes_pending_and_orphaned_jobs(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(jobs, "start_in_background", lambda pk: None)
    client.force_login(member(CHIEF_EDITOR))
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, SimpleUploadedFile("seed.txt", SEED_TEXT.encode()))
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING,
        started_at=timezone.now() - datetime.timedelta(hours=2),
    )
    out = io.StringIO()
    call_command("run_import_jobs", stdout=out)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert "1 import jobs run." in out.getvalue()
    assert Article.objects.count() == 1
