"""Publication status for the review workflow, and the audit history of officials, statements
and claims."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from statements.migrations._claim_search import SQLITE_FORWARD as SEARCH_ON_SQLITE
from statements.migrations._per_database import per_database

# SQLite rebuilds a table to add a column, and refuses while the search triggers name it:
# they are set aside for the change and put back after it.
SQLITE_TRIGGERS_ON_STATEMENTS = {
    "claim_search_insert": SEARCH_ON_SQLITE[1],
    "claim_search_update": SEARCH_ON_SQLITE[2],
    "claim_search_statement_update": SEARCH_ON_SQLITE[4],
}
DROP_TRIGGERS = {
    "sqlite": [f"DROP TRIGGER {name}" for name in SQLITE_TRIGGERS_ON_STATEMENTS],
    "postgresql": [],
}
CREATE_TRIGGERS = {"sqlite": list(SQLITE_TRIGGERS_ON_STATEMENTS.values()), "postgresql": []}


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_claim_search"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        per_database(DROP_TRIGGERS, CREATE_TRIGGERS),
        migrations.CreateModel(
            name="HistoricalClaim",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        default=0, help_text="Position within the statement."
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="One neutral sentence: what position does this express?"
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
                    "kind",
                    models.CharField(
                        choices=[("quote", "Direct quote"), ("paraphrase", "Paraphrase")],
                        default="quote",
                        max_length=10,
                    ),
                ),
                (
                    "span_start",
                    models.PositiveIntegerField(
                        help_text="Where the evidence starts in the source."
                    ),
                ),
                (
                    "span_end",
                    models.PositiveIntegerField(help_text="Where the evidence ends in the source."),
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
                "verbose_name": "historical claim",
                "verbose_name_plural": "historical claims",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalClaim_topics",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "HistoricalClaim_topics",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOfficial",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(help_text="The name most sources use.", max_length=200)),
                ("slug", models.SlugField(max_length=200)),
                (
                    "aliases",
                    models.TextField(
                        blank=True,
                        help_text="Other forms a text uses for this person, one per line (“Hajiyev”, “the presidential aide”).",
                    ),
                ),
                (
                    "country",
                    models.CharField(
                        blank=True, help_text="Which country do they serve?", max_length=100
                    ),
                ),
                (
                    "bio",
                    models.TextField(blank=True, help_text="Two or three sentences: who is this?"),
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
                "verbose_name": "historical official",
                "verbose_name_plural": "historical officials",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStatement",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(db_index=True, help_text="When was it said?")),
                (
                    "date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month"), ("year", "Year")],
                        default="day",
                        help_text="How precisely does the source date it? Month and year dates use the 1st.",
                        max_length=5,
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("interview", "Interview"),
                            ("speech", "Speech"),
                            ("press_release", "Press release"),
                            ("press_conference", "Press conference"),
                            ("social_post", "Social media post"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "dateline",
                    models.CharField(
                        blank=True, help_text="Place in the dateline.", max_length=200
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
                    "headline",
                    models.CharField(
                        help_text="One line: what was this statement?", max_length=300
                    ),
                ),
                ("source_url", models.URLField(blank=True, max_length=1000)),
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
                        help_text="Language of the source.",
                        max_length=10,
                    ),
                ),
                (
                    "source_text",
                    models.TextField(
                        help_text="The full source text, exactly as received. It cannot be changed once saved: every claim's evidence is found by its offsets in this text."
                    ),
                ),
                ("source_hash", models.CharField(db_index=True, editable=False, max_length=64)),
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
                        help_text="Only published statements appear on public pages, feeds and exports.",
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
            ],
            options={
                "verbose_name": "historical statement",
                "verbose_name_plural": "historical statements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AlterModelOptions(
            name="statement",
            options={
                "ordering": ["-date", "-id"],
                "permissions": [("publish_statement", "Can publish or reject statements")],
            },
        ),
        migrations.AddField(
            model_name="statement",
            name="reviewed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="statement",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                help_text="Who published or rejected it.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="status",
            # Statements stored before the review workflow existed were public: keep them so.
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("in_review", "In review"),
                    ("published", "Published"),
                    ("rejected", "Rejected"),
                ],
                default="published",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("in_review", "In review"),
                    ("published", "Published"),
                    ("rejected", "Rejected"),
                ],
                default="draft",
                help_text="Only published statements appear on public pages, feeds and exports.",
                max_length=10,
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["status", "date"], name="statement_status_date"),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
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
            model_name="historicalclaim_topics",
            name="claim",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_tablespace="",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.claim",
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim_topics",
            name="history",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                to="statements.historicalclaim",
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim_topics",
            name="topic",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_tablespace="",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.topic",
            ),
        ),
        migrations.AddField(
            model_name="historicalofficial",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalstatement",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalstatement",
            name="official",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who spoke?",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.official",
            ),
        ),
        migrations.AddField(
            model_name="historicalstatement",
            name="reporting_outlet",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who published the text we hold?",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.outlet",
            ),
        ),
        migrations.AddField(
            model_name="historicalstatement",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who published or rejected it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalstatement",
            name="venue",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Where was it said (the channel or agency interviewing)?",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="statements.outlet",
            ),
        ),
        per_database(CREATE_TRIGGERS, DROP_TRIGGERS),
    ]
