from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    CONFLICT = "conflict", _("Conflict")


class Category(models.TextChoices):
    HOUSING = "housing", _("Housing")
    MOBILITY = "mobility", _("Mobility")
    GREEN_SPACE = "green_space", _("Green space")
    PUBLIC_SPACE = "public_space", _("Public space")
    COMMONS = "commons", _("Commons")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    HIDDEN = "hidden", _("Hidden by a moderator")


class Scope(models.TextChoices):
    """What a claim is about: the place drawn, a whole district or the whole city.

    Wide claims (district, city) store the district's or the city's outline as their
    geometry, so maps and exports show what they concern; they never join clusters
    (docs/adr/0008-claim-scope.md)."""

    DRAWN = "drawn", _("Drawn place")
    DISTRICT = "district", _("Whole district")
    CITY = "city", _("Whole city")


class Proposal(models.Model):
    """A pin a resident places: a proposal ("I want X here") or a conflict ("X is a problem")."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("why"), blank=True, max_length=10_000)
    # Point, line or polygon (or their multi forms) in EPSG:4326, lon/lat.
    geom = models.GeometryField(_("geometry"), srid=4326)
    # db_default: bulk loads (COPY, SQL) that name no scope write drawn claims.
    scope = models.CharField(
        _("scope"),
        max_length=16,
        choices=Scope.choices,
        default=Scope.DRAWN,
        db_default=Scope.DRAWN,
    )
    # The district feature (layers.Feature id) a district-scope claim is about. A plain id,
    # not a foreign key: proposals sits below layers (docs/architecture.md, layering).
    district_id = models.BigIntegerField(_("district"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "category", "kind"]),
            models.Index(fields=["-created_at"]),
            # Text search (q) is UPPER(col) LIKE UPPER('%text%'); trigrams make it indexable.
            GinIndex(OpClass(Upper("title"), name="gin_trgm_ops"), name="proposal_title_trgm"),
            GinIndex(
                OpClass(Upper("description"), name="gin_trgm_ops"), name="proposal_description_trgm"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="proposal_kind_known"),
            models.CheckConstraint(
                condition=Q(category__in=Category.values), name="proposal_category_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="proposal_status_known"
            ),
            models.CheckConstraint(condition=Q(geom__isvalid=True), name="proposal_geom_valid"),
            models.CheckConstraint(
                condition=Q(scope__in=Scope.values), name="proposal_scope_known"
            ),
            models.CheckConstraint(
                condition=Q(scope=Scope.DISTRICT, district_id__isnull=False)
                | (~Q(scope=Scope.DISTRICT) & Q(district_id__isnull=True)),
                name="proposal_district_iff_district_scope",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="proposal_title_not_empty"),
        ]

    def __str__(self):
        return self.title


class Support(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="support_once_per_user")
        ]


class Comment(models.Model):
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="comments", verbose_name=_("proposal")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("author")
    )
    body = models.TextField(_("text"), max_length=5_000)
    # A moderator's hiding: the comment stays (and counts) but its text is no longer shown.
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False, db_default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True, db_default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="comment_not_empty")]
