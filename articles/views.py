"""Home page and the public news pages; every queryset starts at `published()`."""

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from delegations.models import Visit
from delegations.selectors import (
    at_a_glance,
    partner_countries,
    visits_for_listing,
    with_people_and_itinerary,
)
from regionnews.core.views import KeptCountMixin, KeptObjectMixin, ShareableQueryMixin

from .filters import ArticleFilter
from .models import Article, GalleryImage
from .selectors import articles_for_listing

HOME_GRID = 6
HOME_VISITS = 3


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        visits = visits_for_listing(self.request.user)
        # The newest story leads; six more fill two rows of three (or three of
        # two) evenly.
        articles = list(articles_for_listing()[: 1 + HOME_GRID])
        upcoming = list(
            visits.filter(start_date__gt=today)
            .exclude(status=Visit.Status.CANCELLED)
            .order_by("start_date")[:HOME_VISITS]
        )
        # Upcoming and recent visits side by side, about as many of each (two
        # recent ones at least); with none planned, recent visits take the full
        # width, two by two.
        recent = visits.filter(start_date__lte=today).order_by("-start_date")[
            : max(len(upcoming), 2) if upcoming else 4
        ]
        partners = partner_countries()
        context.update(
            featured_article=articles[0] if articles else None,
            latest_articles=articles[1:],
            recent_visits=recent,
            upcoming_visits=upcoming,
            partner_countries=partners,
            glance=at_a_glance(today.year, partners),
            glance_year=str(today.year),
        )
        return context


class ArticleListView(ShareableQueryMixin, KeptCountMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 10

    def get_queryset(self):
        self.filterset = ArticleFilter(
            self.request.GET or None,
            queryset=articles_for_listing(),
            request=self.request,
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            return Article.objects.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        return context


def with_page_relations(articles):
    """What the article page shows besides the article, in a fixed number of queries.

    Shared by the public page and the staff preview, which differ only in which
    articles they may show. Linked visits are the public ones, for staff too: an
    article page is the public record.
    """
    visits = with_people_and_itinerary(Visit.objects.public())
    return articles.prefetch_related(
        "topics",
        "countries",
        "people",
        "organisations",
        Prefetch("visits", queryset=visits, to_attr="visit_list"),
        Prefetch(
            "gallery",
            queryset=GalleryImage.objects.order_by("order", "pk"),
            to_attr="gallery_list",
        ),
    )


class ArticlePageView(DetailView):
    """The article page, for the public view and the staff preview."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return with_page_relations(Article.objects.published())


class ArticleDetailView(KeptObjectMixin, ArticlePageView):
    """The article and what its page shows (ten queries), kept until the
    content changes: the same for every reader, staff included."""

    model = Article
    kept_for_staff = True
