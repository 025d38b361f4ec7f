"""The community app's part of a person's data rights (GDPR Art. 15, 17, 20).

Registered in accounts.privacy's registries from CommunityConfig.ready() (`register()`);
they touch only this app's tables and files. The eraser runs before proposals' (order 5 <
10), so photos are gone, files included, before pins are deleted.

`export_user(*, user)` answers {file name in the zip: JSON-able value or bytes}:

- `community/photos.json`: every photo the person uploaded (pin, comment, alt text, size,
  status and the reason a moderator gave, date), with `community/photos/<id>.jpg` for each
  (the stored JPEG, which has no metadata: the uploaded original is never kept);
- `community/reports.json`: the reports they made (what, reason, status, dates), never who
  else reported the same thing;
- `community/follows.json`, `community/notices.json` (the sentence in the active
  language, read and mailed dates) and `community/mail_preference.json`.

`erase_user(user, *, keep_pins)` removes what is the person's own: their follows, notices,
mail preference and reports (a decided report keeps nothing of them; an open one leaves
the queue). Photos go with what they illustrate: with `keep_pins=False` every photo they
uploaded is deleted (files included); with `keep_pins=True` the photos on their kept pins
and comments stay without an uploader (a photo never names who took it). Photos the person
put on other people's pins are deleted in both cases. Files are removed only after the
transaction commits, so a rolled-back erase leaves every photo in place.
"""

from django.db import transaction
from django.utils.translation import ngettext

from accounts import privacy

from .models import Follow, MailPreference, Notice, Photo, Report
from .texts import notice_text


def _photo_row(photo: Photo) -> dict:
    return {
        "id": photo.pk,
        "proposal": photo.proposal_id,
        "comment": photo.comment_id,
        "alt_text": photo.alt_text,
        "width": photo.width,
        "height": photo.height,
        "status": photo.status,
        "hidden_reason": photo.hidden_reason,
        "created_at": photo.created_at.isoformat(),
        "file": f"community/photos/{photo.pk}.jpg",
    }


def _read(field) -> bytes | None:
    try:
        with field.open("rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def export_user(*, user) -> dict:
    """The person's photos, reports, follows, notices and mail preference ({name: data})."""
    files: dict = {}
    photos = list(Photo.objects.filter(uploader=user).order_by("id"))
    files["community/photos.json"] = [_photo_row(photo) for photo in photos]
    for photo in photos:
        data = _read(photo.display)
        if data is not None:
            files[f"community/photos/{photo.pk}.jpg"] = data
    files["community/reports.json"] = [
        {
            "id": r.pk,
            "target": r.target_kind,
            "proposal": r.proposal_id,
            "comment": r.comment_id,
            "photo": r.photo_id,
            "reason": r.reason,
            "status": r.status,
            "created_at": r.created_at.isoformat(),
            "decided_at": r.decided_at.isoformat() if r.decided_at else None,
        }
        for r in Report.objects.filter(reporter=user).order_by("id")
    ]
    files["community/follows.json"] = [
        {"proposal": f.proposal_id, "since": f.created_at.isoformat()}
        for f in Follow.objects.filter(user=user).order_by("id")
    ]
    files["community/notices.json"] = [
        {
            "kind": n.kind,
            "text": notice_text(n),
            "proposal": n.proposal_id,
            "created_at": n.created_at.isoformat(),
            "read_at": n.read_at.isoformat() if n.read_at else None,
            "mailed_at": n.mailed_at.isoformat() if n.mailed_at else None,
        }
        for n in Notice.objects.filter(user=user).order_by("id")
    ]
    preference = MailPreference.objects.filter(user=user).first()
    files["community/mail_preference.json"] = {
        "delivery": preference.delivery if preference else "immediate"
    }
    return files


def erase_user(*, user, keep_pins: bool) -> None:
    """Remove the person's community data (see the module's text for what stays)."""
    with transaction.atomic():
        Follow.objects.filter(user=user).delete()
        Notice.objects.filter(user=user).delete()
        MailPreference.objects.filter(user=user).delete()
        Report.objects.filter(reporter=user).delete()
        photos = Photo.objects.filter(uploader=user)
        if keep_pins:
            own = photos.filter(comment__isnull=True, proposal__author=user) | photos.filter(
                comment__author=user
            )
            own.update(uploader=None)
            photos = Photo.objects.filter(uploader=user)
        photos.delete()  # the files go after the commit (services.photo_files_follow_the_row)


def describe_user(*, user, keep_pins: bool) -> list[str]:
    """What the deletion does to the person's photos, shown before they confirm."""
    photos = Photo.objects.filter(uploader=user)
    if keep_pins:
        own = photos.filter(comment__isnull=True, proposal__author=user) | photos.filter(
            comment__author=user
        )
        kept = own.count()
        deleted = photos.count() - kept
    else:
        kept, deleted = 0, photos.count()
    sentences = []
    if deleted:
        sentences.append(
            ngettext(
                "%(count)d photo will be deleted.", "%(count)d photos will be deleted.", deleted
            )
            % {"count": deleted}
        )
    if kept:
        sentences.append(
            ngettext(
                "%(count)d photo on your pins and comments stays, without your name.",
                "%(count)d photos on your pins and comments stay, without your name.",
                kept,
            )
            % {"count": kept}
        )
    return sentences


def register() -> None:
    privacy.exporters.register(export_user, order=40, reason="photos, reports, follows, notices")
    privacy.erasers.register(
        erase_user, order=5, reason="photos and their files go before proposals deletes pins"
    )
    privacy.describers.register(describe_user, order=40, reason="after pins and rounds")
