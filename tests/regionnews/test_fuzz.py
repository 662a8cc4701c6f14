"""Property-based fuzzing of every GET parameter the site reads: never a 5xx.

Hypothesis draws values (any Unicode, NUL bytes, huge numbers, dates out of
range, tsquery syntax) for the parameters of each public page, the staff
exports and the admin lists, and for search input. Bounded so the module
runs in well under a minute on either database; every example is a request.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=20,
    deadline=datetime.timedelta(milliseconds=2000),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)

# Values that reached a 500 once, and the kinds around them.
NASTY = st.sampled_from(
    [
        "ː",
        "\x00",
        "a\x00",
        "99999",
        "-1",
        "0",
        "9" * 40,
        "2024-02-30",
        "0000-01-01",
        "9999-12-31",
        "1e309",
        "' OR 1=1 --",
        "skoda:* & !(x) | 'y'",
        "%",
        "\\",
        "kz",
        "KZ",
        "zz",
    ]
)
VALUE = st.one_of(
    NASTY,
    st.text(max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(str),
)


def params_of(names):
    return st.dictionaries(st.sampled_from(names), VALUE, max_size=len(names))


@pytest.fixture
def content():
    topic = factories.topic()
    visit = factories.full_visit()
    factories.article(topics=[topic], visits=[visit], countries=[visit.country])
    return {"topic": topic, "visit": visit}


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def assert_no_server_error(client, url, params):
    response = client.get(url, params)
    assert response.status_code < 500, (url, params, response.status_code)


PUBLIC = {
    "articles:list": ["q", "topic", "country", "year", "page"],
    "delegations:visit_list": [
        "q",
        "country",
        "year",
        "direction",
        "date_from",
        "date_to",
        "organisation",
        "person",
        "status",
        "visibility",
        "page",
        "sort",
    ],
    "delegations:visit_statistics": ["country", "year", "date_from", "date_to"],
    "delegations:country_list": ["page", "sort", "q"],
    "search": ["q", "page", "kind"],
    "home": ["page"],
}


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_never_answer_5xx(content, name):
    client = Client(raise_request_exception=False)
    url = en(name)

    @FUZZ
    @given(params=params_of(PUBLIC[name]))
    def check(params):
        assert_no_server_error(client, url, params)

    check()


@FUZZ
@given(q=st.text(max_size=60))
def test_search_input_never_answers_5xx(content, q):
    client = Client(raise_request_exception=False)
    assert_no_server_error(client, en("search"), {"q": q})


STAFF = {
    "delegations:visit_export_csv": PUBLIC["delegations:visit_list"],
    "delegations:visit_export_json": PUBLIC["delegations:visit_list"],
    "admin:articles_article_changelist": [
        "q",
        "year",
        "status",
        "publication",
        "translation",
        "country",
        "topics__id__exact",
        "published_at__year",
        "published_at__month",
        "published_at__day",
        "o",
        "p",
        "all",
    ],
    "admin:delegations_visit_changelist": [
        "q",
        "year",
        "country",
        "status",
        "direction",
        "visibility",
        "translation",
        "start_date__year",
        "start_date__month",
        "start_date__day",
        "o",
        "p",
    ],
    "admin:delegations_person_changelist": ["q", "country", "o", "p"],
    "admin:delegations_organisation_changelist": ["q", "kind", "country", "o", "p"],
}


@pytest.mark.parametrize("name", STAFF)
def test_staff_pages_never_answer_5xx(content, name):
    client = Client(raise_request_exception=False)
    client.force_login(factories.user(superuser=True))
    url = en(name)

    @FUZZ
    @given(params=params_of(STAFF[name]))
    def check(params):
        assert_no_server_error(client, url, params)

    check()
