from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person using Stadtmacher. Roles are groups: planner, mediator, moderator."""

    show_name_publicly = models.BooleanField(
        _("show my name publicly"),
        default=True,
        help_text=_("If off, others see “a resident” instead of your name."),
    )

    @property
    def public_name(self) -> str:
        """Full name (or username), or "a resident"; accounts.selectors.public_name is the
        same rule for querysets (tests/accounts keeps the two in step)."""
        if not self.show_name_publicly:
            return str(_("a resident"))
        return self.get_full_name() or self.username
