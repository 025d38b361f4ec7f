"""Shapes of the negotiation API. Thin: validation of meaning happens in services."""

import json

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import (
    HistoryEntry,
    Option,
    Outcome,
    Participant,
    Position,
    Resolution,
    Result,
    Role,
    Round,
    Stance,
)

NULLABLE_GEOMETRY = {
    "type": "object",
    "nullable": True,
    "description": "A GeoJSON geometry (lon/lat), or null when the option has none.",
}


def geometry_json(geom):
    return json.loads(geom.geojson) if geom is not None else None


class RoundSerializer(serializers.ModelSerializer):
    claims = serializers.SerializerMethodField()
    changes_since_opening = serializers.SerializerMethodField()
    next_round = serializers.SerializerMethodField()
    has_outcome = serializers.SerializerMethodField()

    class Meta:
        model = Round
        fields = [
            "id", "cluster", "number", "previous", "next_round", "state", "title", "deadline",
            "created_at", "opened_at", "closed_at", "version", "claims",
            "changes_since_opening", "has_outcome",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_claims(self, negotiation_round):
        return [c.proposal_id for c in negotiation_round.round_claims.all()]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_changes_since_opening(self, negotiation_round):
        """joined / left / withdrawn: claims with id, title, status and page url; added /
        removed: their ids (removed = left and withdrawn)."""
        from .selectors import round_changes

        changes = round_changes(negotiation_round)
        return {
            **changes,
            "added": [c["id"] for c in changes["joined"]],
            "removed": sorted(c["id"] for c in changes["left"] + changes["withdrawn"]),
        }

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_next_round(self, negotiation_round):
        next_round = getattr(negotiation_round, "next_round", None)
        return next_round.pk if next_round else None

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_has_outcome(self, negotiation_round):
        return hasattr(negotiation_round, "outcome")


class RoundListItemSerializer(RoundSerializer):
    """A round in a list: without the cluster comparison (that is on the detail)."""

    class Meta(RoundSerializer.Meta):
        fields = [f for f in RoundSerializer.Meta.fields if f != "changes_since_opening"]
        read_only_fields = fields


class RoundOpenSerializer(serializers.Serializer):
    cluster = serializers.IntegerField(min_value=1)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    deadline = serializers.DateTimeField(required=False, allow_null=True)
    draft = serializers.BooleanField(required=False, default=False)


class RoundUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    deadline = serializers.DateTimeField(required=False, allow_null=True)


class ResolutionSerializer(serializers.ModelSerializer):
    proposal_title = serializers.SerializerMethodField()

    class Meta:
        model = Resolution
        fields = ["proposal", "proposal_title", "result", "note"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_proposal_title(self, resolution):
        from .templatetags.negotiation_tags import claim_title

        return claim_title(resolution.proposal)


class ResolutionInputSerializer(serializers.Serializer):
    proposal = serializers.IntegerField(min_value=1)
    result = serializers.ChoiceField(choices=Result.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class RoundCloseSerializer(serializers.Serializer):
    summary = serializers.CharField(max_length=20_000)
    chosen_option = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    resolutions = ResolutionInputSerializer(many=True)


class RoundNextSerializer(serializers.Serializer):
    option_ids = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    deadline = serializers.DateTimeField(required=False, allow_null=True)


def _round_names(serializer, round_id: int) -> dict[int, str]:
    """The round's names (selectors.round_names), read once per response: the cache lives
    in the root serializer's context, which every item of a list shares."""
    from .selectors import round_names

    cache = serializer.context.setdefault("round_names", {})
    if round_id not in cache:
        cache[round_id] = round_names(round_id)
    return cache[round_id]


def _name_in_round(serializer, round_id: int, user) -> str | None:
    from .selectors import name_in_round

    return name_in_round(_round_names(serializer, round_id), user)


class ParticipantSerializer(serializers.ModelSerializer):
    user = serializers.SerializerMethodField()
    name = serializers.SerializerMethodField()

    class Meta:
        model = Participant
        fields = ["id", "user", "name", "role", "notified_at", "created_at"]
        read_only_fields = fields

    @extend_schema_field(
        serializers.IntegerField(
            allow_null=True, help_text="null for a person who chose not to show their name"
        )
    )
    def get_user(self, participant):
        from .selectors import public_user_id

        return public_user_id(participant.user)

    @extend_schema_field(
        serializers.CharField(help_text='their name, or a pseudonym in the round ("Resident 3")')
    )
    def get_name(self, participant):
        return _name_in_round(self, participant.round_id, participant.user)


class InviteSerializer(serializers.Serializer):
    user = serializers.IntegerField(required=False, min_value=1)
    username = serializers.CharField(required=False, max_length=150)

    def validate(self, attrs):
        if not attrs.get("user") and not attrs.get("username"):
            raise serializers.ValidationError(_("Give the user's id (user) or username."))
        return attrs


class OptionSerializer(serializers.ModelSerializer):
    geometry = serializers.SerializerMethodField()
    created_by_name = serializers.SerializerMethodField()

    class Meta:
        model = Option
        fields = [
            "id", "round", "title", "description", "geometry", "created_by_name",
            "revised_from", "created_at", "updated_at", "version",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(NULLABLE_GEOMETRY)
    def get_geometry(self, option):
        return geometry_json(option.geom)

    @extend_schema_field(OpenApiTypes.STR)
    def get_created_by_name(self, option):
        return _name_in_round(self, option.round_id, option.created_by)


class OptionWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    geometry = serializers.JSONField(
        required=False, allow_null=True, help_text="A GeoJSON geometry (lon/lat) or null."
    )

    def validate_geometry(self, value):
        if value is not None and not isinstance(value, dict):
            raise serializers.ValidationError(_("Send a GeoJSON geometry object or null."))
        return value


class PositionSerializer(serializers.ModelSerializer):
    participant_name = serializers.SerializerMethodField()

    class Meta:
        model = Position
        fields = ["option", "participant", "participant_name", "stance", "reason", "updated_at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_participant_name(self, position):
        participant = position.participant
        return _name_in_round(self, participant.round_id, participant.user)


class PositionWriteSerializer(serializers.Serializer):
    stance = serializers.ChoiceField(choices=Stance.choices)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class OutcomeSerializer(serializers.ModelSerializer):
    resolutions = ResolutionSerializer(many=True, read_only=True)
    chosen_option_title = serializers.CharField(
        source="chosen_option.title", read_only=True, default=None, allow_null=True
    )
    decided_by_name = serializers.SerializerMethodField()

    class Meta:
        model = Outcome
        fields = [
            "round", "chosen_option", "chosen_option_title", "summary", "decided_by_name",
            "decided_at", "resolutions",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_decided_by_name(self, outcome):
        return _name_in_round(self, outcome.round_id, outcome.decided_by)


class HistoryEntrySerializer(serializers.ModelSerializer):
    actor_name = serializers.SerializerMethodField()
    payload = serializers.SerializerMethodField()

    class Meta:
        model = HistoryEntry
        fields = ["id", "at", "actor_name", "action", "payload"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_actor_name(self, entry):
        return _name_in_round(self, entry.round_id, entry.actor)

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_payload(self, entry):
        """People appear by their names in the round, never by user id."""
        from .selectors import public_payload

        return public_payload(entry.payload, _round_names(self, entry.round_id))


class ProposalNegotiationSerializer(serializers.Serializer):
    state = serializers.CharField(
        help_text="none: never negotiated; in_negotiation: in an open round; "
        "continued: its round went on in a next round; decided: an outcome exists."
    )
    round = serializers.IntegerField(allow_null=True)
    round_title = serializers.CharField(allow_null=True)
    result = serializers.CharField(allow_null=True)
    result_label = serializers.CharField(allow_null=True)
    note = serializers.CharField(allow_blank=True)
    summary = serializers.CharField(allow_blank=True)


class RoundClaimsAddSerializer(serializers.Serializer):
    proposals = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        help_text=gettext_lazy("ids of claims that joined since opening; default all of them"),
    )


# The consent matrix (GET /api/rounds/{id}/consent/), described for the schema; the body is
# built by selectors.consent_matrix.


class StanceCountsSerializer(serializers.Serializer):
    support = serializers.IntegerField()
    can_live_with = serializers.IntegerField()
    object = serializers.IntegerField()  # noqa: A003 (the stance's name)
    none = serializers.IntegerField(help_text="participants without a position on it")


class ConsentOptionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    counts = StanceCountsSerializer()


class ConsentCellSerializer(serializers.Serializer):
    stance = serializers.ChoiceField(choices=Stance.choices)
    reason = serializers.CharField(allow_blank=True)


class ConsentPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="the participant")
    user_id = serializers.IntegerField(
        allow_null=True, help_text="null for a person who does not show their name"
    )
    name = serializers.CharField(help_text="their name, or their pseudonym in this round")
    role = serializers.ChoiceField(choices=Role.choices)


@extend_schema_field(
    {
        "type": "array",
        "items": {"allOf": [{"$ref": "#/components/schemas/ConsentCell"}], "nullable": True},
    }
)
class ConsentCellsField(serializers.ListField):
    """Cells aligned with the options, null where there is no position yet."""


class ConsentRowSerializer(ConsentPersonSerializer):
    cells = ConsentCellsField(
        child=ConsentCellSerializer(allow_null=True),
        help_text="aligned with `options`; null where there is no position yet",
    )


class ConsentObjectionSerializer(serializers.Serializer):
    option_id = serializers.IntegerField()
    option = serializers.CharField()
    participant = serializers.CharField()
    reason = serializers.CharField(allow_blank=True)


class ConsentMatrixSerializer(serializers.Serializer):
    options = ConsentOptionSerializer(many=True)
    participants = ConsentPersonSerializer(many=True)
    cells = serializers.DictField(
        child=serializers.DictField(child=ConsentCellSerializer()),
        help_text="{participant id: {option id: cell}}",
    )
    rows = ConsentRowSerializer(many=True)
    objections = ConsentObjectionSerializer(many=True)
