"""What residents do around pins beyond writing them: photos, following, notices, reports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from proposals.models import Comment, Proposal

# Limits used by services, serializers and templates alike.
PHOTOS_PER_ITEM = 3
ALT_TEXT_MAX = 300
REASON_MAX = 2_000


class PhotoStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    HIDDEN = "hidden", _("Hidden by a moderator")


class Photo(models.Model):
    """An image on a pin or on a comment, re-encoded without any metadata (community.images).

    `display` and `thumbnail` are JPEG files in the default storage (MEDIA_ROOT); the upload
    itself is never stored. A photo on a comment also names the comment's pin."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="photos", verbose_name=_("proposal")
    )
    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="photos",
        verbose_name=_("comment"),
    )
    uploader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="photos",
        verbose_name=_("uploaded by"),
    )
    alt_text = models.CharField(_("description for people who cannot see it"), max_length=300)
    display = models.FileField(_("image"), upload_to="photos/")
    thumbnail = models.FileField(_("thumbnail"), upload_to="photos/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    status = models.CharField(
        _("status"), max_length=16, choices=PhotoStatus.choices, default=PhotoStatus.VISIBLE
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="photo_alt_text_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=PhotoStatus.values), name="photo_status_known"
            ),
        ]

    def __str__(self):
        return self.alt_text


class Follow(models.Model):
    """A person follows a pin: they get a notice when something happens to it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "proposal"], name="follow_once_per_user")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.proposal_id}"


class NoticeKind(models.TextChoices):
    COMMENT = "comment", _("New comment")
    HIDDEN = "hidden", _("Pin hidden")
    RESTORED = "restored", _("Pin restored")
    IN_ROUND = "in_round", _("Pin in a negotiation round")
    OUTCOME = "outcome", _("Outcome of a round")
    ROUND_CONTINUED = "round_continued", _("Round continued")
    REPORT_RESULT = "report_result", _("Result of a report")
    CONTENT_HIDDEN = "content_hidden", _("Your content hidden")


class Notice(models.Model):
    """Something a person is told about, in the site and (by their choice) by e-mail.

    `params` holds what the sentence names (titles, reasons, results); the sentence itself
    is written when shown (community.texts), in the language of the page or e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=32, choices=NoticeKind.choices)
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    params = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notice left by e-mail, alone or in a digest; stays null without e-mail.
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["mailed_at", "user"]),
        ]

    def __str__(self):
        return f"{self.kind} for {self.user_id}"


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Each notice by e-mail at once")
    DAILY = "daily", _("One e-mail a day with all notices")
    NONE = "none", _("No e-mail, only on this site")


class MailPreference(models.Model):
    """How a person wants their notices by e-mail (no row: immediately)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mail_preference"
    )
    delivery = models.CharField(
        _("e-mail"), max_length=16, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(delivery__in=Delivery.values), name="mail_preference_known"
            )
        ]

    def __str__(self):
        return self.delivery


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    HIDDEN = "hidden", _("Content hidden")
    DISMISSED = "dismissed", _("Dismissed")


class Report(models.Model):
    """A resident asks moderators to look at a pin, a comment or a photo.

    Exactly what is reported: the photo if set, else the comment if set, else the pin.
    `proposal` is always the pin concerned (the photo's or the comment's pin)."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports"
    )
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reports")
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    photo = models.ForeignKey(
        Photo, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX)
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="report_reason_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="report_status_known"
            ),
            # One open report per person and thing: reporting twice adds nothing.
            models.UniqueConstraint(
                fields=["reporter", "proposal", "comment", "photo"],
                condition=Q(status=ReportStatus.OPEN),
                nulls_distinct=False,
                name="report_open_once_per_reporter",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.target_kind} report {self.pk}"

    @property
    def target_kind(self) -> str:
        if self.photo_id:
            return "photo"
        return "comment" if self.comment_id else "proposal"
