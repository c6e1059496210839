"""The words generated texts are made of: names, places, topics, sentences in English, Russian
and Azerbaijani, and the outlets that report them."""

from datetime import date

from statements.models import (
    StatementKind,
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
