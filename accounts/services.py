"""Writes to accounts: sign-up with e-mail confirmation, profile, e-mail change.

The sign-up answers every address the same way; only the e-mail sent to that address says
whether it already has an account, so the page reveals nothing about who is registered.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from .mail import account_mail_send
from .models import User
from .tokens import signup_confirm_token

EMAIL_CHANGE_SALT = "accounts.email-change"


def _link(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


def _uid(user: User) -> str:
    return urlsafe_base64_encode(force_bytes(user.pk))


def _send_address_taken(email: str) -> None:
    """Tell the owner of an address that someone tried to use it for a new account."""
    account_mail_send(
        kind="address_taken",
        to=email,
        context={"reset_url": _link("accounts:password-reset"), "login_url": _link("login")},
    )


def _abandoned_signup(email: str) -> User | None:
    """An account that was never confirmed nor used, holding this address."""
    return User.objects.filter(
        email__iexact=email, is_active=False, email_verified=False, last_login__isnull=True
    ).first()


@transaction.atomic
def signup_register(
    *, username: str, email: str, password: str, show_name_publicly: bool, language: str = ""
) -> User | None:
    """Create an account, inactive until the link sent to `email` is followed. If the
    address already has an account, nothing is created and the e-mail says so; an
    unconfirmed sign-up holding the address gives way to the new one (its owner never
    proved the address). Returns the new user, or None."""
    abandoned = _abandoned_signup(email)
    if abandoned is not None:
        abandoned.delete()
    user = User(
        username=username,
        email=email,
        show_name_publicly=show_name_publicly,
        language=language,
        is_active=False,
    )
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        if not User.objects.filter(email__iexact=email).exists():
            raise  # not the address: the username was taken in the meantime
        _send_address_taken(email)
        return None
    account_mail_send(
        kind="signup_confirm",
        to=email,
        context={
            "user": user,
            "confirm_url": _link(
                "accounts:signup-confirm",
                uidb64=_uid(user),
                token=signup_confirm_token.make_token(user),
            ),
        },
    )
    return user


def _user_from_uid(uidb64: str) -> User | None:
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    return User.objects.filter(pk=pk, deleted_at__isnull=True).first()


@transaction.atomic
def signup_confirm(*, uidb64: str, token: str) -> User:
    """Follow the sign-up link: the account becomes active, its address confirmed."""
    user = _user_from_uid(uidb64)
    if user is None or not signup_confirm_token.check_token(user, token):
        raise ValidationError(
            _(
                "This confirmation link is not valid: it was used already, has expired or "
                "was not written out in full. Sign in if you confirmed already, or sign up "
                "again."
            )
        )
    user.is_active = True
    user.email_verified = True
    user.save(update_fields=["is_active", "email_verified"])
    return user


@transaction.atomic
def profile_update(
    *, user: User, first_name: str, last_name: str, show_name_publicly: bool, language: str
) -> User:
    """The name, whether it is shown (on every pin, past and future: public outputs read it
    when they are built) and the language of the pages and e-mails."""
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.show_name_publicly = show_name_publicly
    user.language = language
    user.save(update_fields=["first_name", "last_name", "show_name_publicly", "language"])
    return user


def language_set(*, user: User, language: str) -> None:
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language


def email_change_request(*, user: User, new_email: str) -> None:
    """Send a confirmation link to new_email; the address changes when it is followed. An
    address that belongs to another account gets a message saying so instead."""
    if new_email.lower() == user.email.lower():
        return
    if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
        _send_address_taken(new_email)
        return
    token = signing.dumps(
        {"user": user.pk, "email": new_email, "from": user.email}, salt=EMAIL_CHANGE_SALT
    )
    account_mail_send(
        kind="email_change",
        to=new_email,
        context={"user": user, "confirm_url": _link("accounts:email-confirm", token=token)},
    )


@transaction.atomic
def email_change_confirm(*, token: str) -> User:
    """Follow the e-mail change link. Refused when forged, expired, used already (the
    address it changes from is no longer the account's), or the address was taken since."""
    refused = ValidationError(
        _(
            "This link is not valid: it was used already, has expired or was not written "
            "out in full. Change the address on your profile again for a new link."
        )
    )
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=settings.PASSWORD_RESET_TIMEOUT)
    except signing.BadSignature as exc:
        raise refused from exc
    user = User.objects.select_for_update().filter(pk=data["user"], deleted_at__isnull=True).first()
    if user is None or user.email != data["from"]:
        raise refused
    user.email = data["email"]
    user.email_verified = True
    try:
        with transaction.atomic():
            user.save(update_fields=["email", "email_verified"])
    except IntegrityError as exc:
        raise ValidationError(_("Another account uses this e-mail address now.")) from exc
    # The old address's password-reset links stop working with the change (Django's reset
    # token signs the e-mail address).
    return user
