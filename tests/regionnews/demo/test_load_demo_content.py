"""The demo loader: faithful to the seed story, cross-linked end to end, and
never undoing an editor's change unless asked to (`--reset`).

The one place where the suite loads the demo content (unit tests use
factories). The content is loaded once per class; each test's own changes are
rolled back.
"""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from reversion.models import Version

from articles.models import Article, Topic
from delegations.models import Country, Participation, Stop, Visit
from regionnews.core.translation_status import COMPLETE, language_states
from regionnews.demo import data
from regionnews.demo.loader import LOADED, MOVED, RESTORED, DemoLoader
from tests.conftest import module_data
from tests.editorial import change_url, form_data

pytestmark = pytest.mark.django_db

SEED_SLUG = "ambassador-of-kazakhstan-visited-the-headquarters-of-the-pilsen-region"
KAZAKHSTAN_VISIT = "ambassador-of-kazakhstan-2024"
STORIES = [data.read_story(path) for path in data.story_files()]
PLANNED = [story for story in STORIES if story["visit"]["status"] == "planned"]


def load(*args) -> str:
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@module_data
def demo():
    load()


def stored(comment: str) -> str:
    """A revision comment as the loader stores it: in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(comment)


def versions_of(obj):
    return Version.objects.get_for_object(obj).select_related("revision")


def row_counts():
    return {
        model._meta.label: model._base_manager.count()
        for app in ("articles", "delegations", "reversion")
        for model in apps.get_app_config(app).get_models()
    } | {
        through._meta.label: through.objects.count()
        for through in (
            Article.topics.through,
            Article.visits.through,
            Article.countries.through,
            Article.people.through,
            Article.organisations.through,
        )
    }


# --- what one load writes ------------------------------------------------------


@pytest.mark.usefixtures("demo")
class TestLoadedDemo:
    @pytest.fixture
    def seed_article(self):
        return Article.objects.get(slug_en=SEED_SLUG)

    @pytest.fixture
    def kazakhstan_visit(self):
        return Visit.objects.get(slug_en=KAZAKHSTAN_VISIT)

    def test_one_visit_per_story_and_an_article_per_reported_story(self):
        assert set(Visit.objects.values_list("slug_en", flat=True)) == {
            story["visit"]["slug"] for story in STORIES
        }
        reported = {story["article"]["slug"] for story in STORIES if "article" in story}
        assert set(Article.objects.values_list("slug_en", flat=True)) == reported
        assert Article.objects.published().count() == len(reported)

    def test_each_visit_and_article_has_one_revision_and_complete_translations(
        self,
    ):
        for obj in [*Visit.objects.all(), *Article.objects.all()]:
            assert [v.revision.comment for v in versions_of(obj)] == [stored(LOADED)], (
                obj
            )
            assert set(language_states(obj).values()) == {COMPLETE}, obj
            assert obj.outdated_languages == [], obj

    def test_seed_article_title_byline_and_date_line(self, seed_article):
        assert seed_article.title_en == (
            "Ambassador of Kazakhstan visited the headquarters of the Pilsen Region"
        )
        assert seed_article.byline == "Ing. Milan Kozel"
        # "09. May 2024 14:51", Prague time.
        assert seed_article.published_at == datetime.datetime(
            2024, 5, 9, 14, 51, tzinfo=ZoneInfo("Europe/Prague")
        )
        assert Article.objects.published().filter(pk=seed_article.pk).exists()

    def test_seed_article_lead_is_the_first_paragraph_and_body_the_rest(
        self, seed_article
    ):
        assert seed_article.lead_en.startswith("On Thursday, 4 April, the Governor")
        paragraphs = re.findall(r"<p>(.*?)</p>", seed_article.body_en, flags=re.S)
        assert len(paragraphs) == 3
        assert paragraphs[0].startswith("Bakyt Dyussenbayev emphasized")
        assert paragraphs[-1].endswith(
            "about 30 Czech companies operating in Kazakhstan."
        )

    def test_seed_article_links_its_visit_country_people_and_places(self, seed_article):
        assert [v.slug_en for v in seed_article.visits.all()] == [KAZAKHSTAN_VISIT]
        assert [c.code for c in seed_article.countries.all()] == ["KZ"]
        assert {p.slug for p in seed_article.people.all()} == {
            "bakyt-dyussenbayev",
            "timur-akhmetzhanov",
            "rudolf-spotak",
        }
        assert seed_article.organisations.count() == 5
        assert {t.name_en for t in seed_article.topics.all()} == {
            "Diplomacy",
            "Economy",
        }

    @pytest.mark.parametrize("field", ["title", "slug", "lead", "body"])
    def test_seed_article_has_czech_and_german_text_for_each_translated_field(
        self, seed_article, field
    ):
        # main_image_alt is translated too, but the demo has no images to describe.
        english = getattr(seed_article, f"{field}_en")
        for code in ("cs", "de"):
            text = getattr(seed_article, f"{field}_{code}")
            assert text
            assert text != english

    def test_every_article_has_the_same_paragraphs_in_each_language(self):
        for article in Article.objects.all():
            counts = {
                code: getattr(article, f"body_{code}").count("<p>")
                for code in ("cs", "en", "de")
            }
            assert len(set(counts.values())) == 1, (article.slug_en, counts)
            assert counts["en"] >= 2

    def test_kazakhstan_visit_facts(self, kazakhstan_visit):
        assert kazakhstan_visit.start_date == datetime.date(2024, 4, 4)
        assert kazakhstan_visit.end_date is None
        assert kazakhstan_visit.country.code == "KZ"
        assert (
            kazakhstan_visit.direction,
            kazakhstan_visit.status,
            kazakhstan_visit.visibility,
        ) == ("incoming", "held", "public")
        assert kazakhstan_visit.title_cs and kazakhstan_visit.title_de
        assert kazakhstan_visit.outcome_de

    def test_kazakhstan_visit_has_two_guests_then_one_host_with_roles(
        self, kazakhstan_visit
    ):
        rows = [
            (p.person.name, p.side, p.role_en, p.person.country.code)
            for p in kazakhstan_visit.participations.order_by("order")
        ]
        assert rows == [
            (
                "Bakyt Dyussenbayev",
                Participation.Side.GUEST,
                "Ambassador of Kazakhstan to the Czech Republic",
                "KZ",
            ),
            (
                "Timur Akhmetzhanov",
                Participation.Side.GUEST,
                "Commercial Counsellor of the Embassy of Kazakhstan in the Czech "
                "Republic",
                "KZ",
            ),
            (
                "Rudolf Špoták",
                Participation.Side.HOST,
                "Governor of the Pilsen Region",
                "CZ",
            ),
        ]
        for participation in kazakhstan_visit.participations.all():
            assert participation.role_cs and participation.role_de

    def test_ambassador_is_his_excellency_in_each_language(self, kazakhstan_visit):
        ambassador = kazakhstan_visit.participations.get(order=0).person
        assert ambassador.honorific_en == "H. E."
        assert ambassador.honorific_cs and ambassador.honorific_de

    def test_kazakhstan_visit_stops_in_the_order_of_the_article(self, kazakhstan_visit):
        stops = kazakhstan_visit.stops.select_related("organisation").order_by("order")
        with translation.override("en"):
            rows = [(s.organisation.name, s.organisation.kind, s.date) for s in stops]
        day = datetime.date(2024, 4, 4)
        assert rows == [
            ("Regional Authority of the Pilsen Region", "government", day),
            ("University of West Bohemia", "university", day),
            ("Škoda Transportation", "company", day),
            ("Regional Chamber of Commerce of the Pilsen Region", "chamber", day),
            ("Pilsner Urquell Brewery", "company", day),
        ]

    def test_visits_from_at_least_four_countries_have_an_article_each(self):
        public_held = Visit.objects.public().filter(status=Visit.Status.HELD)
        countries = {v.country.code for v in public_held if v.articles.exists()}
        assert len(countries) >= 4

    def test_the_planned_public_visit_and_its_stops_are_ahead(self):
        today = timezone.localdate()
        planned = Visit.objects.public().filter(status=Visit.Status.PLANNED)
        assert planned.exists()
        for visit in planned:
            assert visit.start_date > today
            assert all(stop.date >= visit.start_date for stop in visit.stops.all())

    def test_internal_visit_has_notes_and_no_published_article(self):
        internal = Visit.objects.get(visibility=Visit.Visibility.INTERNAL)

        assert internal.internal_notes
        assert not Article.objects.published().filter(visits=internal).exists()

    def test_pages_are_cross_linked_end_to_end(self, client):
        with translation.override("en"):
            article = Article.objects.get(slug_en=SEED_SLUG)
            visit = Visit.objects.get(slug_en=KAZAKHSTAN_VISIT)
            kz = Country.objects.get(code="KZ")
            home_url = reverse("home")
            article_url = article.get_absolute_url()
            visit_url = visit.get_absolute_url()
            country_url = kz.get_absolute_url()
            stop_urls = [s.organisation.get_absolute_url() for s in visit.stops.all()]
            person_urls = [
                p.person.get_absolute_url() for p in visit.participations.all()
            ]
            planned_url = Visit.objects.get(
                status=Visit.Status.PLANNED
            ).get_absolute_url()
        assert (home_url, country_url) == ("/en/", "/en/countries/kz/")

        home = client.get(home_url)
        article_page = client.get(article_url)
        visit_page = client.get(visit_url)
        country_page = client.get(country_url)

        assert [
            page.status_code for page in (home, article_page, visit_page, country_page)
        ] == [200, 200, 200, 200]
        assert article_url in home.text
        assert planned_url in home.text  # the upcoming visit
        assert visit_url in article_page.text
        assert all(url in article_page.text for url in stop_urls)
        assert all(url in visit_page.text for url in stop_urls + person_urls)
        assert article_url in visit_page.text
        assert country_url in visit_page.text
        assert visit_url in country_page.text
        assert article_url in country_page.text
        assert "Ambassador of Kazakhstan to the Czech Republic" in visit_page.text


# --- loading again: `make run` keeps edits, `make demo-reset` restores ----------


def edit_in_admin(client, obj, **changes):
    """Save *obj*'s admin change form with *changes*, as an editor would."""
    form = client.get(change_url(obj))
    response = client.post(change_url(obj), form_data(form, **changes))
    assert response.status_code == 302, response.context["errors"]
    obj.refresh_from_db()


@pytest.mark.usefixtures("demo")
class TestLoadingAgain:
    @pytest.fixture
    def edited_article(self, admin_client_logged):
        article = Article.objects.get(slug_en=SEED_SLUG)
        edit_in_admin(admin_client_logged, article, title_en="Corrected headline")
        assert article.outdated_languages == ["cs", "de"]
        return article

    def test_loading_again_changes_no_row_and_records_no_revision(self):
        before = row_counts()

        output = load()

        assert row_counts() == before
        assert "0 created" in output and "0 restored" in output

    def test_loading_again_keeps_an_editors_change(self, edited_article):
        revisions = versions_of(edited_article).count()

        load()

        edited_article.refresh_from_db()
        assert edited_article.title_en == "Corrected headline"
        assert versions_of(edited_article).count() == revisions == 2

    def test_loading_again_keeps_a_changed_itinerary(self):
        visit = Visit.objects.get(slug_en=KAZAKHSTAN_VISIT)
        visit.stops.filter(order=4).delete()

        load()

        assert visit.stops.count() == 4

    def test_reset_restores_the_demo_as_a_new_revision(self, edited_article):
        load("--reset")

        edited_article.refresh_from_db()
        assert edited_article.title_en == (
            "Ambassador of Kazakhstan visited the headquarters of the Pilsen Region"
        )
        comments = [v.revision.comment for v in versions_of(edited_article)]
        assert comments[0] == stored(RESTORED) and len(comments) == 3
        assert set(language_states(edited_article).values()) == {COMPLETE}

    def test_reset_restores_a_changed_visit_with_its_itinerary(
        self, admin_client_logged
    ):
        visit = Visit.objects.get(slug_en=KAZAKHSTAN_VISIT)
        edit_in_admin(admin_client_logged, visit, outcome_en="Rewritten.")
        Stop.objects.filter(visit=visit, order=4).delete()

        load("--reset")

        visit.refresh_from_db()
        assert visit.outcome_en.startswith("The Governor welcomed")
        assert visit.stops.count() == 5
        assert versions_of(visit).first().revision.comment == stored(RESTORED)

    def test_reset_brings_back_a_deleted_topic_and_its_links(self):
        Topic.objects.filter(slug="economy").delete()

        load("--reset")

        article = Article.objects.get(slug_en=SEED_SLUG)
        assert {t.slug for t in article.topics.all()} == {"diplomacy", "economy"}

    def test_a_deleted_demo_article_is_created_again(self):
        Article.objects.filter(slug_en=SEED_SLUG).delete()

        load()

        assert Article.objects.published().filter(slug_en=SEED_SLUG).exists()

    def test_an_untouched_planned_visit_moves_ahead_once_its_date_has_passed(self):
        later = timezone.localdate() + datetime.timedelta(days=3650)

        DemoLoader(today=later).load(data.read_directory(), STORIES)

        visit = Visit.objects.get(status=Visit.Status.PLANNED)
        assert visit.start_date > later
        assert versions_of(visit).first().revision.comment == stored(MOVED)

    def test_a_planned_visit_an_editor_changed_stays_where_they_put_it(
        self, admin_client_logged
    ):
        visit = Visit.objects.get(status=Visit.Status.PLANNED)
        edit_in_admin(admin_client_logged, visit, purpose_en="Hydrogen and trams.")
        later = timezone.localdate() + datetime.timedelta(days=3650)

        DemoLoader(today=later).load(data.read_directory(), STORIES)

        visit.refresh_from_db()
        assert visit.start_date < later
        assert visit.purpose_en == "Hydrogen and trams."


# --- the data files --------------------------------------------------------------


@pytest.mark.parametrize("today", ["2020-02-29", "2026-12-31", "2099-06-15"])
@pytest.mark.parametrize("story", PLANNED, ids=lambda story: story["file"])
def test_a_planned_visit_is_ahead_whatever_today_is(story, today):
    today = datetime.date.fromisoformat(today)

    start, end = data.visit_dates(story["visit"], today)

    assert start > today
    assert end is None or end >= start
    for stop in story["visit"].get("stops", []):
        assert start <= data.stop_date(stop, start) <= (end or start)


def test_held_visits_keep_their_real_dates():
    for story in STORIES:
        visit = story["visit"]
        if visit["status"] != "planned":
            assert isinstance(visit["start_date"], datetime.date), story["file"]
            assert "start_in_days" not in visit, story["file"]


@pytest.mark.parametrize("path", data.story_files(), ids=lambda path: path.name)
def test_every_story_loads_on_its_own(path):
    directory = data.read_directory()

    DemoLoader().load(directory, [data.read_story(path)])

    story = data.read_story(path)
    assert Visit.objects.filter(slug_en=story["visit"]["slug"]).exists()
    if "article" in story:
        article = Article.objects.get(slug_en=story["article"]["slug"])
        assert set(language_states(article).values()) == {COMPLETE}


def test_a_malformed_story_is_named_in_the_error(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('[visit]\nslug = "unterminated\n')

    with pytest.raises(data.DemoDataError, match="broken.toml"):
        data.read_story(broken)


def test_a_story_naming_an_unknown_person_is_named_in_the_error(tmp_path):
    source = (data.STORIES_DIR / "ambassador-of-kazakhstan-2024.toml").read_text()
    path = tmp_path / "typo.toml"
    path.write_text(source.replace('"rudolf-spotak"', '"rudolf-spotakk"', 1))

    with pytest.raises(data.DemoDataError, match="typo.toml.*rudolf-spotakk"):
        DemoLoader().load(data.read_directory(), [data.read_story(path)])


def test_the_command_reports_a_broken_data_file_as_a_command_error(
    tmp_path, monkeypatch
):
    broken = tmp_path / "broken.toml"
    broken.write_text("visit = [")
    monkeypatch.setattr(data, "story_files", lambda: [broken])

    with pytest.raises(CommandError, match="broken.toml"):
        load()


def test_the_command_prints_a_summary():
    output = load()

    articles = sum("article" in story for story in STORIES)
    assert f"Demo content: {articles} articles, {len(STORIES)} visits" in output
    assert "0 left as they were" in output
