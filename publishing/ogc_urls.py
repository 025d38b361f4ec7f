"""OGC API Features at /ogc/ (included in config/urls.py). The spec fixes these paths.

GDAL's OAPIF driver appends "/collections" to the URL it is given, so "…/ogc/" becomes
"…/ogc//collections": the patterns accept leading slashes.
"""

from django.urls import path, re_path

from . import ogc

app_name = "ogc"
urlpatterns = [
    path("", ogc.landing, name="landing"),
    re_path(r"^(?:/*)api$", ogc.openapi, name="openapi"),
    re_path(r"^(?:/*)conformance$", ogc.conformance, name="conformance"),
    re_path(r"^(?:/*)collections$", ogc.collections, name="collections"),
    re_path(r"^(?:/*)collections/(?P<collection_id>[-\w]+)$", ogc.collection, name="collection"),
    re_path(
        r"^(?:/*)collections/(?P<collection_id>[-\w]+)/queryables$",
        ogc.queryables,
        name="queryables",
    ),
    re_path(r"^(?:/*)collections/(?P<collection_id>[-\w]+)/items$", ogc.items, name="items"),
    re_path(
        r"^(?:/*)collections/(?P<collection_id>[-\w]+)/items/(?P<feature_id>[^/]+)$",
        ogc.item,
        name="item",
    ),
]
