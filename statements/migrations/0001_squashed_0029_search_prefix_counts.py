"""Migrations 0001–0029 in one: the models' tables as they are now, then the SQL and the rows
those migrations leave beyond them (_squashed_schema.py) and the curation groups with their
permissions. A new database is migrated through this one in half the time (3.6 against 7.5 s
on SQLite, the process included): each of the 29 made Django build every model again. A
database that has all of 0001–0029 takes it as applied; one that has some of them goes on with
the others, which stay until every database in use has all of them."""

import datetime
import uuid
from importlib import import_module

import django.core.validators
import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.text
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import statements.models.statement
from statements.migrations import _squashed_schema as schema
from statements.migrations._per_database import per_database
from statements.migrations._report_split import move_ids_past_history

groups = import_module("statements.migrations.0004_editor_and_reviewer_groups")
position_changes = import_module("statements.migrations.0013_position_changes")
reports = import_module("statements.migrations.0014_reports_and_evidence")
STEPS = [
    "0001_initial",
    "0002_claim_search",
    "0003_publication_status_and_history",
    "0004_editor_and_reviewer_groups",
    "0005_data_version",
    "0006_statement_status_official_date",
    "0007_data_version_posts",
    "0008_edit_versions",
    "0009_statement_date_range",
    "0010_official_descriptions",
    "0011_claim_summary",
    "0012_statement_body_start",
    "0013_position_changes",
    "0014_reports_and_evidence",
    "0015_claim_tally",
    "0016_claim_tally_once_a_statement",
    "0017_report_statement_outlet",
    "0018_search_term_matches",
    "0019_search_term_estimates",
    "0020_counting_turn",
    "0021_claim_facets",
    "0022_claim_facet_words",
    "0023_search_term_memory",
    "0024_claim_facets_sqlite",
    "0025_facet_rows_only_where_changed",
    "0026_claim_tally_sums",
    "0027_claim_search_on_its_words",
    "0028_claim_search_once_a_statement",
    "0029_search_prefix_counts",
]


def create_groups(apps, schema_editor) -> None:
    groups.create_groups(apps, schema_editor)
    position_changes.grant(apps, schema_editor)
    reports.grant(apps, schema_editor)


class Migration(migrations.Migration):
    replaces = [("statements", step) for step in STEPS]

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Claim',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, help_text='How many times has it been saved?')),
                ('order', models.PositiveIntegerField(default=0, help_text='Position within the statement.')),
                ('summary', models.TextField(blank=True, help_text='One neutral sentence in our words: what position does this express? Required before the statement goes to review.')),
                ('kind', models.CharField(choices=[('quote', 'Direct quote'), ('paraphrase', 'Paraphrase')], default='quote', max_length=10)),
                ('wording', models.CharField(choices=[('single', 'Single source'), ('agrees', 'Reports agree'), ('differs', 'Wording differs between reports')], default='single', editable=False, help_text='Do the reports give the same words? Kept up to date from the evidence.', max_length=10)),
            ],
            options={
                'ordering': ['statement', 'order', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Official',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The name most sources use.', max_length=200)),
                ('slug', models.SlugField(max_length=200, unique=True)),
                ('aliases', models.TextField(blank=True, help_text='Other names a text uses for this person, one per line (“Hajiyev”, “Hikmat Hajiyev”). Shown on their page as “Also written as”.')),
                ('descriptions', models.TextField(blank=True, help_text='Phrases a text uses for this person instead of a name, one per line (“the presidential aide”). The importer reads them; pages never show them.')),
                ('country', models.CharField(blank=True, help_text='Which country do they serve?', max_length=100)),
                ('bio', models.TextField(blank=True, help_text='Two or three sentences: who is this?')),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('modified', models.DateTimeField(auto_now=True)),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Outlet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('slug', models.SlugField(max_length=200, unique=True)),
                ('homepage', models.URLField(blank=True, validators=[django.core.validators.URLValidator(message='Enter a web address starting with http:// or https://.', schemes=['http', 'https'])])),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('slug', models.SlugField(max_length=200, unique=True)),
                ('description', models.TextField(blank=True, help_text='Which positions belong here?')),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='ClaimTallySum',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('part', models.PositiveSmallIntegerField(choices=[(0, 'Officials'), (1, 'Topic'), (2, 'Outlet'), (3, 'Months')])),
                ('record', models.BigIntegerField()),
                ('month', models.DateField(help_text='The first day of the month, for a month.', null=True)),
                ('claims', models.BigIntegerField()),
                ('statements', models.BigIntegerField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('part', 'record'), name='claim_tally_sum_key')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalOfficial',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(help_text='The name most sources use.', max_length=200)),
                ('slug', models.SlugField(max_length=200)),
                ('aliases', models.TextField(blank=True, help_text='Other names a text uses for this person, one per line (“Hajiyev”, “Hikmat Hajiyev”). Shown on their page as “Also written as”.')),
                ('descriptions', models.TextField(blank=True, help_text='Phrases a text uses for this person instead of a name, one per line (“the presidential aide”). The importer reads them; pages never show them.')),
                ('country', models.CharField(blank=True, help_text='Which country do they serve?', max_length=100)),
                ('bio', models.TextField(blank=True, help_text='Two or three sentences: who is this?')),
                ('created', models.DateTimeField(blank=True, editable=False)),
                ('modified', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical official',
                'verbose_name_plural': 'historical officials',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalStatement',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                ('created', models.DateTimeField(blank=True, editable=False)),
                ('modified', models.DateTimeField(blank=True, editable=False)),
                ('uid', models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, help_text='A name that never changes.')),
                ('date', models.DateField(db_index=True, help_text='When was it said?', validators=[statements.models.statement.validate_statement_date])),
                ('date_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', help_text='How precisely do the sources date it? Month and year dates use the 1st.', max_length=5)),
                ('kind', models.CharField(choices=[('interview', 'Interview'), ('speech', 'Speech'), ('press_release', 'Press release'), ('press_conference', 'Press conference'), ('social_post', 'Social media post'), ('other', 'Other')], max_length=20)),
                ('headline', models.CharField(help_text='One neutral line in our words: what was this statement?', max_length=300)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('published', 'Published'), ('rejected', 'Rejected')], default='draft', help_text='Only published statements appear on public pages, feeds and exports.', max_length=10)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('reviewed_by', models.ForeignKey(blank=True, db_constraint=False, help_text='Who published or rejected it.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('official', models.ForeignKey(blank=True, db_constraint=False, help_text='Who spoke?', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.official')),
                ('venue', models.ForeignKey(blank=True, db_constraint=False, help_text='Where was it said (the channel or agency interviewing)?', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.outlet')),
            ],
            options={
                'verbose_name': 'historical statement',
                'verbose_name_plural': 'historical statements',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Report',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, help_text='How many times has it been saved?')),
                ('order', models.PositiveIntegerField(default=0, help_text='Position among the reports.')),
                ('is_primary', models.BooleanField(default=False, help_text="Is this the primary source: the venue's own transcript or publication?")),
                ('source_url', models.URLField(blank=True, max_length=1000, validators=[django.core.validators.URLValidator(message='Enter a web address starting with http:// or https://.', schemes=['http', 'https'])])),
                ('published_on', models.DateField(blank=True, help_text='When did the outlet publish it? Leave empty if unknown.', null=True)),
                ('dateline', models.CharField(blank=True, help_text='Place in the dateline.', max_length=200)),
                ('headline_as_printed', models.CharField(blank=True, help_text="The outlet's headline, word for word.", max_length=500)),
                ('title_as_given', models.CharField(blank=True, help_text="The speaker's title, word for word as printed.", max_length=500)),
                ('language', models.CharField(choices=[('af', 'Afrikaans'), ('ar', 'Arabic'), ('ar-dz', 'Algerian Arabic'), ('ast', 'Asturian'), ('az', 'Azerbaijani'), ('bg', 'Bulgarian'), ('be', 'Belarusian'), ('bn', 'Bengali'), ('br', 'Breton'), ('bs', 'Bosnian'), ('ca', 'Catalan'), ('ckb', 'Central Kurdish (Sorani)'), ('cs', 'Czech'), ('cy', 'Welsh'), ('da', 'Danish'), ('de', 'German'), ('dsb', 'Lower Sorbian'), ('el', 'Greek'), ('en', 'English'), ('en-au', 'Australian English'), ('en-gb', 'British English'), ('eo', 'Esperanto'), ('es', 'Spanish'), ('es-ar', 'Argentinian Spanish'), ('es-co', 'Colombian Spanish'), ('es-mx', 'Mexican Spanish'), ('es-ni', 'Nicaraguan Spanish'), ('es-ve', 'Venezuelan Spanish'), ('et', 'Estonian'), ('eu', 'Basque'), ('fa', 'Persian'), ('fi', 'Finnish'), ('fr', 'French'), ('fy', 'Frisian'), ('ga', 'Irish'), ('gd', 'Scottish Gaelic'), ('gl', 'Galician'), ('he', 'Hebrew'), ('hi', 'Hindi'), ('hr', 'Croatian'), ('hsb', 'Upper Sorbian'), ('hu', 'Hungarian'), ('hy', 'Armenian'), ('ia', 'Interlingua'), ('id', 'Indonesian'), ('ig', 'Igbo'), ('io', 'Ido'), ('is', 'Icelandic'), ('it', 'Italian'), ('ja', 'Japanese'), ('ka', 'Georgian'), ('kab', 'Kabyle'), ('kk', 'Kazakh'), ('km', 'Khmer'), ('kn', 'Kannada'), ('ko', 'Korean'), ('ky', 'Kyrgyz'), ('lb', 'Luxembourgish'), ('lt', 'Lithuanian'), ('lv', 'Latvian'), ('mk', 'Macedonian'), ('ml', 'Malayalam'), ('mn', 'Mongolian'), ('mr', 'Marathi'), ('ms', 'Malay'), ('my', 'Burmese'), ('nb', 'Norwegian Bokmål'), ('ne', 'Nepali'), ('nl', 'Dutch'), ('nn', 'Norwegian Nynorsk'), ('os', 'Ossetic'), ('pa', 'Punjabi'), ('pl', 'Polish'), ('pt', 'Portuguese'), ('pt-br', 'Brazilian Portuguese'), ('ro', 'Romanian'), ('ru', 'Russian'), ('sk', 'Slovak'), ('sl', 'Slovenian'), ('sq', 'Albanian'), ('sr', 'Serbian'), ('sr-latn', 'Serbian Latin'), ('sv', 'Swedish'), ('sw', 'Swahili'), ('ta', 'Tamil'), ('te', 'Telugu'), ('tg', 'Tajik'), ('th', 'Thai'), ('tk', 'Turkmen'), ('tr', 'Turkish'), ('tt', 'Tatar'), ('udm', 'Udmurt'), ('ug', 'Uyghur'), ('uk', 'Ukrainian'), ('ur', 'Urdu'), ('uz', 'Uzbek'), ('vi', 'Vietnamese'), ('zh-hans', 'Simplified Chinese'), ('zh-hant', 'Traditional Chinese')], default='en', help_text='Language of the text.', max_length=10)),
                ('source_text', models.TextField(help_text='The full text, exactly as received. It cannot be changed once saved: evidence is found by its offsets in this text.')),
                ('source_hash', models.CharField(editable=False, max_length=64, unique=True)),
                ('body_start', models.PositiveIntegerField(default=0, help_text="Where the article's own words begin in the text, past the date marker and any page furniture copied with it. Pages show the text from here; offsets into the text are unchanged. Left at 0, it is set to just after the date marker.")),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('modified', models.DateTimeField(auto_now=True)),
                ('outlet', models.ForeignKey(blank=True, help_text='Who published this text?', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='reports', to='statements.outlet')),
            ],
            options={
                'ordering': ['statement', 'order', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalEvidence',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('is_main', models.BooleanField(default=False, help_text='Is this the evidence pages show first for the claim?')),
                ('quote', models.TextField(blank=True, help_text='The exact words as printed. Leave empty only for a reported, unquoted position.')),
                ('span_start', models.PositiveIntegerField(help_text='Where the evidence starts in the report.')),
                ('span_end', models.PositiveIntegerField(help_text='Where the evidence ends in the report.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('claim', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.claim')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('report', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.report')),
            ],
            options={
                'verbose_name': 'historical evidence',
                'verbose_name_plural': 'historical evidence',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Statement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('modified', models.DateTimeField(auto_now=True)),
                ('version', models.PositiveIntegerField(default=1, editable=False, help_text='How many times has it been saved?')),
                ('uid', models.UUIDField(default=uuid.uuid4, editable=False, help_text='A name that never changes.', unique=True)),
                ('date', models.DateField(db_index=True, help_text='When was it said?', validators=[statements.models.statement.validate_statement_date])),
                ('date_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', help_text='How precisely do the sources date it? Month and year dates use the 1st.', max_length=5)),
                ('kind', models.CharField(choices=[('interview', 'Interview'), ('speech', 'Speech'), ('press_release', 'Press release'), ('press_conference', 'Press conference'), ('social_post', 'Social media post'), ('other', 'Other')], max_length=20)),
                ('headline', models.CharField(help_text='One neutral line in our words: what was this statement?', max_length=300)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('published', 'Published'), ('rejected', 'Rejected')], default='draft', help_text='Only published statements appear on public pages, feeds and exports.', max_length=10)),
                ('official', models.ForeignKey(help_text='Who spoke?', on_delete=django.db.models.deletion.PROTECT, related_name='statements', to='statements.official')),
                ('reviewed_by', models.ForeignKey(blank=True, help_text='Who published or rejected it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('venue', models.ForeignKey(blank=True, help_text='Where was it said (the channel or agency interviewing)?', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='statements_given', to='statements.outlet')),
            ],
            options={
                'ordering': ['-date', '-id'],
                'permissions': [('publish_statement', 'Can publish or reject statements')],
            },
        ),
        migrations.AddField(
            model_name='report',
            name='statement',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='statements.statement'),
        ),
        migrations.CreateModel(
            name='HistoricalReport',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveIntegerField(default=0, help_text='Position among the reports.')),
                ('is_primary', models.BooleanField(default=False, help_text="Is this the primary source: the venue's own transcript or publication?")),
                ('source_url', models.URLField(blank=True, max_length=1000, validators=[django.core.validators.URLValidator(message='Enter a web address starting with http:// or https://.', schemes=['http', 'https'])])),
                ('published_on', models.DateField(blank=True, help_text='When did the outlet publish it? Leave empty if unknown.', null=True)),
                ('dateline', models.CharField(blank=True, help_text='Place in the dateline.', max_length=200)),
                ('headline_as_printed', models.CharField(blank=True, help_text="The outlet's headline, word for word.", max_length=500)),
                ('title_as_given', models.CharField(blank=True, help_text="The speaker's title, word for word as printed.", max_length=500)),
                ('language', models.CharField(choices=[('af', 'Afrikaans'), ('ar', 'Arabic'), ('ar-dz', 'Algerian Arabic'), ('ast', 'Asturian'), ('az', 'Azerbaijani'), ('bg', 'Bulgarian'), ('be', 'Belarusian'), ('bn', 'Bengali'), ('br', 'Breton'), ('bs', 'Bosnian'), ('ca', 'Catalan'), ('ckb', 'Central Kurdish (Sorani)'), ('cs', 'Czech'), ('cy', 'Welsh'), ('da', 'Danish'), ('de', 'German'), ('dsb', 'Lower Sorbian'), ('el', 'Greek'), ('en', 'English'), ('en-au', 'Australian English'), ('en-gb', 'British English'), ('eo', 'Esperanto'), ('es', 'Spanish'), ('es-ar', 'Argentinian Spanish'), ('es-co', 'Colombian Spanish'), ('es-mx', 'Mexican Spanish'), ('es-ni', 'Nicaraguan Spanish'), ('es-ve', 'Venezuelan Spanish'), ('et', 'Estonian'), ('eu', 'Basque'), ('fa', 'Persian'), ('fi', 'Finnish'), ('fr', 'French'), ('fy', 'Frisian'), ('ga', 'Irish'), ('gd', 'Scottish Gaelic'), ('gl', 'Galician'), ('he', 'Hebrew'), ('hi', 'Hindi'), ('hr', 'Croatian'), ('hsb', 'Upper Sorbian'), ('hu', 'Hungarian'), ('hy', 'Armenian'), ('ia', 'Interlingua'), ('id', 'Indonesian'), ('ig', 'Igbo'), ('io', 'Ido'), ('is', 'Icelandic'), ('it', 'Italian'), ('ja', 'Japanese'), ('ka', 'Georgian'), ('kab', 'Kabyle'), ('kk', 'Kazakh'), ('km', 'Khmer'), ('kn', 'Kannada'), ('ko', 'Korean'), ('ky', 'Kyrgyz'), ('lb', 'Luxembourgish'), ('lt', 'Lithuanian'), ('lv', 'Latvian'), ('mk', 'Macedonian'), ('ml', 'Malayalam'), ('mn', 'Mongolian'), ('mr', 'Marathi'), ('ms', 'Malay'), ('my', 'Burmese'), ('nb', 'Norwegian Bokmål'), ('ne', 'Nepali'), ('nl', 'Dutch'), ('nn', 'Norwegian Nynorsk'), ('os', 'Ossetic'), ('pa', 'Punjabi'), ('pl', 'Polish'), ('pt', 'Portuguese'), ('pt-br', 'Brazilian Portuguese'), ('ro', 'Romanian'), ('ru', 'Russian'), ('sk', 'Slovak'), ('sl', 'Slovenian'), ('sq', 'Albanian'), ('sr', 'Serbian'), ('sr-latn', 'Serbian Latin'), ('sv', 'Swedish'), ('sw', 'Swahili'), ('ta', 'Tamil'), ('te', 'Telugu'), ('tg', 'Tajik'), ('th', 'Thai'), ('tk', 'Turkmen'), ('tr', 'Turkish'), ('tt', 'Tatar'), ('udm', 'Udmurt'), ('ug', 'Uyghur'), ('uk', 'Ukrainian'), ('ur', 'Urdu'), ('uz', 'Uzbek'), ('vi', 'Vietnamese'), ('zh-hans', 'Simplified Chinese'), ('zh-hant', 'Traditional Chinese')], default='en', help_text='Language of the text.', max_length=10)),
                ('source_text', models.TextField(help_text='The full text, exactly as received. It cannot be changed once saved: evidence is found by its offsets in this text.')),
                ('source_hash', models.CharField(db_index=True, editable=False, max_length=64)),
                ('body_start', models.PositiveIntegerField(default=0, help_text="Where the article's own words begin in the text, past the date marker and any page furniture copied with it. Pages show the text from here; offsets into the text are unchanged. Left at 0, it is set to just after the date marker.")),
                ('created', models.DateTimeField(blank=True, editable=False)),
                ('modified', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('outlet', models.ForeignKey(blank=True, db_constraint=False, help_text='Who published this text?', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.outlet')),
                ('statement', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.statement')),
            ],
            options={
                'verbose_name': 'historical report',
                'verbose_name_plural': 'historical reports',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalClaim',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveIntegerField(default=0, help_text='Position within the statement.')),
                ('summary', models.TextField(blank=True, help_text='One neutral sentence in our words: what position does this express? Required before the statement goes to review.')),
                ('kind', models.CharField(choices=[('quote', 'Direct quote'), ('paraphrase', 'Paraphrase')], default='quote', max_length=10)),
                ('wording', models.CharField(choices=[('single', 'Single source'), ('agrees', 'Reports agree'), ('differs', 'Wording differs between reports')], default='single', editable=False, help_text='Do the reports give the same words? Kept up to date from the evidence.', max_length=10)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('statement', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.statement')),
            ],
            options={
                'verbose_name': 'historical claim',
                'verbose_name_plural': 'historical claims',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='claim',
            name='statement',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='claims', to='statements.statement'),
        ),
        migrations.CreateModel(
            name='PositionChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('modified', models.DateTimeField(auto_now=True)),
                ('rating', models.CharField(choices=[('unchanged', 'Unchanged'), ('hardened', 'Hardened'), ('softened', 'Softened'), ('reversed', 'Reversed'), ('new_position', 'New position')], help_text='How did the position move? Hardened: firmer or more demanding; softened: more conciliatory or hopeful; reversed: the opposite; new position: one the earlier statement did not take.', max_length=12)),
                ('note', models.CharField(help_text='One neutral line: what do the two statements show? Nothing they do not say.', max_length=300)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('published', 'Published'), ('rejected', 'Rejected')], default='draft', help_text='Only published changes between published statements appear on public pages.', max_length=10)),
                ('official', models.ForeignKey(help_text='Whose?', on_delete=django.db.models.deletion.CASCADE, related_name='position_changes', to='statements.official')),
                ('reviewed_by', models.ForeignKey(blank=True, help_text='Who published or rejected it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('earlier', models.ForeignKey(help_text='The statement the position moved from.', on_delete=django.db.models.deletion.CASCADE, related_name='changes_from', to='statements.statement')),
                ('later', models.ForeignKey(help_text='The later statement it moved to.', on_delete=django.db.models.deletion.CASCADE, related_name='changes_to', to='statements.statement')),
                ('topic', models.ForeignKey(help_text='On what?', on_delete=django.db.models.deletion.PROTECT, related_name='position_changes', to='statements.topic')),
            ],
            options={
                'ordering': ['official', 'topic', 'later__date', 'id'],
                'permissions': [('publish_positionchange', 'Can publish or reject position changes')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalPositionChange',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                ('created', models.DateTimeField(blank=True, editable=False)),
                ('modified', models.DateTimeField(blank=True, editable=False)),
                ('rating', models.CharField(choices=[('unchanged', 'Unchanged'), ('hardened', 'Hardened'), ('softened', 'Softened'), ('reversed', 'Reversed'), ('new_position', 'New position')], help_text='How did the position move? Hardened: firmer or more demanding; softened: more conciliatory or hopeful; reversed: the opposite; new position: one the earlier statement did not take.', max_length=12)),
                ('note', models.CharField(help_text='One neutral line: what do the two statements show? Nothing they do not say.', max_length=300)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('published', 'Published'), ('rejected', 'Rejected')], default='draft', help_text='Only published changes between published statements appear on public pages.', max_length=10)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('reviewed_by', models.ForeignKey(blank=True, db_constraint=False, help_text='Who published or rejected it.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('official', models.ForeignKey(blank=True, db_constraint=False, help_text='Whose?', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.official')),
                ('earlier', models.ForeignKey(blank=True, db_constraint=False, help_text='The statement the position moved from.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.statement')),
                ('later', models.ForeignKey(blank=True, db_constraint=False, help_text='The later statement it moved to.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.statement')),
                ('topic', models.ForeignKey(blank=True, db_constraint=False, help_text='On what?', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.topic')),
            ],
            options={
                'verbose_name': 'historical position change',
                'verbose_name_plural': 'historical position changes',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalClaim_topics',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('claim', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.claim')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='statements.historicalclaim')),
                ('topic', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.topic')),
            ],
            options={
                'verbose_name': 'HistoricalClaim_topics',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ClaimTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField(help_text='The first day of the month.')),
                ('claims', models.PositiveIntegerField()),
                ('statements', models.PositiveIntegerField()),
                ('official', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.official')),
                ('outlet', models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.outlet')),
                ('topic', models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='statements.topic')),
            ],
        ),
        migrations.AddField(
            model_name='claim',
            name='topics',
            field=models.ManyToManyField(blank=True, related_name='claims', to='statements.topic'),
        ),
        migrations.CreateModel(
            name='Post',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(help_text='What was the title of the post?', max_length=300)),
                ('organization', models.CharField(blank=True, help_text='Where was it held?', max_length=300)),
                ('start_date', models.DateField(blank=True, help_text='Leave empty if unknown.', null=True)),
                ('end_date', models.DateField(blank=True, help_text='Leave empty if still held.', null=True)),
                ('official', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='posts', to='statements.official')),
            ],
            options={
                'ordering': ['official', '-start_date'],
                'constraints': [models.CheckConstraint(condition=models.Q(('start_date__isnull', True), ('end_date__isnull', True), ('end_date__gte', models.F('start_date')), _connector='OR'), name='post_ends_after_it_starts', violation_error_message='A post cannot end before it starts.')],
            },
        ),
        migrations.CreateModel(
            name='Evidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_main', models.BooleanField(default=False, help_text='Is this the evidence pages show first for the claim?')),
                ('quote', models.TextField(blank=True, help_text='The exact words as printed. Leave empty only for a reported, unquoted position.')),
                ('span_start', models.PositiveIntegerField(help_text='Where the evidence starts in the report.')),
                ('span_end', models.PositiveIntegerField(help_text='Where the evidence ends in the report.')),
                ('claim', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence_spans', to='statements.claim')),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence_spans', to='statements.report')),
            ],
            options={
                'verbose_name_plural': 'evidence',
                'ordering': ['claim', '-is_main', 'report__order', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('span_end__gt', models.F('span_start'))), name='evidence_span_not_empty', violation_error_message='The evidence span must end after it starts.'), models.CheckConstraint(condition=models.Q(('quote', ''), ('span_end', django.db.models.expressions.CombinedExpression(models.F('span_start'), '+', django.db.models.functions.text.Length('quote'))), _connector='OR'), name='evidence_quote_fills_span', violation_error_message='A quote must be exactly as long as its span.'), models.UniqueConstraint(fields=('claim', 'report'), name='evidence_once_per_report', violation_error_message='This claim already has evidence in this report.'), models.UniqueConstraint(condition=models.Q(('is_main', True)), fields=('claim',), name='evidence_one_main_per_claim', violation_error_message='A claim has one main evidence.')],
            },
        ),
        migrations.AddIndex(
            model_name='statement',
            index=models.Index(fields=['official', 'date'], name='statement_official_date'),
        ),
        migrations.AddIndex(
            model_name='statement',
            index=models.Index(fields=['status', 'date'], name='statement_status_date'),
        ),
        migrations.AddIndex(
            model_name='statement',
            index=models.Index(fields=['status', 'official', 'date'], name='statement_status_official_date'),
        ),
        migrations.AddConstraint(
            model_name='statement',
            constraint=models.CheckConstraint(condition=models.Q(('date__gte', datetime.date(1900, 1, 1)), ('date__lte', datetime.date(2999, 12, 31))), name='statement_date_in_range', violation_error_message='Give a date from 1 January 1900 to 31 December 2999.'),
        ),
        migrations.AddIndex(
            model_name='report',
            index=models.Index(fields=['statement', 'outlet'], name='report_statement_outlet'),
        ),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.UniqueConstraint(fields=('statement', 'order'), name='report_order_unique_in_statement', violation_error_message='Two reports of one statement cannot share an order.'),
        ),
        migrations.AddConstraint(
            model_name='positionchange',
            constraint=models.CheckConstraint(condition=models.Q(('earlier', models.F('later')), _negated=True), name='position_change_between_two_statements', violation_error_message='A change needs two different statements.'),
        ),
        migrations.AddConstraint(
            model_name='positionchange',
            constraint=models.UniqueConstraint(fields=('topic', 'earlier', 'later'), name='position_change_unique', violation_error_message='This change is already recorded.'),
        ),
        migrations.AddIndex(
            model_name='claimtally',
            index=models.Index(fields=['official', 'month', 'topic', 'outlet', 'claims', 'statements'], name='claim_tally_official_month'),
        ),
        migrations.AddIndex(
            model_name='claimtally',
            index=models.Index(fields=['topic', 'outlet', 'month', 'official', 'claims', 'statements'], name='claim_tally_topic_outlet'),
        ),
        migrations.AddIndex(
            model_name='claimtally',
            index=models.Index(fields=['outlet', 'topic', 'month', 'official', 'claims', 'statements'], name='claim_tally_outlet_topic'),
        ),
        migrations.AddIndex(
            model_name='claim',
            index=models.Index(fields=['wording'], name='claim_wording'),
        ),
        migrations.AddConstraint(
            model_name='claim',
            constraint=models.UniqueConstraint(fields=('statement', 'order'), name='claim_order_unique_in_statement', violation_error_message='Two claims of one statement cannot share an order.'),
        ),
        per_database(
            {"sqlite": schema.SQLITE_MADE, "postgresql": schema.POSTGRESQL_MADE},
            {"sqlite": schema.SQLITE_DROPPED, "postgresql": schema.POSTGRESQL_DROPPED},
        ),
        migrations.RunPython(create_groups, groups.remove_groups),
        migrations.RunPython(move_ids_past_history, migrations.RunPython.noop),
    ]
