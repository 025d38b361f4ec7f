from django.urls import path

from . import api

# Included under /api/ with the namespace "api" (config/urls.py).
urlpatterns = [
    path("basemap/imports/", api.BasemapImportView.as_view(), name="basemap-imports"),
    path("places/", api.PlaceSearchView.as_view(), name="place-search"),
]
