"""Reference layers a planner imports (zoning, districts, anything else) and the overlay
of proposals on them.

Geometry of a layer feature is a `GeometryField` (srid 4326), not a `MultiPolygonField`:
zoning and district layers are always stored as MultiPolygon (the importer keeps the
polygonal part and promotes to multi), but an "other" layer may hold lines or points
(tram lines, trees), stored in their multi form. The importer refuses non-polygonal
features for zoning and district layers, so the overlay can rely on polygons there.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from proposals.models import Category, Proposal

from .compatibility import Compatibility as words


class LayerKind(models.TextChoices):
    ZONING = "zoning", _("Zoning")
    DISTRICT = "district", _("Districts")
    OTHER = "other", _("Other")


class LayerState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Verdict(models.TextChoices):
    """What a zoning rule says; the words of layers.compatibility."""

    COMPATIBLE = words.COMPATIBLE.value, _("Compatible")
    CONDITIONAL = words.CONDITIONAL.value, _("Conditional")
    INCOMPATIBLE = words.INCOMPATIBLE.value, _("Incompatible")


class Compatibility(models.TextChoices):
    """A proposal's overall compatibility; the words of layers.compatibility."""

    COMPATIBLE = words.COMPATIBLE.value, _("Compatible")
    CONDITIONAL = words.CONDITIONAL.value, _("Conditional")
    INCOMPATIBLE = words.INCOMPATIBLE.value, _("Incompatible")
    UNKNOWN = words.UNKNOWN.value, _("Unknown")


class Layer(models.Model):
    """An imported GIS layer. Only layers in state `done` are used (read, overlaid, exported)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=LayerKind.choices)
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    source_layer = models.CharField(_("layer inside the file"), max_length=255, blank=True)
    source_crs = models.CharField(_("source CRS"), max_length=255, blank=True)
    zone_field = models.CharField(_("zone code attribute"), max_length=100, blank=True)
    name_field = models.CharField(_("name attribute"), max_length=100, blank=True)
    population_field = models.CharField(_("population attribute"), max_length=100, blank=True)
    feature_count = models.PositiveIntegerField(_("features"), default=0)
    state = models.CharField(
        _("state"), max_length=16, choices=LayerState.choices, default=LayerState.PENDING
    )
    progress = models.PositiveSmallIntegerField(default=0)  # 0..100
    # {"read": n, "imported": n, "repaired": n, "refused": n,
    #  "refusals": [{"feature": index, "reason": "..."}], "repairs": [{"feature", "reason"}]}
    report = models.JSONField(default=dict, blank=True)
    # The district layer that decides the proposals' districts: the first district layer
    # imported, then the one a planner chooses; a later upload never takes over by itself.
    # With none (the planner took the choice back), the largest share decides, then the
    # oldest layer.
    authoritative = models.BooleanField(_("authoritative district layer"), default=False)
    # Whether the overlay uses the layer. A zoning layer uploaded by a planner is imported
    # but not in effect until a planner confirms it, having seen how many proposals'
    # verdicts it would change (services.zoning_layer_effects / zoning_layer_put_in_effect).
    in_effect = models.BooleanField(_("in effect"), default=True)
    error = models.TextField(_("error"), blank=True)
    # Where an uploaded file waits for the worker (a path in default_storage); "" when done.
    upload = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The import's last sign of life (each progress step and the lease's heartbeat write it,
    # layers.liveness); an import silent for LAYER_IMPORT_STALE_AFTER is gone
    # (services.layer_imports_recover).
    progressed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # How many times a worker started the import (a lost worker's job runs again, up to
    # LAYER_IMPORT_MAX_ATTEMPTS).
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("layer")
        verbose_name_plural = _("layers")
        ordering = ["kind", "name", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=LayerKind.values), name="layer_kind_known"),
            models.CheckConstraint(
                condition=Q(state__in=LayerState.values), name="layer_state_known"
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="layer_progress_percent"),
            models.UniqueConstraint(
                fields=["authoritative"],
                condition=Q(authoritative=True),
                name="one_authoritative_district_layer",
            ),
        ]

    def __str__(self):
        return self.name


class Feature(models.Model):
    # No index of its own on layer_id: feature_layer_zone (layer, zone_code) serves lookups
    # by layer, and every index on this table is updated 100,000 times per large import.
    # No row-by-row foreign key either: statement-level triggers (migration 0004) check
    # that inserted features belong to a layer and that no deleted layer leaves features
    # behind, with one set-based query per statement instead of one lookup per row.
    layer = models.ForeignKey(
        Layer,
        on_delete=models.CASCADE,
        related_name="features",
        db_index=False,
        db_constraint=False,
    )
    # EPSG:4326, lon/lat; multi form (MultiPolygon for zoning and district layers).
    geom = models.GeometryField(srid=4326)
    attributes = models.JSONField(default=dict, blank=True)
    zone_code = models.CharField(max_length=100, blank=True)  # looked up within a layer
    name = models.CharField(max_length=255, blank=True)
    population = models.BigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["layer", "zone_code"], name="feature_layer_zone")]

    def __str__(self):
        return self.name or self.zone_code or f"feature {self.pk}"


class FeaturePart(models.Model):
    """A piece of a zoning/district feature (ST_Subdivide, ≤256 vertices) in ANALYSIS_SRID.

    Derived data, rebuilt by the importer: the overlay joins proposals against these small
    parts instead of whole zone polygons, so index hits are tight and intersections cheap.
    """

    # No database foreign keys: parts are derived data, written and deleted only by the
    # importer and layer_delete together with their features; a check per row would cost
    # more than the rest of the insert. Only the featurepart_layer index (deletes and scans
    # go by layer) and the GiST index: nothing looks parts up by feature.
    layer = models.ForeignKey(
        Layer, on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False
    )
    feature = models.ForeignKey(
        Feature, on_delete=models.CASCADE, related_name="parts", db_constraint=False, db_index=False
    )
    geom = models.GeometryField(srid=settings.ANALYSIS_SRID)

    class Meta:
        indexes = [models.Index(fields=["layer"], name="featurepart_layer")]


class ZoningRule(models.Model):
    layer = models.ForeignKey(Layer, on_delete=models.CASCADE, related_name="rules")
    zone_code = models.CharField(max_length=100)
    category = models.CharField(max_length=16, choices=Category.choices)
    verdict = models.CharField(max_length=16, choices=Verdict.choices)

    class Meta:
        ordering = ["zone_code", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["layer", "zone_code", "category"], name="zoning_rule_once"
            ),
            models.CheckConstraint(
                condition=Q(category__in=Category.values), name="zoning_rule_category_known"
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=Verdict.values), name="zoning_rule_verdict_known"
            ),
        ]

    def __str__(self):
        return f"{self.zone_code}/{self.category}: {self.verdict}"


class ProposalOverlay(models.Model):
    """What a proposal touches: zones with their verdicts, and its district."""

    proposal = models.OneToOneField(
        Proposal, on_delete=models.CASCADE, primary_key=True, related_name="overlay"
    )
    district = models.ForeignKey(
        Feature, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    district_name = models.CharField(max_length=255, blank=True)
    compatibility = models.CharField(
        max_length=16, choices=Compatibility.choices, default=Compatibility.UNKNOWN
    )
    # [{"layer": slug, "zone_code": "WA", "share": 0.5, "verdict": "compatible"|null}, ...]
    zones = models.JSONField(default=list, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["compatibility"], name="overlay_compatibility"),
            models.Index(fields=["district"], name="overlay_district"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(compatibility__in=Compatibility.values),
                name="overlay_compatibility_known",
            )
        ]

    def __str__(self):
        return f"overlay of proposal {self.proposal_id}"
