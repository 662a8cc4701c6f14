"""View mixins the public lists share."""

from django.http import HttpResponseRedirect


class ShareableQueryMixin:
    """Drop empty parameters from a submitted GET form with a redirect.

    A form submits every field, so a reader who picks only a country gets
    "?q=&country=kz&year=..."; the short "?country=kz" is what they copy and
    share, and what search engines should see.
    """

    def get(self, request, *args, **kwargs):
        query = request.GET.copy()
        empty = [key for key, values in query.lists() if not any(values)]
        if empty:
            for key in empty:
                del query[key]
            encoded = query.urlencode()
            return HttpResponseRedirect(
                request.path + (f"?{encoded}" if encoded else "")
            )
        return super().get(request, *args, **kwargs)
