"""Import jobs: an admin upload imported in the background, with its report.

The request that uploads only stores the file and an `ImportJob` row; after
the transaction commits, a thread imports it and keeps the row's progress
and report up to date, so the browser's report page can refresh itself.
A job left pending or running by a restart is picked up again by
`manage.py run_import_jobs` (it is idempotent, like every import).
"""

import datetime
import logging
import threading
from pathlib import PurePosixPath

from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from articles.models import Article, ImportJob
from articles.proposals import proposals_fill

from .importer import ImportReport, import_files, read_zip

logger = logging.getLogger(__name__)


def import_job_create(*, job: ImportJob, user) -> ImportJob:
    """Store the uploaded job and start it once the upload is committed."""
    job.created_by = user if user is not None and user.is_authenticated else None
    job.original_name = PurePosixPath(job.upload.name).name[:255]
    job.status = ImportJob.Status.PENDING
    job.save()
    transaction.on_commit(lambda: start_in_background(job.pk))
    return job


def start_in_background(job_id: int) -> threading.Thread:
    thread = threading.Thread(
        target=_run_in_thread, args=(job_id,), name=f"import-job-{job_id}", daemon=True
    )
    thread.start()
    return thread


def _run_in_thread(job_id: int) -> None:
    close_old_connections()
    try:
        import_job_run(job_id)
    finally:
        connection.close()


def _sources(job: ImportJob):
    with job.upload.open("rb") as handle:
        if job.upload.name.lower().endswith(".zip"):
            return list(read_zip(handle, job.original_name))
        return [(job.original_name, handle.read())]


def import_job_run(job_id: int) -> ImportJob | None:
    """Run one job if it is still pending (a second runner finds nothing to do)."""
    claimed = ImportJob.objects.filter(
        pk=job_id, status=ImportJob.Status.PENDING
    ).update(status=ImportJob.Status.RUNNING, started_at=timezone.now(), progress=0)
    if not claimed:
        return None
    job = ImportJob.objects.get(pk=job_id)

    def progress(done: int, total: int) -> None:
        if done == total or done % 20 == 0:
            ImportJob.objects.filter(pk=job_id).update(progress=done, total=total)

    try:
        report = import_files(
            _sources(job),
            language=job.language or None,
            status=job.article_status,
            progress=progress,
        )
    except Exception as error:  # noqa: BLE001 - the job must end, and say why
        logger.exception("Import job %s failed", job_id)
        job.status = ImportJob.Status.FAILED
        job.report = {"error": str(error)}
    else:
        job.status = ImportJob.Status.DONE
        job.report = report.as_dict()
        # The protocol office's review queue: visits the new articles describe.
        job.report["proposed"] = proposals_fill(
            Article.objects.filter(pk__in=report.article_ids)
        )
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "report", "finished_at"])
    return job


def job_report(job: ImportJob) -> ImportReport | None:
    if job.status != ImportJob.Status.DONE:
        return None
    data = {k: v for k, v in job.report.items() if k != "proposed"}
    return ImportReport.from_dict(data)


def import_jobs_resume(*, stale_after: datetime.timedelta) -> list[ImportJob]:
    """Run pending jobs, and running ones that stopped (a restart) long ago."""
    stale = timezone.now() - stale_after
    ImportJob.objects.filter(
        status=ImportJob.Status.RUNNING, started_at__lt=stale
    ).update(status=ImportJob.Status.PENDING)
    pending = ImportJob.objects.filter(status=ImportJob.Status.PENDING).order_by("pk")
    return [
        job for job in map(import_job_run, pending.values_list("pk", flat=True)) if job
    ]
