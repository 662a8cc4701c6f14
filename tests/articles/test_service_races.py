"""Services refuse stale writes: of many concurrent updates, one wins."""

import threading

import pytest
from django.db import connection, connections

from articles.models import Article
from articles.services import article_save
from regionnews.core.models import EditConflict
from tests import factories
from tests.editorial import EDITOR, member

RACERS = 20


@pytest.mark.django_db
def test_a_stale_update_through_the_service_is_refused():
    article = factories.article(status=Article.Status.DRAFT, published_at=None)
    stale = Article.objects.get(pk=article.pk)
    article_save(article=Article.objects.get(pk=article.pk), title={"en": "First"})

    with pytest.raises(EditConflict):
        article_save(article=stale, title={"en": "Second"})

    assert Article.objects.get(pk=article.pk).title_en == "First"


@pytest.mark.django_db
def test_an_editors_service_update_of_a_live_article_is_held():
    article = factories.article(title_en="Live")

    returned = article_save(
        article=Article.objects.get(pk=article.pk),
        title={"en": "Changed"},
        lead={"en": "Lead."},
        body={"en": "<p>Text.</p>"},
        status=Article.Status.PUBLISHED,
        published_at=article.published_at,
        user=member(EDITOR),
    )

    assert returned.title_en == "Live"
    assert Article.objects.published().get().title_en == "Live"
    assert article.pending_changes.get().fields["title_en"] == "Changed"


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="threads cannot share SQLite's in-memory test database",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_twenty_concurrent_updates_exactly_one_wins():
    article = factories.article(status=Article.Status.DRAFT, published_at=None)
    version = article.version
    start = threading.Barrier(RACERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    # Read in this thread: a racer holds no database connection (the pool has
    # fewer than twenty) until the barrier lets them all go at once.
    copies = [Article.objects.get(pk=article.pk) for _ in range(RACERS)]

    def update(n: int) -> None:
        try:
            copy = copies[n]
            start.wait(timeout=30)
            try:
                article_save(
                    article=copy,
                    title={"en": f"Racer {n}"},
                    expected_version=version,
                )
                outcome = "won"
            except EditConflict:
                outcome = "conflict"
            with lock:
                outcomes.append(outcome)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=update, args=(n,)) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes).count("won") == 1
    assert outcomes.count("conflict") == RACERS - 1
    stored = Article.objects.get(pk=article.pk)
    assert stored.version == version + 1
    assert stored.title_en.startswith("Racer ")
