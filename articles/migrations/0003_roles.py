"""Create the editorial desk's roles (groups) with their permissions.

Permissions are normally created after `migrate` has finished (post_migrate);
the groups need them now, so they are created first for every app, from this
migration's state of the models. regionnews.roles.sync_roles() then runs again
after every migrate and keeps the groups in step with the code.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from regionnews.core.roles import ROLES, sync_roles


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        # create_permissions() skips apps without a models module, which a
        # migration's app states do not have.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = None
    sync_roles(apps=apps, using=using)


def delete_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=[role.name for role in ROLES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_editorial_fields"),
        ("delegations", "0005_view_internal_notes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
