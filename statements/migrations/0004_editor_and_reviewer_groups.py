"""The two curation groups: Editors write and submit drafts, Reviewers also publish and reject."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED = ("official", "post", "outlet", "topic", "statement", "claim")
EDITOR_ACTIONS = ("add", "change", "view")
REVIEWER_ACTIONS = ("add", "change", "delete", "view")


def codenames(actions):
    return [f"{action}_{model}" for model in CURATED for action in actions]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("statements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    assign_groups(apps)


def assign_groups(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label="statements")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(ours.filter(codename__in=codenames(EDITOR_ACTIONS)))
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")
    reviewer_codenames = [*codenames(REVIEWER_ACTIONS), "publish_statement"]
    reviewers.permissions.set(ours.filter(codename__in=reviewer_codenames))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Reviewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("statements", "0003_publication_status_and_history"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
