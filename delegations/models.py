"""Countries, organisations, people and the visits that bring them together.

What the public may see is decided in one place per model:
`Visit.objects.public()`, `Person.objects.public()`,
`Organisation.objects.public()`. Countries are reference data and always public;
their visit counts come from `Visit.objects.public()`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from regionnews.core.languages import first_filled, language_codes
from regionnews.core.mentions import mentioned
from regionnews.core.models import EditorialModel, VisibilityQuerySet
from regionnews.core.slugs import SLUG_LANGUAGES, SluggedModel, unique_slug


class CountryQuerySet(models.QuerySet):
    def with_public_visit_count(self):
        public_visits = Visit.objects.public().filter(country=OuterRef("pk"))
        counts = public_visits.order_by().values("country").annotate(n=Count("pk"))
        return self.annotate(
            public_visit_count=Coalesce(
                models.Subquery(
                    counts.values("n")[:1], output_field=models.IntegerField()
                ),
                0,
            )
        )


class Country(models.Model):
    """A country by its ISO 3166-1 alpha-2 code; names come from pycountry."""

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2, upper case, e.g. KZ."),
    )
    name = models.CharField(_("name"), max_length=100)

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self):
        return self.name or self.code

    def save(self, *args, **kwargs):
        self.code = self.code.upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("delegations:country_detail", kwargs={"code": self.code.lower()})


class RecordQuerySet(VisibilityQuerySet):
    """People and organisations: public when a public visit includes them or
    published content is about them.

    The content apps above this one register what they mention in
    `regionnews.core.mentions` (a published article's people and organisations).
    """

    # The lookup from a visit to this model's rows.
    visit_relation = ""

    def public(self):
        in_public_visit = Exists(
            Visit.objects.public().filter(**{self.visit_relation: OuterRef("pk")})
        )
        return self.filter(Q(in_public_visit) | mentioned(self.model))


class OrganisationQuerySet(RecordQuerySet):
    visit_relation = "stops__organisation"


class Organisation(SluggedModel):
    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        UNIVERSITY = "university", _("University")
        CHAMBER = "chamber", _("Chamber of commerce")
        GOVERNMENT = "government", _("Government body")
        EMBASSY = "embassy", _("Embassy")
        CULTURAL = "cultural", _("Cultural institution")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind, default=Kind.COMPANY
    )
    street_address = models.CharField(
        _("street address"),
        max_length=200,
        blank=True,
        help_text=_("Street and number, e.g. Univerzitní 2732/8."),
    )
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "One per line: abbreviations and names in other languages "
            "(ZČU, Západočeská univerzita), found in article texts."
        ),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("delegations:organisation_detail", kwargs={"slug": self.slug})

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class PersonQuerySet(RecordQuerySet):
    visit_relation = "participations__person"


class Person(SluggedModel):
    class GrammaticalGender(models.TextChoices):
        FEMININE = "feminine", _("feminine")
        MASCULINE = "masculine", _("masculine")
        UNKNOWN = "unknown", _("unknown")

    honorific = models.CharField(
        _("honorific"),
        max_length=30,
        blank=True,
        help_text=_("For example H. E., Mr., Ing."),
    )
    titles_before = models.CharField(
        _("titles before the name"),
        max_length=60,
        blank=True,
        help_text=_("For example Ing., Mgr."),
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    titles_after = models.CharField(
        _("titles after the name"),
        max_length=60,
        blank=True,
        help_text=_("For example Ph.D., MBA"),
    )
    grammatical_gender = models.CharField(
        _("grammatical gender"),
        max_length=10,
        choices=GrammaticalGender,
        default=GrammaticalGender.UNKNOWN,
        help_text=_(
            "How Czech and German sentences about this person agree: "
            "“navštívil” or “navštívila”, “Gastgeber” or “Gastgeberin”. Used by "
            "the article drafts written from a visit."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    title = models.CharField(
        _("current title"),
        max_length=300,
        blank=True,
        help_text=_(
            "The position held now; the role at each visit is kept on the visit."
        ),
    )
    photo = models.ImageField(
        _("photo"),
        upload_to="people/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField(_("photo alt text"), max_length=300, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("delegations:person_detail", kwargs={"slug": self.slug})

    @property
    def full_name(self):
        """ "H. E. Ing. Jan Novák, Ph.D." from whichever parts are filled."""
        before = " ".join(
            p for p in (self.honorific, self.titles_before, self.name) if p
        )
        return f"{before}, {self.titles_after}" if self.titles_after else before


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
