"""Names and text building blocks for the demo city. Plain data, no logic.

Placeholders in titles and descriptions: {street}, {district} (English), {in_district}
(German, "in der Altstadt"), {place} (German, with its preposition), {place_en}, {years}.
Every template exists in German ("de") and English ("en"); a proposal is written in one language.
"""

FIRST_NAMES = [
    # German
    "Anna",
    "Lukas",
    "Marie",
    "Jonas",
    "Sophie",
    "Felix",
    "Lena",
    "Paul",
    "Hannah",
    "Leon",
    "Clara",
    "Maximilian",
    "Johanna",
    "Tobias",
    "Katharina",
    "Florian",
    "Franziska",
    "Jan",
    "Charlotte",
    "Matthias",
    "Ursula",
    "Dieter",
    "Monika",
    "Wolfgang",
    "Sabine",
    "Uwe",
    "Heike",
    "Jürgen",
    "Petra",
    "Ralf",
    "Greta",
    "Emil",
    "Frieda",
    "Karl",
    "Ida",
    "Ole",
    # international
    "Mehmet",
    "Ayşe",
    "Emre",
    "Elif",
    "Yusuf",
    "Fatma",
    "Omar",
    "Layla",
    "Karim",
    "Nour",
    "Piotr",
    "Agnieszka",
    "Tomasz",
    "Olena",
    "Dmytro",
    "Iryna",
    "Nguyen",
    "Linh",
    "Minh",
    "Giulia",
    "Marco",
    "Sofía",
    "Diego",
    "Chiara",
    "Amara",
    "Kwame",
    "Priya",
    "Arjun",
    "Mei",
    "Hiroshi",
    "Sara",
    "Lucas",
    "Ana",
    "Mateus",
    "Zeynep",
    "Hamid",
    "Aleksandra",
    "Jamal",
    "Chloé",
    "Samuel",
    "Ingrid",
    "Erik",
]

LAST_NAMES = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hartmann",
    "Lange",
    "Werner",
    "Krause",
    "Lehmann",
    "Köhler",
    "Vogel",
    "Frank",
    "Baumann",
    "Sommer",
    "Winkler",
    "Lorenz",
    "Böhm",
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Haddad",
    "Khalil",
    "Nasser",
    "Rahimi",
    "Kowalski",
    "Nowak",
    "Wiśniewska",
    "Kovalenko",
    "Shevchenko",
    "Bondarenko",
    "Tran",
    "Pham",
    "Le",
    "Rossi",
    "Bianchi",
    "Esposito",
    "García",
    "Fernández",
    "López",
    "Mensah",
    "Okafor",
    "Sharma",
    "Patel",
    "Chen",
    "Wang",
    "Tanaka",
    "Silva",
    "Costa",
    "Andersson",
    "Dubois",
    "Moreau",
    "Novák",
    "Horváth",
]

# German "in <district>" needs the article for some names.
IN_DISTRICT = {
    "Altstadt": "in der Altstadt",
    "Auenviertel": "im Auenviertel",
    "Bahnhofsviertel": "im Bahnhofsviertel",
    "Südvorstadt": "in der Südvorstadt",
    "Nordhafen": "im Nordhafen",
}

# The districts: name, seed position (angle in degrees counter-clockwise from east, distance
# from the centre in metres) and inhabitants per km².
DISTRICTS = [
    ("Altstadt", 0, 0, 7400),
    ("Auenviertel", 185, 2300, 5200),
    ("Bahnhofsviertel", 55, 2200, 6100),
    ("Ostend", 345, 2300, 5600),
    ("Südvorstadt", 265, 2300, 6900),
    ("Neustadt-Nord", 120, 2400, 5300),
    ("Nordhafen", 95, 5000, 1900),
    ("Eichenau", 35, 5000, 1600),
    ("Mühlfeld", 345, 5100, 2300),
    ("Kirchberg", 300, 5000, 2000),
    ("Lindenhöhe", 240, 5000, 2500),
    ("Elsterwiesen", 195, 5100, 1200),
    ("Weidenbruch", 150, 5000, 1800),
]

# Feminine street names only, so that "in der {street}" reads right.
STREETS = [
    "Lindenallee",
    "Auenstraße",
    "Hafenstraße",
    "Schlossallee",
    "Gerberstraße",
    "Tuchmacherstraße",
    "Eichendorffstraße",
    "Spinnereistraße",
    "Kirchgasse",
    "Fabrikstraße",
    "Bahnhofstraße",
    "Gartenstraße",
    "Klostergasse",
    "Salzgasse",
    "Ahornstraße",
    "Brückenstraße",
    "Schillerstraße",
    "Goethestraße",
    "Zollhausstraße",
    "Heidestraße",
    "Talstraße",
    "Marktgasse",
    "Feldstraße",
    "Kanalstraße",
    "Lessingstraße",
    "Mühlgasse",
    "Kastanienallee",
    "Weberstraße",
    "Uferstraße",
    "Birkenallee",
]

# German places with their preposition ("am Spielplatz"), English ones without.
PLACES = [
    "am Spielplatz",
    "an der Grundschule",
    "an der Kita",
    "an der Haltestelle",
    "an der Bibliothek",
    "an der Bäckerei",
    "an der Sporthalle",
    "am Seniorenheim",
    "am Stadtteilzentrum",
    "am Wochenmarkt",
]
PLACES_EN = [
    "playground",
    "primary school",
    "nursery",
    "tram stop",
    "library",
    "bakery",
    "sports hall",
    "care home",
    "community centre",
    "weekly market",
]

# (title, description) templates per category and kind, per language.
TEMPLATES = {
    ("housing", "proposal"): {
        "de": [
            (
                "Genossenschaftliches Wohnen in der {street}",
                "Hier könnte eine Wohnungsgenossenschaft bezahlbare Wohnungen bauen.",
            ),
            (
                "Bezahlbare Wohnungen statt Leerstand",
                "Das Gebäude steht seit Jahren leer, während {in_district} Wohnungen fehlen.",
            ),
            (
                "Aufstockung für mehr Wohnraum",
                "Die Flachdächer in der {street} ließen sich um ein bis zwei Geschosse aufstocken.",
            ),
            (
                "Mehrgenerationenhaus {in_district}",
                "Ältere und junge Menschen könnten hier unter einem Dach wohnen und sich helfen.",
            ),
            (
                "Studentisches Wohnen nahe der {street}",
                "Studierende finden {in_district} kaum noch ein Zimmer unter 500 Euro.",
            ),
            (
                "Sozialwohnungen an der {street}",
                "Mindestens ein Drittel der neuen Wohnungen sollte mietpreisgebunden sein.",
            ),
        ],
        "en": [
            (
                "Co-operative housing on {street}",
                "A housing co-operative could build affordable flats here.",
            ),
            (
                "Affordable homes instead of empty buildings",
                "This building has been empty for years while {district} lacks homes.",
            ),
            (
                "Add storeys for more homes",
                "The flat roofs on {street} could take one or two more storeys.",
            ),
            (
                "Student housing near {street}",
                "Students in {district} can hardly find a room below 500 euros.",
            ),
            (
                "Intergenerational housing in {district}",
                "Older and younger people could live under one roof and help each other.",
            ),
        ],
    },
    ("housing", "conflict"): {
        "de": [
            (
                "Keine Luxuswohnungen in der {street}",
                "Die geplanten Eigentumswohnungen treiben die Mieten im ganzen Viertel hoch.",
            ),
            (
                "Verdrängung {in_district} stoppen",
                "Nach der Sanierung mussten viele langjährige Mieterinnen und Mieter ausziehen.",
            ),
            (
                "Zu dichte Bebauung",
                "Noch ein Block an dieser Stelle nimmt den Nachbarhäusern das Licht.",
            ),
        ],
        "en": [
            (
                "No luxury flats on {street}",
                "The planned condominiums push rents up across the whole neighbourhood.",
            ),
            (
                "Stop displacement in {district}",
                "After the refurbishment many long-standing tenants had to move out.",
            ),
            ("Too dense", "Another block here would take the light from the neighbouring houses."),
        ],
    },
    ("mobility", "proposal"): {
        "de": [
            (
                "Geschützter Radweg in der {street}",
                "Ein baulich getrennter Radweg würde den Weg zur Arbeit viel sicherer machen.",
            ),
            (
                "Zebrastreifen {place}",
                "Kinder queren hier jeden Morgen die Straße, ohne sicheren Übergang.",
            ),
            (
                "Tempo 30 in der {street}",
                "Die Straße ist eng und wird als Abkürzung genutzt; Tempo 30 würde helfen.",
            ),
            (
                "Fahrradbügel {place}",
                "Räder werden an Zäune und Laternen gekettet, weil Abstellplätze fehlen.",
            ),
            (
                "Neue Haltestelle für die Buslinie 7",
                "Der Weg zur nächsten Haltestelle ist für Ältere {in_district} zu weit.",
            ),
            (
                "Mehr Parkplätze für Anwohnende",
                "Abends findet man in der {street} keinen Parkplatz mehr.",
            ),
            (
                "Carsharing-Station {in_district}",
                "Viele würden ihr Auto abschaffen, wenn es hier eine Station gäbe.",
            ),
            (
                "Fahrradstraße {street}",
                "Die {street} ist die wichtigste Radverbindung ins Zentrum.",
            ),
        ],
        "en": [
            (
                "Protected bike lane on {street}",
                "A separated bike lane would make commuting here much safer.",
            ),
            (
                "Zebra crossing at the {place_en}",
                "Children cross here every morning with no safe crossing.",
            ),
            (
                "30 km/h limit on {street}",
                "The street is narrow and used as a shortcut; a 30 limit would help.",
            ),
            (
                "Bike racks at the {place_en}",
                "Bikes get chained to fences and lamp posts because there are no racks.",
            ),
            (
                "Cargo bike sharing in {district}",
                "A few shared cargo bikes would replace many car trips for shopping.",
            ),
            (
                "Resident parking on {street}",
                "In the evening there is no parking space left on {street}.",
            ),
        ],
    },
    ("mobility", "conflict"): {
        "de": [
            (
                "Parkplätze in der {street} erhalten",
                "Handwerker und Pflegedienste brauchen die Parkplätze vor der Tür.",
            ),
            (
                "Gefährliche Kreuzung",
                "An dieser Kreuzung kommt es ständig zu Beinahe-Unfällen mit Abbiegern.",
            ),
            (
                "Lärm durch Durchgangsverkehr",
                "Seit der Umleitung fahren nachts Lastwagen durch die {street}.",
            ),
            (
                "Zugeparkter Gehweg",
                "Mit Kinderwagen oder Rollstuhl kommt man hier nicht mehr durch.",
            ),
        ],
        "en": [
            (
                "Keep the parking on {street}",
                "Tradespeople and care services need the spaces in front of the houses.",
            ),
            ("Dangerous junction", "Turning cars nearly hit cyclists here every day."),
            (
                "Through traffic noise",
                "Since the diversion, lorries drive through {street} at night.",
            ),
            (
                "Pavement blocked by parked cars",
                "With a pram or a wheelchair you cannot get through here.",
            ),
        ],
    },
    ("green_space", "proposal"): {
        "de": [
            (
                "Straßenbäume für die {street}",
                "Im Sommer heizt sich die Straße stark auf; Bäume würden Schatten spenden.",
            ),
            (
                "Pocket Park {in_district}",
                "Eine kleine Grünfläche mit Bänken würde dem dicht bebauten Viertel guttun.",
            ),
            (
                "Blühwiese statt Rasen",
                "Die Fläche wird nur gemäht; eine Blühwiese hilft Insekten und sieht schöner aus.",
            ),
            (
                "Park auf der Brachfläche",
                "Die Fläche liegt seit Jahren brach und könnte ein Park für das Viertel werden.",
            ),
            (
                "Gewässer renaturieren",
                "Der Uferabschnitt ist befestigt; ein naturnahes Ufer bietet Tieren Lebensraum.",
            ),
            (
                "Entsiegelung des Schulhofs",
                "Weniger Asphalt, mehr Grün: besser für das Klima und für die Kinder im Viertel.",
            ),
        ],
        "en": [
            (
                "Street trees for {street}",
                "The street heats up badly in summer; trees would give shade.",
            ),
            (
                "Pocket park in {district}",
                "A small green space with benches would do the dense neighbourhood good.",
            ),
            (
                "Wildflower meadow instead of lawn",
                "The lawn is only mown; a meadow helps insects and looks better.",
            ),
            (
                "A park on the vacant lot",
                "The lot has been unused for years and could become a park for {district}.",
            ),
            ("Urban forest", "A small dense forest (Miyawaki method) would cool the area."),
        ],
    },
    ("green_space", "conflict"): {
        "de": [
            (
                "Kleingärten erhalten",
                "Die Gärten sind seit Jahrzehnten ein Ort der Erholung {in_district}.",
            ),
            ("Bäume wurden gefällt", "Hier wurden alte Bäume ohne Ersatzpflanzung gefällt."),
            (
                "Vermüllte Grünfläche",
                "Die Wiese ist voller Müll; es fehlen Mülleimer und Reinigung.",
            ),
        ],
        "en": [
            (
                "Save the allotment gardens",
                "The gardens have been a place to relax for {district} for decades.",
            ),
            ("Trees cut down", "Old trees were felled here without any replanting."),
            (
                "Littered green space",
                "The meadow is full of litter; there are no bins and nobody cleans.",
            ),
        ],
    },
    ("public_space", "proposal"): {
        "de": [
            (
                "Autofreier Platz {place}",
                "Der Platz ist heute ein Parkplatz; ohne Autos wäre er ein Treffpunkt.",
            ),
            (
                "Mehr Bänke in der {street}",
                "Für ältere Menschen fehlen Sitzgelegenheiten auf dem Weg zum Einkaufen.",
            ),
            (
                "Trinkbrunnen {in_district}",
                "An heißen Tagen gibt es im ganzen Viertel kein kostenloses Trinkwasser.",
            ),
            ("Öffentliche Toilette", "Am Spielplatz und am Markt fehlt eine öffentliche Toilette."),
            (
                "Bessere Beleuchtung am Weg",
                "Abends ist der Weg dunkel und viele fühlen sich unsicher.",
            ),
            (
                "Spielstraße am Wochenende",
                "Samstags könnte die {street} für Kinder und Nachbarschaftsfeste gesperrt werden.",
            ),
        ],
        "en": [
            (
                "Car-free square in front of the {place_en}",
                "The square is a car park today; without cars it would be a meeting place.",
            ),
            (
                "More benches on {street}",
                "Older people have nowhere to sit on the way to the shops.",
            ),
            (
                "Drinking fountain in {district}",
                "On hot days there is no free drinking water anywhere in the area.",
            ),
            (
                "Better lighting on the path",
                "The path is dark in the evening and many feel unsafe.",
            ),
            (
                "Play street at weekends",
                "On Saturdays {street} could be closed for children and street parties.",
            ),
        ],
    },
    ("public_space", "conflict"): {
        "de": [
            (
                "Angstraum Unterführung",
                "Die Unterführung ist dunkel und schmutzig; viele meiden sie.",
            ),
            ("Lärm vom Festplatz", "Die Veranstaltungen dauern bis tief in die Nacht."),
            ("Platz ohne Schatten", "Im Sommer ist der Platz leer, weil es keinen Schatten gibt."),
        ],
        "en": [
            ("Scary underpass", "The underpass is dark and dirty; many people avoid it."),
            ("Noise from the event ground", "The events go on late into the night."),
            ("A square without shade", "In summer the square is empty because there is no shade."),
        ],
    },
    ("commons", "proposal"): {
        "de": [
            (
                "Gemeinschaftsgarten {in_district}",
                "Nachbarinnen und Nachbarn möchten hier gemeinsam Gemüse anbauen.",
            ),
            ("Offene Werkstatt", "Eine Reparatur- und Holzwerkstatt für alle, ohne Konsumzwang."),
            (
                "Nachbarschaftstreff in der {street}",
                "Ein Raum für Initiativen, Sprachcafés und Hausaufgabenhilfe fehlt im Viertel.",
            ),
            (
                "Ufer für alle",
                "Der Uferstreifen soll ein freier, nicht kommerzieller Ort für alle bleiben.",
            ),
            (
                "Soziokulturelles Zentrum",
                "Die leere Halle eignet sich für Ateliers, Proberäume und ein Stadtteilcafé.",
            ),
            ("Tauschregal und Leihladen", "Werkzeug, Bücher und Spielzeug teilen statt kaufen."),
        ],
        "en": [
            ("Community garden in {district}", "Neighbours want to grow vegetables here together."),
            ("Open workshop", "A repair and wood workshop for everyone, no need to buy anything."),
            (
                "Neighbourhood meeting room on {street}",
                "The area lacks a room for initiatives, language cafés and homework help.",
            ),
            (
                "A riverside for everyone",
                "The riverbank should stay a free, non-commercial place for all.",
            ),
            ("Library of things", "Share tools, books and toys instead of buying them."),
        ],
    },
    ("commons", "conflict"): {
        "de": [
            (
                "Keine Privatisierung des Ufers",
                "Eine Strandbar mit Eintritt würde das Ufer für viele unzugänglich machen.",
            ),
            (
                "Jugendclub soll schließen",
                "Der einzige Treffpunkt für Jugendliche {in_district} ist von Schließung bedroht.",
            ),
        ],
        "en": [
            (
                "No privatisation of the riverside",
                "A beach bar with an entry fee would shut many people out of the riverside.",
            ),
            (
                "Youth club about to close",
                "The only place for young people in {district} is threatened with closure.",
            ),
        ],
    },
    ("other", "proposal"): {
        "de": [
            (
                "Strandbar am Ufer",
                "Eine Strandbar mit Liegestühlen würde das Ufer im Sommer beleben.",
            ),
            ("Foodtruck-Markt", "Einmal pro Woche ein Markt mit Foodtrucks auf dem Platz."),
            (
                "Co-Working in der alten Halle",
                "Die Halle könnte Büros für junge Unternehmen aufnehmen.",
            ),
            ("Café mit Außenbereich", "Ein Café mit Tischen draußen würde die {street} beleben."),
            ("Ladestationen für E-Autos", "Öffentliche Ladepunkte gibt es {in_district} kaum."),
        ],
        "en": [
            (
                "Beach bar on the riverside",
                "A beach bar with deck chairs would bring the riverside to life in summer.",
            ),
            ("Food truck market", "A weekly food truck market on the square."),
            ("Co-working in the old hall", "The hall could house offices for young companies."),
            ("Café with outdoor seating", "A café with tables outside would liven up {street}."),
        ],
    },
    ("other", "conflict"): {
        "de": [
            ("Illegale Müllablagerung", "Hier wird regelmäßig Sperrmüll abgeladen."),
            ("Leerstehender Laden", "Das Ladenlokal steht seit Jahren leer und verfällt."),
            ("Baustelle ohne Ende", "Die Baustelle blockiert die {street} seit über einem Jahr."),
        ],
        "en": [
            ("Illegal dumping", "Bulky waste gets dumped here regularly."),
            ("Empty shop", "The shop has been empty for years and is falling apart."),
            (
                "Never-ending construction site",
                "The site has blocked {street} for more than a year.",
            ),
        ],
    },
}

# Sentences appended to descriptions to make them read less like a template, per kind.
_EXTRA_ANY = {
    "de": [
        "Ich wohne seit {years} Jahren {in_district} und gehe hier jeden Tag vorbei.",
        "Das betrifft besonders Familien mit Kindern.",
        "Die Nachbarschaft hat dazu schon Unterschriften gesammelt.",
        "Bei der letzten Bürgerversammlung wurde das auch schon angesprochen.",
        "",
        "",
    ],
    "en": [
        "I have lived in {district} for {years} years and pass by every day.",
        "This matters most for families with children.",
        "Neighbours have already collected signatures.",
        "It was raised at the last residents' meeting, too.",
        "",
        "",
    ],
}
EXTRA = {
    ("proposal", "de"): _EXTRA_ANY["de"]
    + [
        "Vielleicht lässt sich das mit wenig Geld umsetzen.",
        "Gerne helfe ich bei der Umsetzung mit.",
        "Andere Städte haben damit gute Erfahrungen gemacht.",
    ],
    ("proposal", "en"): _EXTRA_ANY["en"]
    + [
        "This could be done without much money.",
        "Happy to help make it happen.",
        "Other cities have had good experiences with this.",
    ],
    ("conflict", "de"): _EXTRA_ANY["de"]
    + [
        "Das geht schon seit Monaten so.",
        "Bitte nehmen Sie das ernst.",
    ],
    ("conflict", "en"): _EXTRA_ANY["en"]
    + [
        "It has been like this for months.",
        "Please take this seriously.",
    ],
}

COMMENTS = {
    "de": [
        "Sehr gute Idee, das unterstütze ich!",
        "Ich sehe das anders: die Fläche wird schon genutzt.",
        "Wer soll das bezahlen?",
        "Endlich sagt es mal jemand.",
        "Gibt es dazu schon Pläne der Stadt?",
        "Bitte auch an Barrierefreiheit denken.",
        "Wir könnten uns beim nächsten Nachbarschaftstreffen dazu austauschen.",
        "Das wurde schon 2019 diskutiert, leider ohne Ergebnis.",
    ],
    "en": [
        "Great idea, I support this!",
        "I see it differently: the space is already in use.",
        "Who is going to pay for this?",
        "Finally someone says it.",
        "Does the city already have plans for this?",
        "Please think about accessibility too.",
        "Let's talk about it at the next neighbourhood meeting.",
    ],
}

# Zone codes of the zoning plan (after the German Baunutzungsverordnung), with a name.
ZONES = {
    "WR": "Reines Wohngebiet",
    "WA": "Allgemeines Wohngebiet",
    "MI": "Mischgebiet",
    "MU": "Urbanes Gebiet",
    "GE": "Gewerbegebiet",
    "SO": "Sondergebiet",
    "GR": "Grünfläche",
    "V": "Verkehrsfläche",
}

# Default rule matrix: which categories each zone code allows.
RULES_TABLE = """
zone housing      mobility     green_space  public_space commons      other
WR   compatible   conditional  compatible   conditional  conditional  incompatible
WA   compatible   compatible   compatible   compatible   compatible   conditional
MI   compatible   compatible   compatible   compatible   compatible   compatible
MU   compatible   compatible   compatible   compatible   compatible   compatible
GE   incompatible compatible   conditional  conditional  conditional  compatible
SO   conditional  compatible   compatible   compatible   compatible   conditional
GR   incompatible conditional  compatible   compatible   conditional  incompatible
V    incompatible compatible   conditional  conditional  incompatible incompatible
"""
_header, *_rows = (line.split() for line in RULES_TABLE.strip().splitlines())
CATEGORIES = tuple(_header[1:])
RULES = {row[0]: tuple(row[1:]) for row in _rows}
