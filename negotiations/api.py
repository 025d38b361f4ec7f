"""Negotiation API: thin views over services and selectors, with ETag / If-Match.

Services check who may write (accounts.rules.require, after locking the round); the views
check only the reads that have no service (participants, consent matrix, history).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.rules import require
from core.params import Filters, IdFilter, SingleChoiceFilter
from proposals.models import Proposal, Status

from . import selectors, services
from . import serializers as s
from .etags import PreconditionFailed, etag_for, expected_version, stale
from .models import Option, Round, State

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description='The ETag from the last GET, e.g. "round-3-v2". Missing: 428; stale: 412.',
)
PRECONDITION_RESPONSES = {
    400: OpenApiResponse(description="Invalid input, with a message per field."),
    403: OpenApiResponse(description="Not allowed by the round's rules."),
    412: OpenApiResponse(description="Stale If-Match: someone else changed it. Reload."),
    428: OpenApiResponse(description="If-Match missing."),
}
# Reads without a service check their permission in the view (accounts.rules.require).
REFUSED_READ = {403: OpenApiResponse(description="Not allowed: the sentence says who may see it.")}
ROUND_FILTERS = Filters(
    IdFilter(
        "cluster",
        key="cluster_id",
        message=gettext_lazy("Give a cluster id (a number)."),
        description="Only rounds on this cluster.",
    ),
    SingleChoiceFilter("state", State, key="state"),
)


class NegotiationView(APIView):
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def handle_exception(self, exc):
        if isinstance(exc, services.VersionConflict):
            exc = stale(exc.obj)
        if isinstance(exc, services.ClaimsInOpenRound):
            return Response(
                {
                    "detail": exc.messages[0],
                    "round": exc.round.pk,
                    "round_title": exc.round.title,
                    "round_number": exc.round.number,
                    "round_url": reverse("api:round-detail", args=[exc.round.pk]),
                },
                status=status.HTTP_409_CONFLICT,
            )
        response = super().handle_exception(exc)
        if isinstance(exc, PreconditionFailed):
            response["ETag"] = exc.etag
        return response

    def get_round(self, pk) -> Round:
        """The round if the user may see it, else 404 (its existence is not revealed)."""
        return get_object_or_404(
            selectors.round_list(user=self.request.user).prefetch_related("round_claims"),
            pk=pk,
        )

    def get_option(self, round_pk, pk) -> Option:
        negotiation_round = self.get_round(round_pk)
        option = get_object_or_404(
            Option.objects.select_related("created_by"), round=negotiation_round, pk=pk
        )
        option.round = negotiation_round
        return option

    @staticmethod
    def with_etag(data, obj, code=status.HTTP_200_OK) -> Response:
        return Response(data, status=code, headers={"ETag": etag_for(obj)})


class RoundListView(NegotiationView):
    @extend_schema(
        summary="Rounds you may see",
        parameters=ROUND_FILTERS.openapi_parameters(),
        responses=s.RoundListItemSerializer(many=True),
    )
    def get(self, request):
        rounds = selectors.round_list(
            user=request.user, **ROUND_FILTERS.read(request.query_params)
        ).prefetch_related("round_claims")
        return Response(s.RoundListItemSerializer(rounds, many=True).data)

    @extend_schema(
        summary="Open a round on a cluster (mediators)",
        description="Snapshots the cluster's claims, invites their authors and e-mails them. "
        "With draft=true the round is created as a draft and opened later.",
        request=s.RoundOpenSerializer,
        responses={
            201: s.RoundSerializer,
            409: OpenApiResponse(description="The claims are already in an open round, named"),
            **PRECONDITION_RESPONSES,
        },
    )
    def post(self, request):
        from spatial.models import Cluster

        data = _valid(s.RoundOpenSerializer, request.data)
        cluster = Cluster.objects.filter(pk=data["cluster"]).first()
        if cluster is None:
            raise ValidationError({"cluster": [_("There is no such cluster.")]})
        negotiation_round = services.round_open(
            cluster=cluster,
            mediator=request.user,
            title=data.get("title", ""),
            deadline=data.get("deadline"),
            draft=data["draft"],
        )
        negotiation_round = Round.objects.prefetch_related("round_claims").get(
            pk=negotiation_round.pk
        )
        return self.with_etag(
            s.RoundSerializer(negotiation_round).data, negotiation_round, status.HTTP_201_CREATED
        )


class RoundDetailView(NegotiationView):
    @extend_schema(summary="A round (ETag header)", responses=s.RoundSerializer)
    def get(self, request, pk):
        negotiation_round = self.get_round(pk)
        return self.with_etag(s.RoundSerializer(negotiation_round).data, negotiation_round)

    @extend_schema(
        summary="Change title or deadline (mediators, If-Match)",
        parameters=[IF_MATCH],
        request=s.RoundUpdateSerializer,
        responses={200: s.RoundSerializer, **PRECONDITION_RESPONSES},
    )
    def patch(self, request, pk):
        negotiation_round = self.get_round(pk)
        data = _valid(s.RoundUpdateSerializer, request.data, partial=True)
        negotiation_round = services.round_update(
            negotiation_round=negotiation_round,
            mediator=request.user,
            expected_version=expected_version(request, negotiation_round),
            **data,
        )
        return self.with_etag(s.RoundSerializer(negotiation_round).data, negotiation_round)


class RoundPublishView(NegotiationView):
    @extend_schema(
        summary="Open a draft round (mediators, If-Match)",
        parameters=[IF_MATCH],
        request=None,
        responses={200: s.RoundSerializer, **PRECONDITION_RESPONSES},
    )
    def post(self, request, pk):
        negotiation_round = self.get_round(pk)
        negotiation_round = services.round_publish(
            negotiation_round=negotiation_round,
            mediator=request.user,
            expected_version=expected_version(request, negotiation_round),
        )
        return self.with_etag(s.RoundSerializer(negotiation_round).data, negotiation_round)


class RoundClaimsView(NegotiationView):
    @extend_schema(
        summary="Add claims that joined since opening to the round (mediators, If-Match)",
        description="Default: every claim that joined; `proposals` picks some. Their authors "
        "are invited and e-mailed; the history records it.",
        parameters=[IF_MATCH],
        request=s.RoundClaimsAddSerializer,
        responses={
            200: s.RoundSerializer,
            409: OpenApiResponse(description="A claim is in another open round, named"),
            **PRECONDITION_RESPONSES,
        },
    )
    def post(self, request, pk):
        negotiation_round = self.get_round(pk)
        data = _valid(s.RoundClaimsAddSerializer, request.data)
        services.round_claims_add(
            negotiation_round=negotiation_round,
            mediator=request.user,
            proposal_ids=data.get("proposals"),
            expected_version=expected_version(request, negotiation_round),
        )
        negotiation_round = self.get_round(pk)
        return self.with_etag(s.RoundSerializer(negotiation_round).data, negotiation_round)


class RoundCloseView(NegotiationView):
    @extend_schema(
        summary="Close a round with its outcome (mediators, If-Match)",
        description="Needs one resolution for every proposal of the round's snapshot.",
        parameters=[IF_MATCH],
        request=s.RoundCloseSerializer,
        responses={200: s.OutcomeSerializer, **PRECONDITION_RESPONSES},
    )
    def post(self, request, pk):
        negotiation_round = self.get_round(pk)
        data = _valid(s.RoundCloseSerializer, request.data)
        chosen = None
        if data.get("chosen_option") is not None:
            chosen = Option.objects.filter(
                pk=data["chosen_option"], round=negotiation_round
            ).first()
            if chosen is None:
                raise ValidationError(
                    {"chosen_option": [_("The chosen option is not from this round.")]}
                )
        outcome = services.round_close(
            negotiation_round=negotiation_round,
            mediator=request.user,
            summary=data["summary"],
            chosen_option=chosen,
            resolutions=data["resolutions"],
            expected_version=expected_version(request, negotiation_round),
        )
        outcome = selectors.round_outcome(outcome.round)
        return self.with_etag(s.OutcomeSerializer(outcome).data, outcome.round)


class RoundNextView(NegotiationView):
    @extend_schema(
        summary="Start the next round with revised options (mediators, If-Match)",
        description="Closes this round without an outcome and opens round n+1 with the "
        "chosen options copied (default: all), the participants and the claims.",
        parameters=[IF_MATCH],
        request=s.RoundNextSerializer,
        responses={201: s.RoundSerializer, **PRECONDITION_RESPONSES},
    )
    def post(self, request, pk):
        negotiation_round = self.get_round(pk)
        data = _valid(s.RoundNextSerializer, request.data)
        new = services.round_next(
            negotiation_round=negotiation_round,
            mediator=request.user,
            expected_version=expected_version(request, negotiation_round),
            option_ids=data.get("option_ids"),
            title=data.get("title", ""),
            deadline=data.get("deadline"),
        )
        new = Round.objects.prefetch_related("round_claims").get(pk=new.pk)
        return self.with_etag(s.RoundSerializer(new).data, new, status.HTTP_201_CREATED)


class ParticipantListView(NegotiationView):
    @extend_schema(
        summary="Participants of a round",
        responses={200: s.ParticipantSerializer(many=True), **REFUSED_READ},
    )
    def get(self, request, pk):
        negotiation_round = self.get_round(pk)
        require(request.user, "negotiations.view_history", negotiation_round)
        return Response(
            s.ParticipantSerializer(selectors.round_participants(negotiation_round), many=True).data
        )

    @extend_schema(
        summary="Invite someone (mediators); they are told by e-mail",
        request=s.InviteSerializer,
        responses={201: s.ParticipantSerializer, **PRECONDITION_RESPONSES},
    )
    def post(self, request, pk):
        negotiation_round = self.get_round(pk)
        data = _valid(s.InviteSerializer, request.data)
        users = User.objects.filter(is_active=True)
        user = (
            users.filter(pk=data["user"]).first()
            if data.get("user")
            else users.filter(username=data["username"]).first()
        )
        if user is None:
            raise ValidationError({"user": [_("There is no such user.")]})
        participant = services.participant_invite(
            negotiation_round=negotiation_round, mediator=request.user, user=user
        )
        return Response(s.ParticipantSerializer(participant).data, status=201)


class OptionListView(NegotiationView):
    @extend_schema(summary="Options of a round", responses=s.OptionSerializer(many=True))
    def get(self, request, pk):
        negotiation_round = self.get_round(pk)
        return Response(
            s.OptionSerializer(selectors.round_options(negotiation_round), many=True).data
        )

    @extend_schema(
        summary="Add an option (mediator and participants of an open round)",
        request=s.OptionWriteSerializer,
        responses={201: s.OptionSerializer, **PRECONDITION_RESPONSES},
    )
    def post(self, request, pk):
        negotiation_round = self.get_round(pk)
        data = _valid(s.OptionWriteSerializer, request.data)
        option = services.option_add(
            negotiation_round=negotiation_round,
            user=request.user,
            title=data["title"],
            description=data.get("description", ""),
            geometry=data.get("geometry"),
        )
        return self.with_etag(s.OptionSerializer(option).data, option, status.HTTP_201_CREATED)


class OptionDetailView(NegotiationView):
    @extend_schema(summary="An option (ETag header)", responses=s.OptionSerializer)
    def get(self, request, pk, option_pk):
        option = self.get_option(pk, option_pk)
        return self.with_etag(s.OptionSerializer(option).data, option)

    @extend_schema(
        summary="Revise an option (mediators or its author, If-Match)",
        description="geometry: a GeoJSON geometry, or null to remove it.",
        parameters=[IF_MATCH],
        request=s.OptionWriteSerializer,
        responses={200: s.OptionSerializer, **PRECONDITION_RESPONSES},
    )
    def patch(self, request, pk, option_pk):
        option = self.get_option(pk, option_pk)
        data = _valid(s.OptionWriteSerializer, request.data, partial=True)
        fields = {k: data[k] for k in ("title", "description", "geometry") if k in data}
        option = services.option_update(
            option=option,
            user=request.user,
            expected_version=expected_version(request, option),
            **fields,
        )
        return self.with_etag(s.OptionSerializer(option).data, option)


class PositionView(NegotiationView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(summary="Your position on an option", responses=s.PositionSerializer)
    def get(self, request, pk, option_pk):
        option = self.get_option(pk, option_pk)
        position = option.positions.filter(participant__user=request.user).first()
        if position is None:
            return Response({"detail": _("You have not given a position yet.")}, status=404)
        return Response(s.PositionSerializer(position).data)

    @extend_schema(
        summary="Give or change your position (participants, until the round closes)",
        description="Each participant owns their own position, so no If-Match is needed.",
        request=s.PositionWriteSerializer,
        responses={200: s.PositionSerializer, **PRECONDITION_RESPONSES},
    )
    def put(self, request, pk, option_pk):
        option = self.get_option(pk, option_pk)
        data = _valid(s.PositionWriteSerializer, request.data)
        position = services.position_set(
            option=option, user=request.user, stance=data["stance"], reason=data.get("reason", "")
        )
        return Response(s.PositionSerializer(position).data)


class ConsentMatrixView(NegotiationView):
    @extend_schema(
        summary="Consent matrix: who objects to what and why (mediators)",
        responses={
            200: s.ConsentMatrixSerializer,
            **REFUSED_READ,
        },
    )
    def get(self, request, pk):
        negotiation_round = self.get_round(pk)
        require(request.user, "negotiations.view_consent_matrix", negotiation_round)
        return Response(selectors.consent_matrix(negotiation_round))


class HistoryView(NegotiationView):
    @extend_schema(
        summary="The round's history",
        responses={200: s.HistoryEntrySerializer(many=True), **REFUSED_READ},
    )
    def get(self, request, pk):
        negotiation_round = self.get_round(pk)
        require(request.user, "negotiations.view_history", negotiation_round)
        return Response(
            s.HistoryEntrySerializer(selectors.round_history(negotiation_round), many=True).data
        )


class OutcomeView(NegotiationView):
    @extend_schema(
        summary="The outcome of a closed round (public)",
        responses={200: s.OutcomeSerializer, 404: OpenApiResponse(description="No outcome.")},
    )
    def get(self, request, pk):
        negotiation_round = self.get_round(pk)
        outcome = selectors.round_outcome(negotiation_round)
        if outcome is None:
            return Response({"detail": _("This round has no outcome (yet).")}, status=404)
        return Response(s.OutcomeSerializer(outcome).data)


class ProposalNegotiationView(NegotiationView):
    @extend_schema(
        summary="A proposal's negotiation status and outcome (public)",
        responses=s.ProposalNegotiationSerializer,
    )
    def get(self, request, pk):
        proposal = get_object_or_404(Proposal.objects.exclude(status=Status.HIDDEN), pk=pk)
        status_ = selectors.proposal_negotiation_status(proposal)
        if status_ is None:
            status_ = {"state": "none", "round": None}
        negotiation_round = status_.pop("round")
        data = {
            "state": status_["state"],
            "round": negotiation_round.pk if negotiation_round else None,
            "round_title": negotiation_round.title if negotiation_round else None,
            "result": status_.get("result"),
            "result_label": status_.get("result_label"),
            "note": status_.get("note", ""),
            "summary": status_.get("summary", ""),
        }
        return Response(s.ProposalNegotiationSerializer(data).data)


def _valid(serializer_class, data, partial=False) -> dict:
    serializer = serializer_class(data=data, partial=partial)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
