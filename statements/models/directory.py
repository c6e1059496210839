"""Who speaks, who publishes, and what about: officials with their posts, outlets and topics."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from statements.models.addresses import web_address


class SlugManager(models.Manager):
    """Finds records by slug, so fixtures can name them without primary keys."""

    def get_by_natural_key(self, slug: str) -> models.Model:
        return self.get(slug=slug)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Official(models.Model):
    name = models.CharField(max_length=200, help_text="The name most sources use.")
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.TextField(
        blank=True,
        help_text="Other names a text uses for this person, one per line (“Hajiyev”, "
        "“Hikmat Hajiyev”). Shown on their page as “Also written as”.",
    )
    descriptions = models.TextField(
        blank=True,
        help_text="Phrases a text uses for this person instead of a name, one per line "
        "(“the presidential aide”). The importer reads them; pages never show them.",
    )
    country = models.CharField(max_length=100, blank=True, help_text="Which country do they serve?")
    bio = models.TextField(blank=True, help_text="Two or three sentences: who is this?")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("official_detail", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def alias_list(self) -> list[str]:
        """Other names of this person: public."""
        return lines_of(self.aliases)

    @property
    def forms_in_texts(self) -> list[str]:
        """Every way an article may refer to this person: other names, then descriptions."""
        return lines_of(self.aliases) + lines_of(self.descriptions)

    def post_on(self, day: date) -> "Post | None":
        """The post this official held on a given day, if it is known."""
        for post in self.posts.all():
            if post.held_on(day):
                return post
        return None


class PostManager(models.Manager):
    def get_by_natural_key(self, official_slug: str, role: str, organization: str) -> "Post":
        return self.get(official__slug=official_slug, role=role, organization=organization)


class Post(models.Model):
    """A post held over time, like a Popolo membership."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="posts")
    role = models.CharField(max_length=300, help_text="What was the title of the post?")
    organization = models.CharField(max_length=300, blank=True, help_text="Where was it held?")
    start_date = models.DateField(null=True, blank=True, help_text="Leave empty if unknown.")
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty if still held.")

    objects = PostManager()

    class Meta:
        ordering = ["official", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="post_ends_after_it_starts",
                violation_error_message="A post cannot end before it starts.",
            )
        ]

    def __str__(self) -> str:
        where = f", {self.organization}" if self.organization else ""
        return f"{self.role}{where}"

    def natural_key(self) -> tuple[str, ...]:
        return (*self.official.natural_key(), self.role, self.organization)

    natural_key.dependencies = ["statements.official"]

    def held_on(self, day: date) -> bool:
        started = self.start_date is None or self.start_date <= day
        not_ended = self.end_date is None or day <= self.end_date
        return started and not_ended


class Outlet(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    homepage = models.URLField(blank=True, validators=[web_address])

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class Topic(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True, help_text="Which positions belong here?")

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)
