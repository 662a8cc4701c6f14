"""News articles, their topics and photo galleries.

`Article.objects.published()` is the one definition of what the public may
read; every view, feed, sitemap and count goes through it.
"""

import nh3
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from delegations.models import Country, Organisation, Person, Visit
from regionnews.core.languages import first_filled, language_codes
from regionnews.core.models import EditorialModel
from regionnews.core.slugs import SluggedModel, unique_slug
from regionnews.core.translation_status import plain_text

# What an article body may contain: text structure, links and emphasis only.
BODY_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "b", "em", "i",
    "blockquote", "q", "cite", "abbr",
}  # fmt: skip
BODY_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    # The editor's ordered lists: a start number and a numbering type (1, a, i).
    "ol": {"start", "type"},
}


def sanitise_html(html: str) -> str:
    """Keep only the allow-listed markup; scripts, styles and handlers are dropped.

    Markup without any text (the `<p></p>` an emptied editor leaves) becomes "",
    so that an empty body is empty to the database too.
    """
    if not html:
        return html
    clean = nh3.clean(
        html,
        tags=BODY_TAGS,
        attributes=BODY_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return clean if plain_text(clean) else ""


class Topic(SluggedModel):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:list") + f"?topic={self.slug}"


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Published and not scheduled for later: what the public may read."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def scheduled(self):
        """Published with a time still to come: they appear at that time."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def next_publication_time(self):
        """When the next scheduled article appears (None when none is scheduled)."""
        return (
            self.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )


class Article(EditorialModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=250,
        unique=True,
        blank=True,
        help_text=_("Made from the title when left empty."),
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("The perex: one short paragraph.")
    )
    body = models.TextField(
        _("body"), blank=True, help_text=_("HTML; sanitised when saved.")
    )
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A time in the future schedules the article."),
    )
    main_image = models.ImageField(
        _("main image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="main_image_width",
        height_field="main_image_height",
    )
    main_image_width = models.PositiveIntegerField(
        null=True, blank=True, editable=False
    )
    main_image_height = models.PositiveIntegerField(
        null=True, blank=True, editable=False
    )
    main_image_decorative = models.BooleanField(
        _("main image is decorative"),
        default=False,
        help_text=_("Only when the image adds nothing to the text; then no alt text."),
    )
    main_image_caption = models.CharField(
        _("main image caption"), max_length=300, blank=True
    )
    main_image_focal_x = models.FloatField(
        _("focal point x"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    main_image_focal_y = models.FloatField(
        _("focal point y"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    main_image_alt = models.CharField(
        _("main image alt text"), max_length=300, blank=True
    )
    main_image_credit = models.CharField(
        _("main image credit"), max_length=200, blank=True
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="articles"
    )
    visits = models.ManyToManyField(
        Visit, verbose_name=_("visits"), blank=True, related_name="articles"
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="articles"
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people"), blank=True, related_name="articles"
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations"),
        blank=True,
        related_name="articles",
    )
    needs_check = models.BooleanField(
        _("generated, needs a check"),
        default=False,
        editable=False,
        help_text=_(
            "Written from a visit by “Write the article”; cleared when an "
            "editor saves the article."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = ArticleQuerySet.as_manager()

    translation_required_fields = ("title", "lead", "body")
    translation_text_fields = ("title", "lead", "body")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        indexes = [
            # The public lists: published, newest first, at any archive size.
            models.Index(
                fields=["status", "published_at", "id"], name="article_public_order"
            ),
        ]
        permissions = [("publish_article", _("Can publish and unpublish articles"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        derived = self.derive_fields()
        if kwargs.get("update_fields") is not None:
            # save(update_fields=["status"]) must also store the publication time
            # it implies, or a published article would never appear.
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        # modeltranslation also writes the untranslated columns (slug, title, ...)
        # from the *active* language; keep them Czech whoever saves, or an editor
        # working in English could collide with another article's Czech slug on
        # the unique `slug` column.
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        """Published, but to appear only at its (future) publication time."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def derive_fields(self) -> set[str]:
        """Sanitise bodies, fill empty slugs and the publication time.

        Returns the names of the fields it changed. A language without a title
        gets its slug from the first title there is, Czech first.
        """
        changed = set()
        fallback_title = first_filled(self, "title")
        for lang in language_codes():
            body_field, slug_field = f"body_{lang}", f"slug_{lang}"
            body = getattr(self, body_field)
            clean_body = sanitise_html(body)
            if clean_body != body:
                setattr(self, body_field, clean_body)
                changed.add(body_field)
            if not getattr(self, slug_field):
                title = getattr(self, f"title_{lang}") or fallback_title
                setattr(self, slug_field, unique_slug(self, title, field=slug_field))
                changed.add(slug_field)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
            changed.add("published_at")
        return changed


class GalleryImage(models.Model):
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="gallery",
    )
    image = models.ImageField(
        _("image"),
        upload_to="gallery/%Y/%m/",
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt_text = models.CharField(_("alt text"), max_length=300, blank=True)
    decorative = models.BooleanField(_("decorative"), default=False)
    focal_x = models.FloatField(
        _("focal point x"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    focal_y = models.FloatField(
        _("focal point y"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")
        ordering = ["article", "order", "pk"]

    def __str__(self):
        return self.caption or self.alt_text


class PendingChange(models.Model):
    """An Editor's change to a live article, waiting for a chief editor.

    The live article keeps its text until a chief editor publishes the change
    (articles/review.py); `fields` holds the article's fields as the Editor
    left them (values as strings, relations as lists of keys) and
    `base_version` the article's version the change was made over.
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="pending_changes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    base_version = models.PositiveIntegerField(_("based on version"))
    fields = models.JSONField(_("changed fields"), default=dict)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("change waiting for review")
        verbose_name_plural = _("changes waiting for review")
        ordering = ["article", "-created_at", "-pk"]

    def __str__(self):
        return str(self.article)


# The import, suggestion and proposal records live in their own module.
from .archive_models import (  # noqa: E402, F401
    ImportedVersion,
    ImportJob,
    SuggestionDecision,
    VisitProposal,
)
