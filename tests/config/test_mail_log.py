"""Without EMAIL_URL and with DEBUG off, e-mails are not printed to the log: only a count
and kind (config/mail.py)."""

import logging

from django.core import mail
from django.core.mail import EmailMessage


def test_the_production_default_logs_no_address_or_body(settings, caplog):
    settings.EMAIL_BACKEND = "config.mail.CountOnlyEmailBackend"
    with caplog.at_level(logging.DEBUG):
        sent = mail.send_mail("Secret subject", "Secret body", None, ["anna@example.org"])
        mail.get_connection().send_messages(
            [
                EmailMessage(
                    "S", "B", to=["bert@example.org"], headers={"X-Stadtmacher-Kind": "invitation"}
                )
            ]
        )
    assert sent == 1
    text = caplog.text
    assert "anna@example.org" not in text and "bert@example.org" not in text
    assert "Secret" not in text
    assert "1 e-mail(s) not sent" in text and "1 invitation" in text and "1 plain" in text


def test_the_default_backend_depends_on_debug(monkeypatch):
    import importlib

    import config.settings.base as base

    monkeypatch.setenv("DEBUG", "0")
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    monkeypatch.delenv("EMAIL_URL", raising=False)
    try:
        assert importlib.reload(base).EMAIL_BACKEND == "config.mail.CountOnlyEmailBackend"
    finally:
        monkeypatch.undo()
        importlib.reload(base)
