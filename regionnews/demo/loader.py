"""Write the demo content (regionnews/demo/data.py reads it) into the database.

Visits and articles go through `delegations.services.visit_save` and
`articles.services.article_save`, like an editor's save: every row is
validated, bodies are sanitised, versions and translation fingerprints are
kept. Each visit and article is saved in its own revision, so a freshly
loaded object has exactly one entry in its history.

Demo content is created when it is missing and otherwise left alone: an editor
may have changed it, and loading again (every `make run`) must not undo that.
Everything is found by slug (an article by any of its languages' slugs).
`reset=True` writes the demo's content back over every demo object (links and
itineraries included), each visit and article as a new revision in its
history, with every translation confirmed as up to date. The one exception to
"left alone" is a planned visit nobody has edited whose date has passed: it
moves ahead again, so the home page keeps an upcoming visit.
"""

import datetime
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

import reversion
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop
from reversion.models import Version

from articles.models import Article, Topic
from articles.services import article_save
from delegations.models import Country, Organisation, Participation, Person, Visit
from delegations.services import (
    ParticipationData,
    StopData,
    set_translations,
    visit_save,
)
from regionnews.core.languages import language_codes
from regionnews.core.models import EditorialModel

from . import data

# Revision comments, shown in an object's history (stored translated).
LOADED = gettext_noop("Demo content")
RESTORED = gettext_noop("Demo content restored")
MOVED = gettext_noop("Demo visit moved to a date ahead")
COMMENTS = (LOADED, RESTORED, MOVED)

CREATED, KEPT, UPDATED = "created", "left as they were", "restored or moved"


class DemoLoader:
    """Loads the directory and the stories; `counts` says what it did."""

    def __init__(self, *, reset: bool = False, today: datetime.date | None = None):
        self.reset = reset
        self.today = today or timezone.localdate()
        self.counts: Counter[str] = Counter()

    def load(self, directory: Mapping[str, list], stories: list[dict]) -> None:
        # modeltranslation fills each translated field's base column from the
        # active language; fix it so that every run stores the same rows.
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            topics = {
                item["slug"]: self.save_topic(item) for item in directory["topics"]
            }
            organisations = {
                item["slug"]: self.save_organisation(item)
                for item in directory["organisations"]
            }
            people = {
                item["slug"]: self.save_person(item) for item in directory["people"]
            }
            # In the demo, each person's role at a visit is their title.
            roles = {item["slug"]: item["title"] for item in directory["people"]}
            for story in stories:
                try:
                    visit = self.save_visit(
                        story["visit"], people, roles, organisations
                    )
                    if "article" in story:
                        self.save_article(
                            story["article"], visit, topics, people, organisations
                        )
                except KeyError as error:
                    raise data.DemoDataError(
                        f"{story['file']}: unknown or missing {error}"
                    ) from error

    # --- the shared records: plain rows, not under version control -------------

    def upsert(
        self, model: type[models.Model], slug: str, translated: dict, **fields: Any
    ) -> models.Model:
        """A single-model row by slug, validated with full_clean() like the services."""
        instance = model.objects.filter(slug=slug).first()
        if instance is not None and not self.reset:
            self.counts[KEPT] += 1
            return instance
        self.counts[CREATED if instance is None else UPDATED] += 1
        instance = instance or model(slug=slug)
        for name, values in translated.items():
            set_translations(instance, name, data.translated(values))
        for name, value in fields.items():
            setattr(instance, name, value)
        instance.full_clean()
        instance.save()
        return instance

    def save_topic(self, item: dict) -> Topic:
        return self.upsert(Topic, item["slug"], {"name": item["name"]})

    def save_organisation(self, item: dict) -> Organisation:
        return self.upsert(
            Organisation,
            item["slug"],
            {
                "name": item["name"],
                "city": item["city"],
                "description": item["description"],
            },
            kind=item["kind"],
            country=Country.objects.get(code=item["country"]),
            website=item["website"],
        )

    def save_person(self, item: dict) -> Person:
        return self.upsert(
            Person,
            item["slug"],
            {"honorific": item["honorific"], "title": item["title"]},
            name=item["name"],
            country=Country.objects.get(code=item["country"]),
        )

    # --- visits and articles: through the services, one revision each ------------

    def write(
        self,
        existing: EditorialModel | None,
        save: Callable[[EditorialModel | None], EditorialModel],
        *,
        moved: bool = False,
    ) -> EditorialModel:
        """Create, keep or rewrite one visit or article, in a revision of its own."""
        if existing is not None and not (self.reset or moved):
            self.counts[KEPT] += 1
            return existing
        if existing is not None:
            # The demo's languages say the same: confirm every translation, so
            # that restoring one edited language flags none of the others.
            existing.translation_fingerprints = {}
            existing.outdated_languages = []
        comment = LOADED if existing is None else (MOVED if moved else RESTORED)
        self.counts[CREATED if existing is None else UPDATED] += 1
        with reversion.create_revision():
            reversion.set_comment(gettext(comment))
            return save(existing)

    def save_visit(
        self, item: dict, people: dict, roles: dict, organisations: dict
    ) -> Visit:
        visit = Visit.objects.with_slug_in_any_language(item["slug"]).first()
        start_date, end_date = data.visit_dates(item, self.today)
        participations = [
            ParticipationData(
                person=people[slug], side=side, role=data.translated(roles[slug])
            )
            for side, slugs in (
                (Participation.Side.GUEST, item["guests"]),
                (Participation.Side.HOST, item["hosts"]),
            )
            for slug in slugs
        ]
        stops = [
            StopData(
                organisation=organisations[stop["organisation"]],
                date=data.stop_date(stop, start_date),
                time=stop.get("time"),
                note=data.translated(stop.get("note")),
            )
            for stop in item.get("stops", [])
        ]

        def save(existing: Visit | None) -> Visit:
            return visit_save(
                visit=existing,
                slug=item["slug"],
                title=data.translated(item["title"]),
                start_date=start_date,
                end_date=end_date,
                country=Country.objects.get(code=item["country"]),
                direction=item["direction"],
                status=item["status"],
                visibility=item["visibility"],
                purpose=data.translated(item.get("purpose")),
                outcome=data.translated(item.get("outcome")),
                internal_notes=data.text(item.get("internal_notes", "")),
                participations=participations,
                stops=stops,
            )

        moved = (
            visit is not None
            and "start_in_days" in item
            and visit.status == Visit.Status.PLANNED
            and visit.start_date < self.today
            and untouched_since_loaded(visit)
        )
        return self.write(visit, save, moved=moved)

    def save_article(
        self,
        item: dict,
        visit: Visit,
        topics: dict,
        people: dict,
        organisations: dict,
    ) -> Article:
        titles = data.translated(item["title"])
        slugs = {code: slugify(title) for code, title in titles.items()}
        slugs["en"] = item["slug"]
        same_slug = Q()
        for code, slug in slugs.items():
            same_slug |= Q(**{f"slug_{code}": slug})
        article = Article.objects.filter(same_slug).first()

        def save(existing: Article | None) -> Article:
            return article_save(
                article=existing,
                title=titles,
                slug=slugs,
                lead=data.translated(item["lead"]),
                body=data.paragraphs_html(item["body"]),
                byline=item["byline"],
                status=Article.Status.PUBLISHED,
                published_at=item["published_at"],
                topics=[topics[slug] for slug in item["topics"]],
                visits=[visit],
                countries=Country.objects.filter(code__in=item["countries"]),
                people=[people[slug] for slug in item["people"]],
                organisations=[organisations[slug] for slug in item["organisations"]],
            )

        return self.write(article, save)


def loader_comments() -> set[str]:
    """The loader's revision comments in every language (and untranslated)."""
    comments = set(COMMENTS)
    for code in language_codes():
        with translation.override(code):
            comments |= {gettext(comment) for comment in COMMENTS}
    return comments


def untouched_since_loaded(obj: EditorialModel) -> bool:
    """Whether *obj* is as the loader last wrote it: its latest revision is the
    loader's (no user) and nothing has been saved since (same version)."""
    latest = Version.objects.get_for_object(obj).select_related("revision").first()
    return (
        latest is not None
        and latest.revision.user_id is None
        and latest.revision.comment in loader_comments()
        and latest.field_dict.get("version") == obj.version
    )


def load_demo(*, reset: bool = False, today: datetime.date | None = None) -> Counter:
    """Load every story of regionnews/demo; returns how many rows were created,
    left as they were, and restored or moved."""
    loader = DemoLoader(reset=reset, today=today)
    stories = [data.read_story(path) for path in data.story_files()]
    loader.load(data.read_directory(), stories)
    return loader.counts
