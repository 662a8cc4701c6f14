"""Helpers for the editorial desk's admin tests: role members and form data.

`form_data()` reads a rendered admin change form the way a browser submits it,
so a test can open a form (GET), change a field or two and POST the rest back
untouched, hidden version field included.
"""

from django.contrib.auth.models import Group
from django.urls import reverse

from regionnews.core.roles import CHIEF_EDITOR, EDITOR, PROTOCOL_OFFICER, Role
from tests import factories, html_forms

__all__ = ["CHIEF_EDITOR", "EDITOR", "PROTOCOL_OFFICER", "form_data", "member"]


def member(role: Role, **kwargs):
    """A staff user whose only permissions come from *role*'s group."""
    user = factories.user(staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=role.name))
    return user


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def form_data(response, **changes) -> dict:
    """What the admin change form in *response* submits, with *changes* applied."""
    form_id = f"{response.context['opts'].model_name}_form"
    data = html_forms.form_data(response, form_id=form_id, **changes)
    data.setdefault("_save", "Save")
    return data
