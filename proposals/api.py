"""The proposals API (thin: filters and selectors read, services write and check the rules)."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response

from . import selectors, services
from .filters import PROPOSAL_FILTERS
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


class ProposalFeatureMixin:
    """How a proposal view answers with one proposal: its detail Feature.

    `filters`, `extra_properties()` and `feature_collection()` are the read model's seams:
    the publishing app's subclasses of these views add the overlay's filters and properties.
    """

    filters = PROPOSAL_FILTERS

    def extra_properties(self) -> dict:
        return {}

    def proposal_list(self, request):
        return selectors.proposal_list(**self.filters.read(request.query_params), user=request.user)

    def feature_collection(self, proposals) -> str:
        return selectors.proposal_feature_collection(
            proposals, extra_properties=self.extra_properties()
        )

    def detail_response(self, proposal, status_code=status.HTTP_200_OK):
        feature = selectors.proposal_feature(
            proposal=proposal, user=self.request.user, extra_properties=self.extra_properties()
        )
        return Response(feature, status=status_code, content_type=GEOJSON)


class ProposalObjectMixin:
    def get_proposal(self) -> Proposal:
        proposal = selectors.proposal_get(proposal_id=self.kwargs["pk"], user=self.request.user)
        if proposal is None:
            raise NotFound(_("No such proposal (or it is no longer public)."))
        return proposal


class ProposalListView(ProposalFeatureMixin, GenericAPIView):
    throttle_scope = "proposals"  # writes limited per user and address (RATE_LIMITS)
    parser_classes = PARSERS
    renderer_classes = RENDERERS
    serializer_class = ProposalFeatureInputSerializer

    @extend_schema(
        operation_id="proposals_list",
        summary="Proposals on the map (GeoJSON FeatureCollection, built in PostGIS)",
        parameters=PROPOSAL_FILTERS.openapi_parameters(),
        responses={200: ProposalFeatureCollectionSerializer},
    )
    def get(self, request):
        body = self.feature_collection(self.proposal_list(request))
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
        return self.detail_response(proposal, status.HTTP_201_CREATED)


class ProposalDetailView(ProposalFeatureMixin, ProposalObjectMixin, GenericAPIView):
    parser_classes = PARSERS
    renderer_classes = RENDERERS
    serializer_class = ProposalFeatureInputSerializer

    @extend_schema(
        operation_id="proposals_detail",
        summary="One proposal",
        responses={200: ProposalDetailOutputSerializer},
    )
    def get(self, request, pk):
        return self.detail_response(self.get_proposal())

    @extend_schema(
        summary="Edit your own proposal (partial GeoJSON Feature)",
        request=ProposalFeatureInputSerializer,
        responses={200: ProposalDetailOutputSerializer},
    )
    def patch(self, request, pk):
        proposal = self.get_proposal()
        serializer = ProposalFeatureInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        proposal = services.proposal_update(
            proposal=proposal, user=request.user, **serializer.validated_fields()
        )
        return self.detail_response(proposal)

    @extend_schema(summary="Withdraw your own proposal", request=None, responses={204: None})
    def delete(self, request, pk):
        services.proposal_withdraw(proposal=self.get_proposal(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProposalHideView(ProposalFeatureMixin, ProposalObjectMixin, GenericAPIView):
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
        serializer = HideSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        proposal = services.proposal_hide(
            proposal=proposal, moderator=request.user, reason=serializer.validated_data["reason"]
        )
        return self.detail_response(proposal)


class ProposalRestoreView(ProposalFeatureMixin, ProposalObjectMixin, GenericAPIView):
    parser_classes = PARSERS
    renderer_classes = RENDERERS

    @extend_schema(
        summary="Put a hidden proposal back on the map (moderators)",
        request=None,
        responses={200: ProposalDetailOutputSerializer},
    )
    def post(self, request, pk):
        proposal = services.proposal_restore(proposal=self.get_proposal(), user=request.user)
        return self.detail_response(proposal)


class ProposalSupportView(ProposalObjectMixin, GenericAPIView):
    throttle_scope = "supports"  # writes limited per user and address (RATE_LIMITS)
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
    throttle_scope = "comments"  # writes limited per user and address (RATE_LIMITS)
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
