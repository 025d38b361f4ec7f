"""Pages of the negotiation rounds: review queue, round page, outcome report."""

from django.shortcuts import render
from django.urls import path


def round_detail(request, pk):
    return render(request, "frontend/base.html")


urlpatterns = [
    path("rounds/<int:pk>/", round_detail, name="round-detail"),
]
