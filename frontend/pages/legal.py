"""The imprint (/imprint/) and the privacy notice (/privacy/), linked in every footer.

The operator writes their text in the admin (frontend.LegalText), or overrides the
templates legal/imprint.html and legal/privacy.html. The privacy page adds how long the
tool keeps what (the retention, also in docs/privacy.md), which the code decides."""

from django.conf import settings
from django.shortcuts import render
from django.urls import path
from django.utils.translation import get_language

from ..models import LegalPage, LegalText
from .shared import shared_when_anonymous


def legal_text(page: str) -> LegalText | None:
    """The operator's text of `page`, in the reader's language if there is one."""
    texts = {text.language: text for text in LegalText.objects.filter(page=page)}
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return texts.get(language) or next(iter(texts.values()), None)


@shared_when_anonymous
def imprint_page(request):
    context = {"text": legal_text(LegalPage.IMPRINT)}
    return render(request, "legal/imprint.html", context)


@shared_when_anonymous
def privacy_page(request):
    context = {"text": legal_text(LegalPage.PRIVACY)}
    return render(request, "legal/privacy.html", context)


urlpatterns = [
    path("imprint/", imprint_page, name="imprint"),
    path("privacy/", privacy_page, name="privacy"),
]
