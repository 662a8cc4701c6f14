"""Figures counted over every visit (the country page's sections, the partner
countries, the statistics) are kept until the content changes: the second
reader runs no counting query, a write shows at once, and staff, who see
internal visits, never get the public figures (nor leave theirs behind)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def country_page(client):
    return page(client, en("delegations:country_detail", code="kz"))


def test_the_second_reader_of_a_country_page_runs_no_counting_query(client):
    factories.full_visit(country="KZ", status=Visit.Status.HELD)
    first = country_page(client)
    with CaptureQueriesContext(connection) as queries:
        second = country_page(client)
    assert second.content == first.content
    assert not any("COUNT(" in q["sql"].upper() for q in queries)
    assert not any("delegations_participation" in q["sql"] for q in queries)


def test_a_new_visit_shows_at_once_on_the_country_page(client):
    factories.visit(country="KZ", title_en="First talks")
    assert "One visit between" in country_page(client).content.decode()
    factories.visit(country="KZ", title_en="Second talks")
    content = country_page(client).content.decode()
    assert "2 visits between" in content
    assert "Second talks" in content


def test_staff_and_public_country_pages_are_kept_apart(client):
    factories.visit(country="KZ", title_en="Open talks")
    factories.visit(
        country="KZ", title_en="Closed talks", visibility=Visit.Visibility.INTERNAL
    )
    assert "Closed talks" not in country_page(client).content.decode()
    client.force_login(factories.user(staff=True))
    assert "Closed talks" in country_page(client).content.decode()
    client.logout()
    assert "Closed talks" not in country_page(client).content.decode()


def test_statistics_count_a_new_visit_at_once(client):
    factories.visit(country="KZ", status=Visit.Status.HELD)
    url = en("delegations:visit_statistics")
    assert page(client, url).context["statistics"].total == 1
    with CaptureQueriesContext(connection) as queries:
        page(client, url)
    assert len(queries) == 0
    factories.visit(country="FR", status=Visit.Status.HELD)
    assert page(client, url).context["statistics"].total == 2


def test_partner_countries_follow_writes(client):
    visit = factories.visit(country="KZ")
    assert "kz" in [
        c.code.lower() for c in page(client, en("home")).context["partner_countries"]
    ]
    visit.visibility = Visit.Visibility.INTERNAL
    visit.save()
    assert page(client, en("home")).context["partner_countries"] == []
