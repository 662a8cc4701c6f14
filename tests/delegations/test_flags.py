"""Flags: the vendored flag-icons SVG beside the country's name, decorative
(alt=""), on the country index, the country page and visit cards."""

import re

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from delegations.models import Country
from tests import factories

pytestmark = pytest.mark.django_db

FLAGS = settings.BASE_DIR / "static" / "vendor" / "flag-icons"
IMG = re.compile(
    r'<img class="flag flag--\w+" src="([^"]+)" alt="" width="\d+" height="\d+">'
)


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def render_flag(country, *args):
    template = Template("{% load flags %}{% flag country " + " ".join(args) + " %}")
    return template.render(Context({"country": country}))


def test_flag_is_a_decorative_image_of_the_vendored_svg():
    html = render_flag(factories.country("KZ"))

    assert IMG.fullmatch(html)
    assert IMG.fullmatch(html).group(1).endswith("/vendor/flag-icons/4x3/kz.svg")


def test_large_flag_is_larger():
    assert 'width="48"' in render_flag(factories.country("KZ"), '"large"')


def test_country_without_a_flag_file_gets_nothing():
    assert render_flag(Country(code="QQ", name="Nowhere")) == ""


def test_flags_are_vendored_with_their_licence():
    assert (FLAGS / "LICENSE").read_text().startswith("The MIT License")
    assert (FLAGS / "4x3" / "cz.svg").is_file()


def test_country_index_shows_each_partner_flag(client):
    factories.visit(country="KZ")
    factories.visit(country="DE")

    html = client.get(en("delegations:country_list")).content.decode()

    flags = IMG.findall(html)
    assert any(src.endswith("/kz.svg") for src in flags)
    assert any(src.endswith("/de.svg") for src in flags)


def test_country_page_heading_has_the_flag(client):
    factories.visit(country="KZ")

    html = client.get(en("delegations:country_detail", code="kz")).content.decode()

    heading = html[html.index('<h1 class="with-flag">') : html.index("</h1>")]
    assert IMG.search(heading).group(1).endswith("/kz.svg")


def test_visit_cards_show_the_country_flag(client):
    factories.visit(country="JP")

    html = client.get(en("delegations:visit_list")).content.decode()

    card = html[html.index('class="card visit-card"') :]
    assert IMG.search(card[: card.index("</article>")]).group(1).endswith("/jp.svg")
