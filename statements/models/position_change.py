"""Position changes: how an official's position on a topic moved between two statements."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from statements.models.directory import Official, Topic
from statements.models.review import Reviewed, StatementStatus
from statements.models.statement import Statement


class Rating(models.TextChoices):
    """How a position moved from one statement to a later one: a small fixed scale."""

    UNCHANGED = "unchanged", "Unchanged"
    HARDENED = "hardened", "Hardened"
    SOFTENED = "softened", "Softened"
    REVERSED = "reversed", "Reversed"
    NEW_POSITION = "new_position", "New position"


class PositionChangeQuerySet(models.QuerySet):
    def published(self) -> "PositionChangeQuerySet":
        """Published changes between two published statements: what public pages may show."""
        return self.filter(
            status=StatementStatus.PUBLISHED,
            earlier__status=StatementStatus.PUBLISHED,
            later__status=StatementStatus.PUBLISHED,
        )

    def for_reading(self) -> "PositionChangeQuerySet":
        parts = ("topic", "earlier", "later")
        return self.select_related(*parts)


class PositionChangeManager(models.Manager.from_queryset(PositionChangeQuerySet)):
    def get_by_natural_key(self, topic: str, earlier: str, later: str) -> "PositionChange":
        return self.get(topic__slug=topic, earlier__uid=earlier, later__uid=later)


class PositionChange(Reviewed):
    """How an official's position on a topic moved between two of their statements, as rated
    by an editor, like PolitiFact's Flip-O-Meter."""

    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="position_changes", help_text="Whose?"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="position_changes", help_text="On what?"
    )
    earlier = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        related_name="changes_from",
        help_text="The statement the position moved from.",
    )
    later = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        related_name="changes_to",
        help_text="The later statement it moved to.",
    )
    rating = models.CharField(
        max_length=12,
        choices=Rating.choices,
        help_text="How did the position move? Hardened: firmer or more demanding; softened: "
        "more conciliatory or hopeful; reversed: the opposite; new position: one the earlier "
        "statement did not take.",
    )
    note = models.CharField(
        max_length=300,
        help_text="One neutral line: what do the two statements show? Nothing they do not say.",
    )
    status = models.CharField(
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.DRAFT,
        help_text="Only published changes between published statements appear on public pages.",
    )

    objects = PositionChangeManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["official", "topic", "later__date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(earlier=models.F("later")),
                name="position_change_between_two_statements",
                violation_error_message="A change needs two different statements.",
            ),
            models.UniqueConstraint(
                fields=["topic", "earlier", "later"],
                name="position_change_unique",
                violation_error_message="This change is already recorded.",
            ),
        ]
        permissions = [("publish_positionchange", "Can publish or reject position changes")]

    def __str__(self) -> str:
        return f"{self.official}, {self.topic}: {self.get_rating_display().lower()}"

    def natural_key(self) -> tuple[str, str, str]:
        return (self.topic.slug, str(self.earlier.uid), str(self.later.uid))

    natural_key.dependencies = ["statements.topic", "statements.statement"]

    def clean(self) -> None:
        sides = {"earlier": getattr(self, "earlier", None), "later": getattr(self, "later", None)}
        if None in sides.values() or self.official_id is None or self.topic_id is None:
            return
        for name, statement in sides.items():
            if statement.official_id != self.official_id:
                raise ValidationError({name: f"This statement is not {self.official}'s."})
            if not statement.claims.filter(topics=self.topic_id).exists():
                raise ValidationError({name: f"This statement has no claim on {self.topic}."})
        if sides["later"].date < sides["earlier"].date:
            raise ValidationError({"later": "The later statement is dated before the earlier."})
