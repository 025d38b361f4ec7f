"""Browser fixtures shared by every end-to-end test (Playwright sync API + Debian chromium).

Use them like this::

    @pytest.mark.e2e
    def test_something(page, live_server, resident, login):
        login(page, live_server, resident)
        page.goto(live_server.url + "/")

`page` is a fresh browser context per test (English UI, desktop viewport). Uncaught
JavaScript errors and any dialog (alert/confirm) are recorded on `page.js_errors` and
`page.dialogs` so tests can assert that none happened. Every test runs under the site's
Content-Security-Policy: a violation (the browser's `securitypolicyviolation` event, or its
"Content Security Policy" console error) is recorded on `page.csp_violations`, and the
fixture fails the test if any is left at its end.
"""

import os
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

# Playwright's sync API runs an event loop in this thread; Django would refuse DB access.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


_BROWSER = []  # the one running browser of this session


@pytest.fixture(scope="session")
def browser():
    # Test modules outside tests/e2e import this fixture, which makes a second session
    # fixture; Playwright's sync API allows one running instance, so they share it.
    if _BROWSER:
        yield _BROWSER[0]
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _BROWSER.append(browser)
        yield browser
        _BROWSER.clear()
        browser.close()


def _new_page(browser, **context_options):
    context_options.setdefault("viewport", DESKTOP)
    context_options.setdefault("locale", "en-US")
    context = browser.new_context(**context_options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.js_errors = []
    page.dialogs = []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    _record_csp_violations(context, page)
    return page


def _record_csp_violations(context, page):
    page.csp_violations = []
    context.expose_binding("__cspViolation", lambda _source, text: page.csp_violations.append(text))
    context.add_init_script(
        'document.addEventListener("securitypolicyviolation", (e) => window.__cspViolation('
        "`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"
    )

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            page.csp_violations.append(message.text)

    page.on("console", on_console)


def _close(page):
    violations = list(page.csp_violations)
    page.context.close()
    _wait_for_the_live_server()
    assert violations == [], f"Content-Security-Policy violations: {violations}"


def _wait_for_the_live_server(seconds: float = 10) -> None:
    """Let requests the closed page left running in the live server finish: the test's
    database flush (TRUNCATE) and a request still inside its transaction deadlock."""
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                """SELECT count(*) FROM pg_stat_activity
                   WHERE datname = current_database() AND pid <> pg_backend_pid()
                     AND state IN ('active', 'idle in transaction')"""
            )
            if not cursor.fetchone()[0]:
                return
            time.sleep(0.05)


@pytest.fixture
def page(browser, transactional_db):
    page = _new_page(browser)
    yield page
    _close(page)


@pytest.fixture
def phone_page(browser, transactional_db):
    page = _new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    yield page
    _close(page)


def _login(page, live_server, user):
    """Sign `user` in for this page's browser context through a real session cookie."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


@pytest.fixture
def login():
    """login(page, live_server, user): sign a user in without going through the form."""
    return _login


@pytest.fixture
def artifacts():
    """A git-ignored directory for screenshots and traces."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
