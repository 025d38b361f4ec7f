"""Texts the operator of the site writes: the imprint and the privacy notice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalPage(models.TextChoices):
    IMPRINT = "imprint", _("Imprint")
    PRIVACY = "privacy", _("Privacy")


class LegalText(models.Model):
    """The operator's text of one legal page in one language (edited in the admin).

    Plain text: blank lines separate paragraphs, web and e-mail addresses become links.
    Without a text in the reader's language the page shows another language's; without
    any, a notice that the operator has not written it yet."""

    page = models.CharField(_("page"), max_length=16, choices=LegalPage.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    body = models.TextField(
        _("text"),
        max_length=50_000,
        help_text=_("Plain text. Blank lines separate paragraphs; addresses become links."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("legal text")
        verbose_name_plural = _("legal texts")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="legal_text_once"),
            models.CheckConstraint(
                condition=models.Q(page__in=LegalPage.values), name="legal_page_known"
            ),
        ]

    def __str__(self):
        return f"{self.get_page_display()} ({self.language})"
