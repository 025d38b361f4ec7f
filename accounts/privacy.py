"""The user's rights to their data (GDPR Art. 15, 17, 20): download it, delete the account.

Each app knows its own data, and accounts sits below them all, so the apps above plug in
here through three ordered registries (core.hooks.Registry), registering from their
AppConfig.ready() with an order and a reason:

    from accounts import privacy
    privacy.exporters.register(my_export, order=20, reason="...")

exporters   fn(*, user) -> {filename: content}
    The user's data held by that app, for "Download my data". Filenames are paths inside
    the zip, starting with the app's name ("proposals/pins.geojson"); a name given twice
    is an error. Content that is `bytes` is written as it is (a photo), `str` as UTF-8
    text as it is (GeoJSON built in the database), anything else as JSON
    (DjangoJSONEncoder: dates, decimals and UUIDs become strings). Only `user`'s own
    data: what others wrote stays out, even on the user's pins.

erasers     fn(*, user, keep_pins: bool) -> None
    Called inside the deletion's transaction, before the account row is emptied: remove
    or anonymise what that app holds of `user`. keep_pins is the user's choice: True keeps
    their pins without a name, False deletes those that can go (a pin a negotiation round
    holds stays, without a name). Rows that must stay for others (comments, a round's
    participants and positions) keep pointing at the emptied account, which every public
    output then names "deleted user" (User.public_name). An eraser that raises rolls
    the whole deletion back.

describers  fn(*, user, keep_pins: bool) -> list[str]
    Sentences telling the user, before they confirm, what the deletion will do to that
    app's data under that choice ("3 pins will be deleted."); shown for both choices.

The account row itself is not deleted: records other people rely on (round history,
which the database keeps append-only) refer to it. It is emptied instead: username
replaced by a random one, e-mail and names cleared, password unusable, roles, API
tokens and login-attempt records removed. No output shows a user id (docs/privacy.md).
"""

import io
import json
import secrets
import zipfile

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.hooks import Registry

from .models import User

exporters = Registry("accounts.privacy.exporters")
erasers = Registry("accounts.privacy.erasers")
describers = Registry("accounts.privacy.describers")


def account_export(*, user: User) -> dict:
    """What accounts holds of the user (the first file of every export)."""
    return {
        "accounts/account.json": {
            "username": user.username,
            "email": user.email,
            "email_verified": user.email_verified,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "show_name_publicly": user.show_name_publicly,
            "public_name": user.public_name,
            "language": user.language,
            "roles": sorted(user.groups.values_list("name", flat=True)),
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        }
    }


exporters.register(account_export, order=0, reason="the account itself comes first")


def _file_content(content) -> bytes:
    if isinstance(content, bytes):
        return content
    if isinstance(content, str):
        return content.encode()
    return json.dumps(content, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def export_files(*, user: User) -> dict[str, bytes]:
    """{filename: bytes} of everything the registered exporters hold of `user`."""
    files: dict[str, bytes] = {}
    for hook in exporters.registered():
        for name, content in hook.fn(user=user).items():
            if name in files:
                raise RuntimeError(f"two exporters write {name}")
            files[name] = _file_content(content)
    return files


def export_zip(*, user: User) -> bytes:
    """The zip of "Download my data", with a README naming what each file holds."""
    files = export_files(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(files))
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _readme(files: dict[str, bytes]) -> str:
    lines = [
        _("Your data on Stadtmacher, as of %(when)s.")
        % {"when": timezone.localtime().strftime("%Y-%m-%d %H:%M %Z")},
        _(
            "JSON files hold records; .geojson files hold geometries (RFC 7946, longitude "
            "before latitude, EPSG:4326) and open in QGIS or any web map."
        ),
        "",
        *sorted(files),
    ]
    return "\n".join(lines) + "\n"


def deletion_preview(*, user: User) -> dict[str, list[str]]:
    """{"keep": sentences, "delete": sentences}: what deleting the account does, per choice
    about the pins, from every registered describer."""
    return {
        choice: [
            sentence
            for hook in describers.registered()
            for sentence in hook.fn(user=user, keep_pins=keep_pins)
        ]
        for choice, keep_pins in (("keep", True), ("delete", False))
    }


@transaction.atomic
def account_delete(*, user: User, keep_pins: bool) -> None:
    """Delete the account of `user` (they asked; the view checked their password): every
    registered eraser runs, then the account row is emptied of everything personal."""
    user = User.objects.select_for_update().get(pk=user.pk, deleted_at__isnull=True)
    erasers.run(user=user, keep_pins=keep_pins)
    _empty_account(user)


def _empty_account(user: User) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from knox.models import AuthToken

    AuthToken.objects.filter(user=user).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=user.username).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.username = f"deleted-{secrets.token_hex(12)}"
    user.email = user.first_name = user.last_name = user.language = ""
    user.set_unusable_password()  # also ends every session: their hash no longer matches
    user.is_active = user.is_staff = user.is_superuser = False
    user.show_name_publicly = user.email_verified = False
    user.last_login = None
    user.deleted_at = timezone.now()
    user.save()
