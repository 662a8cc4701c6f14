"""Any value in any admin list parameter gets a page or a message, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

CHANGELISTS = [("articles", "article"), ("delegations", "visit")]

PARAMETERS = [
    "year",
    "country",
    "translation",
    "status",
    "publication",
    "visibility",
    "direction",
    "kind",
    "topics__id__exact",
    "published_at__year",
    "published_at__month",
    "published_at__day",
    "start_date__year",
    "start_date__month",
    "start_date__day",
    "q",
    "o",
    "p",
    "e",
    "all",
]

VALUES = ["a\x00b", "9" * 40]


@pytest.fixture
def superuser_client(db):
    client = Client(raise_request_exception=False)
    client.force_login(factories.user(superuser=True))
    factories.article()
    factories.visit()
    return client


@pytest.mark.parametrize(("app", "model"), CHANGELISTS)
def test_no_list_parameter_value_gives_a_server_error(superuser_client, app, model):
    url = reverse(f"admin:{app}_{model}_changelist")
    failures = []
    for name in PARAMETERS:
        for value in VALUES:
            response = superuser_client.get(url, {name: value})
            if response.status_code >= 500:
                failures.append((name, value, response.status_code))
    assert failures == []


@pytest.mark.parametrize("value", ["99999", "0", "-5"])
def test_an_out_of_range_year_is_reported_as_an_invalid_filter(superuser_client, value):
    url = reverse("admin:articles_article_changelist")

    response = superuser_client.get(url, {"year": value}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("?e=1")


def test_a_nul_byte_in_a_filter_is_a_bad_request_with_a_page(superuser_client):
    url = reverse("admin:delegations_visit_changelist")

    response = superuser_client.get(url, {"status": "held\x00"})

    assert response.status_code == 400
    assert "cannot read" in response.text
