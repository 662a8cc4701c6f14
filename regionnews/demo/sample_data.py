"""A sample archive for load tests: N articles with the visits, people and
organisations they are about, in Czech, English and German.

Deterministic (one seeded `random.Random`, times offset from a fixed `now`).
Rows go in with `bulk_create` in batches, so 100,000 articles load in minutes;
the fields `save()` would derive (slugs, publication time, version,
translation fingerprints) are set here instead.
"""

import datetime
from functools import cached_property

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from articles.models import Article, Topic
from delegations.models import Country, Organisation, Participation, Person, Stop, Visit
from regionnews.core.content_generation import bump_content_generation
from regionnews.core.languages import language_codes
from regionnews.core.signals import rows_written

from .sample_text import NotEmpty, Progress, SampleSize, SampleText, plain_fingerprints

ARCHIVE_START = datetime.datetime(2004, 1, 1, 8, 0, tzinfo=datetime.UTC)
# Share of articles with an English / a German translation (Czech is always there).
TRANSLATED = {"cs": 1.0, "en": 0.6, "de": 0.35}


class SampleData(SampleText):
    """Builds the rows; `generate()` writes them in batches and reports progress."""

    def __init__(self, *, size: SampleSize, seed: int, now: datetime.datetime):
        super().__init__(seed=seed)
        self.size = size
        self.now = now

    @cached_property
    def countries(self) -> list[Country]:
        by_code = {
            c.code: c for c in Country.objects.filter(code__in=self.words["countries"])
        }
        return [by_code[code] for code in self.words["countries"] if code in by_code]

    @cached_property
    def czechia(self) -> Country:
        return Country.objects.get(code="CZ")

    def names(self, obj, field: str) -> dict[str, str]:
        return {
            lang: getattr(obj, f"{field}_{lang}") or str(obj)
            for lang in language_codes()
        }

    def topics(self) -> list[Topic]:
        topics = []
        for names in self.words["topics"]:
            topic, _ = Topic.objects.get_or_create(
                slug=slugify(names["en"]),
                defaults={f"name_{lang}": text for lang, text in names.items()},
            )
            topics.append(topic)
        return topics

    def organisations(self) -> list[Organisation]:
        parts, rows = self.words["organisation_parts"], []
        kinds = [kind for kind, _ in Organisation.Kind.choices]
        for n in range(1, self.size.organisations + 1):
            name = " ".join(
                p
                for p in (
                    self.rng.choice(parts["prefix"]),
                    self.rng.choice(parts["noun"]),
                    self.rng.choice(parts["suffix"]),
                )
                if p
            )
            city = self.rng.choice(self.words["cities"])
            rows.append(
                Organisation(
                    name=name,
                    name_cs=name,
                    name_en=name,
                    name_de=name,
                    slug=f"{slugify(name)}-{n}",
                    kind=self.rng.choice(kinds),
                    city=city,
                    city_cs=city,
                    country=self.czechia
                    if self.rng.random() < 0.85
                    else self.rng.choice(self.countries),
                    description_cs=self.sentence("cs"),
                    description_en=self.sentence("en"),
                )
            )
        return Organisation.objects.bulk_create(rows)

    def people(self) -> list[Person]:
        rows, roles = [], self.words["roles"]
        for n in range(1, self.size.people + 1):
            first = self.rng.choice(self.words["first_names"])
            name = f"{first} {self.rng.choice(self.words['last_names'])}"
            role = self.rng.randrange(len(roles["en"]))
            host = n % 10 == 0
            honorific = self.rng.choice(self.words["honorifics"])
            rows.append(
                Person(
                    name=name,
                    slug=f"{slugify(name)}-{n}",
                    honorific=honorific,
                    honorific_cs=honorific,
                    titles_before=self.rng.choice(self.words["titles_before"]),
                    country=self.czechia if host else self.rng.choice(self.countries),
                    title=roles["cs"][role],
                    title_cs=roles["cs"][role],
                    title_en=roles["en"][role],
                    title_de=roles["de"][role],
                )
            )
        return Person.objects.bulk_create(rows)

    # -- visits -------------------------------------------------------------
    def visit_rows(self, start: int, stop: int) -> list[Visit]:
        span = (self.now.date() + datetime.timedelta(days=365)) - ARCHIVE_START.date()
        rows = []
        for n in range(start, stop):
            country = self.rng.choice(self.countries)
            names = self.names(country, "name")
            template = self.rng.randrange(len(self.words["visit_templates"]["en"]))
            texts = {}
            for lang in language_codes():
                texts["title", lang] = self.fill(
                    self.words["visit_templates"][lang][template], lang, country=names
                )
                texts["purpose", lang] = self.sentence(lang, 12, 30)
                texts["outcome", lang] = self.sentence(lang, 8, 20)
            day = ARCHIVE_START.date() + span * (n / self.size.visits)
            planned = day > self.now.date()
            status = (
                Visit.Status.PLANNED
                if planned
                else self.rng.choices(
                    [Visit.Status.HELD, Visit.Status.CANCELLED], [0.95, 0.05]
                )[0]
            )
            rows.append(
                Visit(
                    title=texts["title", "cs"],
                    **{
                        f"slug_{lang}": (
                            f"{slugify(texts['title', lang])[:200]}-{day.year}-{n + 1}"
                        )
                        for lang in language_codes()
                    },
                    start_date=day,
                    end_date=day
                    + datetime.timedelta(days=self.rng.choice([0, 0, 1, 2])),
                    country=country,
                    direction=self.rng.choices(
                        [Visit.Direction.INCOMING, Visit.Direction.OUTGOING], [0.8, 0.2]
                    )[0],
                    status=status,
                    visibility=Visit.Visibility.INTERNAL
                    if self.rng.random() < 0.05
                    else Visit.Visibility.PUBLIC,
                    internal_notes=self.sentence("cs")
                    if self.rng.random() < 0.3
                    else "",
                    version=1,
                    translation_fingerprints=plain_fingerprints(
                        texts, Visit.translation_text_fields, language_codes()
                    ),
                    **{
                        f"{field}_{lang}": text for (field, lang), text in texts.items()
                    },
                )
            )
        return rows

    def visit_relations(self, visits, people, hosts, organisations):
        participations, stops = [], []
        by_country: dict[int, list[Person]] = {}
        for person in people:
            by_country.setdefault(person.country_id, []).append(person)
        roles = self.words["roles"]
        for visit in visits:
            pool = by_country.get(visit.country_id) or people
            guests = self.rng.sample(pool, min(len(pool), self.rng.randint(1, 3)))
            host = self.rng.choice([h for h in hosts[:8] if h not in guests])
            for order, person in enumerate([*guests, host]):
                role = self.rng.randrange(len(roles["en"]))
                participations.append(
                    Participation(
                        visit=visit,
                        person=person,
                        order=order,
                        side=Participation.Side.HOST
                        if order == len(guests)
                        else Participation.Side.GUEST,
                        role=roles["cs"][role],
                        role_cs=roles["cs"][role],
                        role_en=roles["en"][role],
                        role_de=roles["de"][role],
                    )
                )
            for order, organisation in enumerate(
                self.rng.sample(organisations, self.rng.randint(0, 4))
            ):
                stops.append(
                    Stop(
                        visit=visit,
                        organisation=organisation,
                        order=order,
                        date=visit.start_date,
                    )
                )
        return participations, stops

    # -- articles -----------------------------------------------------------
    def article_row(self, n: int, country, topic, person, org) -> Article:
        rng = self.rng
        names = {
            "country": self.names(country, "name"),
            "topic": self.names(topic, "name"),
            "org": dict.fromkeys(language_codes(), org.name),
            "person": dict.fromkeys(language_codes(), person.name),
        }
        template = rng.randrange(len(self.words["title_templates"]["en"]))
        languages = [
            lang for lang in language_codes() if rng.random() < TRANSLATED[lang]
        ]
        texts, fields = {}, {}
        for lang in languages:
            paragraphs = [self.paragraph(lang) for _ in range(rng.randint(3, 7))]
            texts["title", lang] = self.fill(
                self.words["title_templates"][lang][template], lang, **names
            )
            texts["lead", lang] = self.sentence(lang, 20, 40)
            texts["body", lang] = " ".join(paragraphs)
            fields.update(
                {
                    f"title_{lang}": texts["title", lang],
                    f"lead_{lang}": texts["lead", lang],
                    f"body_{lang}": "\n".join(f"<p>{p}</p>" for p in paragraphs),
                }
            )
        for lang in language_codes():
            title = texts.get(("title", lang)) or texts["title", "cs"]
            fields[f"slug_{lang}"] = f"{slugify(title)[:200]}-{n + 1}"
        roll = rng.random()
        status, published_at = Article.Status.PUBLISHED, None
        if roll < 0.04:
            status = Article.Status.DRAFT
        elif roll < 0.05:
            status = Article.Status.REVIEW
        elif roll < 0.055:
            published_at = self.now + datetime.timedelta(hours=rng.randint(1, 24 * 30))
        if status == Article.Status.PUBLISHED and published_at is None:
            offset = (self.now - ARCHIVE_START) * (n / self.size.articles)
            published_at = (
                ARCHIVE_START + offset + datetime.timedelta(minutes=rng.randint(0, 600))
            )
            published_at = min(published_at, self.now - datetime.timedelta(minutes=5))
        outdated = ["en"] if "en" in languages and rng.random() < 0.03 else []
        return Article(
            title=texts["title", "cs"],
            slug=fields["slug_cs"],
            byline=rng.choice(self.words["bylines"]),
            status=status,
            published_at=published_at,
            version=1,
            outdated_languages=outdated,
            translation_fingerprints=plain_fingerprints(
                texts, Article.translation_text_fields, languages
            ),
            **fields,
        )

    def generate(self, *, batch_size: int = 1000, progress: Progress | None = None):
        """Write everything; returns how many of each kind were created."""
        report = progress or (lambda label, done, total: None)
        if Article.objects.exists():
            raise NotEmpty("The database already has articles.")
        # modeltranslation fills the untranslated columns from the active language.
        with translation.override("cs"):
            topics = self.topics()
            with transaction.atomic():
                organisations = self.organisations()
                people = self.people()
                rows_written(Organisation, organisations)
                rows_written(Person, people)
            hosts = [p for p in people if p.country_id == self.czechia.pk]
            visits: list[Visit] = []
            for start in range(0, self.size.visits, batch_size):
                with transaction.atomic():
                    batch = Visit.objects.bulk_create(
                        self.visit_rows(
                            start, min(start + batch_size, self.size.visits)
                        )
                    )
                    participations, stops = self.visit_relations(
                        batch, people, hosts, organisations
                    )
                    Participation.objects.bulk_create(participations)
                    Stop.objects.bulk_create(stops)
                    rows_written(Visit, batch)
                visits.extend(batch)
                report("visits", len(visits), self.size.visits)
            public_visits = [
                v for v in visits if v.visibility == Visit.Visibility.PUBLIC
            ]
            for start in range(0, self.size.articles, batch_size):
                self.article_batch(
                    start,
                    min(start + batch_size, self.size.articles),
                    topics,
                    public_visits,
                    people,
                    organisations,
                )
                report(
                    "articles",
                    min(start + batch_size, self.size.articles),
                    self.size.articles,
                )
        # bulk_create sends no signals: make cached pages stale ourselves.
        bump_content_generation()
        with connection.cursor() as cursor:  # statistics for the planner now
            cursor.execute("ANALYZE")
        return {
            "articles": self.size.articles,
            "visits": len(visits),
            "people": len(people),
            "organisations": len(organisations),
            "topics": len(topics),
        }

    @transaction.atomic
    def article_batch(self, start, stop, topics, visits, people, organisations):
        rng, links = self.rng, []
        for n in range(start, stop):
            # Articles follow the visits in time: article n is about a visit
            # of about the same date, one in three times.
            visit = (
                visits[int(n / self.size.articles * len(visits))]
                if visits and rng.random() < 0.35
                else None
            )
            country = visit.country if visit else rng.choice(self.countries)
            topic, person, org = (
                rng.choice(topics),
                rng.choice(people),
                rng.choice(organisations),
            )
            article = self.article_row(n, country, topic, person, org)
            links.append((article, visit, country, topic, person, org))
        rows_written(Article, Article.objects.bulk_create([row[0] for row in links]))
        through = {
            name: getattr(Article, name).through
            for name in ("topics", "visits", "countries", "people", "organisations")
        }
        rows = {name: [] for name in through}
        for article, visit, country, topic, person, org in links:
            rows["topics"].append(
                through["topics"](article_id=article.pk, topic_id=topic.pk)
            )
            if visit:
                rows["visits"].append(
                    through["visits"](article_id=article.pk, visit_id=visit.pk)
                )
            rows["countries"].append(
                through["countries"](article_id=article.pk, country_id=country.pk)
            )
            if rng.random() < 0.5:
                rows["people"].append(
                    through["people"](article_id=article.pk, person_id=person.pk)
                )
            if rng.random() < 0.4:
                rows["organisations"].append(
                    through["organisations"](
                        article_id=article.pk, organisation_id=org.pk
                    )
                )
        for name, objs in rows.items():
            through[name].objects.bulk_create(objs)


def generate_sample_data(
    *,
    articles: int = 10_000,
    seed: int = 2004,
    now: datetime.datetime | None = None,
    batch_size: int = 1000,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fill an empty database with a sample archive of *articles* articles."""
    now = now or timezone.now().replace(minute=0, second=0, microsecond=0)
    data = SampleData(size=SampleSize(articles), seed=seed, now=now)
    return data.generate(batch_size=batch_size, progress=progress)
