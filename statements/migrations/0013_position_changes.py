"""Position changes: an editor's rating of how an official's position on a topic moved between
two statements. Their table changes the data's version, as statements and claims do (0005,
0007), and the curation groups get their permissions (0004): editors draft and submit,
reviewers also publish, reject and delete."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from statements.migrations._data_version import version_triggers
from statements.migrations._group_permissions import group_permissions
from statements.migrations._per_database import per_database

ADD_TRIGGERS, REMOVE_TRIGGERS = version_triggers("statements_positionchange")

EDITOR_CODENAMES = ["add_positionchange", "change_positionchange", "view_positionchange"]
REVIEWER_CODENAMES = [*EDITOR_CODENAMES, "delete_positionchange", "publish_positionchange"]


assign_position_change_permissions, grant, revoke = group_permissions(
    EDITOR_CODENAMES, REVIEWER_CODENAMES
)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0012_statement_body_start"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalPositionChange",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "rating",
                    models.CharField(
                        choices=[
                            ("unchanged", "Unchanged"),
                            ("hardened", "Hardened"),
                            ("softened", "Softened"),
                            ("reversed", "Reversed"),
                            ("new_position", "New position"),
                        ],
                        help_text="How did the position move? Hardened: firmer or more demanding; softened: more conciliatory or hopeful; reversed: the opposite; new position: one the earlier statement did not take.",
                        max_length=12,
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        help_text="One neutral line: what do the two statements show? Nothing they do not say.",
                        max_length=300,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("rejected", "Rejected"),
                        ],
                        default="draft",
                        help_text="Only published changes between published statements appear on public pages.",
                        max_length=10,
                    ),
                ),
                ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                ("created", models.DateTimeField(blank=True, editable=False)),
                ("modified", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "earlier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The statement the position moved from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.statement",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "later",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The later statement it moved to.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.statement",
                    ),
                ),
                (
                    "official",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Whose?",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.official",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Who published or rejected it.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="On what?",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.topic",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical position change",
                "verbose_name_plural": "historical position changes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PositionChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "rating",
                    models.CharField(
                        choices=[
                            ("unchanged", "Unchanged"),
                            ("hardened", "Hardened"),
                            ("softened", "Softened"),
                            ("reversed", "Reversed"),
                            ("new_position", "New position"),
                        ],
                        help_text="How did the position move? Hardened: firmer or more demanding; softened: more conciliatory or hopeful; reversed: the opposite; new position: one the earlier statement did not take.",
                        max_length=12,
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        help_text="One neutral line: what do the two statements show? Nothing they do not say.",
                        max_length=300,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("rejected", "Rejected"),
                        ],
                        default="draft",
                        help_text="Only published changes between published statements appear on public pages.",
                        max_length=10,
                    ),
                ),
                ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                ("created", models.DateTimeField(auto_now_add=True)),
                ("modified", models.DateTimeField(auto_now=True)),
                (
                    "earlier",
                    models.ForeignKey(
                        help_text="The statement the position moved from.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="changes_from",
                        to="statements.statement",
                    ),
                ),
                (
                    "later",
                    models.ForeignKey(
                        help_text="The later statement it moved to.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="changes_to",
                        to="statements.statement",
                    ),
                ),
                (
                    "official",
                    models.ForeignKey(
                        help_text="Whose?",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="position_changes",
                        to="statements.official",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="Who published or rejected it.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        help_text="On what?",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="position_changes",
                        to="statements.topic",
                    ),
                ),
            ],
            options={
                "ordering": ["official", "topic", "later__date", "id"],
                "permissions": [
                    ("publish_positionchange", "Can publish or reject position changes")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("earlier", models.F("later")), _negated=True),
                        name="position_change_between_two_statements",
                        violation_error_message="A change needs two different statements.",
                    ),
                    models.UniqueConstraint(
                        fields=("topic", "earlier", "later"),
                        name="position_change_unique",
                        violation_error_message="This change is already recorded.",
                    ),
                ],
            },
        ),
        per_database(ADD_TRIGGERS, REMOVE_TRIGGERS),
        migrations.RunPython(grant, revoke),
    ]
