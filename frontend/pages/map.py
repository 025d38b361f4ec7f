from django.shortcuts import render
from django.urls import path


def map_page(request):
    return render(request, "frontend/map.html")


urlpatterns = [
    path("", map_page, name="map"),
]
