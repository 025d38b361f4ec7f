"""What the pages show of the layers overlay: a pin's district, the zones it touches and
whether zoning allows its category there, in words; and the district and compatibility
filters of the map and the list.

Its own module so the map page, the list page and a pin's page share the same words.
"""

from django.utils.translation import gettext as _

from layers.compatibility import Compatibility
from layers.selectors import district_choices, layer_names, proposal_overlay, zoning_layers


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


def proposal_zoning(proposal) -> dict:
    """The overlay of one pin for its page (template context "zoning")."""
    overlay = proposal_overlay(proposal=proposal)
    compatibility = overlay.compatibility if overlay else Compatibility.UNKNOWN
    zones = overlay.zones if overlay else []
    names = layer_names({zone["layer"] for zone in zones})
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
                "share": percent(zone["share"]),
                "verdict": zone["verdict"] or "none",
                "verdict_label": verdicts.get(zone["verdict"], verdicts[None]),
            }
            for zone in zones
        ],
        "has_zoning": bool(zones) or zoning_layers().exists(),
    }


def overlay_filter_state(query) -> dict:
    """The district and compatibility selects of the filter form (values as in the API).

    A value the select has no option for (say compatibility=compatible,unknown from a
    link, or a district of a layer since deleted) gets an option of its own, so the form
    keeps applying it.
    """
    district = query.get("district", "")
    districts = [{"value": str(pk), "label": name or f"#{pk}"} for pk, name in district_choices()]
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
        "show_compatibility": bool(compatibility) or zoning_layers().exists(),
    }
