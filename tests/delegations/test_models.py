"""Visit rules: who may see what, date validation, participants, slugs."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from articles.models import Article
from delegations.models import Country, Organisation, Person, Visit
from tests import factories

pytestmark = pytest.mark.django_db

INTERNAL = Visit.Visibility.INTERNAL


def pks(queryset):
    return set(queryset.values_list("pk", flat=True))


# Visibility --------------------------------------------------------------------


def test_public_visits_exclude_internal_ones():
    public = factories.visit()
    factories.visit(visibility=INTERNAL)

    assert pks(Visit.objects.public()) == {public.pk}


def test_anonymous_user_sees_only_public_visits():
    public = factories.visit()
    factories.visit(visibility=INTERNAL)

    assert pks(Visit.objects.visible_to(AnonymousUser())) == {public.pk}


def test_missing_user_sees_only_public_visits():
    public = factories.visit()
    factories.visit(visibility=INTERNAL)

    assert pks(Visit.objects.visible_to(None)) == {public.pk}


def test_non_staff_user_sees_only_public_visits():
    public = factories.visit()
    factories.visit(visibility=INTERNAL)

    assert pks(Visit.objects.visible_to(factories.user())) == {public.pk}


def test_staff_user_sees_internal_visits_too():
    public = factories.visit()
    internal = factories.visit(visibility=INTERNAL)

    visible = Visit.objects.visible_to(factories.user(staff=True))

    assert pks(visible) == {public.pk, internal.pk}


def test_inactive_staff_user_sees_only_public_visits():
    public = factories.visit()
    factories.visit(visibility=INTERNAL)
    user = factories.user(staff=True, is_active=False)

    assert pks(Visit.objects.visible_to(user)) == {public.pk}


def test_person_in_a_public_visit_is_public():
    guest = factories.person()
    factories.participation(visit=factories.visit(), person=guest)

    assert pks(Person.objects.public()) == {guest.pk}


def test_person_only_in_an_internal_visit_is_not_public():
    factories.participation(visit=factories.visit(visibility=INTERNAL))

    assert pks(Person.objects.public()) == set()


def test_person_in_a_published_article_is_public():
    subject = factories.person()
    factories.article(people=[subject])

    assert pks(Person.objects.public()) == {subject.pk}


def test_person_only_in_a_draft_article_is_not_public():
    factories.article(status=Article.Status.DRAFT, people=[factories.person()])

    assert pks(Person.objects.public()) == set()


def test_person_only_in_a_scheduled_article_is_not_public():
    factories.article(
        published_at=timezone.now() + datetime.timedelta(days=1),
        people=[factories.person()],
    )

    assert pks(Person.objects.public()) == set()


def test_person_in_several_public_visits_is_listed_once():
    guest = factories.person()
    factories.participation(visit=factories.visit(), person=guest)
    factories.participation(visit=factories.visit(), person=guest)
    factories.article(people=[guest])

    assert list(Person.objects.public().values_list("pk", flat=True)) == [guest.pk]


def test_staff_see_people_only_in_internal_visits():
    hidden = factories.person()
    factories.participation(visit=factories.visit(visibility=INTERNAL), person=hidden)

    staff = factories.user(staff=True)

    assert pks(Person.objects.visible_to(staff)) == {hidden.pk}
    assert pks(Person.objects.visible_to(AnonymousUser())) == set()


def test_organisation_toured_in_a_public_visit_is_public():
    toured = factories.organisation()
    factories.stop(visit=factories.visit(), organisation=toured)

    assert pks(Organisation.objects.public()) == {toured.pk}


def test_organisation_only_toured_in_an_internal_visit_is_not_public():
    factories.stop(visit=factories.visit(visibility=INTERNAL))

    assert pks(Organisation.objects.public()) == set()


def test_organisation_in_a_published_article_is_public():
    subject = factories.organisation()
    factories.article(organisations=[subject])

    assert pks(Organisation.objects.public()) == {subject.pk}


def test_organisation_only_in_a_draft_article_is_not_public():
    factories.article(
        status=Article.Status.DRAFT, organisations=[factories.organisation()]
    )

    assert pks(Organisation.objects.public()) == set()


def test_staff_see_organisations_only_in_internal_visits():
    hidden = factories.organisation()
    factories.stop(visit=factories.visit(visibility=INTERNAL), organisation=hidden)

    staff = factories.user(staff=True)

    assert pks(Organisation.objects.visible_to(staff)) == {hidden.pk}
    assert pks(Organisation.objects.visible_to(None)) == set()


def test_country_visit_count_counts_only_public_visits():
    factories.visit(country="KZ")
    factories.visit(country="KZ")
    factories.visit(country="KZ", visibility=INTERNAL)
    factories.visit(country="DE", visibility=INTERNAL)

    counts = dict(
        Country.objects.with_public_visit_count()
        .filter(code__in=["KZ", "DE", "AT"])
        .values_list("code", "public_visit_count")
    )

    assert counts == {"KZ": 2, "DE": 0, "AT": 0}


# Validation --------------------------------------------------------------------


def test_end_date_before_start_date_fails_validation_on_end_date():
    visit = factories.visit(start_date=datetime.date(2024, 4, 4))
    visit.end_date = datetime.date(2024, 4, 3)

    with pytest.raises(ValidationError) as excinfo:
        visit.full_clean()

    with translation.override("en"):
        assert excinfo.value.message_dict == {
            "end_date": ["The end date cannot be before the start date."]
        }


def test_end_date_on_the_start_date_is_valid():
    visit = factories.visit(start_date=datetime.date(2024, 4, 4))
    visit.end_date = datetime.date(2024, 4, 4)

    visit.full_clean()


def test_database_refuses_an_end_date_before_the_start_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        Visit.objects.create(
            title_en="Backwards",
            start_date=datetime.date(2024, 4, 4),
            end_date=datetime.date(2024, 4, 3),
            country=factories.country("KZ"),
        )


def test_a_person_takes_part_in_a_visit_only_once():
    visit, guest = factories.visit(), factories.person()
    factories.participation(visit=visit, person=guest)

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.participation(visit=visit, person=guest, side="host")


def test_duplicate_participation_fails_validation_with_a_message():
    visit, guest = factories.visit(), factories.person()
    duplicate = factories.participation(visit=visit, person=guest)
    duplicate.pk = None

    # The constraint's message is rendered when validation runs, so run it in English.
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()

    assert "This person is already listed in this visit." in str(excinfo.value)


# Slugs -------------------------------------------------------------------------


def test_visit_slugs_are_made_from_each_languages_title_and_year():
    visit = factories.visit(
        title_en="Ambassador of Kazakhstan",
        title_cs="Velvyslanec Kazachstánu",
        title_de="",
        start_date=datetime.date(2024, 4, 4),
    )

    assert (visit.slug_en, visit.slug_cs, visit.slug_de) == (
        "ambassador-of-kazakhstan-2024",
        "velvyslanec-kazachstanu-2024",
        "ambassador-of-kazakhstan-2024",  # no German title: the English one
    )


def test_visit_url_uses_the_slug_of_the_language():
    visit = factories.visit(
        title_en="Ambassador", title_cs="Velvyslanec", title_de="Botschafter"
    )

    with translation.override("cs"):
        assert visit.get_absolute_url().endswith("/velvyslanec-2024/")
    with translation.override("de"):
        assert visit.get_absolute_url().endswith("/botschafter-2024/")


def test_visit_slug_works_with_an_iso_date_string():
    visit = factories.visit(title_en="Trade mission", start_date="2024-04-04")

    assert visit.slug_en == "trade-mission-2024"


def test_visit_slugs_are_unique():
    first = factories.visit(title_en="Same", start_date=datetime.date(2024, 1, 1))
    second = factories.visit(title_en="Same", start_date=datetime.date(2024, 5, 1))

    assert (first.slug_en, second.slug_en) == ("same-2024", "same-2024-2")


def test_visit_slug_is_kept_when_the_title_changes():
    visit = factories.visit(title_en="Old title", start_date=datetime.date(2024, 1, 1))

    visit.title_en = "New title"
    visit.save()

    visit.refresh_from_db()
    assert visit.slug_en == "old-title-2024"


def test_organisation_slugs_are_made_from_the_name_and_unique():
    first = factories.organisation(name_en="Škoda Transportation")
    second = factories.organisation(name_en="Škoda Transportation")

    assert (first.slug, second.slug) == (
        "skoda-transportation",
        "skoda-transportation-2",
    )


def test_person_slugs_are_made_from_the_name_and_unique():
    first = factories.person(name="Bakyt Dyussenbayev", honorific_en="H. E.")
    second = factories.person(name="Bakyt Dyussenbayev")

    assert (first.slug, second.slug) == ("bakyt-dyussenbayev", "bakyt-dyussenbayev-2")


def test_person_full_name_starts_with_the_honorific():
    guest = factories.person(name="Bakyt Dyussenbayev", honorific_cs="J. E.")

    assert guest.full_name == "J. E. Bakyt Dyussenbayev"


def test_a_long_title_gives_a_slug_that_fits_the_column():
    # 249 characters: fits the title column, but "<title> 2024" would not fit
    # the slug column without truncation.
    visit = factories.visit(title_en=("word " * 50)[:249])

    assert len(visit.slug) <= Visit._meta.get_field("slug").max_length
