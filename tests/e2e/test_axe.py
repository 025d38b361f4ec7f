"""axe-core (npm, node_modules/axe-core) on every page, for a visitor, a resident, a planner
and a mediator, in English and German: no violation of impact serious or critical.

The pages run under their strict Content-Security-Policy; axe's source goes in through
Playwright's page.evaluate (the DevTools protocol), which the policy does not govern, so
the fixture's check for violations of the policy stays on.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import User
from negotiations.models import Round
from proposals.models import Proposal
from spatial.models import Cluster

pytestmark = pytest.mark.e2e

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")
RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return {
    passes: result.passes.length,
    violations: result.violations
      .filter((v) => ["serious", "critical"].includes(v.impact))
      .map((v) => {
        const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
        return `${v.id} (${v.impact}): ${where}`;
      }),
  };
}"""


def pages_for(role: str) -> list[str]:
    """The paths to check for a person in `role`: every kind of page the site has, each with
    the role that sees the most of it (signed-in people get the drawing tools and forms,
    planners and mediators their own pages), so the sweep stays short."""
    pin = Proposal.objects.filter(status="active", scope="drawn").order_by("pk").first()
    if role == "visitor":
        cluster = Cluster.objects.current().order_by("pk").first()
        return [
            "/proposals/",
            f"/proposals/{pin.pk}/",
            "/clusters/",
            *([f"/clusters/{cluster.pk}/"] if cluster else []),
            "/zoning/",
            "/nowhere/",
            "/accounts/login/",
            "/accounts/signup/",
        ]
    if role == "resident":
        mine = Proposal.objects.filter(author__username="anna", status="active", scope="drawn")
        return ["/", f"/proposals/{mine.first().pk}/", "/planner/"]  # the last one is a 403
    if role == "planner":
        return ["/", "/planner/"]
    rounds = [f"/rounds/{pk}/" for pk in Round.objects.order_by("pk").values_list("pk", flat=True)]
    return ["/review/", *rounds]


ROLES = {"visitor": None, "resident": "anna", "planner": "paula", "mediator": "mehmet"}


@pytest.fixture
def demo(transactional_db):
    call_command("demo_city", limit=40, stdout=io.StringIO())


def violations_on(page, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    expect(page.locator("main")).to_be_attached()
    page.wait_for_timeout(150)  # the page's modules have built the map and its controls
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(RUN)
    assert result["passes"] > 10, f"axe did not run on {url}"  # it checked something
    return result["violations"]


AXE_SOURCE = AXE.read_text(encoding="utf-8") if AXE.exists() else ""


def test_the_sweep_finds_a_planted_violation(page, live_server):
    """The check itself: an input without a label on the map page is reported."""
    page.goto(live_server.url + "/")
    page.evaluate("() => document.querySelector('main').append(document.createElement('input'))")
    page.evaluate(AXE_SOURCE)
    assert any(v.startswith("label (critical)") for v in page.evaluate(RUN)["violations"])


def test_no_serious_axe_violation_on_any_page_for_any_role_in_either_language(
    browser, live_server, demo, login
):
    from .conftest import _close, _new_page

    found = {}
    for language, role in [(language, role) for language in ("en", "de") for role in ROLES]:
        username = ROLES[role]
        page = _new_page(browser, locale="de-DE" if language == "de" else "en-US")
        page.context.set_extra_http_headers({"Accept-Language": language})
        if username:
            login(page, live_server, User.objects.get(username=username))
        for path in pages_for(role):
            problems = violations_on(page, live_server.url + path)
            if problems:
                found[f"{language} {role} {path}"] = problems
        assert page.evaluate("document.documentElement.lang") == language
        _close(page)
    assert found == {}, "\n".join(f"{where}: {problems}" for where, problems in found.items())
