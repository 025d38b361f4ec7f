"""Reads of users."""

from django.db.models import Case, F, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.utils.translation import gettext


def public_name(user_field: str = "author"):
    """How the user behind `user_field` appears in public outputs, as an SQL expression:
    their full name (or username), "a resident" when they chose not to show it, or
    "deleted user" once the account is deleted.

    The rule of `User.public_name` for querysets: every public output that names an author
    annotates this instead of writing the rule again.
    """
    prefix = f"{user_field}__" if user_field else ""
    full_name = NullIf(
        Trim(Concat(F(f"{prefix}first_name"), Value(" "), F(f"{prefix}last_name"))), Value("")
    )
    return Case(
        When(**{f"{prefix}deleted_at__isnull": False}, then=Value(gettext("deleted user"))),
        When(**{f"{prefix}show_name_publicly": False}, then=Value(gettext("a resident"))),
        default=Coalesce(full_name, F(f"{prefix}username")),
    )
