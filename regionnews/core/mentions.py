"""Records that published content mentions, without importing that content.

A person or an organisation is public when a public visit includes it *or* a
published article is about it. The second half belongs to the articles app,
which sits above delegations: delegations may not import it. So an app whose
published objects mention records of a lower app registers a condition here,
from its AppConfig.ready(), and the lower app's `public()` ORs in `mentioned()`.
"""

from collections import defaultdict
from collections.abc import Callable

from django.db import models
from django.db.models import Q

# Per model label ("delegations.person"): callables returning a condition on
# that model's rows (typically Exists(...filter(field=OuterRef("pk")))).
_conditions: dict[str, list[Callable[[], models.Expression | Q]]] = defaultdict(list)


def register_mention(
    model: type[models.Model], condition: Callable[[], models.Expression | Q]
) -> None:
    """Count rows of *model* matching `condition()` as mentioned by public content."""
    if condition not in _conditions[model._meta.label]:
        _conditions[model._meta.label].append(condition)


def mentioned(model: type[models.Model]) -> Q:
    """The condition "some published content mentions this row" (empty: none)."""
    condition = Q()
    for make in _conditions[model._meta.label]:
        condition |= Q(make())
    return condition
