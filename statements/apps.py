from importlib import import_module

from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statements"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import_module("statements.curation.admin")  # registers the models with the admin
        import_module("statements.curation.position_change_admin")
        import_module("statements.curation.undelete")  # connects its signal receiver
        import_module("statements.ops.statistics")  # gathers statistics after each migrate
