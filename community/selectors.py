"""Reads of the community app."""

from django.db.models import Count, Q, QuerySet

from .models import Follow, MailPreference, Notice, Photo, PhotoStatus, Report, ReportStatus


def photo_visible(*, photo: Photo, user) -> bool:
    """Whether `user` may see the photo's image: a visible photo on a pin they may see
    (and not on a hidden comment); moderators see every photo."""
    if user.has_perm("community.hide_photo", photo):
        return True
    if photo.status != PhotoStatus.VISIBLE:
        return False
    if photo.comment_id and photo.comment.is_hidden:
        return False
    return user.has_perm("proposals.view_proposal", photo.proposal)


def photo_list(*, proposal, comment=None, user) -> QuerySet[Photo]:
    """The photos shown with a pin (comment None) or one comment, for `user`: moderators see
    hidden ones too (marked), others the visible ones only."""
    photos = Photo.objects.filter(proposal=proposal)
    photos = (
        photos.filter(comment=comment)
        if comment is not None
        else photos.filter(comment__isnull=True)
    )
    if not user.has_perm("community.hide_photo"):
        photos = photos.filter(status=PhotoStatus.VISIBLE)
    return photos.order_by("created_at", "id")


def comment_photos(*, proposal, user) -> dict[int, list[Photo]]:
    """The photos of every comment on a pin, by comment id."""
    photos = Photo.objects.filter(proposal=proposal, comment__isnull=False)
    if not user.has_perm("community.hide_photo"):
        photos = photos.filter(status=PhotoStatus.VISIBLE, comment__is_hidden=False)
    by_comment: dict[int, list[Photo]] = {}
    for photo in photos.order_by("created_at", "id"):
        by_comment.setdefault(photo.comment_id, []).append(photo)
    return by_comment


def is_following(*, proposal, user) -> bool:
    return user.is_authenticated and Follow.objects.filter(user=user, proposal=proposal).exists()


def notice_list(*, user) -> QuerySet[Notice]:
    return Notice.objects.filter(user=user).order_by("-created_at", "-id")


def unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Notice.objects.filter(user=user, read_at__isnull=True).count()


def delivery_of(user) -> str:
    preference = MailPreference.objects.filter(user=user).first()
    return preference.delivery if preference else MailPreference._meta.get_field("delivery").default


def report_queue() -> list[dict]:
    """Open reports grouped by what they report, most reported first: one entry per thing
    with its reports (oldest first) and their count."""
    reports = (
        Report.objects.filter(status=ReportStatus.OPEN)
        .select_related("proposal", "comment", "photo", "reporter")
        .order_by("created_at", "id")
    )
    groups: dict[tuple, dict] = {}
    for report in reports:
        key = (report.proposal_id, report.comment_id, report.photo_id)
        group = groups.setdefault(key, {"first": report, "reports": []})
        group["reports"].append(report)
    return sorted(groups.values(), key=lambda g: (-len(g["reports"]), g["first"].created_at))


def report_counts() -> dict:
    """How many reports are open (per kind of thing reported) and decided."""
    return Report.objects.aggregate(
        open=Count("pk", filter=Q(status=ReportStatus.OPEN)),
        open_proposals=Count(
            "pk",
            filter=Q(status=ReportStatus.OPEN, comment__isnull=True, photo__isnull=True),
        ),
        open_comments=Count(
            "pk", filter=Q(status=ReportStatus.OPEN, comment__isnull=False, photo__isnull=True)
        ),
        open_photos=Count("pk", filter=Q(status=ReportStatus.OPEN, photo__isnull=False)),
        hidden=Count("pk", filter=Q(status=ReportStatus.HIDDEN)),
        dismissed=Count("pk", filter=Q(status=ReportStatus.DISMISSED)),
    )
