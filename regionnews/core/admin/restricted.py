"""Fields only holders of a permission may see, in the form and the history."""

import contextvars

from django.core.exceptions import PermissionDenied

# The fields hidden from the user of the current compare view (see below).
_hidden_compare_fields: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "hidden_compare_fields", default=frozenset()
)


class RestrictedFieldsAdminMixin:
    """Fields only holders of a permission see: {"internal_notes": "app.perm"}.

    Left out of the form (so they can be neither seen nor posted), of the
    history's comparisons and of its raw fallback.
    """

    restricted_fields: dict[str, str] = {}

    def hidden_fields(self, request) -> frozenset[str]:
        return frozenset(
            name
            for name, permission in self.restricted_fields.items()
            if not request.user.has_perm(permission)
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        hidden = self.hidden_fields(request)
        if not hidden:
            return fieldsets
        visible = []
        for name, options in fieldsets:
            fields = [
                field for field in options.get("fields", ()) if field not in hidden
            ]
            if fields:
                visible.append((name, {**options, "fields": fields}))
        return visible

    def compare_view(self, request, object_id, extra_context=None):
        token = _hidden_compare_fields.set(self.hidden_fields(request))
        try:
            return super().compare_view(request, object_id, extra_context)
        finally:
            _hidden_compare_fields.reset(token)

    def compare(self, obj, version1, version2):
        diff, has_unfollowed_fields = super().compare(obj, version1, version2)
        hidden = _hidden_compare_fields.get()
        visible = [
            item for item in diff if getattr(item["field"], "name", None) not in hidden
        ]
        return visible, has_unfollowed_fields

    def compare_raw(self, request, obj, version1, version2, *args, **kwargs):
        if self.hidden_fields(request):
            # The raw fallback shows every stored value; not to this user.
            raise PermissionDenied
        return super().compare_raw(request, obj, version1, version2, *args, **kwargs)
