"""The site works under its Content-Security-Policy: each kind of page loads in Chromium
with no violation (the page fixture fails a test on any), and a violation is caught."""

import pytest
from django.urls import reverse

from tests.factories import ProposalFactory
from tests.negotiations.factories import round_create

PAGES = ["/", "/proposals/", "/clusters/", "/accounts/login/", "/accounts/signup/", "/api/docs/"]


@pytest.mark.e2e
def test_pages_load_without_a_policy_violation(page, live_server, login, mediator):
    proposal = ProposalFactory()
    negotiation_round = round_create(mediator=mediator)
    login(page, live_server, mediator)
    urls = [
        *PAGES,
        f"/proposals/{proposal.pk}/",
        reverse("frontend:review"),
        reverse("frontend:round-detail", args=[negotiation_round.pk]),
        "/admin/",
    ]
    for url in urls:
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert page.csp_violations == [], url
    assert page.js_errors == []


@pytest.mark.e2e
def test_a_violation_is_recorded(page, live_server):
    page.goto(live_server.url + "/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert any("script-src" in v for v in page.csp_violations), page.csp_violations
    assert page.evaluate("() => window.injected") is None
    page.csp_violations.clear()  # seen: the fixture would fail the test otherwise
