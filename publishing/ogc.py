"""OGC API - Features - Part 1: Core, GeoJSON encoding, at /ogc/ (see docs/adr/0005).

Plain Django views: the spec fixes its own URLs, media types and error shape, which DRF's
conventions would only get in the way of. Everything served is public, read-only data
(active proposals, imported reference layers). Feature pages are built in PostGIS
(publishing/ogc_collections.py); this module checks parameters and adds the links.
"""

import functools
import json
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import ogc_collections, ogc_params, proposal_columns
from .ogc_openapi import openapi_document
from .ogc_params import BadRequest

JSON = "application/json"
GEOJSON = "application/geo+json"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
SCHEMA = "application/schema+json"
QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
]
# Not claimed: oas30 (the API definition at /ogc/api describes every operation and parameter,
# but its response schemas are generic objects, not the OGC ones), html (no HTML encoding).
# Query parameters each operation knows; any other is a 400 (/req/core/query-param-unknown).
ITEMS_PARAMS = {"f", "bbox", "limit", "offset", "datetime"}
PLAIN_PARAMS = {"f"}
FORMATS = {"json", "geojson", JSON, GEOJSON}


def _error(status: int, code: str, description: str) -> JsonResponse:
    return JsonResponse({"code": code, "description": description}, status=status)


def ogc_view(allowed_params: set[str]):
    """GET only; refuses unknown parameters and encodings; BadRequest becomes a 400."""

    def decorate(view):
        # Read-only, so no CSRF check: any other method gets this JSON 405, not Django's
        # HTML 403 for a missing CSRF token.
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                message = _("This endpoint is read-only: use GET.")
                response = _error(405, "MethodNotAllowed", message)
                response["Allow"] = "GET, HEAD"
                return response
            unknown = sorted(set(request.GET) - allowed_params)
            if unknown:
                message = _("Unknown query parameter(s): %(names)s. Known: %(known)s.") % {
                    "names": ", ".join(unknown),
                    "known": ", ".join(sorted(allowed_params)),
                }
                return _error(400, "InvalidParameterValue", message)
            if request.GET.get("f", "json") not in FORMATS:
                message = _("f must be json: GeoJSON is the only encoding served.")
                return _error(400, "InvalidParameterValue", message)
            try:
                return view(request, *args, **kwargs)
            except BadRequest as error:
                return _error(400, "InvalidParameterValue", str(error))

        return wrapper

    return decorate


def _response(payload: dict, media_type: str = JSON) -> HttpResponse:
    return HttpResponse(json.dumps(payload), content_type=media_type)


def _url(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"ogc:{name}", kwargs=kwargs or None))


def _page_url_prefix(request) -> str:
    return proposal_columns.page_url_prefix(request.build_absolute_uri)


def _link(href: str, rel: str, media_type: str, title: str) -> dict:
    return {"href": href, "rel": rel, "type": media_type, "title": title}


@ogc_view(PLAIN_PARAMS)
def landing(request):
    return _response(
        {
            "title": _("Stadtmacher: proposals and reference layers"),
            "description": _("Residents' proposals and the planners' reference layers."),
            "links": [
                _link(_url(request, "landing"), "self", JSON, _("This document")),
                _link(_url(request, "openapi"), "service-desc", OPENAPI, _("API definition")),
                _link(_url(request, "conformance"), "conformance", JSON, _("Conformance")),
                _link(_url(request, "collections"), "data", JSON, _("Collections")),
            ],
        }
    )


@ogc_view(PLAIN_PARAMS)
def openapi(request):
    return _response(openapi_document(_url(request, "landing")), OPENAPI)


@ogc_view(PLAIN_PARAMS)
def conformance(request):
    return _response({"conformsTo": CONFORMANCE})


def _collection_json(request, collection) -> dict:
    return {
        "id": collection.id,
        "title": collection.title,
        "description": collection.description,
        "itemType": "feature",
        "crs": [CRS84],
        "extent": ogc_collections.collection_extent(collection),
        "links": [
            _link(_url(request, "collection", collection_id=collection.id), "self", JSON, "self"),
            _link(
                _url(request, "items", collection_id=collection.id),
                "items",
                GEOJSON,
                _("Features"),
            ),
            _link(
                _url(request, "queryables", collection_id=collection.id),
                QUERYABLES_REL,
                SCHEMA,
                _("Properties of the features"),
            ),
        ],
    }


@ogc_view(PLAIN_PARAMS)
def collections(request):
    return _response(
        {
            "links": [_link(_url(request, "collections"), "self", JSON, _("Collections"))],
            "collections": [
                _collection_json(request, c)
                for c in ogc_collections.collection_list(page_url=_page_url_prefix(request))
            ],
        }
    )


def _not_found(description: str) -> JsonResponse:
    return _error(404, "NotFound", description)


def _no_collection(collection_id: str) -> JsonResponse:
    return _not_found(_("There is no collection %(id)s.") % {"id": collection_id})


@ogc_view(PLAIN_PARAMS)
def collection(request, collection_id):
    found = ogc_collections.collection_get(collection_id, page_url=_page_url_prefix(request))
    if found is None:
        return _no_collection(collection_id)
    return _response(_collection_json(request, found))


@ogc_view(PLAIN_PARAMS)
def queryables(request, collection_id):
    """The collection's properties as a JSON Schema (OGC API Features Part 3's queryables;
    no filtering by them is offered: Part 3 is not claimed)."""
    found = ogc_collections.collection_get(collection_id, page_url=_page_url_prefix(request))
    if found is None:
        return _no_collection(collection_id)
    schema = {
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": _url(request, "queryables", collection_id=collection_id),
        "type": "object",
        "title": found.title,
        "properties": ogc_collections.queryables(found),
    }
    return _response(schema, SCHEMA)


def _page_url(request, collection_id: str, offset: int, limit: int) -> str:
    query = {k: v for k, v in request.GET.items() if k not in ("offset", "limit")}
    query.update(offset=offset, limit=limit)
    base = _url(request, "items", collection_id=collection_id)
    return f"{base}?{urlencode(query)}"


@ogc_view(ITEMS_PARAMS)
def items(request, collection_id):
    found = ogc_collections.collection_get(collection_id, page_url=_page_url_prefix(request))
    if found is None:
        return _no_collection(collection_id)
    limit = ogc_params.parse_limit(request.GET.get("limit"))
    offset = ogc_params.parse_offset(request.GET.get("offset"))
    features, matched, returned = ogc_collections.items_page(
        found,
        bbox=ogc_params.parse_bbox(request.GET.get("bbox")),
        interval=ogc_params.parse_datetime_param(request.GET.get("datetime")),
        limit=limit,
        offset=offset,
    )
    links = [
        _link(request.build_absolute_uri(), "self", GEOJSON, _("This page")),
        _link(
            _url(request, "collection", collection_id=collection_id),
            "collection",
            JSON,
            found.title,
        ),
    ]
    if offset + returned < matched:
        next_url = _page_url(request, collection_id, offset + limit, limit)
        links.append(_link(next_url, "next", GEOJSON, _("Next page")))
    if offset > 0:
        prev_url = _page_url(request, collection_id, max(offset - limit, 0), limit)
        links.append(_link(prev_url, "prev", GEOJSON, _("Previous page")))
    rest = {
        "numberMatched": matched,
        "numberReturned": returned,
        "timeStamp": timezone.now().isoformat(timespec="seconds").replace("+00:00", "Z"),
        "links": links,
    }
    # The features array comes from PostGIS as text and is spliced in, never re-parsed.
    body = '{"type": "FeatureCollection", "features": ' + features + ", " + json.dumps(rest)[1:]
    return HttpResponse(body, content_type=GEOJSON)


@ogc_view(PLAIN_PARAMS)
def item(request, collection_id, feature_id):
    found = ogc_collections.collection_get(collection_id, page_url=_page_url_prefix(request))
    if found is None:
        return _no_collection(collection_id)
    is_id = feature_id.isdigit() and len(feature_id) <= 18  # ids are bigint
    feature = ogc_collections.item_get(found, int(feature_id)) if is_id else None
    if feature is None:
        return _not_found(
            _("Collection %(collection)s has no feature %(id)s.")
            % {"collection": collection_id, "id": feature_id}
        )
    links = [
        _link(request.build_absolute_uri(), "self", GEOJSON, _("This feature")),
        _link(
            _url(request, "collection", collection_id=collection_id),
            "collection",
            JSON,
            found.title,
        ),
    ]
    body = feature[:-1] + ', "links": ' + json.dumps(links) + "}"
    return HttpResponse(body, content_type=GEOJSON)
