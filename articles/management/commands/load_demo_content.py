"""Load the demo content (articles/demo_content.py) so that a fresh site has a story.

Idempotent: every object is looked up by its slug (articles by their English
slug) and updated in place, so loading twice leaves the same rows. Visits and
articles go through the services, which validate everything and replace a
visit's participants and stops rather than adding to them.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.utils import translation
from django.utils.text import slugify

from articles import demo_content as demo
from articles.models import Article, Topic
from articles.services import article_save
from delegations.models import Country, Organisation, Participation, Person, Visit
from delegations.services import (
    ParticipationData,
    StopData,
    set_translations,
    visit_save,
)


def paragraphs_html(paragraphs: list[str]) -> str:
    """Paragraphs of the demo data as <p> HTML; the texts may hold inline <em>."""
    return "\n".join(f"<p>{text}</p>" for text in paragraphs)


class Command(BaseCommand):
    help = "Load (or refresh) the demo articles, visits, people and organisations."

    def handle(self, *args, **options):
        self.created = self.updated = 0
        # modeltranslation fills each translated field's base column from the
        # active language; fix it so that every run stores the same rows.
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            topics = {item["slug"]: self.save_topic(item) for item in demo.TOPICS}
            organisations = {
                item["slug"]: self.save_organisation(item)
                for item in demo.ORGANISATIONS
            }
            people = {item["slug"]: self.save_person(item) for item in demo.PEOPLE}
            visits = {
                item["slug"]: self.save_visit(item, people, organisations)
                for item in demo.VISITS
            }
            for item in demo.ARTICLES:
                self.save_article(item, topics, visits, people, organisations)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(demo.ARTICLES)} articles, {len(demo.VISITS)} "
                f"visits, {len(demo.PEOPLE)} people, {len(demo.ORGANISATIONS)} "
                f"organisations, {len(demo.TOPICS)} topics "
                f"({self.created} created, {self.updated} updated)."
            )
        )

    def count(self, instance: models.Model | None) -> None:
        if instance is None:
            self.created += 1
        else:
            self.updated += 1

    def upsert(self, model, slug: str, translated: dict, **fields) -> models.Model:
        """A single-model row by slug: validated with full_clean() like the services."""
        instance = model.objects.filter(slug=slug).first()
        self.count(instance)
        instance = instance or model(slug=slug)
        for name, values in translated.items():
            set_translations(instance, name, values)
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

    def save_visit(self, item: dict, people: dict, organisations: dict) -> Visit:
        visit = Visit.objects.with_slug_in_any_language(item["slug"]).first()
        self.count(visit)
        # In the demo, each person's role at the visit is their current title.
        roles = {person["slug"]: person["title"] for person in demo.PEOPLE}
        participations = [
            ParticipationData(person=people[slug], side=side, role=roles[slug])
            for side, slugs in (
                (Participation.Side.GUEST, item["guests"]),
                (Participation.Side.HOST, item["hosts"]),
            )
            for slug in slugs
        ]
        stops = [
            StopData(
                organisation=organisations[stop["organisation"]],
                date=stop.get("date"),
                time=stop.get("time"),
                note=stop.get("note", {}),
            )
            for stop in item["stops"]
        ]
        return visit_save(
            visit=visit,
            slug=item["slug"],
            title=item["title"],
            start_date=item["start_date"],
            end_date=item["end_date"],
            country=Country.objects.get(code=item["country"]),
            direction=item["direction"],
            status=item["status"],
            visibility=item["visibility"],
            purpose=item["purpose"],
            outcome=item["outcome"],
            internal_notes=item["internal_notes"],
            participations=participations,
            stops=stops,
        )

    def save_article(
        self,
        item: dict,
        topics: dict,
        visits: dict,
        people: dict,
        organisations: dict,
    ) -> Article:
        article = Article.objects.filter(slug_en=item["slug"]).first()
        self.count(article)
        slugs = {code: slugify(title) for code, title in item["title"].items()}
        slugs["en"] = item["slug"]
        return article_save(
            article=article,
            title=item["title"],
            slug=slugs,
            lead=item["lead"],
            body={code: paragraphs_html(texts) for code, texts in item["body"].items()},
            byline=item["byline"],
            status=Article.Status.PUBLISHED,
            published_at=item["published_at"],
            topics=[topics[slug] for slug in item["topics"]],
            visits=[visits[slug] for slug in item["visits"]],
            countries=Country.objects.filter(code__in=item["countries"]),
            people=[people[slug] for slug in item["people"]],
            organisations=[organisations[slug] for slug in item["organisations"]],
        )
