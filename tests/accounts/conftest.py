import re

import pytest
from django.test import Client


@pytest.fixture
def client():
    """Django's test client asking for the English UI (assertions read English text)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def sent(django_capture_on_commit_callbacks, mailoutbox):
    """sent(callable) runs it with the after-commit callbacks executed (account e-mails go
    out after the commit, through the eager Celery task) and returns the new messages."""

    def run(action):
        before = len(mailoutbox)
        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        run.result = result
        return mailoutbox[before:]

    return run


def link_in(message) -> str:
    """The path of the first link to this site in an e-mail's body."""
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)
