"""What the archive import, the suggestions and the visit proposals remember.

Imported from articles/models.py so that Django sees them as models of the
articles app; kept apart to keep each module about one thing.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedVersion(models.Model):
    """One language version of an article that came from an exported file.

    The key is the file's publication minute and byline: importing the same
    file again finds this row, and the article is only written when the
    text's hash differs.
    """

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="imported_versions",
    )
    language = models.CharField(_("language"), max_length=5)
    key = models.CharField(_("publication minute and byline"), max_length=260)
    source = models.CharField(_("file"), max_length=500)
    text_hash = models.CharField(_("text hash"), max_length=64)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported version")
        verbose_name_plural = _("imported versions")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "language"], name="imported_version_unique_key"
            )
        ]

    def __str__(self):
        return f"{self.source} ({self.language})"


class ImportJob(models.Model):
    """An upload of exported articles, imported in the background."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    upload = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    language = models.CharField(_("language"), max_length=5, blank=True)
    article_status = models.CharField(_("import as"), max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING
    )
    report = models.JSONField(_("report"), default=dict, blank=True)
    progress = models.PositiveIntegerField(_("stories done"), default=0)
    total = models.PositiveIntegerField(_("stories"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("article import")
        verbose_name_plural = _("article imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.original_name

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class SuggestionDecision(models.Model):
    """An editor's answer to a suggested link, so that it is not asked again."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")
        VISIT = "visit", _("Visit")

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="suggestion_decisions",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    object_id = models.PositiveIntegerField(_("object"))
    decision = models.CharField(_("decision"), max_length=10, choices=Decision)
    words = models.CharField(_("triggering words"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), auto_now=True)

    class Meta:
        verbose_name = _("suggestion decision")
        verbose_name_plural = _("suggestion decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "object_id"],
                name="suggestion_decision_unique",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.decision}"


class VisitProposal(models.Model):
    """A visit the extraction found in an article, waiting for a protocol officer."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="visit_proposal",
    )
    data = models.JSONField(_("what the text says"), default=dict)
    visit_date = models.DateField(_("visit date"), null=True, blank=True)
    country_code = models.CharField(_("country"), max_length=2, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING
    )
    visit = models.ForeignKey(
        "delegations.Visit",
        verbose_name=_("visit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        verbose_name = _("visit proposal")
        verbose_name_plural = _("visit proposals")
        ordering = ["status", "-visit_date", "-pk"]

    def __str__(self):
        return str(self.article)
