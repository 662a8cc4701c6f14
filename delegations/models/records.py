"""Countries, organisations and people: the records visits bring together.

Countries are reference data and always public; people and organisations are
public when a public visit or published content includes them.
"""

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from regionnews.core.mentions import mentioned
from regionnews.core.models import VisibilityQuerySet
from regionnews.core.slugs import SluggedModel


class CountryQuerySet(models.QuerySet):
    def with_public_visit_count(self):
        from .visits import Visit

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
        from .visits import Visit

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
