"""Synthetic officials, statements and claims for load tests: realistic, and the same for a seed.

Every random choice comes from one random.Random(seed), drawn in a fixed order, so the same
arguments always give the same rows. Rows are written with bulk_create, a batch of statements
with their claims and topics in one transaction at a time, so memory stays flat at any size.
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice

from django.db import reset_queries, transaction
from django.utils.text import slugify

from statements.models import (
    Claim,
    ClaimKind,
    DatePrecision,
    Official,
    Outlet,
    Post,
    Statement,
    StatementKind,
    StatementStatus,
    Topic,
    content_hash,
)

PREFIX = "synthetic-"
BATCH_SIZE = 5000
FIRST_DAY = date(2006, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
LANGUAGES = {"en": 0, "ru": 1, "az": 2}  # the column of each language in the tables below
LANGUAGE_WEIGHTS = (85, 10, 5)
KIND_WEIGHTS = {
    StatementKind.INTERVIEW: 30,
    StatementKind.SPEECH: 15,
    StatementKind.PRESS_RELEASE: 15,
    StatementKind.PRESS_CONFERENCE: 20,
    StatementKind.SOCIAL_POST: 12,
    StatementKind.OTHER: 8,
}


def table(text: str) -> list[tuple[str, ...]]:
    """Rows written one a line, cells separated by " | "."""
    return [tuple(line.strip().split(" | ")) for line in text.strip().splitlines()]


def by_language(text: str) -> list[list[str]]:
    """Lines that start with a language code, gathered per language in LANGUAGES order."""
    rows = table(text)
    return [[line for code, line in rows if code == language] for language in LANGUAGES]


FIRST_NAMES = table("""
    Azerbaijan | Leyla | Лейла | f
    Azerbaijan | Rəşad | Рашад | m
    Azerbaijan | Elçin | Эльчин | m
    Azerbaijan | Günel | Гюнель | f
    Georgia | Nino | Нино | f
    Georgia | Giorgi | Георгий | m
    Armenia | Lilit | Лилит | f
    Armenia | Armen | Армен | m
    Türkiye | Ayşe | Айше | f
    Türkiye | Çağrı | Чагры | m
    Kazakhstan | Aigerim | Айгерим | f
    Kazakhstan | Nurlan | Нурлан | m
    France | Claire | Клэр | f
    France | Étienne | Этьен | m
    United States | Sarah | Сара | f
    United States | John | Джон | m
""")
SURNAMES = table("""
    Azerbaijan | Hüseynzadə | Гусейнзаде
    Azerbaijan | Əhmədli | Ахмедли
    Azerbaijan | Qasımlı | Гасымлы
    Azerbaijan | Şahbazlı | Шахбазлы
    Georgia | Beridze | Беридзе
    Georgia | Tsereteli | Церетели
    Armenia | Sargsyan | Саргсян
    Armenia | Hakobyan | Акопян
    Türkiye | Yılmaz | Йылмаз
    Türkiye | Öztürk | Озтюрк
    Kazakhstan | Seitkali | Сейткали
    Kazakhstan | Zhaksylyk | Жаксылык
    France | Lefèvre | Лефевр
    France | Moreau | Моро
    United States | Carter | Картер
    United States | Walsh | Уолш
""")
COUNTRIES = sorted({country for country, *_ in SURNAMES})
PEOPLE = {
    country: (
        [names for where, *names in FIRST_NAMES if where == country],
        [names for where, *names in SURNAMES if where == country],
    )
    for country in COUNTRIES
}
ROLES = table("""
    Minister of Foreign Affairs | министр иностранных дел | xarici işlər naziri
    Assistant to the President | помощник президента | Prezidentin köməkçisi
    Deputy Prime Minister | вице-премьер | Baş nazirin müavini
    Spokesperson of the Foreign Ministry | официальный представитель МИД | XİN-in sözçüsü
    Minister of Energy | министр энергетики | energetika naziri
    Member of Parliament | депутат парламента | parlament üzvü
    Ambassador to the United Nations | постпред при ООН | BMT-dəki daimi nümayəndə
""")
CITIES = table("""
    Baku | Баку | Bakı
    Moscow | Москва | Moskva
    Brussels | Брюссель | Brüssel
    Tbilisi | Тбилиси | Tbilisi
    Ankara | Анкара | Ankara
    Geneva | Женева | Cenevrə
    Astana | Астана | Astana
    Shusha | Шуша | Şuşa
    New York | Нью-Йорк | Nyu-York
""")
PLACES = table("""
    Şuşa | Шуша | Şuşa
    Ağdam | Агдам | Ağdam
    Xankəndi | Ханкенди | Xankəndi
    Kəlbəcər | Кельбаджар | Kəlbəcər
    Laçın | Лачин | Laçın
    Füzuli | Физули | Füzuli
    Zəngilan | Зангилан | Zəngilan
    Gəncə | Гянджа | Gəncə
""")
PARTNERS = table("""
    the European Union | Евросоюз | Avropa İttifaqı
    Moscow | Москва | Moskva
    Washington | Вашингтон | Vaşinqton
    the OSCE | ОБСЕ | ATƏT
    our neighbours | наши соседи | qonşularımız
    the international community | международное сообщество | beynəlxalq ictimaiyyət
""")
TERMS = table("""
    peace agenda | мирная повестка | sülh gündəliyi
    frozen conflict | замороженный конфликт | dondurulmuş münaqişə
    Middle Corridor | Средний коридор | Orta Dəhliz
    new realities | новые реалии | yeni reallıqlar
    3+3 format | формат 3+3 | 3+3 formatı
""")
# A topic's name, then its phrase in English, Russian and Azerbaijani.
TOPICS = table("""
    Peace talks | the peace talks | мирные переговоры | sülh danışıqları
    Border delimitation | border delimitation | делимитация границы | sərhəd delimitasiyası
    Mine clearance | mine clearance | разминирование | minatəmizləmə
    Energy exports | energy exports | экспорт энергоносителей | enerji ixracı
    Transport corridors | transport corridors | транспортные коридоры | nəqliyyat dəhlizləri
    Reconstruction | reconstruction | восстановление | bərpa işləri
    Refugees and IDPs | the return of IDPs | возвращение ВПЛ | köçkünlərin qayıdışı
    Sanctions | sanctions | санкции | sanksiyalar
    Climate policy | climate policy | климатическая политика | iqlim siyasəti
    Trade | trade | торговля | ticarət
    Human rights | human rights | права человека | insan hüquqları
    Elections | the elections | выборы | seçkilər
    Media freedom | media freedom | свобода СМИ | media azadlığı
    Water resources | water resources | водные ресурсы | su ehtiyatları
    Cultural heritage | cultural heritage | культурное наследие | mədəni irs
    Defence cooperation | defence cooperation | оборонное сотрудничество | hərbi əməkdaşlıq
    Migration | migration | миграция | miqrasiya
    Digital economy | the digital economy | цифровая экономика | rəqəmsal iqtisadiyyat
    Diaspora | the diaspora | диаспора | diaspor
    Regional security | regional security | региональная безопасность | regional təhlükəsizlik
""")
TOPIC_PHRASE = 2  # a topic row is (pk, name, English, Russian, Azerbaijani phrase)
# What a speaker says, 40–160 characters a sentence once filled in.
SENTENCES = by_language("""
    en | We remain fully committed to {topic}, and nobody should doubt that.
    en | The situation around {place} has changed fundamentally since {past}.
    en | Our position on {topic} is clear, consistent and well known to {partner}.
    en | We call on {partner} to stop talking about the so-called "{term}" and to act.
    en | Nobody, I repeat, nobody will decide {topic} for us behind closed doors.
    en | In {place} people are coming home, schools are open, and life is returning.
    en | What some call "{term}" is, in fact, a chance for the whole region.
    en | We have said this many times in {city}, and we will say it again.
    en | Frankly speaking, {partner} should look at the facts on the ground, not at headlines.
    en | By {future} the work on {topic} must be finished, whatever the difficulties.
    ru | Мы по-прежнему привержены теме «{topic}», и никто не должен в этом сомневаться.
    ru | Ситуация вокруг города {place} коренным образом изменилась после {past} года.
    ru | Наша позиция ясна, и все должны понять, что "{term}" — это не лозунг.
    ru | Никто не будет решать за нас вопросы повестки «{topic}».
    ru | Люди возвращаются в город {place}, открываются школы, жизнь налаживается.
    ru | Мы говорили это в городе {city} и скажем ещё раз, открыто и честно.
    az | Biz {topic} məsələsində prinsipial mövqeyimizi qoruyuruq.
    az | {place} şəhərində vəziyyət {past}-ci ildən sonra kökündən dəyişib.
    az | {partner} "{term}" ifadəsini deyil, real faktları nəzərə almalıdır.
    az | Heç kim {topic} barədə bizim əvəzimizə qərar verməyəcək.
    az | İnsanlar {place} şəhərinə qayıdır, məktəblər açılır, həyat canlanır.
    az | Bunu {city} şəhərində də demişik, yenə də açıq şəkildə deyirik.
""")
# What a reporter says the speaker said, without quoting.
CLAUSES = by_language("""
    en | the talks on {topic} would continue in {city} next month
    en | {partner} had not kept its promises on {topic}
    en | the government was ready to discuss {topic} with {partner}
    en | work in {place} would be finished by {future}
    en | no decision on {topic} had been taken yet
    ru | переговоры по теме «{topic}» продолжатся в ближайшее время
    ru | партнёры, в том числе {partner}, не выполняют своих обещаний
    ru | работы в городе {place} будут завершены к {future} году
    az | {topic} üzrə danışıqlar yaxın vaxtlarda davam edəcək
    az | {partner} öz öhdəliklərini yerinə yetirmir
    az | {place} şəhərində işlər {future}-ci ilədək başa çatacaq
""")
SUMMARIES = [
    "{country} remains committed to {topic}",
    "{partner} should change its approach to {topic}",
    "talks on {topic} will continue",
    "the situation in {place} has improved",
    "progress on {topic} depends on {partner}",
    "no one else will decide on {topic}",
]
# How a quote is attributed; before "{q}," a reporter drops the quote's full stop.
QUOTED = by_language("""
    en | {name} said: "{q}"
    en | "{q}," {name} said.
    en | According to {name}, "{q}"
    en | {he} added: “{q}”
    ru | «{q}», — {said} {name}.
    ru | {name} {said}: «{q}»
    ru | По {his} словам, «{q}»
    az | "{q}", - deyə {name} bildirib.
    az | {name} qeyd edib: "{q}"
    az | {name} vurğulayıb: "{q}"
""")
REPORTED = by_language("""
    en | {name} noted that {c}.
    en | {he} said that {c}.
    en | According to {name}, {c}.
    ru | {name} {noted}, что {c}.
    ru | Также {name} {noted}, что {c}.
    az | {name} bildirib ki, {c}.
    az | {name} həmçinin qeyd edib ki, {c}.
""")
FILLERS = by_language("""
    en | The remarks came as {partner} prepared a new round of consultations.
    en | {name} was answering a question about {topic}.
    en | Relations with {partner} have been strained for years.
    ru | Напомним, что вопрос «{topic}» обсуждается не первый год.
    az | Xatırladaq ki, {topic} məsələsi uzun illərdir müzakirə olunur.
""")
ACTIONS = [
    {
        StatementKind.INTERVIEW: "said in an interview with {venue}",
        StatementKind.SPEECH: "said in a speech in {city}",
        StatementKind.PRESS_RELEASE: "said in a statement",
        StatementKind.PRESS_CONFERENCE: "told a press conference in {city}",
        StatementKind.SOCIAL_POST: "wrote on {venue}",
        StatementKind.OTHER: "commented",
    },
    {StatementKind.INTERVIEW: "в интервью {venue}", StatementKind.SOCIAL_POST: "в {venue}"},
    {StatementKind.INTERVIEW: "{venue} müsahibəsində", StatementKind.SOCIAL_POST: "{venue}-da"},
]
LEADS = [
    "{dateline}, {when}. {title} {name} {action} on {topic}.",
    "{dateline}, {when}. {title} {name} {action} {spoke} по теме «{topic}».",
    "{dateline}, {when}. {title} {name} {action} {topic} mövzusuna toxunub.",
]
MONTHS = [
    "January February March April May June July August September October November December",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr",
]
HEADLINES = [
    "{surname} on {topic}",
    "{surname}: {country} will not give ground on {topic}",
    "{surname} discusses {topic} and {topic2} in {city}",
    "{name} sets out the government's view of {topic}",
]
EMOJI = ["🇦🇿", "🤝", "🕊️", "✅", "🙏", "📌", "🌍"]
BROADCASTERS = ["Phoenix TV", "Al Jazeera", "BBC World News", "France 24", "Deutsche Welle"]
BROADCASTERS += ["Rossiya 24", "TRT World", "Euronews", "CNN International", "AzTV", "CGTN"]
AGENCIES = ["Trend", "APA", "Report.az", "News.Az", "Azertac", "TASS", "RIA Novosti", "Interfax"]
AGENCIES += ["Anadolu Agency", "Reuters", "Agence France-Presse", "Caliber.Az", "Armenpress"]
AGENCIES += ["Agenda.ge", "Kazinform", "Associated Press"]
PLATFORMS = ["X", "Telegram", "Facebook"]
OUTLETS = BROADCASTERS + AGENCIES + PLATFORMS


class SyntheticDataError(Exception):
    """The synthetic data cannot be generated as asked."""


@dataclass(frozen=True)
class Plan:
    """What to generate: how many officials and statements, claims in each, and the seed."""

    officials: int
    statements: int
    claims_per_statement: int
    seed: int
    batch_size: int = BATCH_SIZE

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
            country = rng.choice(COUNTRIES)
            first, last = rng.choice(PEOPLE[country][0]), rng.choice(PEOPLE[country][1])
            role = rng.choice(ROLES)
            since = date(rng.randint(1998, 2012), rng.randint(1, 12), 1)
            name, cyrillic = f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"
            official = Official(
                name=name,
                slug=f"{PREFIX}{self.plan.seed}-{serial}-{ascii_slug(name)}",
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
        """Each statement with its claims, each claim with the pks of its topics."""
        for serial in range(1, self.plan.statements + 1):
            yield self.statement(serial, self.rng.choice(speakers), outlets, topics)

    def statement(self, serial: int, speaker: Speaker, outlets: dict, topics: list) -> tuple:
        rng = self.rng
        language = rng.choices(list(LANGUAGES), LANGUAGE_WEIGHTS)[0]
        lang = LANGUAGES[language]
        day, precision = self.draw_date()
        kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
        venue = None
        if kind == StatementKind.INTERVIEW:
            venue = rng.choice(BROADCASTERS + AGENCIES)
        elif kind == StatementKind.SOCIAL_POST:
            venue = rng.choice(PLATFORMS)
        reporter = rng.choice(AGENCIES) if rng.random() < 0.95 else None
        theme = rng.sample(topics, rng.randint(3, 5))
        city = rng.choice(CITIES)
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
        lead = LEADS[lang].format(
            **words,
            dateline=city[lang],
            when=self.when(lang, day, precision),
            title=title,
            action=ACTIONS[lang].get(kind, "").format(venue=venue, city=city[lang]),
            topic=theme[0][TOPIC_PHRASE + lang],
        )
        text.add(" ".join(lead.split()) + "\n\n")
        claims = [
            self.claim(text, words, speaker, theme, order)
            for order in range(1, self.plan.claims_per_statement + 1)
        ]
        # The story number makes every text, and so its hash, unique.
        text.add(f"[Story {self.plan.seed}-{serial:07d}]\n")
        source_text = str(text)
        headline = rng.choice(HEADLINES).format(
            name=speaker.names[0],
            surname=speaker.surnames[0],
            country=speaker.country,
            city=city[0],
            topic=theme[0][TOPIC_PHRASE],
            topic2=theme[1][TOPIC_PHRASE],
        )
        statement = Statement(
            official_id=speaker.pk,
            date=day,
            date_precision=precision,
            kind=kind,
            venue_id=outlets.get(venue),
            reporting_outlet_id=outlets.get(reporter),
            dateline=city[lang],
            title_as_given=title,
            headline=headline,
            source_url=f"{homepage(reporter)}{language}/news/{serial}" if reporter else "",
            language=language,
            source_text=source_text,
            source_hash=content_hash(source_text),
            status=StatementStatus.PUBLISHED,
        )
        return statement, claims

    def draw_date(self) -> tuple[date, str]:
        """A day in 2006–2025; about 5% known only to the month and 1% only to the year."""
        day = FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))
        chance = self.rng.random()
        if chance < 0.01:
            return day.replace(month=1, day=1), DatePrecision.YEAR
        if chance < 0.06:
            return day.replace(day=1), DatePrecision.MONTH
        return day, DatePrecision.DAY

    def when(self, lang: int, day: date, precision: str) -> str:
        if precision == DatePrecision.DAY:
            return f"{day.day} {MONTHS[lang].split()[day.month - 1]}"
        return str(day.year)

    def slots(self, lang: int, topic: tuple, picks: tuple) -> dict[str, str]:
        place, partner, term, city, past, future = picks
        return {
            "topic": topic[TOPIC_PHRASE + lang],
            "place": PLACES[place][lang],
            "partner": PARTNERS[partner][lang],
            "term": TERMS[term][lang],
            "city": CITIES[city][lang],
            "past": str(past),
            "future": str(future),
        }

    def claim(self, text: Text, words: dict, speaker: Speaker, theme: list, order: int) -> tuple:
        rng, lang = self.rng, words["lang"]
        chosen = rng.sample(theme, rng.choices((1, 2, 3), (50, 35, 15))[0])
        picks = (
            rng.randrange(len(PLACES)),
            rng.randrange(len(PARTNERS)),
            rng.randrange(len(TERMS)),
            rng.randrange(len(CITIES)),
            words["year"] - rng.randint(1, 12),
            words["year"] + rng.randint(1, 6),
        )
        slots = self.slots(lang, chosen[0], picks)
        summary = rng.choice(SUMMARIES).format(
            **self.slots(0, chosen[0], picks), country=speaker.country
        )
        if rng.random() < 0.4:
            text.add(rng.choice(FILLERS[lang]).format(**words, **slots) + " ")
        if rng.random() < 0.25:
            clause = rng.choice(CLAUSES[lang]).format(**slots)
            start, end = text.add(rng.choice(REPORTED[lang]).format(**words, c=clause))
            quote, kind = "", ClaimKind.PARAPHRASE
        else:
            before, after = rng.choice(QUOTED[lang]).split("{q}")
            quote = self.quote(lang, slots, words["social"])
            if after.lstrip('"”»')[:1] == "," and quote.endswith("."):
                quote = quote[:-1]
            text.add(before.format(**words))
            start, end = text.add(quote)
            text.add(after.format(**words))
            kind = ClaimKind.QUOTE
        text.add("\n\n")
        claim = Claim(
            order=order,
            summary=f"{speaker.surnames[0]} says {summary}.",
            quote=quote,
            kind=kind,
            span_start=start,
            span_end=end,
        )
        return claim, [topic[0] for topic in chosen]

    def quote(self, lang: int, slots: dict, social: bool) -> str:
        """Sentences in the speaker's words, 61–300 characters in all."""
        rng = self.rng
        target, sentences, length = rng.randint(61, 280), [], -1
        for template in rng.sample(SENTENCES[lang], len(SENTENCES[lang])):
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
            quote += " " + rng.choice(EMOJI)
        return quote


def ensure(model: type, rows: list[dict]) -> dict[str, int]:
    """The pks of the rows by slug, creating those that are not stored yet."""
    slugs = [row["slug"] for row in rows]
    stored = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    model.objects.bulk_create([model(**row) for row in rows if row["slug"] not in stored])
    return dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def outlets_and_topics() -> tuple[dict[str, int], list[tuple]]:
    """About 30 outlets by name and 20 topics as (pk, name, phrases…), reused when present."""
    outlet_rows = [
        {"name": name, "slug": PREFIX + ascii_slug(name), "homepage": homepage(name)}
        for name in OUTLETS
    ]
    outlet_pks = ensure(Outlet, outlet_rows)
    topic_rows = [
        {"name": name, "slug": PREFIX + ascii_slug(name), "description": f"Positions on {en}."}
        for name, en, *_ in TOPICS
    ]
    topic_pks = ensure(Topic, topic_rows)
    outlets = {row["name"]: outlet_pks[row["slug"]] for row in outlet_rows}
    topics = [
        (topic_pks[row["slug"]], *topic) for row, topic in zip(topic_rows, TOPICS, strict=True)
    ]
    return outlets, topics


def save_officials(writer: Writer) -> list[Speaker]:
    made = writer.officials()
    officials = Official.objects.bulk_create([official for official, _, _ in made])
    posts = []
    for official, (_, post, _) in zip(officials, made, strict=True):
        post.official_id = official.pk
        posts.append(post)
    Post.objects.bulk_create(posts)
    return [
        replace(speaker, pk=official.pk)
        for official, (*_, speaker) in zip(officials, made, strict=True)
    ]


def save_batch(drafts: list[tuple[Statement, list[tuple[Claim, list[int]]]]]) -> int:
    """Statements, their claims and the claims' topics: three bulk inserts and more."""
    statements = Statement.objects.bulk_create(
        [statement for statement, _ in drafts], batch_size=1000
    )
    claims, topic_pks = [], []
    for statement, (_, drafted) in zip(statements, drafts, strict=True):
        for claim, pks in drafted:
            claim.statement_id = statement.pk
            claims.append(claim)
            topic_pks.append(pks)
    Claim.objects.bulk_create(claims, batch_size=1000)
    link = Claim.topics.through
    links = [
        link(claim_id=claim.pk, topic_id=pk)
        for claim, pks in zip(claims, topic_pks, strict=True)
        for pk in pks
    ]
    link.objects.bulk_create(links, batch_size=1000)
    return len(claims)


def generate(plan: Plan, progress: Callable[[int, int], None] | None = None) -> None:
    """Store the plan's officials, statements and claims, reporting claims written so far."""
    if plan.statements and plan.officials < 1:
        raise SyntheticDataError("Statements need at least one official to make them.")
    if Official.objects.filter(slug__startswith=f"{PREFIX}{plan.seed}-").exists():
        raise SyntheticDataError(
            f"Synthetic data from seed {plan.seed} is already stored; choose another seed."
        )
    writer = Writer(plan)
    with transaction.atomic():
        outlets, topics = outlets_and_topics()
        speakers = save_officials(writer)
    drafts = writer.statements(speakers, outlets, topics)
    per_batch = max(1, plan.batch_size // max(1, plan.claims_per_statement))
    done = 0
    while batch := list(islice(drafts, per_batch)):
        # Each batch commits on its own, so the write-ahead log and memory stay small.
        with transaction.atomic():
            done += save_batch(batch)
        # With DEBUG on, Django keeps the SQL of the last 9,000 queries: megabytes a batch here.
        reset_queries()
        if progress:
            progress(done, plan.claims)
