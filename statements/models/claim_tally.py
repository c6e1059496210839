"""Published claims counted ahead: per official and month, per topic and per outlet, kept exact
by the database's triggers on every write (migration 0015, statements/migrations/_claim_tally.py).

One cell is an official and a month of statement dates. For each cell the tally holds a row of
all its published claims (no topic, no outlet), a row per topic of those claims, a row per outlet
that was the statement's venue or printed a report of it (a claim counts once for an outlet,
however many reports it printed), and a row per topic and outlet. Each row also counts the
distinct statements of its claims. A statement has one official and one date, so rows of several
cells add up exactly, statements too.
"""

from django.db import models

from statements.models.directory import Official, Outlet, Topic


def counted(model: type[models.Model], **options) -> models.ForeignKey:
    """What a row counts by. No constraint: the rows follow their records by triggers, and
    Django's test flush truncates each table on its own."""
    return models.ForeignKey(
        model,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
        **options,
    )


COUNTED = ["claims", "statements"]
BY_OFFICIAL = ["official", "month", "topic", "outlet", *COUNTED]
BY_TOPIC = ["topic", "outlet", "month", "official", *COUNTED]
BY_OUTLET = ["outlet", "topic", "month", "official", *COUNTED]


class ClaimTally(models.Model):
    official = counted(Official)
    month = models.DateField(help_text="The first day of the month.")
    topic = counted(Topic, null=True)
    outlet = counted(Outlet, null=True)
    claims = models.PositiveIntegerField()
    statements = models.PositiveIntegerField()

    class Meta:
        indexes = [
            # Each holds every column a count reads, so that counting reads only the index.
            # An official's rows, and the cells a change counts again.
            models.Index(fields=BY_OFFICIAL, name="claim_tally_official_month"),
            # Every official's rows for a topic (or none) and an outlet (or none), and the outlet
            # facet (outlets for a topic, or none); the topic facet (topics for an outlet, or
            # none).
            models.Index(fields=BY_TOPIC, name="claim_tally_topic_outlet"),
            models.Index(fields=BY_OUTLET, name="claim_tally_outlet_topic"),
        ]

    def __str__(self) -> str:
        return f"{self.official_id}, {self.month:%Y-%m}: {self.claims} claims"


class ClaimTallySum(models.Model):
    """The tally added up over every official and month, kept with it (migration 0026): the
    claims and statements of each official, topic, outlet and month, the counts of the
    unfiltered timeline. A record's row stays when its sum falls to zero."""

    class Part(models.IntegerChoices):
        OFFICIALS = 0
        TOPIC = 1
        OUTLET = 2
        MONTHS = 3

    part = models.PositiveSmallIntegerField(choices=Part.choices)
    # The official's, topic's or outlet's key; for a month, year × 12 + month − 1.
    record = models.BigIntegerField()
    month = models.DateField(null=True, help_text="The first day of the month, for a month.")
    claims = models.BigIntegerField()
    statements = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["part", "record"], name="claim_tally_sum_key"),
        ]

    def __str__(self) -> str:
        return f"{self.get_part_display()} {self.record}: {self.claims} claims"
