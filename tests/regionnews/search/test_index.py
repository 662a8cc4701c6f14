"""The stored search index follows every path that writes what it holds."""

import io

import pytest
import reversion
from django.core.management import call_command
from django.db import transaction
from reversion.models import Version

from delegations.countries import sync_countries
from delegations.models import Country, Participation, Visit
from regionnews.demo.sample_data import generate_sample_data
from regionnews.search.index import plain_words, rebuild
from regionnews.search.models import SearchEntry
from regionnews.search.results import search
from tests import factories

pytestmark = pytest.mark.django_db


def found(text, kind, language="en"):
    results = search(text, user=None, language=language, kind=kind, per_page=100)
    group = next(group for group in results.groups if group.kind == kind)
    return [hit.obj for hit in group.hits]


def entry(obj, kind):
    return SearchEntry.objects.get(kind=kind, object_id=obj.pk)


def test_entry_holds_folded_words_without_markup():
    article = factories.article(
        title_cs="Velvyslanec Kazachstánu", body_en="<p>Governor &amp; Špoták</p>"
    )

    stored = entry(article, "articles")
    assert "kazachstanu" in stored.a_cs.split()
    assert {"governor", "spotak"} <= set(stored.c.split())
    assert "p" not in stored.c.split()
    assert "amp" not in stored.c.split()


def test_plain_words_drop_tags_and_repeat_no_word():
    assert plain_words("<b>Plzeň</b> a PLZEŇ", None) == ["plzen", "a"]


def test_edited_title_is_found_by_its_new_words_only():
    article = factories.article(title_en="Ambassador of Uruguay")
    article.title_en = "Ambassador of Chile"
    article.save()

    assert found("Chile", "articles") == [article]
    assert found("Uruguay", "articles") == []


def test_deleted_record_leaves_no_entry():
    article = factories.article(title_en="Ambassador of Uruguay")
    article.delete()

    assert not SearchEntry.objects.filter(kind="articles").exists()


def test_renamed_person_finds_the_visits_they_took_part_in():
    visit = factories.visit(title_en="Talks")
    person = factories.person(name="Aigerim Bekova")
    factories.participation(visit=visit, person=person)
    person.name = "Aigerim Nurlanova"
    person.save()

    assert found("Nurlanova", "visits") == [visit]
    assert found("Bekova", "visits") == []


def test_removed_participant_no_longer_finds_the_visit():
    visit = factories.visit(title_en="Talks")
    participation = factories.participation(
        visit=visit, person=factories.person(name="Aigerim Bekova")
    )
    assert found("Bekova", "visits") == [visit]

    participation.delete()

    assert found("Bekova", "visits") == []


def test_renamed_organisation_finds_the_visits_that_toured_it():
    visit = factories.visit(title_en="Talks")
    organisation = factories.organisation(name_en="Old Works")
    factories.stop(visit=visit, organisation=organisation)
    organisation.name_en = "Brewery Pilsner Urquell"
    organisation.save()

    assert found("Urquell", "visits") == [visit]


def test_country_renamed_by_sync_countries_is_reindexed():
    # sync_countries writes with QuerySet.update(): no post_save is sent.
    visit = factories.visit(title_en="Talks", country="KZ")
    Country.objects.filter(code="KZ").update(name_en="Qazaqstan Old")
    rebuild()
    assert found("Qazaqstan", "visits") == [visit]

    sync_countries(Country)

    assert found("Qazaqstan", "visits") == []
    assert found("Kazakhstan", "visits") == [visit]


def test_history_restore_reindexes_the_restored_text():
    with reversion.create_revision():
        article = factories.article(title_en="Ambassador of Uruguay")
    article.title_en = "Ambassador of Chile"
    article.save()

    Version.objects.get_for_object(article).last().revision.revert()

    assert found("Uruguay", "articles") == [article]
    assert found("Chile", "articles") == []


def test_bulk_sample_data_is_indexed_as_it_is_written():
    generate_sample_data(articles=30, seed=7)

    assert SearchEntry.objects.filter(kind="articles").count() == 30
    assert SearchEntry.objects.filter(kind="visits").count() == Visit.objects.count()
    visit = Participation.objects.select_related("person", "visit").first()
    surname = visit.person.name.split()[-1]
    assert visit.visit in found(surname, "visits")


def test_rebuild_restores_a_lost_index_and_drops_stale_entries():
    article = factories.article(title_en="Ambassador of Uruguay")
    SearchEntry.objects.all().delete()
    SearchEntry.objects.create(
        kind="articles", object_id=article.pk + 1000, c="uruguay"
    )
    out = io.StringIO()

    call_command("update_search_index", stdout=out)

    assert found("Uruguay", "articles") == [article]
    assert list(
        SearchEntry.objects.filter(kind="articles").values_list("object_id", flat=True)
    ) == [article.pk]
    assert "articles: 1" in out.getvalue()


def test_a_failed_write_leaves_the_index_as_it_was():
    article = factories.article(title_en="Ambassador of Uruguay")
    with pytest.raises(RuntimeError), transaction.atomic():
        article.title_en = "Ambassador of Chile"
        article.save()
        raise RuntimeError("the write fails after the row was saved")

    assert found("Uruguay", "articles") == [article]
    assert found("Chile", "articles") == []
