"""What the pages show of the layers overlay: a pin's district, the zones it touches and
whether zoning allows its category there, in words; and the district and compatibility
filters of the map and the list.

Its own module so the map page, the list page and a pin's page share the same words.
"""

from django.shortcuts import render
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from layers.compatibility import Compatibility
from layers.selectors import (
    district_choices,
    district_layers,
    layer_legends,
    layer_names,
    proposal_overlay,
    zoning_layers,
    zoning_rules_matrix,
)
from proposals.models import Category

from .cached import cached, versions
from .shared import shared_when_anonymous


def compatibility_labels() -> dict[str, str]:
    """The overall verdict of a pin, as its badge says it."""
    return {
        Compatibility.COMPATIBLE: _("Allowed by zoning"),
        Compatibility.CONDITIONAL: _("Allowed with conditions"),
        Compatibility.INCOMPATIBLE: _("Not allowed by zoning"),
        Compatibility.UNKNOWN: _("No zoning rule"),
    }


def verdict_labels() -> dict[str | None, str]:
    """One zone's rule for the pin's category (None: the zone has no rule for it)."""
    return {
        Compatibility.COMPATIBLE: _("allowed"),
        Compatibility.CONDITIONAL: _("allowed with conditions"),
        Compatibility.INCOMPATIBLE: _("not allowed"),
        None: _("no rule"),
    }


def percent(share: float) -> str:
    """A share (0..1) as whole percent; a sliver shows as "< 1 %" rather than "0 %"."""
    value = round(share * 100)
    if value == 0 and share > 0:
        return "< 1 %"
    return f"{value} %"


def zone_anchor(layer_slug: str, zone_code: str) -> str:
    """The id of a zone's row on the zoning legend page."""
    return f"zone-{layer_slug}-{slugify(zone_code) or 'x'}"


def zone_label(code: str, name: str) -> str:
    """ "GR – Grünfläche"; a name that already starts with its code (XPlanung's "WA – …")
    as it is; the bare code when the zone has no name."""
    if not name or name == code:
        return code
    return name if name.startswith(code) else f"{code} – {name}"


def zone_names() -> dict[tuple[str, str], str]:
    """{(layer slug, zone code): zone name} of the usable zoning layers ("" when unnamed)."""
    layers = dict(zoning_layers().values_list("id", "slug"))
    return {
        (layers[layer_id], entry["zone_code"]): entry["zone_name"]
        for layer_id, legend in layer_legends(layers).items()
        for entry in legend
    }


def proposal_zoning(proposal, layers: dict) -> dict:
    """The overlay of one pin for its page (template context "zoning"); `layers` is
    usable_layers()."""
    overlay = proposal_overlay(proposal=proposal)
    compatibility = overlay.compatibility if overlay else Compatibility.UNKNOWN
    zones = overlay.zones if overlay else []
    layer_slugs = {zone["layer"] for zone in zones}
    names = {slug: name for slug, name in layers["layer_names"].items() if slug in layer_slugs}
    zone_name = layers["zone_names"]
    legend = reverse("frontend:zoning-legend")
    verdicts = verdict_labels()
    dimension = proposal.geom.dims  # 0 point, 1 line, 2 area
    return {
        "compatibility": compatibility,
        "compatibility_label": compatibility_labels()[compatibility],
        "district_id": overlay.district_id if overlay else None,
        "district_name": overlay.district_name if overlay else "",
        "is_point": dimension == 0,
        "share_heading": _("Share of its length") if dimension == 1 else _("Share of its area"),
        "show_layer": len(names) > 1,
        "zones": [
            {
                "layer": names.get(zone["layer"], zone["layer"]),
                "zone_code": zone["zone_code"],
                "zone_label": zone_label(
                    zone["zone_code"], zone_name.get((zone["layer"], zone["zone_code"]), "")
                ),
                "legend_url": f"{legend}#{zone_anchor(zone['layer'], zone['zone_code'])}",
                "share": percent(zone["share"]),
                "verdict": zone["verdict"] or "none",
                "verdict_label": verdicts.get(zone["verdict"], verdicts[None]),
            }
            for zone in zones
        ],
        "has_zoning": bool(zones) or layers["has_zoning"],
    }


def _usable_layers() -> dict:
    district_layer = district_layers().order_by("pk").first()
    return {
        "districts": district_choices(),
        "district_layer": district_layer.slug if district_layer else None,
        "has_zoning": zoning_layers().exists(),
        "layer_names": layer_names(),
        "zone_names": zone_names(),
    }


def usable_layers(request) -> dict:
    """What the pages use of the layers: the districts (feature id, name), the district
    layer the map outlines (its slug, or None), whether zoning applies, every layer's name
    by slug and the zones' names by (layer slug, zone code); cached under the layers'
    version."""
    return cached("usable-layers", (versions(request).layers,), _usable_layers)


def overlay_filter_state(request) -> dict:
    """The district and compatibility selects of the filter form (values as in the API).

    A value the select has no option for (say compatibility=compatible,unknown from a
    link, or a district of a layer since deleted) gets an option of its own, so the form
    keeps applying it.
    """
    query = request.GET
    layers = usable_layers(request)
    district = query.get("district", "")
    districts = [{"value": str(pk), "label": name or f"#{pk}"} for pk, name in layers["districts"]]
    if district and district not in {d["value"] for d in districts}:
        districts.append({"value": district, "label": district})
    compatibility = query.get("compatibility", "")
    labels = compatibility_labels()
    compatibilities = [{"value": value, "label": label} for value, label in labels.items()]
    if compatibility and compatibility not in labels:
        compatibilities.append({"value": compatibility, "label": compatibility})
    return {
        "district": district,
        "districts": districts,
        "compatibility": compatibility,
        "compatibilities": compatibilities,
        "show_compatibility": bool(compatibility) or layers["has_zoning"],
    }


def zoning_legend() -> list[dict]:
    """Every usable zoning layer with its zones: code, name and what each category may do
    there, in words (the legend page residents are sent to from a zone code)."""
    verdicts = verdict_labels()
    layers = list(zoning_layers().order_by("name"))
    legends = layer_legends(layer.id for layer in layers)
    result = []
    for layer in layers:
        matrix = zoning_rules_matrix(layer=layer)
        names = {entry["zone_code"]: entry["zone_name"] for entry in legends.get(layer.id, [])}
        zones = [
            {
                "anchor": zone_anchor(layer.slug, code),
                "label": zone_label(code, names.get(code, "")),
                "rules": [
                    {
                        "verdict": rules.get(value) or "none",
                        "label": verdicts.get(rules.get(value), verdicts[None]),
                    }
                    for value, _label in Category.choices
                ],
            }
            for code, rules in matrix.items()
        ]
        result.append({"name": layer.name, "slug": layer.slug, "zones": zones})
    return result


@shared_when_anonymous
def zoning_legend_page(request):
    context = {"layers": zoning_legend(), "categories": [label for _v, label in Category.choices]}
    return render(request, "frontend/zoning/legend.html", context)


urlpatterns = [
    path("zoning/", zoning_legend_page, name="zoning-legend"),
]
