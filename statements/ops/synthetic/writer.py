"""Synthetic officials, statements and claims for load tests: realistic, and the same for a seed.

Every random choice comes from one random.Random(seed), drawn in a fixed order, so the same
arguments always give the same rows. Rows are written with bulk_create, a batch of statements
with their claims and topics in one transaction at a time, so memory stays flat at any size.
"""

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.text import slugify

from statements.models import (
    Claim,
    ClaimKind,
    DatePrecision,
    Evidence,
    Official,
    Post,
    Report,
    Statement,
    StatementKind,
    StatementStatus,
    content_hash,
)
from statements.ops.synthetic import vocabulary as vocab


class SyntheticDataError(Exception):
    """The synthetic data cannot be generated as asked."""


@dataclass(frozen=True)
class Plan:
    """What to generate: how many officials and statements, claims in each, and the seed."""

    officials: int
    statements: int
    claims_per_statement: int
    seed: int
    batch_size: int = vocab.BATCH_SIZE

    @property
    def claims(self) -> int:
        return self.statements * self.claims_per_statement


@dataclass(frozen=True)
class Speaker:
    """An official as the generated texts name them, in English, Russian and Azerbaijani."""

    pk: int
    names: tuple[str, str, str]
    surnames: tuple[str, str, str]
    female: bool
    role: tuple[str, str, str]
    country: str


class Text:
    """A source text built piece by piece, knowing where each piece lies."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.pieces.append(piece)
        self.length += len(piece)
        return start, self.length

    def __str__(self) -> str:
        return "".join(self.pieces)


def ascii_slug(text: str) -> str:
    # slugify drops letters that have no ASCII decomposition, such as ə and ı.
    return slugify(text.translate(str.maketrans("əƏıİ", "eEiI")))


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def homepage(outlet: str) -> str:
    return f"https://www.{ascii_slug(outlet)}.example/"


class Writer:
    """Draws every part of every row from one Random, always in the same order."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)

    def officials(self) -> list[tuple[Official, Post, Speaker]]:
        rng, made = self.rng, []
        for serial in range(1, self.plan.officials + 1):
            country = rng.choice(vocab.COUNTRIES)
            first, last = rng.choice(vocab.PEOPLE[country][0]), rng.choice(vocab.PEOPLE[country][1])
            role = rng.choice(vocab.ROLES)
            since = date(rng.randint(1998, 2012), rng.randint(1, 12), 1)
            name, cyrillic = f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"
            official = Official(
                name=name,
                slug=f"{vocab.PREFIX}{self.plan.seed}-{serial}-{ascii_slug(name)}",
                aliases="\n".join([last[0], cyrillic]),
                descriptions=f"the {role[0].lower()}",
                country=country,
                bio=f"{role[0]} of {country} since {since.year}.",
            )
            post = Post(role=role[0], organization=f"Government of {country}", start_date=since)
            speaker = Speaker(
                pk=0,
                names=(name, cyrillic, name),
                surnames=(last[0], last[1], last[0]),
                female=first[2] == "f",
                role=role,
                country=country,
            )
            made.append((official, post, speaker))
        return made

    def statements(
        self, speakers: list[Speaker], outlets: dict[str, int], topics: list[tuple]
    ) -> Iterator[tuple[Statement, list[tuple[Claim, list[int]]]]]:
        """Each statement with its report and claims, each claim with its evidence and the pks of
        its topics."""
        for serial in range(1, self.plan.statements + 1):
            yield self.statement(serial, self.rng.choice(speakers), outlets, topics)

    def statement(self, serial: int, speaker: Speaker, outlets: dict, topics: list) -> tuple:
        rng = self.rng
        language = rng.choices(list(vocab.LANGUAGES), vocab.LANGUAGE_WEIGHTS)[0]
        lang = vocab.LANGUAGES[language]
        day, precision = self.draw_date()
        kind = rng.choices(list(vocab.KIND_WEIGHTS), list(vocab.KIND_WEIGHTS.values()))[0]
        venue = None
        if kind == StatementKind.INTERVIEW:
            venue = rng.choice(vocab.BROADCASTERS + vocab.AGENCIES)
        elif kind == StatementKind.SOCIAL_POST:
            venue = rng.choice(vocab.PLATFORMS)
        reporter = rng.choice(vocab.AGENCIES) if rng.random() < 0.95 else None
        theme = rng.sample(topics, rng.randint(3, 5))
        city = rng.choice(vocab.CITIES)
        words = {
            "lang": lang,
            "name": speaker.names[lang],
            "he": "She" if speaker.female else "He",
            "his": "её" if speaker.female else "его",
            "said": "сказала" if speaker.female else "сказал",
            "noted": "отметила" if speaker.female else "отметил",
            "spoke": "высказалась" if speaker.female else "высказался",
            "social": kind == StatementKind.SOCIAL_POST,
            "year": day.year,
        }
        title = capitalized(speaker.role[lang])
        text = Text()
        lead = vocab.LEADS[lang].format(
            **words,
            dateline=city[lang],
            when=self.when(lang, day, precision),
            title=title,
            action=vocab.ACTIONS[lang].get(kind, "").format(venue=venue, city=city[lang]),
            topic=theme[0][vocab.TOPIC_PHRASE + lang],
        )
        text.add(" ".join(lead.split()) + "\n\n")
        claims = [
            self.claim(text, words, speaker, theme, order)
            for order in range(1, self.plan.claims_per_statement + 1)
        ]
        # The story number makes every text, and so its hash, unique.
        text.add(f"[Story {self.plan.seed}-{serial:07d}]\n")
        source_text = str(text)
        headline = rng.choice(vocab.HEADLINES).format(
            name=speaker.names[0],
            surname=speaker.surnames[0],
            country=speaker.country,
            city=city[0],
            topic=theme[0][vocab.TOPIC_PHRASE],
            topic2=theme[1][vocab.TOPIC_PHRASE],
        )
        statement = Statement(
            uid=uuid.UUID(int=rng.getrandbits(128), version=4),
            official_id=speaker.pk,
            date=day,
            date_precision=precision,
            kind=kind,
            venue_id=outlets.get(venue),
            headline=headline,
            status=StatementStatus.PUBLISHED,
        )
        report = Report(
            order=0,
            outlet_id=outlets.get(reporter),
            dateline=city[lang],
            title_as_given=title,
            headline_as_printed=headline,
            source_url=f"{homepage(reporter)}{language}/news/{serial}" if reporter else "",
            language=language,
            source_text=source_text,
            source_hash=content_hash(source_text),
        )
        return statement, report, claims

    def draw_date(self) -> tuple[date, str]:
        """A day in 2006–2025; about 5% known only to the month and 1% only to the year."""
        day = vocab.FIRST_DAY + timedelta(days=self.rng.randrange(vocab.DAYS))
        chance = self.rng.random()
        if chance < 0.01:
            return day.replace(month=1, day=1), DatePrecision.YEAR
        if chance < 0.06:
            return day.replace(day=1), DatePrecision.MONTH
        return day, DatePrecision.DAY

    def when(self, lang: int, day: date, precision: str) -> str:
        if precision == DatePrecision.DAY:
            return f"{day.day} {vocab.MONTHS[lang].split()[day.month - 1]}"
        return str(day.year)

    def slots(self, lang: int, topic: tuple, picks: tuple) -> dict[str, str]:
        place, partner, term, city, past, future = picks
        return {
            "topic": topic[vocab.TOPIC_PHRASE + lang],
            "place": vocab.PLACES[place][lang],
            "partner": vocab.PARTNERS[partner][lang],
            "term": vocab.TERMS[term][lang],
            "city": vocab.CITIES[city][lang],
            "past": str(past),
            "future": str(future),
        }

    def claim(self, text: Text, words: dict, speaker: Speaker, theme: list, order: int) -> tuple:
        rng, lang = self.rng, words["lang"]
        chosen = rng.sample(theme, rng.choices((1, 2, 3), (50, 35, 15))[0])
        picks = (
            rng.randrange(len(vocab.PLACES)),
            rng.randrange(len(vocab.PARTNERS)),
            rng.randrange(len(vocab.TERMS)),
            rng.randrange(len(vocab.CITIES)),
            words["year"] - rng.randint(1, 12),
            words["year"] + rng.randint(1, 6),
        )
        slots = self.slots(lang, chosen[0], picks)
        summary = rng.choice(vocab.SUMMARIES).format(
            **self.slots(0, chosen[0], picks), country=speaker.country
        )
        if rng.random() < 0.4:
            text.add(rng.choice(vocab.FILLERS[lang]).format(**words, **slots) + " ")
        if rng.random() < 0.25:
            clause = rng.choice(vocab.CLAUSES[lang]).format(**slots)
            start, end = text.add(rng.choice(vocab.REPORTED[lang]).format(**words, c=clause))
            quote, kind = "", ClaimKind.PARAPHRASE
        else:
            before, after = rng.choice(vocab.QUOTED[lang]).split("{q}")
            quote = self.quote(lang, slots, words["social"])
            if after.lstrip('"”»')[:1] == "," and quote.endswith("."):
                quote = quote[:-1]
            text.add(before.format(**words))
            start, end = text.add(quote)
            text.add(after.format(**words))
            kind = ClaimKind.QUOTE
        text.add("\n\n")
        claim = Claim(order=order, summary=f"{speaker.surnames[0]} says {summary}.", kind=kind)
        evidence = Evidence(is_main=True, quote=quote, span_start=start, span_end=end)
        return claim, evidence, [topic[0] for topic in chosen]

    def quote(self, lang: int, slots: dict, social: bool) -> str:
        """Sentences in the speaker's words, 61–300 characters in all."""
        rng = self.rng
        target, sentences, length = rng.randint(61, 280), [], -1
        for template in rng.sample(vocab.SENTENCES[lang], len(vocab.SENTENCES[lang])):
            sentence = template.format(**slots)
            # No sentence is longer than 160, so one that does not fit comes after 130 or more.
            if length + 1 + len(sentence) > 290:
                break
            sentences.append(sentence)
            length += 1 + len(sentence)
            if length >= target:
                break
        # A quote now and then runs over a paragraph break in the article.
        quote = ("\n" if rng.random() < 0.02 else " ").join(sentences)
        if rng.random() < (0.3 if social else 0.02):
            quote += " " + rng.choice(vocab.EMOJI)
        return quote
