"""Giving the curation groups (migration 0004) the permissions of a model added later: Editors
draft and submit, Reviewers also delete (and publish, where the model has it)."""

from collections.abc import Callable

from django.contrib.auth.management import create_permissions


def group_permissions(editors: list[str], reviewers: list[str]) -> tuple[Callable, ...]:
    """`assign(apps)`, and a migration's forward and backward functions for these codenames."""

    def assign(apps) -> None:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        ours = Permission.objects.filter(content_type__app_label="statements")
        for name, codenames in (("Editors", editors), ("Reviewers", reviewers)):
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.add(*ours.filter(codename__in=codenames))

    def grant(apps, schema_editor) -> None:
        # Permissions are normally created after all migrations; the groups need them now.
        app_config = apps.get_app_config("statements")
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        assign(apps)

    def revoke(apps, schema_editor) -> None:
        Permission = apps.get_model("auth", "Permission")
        ours = Permission.objects.filter(content_type__app_label="statements")
        ours.filter(codename__in=reviewers).delete()

    return assign, grant, revoke
