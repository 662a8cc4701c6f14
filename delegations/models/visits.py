"""Visits, the people in them (with their roles at the time) and their itinerary."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from regionnews.core.languages import first_filled, language_codes
from regionnews.core.models import EditorialModel, VisibilityQuerySet
from regionnews.core.slugs import SLUG_LANGUAGES, SluggedModel, unique_slug

from .records import Country, Organisation, Person


class VisitQuerySet(VisibilityQuerySet):
    def public(self):
        """The only definition of what the public may see of visits."""
        return self.filter(visibility=Visit.Visibility.PUBLIC)

    def with_slug_in_any_language(self, slug: str):
        """Visits whose address is *slug* in some language (old links redirect)."""
        return self.filter(
            Q.create(
                [(f"slug_{code}", slug) for code in language_codes()], connector=Q.OR
            )
        )


class Visit(SluggedModel, EditorialModel):
    class Direction(models.TextChoices):
        INCOMING = "incoming", _("Incoming delegation")
        OUTGOING = "outgoing", _("Outgoing mission")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        INTERNAL = "internal", _("Internal (staff only)")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True, blank=True)
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a one-day visit."),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="visits",
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction, default=Direction.INCOMING
    )
    purpose = models.TextField(_("purpose"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.HELD
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    internal_notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("Seen by staff only, never published."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = VisitQuerySet.as_manager()

    slug_source_field = "title"
    translation_required_fields = ("title", "purpose")
    translation_text_fields = ("title", "purpose", "outcome")

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-start_date", "-pk"]
        indexes = [
            # The public visit lists, newest first, at any archive size.
            models.Index(
                fields=["visibility", "start_date", "id"], name="visit_public_order"
            ),
        ]
        permissions = [
            ("view_internal_notes", _("Can see the internal notes of visits")),
            ("export_visits", _("Can export the visit list, internal visits too")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="visit_end_not_before_start",
                violation_error_message=_(
                    "The end date cannot be before the start date."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        derived = self.derive_slugs()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        # As for articles: modeltranslation writes the untranslated `slug` column
        # from the active language; keep it Czech whoever saves, so that it
        # never collides with another visit's slug in another language.
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("delegations:visit_detail", kwargs={"slug": self.slug})

    def derive_slugs(self) -> set[str]:
        """Fill each language's empty slug from its title (or the first title
        there is) and the year: /cs/navstevy/navsteva-velvyslance-2024/,
        /en/visits/ambassador-of-kazakhstan-2024/. Made once, like every slug."""
        changed = set()
        year = str(self.start_date)[:4]
        fallback = first_filled(self, "title", SLUG_LANGUAGES)
        for code in language_codes():
            field = f"slug_{code}"
            if not getattr(self, field):
                title = getattr(self, f"title_{code}") or fallback
                setattr(self, field, unique_slug(self, f"{title} {year}", field=field))
                changed.add(field)
        return changed

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot be before the start date.")}
            )

    def slug_source(self) -> str:
        """The title and the year: visits of one country recur under one title."""
        title = first_filled(self, "title", SLUG_LANGUAGES)
        # str() so that an ISO string ("2024-04-04") works as well as a date.
        return f"{title} {str(self.start_date)[:4]}"

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC

    @property
    def last_date(self):
        return self.end_date or self.start_date


class Participation(models.Model):
    """A person in a visit, with the role they held at that time."""

    class Side(models.TextChoices):
        GUEST = "guest", _("Guest")
        HOST = "host", _("Host")

    visit = models.ForeignKey(
        Visit,
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    side = models.CharField(_("side"), max_length=5, choices=Side, default=Side.GUEST)
    role = models.CharField(
        _("role at the time"),
        max_length=300,
        blank=True,
        help_text=_("For example Ambassador of Kazakhstan to the Czech Republic."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["visit", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "person"],
                name="participation_unique_person_per_visit",
                violation_error_message=_(
                    "This person is already listed in this visit."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_side_display()})"


class Stop(models.Model):
    """One item of a visit's itinerary: an organisation toured."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="stops"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="stops",
    )
    date = models.DateField(_("date"), null=True, blank=True)
    time = models.TimeField(_("time"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("itinerary stop")
        verbose_name_plural = _("itinerary stops")
        ordering = ["visit", "order", "date", "time", "pk"]

    def __str__(self):
        return str(self.organisation)
