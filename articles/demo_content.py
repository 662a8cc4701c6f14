"""The demo content that `manage.py load_demo_content` loads: plain data, no code.

The first story is the region's real English article about the visit of the
Ambassador of Kazakhstan on 4 April 2024 (text as published, with Czech and
German translations made for the demo) and the visit it reports. The other
stories are invented to show the site with several countries: their people and
companies are fictitious (real offices appear only with invented holders), and
each of their articles says so. One visit is planned for 2027 and one is
internal (staff only); neither has an article.

Everything is keyed by slug (organisations, people, topics, visits) or by the
English slug (articles), so that loading again updates rather than duplicates.
Texts are {"cs": ..., "en": ..., "de": ...} mappings; article bodies are lists
of paragraphs, turned into <p> HTML by the loader.
"""

import datetime
from zoneinfo import ZoneInfo

PRAGUE = ZoneInfo("Europe/Prague")


def tr(cs: str, en: str, de: str) -> dict[str, str]:
    return {"cs": cs, "en": en, "de": de}


PILSEN = tr("Plzeň", "Pilsen", "Pilsen")

DEMO_NOTE = tr(
    "<em>Tento článek je ukázkový obsah: návštěva, osoby i firmy v něm jsou "
    "smyšlené.</em>",
    "<em>This article is demo content: the visit, the people and the companies "
    "in it are fictitious.</em>",
    "<em>Dieser Artikel ist Demo-Inhalt: Der Besuch, die Personen und die "
    "Unternehmen darin sind frei erfunden.</em>",
)

TOPICS = [
    {"slug": "diplomacy", "name": tr("Diplomacie", "Diplomacy", "Diplomatie")},
    {"slug": "economy", "name": tr("Ekonomika", "Economy", "Wirtschaft")},
    {
        "slug": "education-and-research",
        "name": tr(
            "Vzdělávání a výzkum", "Education and research", "Bildung und Forschung"
        ),
    },
    {
        "slug": "cross-border-cooperation",
        "name": tr(
            "Přeshraniční spolupráce",
            "Cross-border cooperation",
            "Grenzüberschreitende Zusammenarbeit",
        ),
    },
]

ORGANISATIONS = [
    # Real organisations of the Kazakhstan visit.
    {
        "slug": "pilsen-region-regional-authority",
        "kind": "government",
        "name": tr(
            "Krajský úřad Plzeňského kraje",
            "Regional Authority of the Pilsen Region",
            "Kreisamt der Region Pilsen",
        ),
        "city": PILSEN,
        "country": "CZ",
        "website": "https://www.plzensky-kraj.cz/",
        "description": tr(
            "Sídlo Plzeňského kraje a jeho krajského úřadu, kde hejtman přijímá "
            "zahraniční návštěvy.",
            "The headquarters of the Pilsen Region and its regional authority, "
            "where the Governor receives foreign visitors.",
            "Sitz der Region Pilsen und ihres Kreisamts, wo der Hauptmann "
            "ausländische Gäste empfängt.",
        ),
    },
    {
        "slug": "university-of-west-bohemia",
        "kind": "university",
        "name": tr(
            "Západočeská univerzita v Plzni",
            "University of West Bohemia",
            "Westböhmische Universität in Pilsen",
        ),
        "city": PILSEN,
        "country": "CZ",
        "website": "https://www.zcu.cz/",
        "description": tr(
            "Veřejná vysoká škola v Plzni s fakultami technickými, přírodovědnými, "
            "ekonomickými, právnickými, humanitními a uměleckými.",
            "Public university in Pilsen with faculties of engineering, science, "
            "economics, law, the humanities and the arts.",
            "Öffentliche Universität in Pilsen mit Fakultäten für Technik, "
            "Naturwissenschaften, Wirtschaft, Recht, Geisteswissenschaften und "
            "Kunst.",
        ),
    },
    {
        "slug": "skoda-transportation",
        "kind": "company",
        "name": tr(
            "Škoda Transportation", "Škoda Transportation", "Škoda Transportation"
        ),
        "city": PILSEN,
        "country": "CZ",
        "website": "",
        "description": tr(
            "Skupina dopravního strojírenství: nízkopodlažní tramvaje, elektrické "
            "lokomotivy, soupravy metra, elektrobusy a trolejbusy.",
            "Transport engineering group: low-floor trams, electric locomotives, "
            "metro trains, electric buses and trolleybuses.",
            "Verkehrstechnikkonzern: Niederflurstraßenbahnen, Elektrolokomotiven, "
            "U-Bahn-Züge, Elektrobusse und Oberleitungsbusse.",
        ),
    },
    {
        "slug": "regional-chamber-of-commerce-pilsen-region",
        "kind": "chamber",
        "name": tr(
            "Krajská hospodářská komora Plzeňského kraje",
            "Regional Chamber of Commerce of the Pilsen Region",
            "Regionale Wirtschaftskammer der Region Pilsen",
        ),
        "city": PILSEN,
        "country": "CZ",
        "website": "",
        "description": tr(
            "Sdružuje podnikatele Plzeňského kraje a pomáhá jim hledat partnery "
            "doma i v zahraničí.",
            "Brings together the businesses of the Pilsen Region and helps them "
            "find partners at home and abroad.",
            "Vereint die Unternehmen der Region Pilsen und hilft ihnen, Partner im "
            "In- und Ausland zu finden.",
        ),
    },
    {
        "slug": "pilsner-urquell-brewery",
        "kind": "company",
        "name": tr(
            "Plzeňský Prazdroj", "Pilsner Urquell Brewery", "Brauerei Pilsner Urquell"
        ),
        "city": PILSEN,
        "country": "CZ",
        "website": "https://www.prazdroj.cz/",
        "description": tr(
            "Pivovar v Plzni, kde se od roku 1842 vaří ležák plzeňského typu.",
            "The brewery in Pilsen where pilsner lager has been brewed since 1842.",
            "Die Brauerei in Pilsen, in der seit 1842 Lagerbier nach Pilsner Art "
            "gebraut wird.",
        ),
    },
    # Fictitious companies of the invented visits.
    {
        "slug": "mze-precision-engineering",
        "kind": "company",
        "name": tr(
            "Mže Precision Engineering",
            "Mže Precision Engineering",
            "Mže Precision Engineering",
        ),
        "city": PILSEN,
        "country": "CZ",
        "website": "",
        "description": tr(
            "Smyšlená firma z ukázkového obsahu: přesné obrábění dílů pro "
            "automobilový a letecký průmysl.",
            "Fictitious company from the demo content: precision machining for the "
            "automotive and aerospace industries.",
            "Fiktives Unternehmen aus den Demo-Inhalten: Präzisionsbearbeitung für "
            "die Automobil- und Luftfahrtindustrie.",
        ),
    },
    {
        "slug": "radbuza-robotics",
        "kind": "company",
        "name": tr("Radbuza Robotics", "Radbuza Robotics", "Radbuza Robotics"),
        "city": tr("Dobřany", "Dobřany", "Dobřany"),
        "country": "CZ",
        "website": "",
        "description": tr(
            "Smyšlená firma z ukázkového obsahu: průmyslové roboty a automatizace "
            "výrobních linek.",
            "Fictitious company from the demo content: industrial robots and "
            "automated production lines.",
            "Fiktives Unternehmen aus den Demo-Inhalten: Industrieroboter und "
            "automatisierte Fertigungslinien.",
        ),
    },
    {
        "slug": "uslava-battery-systems",
        "kind": "company",
        "name": tr(
            "Úslava Battery Systems", "Úslava Battery Systems", "Úslava Battery Systems"
        ),
        "city": PILSEN,
        "country": "CZ",
        "website": "",
        "description": tr(
            "Smyšlená firma z ukázkového obsahu: vývoj a montáž bateriových modulů.",
            "Fictitious company from the demo content: development and assembly of "
            "battery modules.",
            "Fiktives Unternehmen aus den Demo-Inhalten: Entwicklung und Montage von "
            "Batteriemodulen.",
        ),
    },
]

MR = tr("pan", "Mr.", "Herr")
MS = tr("paní", "Ms.", "Frau")
EXCELLENCY = tr("J. E.", "H. E.", "S. E.")

PEOPLE = [
    # The Kazakhstan visit, as the article reports it.
    {
        "slug": "bakyt-dyussenbayev",
        "name": "Bakyt Dyussenbayev",
        "honorific": EXCELLENCY,
        "country": "KZ",
        "title": tr(
            "velvyslanec Kazachstánu v České republice",
            "Ambassador of Kazakhstan to the Czech Republic",
            "Botschafter Kasachstans in der Tschechischen Republik",
        ),
    },
    {
        "slug": "timur-akhmetzhanov",
        "name": "Timur Akhmetzhanov",
        "honorific": MR,
        "country": "KZ",
        "title": tr(
            "obchodní rada Velvyslanectví Kazachstánu v České republice",
            "Commercial Counsellor of the Embassy of Kazakhstan in the Czech Republic",
            "Handelsrat der Botschaft Kasachstans in der Tschechischen Republik",
        ),
    },
    {
        "slug": "rudolf-spotak",
        "name": "Rudolf Špoták",
        "honorific": tr("", "", ""),
        "country": "CZ",
        "title": tr(
            "hejtman Plzeňského kraje",
            "Governor of the Pilsen Region",
            "Hauptmann der Region Pilsen",
        ),
    },
    # Invented people: real offices, fictitious holders.
    {
        "slug": "jana-vesela",
        "name": "Jana Veselá",
        "honorific": tr("Mgr.", "Mgr.", "Mgr."),
        "country": "CZ",
        "title": tr(
            "náměstkyně hejtmana Plzeňského kraje pro regionální rozvoj",
            "Deputy Governor of the Pilsen Region for Regional Development",
            "Stellvertreterin des Hauptmanns der Region Pilsen für Regionalentwicklung",
        ),
    },
    {
        "slug": "petr-kodera",
        "name": "Petr Kodera",
        "honorific": tr("Ing.", "Ing.", "Ing."),
        "country": "CZ",
        "title": tr(
            "radní Plzeňského kraje pro ekonomiku a zahraniční vztahy",
            "Pilsen Region Councillor for the Economy and Foreign Relations",
            "Ratsmitglied der Region Pilsen für Wirtschaft und Außenbeziehungen",
        ),
    },
    {
        "slug": "katharina-brandl",
        "name": "Katharina Brandl",
        "honorific": tr("Dr.", "Dr.", "Dr."),
        "country": "DE",
        "title": tr(
            "vedoucí delegace Horní Falce",
            "Head of the Upper Palatinate delegation",
            "Leiterin der Delegation der Oberpfalz",
        ),
    },
    {
        "slug": "thomas-reindl",
        "name": "Thomas Reindl",
        "honorific": MR,
        "country": "DE",
        "title": tr(
            "koordinátor přeshraniční spolupráce",
            "Cross-border cooperation coordinator",
            "Koordinator für grenzüberschreitende Zusammenarbeit",
        ),
    },
    {
        "slug": "kenji-moriyama",
        "name": "Kenji Moriyama",
        "honorific": EXCELLENCY,
        "country": "JP",
        "title": tr(
            "velvyslanec Japonska v České republice",
            "Ambassador of Japan to the Czech Republic",
            "Botschafter Japans in der Tschechischen Republik",
        ),
    },
    {
        "slug": "aiko-tanabe",
        "name": "Aiko Tanabe",
        "honorific": MS,
        "country": "JP",
        "title": tr(
            "první tajemnice Velvyslanectví Japonska",
            "First Secretary of the Embassy of Japan",
            "Erste Sekretärin der Botschaft Japans",
        ),
    },
    {
        "slug": "park-min-jun",
        "name": "Park Min-jun",
        "honorific": MR,
        "country": "KR",
        "title": tr(
            "vedoucí obchodní delegace",
            "Head of the business delegation",
            "Leiter der Wirtschaftsdelegation",
        ),
    },
    {
        "slug": "choi-seo-yeon",
        "name": "Choi Seo-yeon",
        "honorific": MS,
        "country": "KR",
        "title": tr(
            "investiční manažerka", "Investment manager", "Investitionsmanagerin"
        ),
    },
    {
        "slug": "lukas-hofer",
        "name": "Lukas Hofer",
        "honorific": tr("Mag.", "Mag.", "Mag."),
        "country": "AT",
        "title": tr(
            "vedoucí delegace", "Head of the delegation", "Leiter der Delegation"
        ),
    },
    {
        "slug": "chen-wei-lun",
        "name": "Chen Wei-lun",
        "honorific": MR,
        "country": "TW",
        "title": tr(
            "investiční ředitel výrobce elektroniky",
            "Investment director of an electronics manufacturer",
            "Investitionsdirektor eines Elektronikherstellers",
        ),
    },
]

KAZAKHSTAN_DAY = datetime.date(2024, 4, 4)

VISITS = [
    {
        "slug": "ambassador-of-kazakhstan-2024",
        "title": tr(
            "Návštěva velvyslance Kazachstánu",
            "Visit of the Ambassador of Kazakhstan",
            "Besuch des Botschafters Kasachstans",
        ),
        "start_date": KAZAKHSTAN_DAY,
        "end_date": None,
        "country": "KZ",
        "direction": "incoming",
        "status": "held",
        "visibility": "public",
        "purpose": tr(
            "První návštěva nového velvyslance v českém kraji: seznámit se s "
            "průmyslem, vědou a výzkumem v kraji a hledat partnery pro "
            "kazachstánské firmy.",
            "The new Ambassador's first visit to a Czech region: to learn about the "
            "region's industry, science and research and to look for partners for "
            "Kazakh companies.",
            "Erster Besuch des neuen Botschafters in einer tschechischen Region: "
            "Industrie, Wissenschaft und Forschung der Region kennenlernen und "
            "Partner für kasachische Unternehmen suchen.",
        ),
        "outcome": tr(
            "Hejtman uvítal zájem Kazachstánu o Plzeňský kraj a vyjádřil "
            "připravenost k další spolupráci a užším vztahům. Velvyslanec navštívil "
            "univerzitu, Škodu Transportation, krajskou hospodářskou komoru a "
            "Plzeňský Prazdroj.",
            "The Governor welcomed Kazakhstan's interest in the Pilsen Region and "
            "declared his readiness for further cooperation and closer relations. "
            "The Ambassador visited the university, Škoda Transportation, the "
            "Regional Chamber of Commerce and Pilsner Urquell Brewery.",
            "Der Hauptmann begrüßte das Interesse Kasachstans an der Region Pilsen "
            "und erklärte sich zu weiterer Zusammenarbeit und engeren Beziehungen "
            "bereit. Der Botschafter besuchte die Universität, Škoda "
            "Transportation, die Regionale Wirtschaftskammer und die Brauerei "
            "Pilsner Urquell.",
        ),
        "internal_notes": "",
        "guests": ["bakyt-dyussenbayev", "timur-akhmetzhanov"],
        "hosts": ["rudolf-spotak"],
        "stops": [
            {
                "organisation": "pilsen-region-regional-authority",
                "date": KAZAKHSTAN_DAY,
                "note": tr(
                    "Přijetí u hejtmana Plzeňského kraje",
                    "Reception by the Governor of the Pilsen Region",
                    "Empfang beim Hauptmann der Region Pilsen",
                ),
            },
            {
                "organisation": "university-of-west-bohemia",
                "date": KAZAKHSTAN_DAY,
                "note": tr(
                    "Odpolední návštěva", "Afternoon visit", "Besuch am Nachmittag"
                ),
            },
            {
                "organisation": "skoda-transportation",
                "date": KAZAKHSTAN_DAY,
                "note": tr(
                    "Prohlídka společnosti, která se účastnila tendrů v Kazachstánu",
                    "Tour of the company, which has taken part in tenders in "
                    "Kazakhstan",
                    "Besichtigung des Unternehmens, das sich an Ausschreibungen in "
                    "Kasachstan beteiligt hat",
                ),
            },
            {
                "organisation": "regional-chamber-of-commerce-pilsen-region",
                "date": KAZAKHSTAN_DAY,
                "note": tr(
                    "Setkání se zástupci komory",
                    "Meeting with representatives of the Chamber",
                    "Treffen mit Vertretern der Kammer",
                ),
            },
            {
                "organisation": "pilsner-urquell-brewery",
                "date": KAZAKHSTAN_DAY,
                "note": tr(
                    "Návštěva pivovaru", "Visit to the brewery", "Besuch der Brauerei"
                ),
            },
        ],
    },
    {
        "slug": "upper-palatinate-delegation-2024",
        "title": tr(
            "Delegace Horní Falce k přeshraniční spolupráci",
            "Upper Palatinate delegation on cross-border cooperation",
            "Delegation der Oberpfalz zur grenzüberschreitenden Zusammenarbeit",
        ),
        "start_date": datetime.date(2024, 9, 17),
        "end_date": datetime.date(2024, 9, 18),
        "country": "DE",
        "direction": "incoming",
        "status": "held",
        "visibility": "public",
        "purpose": tr(
            "Připravit společné projekty přeshraniční spolupráce: odborné "
            "vzdělávání, výzkum a dopravní spojení.",
            "To prepare joint cross-border projects: vocational training, research "
            "and transport links.",
            "Gemeinsame grenzüberschreitende Projekte vorbereiten: berufliche "
            "Bildung, Forschung und Verkehrsverbindungen.",
        ),
        "outcome": tr(
            "Dohoda připravit společný projekt duálního odborného vzdělávání a sejít "
            "se znovu na jaře.",
            "Agreed to prepare a joint project on dual vocational training and to "
            "meet again in spring.",
            "Vereinbart wurde, ein gemeinsames Projekt zur dualen Berufsausbildung "
            "vorzubereiten und sich im Frühjahr erneut zu treffen.",
        ),
        "internal_notes": "",
        "guests": ["katharina-brandl", "thomas-reindl"],
        "hosts": ["jana-vesela"],
        "stops": [
            {
                "organisation": "pilsen-region-regional-authority",
                "date": datetime.date(2024, 9, 17),
                "note": tr("Jednání", "Talks", "Gespräche"),
            },
            {
                "organisation": "university-of-west-bohemia",
                "date": datetime.date(2024, 9, 18),
                "note": tr(
                    "Výzkumné projekty s bavorskými vysokými školami",
                    "Research projects with Bavarian universities",
                    "Forschungsprojekte mit bayerischen Hochschulen",
                ),
            },
            {
                "organisation": "mze-precision-engineering",
                "date": datetime.date(2024, 9, 18),
                "note": tr(
                    "Společná výchova učňů",
                    "Joint apprentice training",
                    "Gemeinsame Lehrlingsausbildung",
                ),
            },
        ],
    },
    {
        "slug": "ambassador-of-japan-2025",
        "title": tr(
            "Návštěva velvyslance Japonska",
            "Visit of the Ambassador of Japan",
            "Besuch des Botschafters Japans",
        ),
        "start_date": datetime.date(2025, 2, 12),
        "end_date": None,
        "country": "JP",
        "direction": "incoming",
        "status": "held",
        "visibility": "public",
        "purpose": tr(
            "Zjistit, kde může vzniknout nová spolupráce v automatizaci, robotice a "
            "aplikovaném výzkumu.",
            "To learn where new cooperation could grow in automation, robotics and "
            "applied research.",
            "Erfahren, wo neue Zusammenarbeit in Automatisierung, Robotik und "
            "angewandter Forschung entstehen kann.",
        ),
        "outcome": tr(
            "Univerzita a japonské technické univerzity připraví výměnné pobyty "
            "studentů.",
            "The university and Japanese technical universities will prepare student "
            "exchanges.",
            "Die Universität und japanische technische Universitäten bereiten einen "
            "Studierendenaustausch vor.",
        ),
        "internal_notes": "",
        "guests": ["kenji-moriyama", "aiko-tanabe"],
        "hosts": ["petr-kodera"],
        "stops": [
            {
                "organisation": "pilsen-region-regional-authority",
                "date": datetime.date(2025, 2, 12),
                "time": datetime.time(10, 0),
                "note": tr("Přijetí", "Reception", "Empfang"),
            },
            {
                "organisation": "radbuza-robotics",
                "date": datetime.date(2025, 2, 12),
                "time": datetime.time(13, 30),
                "note": tr("Prohlídka výroby", "Factory tour", "Werksbesichtigung"),
            },
            {
                "organisation": "university-of-west-bohemia",
                "date": datetime.date(2025, 2, 12),
                "time": datetime.time(15, 30),
                "note": tr(
                    "Výměnné pobyty studentů",
                    "Student exchanges",
                    "Studierendenaustausch",
                ),
            },
        ],
    },
    {
        "slug": "korean-business-delegation-2025",
        "title": tr(
            "Obchodní delegace z Korejské republiky",
            "Business delegation from the Republic of Korea",
            "Wirtschaftsdelegation aus der Republik Korea",
        ),
        "start_date": datetime.date(2025, 6, 3),
        "end_date": datetime.date(2025, 6, 4),
        "country": "KR",
        "direction": "incoming",
        "status": "held",
        "visibility": "public",
        "purpose": tr(
            "Hledat dodavatele a výzkumné partnery v oblasti bateriových technologií.",
            "To look for suppliers and research partners in battery technology.",
            "Zulieferer und Forschungspartner im Bereich Batterietechnik suchen.",
        ),
        "outcome": tr(
            "Dotčené firmy budou v jednáních pokračovat online.",
            "The companies concerned will continue their talks online.",
            "Die beteiligten Firmen setzen ihre Gespräche online fort.",
        ),
        "internal_notes": "",
        "guests": ["park-min-jun", "choi-seo-yeon"],
        "hosts": ["petr-kodera"],
        "stops": [
            {
                "organisation": "regional-chamber-of-commerce-pilsen-region",
                "date": datetime.date(2025, 6, 3),
                "note": tr(
                    "Představení dodavatelských řetězců",
                    "Presentation of supply chains",
                    "Vorstellung der Lieferketten",
                ),
            },
            {
                "organisation": "uslava-battery-systems",
                "date": datetime.date(2025, 6, 4),
            },
            {
                "organisation": "mze-precision-engineering",
                "date": datetime.date(2025, 6, 4),
            },
            {
                "organisation": "university-of-west-bohemia",
                "date": datetime.date(2025, 6, 4),
                "note": tr(
                    "Testování bateriových materiálů",
                    "Testing of battery materials",
                    "Prüfung von Batteriematerialien",
                ),
            },
        ],
    },
    # Planned, public, no article yet: shows on the home page as upcoming.
    {
        "slug": "upper-austrian-business-delegation-2027",
        "title": tr(
            "Návštěva podnikatelské delegace z Horních Rakous",
            "Visit of an Upper Austrian business delegation",
            "Besuch einer oberösterreichischen Wirtschaftsdelegation",
        ),
        "start_date": datetime.date(2027, 5, 18),
        "end_date": datetime.date(2027, 5, 19),
        "country": "AT",
        "direction": "incoming",
        "status": "planned",
        "visibility": "public",
        "purpose": tr(
            "Setkání s výrobci a univerzitou o spolupráci ve vodíkových technologiích.",
            "To meet manufacturers and the university about cooperation in hydrogen "
            "technology.",
            "Treffen mit Herstellern und der Universität zur Zusammenarbeit in der "
            "Wasserstofftechnik.",
        ),
        "outcome": tr("", "", ""),
        "internal_notes": "",
        "guests": ["lukas-hofer"],
        "hosts": ["jana-vesela"],
        "stops": [
            {
                "organisation": "regional-chamber-of-commerce-pilsen-region",
                "date": datetime.date(2027, 5, 18),
            },
            {
                "organisation": "university-of-west-bohemia",
                "date": datetime.date(2027, 5, 19),
            },
        ],
    },
    # Internal (staff only): never linked from an article.
    {
        "slug": "taiwanese-electronics-investor-2025",
        "title": tr(
            "Jednání s tchajwanským investorem z oboru elektroniky",
            "Meeting with a Taiwanese electronics investor",
            "Gespräch mit einem taiwanischen Elektronikinvestor",
        ),
        "start_date": datetime.date(2025, 3, 11),
        "end_date": None,
        "country": "TW",
        "direction": "incoming",
        "status": "held",
        "visibility": "internal",
        "purpose": tr(
            "Probrat možné lokality pro nový závod na výrobu elektroniky.",
            "To discuss possible sites for a new electronics plant.",
            "Mögliche Standorte für ein neues Elektronikwerk besprechen.",
        ),
        "outcome": tr(
            "Investor vybere dvě lokality do užšího výběru; rozhodnutí čeká do konce "
            "roku.",
            "The investor will shortlist two sites and expects to decide by the end "
            "of the year.",
            "Der Investor wählt zwei Standorte in die engere Wahl und will bis "
            "Jahresende entscheiden.",
        ),
        "internal_notes": (
            "Důvěrné na žádost investora: nezveřejňovat, dokud nebude vybrána "
            "lokalita. Kontakt přes odbor regionálního rozvoje; další schůzka "
            "předběžně na podzim."
        ),
        "guests": ["chen-wei-lun"],
        "hosts": ["petr-kodera"],
        "stops": [
            {
                "organisation": "pilsen-region-regional-authority",
                "date": datetime.date(2025, 3, 11),
            },
            {
                "organisation": "uslava-battery-systems",
                "date": datetime.date(2025, 3, 11),
            },
        ],
    },
]

# The Kazakhstan article: the English text is the region's own, word for word
# (/work/shared/seed-article.txt); the date line reads "09. May 2024 14:51,
# Ing. Milan Kozel".
SEED_ARTICLE = {
    "slug": "ambassador-of-kazakhstan-visited-the-headquarters-of-the-pilsen-region",
    "title": tr(
        "Velvyslanec Kazachstánu navštívil sídlo Plzeňského kraje",
        "Ambassador of Kazakhstan visited the headquarters of the Pilsen Region",
        "Botschafter Kasachstans besuchte den Sitz der Region Pilsen",
    ),
    "byline": "Ing. Milan Kozel",
    "published_at": datetime.datetime(2024, 5, 9, 14, 51, tzinfo=PRAGUE),
    "lead": tr(
        "Hejtman Plzeňského kraje Rudolf Špoták přijal ve čtvrtek 4. dubna "
        "velvyslance Kazachstánu J. E. Bakyta Dyussenbayeva spolu s obchodním radou "
        "Velvyslanectví Kazachstánu v České republice panem Timurem "
        "Akhmetzhanovem.",
        "On Thursday, 4 April, the Governor of the Pilsen Region Rudolf Špoták "
        "received the Ambassador of Kazakhstan, H. E. Bakyt Dyussenbayev, together "
        "with the Commercial Counsellor of the Embassy of Kazakhstan in the Czech "
        "Republic, Mr. Timur Akhmetzhanov.",
        "Am Donnerstag, dem 4. April, empfing der Hauptmann der Region Pilsen "
        "Rudolf Špoták den Botschafter Kasachstans, S. E. Bakyt Dyussenbayev, "
        "zusammen mit dem Handelsrat der Botschaft Kasachstans in der Tschechischen "
        "Republik, Herrn Timur Akhmetzhanov.",
    ),
    "body": {
        "cs": [
            "Bakyt Dyussenbayev zdůraznil, že svou návštěvu a přijetí hejtmanem "
            "Plzeňského kraje Rudolfem Špotákem považuje za velkou čest. "
            "Velvyslancem Kazachstánu v České republice byl jmenován koncem "
            "loňského roku a jako první český kraj se rozhodl navštívit právě "
            "Plzeňský kraj. Důvodem je podle jeho slov průmyslová a technická "
            "vyspělost kraje a přítomnost firem zaměřených na vývoj nových "
            "technologií, vědu a výzkum. To vše je předmětem hlavního zájmu "
            "kazachstánské strany, která by s českými firmami v těchto oblastech ráda "
            "spolupracovala. Hejtmana Špotáka také seznámil s vývojem kazachstánské "
            "ekonomiky. Představil Kazachstán jako zemi ležící na samém prahu "
            "Evropy a Asie, která se vyznačuje obrovskými zásobami nerostných "
            "surovin potřebných pro využití nových technologií a je dopravním "
            "koridorem mezi Asií a Evropskou unií. Rudolf Špoták zájem Kazachstánu "
            "o Plzeňský kraj a jeho hospodářskou sféru uvítal a uvedl, že je "
            "připraven k další spolupráci a užším vztahům.",
            "Odpoledne B. Dyussenbayev navštívil Západočeskou univerzitu v Plzni a "
            "společnost Škoda Transportation, jejíž výroba zahrnuje především "
            "nízkopodlažní tramvaje, elektrické lokomotivy, příměstské jednotky, "
            "soupravy metra, elektrobusy a trolejbusy. Společnost je největší "
            "skupinou dopravního strojírenství ve střední a východní Evropě a má "
            "obchodní zastoupení v Německu, Maďarsku a dalších zemích. V "
            "Kazachstánu se účastnila několika výběrových řízení na výrobu vlaků, "
            "tramvají a trolejbusů. Velvyslanec se také setkal se zástupci Krajské "
            "hospodářské komory Plzeňského kraje a navštívil Plzeňský Prazdroj, "
            "který už patří k evropským lídrům v úsporách vody a energie a "
            "podporuje ekologické inovace.",
            "Kazachstán patří k předním dodavatelům ropy do České republiky a je "
            "nejbohatší zemí Střední Asie, se kterou má Česká republika historicky "
            "velmi dobré obchodní vztahy. Významné jsou také tamní zásoby uranu, "
            "které by Česká republika mohla využít pro jaderné elektrárny. Obrat "
            "vzájemného obchodu s Kazachstánem dosáhl v roce 2022 téměř 1,3 "
            "miliardy dolarů (asi 28 miliard korun). Největší nárůst českého vývozu "
            "do Kazachstánu zaznamenaly reaktory, kotle, motorová vozidla, traktory, "
            "jízdní kola a také přístroje pro záznam a reprodukci zvuku. V "
            "Kazachstánu v současnosti působí asi 30 českých firem.",
        ],
        "en": [
            "Bakyt Dyussenbayev emphasized that he considered his visit and "
            "reception by the Governor of the Pilsen Region Rudolf Špoták a great "
            "honour. He was appointed Ambassador of Kazakhstan to the Czech Republic "
            "at the end of last year and the Pilsen Region became the first Czech "
            "region he decided to visit. The reason, according to him, is the "
            "industrial and technical maturity and the presence of companies "
            "focused on the development of new technologies, science and research. "
            "All this is of main interest to the Kazakhstan party, which would like "
            "to cooperate and collaborate with Czech companies in these areas. He "
            "also briefed Mr. Špoták on the development of the economy of "
            "Kazakhstan. He presented it as a country located at the very threshold "
            "of Europe and Asia, which is characterised by a huge stock of mineral "
            "resources necessary for the use of new technologies and as a transport "
            "corridor between Asia and the European Union. Rudolf Špoták welcomed "
            "Kazakhstan’s interest in the Pilsen region and its economic sphere, "
            "saying that he was ready for further cooperation and closer relations.",
            "In the afternoon B. Dyussenbayev visited the University of West Bohemia "
            "and visited the Škoda Transportation Company whose production includes "
            "mainly low-floor trams, electric locomotives, suburban train sets, "
            "rapid transit sets, electric buses and trolleybuses. The company is the "
            "largest transport engineering group in Central and Eastern Europe and "
            "has sales offices in Germany, Hungary and other countries. In "
            "Kazakhstan, it has been involved in several tenders for the production "
            "of trains, trams and trolleybuses. He also had meetings with "
            "representatives of the Regional Chamber of Commerce in Pilsen Region "
            "and visited Pilsner Urquell Brewery, which is already one of the "
            "European leaders in water and energy saving and supports ecological "
            "innovation.",
            "Kazakhstan is one of the leading suppliers of oil to the Czech Republic "
            "and is the richest country in Central Asia, with which the Czech "
            "Republic has historically had very good trade relations. The local "
            "uranium reserves are also important, and the Czech Republic could use "
            "them for nuclear power plants. The turnover of mutual trade with "
            "Kazakhstan in 2022 reached almost 1.3 billion dollars (about 28 billion "
            "crowns). The biggest growth in Czech exports to Kazakhstan was in "
            "reactors, boilers, motor vehicles, tractors, bicycles, as well as sound "
            "recording and reproduction equipment. There are currently about 30 "
            "Czech companies operating in Kazakhstan.",
        ],
        "de": [
            "Bakyt Dyussenbayev betonte, dass er seinen Besuch und den Empfang durch "
            "den Hauptmann der Region Pilsen Rudolf Špoták als große Ehre betrachte. "
            "Er war Ende vergangenen Jahres zum Botschafter Kasachstans in der "
            "Tschechischen Republik ernannt worden, und die Region Pilsen wurde die "
            "erste tschechische Region, die er zu besuchen beschloss. Der Grund dafür "
            "seien nach seinen Worten die industrielle und technische Reife und die "
            "Präsenz von Unternehmen, die sich auf die Entwicklung neuer "
            "Technologien, Wissenschaft und Forschung konzentrieren. All dies sei "
            "für die kasachische Seite von größtem Interesse, die in diesen "
            "Bereichen mit tschechischen Unternehmen kooperieren und "
            "zusammenarbeiten möchte. Er informierte Herrn Špoták auch über die "
            "Entwicklung der Wirtschaft Kasachstans. Er stellte Kasachstan als ein "
            "Land unmittelbar an der Schwelle zwischen Europa und Asien vor, das sich "
            "durch riesige Vorkommen an Bodenschätzen auszeichnet, die für den "
            "Einsatz neuer Technologien notwendig sind, und das einen "
            "Verkehrskorridor zwischen Asien und der Europäischen Union bildet. "
            "Rudolf Špoták begrüßte das Interesse Kasachstans an der Region Pilsen "
            "und ihrer Wirtschaft und erklärte, er sei zu weiterer Zusammenarbeit "
            "und engeren Beziehungen bereit.",
            "Am Nachmittag besuchte B. Dyussenbayev die Westböhmische Universität "
            "und das Unternehmen Škoda Transportation, dessen Produktion vor allem "
            "Niederflurstraßenbahnen, Elektrolokomotiven, Vorortzüge, U-Bahn-Züge, "
            "Elektrobusse und Oberleitungsbusse umfasst. Das Unternehmen ist die "
            "größte Verkehrstechnikgruppe in Mittel- und Osteuropa und hat "
            "Vertriebsniederlassungen in Deutschland, Ungarn und weiteren Ländern. "
            "In Kasachstan hat es sich an mehreren Ausschreibungen für die "
            "Herstellung von Zügen, Straßenbahnen und Oberleitungsbussen beteiligt. "
            "Er traf sich außerdem mit Vertretern der Regionalen Wirtschaftskammer "
            "der Region Pilsen und besichtigte die Brauerei Pilsner Urquell, die "
            "bereits zu den europäischen Vorreitern beim Wasser- und Energiesparen "
            "gehört und ökologische Innovationen unterstützt.",
            "Kasachstan ist einer der führenden Erdöllieferanten der Tschechischen "
            "Republik und das reichste Land Zentralasiens, mit dem die Tschechische "
            "Republik historisch sehr gute Handelsbeziehungen unterhält. Wichtig "
            "sind auch die dortigen Uranvorkommen, die die Tschechische Republik für "
            "Kernkraftwerke nutzen könnte. Der Umsatz des gegenseitigen Handels mit "
            "Kasachstan erreichte im Jahr 2022 fast 1,3 Milliarden Dollar (etwa 28 "
            "Milliarden Kronen). Das größte Wachstum der tschechischen Exporte nach "
            "Kasachstan verzeichneten Reaktoren, Kessel, Kraftfahrzeuge, Traktoren, "
            "Fahrräder sowie Geräte zur Tonaufzeichnung und -wiedergabe. Derzeit "
            "sind in Kasachstan etwa 30 tschechische Unternehmen tätig.",
        ],
    },
    "topics": ["diplomacy", "economy"],
    "visits": ["ambassador-of-kazakhstan-2024"],
    "countries": ["KZ"],
    "people": ["bakyt-dyussenbayev", "timur-akhmetzhanov", "rudolf-spotak"],
    "organisations": [
        "pilsen-region-regional-authority",
        "university-of-west-bohemia",
        "skoda-transportation",
        "regional-chamber-of-commerce-pilsen-region",
        "pilsner-urquell-brewery",
    ],
}

DEMO_BYLINE = "Mgr. Eva Horáková"

ARTICLES = [
    SEED_ARTICLE,
    {
        "slug": "upper-palatinate-delegation-discussed-cross-border-projects-in-pilsen",
        "title": tr(
            "Delegace z Horní Falce jednala v Plzni o přeshraničních projektech",
            "Upper Palatinate delegation discussed cross-border projects in Pilsen",
            "Delegation aus der Oberpfalz beriet in Pilsen über grenzüberschreitende "
            "Projekte",
        ),
        "byline": DEMO_BYLINE,
        "published_at": datetime.datetime(2024, 9, 20, 10, 30, tzinfo=PRAGUE),
        "lead": tr(
            "Náměstkyně hejtmana Jana Veselá přivítala 17. a 18. září delegaci ze "
            "sousední Horní Falce vedenou Dr. Katharinou Brandl, aby spolu "
            "připravily společné projekty na další roky.",
            "On 17 and 18 September, Deputy Governor Jana Veselá welcomed a "
            "delegation from the neighbouring Upper Palatinate led by Dr. Katharina "
            "Brandl to prepare joint projects for the coming years.",
            "Am 17. und 18. September empfing Jana Veselá, Stellvertreterin des "
            "Hauptmanns, eine Delegation aus der benachbarten Oberpfalz unter der "
            "Leitung von Dr. Katharina Brandl, um gemeinsame Projekte für die "
            "kommenden Jahre vorzubereiten.",
        ),
        "body": {
            "cs": [
                "Jednání na krajském úřadě se týkala odborného vzdělávání, "
                "spolupráce ve výzkumu a dopravního spojení přes hranice. Obě strany "
                "chtějí připravit společný projekt duálního odborného vzdělávání, v "
                "němž by učni z Bavorska a Plzeňského kraje strávili část výuky ve "
                "firmách na druhé straně hranice.",
                "Druhý den delegace navštívila Západočeskou univerzitu v Plzni, kde "
                "se seznámila s výzkumnými projekty s bavorskými vysokými školami, a "
                "strojírenskou firmu Mže Precision Engineering, která vychovává své "
                "učně společně s partnerskou firmou z Bavorska. Obě strany se "
                "dohodly, že se znovu sejdou na jaře.",
                DEMO_NOTE["cs"],
            ],
            "en": [
                "The talks at the regional authority focused on vocational training, "
                "research cooperation and transport links across the border. Both "
                "sides want to prepare a joint project on dual vocational training "
                "in which apprentices from Bavaria and the Pilsen Region would spend "
                "part of their training with companies on the other side of the "
                "border.",
                "On the second day the delegation visited the University of West "
                "Bohemia, where it learned about research projects with Bavarian "
                "universities, and the engineering company Mže Precision "
                "Engineering, which trains its apprentices together with a partner "
                "firm from Bavaria. Both sides agreed to meet again in spring.",
                DEMO_NOTE["en"],
            ],
            "de": [
                "Die Gespräche im Kreisamt drehten sich um berufliche Bildung, "
                "Zusammenarbeit in der Forschung und Verkehrsverbindungen über die "
                "Grenze. Beide Seiten wollen ein gemeinsames Projekt zur dualen "
                "Berufsausbildung vorbereiten, in dem Auszubildende aus Bayern und "
                "der Region Pilsen einen Teil ihrer Ausbildung in Unternehmen auf "
                "der anderen Seite der Grenze verbringen würden.",
                "Am zweiten Tag besuchte die Delegation die Westböhmische "
                "Universität, wo sie sich über Forschungsprojekte mit bayerischen "
                "Hochschulen informierte, sowie das Maschinenbauunternehmen Mže "
                "Precision Engineering, das seine Auszubildenden gemeinsam mit einer "
                "Partnerfirma aus Bayern ausbildet. Beide Seiten vereinbarten, sich "
                "im Frühjahr erneut zu treffen.",
                DEMO_NOTE["de"],
            ],
        },
        "topics": ["cross-border-cooperation", "education-and-research"],
        "visits": ["upper-palatinate-delegation-2024"],
        "countries": ["DE"],
        "people": ["katharina-brandl", "thomas-reindl", "jana-vesela"],
        "organisations": [
            "pilsen-region-regional-authority",
            "university-of-west-bohemia",
            "mze-precision-engineering",
        ],
    },
    {
        "slug": "ambassador-of-japan-discussed-investment-and-research",
        "title": tr(
            "Velvyslanec Japonska jednal v Plzeňském kraji o investicích a výzkumu",
            "Ambassador of Japan discussed investment and research in the Pilsen "
            "Region",
            "Botschafter Japans sprach in der Region Pilsen über Investitionen und "
            "Forschung",
        ),
        "byline": DEMO_BYLINE,
        "published_at": datetime.datetime(2025, 2, 14, 9, 15, tzinfo=PRAGUE),
        "lead": tr(
            "Radní Plzeňského kraje Petr Kodera přijal ve středu 12. února "
            "velvyslance Japonska J. E. Kenjiho Moriyamu v doprovodu první "
            "tajemnice velvyslanectví paní Aiko Tanabe.",
            "On Wednesday, 12 February, Regional Councillor Petr Kodera received the "
            "Ambassador of Japan, H. E. Kenji Moriyama, accompanied by the First "
            "Secretary of the Embassy, Ms. Aiko Tanabe.",
            "Am Mittwoch, dem 12. Februar, empfing Ratsmitglied Petr Kodera den "
            "Botschafter Japans, S. E. Kenji Moriyama, in Begleitung der Ersten "
            "Sekretärin der Botschaft, Frau Aiko Tanabe.",
        ),
        "body": {
            "cs": [
                "Velvyslanec připomněl, že japonské firmy v kraji investují už "
                "mnoho let, a uvedl, že přijel zjistit, kde by mohla vzniknout nová "
                "spolupráce, zejména v automatizaci, robotice a aplikovaném "
                "výzkumu. Petr Kodera představil průmyslové zóny kraje a jeho "
                "programy na podporu výzkumné spolupráce firem s vysokými školami.",
                "Odpoledne si hosté prohlédli firmu Radbuza Robotics v Dobřanech, "
                "která staví automatizované výrobní linky, a navštívili "
                "Západočeskou univerzitu v Plzni, kde jednali o výměnných pobytech "
                "studentů s japonskými technickými univerzitami.",
                DEMO_NOTE["cs"],
            ],
            "en": [
                "The Ambassador recalled that Japanese companies have invested in "
                "the region for many years and said that he had come to learn where "
                "new cooperation could grow, especially in automation, robotics and "
                "applied research. Petr Kodera presented the region's industrial "
                "zones and its programmes that support research cooperation between "
                "companies and universities.",
                "In the afternoon the guests toured Radbuza Robotics in Dobřany, "
                "which builds automated production lines, and visited the "
                "University of West Bohemia, where they discussed student exchanges "
                "with Japanese technical universities.",
                DEMO_NOTE["en"],
            ],
            "de": [
                "Der Botschafter erinnerte daran, dass japanische Unternehmen seit "
                "vielen Jahren in der Region investieren, und sagte, er sei "
                "gekommen, um zu erfahren, wo neue Zusammenarbeit entstehen könne, "
                "vor allem in Automatisierung, Robotik und angewandter Forschung. "
                "Petr Kodera stellte die Industriegebiete der Region und ihre "
                "Programme zur Förderung der Forschungszusammenarbeit zwischen "
                "Unternehmen und Hochschulen vor.",
                "Am Nachmittag besichtigten die Gäste das Unternehmen Radbuza "
                "Robotics in Dobřany, das automatisierte Fertigungslinien baut, und "
                "besuchten die Westböhmische Universität, wo sie über einen "
                "Studierendenaustausch mit japanischen technischen Universitäten "
                "sprachen.",
                DEMO_NOTE["de"],
            ],
        },
        "topics": ["diplomacy", "economy", "education-and-research"],
        "visits": ["ambassador-of-japan-2025"],
        "countries": ["JP"],
        "people": ["kenji-moriyama", "aiko-tanabe", "petr-kodera"],
        "organisations": [
            "pilsen-region-regional-authority",
            "radbuza-robotics",
            "university-of-west-bohemia",
        ],
    },
    {
        "slug": "korean-business-delegation-looked-for-partners-in-the-pilsen-region",
        "title": tr(
            "Korejská obchodní delegace hledala partnery v Plzeňském kraji",
            "Korean business delegation looked for partners in the Pilsen Region",
            "Koreanische Wirtschaftsdelegation suchte Partner in der Region Pilsen",
        ),
        "byline": DEMO_BYLINE,
        "published_at": datetime.datetime(2025, 6, 6, 13, 0, tzinfo=PRAGUE),
        "lead": tr(
            "Obchodní delegace z Korejské republiky, kterou vedl pan Park Min-jun, "
            "strávila 3. a 4. června v Plzeňském kraji, kde hledala dodavatele a "
            "výzkumné partnery v oblasti bateriových technologií.",
            "A business delegation from the Republic of Korea led by Mr. Park "
            "Min-jun spent 3 and 4 June in the Pilsen Region looking for suppliers "
            "and research partners in battery technology.",
            "Eine Wirtschaftsdelegation aus der Republik Korea unter der Leitung von "
            "Herrn Park Min-jun verbrachte den 3. und 4. Juni in der Region Pilsen, "
            "um Zulieferer und Forschungspartner im Bereich Batterietechnik zu "
            "finden.",
        ),
        "body": {
            "cs": [
                "V Krajské hospodářské komoře Plzeňského kraje představili radní "
                "Petr Kodera a zástupci místních firem dodavatelské řetězce kraje ve "
                "strojírenství a elektronice. Hosty zajímaly především přesné díly, "
                "chladicí systémy a testování bateriových modulů.",
                "Druhý den delegace navštívila firmy Úslava Battery Systems a Mže "
                "Precision Engineering a svůj pobyt zakončila na Západočeské "
                "univerzitě v Plzni, kde jednala o společném testování bateriových "
                "materiálů. Obě strany se dohodly, že dotčené firmy budou v "
                "jednáních pokračovat online.",
                DEMO_NOTE["cs"],
            ],
            "en": [
                "At the Regional Chamber of Commerce, Regional Councillor Petr "
                "Kodera and representatives of local firms presented the region's "
                "supply chains in engineering and electronics. The guests were "
                "interested above all in precision parts, cooling systems and the "
                "testing of battery modules.",
                "On the second day the delegation visited Úslava Battery Systems and "
                "Mže Precision Engineering and ended its stay at the University of "
                "West Bohemia, where it discussed joint testing of battery "
                "materials. Both sides agreed that the companies concerned will "
                "continue their talks online.",
                DEMO_NOTE["en"],
            ],
            "de": [
                "In der Regionalen Wirtschaftskammer der Region Pilsen stellten "
                "Ratsmitglied Petr Kodera und Vertreter örtlicher Firmen die "
                "Lieferketten der Region im Maschinenbau und in der Elektronik vor. "
                "Die Gäste interessierten sich vor allem für Präzisionsteile, "
                "Kühlsysteme und die Prüfung von Batteriemodulen.",
                "Am zweiten Tag besuchte die Delegation die Unternehmen Úslava "
                "Battery Systems und Mže Precision Engineering und beendete ihren "
                "Aufenthalt an der Westböhmischen Universität, wo sie über "
                "gemeinsame Prüfungen von Batteriematerialien sprach. Beide Seiten "
                "vereinbarten, dass die beteiligten Firmen ihre Gespräche online "
                "fortsetzen.",
                DEMO_NOTE["de"],
            ],
        },
        "topics": ["economy"],
        "visits": ["korean-business-delegation-2025"],
        "countries": ["KR"],
        "people": ["park-min-jun", "choi-seo-yeon", "petr-kodera"],
        "organisations": [
            "regional-chamber-of-commerce-pilsen-region",
            "uslava-battery-systems",
            "mze-precision-engineering",
            "university-of-west-bohemia",
        ],
    },
]
