"""Page layout (issue 10): the home page's featured story, figures, map and
balanced visit columns; detail pages' 2/3 + 1/3 columns with the facts, the
locator map and the feeds in the right third, each shown once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db


def html_of(client, url_or_object):
    if hasattr(url_or_object, "get_absolute_url"):
        with translation.override("en"):
            url_or_object = url_or_object.get_absolute_url()
    response = client.get(url_or_object)
    assert response.status_code == 200
    return response.content.decode()


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def aside(html):
    start = html.index('class="layout__aside"')
    return html[start : html.index("</main>", start)]


def main_column(html):
    start = html.index('class="layout"')
    return html[start : html.index('class="layout__aside"', start)]


# --- home page ---------------------------------------------------------------------


def test_home_features_the_newest_story_and_lists_the_next_six(client):
    articles = [
        factories.article(
            title_en=f"Story {n}",
            published_at=timezone.now() - datetime.timedelta(days=n),
        )
        for n in range(8)
    ]

    html = html_of(client, en("home"))

    featured = html[html.index('class="card article-card card--featured"') :]
    assert "Story 0" in featured[: featured.index("</article>")]
    grid = html[html.index('id="latest-news"') :]
    grid = grid[: grid.index("</section>")]
    assert grid.count('class="card article-card"') == 6
    assert "Story 0" not in grid and "Story 6" in grid
    assert articles[7].title_en not in html


def test_home_has_at_a_glance_figures_of_public_visits(client):
    this_year = timezone.localdate().replace(month=1, day=1)
    factories.stop(visit=factories.visit(country="KZ", start_date=this_year))
    factories.visit(country="DE", start_date=datetime.date(2020, 5, 5))
    factories.visit(country="JP", start_date=this_year, status=Visit.Status.CANCELLED)
    factories.visit(
        country="FR", start_date=this_year, visibility=Visit.Visibility.INTERNAL
    )

    html = html_of(client, en("home"))

    glance = html[html.index('class="glance__list"') : html.index("</dl>")]
    numbers = [part.split("</dd>")[0] for part in glance.split("<dd>")[1:]]
    assert numbers == ["1", "2", "1"]  # visits this year, countries, organisations
    assert f"Visits in {this_year.year}" in glance


def test_home_balances_upcoming_and_recent_visits(client):
    today = timezone.localdate()
    for n in range(5):
        factories.visit(start_date=today - datetime.timedelta(days=10 + n))
    for n in range(2):
        factories.visit(
            start_date=today + datetime.timedelta(days=10 + n),
            status=Visit.Status.PLANNED,
        )

    html = html_of(client, en("home"))

    upcoming = html[html.index('id="upcoming-visits"') :]
    upcoming = upcoming[: upcoming.index("</section>")]
    recent = html[html.index('id="recent-visits"') :]
    recent = recent[: recent.index("</section>")]
    assert upcoming.count("visit-card") == recent.count("visit-card") == 2


def test_home_without_planned_visits_gives_recent_ones_the_full_width(client):
    today = timezone.localdate()
    for n in range(6):
        factories.visit(start_date=today - datetime.timedelta(days=10 + n))

    html = html_of(client, en("home"))

    assert 'id="upcoming-visits"' not in html
    assert 'class="home-visits--wide"' in html
    assert "No visits are planned at the moment." in html
    recent = html[html.index('id="recent-visits"') :]
    assert recent[: recent.index("</section>")].count("visit-card") == 4


def test_home_shows_the_map_of_partner_countries(client):
    factories.visit(country="KZ")

    html = html_of(client, en("home"))

    assert 'id="map-heading"' in html
    assert '<figure class="world-map">' in html


# --- detail pages: 2/3 + 1/3 -------------------------------------------------------


def test_visit_page_puts_facts_locator_and_feeds_in_the_right_third(client):
    visit = factories.visit(country="KZ", title_en="Ambassador visit")

    html = html_of(client, visit)

    assert '<article class="visit layout__main">' in html
    side = aside(html)
    assert 'class="facts facts--stacked"' in side
    assert '<figure class="locator-map">' in side
    assert 'id="subscribe-heading"' in side
    assert "/en/news/feed/country/kz/" in side
    # Each shown once: the facts are not repeated in the main column.
    assert html.count('class="facts') == 1


def test_article_page_puts_related_records_and_feeds_in_the_right_third(client):
    kz = factories.country("KZ")
    article = factories.article(countries=[kz])

    html = html_of(client, article)

    assert 'class="article layout__main"' in html
    side = aside(html)
    assert 'id="related-heading"' in side
    assert 'id="subscribe-heading"' in side
    assert 'id="related-heading"' not in main_column(html)


def test_person_page_has_its_facts_in_the_right_third(client):
    person = factories.person(country=factories.country("KZ"), title="Ambassador")
    factories.participation(visit=factories.visit(country="KZ"), person=person)

    html = html_of(client, person)

    side = aside(html)
    assert 'class="facts facts--stacked"' in side
    assert "/vendor/flag-icons/4x3/kz.svg" in side
    # The position is written once, under the name, not again in the facts.
    assert '<p class="lead">Ambassador</p>' in main_column(html)
    assert "Ambassador" not in side


def test_organisation_page_has_its_facts_in_the_right_third(client):
    organisation = factories.organisation(name_en="Škoda Transportation")
    factories.stop(organisation=organisation)

    html = html_of(client, organisation)

    side = aside(html)
    assert 'class="facts facts--stacked"' in side
    assert 'id="subscribe-heading"' in side
    assert 'class="facts' not in main_column(html)
