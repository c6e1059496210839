"""An index of reports by statement and outlet, so that the outlets of a statement are read from
the index alone (statements/public/one_pass_counts.py looks them up for each matching claim)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0016_claim_tally_once_a_statement'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='report',
            index=models.Index(fields=['statement', 'outlet'], name='report_statement_outlet'),
        ),
    ]
