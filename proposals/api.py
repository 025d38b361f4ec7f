"""The proposals API (thin: filters and selectors read, services write, rules decide)."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ParseError, PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response

from . import selectors, services
from .filters import proposal_filters_from
from .models import Proposal
from .serializers import (
    CommentSerializer,
    HideSerializer,
    ProposalDetailOutputSerializer,
    ProposalFeatureCollectionSerializer,
    ProposalFeatureInputSerializer,
    SupportCountSerializer,
)

GEOJSON = "application/geo+json"


class SafeJSONParser(JSONParser):
    """DRF's JSON parser, answering 400 (not 500) for JSON nested too deeply to parse."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the body is nested too deeply.")) from None


class GeoJSONParser(SafeJSONParser):
    media_type = GEOJSON


class GeoJSONRenderer(JSONRenderer):
    media_type = GEOJSON


PARSERS = [SafeJSONParser, GeoJSONParser]
RENDERERS = [JSONRenderer, GeoJSONRenderer, BrowsableAPIRenderer]

FILTER_PARAMETERS = [
    OpenApiParameter(
        "bbox", str, description="minlon,minlat,maxlon,maxlat (WGS 84 degrees, lon/lat order)"
    ),
    OpenApiParameter("category", str, description="comma list, e.g. housing,mobility"),
    OpenApiParameter("kind", str, description="proposal or conflict (comma list)"),
    OpenApiParameter("q", str, description="case-insensitive text in title and description"),
    OpenApiParameter("author", str, enum=["me"], description="only your own pins"),
    OpenApiParameter(
        "compatibility",
        str,
        description="zoning verdict, comma list of compatible, conditional, incompatible, unknown",
    ),
    OpenApiParameter("district", int, description="id of a district feature (layers app)"),
]


def _detail_response(proposal, user, status_code=status.HTTP_200_OK):
    feature = selectors.proposal_feature(proposal=proposal, user=user)
    return Response(feature, status=status_code, content_type=GEOJSON)


class ProposalObjectMixin:
    def get_proposal(self) -> Proposal:
        proposal = selectors.proposal_get(proposal_id=self.kwargs["pk"], user=self.request.user)
        if proposal is None:
            raise NotFound(_("No such proposal (or it is no longer public)."))
        return proposal

    def require(self, perm: str, proposal: Proposal, message: str) -> None:
        if not self.request.user.has_perm(perm, proposal):
            raise PermissionDenied(message)


class ProposalListView(GenericAPIView):
    parser_classes = PARSERS
    renderer_classes = RENDERERS
    serializer_class = ProposalFeatureInputSerializer

    @extend_schema(
        operation_id="proposals_list",
        summary="Proposals on the map (GeoJSON FeatureCollection, built in PostGIS)",
        parameters=FILTER_PARAMETERS,
        responses={200: ProposalFeatureCollectionSerializer},
    )
    def get(self, request):
        filters = proposal_filters_from(request.query_params)
        proposals = selectors.proposal_list(**filters, user=request.user)
        body = selectors.proposal_feature_collection(proposals)
        return HttpResponse(body, content_type=GEOJSON)

    @extend_schema(
        summary="Pin a proposal or conflict (GeoJSON Feature)",
        request=ProposalFeatureInputSerializer,
        responses={201: ProposalDetailOutputSerializer},
    )
    def post(self, request):
        serializer = ProposalFeatureInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = serializer.validated_fields()
        proposal = services.proposal_create(author=request.user, **fields)
        return _detail_response(proposal, request.user, status.HTTP_201_CREATED)


class ProposalDetailView(ProposalObjectMixin, GenericAPIView):
    parser_classes = PARSERS
    renderer_classes = RENDERERS
    serializer_class = ProposalFeatureInputSerializer

    @extend_schema(
        operation_id="proposals_detail",
        summary="One proposal",
        responses={200: ProposalDetailOutputSerializer},
    )
    def get(self, request, pk):
        return _detail_response(self.get_proposal(), request.user)

    @extend_schema(
        summary="Edit your own proposal (partial GeoJSON Feature)",
        request=ProposalFeatureInputSerializer,
        responses={200: ProposalDetailOutputSerializer},
    )
    def patch(self, request, pk):
        proposal = self.get_proposal()
        self.require(
            "proposals.change_proposal", proposal, _("Only the author can edit this proposal.")
        )
        serializer = ProposalFeatureInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        proposal = services.proposal_update(proposal=proposal, **serializer.validated_fields())
        return _detail_response(proposal, request.user)

    @extend_schema(summary="Withdraw your own proposal", request=None, responses={204: None})
    def delete(self, request, pk):
        proposal = self.get_proposal()
        self.require(
            "proposals.delete_proposal", proposal, _("Only the author can withdraw this proposal.")
        )
        services.proposal_withdraw(proposal=proposal)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProposalHideView(ProposalObjectMixin, GenericAPIView):
    parser_classes = PARSERS
    renderer_classes = RENDERERS
    serializer_class = HideSerializer

    @extend_schema(
        summary="Hide a proposal, with a reason (moderators)",
        request=HideSerializer,
        responses={200: ProposalDetailOutputSerializer},
    )
    def post(self, request, pk):
        proposal = self.get_proposal()
        self.require("proposals.hide_proposal", proposal, _("Only moderators can hide proposals."))
        serializer = HideSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        proposal = services.proposal_hide(
            proposal=proposal, moderator=request.user, reason=serializer.validated_data["reason"]
        )
        return _detail_response(proposal, request.user)


class ProposalRestoreView(ProposalObjectMixin, GenericAPIView):
    parser_classes = PARSERS
    renderer_classes = RENDERERS

    @extend_schema(
        summary="Put a hidden proposal back on the map (moderators)",
        request=None,
        responses={200: ProposalDetailOutputSerializer},
    )
    def post(self, request, pk):
        proposal = self.get_proposal()
        self.require(
            "proposals.restore_proposal",
            proposal,
            _("Only moderators can restore hidden proposals."),
        )
        proposal = services.proposal_restore(proposal=proposal)
        return _detail_response(proposal, request.user)


class ProposalSupportView(ProposalObjectMixin, GenericAPIView):
    parser_classes = PARSERS
    renderer_classes = RENDERERS
    serializer_class = SupportCountSerializer

    @extend_schema(
        summary="Support a proposal (idempotent)",
        request=None,
        responses={201: SupportCountSerializer},
    )
    def post(self, request, pk):
        proposal = self.get_proposal()
        count = services.support_add(proposal=proposal, user=request.user)
        return Response(
            {"support_count": count, "supported_by_me": True}, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        summary="Take back your support", request=None, responses={200: SupportCountSerializer}
    )
    def delete(self, request, pk):
        proposal = self.get_proposal()
        count = services.support_remove(proposal=proposal, user=request.user)
        return Response({"support_count": count, "supported_by_me": False})


class ProposalCommentsView(ProposalObjectMixin, GenericAPIView):
    parser_classes = PARSERS
    renderer_classes = RENDERERS
    serializer_class = CommentSerializer

    @extend_schema(
        summary="Comments on a proposal, oldest first",
        responses={200: CommentSerializer(many=True)},
    )
    def get(self, request, pk):
        comments = selectors.comment_list(proposal=self.get_proposal())
        return Response(CommentSerializer(comments, many=True).data)

    @extend_schema(
        summary="Comment on a proposal",
        request=CommentSerializer,
        responses={201: CommentSerializer},
    )
    def post(self, request, pk):
        proposal = self.get_proposal()
        serializer = CommentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.comment_create(
            proposal=proposal, author=request.user, body=serializer.validated_data["body"]
        )
        comment = selectors.comment_list(proposal=proposal).get(pk=comment.pk)
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)
