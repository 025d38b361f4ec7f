"""The GeoJSON shapes of the proposals API. Input is validated here; output is built in SQL
(proposals.selectors), so the output serializers below only document it for OpenAPI."""

from datetime import UTC

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework_gis.fields import GeometryField

from .geometry import ALLOWED_TYPES, geometry_from_geojson
from .models import Category, Kind, Scope

GEOMETRY_SCHEMA = {
    "type": "object",
    "description": "GeoJSON geometry (RFC 7946, lon/lat in WGS 84): Point, LineString, Polygon "
    "or their Multi forms, inside the city, at most GEOMETRY_MAX_VERTICES vertices.",
    "properties": {
        "type": {
            "type": "string",
            "enum": list(ALLOWED_TYPES),
        },
        "coordinates": {"type": "array", "items": {}},
    },
    "required": ["type", "coordinates"],
    "example": {"type": "Point", "coordinates": [12.375, 51.345]},
}


@extend_schema_field(GEOMETRY_SCHEMA)
class GeoJSONGeometryField(GeometryField):
    """A GeoJSON geometry, validated by proposals.geometry (type, validity, city bounds...)."""

    default_error_messages = {
        "required": _("A geometry is required: a GeoJSON Point, LineString or Polygon."),
        "null": _("A geometry is required: a GeoJSON Point, LineString or Polygon."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("precision", 6)
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        try:
            return geometry_from_geojson(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc


def _lazy_format(text, **params):
    """text % params, translated when used (not at import time)."""
    return lazy(lambda: str(text) % params, str)()


def _choice_field(choices, name: str, **kwargs):
    known = ", ".join(choices.values)
    return serializers.ChoiceField(
        choices=choices.choices,
        error_messages={
            "invalid_choice": _lazy_format(
                _('"{input}" is not a known %(name)s; use one of %(known)s.'),
                name=name,
                known=known,
            ),
            "required": _lazy_format(
                _("Choose a %(name)s: one of %(known)s."), name=name, known=known
            ),
        },
        **kwargs,
    )


class ProposalPropertiesSerializer(serializers.Serializer):
    """Properties a client sends. Anything else (author, status, counts...) is ignored."""

    kind = _choice_field(Kind, "kind")
    category = _choice_field(Category, "category")
    title = serializers.CharField(
        max_length=200,
        error_messages={
            "blank": _("The title may not be empty."),
            "required": _("A title is required."),
        },
    )
    description = serializers.CharField(
        max_length=10_000, required=False, allow_blank=True, default=""
    )
    scope = _choice_field(
        Scope,
        "scope",
        required=False,
        help_text=_(
            "drawn (default): the geometry is the place; district: the whole district named by "
            "`district` (geometry not needed); city: the whole city (geometry not needed)"
        ),
    )
    district = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text=_("the district feature id, for the district scope"),
        error_messages={"invalid": _("The district must be given by its number.")},
    )


class ProposalFeatureInputSerializer(serializers.Serializer):
    """A GeoJSON Feature: {"type": "Feature", "geometry": {...}, "properties": {...}}."""

    type = serializers.ChoiceField(
        choices=["Feature"],
        error_messages={
            "invalid_choice": _(
                'The body must be a GeoJSON Feature: {{"type": "Feature", "geometry": ..., '
                '"properties": ...}}, not "{input}".'
            ),
            "required": _('The body must be a GeoJSON Feature with "type": "Feature".'),
        },
    )
    # Required for the drawn scope (the service says so); a wide claim needs none.
    geometry = GeoJSONGeometryField(required=False, allow_null=True)
    properties = ProposalPropertiesSerializer()

    def validated_fields(self) -> dict:
        """The model fields to write: geom plus the given properties."""
        data = dict(self.validated_data.get("properties", {}))
        if "district" in data:
            data["district_id"] = data.pop("district")
        if self.validated_data.get("geometry") is not None:
            data["geom"] = self.validated_data["geometry"]
        return data


# --- Output (built in SQL; described here for the OpenAPI schema) ---------------------


class ProposalPropertiesOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    category = serializers.ChoiceField(choices=Category.choices)
    title = serializers.CharField()
    author_name = serializers.CharField(
        help_text=_('"a resident" when the author hides their name')
    )
    support_count = serializers.IntegerField()
    comment_count = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    status = serializers.CharField()
    district_name = serializers.CharField(
        help_text=_("the district it lies in (largest share); empty when none")
    )
    scope = serializers.ChoiceField(
        choices=Scope.choices, help_text=_("drawn, or a claim about a whole district or the city")
    )
    compatibility = serializers.ChoiceField(
        choices=["compatible", "conditional", "incompatible", "unknown"],
        help_text=_("whether zoning allows its category where it lies"),
    )


class ProposalDetailPropertiesOutputSerializer(ProposalPropertiesOutputSerializer):
    description = serializers.CharField()
    is_mine = serializers.BooleanField()
    supported_by_me = serializers.BooleanField()
    can_edit = serializers.BooleanField()
    hidden_reason = serializers.CharField(required=False, help_text=_("moderators only"))


class ProposalFeatureOutputSerializer(serializers.Serializer):
    type = serializers.CharField(default="Feature")
    id = serializers.IntegerField()
    geometry = GeoJSONGeometryField()
    properties = ProposalPropertiesOutputSerializer()


class ProposalDetailOutputSerializer(ProposalFeatureOutputSerializer):
    properties = ProposalDetailPropertiesOutputSerializer()


class ProposalFeatureCollectionSerializer(serializers.Serializer):
    type = serializers.CharField(default="FeatureCollection")
    features = ProposalFeatureOutputSerializer(many=True)


class HideSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=2_000,
        error_messages={
            "blank": _("Say why the proposal is hidden."),
            "required": _("Say why the proposal is hidden."),
        },
    )


class SupportCountSerializer(serializers.Serializer):
    support_count = serializers.IntegerField(read_only=True)
    supported_by_me = serializers.BooleanField(read_only=True)


class CommentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    author_name = serializers.CharField(read_only=True)
    body = serializers.CharField(
        max_length=5_000,
        error_messages={
            "blank": _("The comment may not be empty."),
            "required": _("Write a comment body."),
        },
    )
    created_at = serializers.DateTimeField(read_only=True, default_timezone=UTC)
    is_hidden = serializers.BooleanField(
        read_only=True, help_text="Hidden by a moderator: body and author_name are empty."
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if hasattr(instance, "shown_body"):  # read through selectors.comment_list
            data["body"] = instance.shown_body
        return data
