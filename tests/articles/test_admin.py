import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, PendingChange
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST_BUDGET = 10


def changelist_url(model_name):
    return reverse(f"admin:articles_{model_name}_changelist")


def listed(response):
    return list(response.context["cl"].result_list)


def article_post_data(**overrides):
    """What the Article add form sends, with an empty gallery."""
    data = {
        "title_cs": "Velvyslanec Kazachstánu navštívil Plzeňský kraj",
        "title_en": "Ambassador of Kazakhstan visited the Pilsen Region",
        "title_de": "Botschafter Kasachstans besuchte die Region Pilsen",
        "slug_cs": "",
        "slug_en": "",
        "slug_de": "",
        "lead_en": "The Governor received the Ambassador.",
        "body_en": "<p>Text.</p><script>alert(1)</script>",
        "status": Article.Status.PUBLISHED,
        "published_at_0": "2024-05-09",
        "published_at_1": "14:51:00",
        "byline": "Ing. Milan Kozel",
        "main_image_credit": "",
        "gallery-TOTAL_FORMS": "0",
        "gallery-INITIAL_FORMS": "0",
        "gallery-MIN_NUM_FORMS": "0",
        "gallery-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def test_every_model_of_the_app_is_editable_in_the_admin():
    inline_models = {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    # Held changes are reviewed on their article's pages (admin_review.py).
    reviewed_with_their_article = {PendingChange}
    for model in apps.get_app_config("articles").get_models():
        if model in reviewed_with_their_article:
            continue
        assert admin.site.is_registered(model) or model in inline_models, model


@pytest.mark.parametrize("model_name", ["article", "topic"])
def test_changelist_renders_for_superuser(admin_client_logged, model_name):
    factories.article(topics=[factories.topic()])

    response = admin_client_logged.get(changelist_url(model_name))

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize("model_name", ["article", "topic"])
def test_add_form_renders_for_superuser(admin_client_logged, model_name):
    response = admin_client_logged.get(reverse(f"admin:articles_{model_name}_add"))

    assert response.status_code == 200
    assert "adminform" in response.context


def test_article_change_form_renders_for_superuser(admin_client_logged):
    article = factories.article(
        topics=[factories.topic()], countries=[factories.country("KZ")]
    )

    response = admin_client_logged.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )

    assert response.status_code == 200


def test_article_form_has_every_language_of_the_translated_fields(
    admin_client_logged,
):
    response = admin_client_logged.get(reverse("admin:articles_article_add"))

    form_fields = response.context["adminform"].form.fields
    for name in ("title", "slug", "lead", "body", "main_image_alt"):
        assert {f"{name}_cs", f"{name}_en", f"{name}_de"} <= set(form_fields)
        assert name not in form_fields


def test_article_add_form_saves_translations_and_relations(admin_client_logged):
    visit = factories.visit()
    kazakhstan = factories.country("KZ")
    ambassador = factories.person()
    skoda = factories.organisation()
    topic = factories.topic()

    response = admin_client_logged.post(
        reverse("admin:articles_article_add"),
        article_post_data(
            visits=[visit.pk],
            countries=[kazakhstan.pk],
            people=[ambassador.pk],
            organisations=[skoda.pk],
            topics=[topic.pk],
        ),
    )

    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get()
    assert article.title_de == "Botschafter Kasachstans besuchte die Region Pilsen"
    assert article.slug_en == "ambassador-of-kazakhstan-visited-the-pilsen-region"
    assert "<script>" not in article.body_en
    assert list(article.visits.all()) == [visit]
    assert list(article.countries.all()) == [kazakhstan]
    assert list(article.people.all()) == [ambassador]
    assert list(article.organisations.all()) == [skoda]
    assert list(article.topics.all()) == [topic]


def test_article_without_any_title_is_refused(admin_client_logged):
    response = admin_client_logged.post(
        reverse("admin:articles_article_add"),
        article_post_data(title_cs="", title_en="", title_de=""),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    assert not Article.objects.exists()


def test_published_article_links_to_its_public_page(admin_client_logged):
    article = factories.article()

    response = admin_client_logged.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )

    with translation.override("cs"):  # the admin's language when none is asked for
        url = article.get_absolute_url()
    assert response.context["has_absolute_url"]
    assert f'href="{url}"' in response.text


def test_draft_article_has_no_link_to_a_public_page(admin_client_logged):
    draft = factories.article(status=Article.Status.DRAFT)

    response = admin_client_logged.get(
        reverse("admin:articles_article_change", args=[draft.pk])
    )

    assert not response.context["has_absolute_url"]


def test_article_changelist_filters_by_country_code(admin_client_logged):
    kazakh = factories.article(countries=[factories.country("KZ")])
    factories.article(countries=[factories.country("DE")])

    response = admin_client_logged.get(changelist_url("article"), {"country": "kz"})

    assert listed(response) == [kazakh]


def test_article_changelist_filters_by_status(admin_client_logged):
    draft = factories.article(status=Article.Status.DRAFT)
    factories.article()

    response = admin_client_logged.get(
        changelist_url("article"), {"status__exact": "draft"}
    )

    assert listed(response) == [draft]


def test_article_changelist_filters_by_topic(admin_client_logged):
    economy = factories.topic()
    about_economy = factories.article(topics=[economy])
    factories.article(topics=[factories.topic()])

    response = admin_client_logged.get(
        changelist_url("article"), {"topics__id__exact": economy.pk}
    )

    assert listed(response) == [about_economy]


def test_article_changelist_drills_down_by_publication_year(admin_client_logged):
    old = factories.article(
        published_at=timezone.make_aware(datetime.datetime(2023, 6, 1, 12))
    )
    factories.article()

    response = admin_client_logged.get(
        changelist_url("article"), {"published_at__year": "2023"}
    )

    assert listed(response) == [old]


@pytest.mark.parametrize("term", ["Botschafter", "Velvyslanec", "Kozel"])
def test_article_search_covers_every_language_and_byline(admin_client_logged, term):
    article = factories.article(
        title_cs="Velvyslanec v kraji",
        title_en="Ambassador in the region",
        title_de="Botschafter in der Region",
        byline="Ing. Milan Kozel",
    )
    factories.article(byline="Someone Else")

    response = admin_client_logged.get(changelist_url("article"), {"q": term})

    assert listed(response) == [article]


def test_topic_autocomplete_matches_any_language(admin_client_logged):
    economy = factories.topic(
        name_cs="Ekonomika", name_en="Economy", name_de="Wirtschaft"
    )
    factories.topic(name_cs="Kultura", name_en="Culture", name_de="Kultur")

    response = admin_client_logged.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "topics",
            "term": "wirtschaft",
        },
    )

    assert [item["id"] for item in response.json()["results"]] == [str(economy.pk)]


def test_article_changelist_query_count_does_not_grow_with_rows(
    admin_client_logged, django_assert_max_num_queries
):
    topics = [factories.topic() for _ in range(3)]
    countries = [factories.country(code) for code in ("KZ", "DE", "AT")]
    for n in range(50):
        factories.article(topics=[topics[n % 3]], countries=[countries[n % 3]])

    with django_assert_max_num_queries(CHANGELIST_BUDGET):
        response = admin_client_logged.get(changelist_url("article"))

    assert len(listed(response)) == 50


def test_topic_changelist_query_count_does_not_grow_with_rows(
    admin_client_logged, django_assert_max_num_queries
):
    for _ in range(50):
        factories.topic()

    with django_assert_max_num_queries(CHANGELIST_BUDGET):
        response = admin_client_logged.get(changelist_url("topic"))

    assert len(listed(response)) == 50
