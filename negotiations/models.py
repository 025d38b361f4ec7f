"""Negotiation rounds on a cluster: participants, options, positions, outcome, history.

A round snapshots the claims of its cluster when it opens (RoundClaim), so later changes
to the cluster never change what the round is about. `version` fields back the API's
ETag / If-Match rules: every write to a round's own fields or to an option bumps it.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Role(models.TextChoices):
    AUTHOR = "author", _("Author of a claim")
    INVITED = "invited", _("Invited")
    MEDIATOR = "mediator", _("Mediator")


class Stance(models.TextChoices):
    SUPPORT = "support", _("Support")
    CAN_LIVE_WITH = "can_live_with", _("Can live with")
    OBJECT = "object", _("Object")


class Result(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    MODIFIED = "modified", _("Modified")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REJECTED = "rejected", _("Rejected")
    ESCALATED = "escalated", _("Escalated to the council")


class Round(models.Model):
    """One mediated round on one cluster. Round n+1 links to round n through `previous`."""

    # SET_NULL: a cluster may dissolve; the round keeps its snapshot of claims.
    cluster = models.ForeignKey(
        "spatial.Cluster",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rounds",
        verbose_name=_("cluster"),
    )
    number = models.PositiveIntegerField(_("number"), default=1)
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_round"
    )
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.DRAFT)
    title = models.CharField(_("title"), max_length=200)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    claims = models.ManyToManyField(
        "proposals.Proposal", through="RoundClaim", related_name="negotiation_rounds"
    )

    class Meta:
        verbose_name = _("negotiation round")
        verbose_name_plural = _("negotiation rounds")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="round_state_known"),
            models.CheckConstraint(condition=~Q(title=""), name="round_title_not_empty"),
            models.CheckConstraint(
                condition=Q(state=State.DRAFT) | Q(opened_at__isnull=False),
                name="round_opened_has_opened_at",
            ),
            models.CheckConstraint(
                condition=~Q(state=State.CLOSED) | Q(closed_at__isnull=False),
                name="round_closed_has_closed_at",
            ),
            models.UniqueConstraint(fields=["cluster", "number"], name="round_number_per_cluster"),
            models.UniqueConstraint(
                fields=["cluster"], condition=Q(state=State.OPEN), name="one_open_round_per_cluster"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.number})"


class RoundClaim(models.Model):
    """A proposal that belonged to the round's cluster when the round opened (the snapshot)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="round_claims")
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.PROTECT, related_name="round_claims"
    )
    # True while the round is open (set when it opens, cleared when it closes): a claim is
    # in at most one open round, which the partial unique index below makes race-safe.
    in_open_round = models.BooleanField(default=False)

    class Meta:
        ordering = ["proposal_id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "proposal"], name="round_claim_once"),
            models.UniqueConstraint(
                fields=["proposal"],
                condition=Q(in_open_round=True),
                name="claim_in_one_open_round",
            ),
        ]


class Participant(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="negotiation_roles"
    )
    role = models.CharField(max_length=8, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    notified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="participant_once_per_round"),
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="participant_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.role})"

    @property
    def takes_positions(self) -> bool:
        """Mediators run the round; authors and invited people take positions."""
        return self.role != Role.MEDIATOR


class Option(models.Model):
    """A way to settle the round, optionally with a compromise geometry (EPSG:4326)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="options")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=10_000)
    geom = models.GeometryField(_("compromise geometry"), srid=4326, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    revised_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="revisions"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="option_title_not_empty"),
            models.CheckConstraint(
                condition=Q(geom__isnull=True) | Q(geom__isvalid=True), name="option_geom_valid"
            ),
        ]

    def __str__(self):
        return self.title


class Position(models.Model):
    """A participant's stance on one option. An objection carries a reason."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="positions")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="positions")
    stance = models.CharField(max_length=16, choices=Stance.choices)
    reason = models.TextField(blank=True, max_length=5_000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["option_id", "participant_id"]
        constraints = [
            models.UniqueConstraint(fields=["option", "participant"], name="position_once"),
            models.CheckConstraint(condition=Q(stance__in=Stance.values), name="stance_known"),
            models.CheckConstraint(
                condition=~Q(stance=Stance.OBJECT) | ~Q(reason=""),
                name="objection_has_reason",
            ),
        ]


class Outcome(models.Model):
    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="outcome")
    chosen_option = models.ForeignKey(
        Option, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("summary"), max_length=20_000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.CheckConstraint(condition=~Q(summary=""), name="outcome_summary_not_empty")
        ]


class Resolution(models.Model):
    """What becomes of one proposal of the round."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="resolutions")
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.PROTECT, related_name="resolutions"
    )
    result = models.CharField(max_length=16, choices=Result.choices)
    note = models.TextField(blank=True, max_length=5_000)

    class Meta:
        ordering = ["proposal_id"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "proposal"], name="resolution_once"),
            models.CheckConstraint(condition=Q(result__in=Result.values), name="result_known"),
        ]


class HistoryEntry(models.Model):
    """Append-only: who did what, when. A database trigger refuses UPDATE and DELETE."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="history")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=32)
    payload = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"
