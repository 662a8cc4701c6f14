"""The editorial desk's roles: which group may do what.

Each role is a Django group whose permissions are defined here, in code, and
nothing else: `sync_roles()` creates the groups and sets each one's
permissions to exactly this list. It runs in the data migration
articles/0003_roles and after every `migrate` (the post_migrate receiver in
articles/apps.py), so a permission added to or taken from a group by hand is put
back the next time the project is deployed. People get a role by being added
to the group in the admin (Users › Groups).

Group names are stored in English: they are what `sync_roles()` finds the groups
by, and must not change with the interface language of whoever deployed.
`Role.label` and `Role.description` are the translated texts for the interface.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    name: str
    label: Promise
    description: Promise
    permissions: tuple[str, ...]


def _model_permissions(model: str, *actions: str) -> tuple[str, ...]:
    """("articles.article", "add", "view") -> articles.add_article, ..."""
    app_label, model_name = model.split(".")
    return tuple(f"{app_label}.{action}_{model_name}" for action in actions)


EDITOR_PERMISSIONS = (
    *_model_permissions("articles.article", "add", "change", "view"),
    *_model_permissions("articles.topic", "add", "change", "view"),
    # Taking a photo out of an article's gallery deletes its gallery image.
    *_model_permissions("articles.galleryimage", "add", "change", "delete", "view"),
    # Where an article came from, and the answers given to its suggested links.
    *_model_permissions("articles.importedversion", "view"),
    *_model_permissions("articles.suggestiondecision", "view"),
    # What an article links to, picked with autocomplete but not edited here.
    *_model_permissions("delegations.visit", "view"),
    *_model_permissions("delegations.person", "view"),
    *_model_permissions("delegations.organisation", "view"),
    *_model_permissions("delegations.country", "view"),
)

CHIEF_EDITOR_PERMISSIONS = (
    *EDITOR_PERMISSIONS,
    "articles.publish_article",
    "articles.delete_article",
    # The archive import (an upload runs as an ImportJob); only chief editors,
    # since it may publish.
    *_model_permissions("articles.importjob", "add", "view"),
)

PROTOCOL_OFFICER_PERMISSIONS = (
    *_model_permissions("delegations.visit", "add", "change", "view"),
    # Removing a participant or a stop from a visit deletes that row.
    *_model_permissions("delegations.participation", "add", "change", "delete", "view"),
    *_model_permissions("delegations.stop", "add", "change", "delete", "view"),
    *_model_permissions("delegations.person", "add", "change", "view"),
    *_model_permissions("delegations.organisation", "add", "change", "view"),
    *_model_permissions("delegations.country", "view"),
    "delegations.view_internal_notes",
    # The CSV/JSON export holds internal visits.
    "delegations.export_visits",
    # They read the articles about their visits; writing them (and "Write the
    # article", whose draft must be finished) stays with the editors.
    *_model_permissions("articles.article", "view"),
    # The review queue of visits proposed from articles' texts: accepting one
    # goes through "Propose a visit" (add_visit); rejecting changes its status.
    *_model_permissions("articles.visitproposal", "change", "view"),
)

EDITOR = Role(
    name="Editor",
    label=_("Editor"),
    description=_("Writes and translates articles; cannot publish them."),
    permissions=EDITOR_PERMISSIONS,
)
CHIEF_EDITOR = Role(
    name="Chief editor",
    label=_("Chief editor"),
    description=_("Everything an editor does, and publishes and deletes articles."),
    permissions=CHIEF_EDITOR_PERMISSIONS,
)
PROTOCOL_OFFICER = Role(
    name="Protocol officer",
    label=_("Protocol officer"),
    description=_("Records visits, people and organisations, with the internal notes."),
    permissions=PROTOCOL_OFFICER_PERMISSIONS,
)

ROLES = (EDITOR, CHIEF_EDITOR, PROTOCOL_OFFICER)


def role_label(group_name: str) -> str:
    """The translated name of a role's group (other groups keep their name)."""
    for role in ROLES:
        if role.name == group_name:
            return str(role.label)
    return group_name


def sync_roles(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Create the role groups and give each exactly its permissions.

    Idempotent. `apps` is the app registry to take Group and Permission from
    (a migration passes its historical one). Returns the permissions that do
    not exist (yet): a data migration may run before a later migration adds
    one, and the post_migrate run completes the groups then.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {perm for role in ROLES for perm in role.permissions}
    lookup = Q()
    for perm in wanted:
        app_label, codename = perm.split(".")
        lookup |= Q(content_type__app_label=app_label, codename=codename)
    found = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.using(using)
        .filter(lookup)
        .values_list("pk", "content_type__app_label", "codename")
    }
    for role in ROLES:
        group, _created = Group.objects.using(using).get_or_create(name=role.name)
        group.permissions.set(
            [found[perm] for perm in role.permissions if perm in found]
        )
    return sorted(wanted - found.keys())


def sync_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate receiver: put the groups back to their defined permissions."""
    sync_roles(using=using)
