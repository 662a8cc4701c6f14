"""Number and date inputs of the list filters never echo an invalid value: the
page would be invalid HTML (what the Nu Html Checker reported)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def input_tag(content: str, name: str) -> str:
    (tag,) = re.findall(rf'<input[^>]* name="{name}"[^>]*>', content)
    return tag


def page(client, view, **params):
    with translation.override("en"):
        response = client.get(reverse(view), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("view", ["delegations:visit_list", "articles:list"])
@pytest.mark.parametrize("value", ["abc", "20x4", "1e", "nan"])
def test_a_year_that_is_not_a_number_is_not_put_back(client, view, value):
    content = page(client, view, year=value)
    tag = input_tag(content, "year")

    assert 'type="number"' in tag
    assert "value=" not in tag
    assert 'class="error-summary"' in content


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "4.4.2024"])
def test_a_date_that_is_not_an_iso_date_is_not_put_back(client, value):
    content = page(client, "delegations:visit_list", date_from=value)
    tag = input_tag(content, "date_from")

    assert 'type="date"' in tag
    assert "value=" not in tag
    assert 'class="error-summary"' in content


def test_valid_values_are_kept_even_when_another_field_has_an_error(client):
    content = page(
        client,
        "delegations:visit_list",
        year="2024",
        date_from="2024-05-01",
        date_to="2024-04-01",
    )

    assert 'value="2024"' in input_tag(content, "year")
    assert 'value="2024-05-01"' in input_tag(content, "date_from")
    assert 'class="error-summary"' in content


def test_a_year_out_of_range_is_a_number_and_is_kept(client):
    content = page(client, "delegations:visit_list", year="1800")

    assert 'value="1800"' in input_tag(content, "year")
