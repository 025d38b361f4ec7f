"""Reads of the base map: the gazetteer search. (The base-map tiles are published by
publishing/basemap.py.)"""

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.functions import Length

from .models import BasemapVersion, Place, PlaceKind
from .normalise import normalise, split_number

LIMIT = 10
MIN_LENGTH = 2  # normalised characters; shorter queries match too much to rank
# Lower than pg_trgm's default (0.6), so that one swapped or missing letter in a short
# street name still finds it ("Goehtestraße" → Goethestraße); ranking puts the best first.
WORD_SIMILARITY = 0.35
KIND_ORDER = Case(
    When(kind=PlaceKind.DISTRICT, then=Value(0)),
    When(kind=PlaceKind.PLACE, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def _names() -> QuerySet[Place]:
    return Place.objects.exclude(kind=PlaceKind.ADDRESS)


def _names_by_prefix(norm: str, limit: int) -> list[Place]:
    return list(_names().filter(norm__startswith=norm).order_by(Length("norm"), KIND_ORDER)[:limit])


def _names_by_similarity(words: str, limit: int) -> list[Place]:
    """Names containing something like `words` (trigram word similarity, the partial GIN
    index), the most similar first."""
    return list(
        _names()
        .filter(norm__trigram_word_similar=words)
        .annotate(similarity=TrigramWordSimilarity(words, "norm"))
        .order_by("-similarity", Length("norm"), KIND_ORDER)[:limit]
    )


def _addresses_by_prefix(norm: str, limit: int) -> list[Place]:
    return list(
        Place.objects.filter(kind=PlaceKind.ADDRESS, norm__startswith=norm).order_by("norm")[:limit]
    )


def _addresses_on(streets: list[Place], number: str, limit: int) -> list[Place]:
    """The addresses with a number starting with `number` on these streets, the streets in
    their order, the exact number first."""
    found = []
    for street in streets:
        found += Place.objects.filter(
            kind=PlaceKind.ADDRESS, street_norm=street.norm, housenumber__startswith=number
        ).order_by(Length("housenumber"), "housenumber")[: limit - len(found)]
        if len(found) >= limit:
            break
    return found


def _unique(places: list[Place], limit: int) -> list[Place]:
    return list({place.pk: place for place in places}.values())[:limit]


def place_search(*, q: str, limit: int = LIMIT) -> list[Place]:
    """Gazetteer entries for what a person typed, best first: names (districts, places,
    streets) starting with it, then names like it (typos), then addresses. With a house
    number at the end ("Goethestr 12"), the addresses with that number on the streets
    that match the words come first."""
    norm = normalise(q)
    if len(norm) < MIN_LENGTH:
        return []
    words, number = split_number(norm)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(WORD_SIMILARITY)],
        )
        if number:
            streets = [
                p
                for p in _names_by_prefix(words, 3) + _names_by_similarity(words, 3)
                if p.kind == PlaceKind.STREET
            ]
            found = _addresses_on(_unique(streets, 3), number, limit)
            return _unique(found + _addresses_by_prefix(norm, limit), limit)
        found = _names_by_prefix(norm, limit)
        if len(found) < limit:
            found += _names_by_similarity(norm, limit)
        if len(found) < limit:
            found += _addresses_by_prefix(norm, limit)
        return _unique(found, limit)


def basemap_version() -> BasemapVersion | None:
    """The newest import, or None while the city has no base map."""
    return BasemapVersion.objects.order_by("-pk").first()
