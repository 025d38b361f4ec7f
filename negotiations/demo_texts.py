"""What the demo rounds say, in German and English: plain data, no logic (see demo.py).

A script fits a cluster whose claims fall on two sides, each side a set of categories (side
"a" and side "b"; a claim of neither is "other"). It has a round title, three options (a
compromise first, then b's way, then a's way), the reason people on each side give when
they object to an option or can only live with it, the outcome of a finished round, and a
note per side for its resolutions. A reason may be a list: people of one side take its
variants in turn. "{place}" is the place's name; "{a}" and "{b}" (in the
fallback script) are the sides' category names.
"""

HOUSING_OR_GREEN = {
    "sides": {"a": {"housing"}, "b": {"green_space", "commons"}},
    "title": {
        "de": "{place}: Wohnungen oder Grün? Eine gemeinsame Nutzung finden",
        "en": "{place}: homes or green space? Finding a shared use",
    },
    "options": [
        {
            "shape": "core",
            "title": {
                "de": "Wohnbebauung am Rand, Park im Kern",
                "en": "Homes along the edge, a park in the middle",
            },
            "description": {
                "de": "Drei- bis viergeschossige Häuser entlang der Straße, etwa 60 Wohnungen. "
                "Der Kern mit den alten Bäumen bleibt als öffentlicher Park erhalten; "
                "Gemeinschaftsgärten ziehen dorthin um.",
                "en": "Three- to four-storey houses along the street, about 60 flats. The core "
                "with the old trees stays as a public park; community gardens move there.",
            },
        },
        {
            "shape": None,
            "title": {
                "de": "Alles bleibt grün, Wohnungen an anderer Stelle",
                "en": "Everything stays green, homes elsewhere",
            },
            "description": {
                "de": "Die Fläche wird als Grünfläche gesichert. Die Stadt prüft Baulücken im "
                "Stadtteil für die gleiche Zahl an Wohnungen.",
                "en": "The site is secured as green space. The city looks for gaps in the "
                "district for the same number of flats.",
            },
        },
        {
            "shape": None,
            "title": {
                "de": "Wohnungsbau auf der ganzen Fläche",
                "en": "Housing on the whole site",
            },
            "description": {
                "de": "Rund 120 Wohnungen, davon ein Drittel gefördert; Ausgleichspflanzungen "
                "am Stadtrand.",
                "en": "About 120 flats, a third of them subsidised; replacement planting on "
                "the edge of town.",
            },
        },
    ],
    "reasons": {
        ("a", 0): {
            "de": "Geht, wenn es wirklich 60 Wohnungen werden und nicht nur teure.",
            "en": "Fine if it really is 60 flats, and not only expensive ones.",
        },
        ("b", 0): [
            {
                "de": "Der Park im Kern ist zu klein, die Bäume am Rand fallen trotzdem.",
                "en": "The park in the middle is too small, and the trees on the edge still go.",
            },
            {
                "de": "Nur, wenn die Gärten im Kern wirklich Platz bekommen.",
                "en": "Only if the gardens really get room in the middle.",
            },
        ],
        ("other", 0): {
            "de": "Einverstanden, wenn der Weg durch den Park offen bleibt.",
            "en": "Agreed, as long as the path through the park stays open.",
        },
        ("a", 1): {
            "de": "„An anderer Stelle“ heißt erfahrungsgemäß: gar nicht. Wir brauchen die "
            "Wohnungen jetzt.",
            "en": "“Elsewhere” usually means never. We need the flats now.",
        },
        ("other", 1): {
            "de": "Schön für das Viertel, aber die Mieten steigen weiter.",
            "en": "Nice for the neighbourhood, but rents keep rising.",
        },
        ("b", 2): [
            {
                "de": "Damit verschwindet die letzte große Grünfläche im Stadtteil.",
                "en": "That removes the last large green space in the district.",
            },
            {
                "de": "Ausgleich am Stadtrand hilft hier niemandem, der im Sommer Schatten sucht.",
                "en": "Planting on the edge of town helps nobody here who looks for shade in "
                "summer.",
            },
            {
                "de": "Unsere Parzelle bewirtschaften wir seit 30 Jahren.",
                "en": "We have worked our allotment for 30 years.",
            },
        ],
        ("other", 2): {
            "de": "Zu dicht, und der Schulweg führt direkt über die Baustelle.",
            "en": "Too dense, and the way to school runs straight through the building site.",
        },
    },
    "summary": {
        "de": "Häuser am Rand, ein öffentlicher Park mit den alten Bäumen im Kern. Die "
        "Wohnungsvorschläge werden kleiner umgesetzt, die Grünvorschläge im Kern "
        "angenommen; die Änderung des Bebauungsplans geht an den Stadtrat.",
        "en": "Houses along the edge, a public park with the old trees in the middle. The "
        "housing proposals go ahead at a smaller size, the green ones are adopted for the "
        "core; the change to the zoning plan goes to the council.",
    },
    "notes": {
        "a": {
            "de": "Kleiner umgesetzt: Wohnungen nur entlang der Straße.",
            "en": "Goes ahead smaller: homes along the street only.",
        },
        "b": {
            "de": "Angenommen für den Kern der Fläche.",
            "en": "Adopted for the core of the site.",
        },
        "other": {
            "de": "Die Planänderung entscheidet der Stadtrat.",
            "en": "The change of plan is for the council to decide.",
        },
    },
}

BUSINESS_OR_OPEN = {
    "sides": {"a": {"other"}, "b": {"commons", "public_space", "green_space"}},
    "title": {
        "de": "{place}: Gastronomie und Vermietung oder offen für alle?",
        "en": "{place}: cafés and rentals, or open to everyone?",
    },
    "options": [
        {
            "shape": "core",
            "title": {
                "de": "Ein kleiner Betrieb, das Ufer bleibt frei zugänglich",
                "en": "One small business, the waterfront stays open to all",
            },
            "description": {
                "de": "Ein saisonaler Kiosk mit Bootsverleih auf einer festen Fläche, befristet "
                "auf drei Jahre. Der Rest bleibt öffentlich, ohne Verzehrzwang, Ruhe ab 22 Uhr.",
                "en": "One seasonal kiosk with boat hire on a fixed plot, for three years. The "
                "rest stays public, no need to buy anything, quiet from 10 pm.",
            },
        },
        {
            "shape": None,
            "title": {
                "de": "Kein Gewerbe, das Ufer bleibt öffentlich",
                "en": "No business, the waterfront stays public",
            },
            "description": {
                "de": "Bänke, Trinkbrunnen und ein Steg zum Baden, von der Stadt gepflegt.",
                "en": "Benches, a drinking fountain and a jetty for swimming, kept by the city.",
            },
        },
        {
            "shape": None,
            "title": {
                "de": "Verpachtung für Gastronomie und Bootsverleih",
                "en": "Lease for a bar and boat hire",
            },
            "description": {
                "de": "Die Stadt verpachtet die Fläche; die Pacht finanziert die Pflege des Ufers.",
                "en": "The city leases the site; the rent pays for looking after the waterfront.",
            },
        },
    ],
    "reasons": {
        ("a", 0): {
            "de": "Drei Jahre sind zu kurz, um die Investition wieder hereinzuholen.",
            "en": "Three years is too short to earn back the investment.",
        },
        ("b", 0): [
            {
                "de": "Nur, wenn die Fläche wirklich klein bleibt und der Uferweg frei ist.",
                "en": "Only if the plot really stays small and the riverside path stays free.",
            },
            {
                "de": "Befristet ja, aber ohne Musikanlage.",
                "en": "For a limited time, yes, but without a sound system.",
            },
        ],
        ("other", 0): {
            "de": "In Ordnung, wenn es abends ruhig bleibt.",
            "en": "Fine, if the evenings stay quiet.",
        },
        ("a", 1): {
            "de": "Ohne Betrieb kümmert sich niemand, und die Stadt hat kein Geld für die Pflege.",
            "en": "Without a business nobody looks after it, and the city has no money for upkeep.",
        },
        ("other", 1): {
            "de": "Gut, aber wer leert die Mülleimer am Wochenende?",
            "en": "Good, but who empties the bins at the weekend?",
        },
        ("b", 2): [
            {
                "de": "Dann gehört das Ufer denen, die zahlen können.",
                "en": "Then the waterfront belongs to those who can pay.",
            },
            {
                "de": "Musik bis Mitternacht direkt am Wasser – und die Vögel im Röhricht?",
                "en": "Music until midnight right by the water – and the birds in the reeds?",
            },
        ],
        ("other", 2): {
            "de": "Zu viel Lärm und Verkehr für die Anwohner*innen.",
            "en": "Too much noise and traffic for the people who live here.",
        },
    },
    "summary": {
        "de": "Ein saisonaler Kiosk mit Bootsverleih auf fester Fläche, befristet auf drei "
        "Jahre; der übrige Uferbereich bleibt öffentlich. Nach der ersten Saison wird "
        "gemeinsam Bilanz gezogen.",
        "en": "One seasonal kiosk with boat hire on a fixed plot, for three years; the rest "
        "of the waterfront stays public. Everyone reviews it together after the first "
        "season.",
    },
    "notes": {
        "a": {
            "de": "Kleiner umgesetzt: ein Kiosk statt einer Strandbar, befristet.",
            "en": "Goes ahead smaller: one kiosk instead of a beach bar, for a limited time.",
        },
        "b": {
            "de": "Angenommen: der Uferweg und die Liegewiese bleiben öffentlich.",
            "en": "Adopted: the riverside path and the lawn stay public.",
        },
        "other": {
            "de": "Wird nach der ersten Saison erneut beraten.",
            "en": "To be discussed again after the first season.",
        },
    },
}

HOMES_OR_CULTURE = {
    "sides": {"a": {"housing"}, "b": {"commons"}},
    "title": {
        "de": "{place}: Lofts oder Kulturzentrum?",
        "en": "{place}: lofts or a cultural centre?",
    },
    "options": [
        {
            "shape": "core",
            "title": {
                "de": "Kultur im Erdgeschoss, Wohnungen darüber",
                "en": "Culture on the ground floor, homes above",
            },
            "description": {
                "de": "Werkstätten, Proberäume und ein Saal im Erdgeschoss, von einem Verein "
                "betrieben; darüber Wohnungen, ein Teil davon gefördert.",
                "en": "Workshops, rehearsal rooms and a hall on the ground floor, run by an "
                "association; flats above, some of them subsidised.",
            },
        },
        {
            "shape": None,
            "title": {
                "de": "Das ganze Gebäude wird Kulturzentrum",
                "en": "The whole building becomes a cultural centre",
            },
            "description": {
                "de": "Ein soziokulturelles Zentrum mit offener Werkstatt, Café und Ateliers.",
                "en": "A community centre with an open workshop, a café and studios.",
            },
        },
        {
            "shape": None,
            "title": {
                "de": "Umbau zu Wohnungen",
                "en": "Conversion into flats",
            },
            "description": {
                "de": "Lofts in allen Geschossen, ein Gemeinschaftsraum für die Nachbarschaft.",
                "en": "Lofts on every floor, one common room for the neighbourhood.",
            },
        },
    ],
    "reasons": {
        ("a", 0): {
            "de": "Proberäume unter Wohnungen gehen nur mit gutem Schallschutz.",
            "en": "Rehearsal rooms under flats only work with good sound insulation.",
        },
        ("b", 0): {
            "de": "Das Erdgeschoss allein reicht nicht für die Vereine, die schon da sind.",
            "en": "The ground floor alone is not enough for the groups already there.",
        },
        ("other", 0): {
            "de": "Einverstanden, wenn der Hof öffentlich bleibt.",
            "en": "Agreed, if the courtyard stays public.",
        },
        ("a", 1): {
            "de": "Ein so großes Gebäude ohne eine einzige Wohnung ist nicht vermittelbar.",
            "en": "A building this big without a single flat is hard to justify.",
        },
        ("other", 1): {
            "de": "Wer trägt die Betriebskosten auf Dauer?",
            "en": "Who pays the running costs in the long run?",
        },
        ("b", 2): {
            "de": "Dann verliert der Stadtteil seinen einzigen Ort für Kultur.",
            "en": "Then the district loses its only place for culture.",
        },
        ("other", 2): {
            "de": "Lofts sind keine bezahlbaren Wohnungen.",
            "en": "Lofts are not affordable homes.",
        },
    },
    "summary": {
        "de": "Kultur im Erdgeschoss, Wohnungen darüber. Die Wohnungsvorschläge werden "
        "kleiner umgesetzt, das Kulturzentrum wird angenommen.",
        "en": "Culture on the ground floor, homes above. The housing proposals go ahead "
        "smaller, the cultural centre is adopted.",
    },
    "notes": {
        "a": {
            "de": "Kleiner umgesetzt: Wohnungen ab dem ersten Obergeschoss.",
            "en": "Goes ahead smaller: flats from the first floor up.",
        },
        "b": {"de": "Angenommen für das Erdgeschoss.", "en": "Adopted for the ground floor."},
        "other": {
            "de": "Wird mit dem Bauantrag erneut geprüft.",
            "en": "To be checked again with the planning application.",
        },
    },
}

OTHER_USES = {"de": "andere Nutzungen", "en": "other uses"}

# Any other cluster: its two largest categories, named.
FALLBACK = {
    "sides": {},  # filled in from the cluster's two largest categories
    "title": {
        "de": "{place}: {a} oder {b}? Eine gemeinsame Lösung finden",
        "en": "{place}: {a} or {b}? Finding a shared solution",
    },
    "options": [
        {
            "shape": "core",
            "title": {"de": "Beides, räumlich getrennt", "en": "Both, side by side"},
            "description": {
                "de": "Die Fläche wird geteilt: {a} auf der einen Seite, {b} auf der anderen.",
                "en": "The site is shared: {a} on one side, {b} on the other.",
            },
        },
        {
            "shape": None,
            "title": {"de": "Vorrang für {b}", "en": "{b} first"},
            "description": {
                "de": "{b} erhält die Fläche; für {a} sucht die Stadt einen anderen Ort.",
                "en": "{b} gets the site; the city looks for another place for {a}.",
            },
        },
        {
            "shape": None,
            "title": {"de": "Vorrang für {a}", "en": "{a} first"},
            "description": {
                "de": "{a} erhält die Fläche; für {b} sucht die Stadt einen anderen Ort.",
                "en": "{a} gets the site; the city looks for another place for {b}.",
            },
        },
    ],
    "reasons": {
        ("a", 0): {"de": "Geht, wenn genug Platz bleibt.", "en": "Fine if enough room is left."},
        ("b", 0): {
            "de": "Die Hälfte ist zu wenig für das, was wir vorhaben.",
            "en": "Half is too little for what we have in mind.",
        },
        ("other", 0): {"de": "Ein vernünftiger Kompromiss.", "en": "A sensible compromise."},
        ("a", 1): {
            "de": "„Ein anderer Ort“ ist zu vage.",
            "en": "“Another place” is too vague.",
        },
        ("other", 1): {
            "de": "Verständlich, aber einseitig.",
            "en": "Understandable, but one-sided.",
        },
        ("b", 2): {
            "de": "Damit geht verloren, wofür wir uns einsetzen.",
            "en": "That loses what we are standing up for.",
        },
        ("other", 2): {"de": "Zu einseitig.", "en": "Too one-sided."},
    },
    "summary": {
        "de": "Die Fläche wird geteilt. Die Vorschläge beider Seiten werden kleiner umgesetzt.",
        "en": "The site is shared. The proposals of both sides go ahead at a smaller size.",
    },
    "notes": {
        "a": {"de": "Kleiner umgesetzt.", "en": "Goes ahead smaller."},
        "b": {"de": "Angenommen für einen Teil der Fläche.", "en": "Adopted for part of the site."},
        "other": {"de": "Wird später erneut beraten.", "en": "To be discussed again later."},
    },
}

# By name, for a caller that knows what a place is about (the demo city, data/rounds.py);
# otherwise the script whose two sides hold most of the cluster's claims is taken.
SCRIPTS = {
    "housing_or_green": HOUSING_OR_GREEN,
    "homes_or_culture": HOMES_OR_CULTURE,
    "business_or_open": BUSINESS_OR_OPEN,
}
