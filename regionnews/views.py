"""Site-wide views that belong to no single app."""

from django import forms
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from .search import ResultKind, search
from .search_text import MAX_QUERY_LENGTH, InvalidQuery, parse_query


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


class SearchForm(forms.Form):
    """?q= (and ?type= for one type's pages); a refused query is a form error."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        strip=True,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH}),
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[(kind.value, kind.label) for kind in ResultKind],
    )

    def clean_q(self):
        text = self.cleaned_data["q"]
        if not text:
            return None
        try:
            return parse_query(text)
        except InvalidQuery as error:
            raise forms.ValidationError(error.message, code="invalid") from None


class SearchView(TemplateView):
    """/<lang>/search/?q=: the form alone until there is something to look for."""

    template_name = "core/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        results = None
        if form.is_valid() and form.cleaned_data["q"]:
            results = search(
                form.cleaned_data["q"],
                user=self.request.user,
                language=get_language(),
                kind=form.cleaned_data["type"] or None,
                page=self.request.GET.get("page"),
            )
        context.update(form=form, results=results)
        return context
