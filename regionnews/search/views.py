"""The search page: /<lang>/search/?q= (and ?type= for one kind's pages)."""

from functools import partial

from django import forms
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .results import result_kinds, search
from .text import MAX_QUERY_LENGTH, InvalidQuery, parse_query


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
        choices=result_kinds,
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

    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        query = results = None
        if form.is_valid() and form.cleaned_data["q"]:
            query = form.cleaned_data["q"]
            # Run when the page shows them: for readers, the results are kept
            # per content generation (the template's `cached_for_readers`),
            # so a query asked again before anything changes is not run again.
            results = SimpleLazyObject(
                partial(
                    search,
                    query,
                    user=self.request.user,
                    language=get_language(),
                    kind=form.cleaned_data["type"] or None,
                    page=self.request.GET.get("page"),
                )
            )
        context.update(form=form, query=query, results=results)
        return context
