"""{% cached_for_readers "name" [value ...] %}...{% endcached_for_readers %}: a
part of a page that is the same for every anonymous reader, rendered once per
content generation (regionnews.core.content_generation).

For what costs much and changes only with a write. Without values the key is
the name, the language and the path with its query: the filter forms, whose
choices come from every record and which show the query's values and errors,
and the visit list's results. With values, the key is the name, the language
and the values, shared by every page: a card of one article or visit
(`"visit-card" visit.pk heading`), the content of a record's page
(`"country-page" country.code`); the values must say everything the fragment
shows besides the content (the host, for absolute URLs). Staff and anyone
signed in get it rendered afresh, since what they see depends on who they
are.

A view whose context only such a fragment reads hands it over as entries
computed when read (`regionnews.core.views.computed_when_read`), so that a
kept fragment costs none of its queries.
"""

import hashlib

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from regionnews.core.content_generation import cached_for_generation

register = template.Library()


class ReaderFragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if request is None or user is None or user.is_authenticated:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        if self.values:
            vary = "|".join(str(value.resolve(context)) for value in self.values)
        else:
            vary = request.get_full_path()
        digest = hashlib.sha256(vary.encode()).hexdigest()
        key = f"fragment:{name}:{translation.get_language()}:{digest}"
        # The closure renders with this context only on a miss.
        html = cached_for_generation(key, lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 (the template's own output)


@register.tag
def cached_for_readers(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes the fragment's name and what it varies on"
        )
    nodelist = parser.parse(("endcached_for_readers",))
    parser.delete_first_token()
    name, *values = (parser.compile_filter(bit) for bit in bits[1:])
    return ReaderFragmentNode(nodelist, name, values)
