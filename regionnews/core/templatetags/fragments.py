"""{% cached_for_readers "name" %}...{% endcached_for_readers %}: a part of a
page that is the same for every anonymous reader of the same address, rendered
once per content generation (regionnews.core.content_generation).

For what costs much and changes only with a write: the filter forms, whose
choices come from every record (rendering their options is most of a cold list
page). The key is the name, the language and the path with its query (a filter
form shows the values and errors of the query); staff and anyone signed in get
it rendered afresh, since what they see depends on who they are.
"""

import hashlib

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from regionnews.core.content_generation import cached_for_generation

register = template.Library()


class ReaderFragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if request is None or user is None or user.is_authenticated:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"fragment:{name}:{translation.get_language()}:{address}"
        # The closure renders with this context only on a miss.
        html = cached_for_generation(key, lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 (the template's own output)


@register.tag
def cached_for_readers(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes one argument: the fragment's name"
        )
    nodelist = parser.parse(("endcached_for_readers",))
    parser.delete_first_token()
    return ReaderFragmentNode(nodelist, parser.compile_filter(bits[1]))
