"""Writes of the community app: photos, follows, mail preferences, reports.

Each checks the permission of the person it acts for first (accounts.rules.require), in
one transaction. Notices are made in community.notices; e-mails leave from the worker.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.rules import require
from proposals import services as proposal_services
from proposals.models import Comment, Proposal, Status

from . import images, notices
from .models import (
    ALT_TEXT_MAX,
    PHOTOS_PER_ITEM,
    REASON_MAX,
    Delivery,
    Follow,
    MailPreference,
    Notice,
    Photo,
    PhotoStatus,
    Report,
    ReportStatus,
)


def _text(value, field: str, *, max_length: int, missing: str) -> str:
    return proposal_services.clean_text(
        value, field, required=True, max_length=max_length, missing=missing
    )


def photo_limits() -> images.Limits:
    return images.Limits(
        max_bytes=settings.PHOTO_MAX_BYTES,
        max_pixels=settings.PHOTO_MAX_PIXELS,
        display_size=settings.PHOTO_DISPLAY_SIZE,
        thumbnail_size=settings.PHOTO_THUMBNAIL_SIZE,
    )


def _read_upload(upload) -> bytes:
    """The upload's bytes, reading at most one byte more than the limit."""
    upload.seek(0)
    return upload.read(settings.PHOTO_MAX_BYTES + 1)


def _count_check(proposal: Proposal, comment: Comment | None) -> None:
    photos = Photo.objects.filter(proposal=proposal, comment=comment)
    if photos.count() >= PHOTOS_PER_ITEM:
        where = _("comment") if comment else _("pin")
        raise ValidationError(
            {
                "image": [
                    _("A %(where)s has at most %(n)s photos; remove one first.")
                    % {"where": where, "n": PHOTOS_PER_ITEM}
                ]
            }
        )


def photo_add(*, proposal: Proposal, user, upload, alt_text: str, comment=None) -> Photo:
    """Add a photo to a pin (or to one of its comments): decoded, checked, stripped of every
    metadata and re-encoded before anything is stored; nothing is stored when it is refused.

    upload: a file-like object (Django's UploadedFile). Up to PHOTOS_PER_ITEM per pin and
    per comment."""
    if comment is not None and comment.proposal_id != proposal.pk:
        raise ValidationError({"comment": [_("This comment is not on this pin.")]})
    require(user, "community.add_photo", comment or proposal)
    alt_text = _text(
        alt_text,
        "alt_text",
        max_length=ALT_TEXT_MAX,
        missing=_("Describe the photo in a few words for people who cannot see it."),
    )
    _count_check(proposal, comment)
    clean = images.clean_image(_read_upload(upload), photo_limits())
    name = uuid.uuid4().hex
    photo = Photo(
        proposal=proposal,
        comment=comment,
        uploader=user,
        alt_text=alt_text,
        width=clean.width,
        height=clean.height,
    )
    photo.display.save(f"{name}.jpg", ContentFile(clean.display), save=False)
    photo.thumbnail.save(f"{name}-thumb.jpg", ContentFile(clean.thumbnail), save=False)
    try:
        with transaction.atomic():
            # The pin's row lock makes the count and the insert one step.
            Proposal.objects.select_for_update().filter(pk=proposal.pk).first()
            _count_check(proposal, comment)
            photo.save()
    except BaseException:
        _delete_files(photo)
        raise
    return photo


def _delete_files(photo: Photo) -> None:
    for field in (photo.display, photo.thumbnail):
        if field.name:
            field.storage.delete(field.name)


@transaction.atomic
def photo_hide(*, photo: Photo, moderator, reason: str) -> Photo:
    photo = Photo.objects.select_for_update().get(pk=photo.pk)
    require(moderator, "community.hide_photo", photo)
    reason = _text(
        reason, "reason", max_length=REASON_MAX, missing=_("Say why the photo is hidden.")
    )
    photo.status = PhotoStatus.HIDDEN
    photo.hidden_reason = reason
    photo.save(update_fields=["status", "hidden_reason"])
    notices.content_hidden(
        author_id=photo.uploader_id, proposal=photo.proposal, target="photo", reason=reason
    )
    return photo


def photo_delete(*, photo: Photo, user) -> None:
    """The uploader (or a moderator) removes a photo; its files go once the row is gone
    (photo_files_follow_the_row)."""
    require(user, "community.delete_photo", photo)
    with transaction.atomic():
        photo.delete()


def photo_files_follow_the_row(sender, instance: Photo, **kwargs) -> None:
    """post_delete of a Photo, however it goes: by photo_delete, an account's erasure, or a
    cascade from its pin or comment (a pin deleted with its author's account takes other
    people's photos along). The files go once the deletion is committed, never before."""
    names = [field.name for field in (instance.display, instance.thumbnail) if field.name]
    storage = instance.display.storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


def follow_add(*, proposal: Proposal, user) -> None:
    """user follows the pin (idempotent)."""
    require(user, "community.follow", proposal)
    Follow.objects.get_or_create(user=user, proposal=proposal)


def follow_remove(*, proposal: Proposal, user) -> None:
    require(user, "community.follow", proposal)
    Follow.objects.filter(user=user, proposal=proposal).delete()


def mail_preference_set(*, user, delivery: str) -> MailPreference:
    if delivery not in Delivery.values:
        raise ValidationError(
            {"delivery": [_("Choose one of: %(d)s.") % {"d": ", ".join(Delivery.values)}]}
        )
    preference, _created = MailPreference.objects.update_or_create(
        user=user, defaults={"delivery": delivery}
    )
    return preference


def notices_mark_read(*, user, notice_ids=None) -> int:
    """Mark the user's unread notices (all, or those of notice_ids) read; returns how many."""
    notices_qs = Notice.objects.filter(user=user, read_at__isnull=True)
    if notice_ids is not None:
        notices_qs = notices_qs.filter(pk__in=notice_ids)
    return notices_qs.update(read_at=timezone.now())


# --- Reports ----------------------------------------------------------------------------


def _report_target(*, proposal=None, comment=None, photo=None) -> dict:
    if photo is not None:
        return {"proposal": photo.proposal, "comment": photo.comment, "photo": photo}
    if comment is not None:
        return {"proposal": comment.proposal, "comment": comment, "photo": None}
    if proposal is not None:
        return {"proposal": proposal, "comment": None, "photo": None}
    raise ValidationError(_("Say what you report: a pin, a comment or a photo."))


@transaction.atomic
def report_create(*, reporter, reason: str, proposal=None, comment=None, photo=None) -> Report:
    """reporter asks moderators to look at a pin, a comment or a photo. Reporting the same
    thing again while the first report is open changes nothing and answers that report."""
    require(reporter, "community.add_report")
    target = _report_target(proposal=proposal, comment=comment, photo=photo)
    reason = _text(
        reason,
        "reason",
        max_length=REASON_MAX,
        missing=_("Say what is wrong, so a moderator can judge it."),
    )
    try:
        with transaction.atomic():
            return Report.objects.create(reporter=reporter, reason=reason, **target)
    except IntegrityError:
        return Report.objects.get(reporter=reporter, status=ReportStatus.OPEN, **target)


def _hide_target(report: Report, moderator, reason: str) -> None:
    if report.photo_id:
        photo_hide(photo=report.photo, moderator=moderator, reason=reason)
    elif report.comment_id:
        proposal_services.comment_hide(comment=report.comment, moderator=moderator, reason=reason)
    elif report.proposal.status != Status.HIDDEN:
        proposal_services.proposal_hide(
            proposal=report.proposal, moderator=moderator, reason=reason
        )


@transaction.atomic
def report_decide(*, report: Report, moderator, decision: str, reason: str = "") -> int:
    """A moderator hides the reported thing (with a reason, shown to its author) or
    dismisses the report. Every open report on the same thing is decided with it, and each
    reporter gets a notice. Returns how many reports were decided."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    require(moderator, "community.moderate_reports", report)
    if decision not in ("hide", "dismiss"):
        raise ValidationError({"decision": [_("Choose hide or dismiss.")]})
    if report.status != ReportStatus.OPEN:
        raise ValidationError(_("This report has already been decided."))
    if decision == "hide":
        reason = _text(reason, "reason", max_length=REASON_MAX, missing=_("Say why it is hidden."))
        _hide_target(report, moderator, reason)
    same = Report.objects.select_for_update().filter(
        status=ReportStatus.OPEN,
        proposal_id=report.proposal_id,
        comment_id=report.comment_id,
        photo_id=report.photo_id,
    )
    decided = list(same)
    status = ReportStatus.HIDDEN if decision == "hide" else ReportStatus.DISMISSED
    same.update(status=status, decided_by=moderator, decided_at=timezone.now())
    notices.report_decided(reports=decided, hidden=decision == "hide", reason=reason)
    if decision == "hide" and report.target_kind == "comment":
        notices.content_hidden(
            author_id=report.comment.author_id,
            proposal=report.proposal,
            target="comment",
            reason=reason,
        )
    return len(decided)
