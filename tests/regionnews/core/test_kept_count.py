"""The lists' row counts are kept per filter until the content changes: no
COUNT on the next page of the same filter, a write shows at once, and staff
(who see internal visits) keep a count of their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db


def en(name):
    with translation.override("en"):
        return reverse(name)


def count_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["paginator"].count


def test_the_next_page_of_a_filter_runs_no_count(client):
    for _ in range(12):
        factories.article(countries=[factories.country("KZ")])
    url = en("articles:list") + "?country=kz"
    assert count_of(client, url) == 12
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url + "&page=2")
    assert response.context["paginator"].count == 12
    assert not any("COUNT(" in q["sql"].upper() for q in queries)
    assert response.content.decode().count('class="card article-card') == 2


def test_filters_are_counted_apart_and_a_write_shows_at_once(client):
    factories.article(countries=[factories.country("KZ")])
    factories.article()
    url = en("articles:list")
    assert count_of(client, url) == 2
    assert count_of(client, url + "?country=kz") == 1
    factories.article(countries=[factories.country("KZ")])
    assert count_of(client, url + "?country=kz") == 2
    assert count_of(client, url) == 3


def test_staff_and_the_public_keep_their_own_visit_counts(client):
    factories.visit()
    factories.visit(visibility=Visit.Visibility.INTERNAL)
    url = en("delegations:visit_list")
    assert count_of(client, url) == 1
    client.force_login(factories.user(staff=True))
    assert count_of(client, url) == 2
    client.logout()
    assert count_of(client, url) == 1
