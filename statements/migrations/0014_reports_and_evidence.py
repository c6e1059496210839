"""One occasion, many reports: a statement's text moves into its first report, and each claim's
span into its main evidence in that report, with every span intact; back again in reverse.

Statements are named by a uid from here on (their natural key was their text's hash). The
full-text index is made again to read every report's evidence, and the database refuses
evidence that is not its report's text at its span (see _report_search.py).
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.text
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from statements.migrations._claim_search import SQLITE_TRIGGERS, postgres_refresh, sqlite_triggers
from statements.migrations._data_version import version_triggers
from statements.migrations._group_permissions import group_permissions
from statements.migrations._per_database import per_database
from statements.migrations._report_search import (
    POSTGRES_BACKWARD,
    OLD_DELETE_TRIGGER,
    POSTGRES_FORWARD,
    sqlite_backward,
    sqlite_forward,
    sqlite_set_aside_before,
)
from statements.migrations._report_split import (
    join_reports,
    move_ids_past_history,
    split_into_reports,
)

OLD_SQLITE_INDEX = [
    "DELETE FROM claim_search",
    """INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
        SELECT c.id, c.quote, c.summary,
            substr(s.source_text, c.span_start + 1, c.span_end - c.span_start), s.headline
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id""",
]
OLD_POSTGRES_STATEMENT_TRIGGER = """CREATE TRIGGER claim_search_statement
    AFTER UPDATE OF headline, source_text ON statements_statement
    FOR EACH ROW EXECUTE FUNCTION claim_search_statement_changed()"""


def old_version_triggers() -> list[str]:
    return [
        sql
        for table in ("statements_statement", "statements_claim")
        for sql in version_triggers(table)[0]["sqlite"]
    ]


# The triggers that name the columns moving out are set aside first, and put back in reverse.
set_triggers_aside = per_database(
    {
        "sqlite": sqlite_set_aside_before(),
        "postgresql": ["DROP TRIGGER claim_search_statement ON statements_statement"],
    },
    {
        "sqlite": [
            *(f"DROP TRIGGER IF EXISTS {name}" for name in [*SQLITE_TRIGGERS, "claim_search_delete"]),
            *sqlite_triggers("summary"),
            OLD_DELETE_TRIGGER,
            *old_version_triggers(),
            *OLD_SQLITE_INDEX,
        ],
        "postgresql": [
            *postgres_refresh("summary"),
            OLD_POSTGRES_STATEMENT_TRIGGER,
            "SELECT claim_search_refresh(ARRAY(SELECT id FROM statements_claim))",
        ],
    },
)


# Reports and evidence are curated with their statement and claims, under the same rights.
EDITOR_CODENAMES = [f"{a}_{m}" for m in ("report", "evidence") for a in ("add", "change", "view")]
REVIEWER_CODENAMES = [*EDITOR_CODENAMES, "delete_report", "delete_evidence"]


assign_report_permissions, grant, revoke = group_permissions(
    EDITOR_CODENAMES, REVIEWER_CODENAMES
)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0013_position_changes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        set_triggers_aside,
        migrations.CreateModel(
            name="Report",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(default=0, help_text="Position among the reports."),
                ),
                (
                    "is_primary",
                    models.BooleanField(
                        default=False,
                        help_text="Is this the primary source: the venue's own transcript or publication?",
                    ),
                ),
                (
                    "source_url",
                    models.URLField(
                        blank=True,
                        max_length=1000,
                        validators=[
                            django.core.validators.URLValidator(
                                message="Enter a web address starting with http:// or https://.",
                                schemes=["http", "https"],
                            )
                        ],
                    ),
                ),
                (
                    "published_on",
                    models.DateField(
                        blank=True,
                        help_text="When did the outlet publish it? Leave empty if unknown.",
                        null=True,
                    ),
                ),
                (
                    "dateline",
                    models.CharField(
                        blank=True, help_text="Place in the dateline.", max_length=200
                    ),
                ),
                (
                    "headline_as_printed",
                    models.CharField(
                        blank=True,
                        help_text="The outlet's headline, word for word.",
                        max_length=500,
                    ),
                ),
                (
                    "title_as_given",
                    models.CharField(
                        blank=True,
                        help_text="The speaker's title, word for word as printed.",
                        max_length=500,
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("af", "Afrikaans"),
                            ("ar", "Arabic"),
                            ("ar-dz", "Algerian Arabic"),
                            ("ast", "Asturian"),
                            ("az", "Azerbaijani"),
                            ("bg", "Bulgarian"),
                            ("be", "Belarusian"),
                            ("bn", "Bengali"),
                            ("br", "Breton"),
                            ("bs", "Bosnian"),
                            ("ca", "Catalan"),
                            ("ckb", "Central Kurdish (Sorani)"),
                            ("cs", "Czech"),
                            ("cy", "Welsh"),
                            ("da", "Danish"),
                            ("de", "German"),
                            ("dsb", "Lower Sorbian"),
                            ("el", "Greek"),
                            ("en", "English"),
                            ("en-au", "Australian English"),
                            ("en-gb", "British English"),
                            ("eo", "Esperanto"),
                            ("es", "Spanish"),
                            ("es-ar", "Argentinian Spanish"),
                            ("es-co", "Colombian Spanish"),
                            ("es-mx", "Mexican Spanish"),
                            ("es-ni", "Nicaraguan Spanish"),
                            ("es-ve", "Venezuelan Spanish"),
                            ("et", "Estonian"),
                            ("eu", "Basque"),
                            ("fa", "Persian"),
                            ("fi", "Finnish"),
                            ("fr", "French"),
                            ("fy", "Frisian"),
                            ("ga", "Irish"),
                            ("gd", "Scottish Gaelic"),
                            ("gl", "Galician"),
                            ("he", "Hebrew"),
                            ("hi", "Hindi"),
                            ("hr", "Croatian"),
                            ("hsb", "Upper Sorbian"),
                            ("hu", "Hungarian"),
                            ("hy", "Armenian"),
                            ("ia", "Interlingua"),
                            ("id", "Indonesian"),
                            ("ig", "Igbo"),
                            ("io", "Ido"),
                            ("is", "Icelandic"),
                            ("it", "Italian"),
                            ("ja", "Japanese"),
                            ("ka", "Georgian"),
                            ("kab", "Kabyle"),
                            ("kk", "Kazakh"),
                            ("km", "Khmer"),
                            ("kn", "Kannada"),
                            ("ko", "Korean"),
                            ("ky", "Kyrgyz"),
                            ("lb", "Luxembourgish"),
                            ("lt", "Lithuanian"),
                            ("lv", "Latvian"),
                            ("mk", "Macedonian"),
                            ("ml", "Malayalam"),
                            ("mn", "Mongolian"),
                            ("mr", "Marathi"),
                            ("ms", "Malay"),
                            ("my", "Burmese"),
                            ("nb", "Norwegian Bokmål"),
                            ("ne", "Nepali"),
                            ("nl", "Dutch"),
                            ("nn", "Norwegian Nynorsk"),
                            ("os", "Ossetic"),
                            ("pa", "Punjabi"),
                            ("pl", "Polish"),
                            ("pt", "Portuguese"),
                            ("pt-br", "Brazilian Portuguese"),
                            ("ro", "Romanian"),
                            ("ru", "Russian"),
                            ("sk", "Slovak"),
                            ("sl", "Slovenian"),
                            ("sq", "Albanian"),
                            ("sr", "Serbian"),
                            ("sr-latn", "Serbian Latin"),
                            ("sv", "Swedish"),
                            ("sw", "Swahili"),
                            ("ta", "Tamil"),
                            ("te", "Telugu"),
                            ("tg", "Tajik"),
                            ("th", "Thai"),
                            ("tk", "Turkmen"),
                            ("tr", "Turkish"),
                            ("tt", "Tatar"),
                            ("udm", "Udmurt"),
                            ("ug", "Uyghur"),
                            ("uk", "Ukrainian"),
                            ("ur", "Urdu"),
                            ("uz", "Uzbek"),
                            ("vi", "Vietnamese"),
                            ("zh-hans", "Simplified Chinese"),
                            ("zh-hant", "Traditional Chinese"),
                        ],
                        default="en",
                        help_text="Language of the text.",
                        max_length=10,
                    ),
                ),
                (
                    "source_text",
                    models.TextField(
                        help_text="The full text, exactly as received. It cannot be changed once saved: evidence is found by its offsets in this text."
                    ),
                ),
                ("source_hash", models.CharField(editable=False, max_length=64, unique=True)),
                (
                    "body_start",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Where the article's own words begin in the text, past the date marker and any page furniture copied with it. Pages show the text from here; offsets into the text are unchanged. Left at 0, it is set to just after the date marker.",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1, editable=False, help_text="How many times has it been saved?"
                    ),
                ),
                ("created", models.DateTimeField(auto_now_add=True)),
                ("modified", models.DateTimeField(auto_now=True)),
            ],
            options={
                "ordering": ["statement", "order", "id"],
            },
        ),
        migrations.CreateModel(
            name="Evidence",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "is_main",
                    models.BooleanField(
                        default=False,
                        help_text="Is this the evidence pages show first for the claim?",
                    ),
                ),
                (
                    "quote",
                    models.TextField(
                        blank=True,
                        help_text="The exact words as printed. Leave empty only for a reported, unquoted position.",
                    ),
                ),
                (
                    "span_start",
                    models.PositiveIntegerField(
                        help_text="Where the evidence starts in the report."
                    ),
                ),
                (
                    "span_end",
                    models.PositiveIntegerField(help_text="Where the evidence ends in the report."),
                ),
            ],
            options={
                "verbose_name_plural": "evidence",
                "ordering": ["claim", "-is_main", "report__order", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalReport",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(default=0, help_text="Position among the reports."),
                ),
                (
                    "is_primary",
                    models.BooleanField(
                        default=False,
                        help_text="Is this the primary source: the venue's own transcript or publication?",
                    ),
                ),
                (
                    "source_url",
                    models.URLField(
                        blank=True,
                        max_length=1000,
                        validators=[
                            django.core.validators.URLValidator(
                                message="Enter a web address starting with http:// or https://.",
                                schemes=["http", "https"],
                            )
                        ],
                    ),
                ),
                (
                    "published_on",
                    models.DateField(
                        blank=True,
                        help_text="When did the outlet publish it? Leave empty if unknown.",
                        null=True,
                    ),
                ),
                (
                    "dateline",
                    models.CharField(
                        blank=True, help_text="Place in the dateline.", max_length=200
                    ),
                ),
                (
                    "headline_as_printed",
                    models.CharField(
                        blank=True,
                        help_text="The outlet's headline, word for word.",
                        max_length=500,
                    ),
                ),
                (
                    "title_as_given",
                    models.CharField(
                        blank=True,
                        help_text="The speaker's title, word for word as printed.",
                        max_length=500,
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("af", "Afrikaans"),
                            ("ar", "Arabic"),
                            ("ar-dz", "Algerian Arabic"),
                            ("ast", "Asturian"),
                            ("az", "Azerbaijani"),
                            ("bg", "Bulgarian"),
                            ("be", "Belarusian"),
                            ("bn", "Bengali"),
                            ("br", "Breton"),
                            ("bs", "Bosnian"),
                            ("ca", "Catalan"),
                            ("ckb", "Central Kurdish (Sorani)"),
                            ("cs", "Czech"),
                            ("cy", "Welsh"),
                            ("da", "Danish"),
                            ("de", "German"),
                            ("dsb", "Lower Sorbian"),
                            ("el", "Greek"),
                            ("en", "English"),
                            ("en-au", "Australian English"),
                            ("en-gb", "British English"),
                            ("eo", "Esperanto"),
                            ("es", "Spanish"),
                            ("es-ar", "Argentinian Spanish"),
                            ("es-co", "Colombian Spanish"),
                            ("es-mx", "Mexican Spanish"),
                            ("es-ni", "Nicaraguan Spanish"),
                            ("es-ve", "Venezuelan Spanish"),
                            ("et", "Estonian"),
                            ("eu", "Basque"),
                            ("fa", "Persian"),
                            ("fi", "Finnish"),
                            ("fr", "French"),
                            ("fy", "Frisian"),
                            ("ga", "Irish"),
                            ("gd", "Scottish Gaelic"),
                            ("gl", "Galician"),
                            ("he", "Hebrew"),
                            ("hi", "Hindi"),
                            ("hr", "Croatian"),
                            ("hsb", "Upper Sorbian"),
                            ("hu", "Hungarian"),
                            ("hy", "Armenian"),
                            ("ia", "Interlingua"),
                            ("id", "Indonesian"),
                            ("ig", "Igbo"),
                            ("io", "Ido"),
                            ("is", "Icelandic"),
                            ("it", "Italian"),
                            ("ja", "Japanese"),
                            ("ka", "Georgian"),
                            ("kab", "Kabyle"),
                            ("kk", "Kazakh"),
                            ("km", "Khmer"),
                            ("kn", "Kannada"),
                            ("ko", "Korean"),
                            ("ky", "Kyrgyz"),
                            ("lb", "Luxembourgish"),
                            ("lt", "Lithuanian"),
                            ("lv", "Latvian"),
                            ("mk", "Macedonian"),
                            ("ml", "Malayalam"),
                            ("mn", "Mongolian"),
                            ("mr", "Marathi"),
                            ("ms", "Malay"),
                            ("my", "Burmese"),
                            ("nb", "Norwegian Bokmål"),
                            ("ne", "Nepali"),
                            ("nl", "Dutch"),
                            ("nn", "Norwegian Nynorsk"),
                            ("os", "Ossetic"),
                            ("pa", "Punjabi"),
                            ("pl", "Polish"),
                            ("pt", "Portuguese"),
                            ("pt-br", "Brazilian Portuguese"),
                            ("ro", "Romanian"),
                            ("ru", "Russian"),
                            ("sk", "Slovak"),
                            ("sl", "Slovenian"),
                            ("sq", "Albanian"),
                            ("sr", "Serbian"),
                            ("sr-latn", "Serbian Latin"),
                            ("sv", "Swedish"),
                            ("sw", "Swahili"),
                            ("ta", "Tamil"),
                            ("te", "Telugu"),
                            ("tg", "Tajik"),
                            ("th", "Thai"),
                            ("tk", "Turkmen"),
                            ("tr", "Turkish"),
                            ("tt", "Tatar"),
                            ("udm", "Udmurt"),
                            ("ug", "Uyghur"),
                            ("uk", "Ukrainian"),
                            ("ur", "Urdu"),
                            ("uz", "Uzbek"),
                            ("vi", "Vietnamese"),
                            ("zh-hans", "Simplified Chinese"),
                            ("zh-hant", "Traditional Chinese"),
                        ],
                        default="en",
                        help_text="Language of the text.",
                        max_length=10,
                    ),
                ),
                (
                    "source_text",
                    models.TextField(
                        help_text="The full text, exactly as received. It cannot be changed once saved: evidence is found by its offsets in this text."
                    ),
                ),
                ("source_hash", models.CharField(db_index=True, editable=False, max_length=64)),
                (
                    "body_start",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Where the article's own words begin in the text, past the date marker and any page furniture copied with it. Pages show the text from here; offsets into the text are unchanged. Left at 0, it is set to just after the date marker.",
                    ),
                ),
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
            ],
            options={
                "verbose_name": "historical report",
                "verbose_name_plural": "historical reports",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEvidence",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "is_main",
                    models.BooleanField(
                        default=False,
                        help_text="Is this the evidence pages show first for the claim?",
                    ),
                ),
                (
                    "quote",
                    models.TextField(
                        blank=True,
                        help_text="The exact words as printed. Leave empty only for a reported, unquoted position.",
                    ),
                ),
                (
                    "span_start",
                    models.PositiveIntegerField(
                        help_text="Where the evidence starts in the report."
                    ),
                ),
                (
                    "span_end",
                    models.PositiveIntegerField(help_text="Where the evidence ends in the report."),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical evidence",
                "verbose_name_plural": "historical evidence",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="report",
            name="statement",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="reports",
                to="statements.statement",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="outlet",
            field=models.ForeignKey(
                blank=True,
                help_text="Who published this text?",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reports",
                to="statements.outlet",
            ),
        ),
        migrations.AddField(
            model_name="historicalreport",
            name="statement",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.statement",
            ),
        ),
        migrations.AddField(
            model_name="historicalreport",
            name="outlet",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who published this text?",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.outlet",
            ),
        ),
        migrations.AddField(
            model_name="historicalreport",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="evidence",
            name="claim",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="evidence_spans",
                to="statements.claim",
            ),
        ),
        migrations.AddField(
            model_name="evidence",
            name="report",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="evidence_spans",
                to="statements.report",
            ),
        ),
        migrations.AddField(
            model_name="historicalevidence",
            name="claim",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.claim",
            ),
        ),
        migrations.AddField(
            model_name="historicalevidence",
            name="report",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.report",
            ),
        ),
        migrations.AddField(
            model_name="historicalevidence",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="wording",
            field=models.CharField(
                choices=[
                    ("single", "Single source"),
                    ("agrees", "Reports agree"),
                    ("differs", "Wording differs between reports"),
                ],
                default="single",
                editable=False,
                help_text="Do the reports give the same words? Kept up to date from the evidence.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="wording",
            field=models.CharField(
                choices=[
                    ("single", "Single source"),
                    ("agrees", "Reports agree"),
                    ("differs", "Wording differs between reports"),
                ],
                default="single",
                editable=False,
                help_text="Do the reports give the same words? Kept up to date from the evidence.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="uid",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="historicalstatement",
            name="uid",
            field=models.UUIDField(null=True, editable=False),
        ),
        # Taken back, these columns come back empty: they are required (and the hash unique)
        # again once the reports have filled them.
        migrations.AlterField(
            model_name="statement",
            name="source_hash",
            field=models.CharField(max_length=64, null=True, editable=False),
        ),
        migrations.AlterField(
            model_name="historicalstatement",
            name="source_hash",
            field=models.CharField(max_length=64, null=True, editable=False, db_index=True),
        ),
        *(
            migrations.AlterField(
                model_name=model, name="source_text", field=models.TextField(null=True)
            )
            for model in ("statement", "historicalstatement")
        ),
        *(
            migrations.AlterField(
                model_name=model, name=name, field=models.PositiveIntegerField(null=True)
            )
            for model in ("claim", "historicalclaim")
            for name in ("span_start", "span_end")
        ),
        migrations.RemoveConstraint(
            model_name="claim",
            name="claim_span_not_empty",
        ),
        migrations.RemoveConstraint(
            model_name="claim",
            name="claim_quote_fills_span",
        ),
        migrations.RemoveConstraint(
            model_name="claim",
            name="claim_direct_quote_has_words",
        ),
        migrations.RunPython(split_into_reports, join_reports),
        migrations.AlterField(
            model_name="statement",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="A name that never changes.",
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="historicalstatement",
            name="uid",
            field=models.UUIDField(
                db_index=True,
                default=uuid.uuid4,
                editable=False,
                help_text="A name that never changes.",
            ),
        ),
        migrations.RemoveField(
            model_name="claim",
            name="quote",
        ),
        migrations.RemoveField(
            model_name="claim",
            name="span_end",
        ),
        migrations.RemoveField(
            model_name="claim",
            name="span_start",
        ),
        migrations.RemoveField(
            model_name="historicalclaim",
            name="quote",
        ),
        migrations.RemoveField(
            model_name="historicalclaim",
            name="span_end",
        ),
        migrations.RemoveField(
            model_name="historicalclaim",
            name="span_start",
        ),
        migrations.RemoveField(
            model_name="statement",
            name="body_start",
        ),
        migrations.RemoveField(
            model_name="statement",
            name="dateline",
        ),
        migrations.RemoveField(
            model_name="statement",
            name="language",
        ),
        migrations.RemoveField(
            model_name="statement",
            name="reporting_outlet",
        ),
        migrations.RemoveField(
            model_name="statement",
            name="source_hash",
        ),
        migrations.RemoveField(
            model_name="statement",
            name="source_text",
        ),
        migrations.RemoveField(
            model_name="statement",
            name="source_url",
        ),
        migrations.RemoveField(
            model_name="statement",
            name="title_as_given",
        ),
        migrations.RemoveField(
            model_name="historicalstatement",
            name="body_start",
        ),
        migrations.RemoveField(
            model_name="historicalstatement",
            name="dateline",
        ),
        migrations.RemoveField(
            model_name="historicalstatement",
            name="language",
        ),
        migrations.RemoveField(
            model_name="historicalstatement",
            name="reporting_outlet",
        ),
        migrations.RemoveField(
            model_name="historicalstatement",
            name="source_hash",
        ),
        migrations.RemoveField(
            model_name="historicalstatement",
            name="source_text",
        ),
        migrations.RemoveField(
            model_name="historicalstatement",
            name="source_url",
        ),
        migrations.RemoveField(
            model_name="historicalstatement",
            name="title_as_given",
        ),
        migrations.AlterField(
            model_name="statement",
            name="date_precision",
            field=models.CharField(
                choices=[("day", "Day"), ("month", "Month"), ("year", "Year")],
                default="day",
                help_text="How precisely do the sources date it? Month and year dates use the 1st.",
                max_length=5,
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="headline",
            field=models.CharField(
                help_text="One neutral line in our words: what was this statement?", max_length=300
            ),
        ),
        migrations.AlterField(
            model_name="historicalstatement",
            name="date_precision",
            field=models.CharField(
                choices=[("day", "Day"), ("month", "Month"), ("year", "Year")],
                default="day",
                help_text="How precisely do the sources date it? Month and year dates use the 1st.",
                max_length=5,
            ),
        ),
        migrations.AlterField(
            model_name="historicalstatement",
            name="headline",
            field=models.CharField(
                help_text="One neutral line in our words: what was this statement?", max_length=300
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["wording"], name="claim_wording"),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.UniqueConstraint(
                fields=("statement", "order"),
                name="report_order_unique_in_statement",
                violation_error_message="Two reports of one statement cannot share an order.",
            ),
        ),
        migrations.AddConstraint(
            model_name="evidence",
            constraint=models.CheckConstraint(
                condition=models.Q(("span_end__gt", models.F("span_start"))),
                name="evidence_span_not_empty",
                violation_error_message="The evidence span must end after it starts.",
            ),
        ),
        migrations.AddConstraint(
            model_name="evidence",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("quote", ""),
                    (
                        "span_end",
                        django.db.models.expressions.CombinedExpression(
                            models.F("span_start"),
                            "+",
                            django.db.models.functions.text.Length("quote"),
                        ),
                    ),
                    _connector="OR",
                ),
                name="evidence_quote_fills_span",
                violation_error_message="A quote must be exactly as long as its span.",
            ),
        ),
        migrations.AddConstraint(
            model_name="evidence",
            constraint=models.UniqueConstraint(
                fields=("claim", "report"),
                name="evidence_once_per_report",
                violation_error_message="This claim already has evidence in this report.",
            ),
        ),
        migrations.AddConstraint(
            model_name="evidence",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_main", True)),
                fields=("claim",),
                name="evidence_one_main_per_claim",
                violation_error_message="A claim has one main evidence.",
            ),
        ),
        per_database(
            {"sqlite": sqlite_forward(), "postgresql": POSTGRES_FORWARD},
            {"sqlite": sqlite_backward(), "postgresql": POSTGRES_BACKWARD},
        ),
            migrations.RunPython(grant, revoke),
        migrations.RunPython(move_ids_past_history, migrations.RunPython.noop),
    ]
