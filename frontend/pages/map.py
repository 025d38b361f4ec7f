"""The residents' map (/) and the page config its ES modules read from json_script."""

import time

from django.conf import settings
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.safestring import mark_safe

from proposals.models import Category, Kind, Scope
from proposals.selectors import Sort, wide_claim_list

from .basemap import basemap_config, geocoder_config
from .cached import cached, versions
from .layer_overlay import layer_overlay_config
from .shared import shared_when_anonymous
from .zoning import compatibility_labels, overlay_filter_state, usable_layers

# Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), chosen
# to keep at least 3:1 contrast against white for markers and legend swatches.
CATEGORY_COLOURS = {
    Category.HOUSING: "#D55E00",
    Category.MOBILITY: "#0072B2",
    Category.GREEN_SPACE: "#009E73",
    Category.PUBLIC_SPACE: "#B07A00",
    Category.COMMONS: "#AA4499",
    Category.OTHER: "#555555",
}
_ID = 918273645  # stands in for an object id in URL templates: "{id}" in the config


def url_template(name: str) -> str:
    """The URL of `name` for one object, with "{id}" in place of the object's id."""
    return reverse(name, args=[_ID]).replace(str(_ID), "{id}")


def districts_url(request) -> str | None:
    slug = usable_layers(request)["district_layer"]
    if slug is None:
        return None
    return reverse("api:layer-features", args=[slug]) + "?tolerance=0.00005"


def categories() -> list[dict]:
    return [
        {"value": value, "label": str(label), "colour": CATEGORY_COLOURS[value]}
        for value, label in Category.choices
    ]


def kinds() -> list[dict]:
    return [{"value": value, "label": str(label)} for value, label in Kind.choices]


def _cluster_overlay_config() -> dict:
    from .clusters import cluster_overlay_config  # clusters.py imports this module

    return cluster_overlay_config()


def base_map_config(request=None) -> dict:
    """What map/base.js addBaseLayer() reads: a raster tile server when one is configured,
    else the city's own vector base map (map/basemap.js), else neither. With the request,
    the base map's part comes from the cache, under its version."""
    return {
        "maxZoom": settings.LEAFLET_CONFIG.get("MAX_ZOOM", 19),
        "tiles": (
            {"url": settings.BASEMAP_TILE_URL, "attribution": settings.BASEMAP_ATTRIBUTION}
            if settings.BASEMAP_TILE_URL
            else None
        ),
        "basemap": None if settings.BASEMAP_TILE_URL else _basemap_config(request),
    }


def tile_fresh(user) -> str | None:
    """A stamp that takes a signed-in reader's tile URLs past shared caches, which may serve
    a tile TILES_MAX_AGE seconds old (map/tiles.js): anyone who can write sees the current
    tiles. None for anonymous readers, and when shared caches must revalidate anyway."""
    if user.is_authenticated and settings.TILES_MAX_AGE > 0:
        return str(time.time_ns() // 1_000_000)
    return None


def _basemap_config(request) -> dict | None:
    if request is None:
        return basemap_config()
    version = versions(request).basemap
    return cached("basemap", (version,), lambda: {"config": basemap_config()})["config"]


def map_config(request) -> dict:
    minlon, minlat, maxlon, maxlat = settings.CITY_BBOX
    user = request.user
    return {
        "city": settings.CITY_NAME,
        # Axis order lon/lat, as in GeoJSON and the API's bbox parameter.
        "cityBbox": [minlon, minlat, maxlon, maxlat],
        "minZoom": settings.LEAFLET_CONFIG.get("MIN_ZOOM", 10),
        **base_map_config(request),
        # Address and place search (map/search.js).
        "geocoder": geocoder_config(),
        "categories": categories(),
        "kinds": kinds(),
        "markerLimit": settings.MAP_MARKER_LIMIT,
        "tileFresh": tile_fresh(user),
        "user": {"authenticated": user.is_authenticated},
        "urls": {
            "proposals": reverse("api:proposal-list"),
            # Vector tiles of the pins, drawn where the view holds more than markerLimit.
            "proposalTiles": reverse("api:proposal-tile", args=[0, 0, 0]).replace(
                "/0/0/0.pbf", "/{z}/{x}/{y}.pbf"
            ),
            # How many pins each tile holds (8 x 8 per count tile): the choice of markers.
            "proposalCounts": reverse("api:proposal-counts", args=[0, 0, 0]).replace(
                "/0/0/0.json", "/{z}/{x}/{y}.json"
            ),
            "proposalPage": url_template("frontend:proposal-detail"),
            "proposalPhotos": url_template("api:proposal-photos"),
            "list": reverse("frontend:proposal-list"),
            "login": reverse("login"),
            # The city's districts (a layer the planners import) as GeoJSON; without one
            # the map outlines the city's bounding box instead.
            "districts": districts_url(request),
        },
        # Labels of the server's choices; the scripts' own text comes from the JavaScript
        # catalogue (/jsi18n/, locale/*/LC_MESSAGES/djangojs.po).
        "compatibilities": compatibility_labels(),
        # The planners' reference layers (frontend/static/frontend/layers/overlay.js).
        "layers": layer_overlay_config(),
        # The cluster layer (frontend/static/frontend/clusters/overlay.js).
        "clusters": _cluster_overlay_config(),
    }


# Parameters the filter form shows as fields. Other filters in the query string ride along
# as hidden fields, so the map and the list keep applying them; bbox and page are per page.
FORM_FILTERS = ("category", "kind", "q", "author", "compatibility", "district", "sort")
PER_PAGE = ("bbox", "page")


def extra_filters(query) -> list[tuple[str, str]]:
    return [
        (name, query[name])
        for name in query
        if name not in FORM_FILTERS + PER_PAGE and query.get(name)
    ]


def filter_state(request) -> dict:
    """The filter form's state from the request's query string, in the API's parameter names.

    `category` may come as one comma list (the API's form, used by the map's links) or as
    repeated parameters (what a plain HTML form with checkboxes sends).
    """
    query = request.GET
    selected = [c for value in query.getlist("category") for c in value.split(",") if c]
    return {
        "categories": [{**c, "checked": c["value"] in selected} for c in categories()],
        "kinds": kinds(),
        "kind": query.get("kind", ""),
        "q": query.get("q", ""),
        "author": query.get("author", ""),
        "sort": query.get("sort", ""),
        "sorts": [{"value": value, "label": str(label)} for value, label in Sort.choices],
        **overlay_filter_state(request),
        "extra": extra_filters(query),
    }


def api_query(query) -> dict:
    """The query string normalised to the API's form (category as one comma list)."""
    params = {}
    categories_ = [c for value in query.getlist("category") for c in value.split(",") if c]
    if categories_:
        params["category"] = ",".join(categories_)
    for name in FORM_FILTERS[1:]:
        if query.get(name):
            params[name] = query[name]
    params.update(extra_filters(query))
    return params


def _wide_claims(names: list[tuple[int, str]]) -> dict:
    claims = [
        {"pk": claim.pk, "title": claim.title, "scope": claim.scope, "district": claim.district_id}
        for claim in wide_claim_list()
    ]
    by_district = {district_id: [] for district_id, _ in names}
    for claim in claims:
        if claim["scope"] == Scope.DISTRICT:
            by_district.setdefault(claim["district"], []).append(claim)
    return {
        "city": [claim for claim in claims if claim["scope"] == Scope.CITY],
        "districts": [
            {"id": district_id, "name": name, "claims": by_district[district_id]}
            for district_id, name in names
        ],
        "count": len(claims),
    }


def wide_claims(request) -> str:
    """The claims about a whole district or the city, for the list beside the map: the city's,
    then each district with its count (every district, so a resident sees where none are);
    HTML, cached under the versions of the proposals and the layers."""
    v = versions(request)
    names = usable_layers(request)["districts"]

    def build() -> str:
        context = {"wide": _wide_claims(names)}
        return render_to_string("frontend/_map_wide.html", context, request=request)

    return mark_safe(cached("map-wide", (v.proposals, v.layers), build))  # noqa: S308


def _panel(request) -> str:
    """The filter, the legend and the list link, the same for every viewer of the same query
    string (signed in or not: "only my pins" is offered to the signed in); HTML, cached."""
    key = (versions(request).layers, sorted(request.GET.lists()), request.user.is_authenticated)

    def build() -> str:
        context = {"filters": filter_state(request)}
        return render_to_string("frontend/_map_panel.html", context, request=request)

    return mark_safe(cached("map-panel", key, build))  # noqa: S308


@shared_when_anonymous
def map_page(request):
    context = {
        "config": map_config(request),
        "categories": categories(),
        "districts": usable_layers(request)["districts"],
        "wide": wide_claims(request),
        "panel": _panel(request),
    }
    return render(request, "frontend/map.html", context)


urlpatterns = [
    path("", map_page, name="map"),
]
