"""API tokens for scripts: POST /api/auth/token/ with a username and password."""

from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.response import Response
from rest_framework.views import APIView

from .views import lockout_minutes, lockout_sentence


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = gettext_lazy("Signing in is paused.")


def _issue_token(user) -> str:
    from rest_framework.authtoken.models import Token

    return Token.objects.get_or_create(user=user)[0].key


class TokenCreateView(APIView):
    """The login lockout (django-axes) applies: authenticate() gets the request."""

    authentication_classes = []
    permission_classes = []
    serializer_class = AuthTokenSerializer

    @extend_schema(
        summary="Get an API token for scripts (username and password)",
        description="Send it as `Authorization: Token <token>`. After too many wrong "
        "passwords for one username from one address, signing in is paused (429).",
        request=AuthTokenSerializer,
        responses={
            200: inline_serializer("TokenResponse", {"token": serializers.CharField()}),
            429: OpenApiResponse(description="Too many wrong passwords: signing in is paused."),
        },
    )
    def post(self, request):
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        valid = serializer.is_valid()
        if getattr(request, "axes_locked_out", False):
            minutes = lockout_minutes(request)
            locked = LockedOut(detail=lockout_sentence(minutes))
            locked.wait = minutes * 60
            raise locked
        if not valid:
            raise exceptions.ValidationError(serializer.errors)
        user = serializer.validated_data["user"]
        # A token is a login: the lockout's count resets (AXES_RESET_ON_SUCCESS), last_login.
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        return Response({"token": _issue_token(user)})
