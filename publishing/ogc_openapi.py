"""The OpenAPI 3.0 definition of /ogc/ (the landing page's `service-desc`).

Written by hand because the OGC endpoints are plain views outside DRF's schema; it
describes exactly the operations and parameters publishing/ogc.py implements.
"""

from .ogc_params import LIMIT_DEFAULT, LIMIT_MAX


def _param(name: str, where: str, schema: dict, description: str, required=False) -> dict:
    return {
        "name": name,
        "in": where,
        "required": required,
        "schema": schema,
        "description": description,
        "style": "form" if where == "query" else "simple",
        "explode": False,
    }


F = _param("f", "query", {"type": "string", "enum": ["json"]}, "Encoding; only JSON/GeoJSON.")
COLLECTION_ID = _param("collectionId", "path", {"type": "string"}, "Collection id.", True)
FEATURE_ID = _param("featureId", "path", {"type": "string"}, "Feature id.", True)
BBOX = _param(
    "bbox",
    "query",
    {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
    "minlon,minlat,maxlon,maxlat in CRS84.",
)
LIMIT = _param(
    "limit",
    "query",
    {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX, "default": LIMIT_DEFAULT},
    "Features per page.",
)
OFFSET = _param("offset", "query", {"type": "integer", "minimum": 0, "default": 0}, "Skip n.")
DATETIME = _param(
    "datetime",
    "query",
    {"type": "string"},
    "Instant or interval (a/b, ../b, a/..) on the creation time of proposals; "
    "layers have no time and ignore it.",
)


def _get(summary: str, parameters: list, media_type: str) -> dict:
    ok = {"description": summary, "content": {media_type: {"schema": {"type": "object"}}}}
    error = {
        "description": "Error",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
    responses = {"200": ok, "400": error}
    if any(p["in"] == "path" for p in parameters):
        responses["404"] = error
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


def openapi_document(server_url: str) -> dict:
    json, geojson = "application/json", "application/geo+json"
    return {
        "openapi": "3.0.3",
        "info": {"title": "Stadtmacher OGC API - Features", "version": "1.0.0"},
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/": _get("Landing page", [F], json),
            "/api": _get(
                "This API definition", [F], "application/vnd.oai.openapi+json;version=3.0"
            ),
            "/conformance": _get("Conformance classes", [F], json),
            "/collections": _get("Collections", [F], json),
            "/collections/{collectionId}": _get("A collection", [COLLECTION_ID, F], json),
            "/collections/{collectionId}/queryables": _get(
                "The properties of a collection's features as a JSON Schema",
                [COLLECTION_ID, F],
                "application/schema+json",
            ),
            "/collections/{collectionId}/items": _get(
                "Features", [COLLECTION_ID, BBOX, LIMIT, OFFSET, DATETIME, F], geojson
            ),
            "/collections/{collectionId}/items/{featureId}": _get(
                "A feature", [COLLECTION_ID, FEATURE_ID, F], geojson
            ),
        },
    }
