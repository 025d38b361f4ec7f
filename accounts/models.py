from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person using Stadtmacher. Roles are groups: planner, mediator, moderator.

    One account per e-mail address, compared case-insensitively (a database constraint).
    A deleted account keeps its row, emptied of everything personal (`deleted_at` set), so
    that comments and round records that must stay can point at a "deleted user"
    (accounts/privacy.py)."""

    show_name_publicly = models.BooleanField(
        _("show my name publicly"),
        default=True,
        help_text=_(
            "If off, others see “a resident” instead of your name, on all your pins, "
            "past and future."
        ),
    )
    email_verified = models.BooleanField(_("e-mail address confirmed"), default=False)
    language = models.CharField(_("language"), max_length=8, blank=True, choices=settings.LANGUAGES)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="user_email_unique_ci",
                violation_error_message=_("An account with this e-mail address exists."),
            ),
        ]

    @property
    def public_name(self) -> str:
        """Full name (or username), "a resident", or "deleted user";
        accounts.selectors.public_name is the same rule for querysets (tests/accounts keeps
        the two in step)."""
        if self.deleted_at is not None:
            return str(_("deleted user"))
        if not self.show_name_publicly:
            return str(_("a resident"))
        return self.get_full_name() or self.username

    @property
    def own_name(self) -> str:
        """How the header names the signed-in person to themself: never the pseudonym."""
        return self.get_full_name() or self.username
