"""Places in Auenstadt where claims compete (or converge), with the claims made there.

Each hotspot has a site (metres, EPSG:25833) and claims: (kind, category, shape, German title,
German text, English title, English text). Shapes: "site" (the site, slightly varied), "part"
(a piece of it), "point" (a point on it), "line" (along it, for streets), "around" (the site
and its surroundings).
"""

from dataclasses import dataclass, field

import shapely
from shapely import affinity
from shapely.geometry import LineString, Polygon
from shapely.ops import substring

from . import city


@dataclass
class Hotspot:
    name: str
    site: object
    claims: list = field(default_factory=list)
    street: str | None = None  # the street it lies on, for the texts


def _box(centre, width, height, angle=0.0) -> Polygon:
    x, y = centre
    w, h = width / 2, height / 2
    rect = Polygon([(x - w, y - h), (x + w, y - h), (x + w, y + h), (x - w, y + h)])
    return affinity.rotate(rect, angle, origin=(x, y))


def _street(name: str) -> LineString:
    return next(s.line for s in city.streets() if s.name == name)


def hotspots() -> list[Hotspot]:
    bank = city.river().offset_curve(-60)  # east bank
    bank_start = bank.project(city.Point(city.at(-1200, -2100)))
    harbour = city.harbour()
    P, C = "proposal", "conflict"
    return [
        Hotspot(
            "Brache Gleisdreieck",
            _box(city.polar(58, 1900), 170, 115, 20),
            [
                (
                    P,
                    "housing",
                    "site",
                    "Genossenschaftliche Wohnungen auf der Brache Gleisdreieck",
                    "Auf der Brache ist Platz für rund 120 bezahlbare Genossenschaftswohnungen.",
                    "Co-operative homes on the Gleisdreieck lot",
                    "The lot has room for about 120 affordable co-operative flats.",
                ),
                (
                    P,
                    "housing",
                    "part",
                    "Sozialer Wohnungsbau am Gleisdreieck",
                    "Die Stadt sollte die Fläche kaufen und selbst Sozialwohnungen bauen.",
                    "Social housing at Gleisdreieck",
                    "The city should buy the land and build social housing itself.",
                ),
                (
                    P,
                    "green_space",
                    "site",
                    "Gleisdreieck-Park",
                    "Die Brache ist längst ein Stück Natur. Ein Park würde das Viertel kühlen.",
                    "Gleisdreieck park",
                    "The lot has long become a piece of nature. A park would cool the whole area.",
                ),
                (
                    P,
                    "green_space",
                    "part",
                    "Stadtwildnis erhalten",
                    "Auf der Brache brüten Vögel und wachsen seltene Pflanzen. Bitte so lassen.",
                    "Keep the urban wilderness",
                    "Birds nest here and rare plants grow. Please leave it as it is.",
                ),
                (
                    P,
                    "commons",
                    "part",
                    "Gemeinschaftsgarten Gleisdreieck",
                    "Ein Teil der Fläche als Garten für die Nachbarschaft, selbst verwaltet.",
                    "Gleisdreieck community garden",
                    "Part of the lot as a self-managed garden for the neighbourhood.",
                ),
                (
                    C,
                    "housing",
                    "around",
                    "Keine Investorenblöcke am Gleisdreieck",
                    "Ein Investor will hier teure Eigentumswohnungen bauen. Das lehnen wir ab.",
                    "No investor blocks at Gleisdreieck",
                    "An investor wants to build expensive condominiums here. We object.",
                ),
                (
                    C,
                    "green_space",
                    "point",
                    "Bebauung zerstört Kaltluftschneise",
                    "Die Brache liegt in einer Frischluftschneise für die Innenstadt.",
                    "Building here blocks a fresh-air corridor",
                    "The lot lies in a corridor that brings cool air into the centre.",
                ),
            ],
        ),
        Hotspot(
            "Lindenallee",
            substring(_street("Lindenallee"), 500, 1150),
            [
                (
                    P,
                    "mobility",
                    "line",
                    "Geschützter Radweg auf der Lindenallee",
                    "Die Lindenallee ist die wichtigste Radroute nach Westen, aber ohne Radweg.",
                    "Protected bike lane on Lindenallee",
                    "Lindenallee is the main cycling route west, yet it has no bike lane.",
                ),
                (
                    P,
                    "mobility",
                    "line",
                    "Pop-up-Radweg Lindenallee",
                    "Als Test für ein Jahr: eine Autospur wird Radspur.",
                    "Pop-up bike lane on Lindenallee",
                    "As a one-year trial, one car lane becomes a bike lane.",
                ),
                (
                    C,
                    "mobility",
                    "line",
                    "Parkplätze auf der Lindenallee erhalten",
                    "Ohne die Parkplätze müssen die Läden an der Allee schließen.",
                    "Keep the parking on Lindenallee",
                    "Without the parking spaces the shops on the avenue will close.",
                ),
                (
                    P,
                    "mobility",
                    "line",
                    "Anwohnerparken Lindenallee",
                    "Parkplätze nur für Anwohnende, damit Pendler nicht alles zuparken.",
                    "Resident-only parking on Lindenallee",
                    "Parking for residents only, so commuters don't take every space.",
                ),
                (
                    P,
                    "green_space",
                    "line",
                    "Neue Linden für die Lindenallee",
                    "Die Allee hat ihren Namen verdient: die Lücken sollten nachgepflanzt werden.",
                    "New lime trees for Lindenallee",
                    "The avenue should live up to its name: replant the gaps.",
                ),
                (
                    C,
                    "mobility",
                    "point",
                    "Unfallschwerpunkt Lindenallee / Weidenring",
                    "Hier wurden in zwei Jahren drei Radfahrende von Abbiegern verletzt.",
                    "Accident spot Lindenallee / Weidenring",
                    "Three cyclists were hit by turning cars here in two years.",
                ),
            ],
            street="Lindenallee",
        ),
        Hotspot(
            "Elsterufer",
            substring(bank, bank_start, bank_start + 450).buffer(22),
            [
                (
                    P,
                    "other",
                    "part",
                    "Strandbar am Elsterufer",
                    "Liegestühle, Musik und Getränke: im Sommer ein Treffpunkt am Wasser.",
                    "Beach bar on the Elster riverside",
                    "Deck chairs, music and drinks: a summer meeting place by the water.",
                ),
                (
                    P,
                    "other",
                    "point",
                    "Bootsverleih am Elsterufer",
                    "Kanus und Tretboote zum Ausleihen.",
                    "Boat hire on the Elster",
                    "Canoes and pedal boats for hire.",
                ),
                (
                    P,
                    "commons",
                    "site",
                    "Das Elsterufer bleibt für alle",
                    "Das Ufer ist einer der letzten Orte ohne Konsumzwang. So soll es bleiben.",
                    "The Elster riverside stays open to all",
                    "The riverside is one of the last places where nobody has to buy anything.",
                ),
                (
                    C,
                    "commons",
                    "part",
                    "Keine Privatisierung des Elsterufers",
                    "Eine eingezäunte Strandbar nimmt allen anderen das Ufer weg.",
                    "No privatisation of the Elster riverside",
                    "A fenced beach bar takes the riverside away from everyone else.",
                ),
                (
                    P,
                    "green_space",
                    "site",
                    "Elsterufer renaturieren",
                    "Die Ufermauer abtragen und dem Fluss wieder Raum geben.",
                    "Renature the Elster bank",
                    "Remove the embankment wall and give the river room again.",
                ),
                (
                    C,
                    "public_space",
                    "point",
                    "Nachtruhe am Elsterufer",
                    "Schon jetzt ist es an Sommerabenden sehr laut. Eine Bar macht es schlimmer.",
                    "Quiet nights on the Elster riverside",
                    "Summer nights are already loud here. A bar would make it worse.",
                ),
            ],
        ),
        Hotspot(
            "Marktplatz",
            _box(city.at(160, 120), 95, 70, 8),
            [
                (
                    P,
                    "public_space",
                    "site",
                    "Autofreier Marktplatz",
                    "Der Marktplatz ist zur Hälfte Parkplatz. Ohne Autos wäre Platz für alle.",
                    "A car-free market square",
                    "Half of the market square is a car park. Without cars there is room for all.",
                ),
                (
                    P,
                    "public_space",
                    "part",
                    "Schatten und Bänke auf dem Marktplatz",
                    "Bäume und Sitzgelegenheiten, damit man sich im Sommer dort aufhalten kann.",
                    "Shade and benches on the market square",
                    "Trees and seats so that people can stay there in summer.",
                ),
                (
                    C,
                    "mobility",
                    "site",
                    "Parken am Markt wird gebraucht",
                    "Ältere Kundschaft kommt mit dem Auto. Ohne Parkplätze leiden die Läden.",
                    "Parking at the market is needed",
                    "Older customers come by car. Without parking, local shops suffer.",
                ),
                (
                    P,
                    "other",
                    "point",
                    "Wochenmarkt auch samstags",
                    "Der Markt sollte auch samstags stattfinden.",
                    "Market on Saturdays too",
                    "The market should also open on Saturdays.",
                ),
                (
                    P,
                    "commons",
                    "point",
                    "Offener Bücherschrank am Markt",
                    "Ein Bücherschrank zum Tauschen.",
                    "Book exchange on the square",
                    "A public bookcase for swapping books.",
                ),
            ],
        ),
        Hotspot(
            "Alte Spinnerei",
            _box(city.polar(250, 2800), 210, 125, -15),
            [
                (
                    P,
                    "commons",
                    "site",
                    "Soziokulturelles Zentrum Alte Spinnerei",
                    "Ateliers, Proberäume und Werkstätten in den Hallen, getragen von Vereinen.",
                    "Alte Spinnerei cultural centre",
                    "Studios, rehearsal rooms and workshops in the old halls, run by associations.",
                ),
                (
                    P,
                    "commons",
                    "part",
                    "Offene Werkstatt in der Spinnerei",
                    "Holz, Metall, Fahrräder: eine Werkstatt, die allen offensteht.",
                    "Open workshop in the Spinnerei",
                    "Wood, metal, bikes: a workshop open to everyone.",
                ),
                (
                    P,
                    "housing",
                    "site",
                    "Lofts in der Alten Spinnerei",
                    "Die Hallen eignen sich hervorragend für Loftwohnungen.",
                    "Lofts in the Alte Spinnerei",
                    "The halls would make excellent loft flats.",
                ),
                (
                    C,
                    "housing",
                    "around",
                    "Spinnerei nicht an Investoren verkaufen",
                    "Teure Lofts verdrängen die Kunstschaffenden, die das Areal belebt haben.",
                    "Don't sell the Spinnerei to investors",
                    "Expensive lofts would push out the artists who brought the site to life.",
                ),
                (
                    P,
                    "other",
                    "part",
                    "Gründerzentrum Spinnerei",
                    "Büros für junge Unternehmen aus der Region.",
                    "Start-up hub in the Spinnerei",
                    "Offices for young local companies.",
                ),
            ],
        ),
        Hotspot(
            "Kleingärten Sonnenhang",
            _box(city.polar(298, 4300), 260, 180, 30),
            [
                (
                    P,
                    "housing",
                    "site",
                    "Wohnen am Sonnenhang",
                    "Die Fläche ist gut angebunden und könnte 300 Wohnungen aufnehmen.",
                    "Homes at Sonnenhang",
                    "The site is well connected and could take 300 homes.",
                ),
                (
                    C,
                    "green_space",
                    "site",
                    "Kleingärten Sonnenhang erhalten",
                    "Seit 1921 gärtnern hier Familien. Die Gärten sind Erholung und Artenvielfalt.",
                    "Save the Sonnenhang allotments",
                    "Families have gardened here since 1921: rest for people, room for wildlife.",
                ),
                (
                    C,
                    "green_space",
                    "part",
                    "Keine Bebauung der Gartenanlage",
                    "Wer die Gärten bebaut, zerstört ein Stück Stadtgeschichte.",
                    "No building on the allotments",
                    "Building on the gardens destroys a piece of the city's history.",
                ),
                (
                    P,
                    "green_space",
                    "part",
                    "Öffentlicher Weg durch die Kleingärten",
                    "Ein Spazierweg durch die Anlage, damit alle etwas davon haben.",
                    "A public path through the allotments",
                    "A footpath through the gardens so that everyone benefits.",
                ),
                (
                    P,
                    "commons",
                    "part",
                    "Schulgarten am Sonnenhang",
                    "Eine freie Parzelle könnte der Schulgarten der Grundschule werden.",
                    "School garden at Sonnenhang",
                    "A free plot could become the primary school's garden.",
                ),
            ],
        ),
        Hotspot(
            "Bahnhofsvorplatz",
            _box(city.polar(71, 2650), 125, 80, -25),
            [
                (
                    P,
                    "mobility",
                    "site",
                    "Park-and-Ride am Bahnhof",
                    "Ein Parkhaus am Bahnhof, damit Pendler auf den Zug umsteigen.",
                    "Park and ride at the station",
                    "A car park at the station so commuters switch to the train.",
                ),
                (
                    P,
                    "mobility",
                    "part",
                    "Fahrradparkhaus am Bahnhof",
                    "Hunderte Räder stehen wild herum. Ein Fahrradparkhaus löst das.",
                    "Bike parking garage at the station",
                    "Hundreds of bikes are parked anywhere. A bike garage solves that.",
                ),
                (
                    P,
                    "housing",
                    "site",
                    "Wohnungen statt Parkplatz am Bahnhof",
                    "Der Parkplatz ist eine verschenkte Fläche in bester Lage.",
                    "Homes instead of the station car park",
                    "The car park wastes land in a prime location.",
                ),
                (
                    P,
                    "public_space",
                    "part",
                    "Ein Bahnhofsplatz zum Ankommen",
                    "Bäume, Bänke und Wegweiser statt Asphalt.",
                    "A station square to arrive in",
                    "Trees, benches and signposts instead of asphalt.",
                ),
            ],
        ),
        Hotspot(
            "Schulweg Mühlgraben",
            city.Point(city.polar(168, 1850)).buffer(12),
            [
                (
                    P,
                    "mobility",
                    "point",
                    "Zebrastreifen vor der Grundschule am Mühlgraben",
                    "Jeden Morgen queren hier über 200 Kinder die Straße.",
                    "Zebra crossing at Mühlgraben primary school",
                    "Over 200 children cross the street here every morning.",
                ),
                (
                    P,
                    "mobility",
                    "point",
                    "Ampel für den Schulweg",
                    "Eine Bedarfsampel würde den Schulweg sicher machen.",
                    "Traffic light for the school route",
                    "A push-button light would make the way to school safe.",
                ),
                (
                    P,
                    "mobility",
                    "point",
                    "Schulstraße am Mühlgraben",
                    "Zu Schulbeginn und -ende die Straße für Autos sperren.",
                    "School street at Mühlgraben",
                    "Close the street to cars when school starts and ends.",
                ),
            ],
        ),
        Hotspot(
            "Bäume Hafenstraße",
            substring(_street("Hafenstraße"), 1300, 1800),
            [
                (
                    P,
                    "green_space",
                    "line",
                    "Bäume für die Hafenstraße",
                    "Die Hafenstraße hat keinen einzigen Baum. Im Sommer ist sie glühend heiß.",
                    "Trees for Hafenstraße",
                    "Hafenstraße has not a single tree. In summer it is unbearably hot.",
                ),
                (
                    P,
                    "green_space",
                    "line",
                    "Grünstreifen statt Mittelparkplätze",
                    "Der Mittelstreifen könnte bepflanzt werden.",
                    "Green strip instead of central parking",
                    "The central strip could be planted.",
                ),
                (
                    P,
                    "green_space",
                    "line",
                    "Baumpatenschaften Hafenstraße",
                    "Anwohnende würden das Gießen übernehmen.",
                    "Tree sponsorship on Hafenstraße",
                    "Residents would do the watering.",
                ),
            ],
            street="Hafenstraße",
        ),
        Hotspot(
            "Nordhafen Kai",
            substring(harbour, 500, 1150).offset_curve(-45).buffer(25),
            [
                (
                    P,
                    "other",
                    "site",
                    "Marina im Nordhafen",
                    "Liegeplätze für Sportboote und Gastronomie am Kai.",
                    "Marina at Nordhafen",
                    "Berths for leisure boats and restaurants on the quay.",
                ),
                (
                    P,
                    "commons",
                    "site",
                    "Der Kai gehört allen",
                    "Ein öffentlicher Uferweg statt abgesperrter Privatflächen.",
                    "The quay belongs to everyone",
                    "A public waterside path instead of fenced private land.",
                ),
                (
                    P,
                    "housing",
                    "part",
                    "Wohnen am Wasser im Nordhafen",
                    "Die alten Speicher könnten zu Wohnungen umgebaut werden.",
                    "Waterside homes at Nordhafen",
                    "The old warehouses could be converted into flats.",
                ),
                (
                    C,
                    "other",
                    "point",
                    "Altlasten im Hafenbecken",
                    "Der Boden ist belastet. Erst sanieren, dann planen.",
                    "Contamination in the harbour basin",
                    "The soil is contaminated. Clean up first, then plan.",
                ),
            ],
        ),
        Hotspot(
            "Schlosspark",
            _box(city.polar(100, 1450), 210, 150, 5),
            [
                (
                    P,
                    "green_space",
                    "site",
                    "Schlosspark als Ruhezone",
                    "Der Park soll ein ruhiger Ort zum Erholen bleiben.",
                    "Schlosspark as a quiet zone",
                    "The park should stay a quiet place to relax.",
                ),
                (
                    P,
                    "public_space",
                    "part",
                    "Open-Air-Kino im Schlosspark",
                    "Im August ein Sommerkino auf der großen Wiese.",
                    "Open-air cinema in Schlosspark",
                    "A summer cinema on the big lawn in August.",
                ),
                (
                    C,
                    "public_space",
                    "part",
                    "Zu viele Events im Schlosspark",
                    "Fast jedes Wochenende ist die Wiese abgesperrt und danach zertrampelt.",
                    "Too many events in Schlosspark",
                    "Almost every weekend the lawn is fenced off and trampled afterwards.",
                ),
                (
                    P,
                    "public_space",
                    "point",
                    "Spielplatz im Schlosspark erneuern",
                    "Die Geräte sind alt und zum Teil gesperrt.",
                    "Renew the Schlosspark playground",
                    "The equipment is old and partly closed off.",
                ),
            ],
        ),
    ]


# Hotspots the zoning plan covers with a zone of its own (allotments and parks are green
# space, the old mill is industrial land), so the overlay has a story to tell there.
ZONED = {
    "Kleingärten Sonnenhang": "GR",
    "Schlosspark": "GR",
    "Alte Spinnerei": "GE",
    "Elsterufer": "GR",
}


def zoned(zones: list[city.Zone]) -> list[city.Zone]:
    """The zoning plan with the ZONED hotspots cut out and added as zones of their own."""
    sites = [(h.site.buffer(35, join_style="mitre"), h.name) for h in hotspots() if h.name in ZONED]
    result = []
    for zone in zones:
        geom = zone.geom
        if zone.code != "V":
            for site, _ in sites:
                geom = geom.difference(site)
        for part in getattr(geom, "geoms", [geom]):
            if part.geom_type == "Polygon" and part.area > 400:
                result.append(city.Zone(zone.code, shapely.set_precision(part, 0.01), zone.plan))
    for i, (site, name) in enumerate(sites):
        space = site
        for zone in zones:
            if zone.code == "V":
                space = space.difference(zone.geom)
        for part in getattr(space, "geoms", [space]):
            if part.geom_type == "Polygon" and part.area > 400:
                geom = shapely.set_precision(part, 0.01)
                result.append(city.Zone(ZONED[name], geom, f"BP-{90 + i}"))
    return result
