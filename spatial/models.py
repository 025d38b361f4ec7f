"""Clusters of claims (proposals seen as demands on space) and the analysis settings.

A cluster is a connected component of active proposals that overlap or lie within the
tolerance of each other (see spatial/engine.py). Cluster ids are stable: a cluster that
grows, shrinks or merges keeps its id (the largest part keeps it), and a cluster that
dissolves is not deleted but marked `dissolved_at`, so negotiation rounds can keep
pointing at it.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from proposals.models import Proposal


class ClusterQuerySet(models.QuerySet):
    def current(self):
        return self.filter(dissolved_at__isnull=True)


class Cluster(models.Model):
    # Outline of the claims in EPSG:4326: the convex hull of the members, widened by
    # half the tolerance so points and lines get an area.
    outline = models.MultiPolygonField(_("outline"), srid=4326)
    contested = models.BooleanField(_("contested"), default=False)
    score = models.FloatField(_("contest score"), default=0.0)
    # {"de": "...", "en": "..."}; see spatial/score.py and docs/contest-score.md.
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    categories = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    claim_count = models.PositiveIntegerField(_("claims"), default=0)
    proposal_count = models.PositiveIntegerField(_("proposals"), default=0)
    conflict_count = models.PositiveIntegerField(_("conflicts"), default=0)
    incompatible_count = models.PositiveIntegerField(_("claims not allowed by zoning"), default=0)
    author_count = models.PositiveIntegerField(_("distinct authors"), default=0)
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    # Area claimed by more than one claim, in square metres of ANALYSIS_SRID.
    overlap_area_m2 = models.FloatField(_("overlapping area (m²)"), default=0.0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set when the cluster no longer exists (all but one claim gone); its id is kept.
    dissolved_at = models.DateTimeField(_("dissolved"), null=True, blank=True)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["-contested", "-score", "id"]
        indexes = [
            models.Index(
                fields=["-contested", "-score"],
                name="cluster_current_rank",
                condition=Q(dissolved_at__isnull=True),
            ),
            models.Index(fields=["claim_count"], name="cluster_claim_count"),
        ]

    def __str__(self):
        return ngettext(
            "cluster %(id)s (%(n)s claim)", "cluster %(id)s (%(n)s claims)", self.claim_count
        ) % {"id": self.pk, "n": self.claim_count}

    def explanation_text(self, language: str | None = None) -> str:
        """The explanation in `language` (default: the active language), German or English."""
        language = (language or get_language() or "en")[:2]
        return self.explanation.get(language) or self.explanation.get("en", "")


class ClusterMember(models.Model):
    """A claim in a cluster. A proposal is in at most one cluster.

    Derived data without database foreign keys: the full recompute writes up to a million
    rows at once, and checking (or dropping and re-adding) the constraints would cost
    seconds and, for a drop, an exclusive lock on proposals_proposal. The ORM still
    cascades; proposals deleted in SQL lose their membership by trigger
    (spatial/triggers.py); cluster rows are never deleted (`dissolved_at`)."""

    proposal = models.OneToOneField(
        Proposal,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="cluster_membership",
        db_constraint=False,
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="members", db_constraint=False
    )
    # The cluster this claim was in before a merge moved it into `cluster`: when the merged
    # cluster splits again, each part takes back the id most of its claims had (ADR 0004,
    # "Ids across merges"). NULL for claims that were never merged in.
    former_cluster_id = models.BigIntegerField(null=True, blank=True)

    def __str__(self):
        return gettext("proposal %(proposal)s in cluster %(cluster)s") % {
            "proposal": self.proposal_id,
            "cluster": self.cluster_id,
        }


class AnalysisSettings(models.Model):
    """The one row of analysis settings planners and mediators change at run time."""

    cluster_tolerance_m = models.FloatField(
        _("cluster tolerance (m)"),
        validators=[MinValueValidator(0.0), MaxValueValidator(1000.0)],
        help_text=_("Claims closer than this many metres count as the same space."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("analysis settings")
        verbose_name_plural = _("analysis settings")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="analysis_settings_singleton"),
            models.CheckConstraint(
                condition=Q(cluster_tolerance_m__gte=0) & Q(cluster_tolerance_m__lte=1000),
                name="analysis_settings_tolerance_range",
            ),
        ]

    def __str__(self):
        return gettext("cluster tolerance %(m)s m") % {"m": self.cluster_tolerance_m}

    @classmethod
    def load(cls) -> "AnalysisSettings":
        obj, _created = cls.objects.get_or_create(
            pk=1, defaults={"cluster_tolerance_m": settings.CLUSTER_TOLERANCE_M}
        )
        return obj


class ClaimGeometry(models.Model):
    """An active proposal's geometry in ANALYSIS_SRID, derived data kept by database
    triggers on proposals_proposal (spatial/triggers.py), whatever writes the proposal.

    The full recompute reads claims from here instead of transforming every geometry
    again (docs/adr/0006-claim-geometry.md)."""

    proposal = models.OneToOneField(
        Proposal,
        primary_key=True,
        on_delete=models.DO_NOTHING,  # the triggers delete the row with the proposal
        db_constraint=False,  # no per-row check of a million bulk-loaded rows at commit
        related_name="+",
    )
    geom = models.GeometryField(srid=settings.ANALYSIS_SRID, spatial_index=False)

    class Meta:
        verbose_name = _("claim geometry")
        verbose_name_plural = _("claim geometries")
