"""Residents of Auenstadt and the proposals and conflicts they pin on the map.

Pure Python + shapely; all chance comes from one `random.Random`, so the output is the same
on every run. Geometries stay in metres (EPSG:25833) here; generate.py transforms them.
"""

import math
import random
import unicodedata

import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import substring

from . import city, hotspots, texts

N_RESIDENTS = 150
N_PROPOSALS = 600
# Share of each category among the background claims (the rest comes from hotspots).
CATEGORY_WEIGHTS = {
    "mobility": 26,
    "green_space": 22,
    "public_space": 16,
    "housing": 13,
    "commons": 11,
    "other": 12,
}
SHAPE_WEIGHTS = {  # point, polygon per category when not along a street
    "housing": (4, 6),
    "mobility": (8, 1),
    "green_space": (4, 5),
    "public_space": (6, 4),
    "commons": (6, 4),
    "other": (8, 2),
}


def _ascii(name: str) -> str:
    name = name.replace("ß", "ss").replace("ı", "i").replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def residents(rng: random.Random) -> list[dict]:
    """~150 fictitious residents; about one in six prefers not to show their name.

    The first one is the demo resident `anna`.
    """
    people = [
        {
            "username": "anna",
            "first_name": "Anna",
            "last_name": "Schneider",
            "show_name_publicly": True,
        }
    ]
    taken = {"anna"}
    while len(people) < N_RESIDENTS:
        first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.LAST_NAMES)
        username = f"{_ascii(first)}.{_ascii(last)}"
        if username in taken:
            continue
        taken.add(username)
        people.append(
            {
                "username": username,
                "first_name": first,
                "last_name": last,
                "show_name_publicly": rng.random() > 0.17,
            }
        )
    return people


class _Writer:
    """Fills in templates for one claim: language, street, district, place."""

    def __init__(self, rng: random.Random, districts):
        self.rng = rng
        self.districts = districts

    def district_at(self, geom) -> str:
        c = geom.representative_point()
        return next((d.name for d in self.districts if d.geom.contains(c)), "Altstadt")

    def text(self, kind, title, description, lang, geom, street=None) -> tuple[str, str]:
        i = self.rng.randrange(len(texts.PLACES))
        district = self.district_at(geom)
        values = {
            "street": street or self.rng.choice(texts.STREETS),
            "district": district,
            "in_district": texts.IN_DISTRICT.get(district, f"in {district}"),
            "place": texts.PLACES[i],
            "place_en": texts.PLACES_EN[i],
            "years": self.rng.choice([2, 3, 5, 8, 12, 20, 30]),
        }
        extra = self.rng.choice(texts.EXTRA[(kind, lang)]).format(**values)
        body = description.format(**values)
        return title.format(**values), f"{body} {extra}".strip()


def _jitter(geom, rng: random.Random, move: float, scale: float = 0.08, turn: float = 6.0):
    geom = affinity.rotate(geom, rng.uniform(-turn, turn), origin="centroid")
    f = 1 + rng.uniform(-scale, scale)
    geom = affinity.scale(geom, f, f, origin="centroid")
    return affinity.translate(geom, rng.uniform(-move, move), rng.uniform(-move, move))


def _point_in(area, rng: random.Random) -> Point:
    minx, miny, maxx, maxy = area.bounds
    while True:
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if area.contains(p):
            return p


def _hotspot_shape(site, shape: str, rng: random.Random):
    area = site if site.geom_type == "Polygon" else site.buffer(10)
    if shape == "site":
        return _jitter(area, rng, move=6)
    if shape == "around":
        return _jitter(area.buffer(40, join_style="mitre"), rng, move=10)
    if shape == "point":
        return _point_in(area, rng)
    if shape == "line":
        line = site if site.geom_type == "LineString" else site.exterior
        a = rng.uniform(0, 0.25) * line.length
        b = rng.uniform(0.7, 1.0) * line.length
        return substring(line, a, b).offset_curve(rng.uniform(-6, 6))
    # "part": a box around a point of the site, cut to the site
    minx, miny, maxx, maxy = area.bounds
    size = max(maxx - minx, maxy - miny) * rng.uniform(0.3, 0.6)
    c = _point_in(area, rng)
    part = area.intersection(box(c.x - size / 2, c.y - size / 2, c.x + size / 2, c.y + size / 2))
    return part if part.geom_type == "Polygon" else area


def _background_shape(title: str, category: str, rng: random.Random, centre: Point):
    """Lines for what runs along a street (bike lanes, street trees), else points and areas."""
    along_street = "{street}" in title and category in ("mobility", "green_space")
    if along_street and rng.random() < 0.8:
        shape = "line"
    else:
        points, areas = SHAPE_WEIGHTS[category]
        shape = rng.choices(("point", "polygon"), weights=(points, areas))[0]
    if shape == "point":
        return centre
    if shape == "line":
        pts = [(centre.x, centre.y)]
        heading = rng.uniform(0, 2 * math.pi)
        for _ in range(rng.randint(1, 4)):
            heading += rng.uniform(-0.5, 0.5)
            step = rng.uniform(60, 220)
            x, y = pts[-1]
            pts.append((x + step * math.cos(heading), y + step * math.sin(heading)))
        return LineString(pts)
    n = rng.randint(4, 8)
    r = rng.uniform(15, 110)
    ring = []
    for k in range(n):
        t = 2 * math.pi * k / n + rng.uniform(-0.25, 0.25)
        rr = r * rng.uniform(0.7, 1.15)
        ring.append((centre.x + rr * math.cos(t), centre.y + 0.8 * rr * math.sin(t)))
    return Polygon(ring)


def _where(rng: random.Random, outline) -> Point:
    """A random spot, denser towards the centre (as people are)."""
    while True:
        r = 6800 * math.sqrt(rng.random()) ** 1.6
        t = rng.uniform(0, 2 * math.pi)
        p = Point(city.at(r * math.cos(t), r * math.sin(t)))
        if outline.buffer(-300).contains(p):
            return p


def proposals(rng: random.Random, people: list[dict], districts) -> list[dict]:
    """About 600 claims: those at the hotspots first, then the rest spread over the city."""
    writer = _Writer(rng, districts)
    outline = city.boundary()
    # Claims lie inside the city (proposals refuse one outside every district); a metre in,
    # so that rounding the coordinates to 6 decimals keeps a clipped end inside.
    inside = outline.buffer(-1)
    # A few very active residents, many occasional ones (Zipf-like). Anna, the demo
    # resident, is not drawn at random: she gets a handful of claims below.
    authors = [p["username"] for p in people if p["username"] != "anna"]
    activity = [1 / (rank + 4) ** 0.9 for rank in range(len(authors))]
    claims = []
    keys = set()  # (author, title): the stable key the loader upserts by

    def add(kind, category, geom, lang, title, description, hotspot):
        author = rng.choices(authors, weights=activity)[0]
        while (author, title) in keys:
            author = rng.choice(authors)
        keys.add((author, title))
        geom = shapely.make_valid(geom) if not geom.is_valid else geom
        if not inside.covers(geom):
            geom = geom.intersection(inside)
        claims.append(
            {
                "kind": kind,
                "category": category,
                "geom": geom,
                "lang": lang,
                "title": title,
                "description": description,
                "author": author,
                "hotspot": hotspot,
            }
        )

    for spot in hotspots.hotspots():
        for kind, category, shape, de_title, de_text, en_title, en_text in spot.claims:
            # The same claim, sometimes by two people, in German and in English.
            first = "de" if rng.random() < 0.7 else "en"
            langs = [first] if rng.random() < 0.6 else ["de", "en"]
            for lang in langs:
                title, text = (de_title, de_text) if lang == "de" else (en_title, en_text)
                geom = _hotspot_shape(spot.site, shape, rng)
                title, text = writer.text(kind, title, text, lang, geom, spot.street)
                add(kind, category, geom, lang, title, text, spot.name)
        # ... and a few everyday claims of the same categories on the same spot.
        for _ in range(rng.randint(2, 5)):
            kind, category, shape = rng.choice(spot.claims)[:3]
            lang = "de" if rng.random() < 0.7 else "en"
            title, text = rng.choice(texts.TEMPLATES[(category, kind)][lang])
            geom = _hotspot_shape(spot.site, shape, rng)
            title, text = writer.text(kind, title, text, lang, geom, spot.street)
            add(kind, category, geom, lang, title, text, spot.name)
    # Anna, the demo resident, has pinned a few things herself.
    for c in claims[2::25]:
        keys.discard((c["author"], c["title"]))
        c["author"] = "anna"
        keys.add(("anna", c["title"]))

    categories, weights = zip(*CATEGORY_WEIGHTS.items(), strict=True)
    while len(claims) < N_PROPOSALS:
        category = rng.choices(categories, weights=weights)[0]
        kind = "conflict" if rng.random() < 0.27 else "proposal"
        lang = "de" if rng.random() < 0.72 else "en"
        title, description = rng.choice(texts.TEMPLATES[(category, kind)][lang])
        geom = _background_shape(title, category, rng, _where(rng, outline))
        title, description = writer.text(kind, title, description, lang, geom)
        add(kind, category, geom, lang, title, description, None)

    assert len({(c["author"], c["title"]) for c in claims}) == len(claims)
    return claims


def reactions(claims: list[dict], people: list[dict], rng: random.Random) -> None:
    """Adds supporters, comments and an age (hours before loading) to each claim, in place."""
    usernames = [p["username"] for p in people]
    for c in claims:
        popular = 3 if c["hotspot"] else 1
        n = min(70, int(popular * (rng.paretovariate(1.2) - 1) * 2))
        others = [u for u in usernames if u != c["author"]]
        c["supporters"] = sorted(rng.sample(others, n))
        c["age_hours"] = rng.randint(2, 24 * 180)
        c["comments"] = []
        if rng.random() < (0.5 if c["hotspot"] else 0.15):
            for _ in range(rng.randint(1, 3)):
                lang = c["lang"] if rng.random() < 0.8 else ("en" if c["lang"] == "de" else "de")
                comment = {
                    "author": rng.choice(others),
                    "body": rng.choice(texts.COMMENTS[lang]),
                    "age_hours": rng.randint(1, c["age_hours"]),
                }
                # (author, body) identifies a comment on its proposal when loading.
                if all(m["body"] != comment["body"] for m in c["comments"]):
                    c["comments"].append(comment)
        c["comments"].sort(key=lambda m: -m["age_hours"])
