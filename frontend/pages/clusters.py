"""The cluster map (/clusters/), one cluster (/clusters/<id>/), and the config of the
cluster layer on the main map (frontend/static/frontend/clusters/overlay.js)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from proposals.models import Category
from spatial.filters import cluster_filters_from
from spatial.models import Cluster
from spatial.selectors import cluster_list

from .map import CATEGORY_COLOURS, map_config, url_template
from .shared import shared_when_anonymous

# Contested clusters in a warning colour, convergent ones in a calm one (both >= 3:1
# against white); the legend says which is which, so colour is not the only cue.
CONTESTED_COLOUR = "#C0392B"
CONVERGENT_COLOUR = "#0072B2"
LIST_LIMIT = 200


def cluster_overlay_config() -> dict:
    """What overlay.js needs on the main map (config.clusters)."""
    return {
        "urls": {
            "clusters": reverse("api:cluster-list"),
            "page": url_template("frontend:cluster-detail"),
            # Vector tiles of the clusters, drawn where the view holds more than `limit`.
            "tiles": reverse("api:cluster-tile", args=[0, 0, 0]).replace(
                "/0/0/0.pbf", "/{z}/{x}/{y}.pbf"
            ),
        },
        "limit": settings.MAP_CLUSTER_LIMIT,
        "colours": {"contested": CONTESTED_COLOUR, "convergent": CONVERGENT_COLOUR},
    }


def _categories(selected) -> list[dict]:
    return [
        {"value": v, "label": str(label), "colour": CATEGORY_COLOURS[v], "checked": v in selected}
        for v, label in Category.choices
    ]


@shared_when_anonymous
def clusters_page(request):
    query = request.GET.copy()
    categories = [c for v in query.getlist("category") for c in v.split(",") if c]
    if categories:
        query["category"] = ",".join(categories)
    errors, filters = {}, {}
    try:
        filters = cluster_filters_from(query)
    except ValidationError as exc:
        errors = exc.message_dict
    clusters = list(cluster_list(**filters)[:LIST_LIMIT]) if not errors else []
    api_params = {k: query[k] for k in ("contested", "category", "min_size") if query.get(k)}
    config = {
        **map_config(request),
        "clusters": {**cluster_overlay_config(), "query": api_params if not errors else None},
    }
    return render(
        request,
        "frontend/clusters/list.html",
        {
            "config": config,
            "clusters": clusters,
            "errors": errors,
            "filters": {
                "contested": query.get("contested", ""),
                "min_size": query.get("min_size", ""),
                "categories": _categories(categories),
            },
            "limit": LIST_LIMIT,
            "colours": {"contested": CONTESTED_COLOUR, "convergent": CONVERGENT_COLOUR},
        },
    )


@shared_when_anonymous
def cluster_page(request, pk):
    cluster = Cluster.objects.filter(pk=pk).first()
    if cluster is None:
        raise Http404(_("There is no cluster %(id)s.") % {"id": pk})
    members = (
        cluster.members.select_related("proposal", "proposal__author").order_by("proposal_id").all()
    )
    config = {
        **map_config(request),
        "clusters": {
            **cluster_overlay_config(),
            "detail": reverse("api:cluster-detail", args=[pk]),
        },
    }
    return render(
        request,
        "frontend/clusters/detail.html",
        {
            "config": config,
            "cluster": cluster,
            "members": [m.proposal for m in members],
            "explanation": cluster.explanation_text(),
            "category_labels": dict(Category.choices),
            "colours": {"contested": CONTESTED_COLOUR, "convergent": CONVERGENT_COLOUR},
        },
    )


urlpatterns = [
    path("clusters/", clusters_page, name="clusters"),
    path("clusters/<int:pk>/", cluster_page, name="cluster-detail"),
]
