"""The community API: photos, follow, notices, reports (thin: services write and check)."""

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from accounts.rules import require
from proposals.models import Comment
from proposals.selectors import proposal_get

from . import selectors, services
from .models import Photo, Report
from .serializers import (
    DecidedSerializer,
    FollowSerializer,
    HidePhotoSerializer,
    NoticeSerializer,
    PhotoSerializer,
    PhotoUploadSerializer,
    PreferenceSerializer,
    ReportDecisionSerializer,
    ReportInputSerializer,
    ReportSerializer,
)
from .texts import notice_path, notice_text


def _proposal(request, pk):
    proposal = proposal_get(proposal_id=pk, user=request.user)
    if proposal is None:
        raise NotFound(_("No such proposal (or it is no longer public)."))
    return proposal


def _refuse_large_body(request) -> None:
    """Refuse an upload larger than PHOTO_MAX_BYTES from its Content-Length, before the body
    is read (the form fields around the file get 64 KB)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.PHOTO_MAX_BYTES + 64 * 1024:
        raise ValidationError(
            {
                "image": [
                    _("The file is larger than %(mb)s MB. Please upload a smaller photo.")
                    % {"mb": f"{settings.PHOTO_MAX_BYTES / 1024 / 1024:g}"}
                ]
            }
        )


class ProposalPhotosView(GenericAPIView):
    throttle_scope = "photos"
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = PhotoUploadSerializer

    @extend_schema(summary="The photos of a pin", responses={200: PhotoSerializer(many=True)})
    def get(self, request, pk):
        photos = selectors.photo_list(proposal=_proposal(request, pk), user=request.user)
        return Response(PhotoSerializer(photos, many=True).data)

    @extend_schema(
        summary="Add a photo to your pin or to your comment on it (multipart)",
        request={"multipart/form-data": PhotoUploadSerializer},
        responses={201: PhotoSerializer},
    )
    def post(self, request, pk):
        require(request.user, "community.follow")  # signed in, before the body is read
        _refuse_large_body(request)
        proposal = _proposal(request, pk)
        serializer = PhotoUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        comment = None
        if data.get("comment") is not None:
            comment = Comment.objects.filter(pk=data["comment"], proposal=proposal).first()
            if comment is None:
                raise ValidationError({"comment": [_("This comment is not on this pin.")]})
        photo = services.photo_add(
            proposal=proposal,
            user=request.user,
            upload=data["image"],
            alt_text=data["alt_text"],
            comment=comment,
        )
        return Response(PhotoSerializer(photo).data, status=status.HTTP_201_CREATED)


def _photo(request, pk) -> Photo:
    photo = Photo.objects.select_related("proposal", "comment").filter(pk=pk).first()
    if photo is None or not selectors.photo_visible(photo=photo, user=request.user):
        raise NotFound(_("No such photo (or it is no longer public)."))
    return photo


class PhotoDetailView(GenericAPIView):
    @extend_schema(summary="Remove your photo", request=None, responses={204: None})
    def delete(self, request, pk):
        services.photo_delete(photo=_photo(request, pk), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PhotoHideView(GenericAPIView):
    serializer_class = HidePhotoSerializer

    @extend_schema(summary="Hide a photo, with a reason (moderators)", responses=PhotoSerializer)
    def post(self, request, pk):
        photo = _photo(request, pk)
        serializer = HidePhotoSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        photo = services.photo_hide(
            photo=photo, moderator=request.user, reason=serializer.validated_data["reason"]
        )
        return Response(PhotoSerializer(photo).data)


class AnyAccept(BaseContentNegotiation):
    """An image answers with its own type whatever the client accepts (no 406)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class PhotoImageView(GenericAPIView):
    content_negotiation_class = AnyAccept

    @extend_schema(
        summary="A photo's image (JPEG): variant is display or thumbnail",
        responses={(200, "image/jpeg"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request, pk, variant):
        """The stored JPEG, only while the photo and its pin may be seen (a hidden photo is a
        404 for everyone but moderators). Private caching only, so hiding takes effect."""
        if variant not in ("display", "thumbnail"):
            raise NotFound(_("No such photo (or it is no longer public)."))
        photo = _photo(request, pk)
        field = photo.display if variant == "display" else photo.thumbnail
        try:
            handle = field.open("rb")
        except FileNotFoundError:
            raise NotFound(_("No such photo (or it is no longer public).")) from None
        response = FileResponse(handle, content_type="image/jpeg")
        response["Cache-Control"] = "private, max-age=300"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class FollowView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = FollowSerializer

    @extend_schema(summary="Follow a pin (idempotent)", request=None, responses=FollowSerializer)
    def post(self, request, pk):
        services.follow_add(proposal=_proposal(request, pk), user=request.user)
        return Response({"following": True})

    @extend_schema(summary="Stop following a pin", request=None, responses=FollowSerializer)
    def delete(self, request, pk):
        services.follow_remove(proposal=_proposal(request, pk), user=request.user)
        return Response({"following": False})


class NoticeListView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = NoticeSerializer

    @extend_schema(summary="Your notices, newest first", responses=NoticeSerializer(many=True))
    def get(self, request):
        notices = selectors.notice_list(user=request.user)[:200]
        return Response(
            [
                {
                    "id": n.pk,
                    "kind": n.kind,
                    "text": notice_text(n),
                    "url": notice_path(n),
                    "created_at": n.created_at,
                    "read": n.read_at is not None,
                }
                for n in notices
            ]
        )


class NoticeReadView(GenericAPIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(summary="Mark all your notices read", request=None, responses={204: None})
    def post(self, request):
        services.notices_mark_read(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PreferenceView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = PreferenceSerializer

    @extend_schema(summary="How you get notices by e-mail", responses=PreferenceSerializer)
    def get(self, request):
        return Response({"delivery": selectors.delivery_of(request.user)})

    @extend_schema(summary="Choose how you get notices by e-mail", responses=PreferenceSerializer)
    def put(self, request):
        serializer = PreferenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        preference = services.mail_preference_set(
            user=request.user, delivery=serializer.validated_data["delivery"]
        )
        return Response({"delivery": preference.delivery})


def _report_target(request, target: str, pk: int) -> dict:
    if target == "proposal":
        return {"proposal": _proposal(request, pk)}
    if target == "comment":
        comment = Comment.objects.select_related("proposal").filter(pk=pk).first()
        if (
            comment is None
            or proposal_get(proposal_id=comment.proposal_id, user=request.user) is None
        ):
            raise NotFound(_("No such comment."))
        return {"comment": comment}
    return {"photo": _photo(request, pk)}


class ReportListView(GenericAPIView):
    throttle_scope = "reports"
    serializer_class = ReportInputSerializer

    @extend_schema(
        summary="Open reports (moderators)",
        responses={
            200: ReportSerializer(many=True),
            403: OpenApiResponse(description="Not allowed: only moderators see reports."),
        },
    )
    def get(self, request):
        require(request.user, "community.moderate_reports")
        reports = [r for group in selectors.report_queue() for r in group["reports"]]
        return Response(ReportSerializer(reports, many=True).data)

    @extend_schema(
        summary="Report a pin, a comment or a photo to the moderators",
        request=ReportInputSerializer,
        responses={
            201: ReportSerializer,
            404: OpenApiResponse(description="No such pin, comment or photo (or not public)."),
        },
    )
    def post(self, request):
        require(request.user, "community.add_report")
        serializer = ReportInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        target = _report_target(request, data["target"], data["id"])
        report = services.report_create(reporter=request.user, reason=data["reason"], **target)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)


class ReportDecideView(GenericAPIView):
    serializer_class = ReportDecisionSerializer

    @extend_schema(
        summary="Hide what a report names, or dismiss the report (moderators)",
        responses=DecidedSerializer,
    )
    def post(self, request, pk):
        require(request.user, "community.moderate_reports")
        report = get_object_or_404(Report, pk=pk)
        serializer = ReportDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decided = services.report_decide(
            report=report,
            moderator=request.user,
            decision=serializer.validated_data["decision"],
            reason=serializer.validated_data.get("reason", ""),
        )
        return Response({"decided": decided})
