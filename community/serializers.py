from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .models import ALT_TEXT_MAX, REASON_MAX, Delivery


class PhotoSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    comment = serializers.IntegerField(source="comment_id", read_only=True, allow_null=True)
    alt_text = serializers.CharField(read_only=True)
    width = serializers.IntegerField(read_only=True)
    height = serializers.IntegerField(read_only=True)
    status = serializers.CharField(read_only=True)
    image = serializers.SerializerMethodField(help_text="The photo (JPEG, without metadata).")
    thumbnail = serializers.SerializerMethodField(help_text="A small version (JPEG).")

    def get_image(self, photo) -> str:
        return reverse("api:photo-image", args=[photo.pk, "display"])

    def get_thumbnail(self, photo) -> str:
        return reverse("api:photo-image", args=[photo.pk, "thumbnail"])


class PhotoUploadSerializer(serializers.Serializer):
    image = serializers.FileField(
        help_text="A JPEG, PNG or WebP image (checked by decoding it; the name does not count).",
        error_messages={"required": _("Choose a photo."), "empty": _("The file is empty.")},
        allow_empty_file=True,  # the service says why an empty file is refused
    )
    alt_text = serializers.CharField(
        max_length=ALT_TEXT_MAX,
        help_text="What the photo shows, for people who cannot see it.",
        error_messages={
            "required": _("Describe the photo in a few words for people who cannot see it."),
            "blank": _("Describe the photo in a few words for people who cannot see it."),
        },
    )
    comment = serializers.IntegerField(
        required=False, allow_null=True, help_text="A comment of yours on this pin."
    )


class HidePhotoSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=REASON_MAX)


class ReportInputSerializer(serializers.Serializer):
    target = serializers.ChoiceField(choices=["proposal", "comment", "photo"])
    id = serializers.IntegerField(help_text="The id of the pin, comment or photo.")
    reason = serializers.CharField(
        max_length=REASON_MAX,
        error_messages={"blank": _("Say what is wrong, so a moderator can judge it.")},
    )


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    target = serializers.CharField(source="target_kind", read_only=True)
    proposal = serializers.IntegerField(source="proposal_id", read_only=True)
    comment = serializers.IntegerField(source="comment_id", read_only=True, allow_null=True)
    photo = serializers.IntegerField(source="photo_id", read_only=True, allow_null=True)
    reason = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class ReportDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["hide", "dismiss"])
    reason = serializers.CharField(max_length=REASON_MAX, required=False, allow_blank=True)


class DecidedSerializer(serializers.Serializer):
    decided = serializers.IntegerField(help_text="How many open reports on it were decided.")


class FollowSerializer(serializers.Serializer):
    following = serializers.BooleanField(read_only=True)


class NoticeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.CharField(read_only=True)
    text = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    read = serializers.BooleanField(read_only=True)


class PreferenceSerializer(serializers.Serializer):
    delivery = serializers.ChoiceField(choices=Delivery.choices)
