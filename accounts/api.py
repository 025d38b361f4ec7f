"""API tokens for scripts (django-rest-knox): expiring, revocable, stored only as a hash.

POST /api/auth/token/ with a username and password gives a token (shown once) that is sent
as `Authorization: Token <token>`; GET /api/auth/tokens/ lists one's tokens (by their first
characters) and DELETE /api/auth/tokens/<token_key>/ revokes one.
"""

from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.models import AuthToken
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .views import lockout_minutes, lockout_sentence


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = gettext_lazy("Signing in is paused.")


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)


class NewTokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Shown only now: the server keeps only its hash.")
    token_key = serializers.CharField(help_text="Its first characters, to name it later.")
    expiry = serializers.DateTimeField(allow_null=True)


class TokenSerializer(serializers.Serializer):
    token_key = serializers.CharField()
    created = serializers.DateTimeField()
    expiry = serializers.DateTimeField(allow_null=True)


class TokenCreateView(APIView):
    """The login lockout (django-axes) applies: authenticate() gets the request."""

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        summary="Get an API token for scripts (username and password)",
        description="Send it as `Authorization: Token <token>`. It expires (see `expiry`) "
        "and can be revoked. After too many wrong passwords for one username from one "
        "address, signing in is paused (429 with Retry-After).",
        request=CredentialsSerializer,
        responses={
            200: NewTokenSerializer,
            429: OpenApiResponse(description="Too many wrong passwords: signing in is paused."),
        },
    )
    def post(self, request):
        credentials = CredentialsSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request=request, **credentials.validated_data)
        if getattr(request, "axes_locked_out", False):
            minutes = lockout_minutes(request)
            locked = LockedOut(detail=lockout_sentence(minutes))
            locked.wait = minutes * 60
            raise locked
        if user is None:
            raise exceptions.ValidationError(
                {"detail": [_("The username or password is not right.")]}
            )
        # A token is a login: the lockout's count resets (AXES_RESET_ON_SUCCESS), last_login.
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        instance, token = AuthToken.objects.create(user=user)
        return Response(
            {"token": token, "token_key": instance.token_key, "expiry": instance.expiry}
        )


class TokenListView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(summary="Your API tokens", responses=TokenSerializer(many=True))
    def get(self, request):
        tokens = AuthToken.objects.filter(user=request.user).order_by("-created")
        return Response(TokenSerializer(tokens, many=True).data)


class TokenDetailView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(summary="Revoke one of your API tokens", responses={204: None})
    def delete(self, request, token_key):
        tokens = AuthToken.objects.filter(user=request.user)
        get_object_or_404(tokens, token_key=token_key).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
