import pytest
from django.urls import reverse

from accounts import roles
from negotiations import selectors, services
from negotiations.models import Option, Position, Round, State
from tests.factories import UserFactory

from .factories import cluster_create, round_create


@pytest.fixture
def round_(mediator):
    return round_create(mediator=mediator, title="Depot yard")


def _author(negotiation_round):
    return negotiation_round.participants.filter(role="author").first().user


def _close_data(negotiation_round, **extra):
    data = {
        "version": negotiation_round.version,
        "summary": "Yard becomes a park",
        "chosen_option": "",
    }
    for pk in selectors.round_claim_ids(negotiation_round):
        data[f"result_{pk}"] = "modified"
        data[f"note_{pk}"] = ""
    return {**data, **extra}


def test_review_queue_lists_contested_clusters_by_score(client, mediator):
    low = cluster_create(score=1.0)
    high = cluster_create(score=9.0)
    cluster_create(score=20.0, contested=False)
    client.force_login(mediator)
    response = client.get(reverse("frontend:review"))
    assert response.status_code == 200
    assert [c.pk for c in response.context["clusters"]] == [high.pk, low.pk]
    config = response.context["config"]["clusters"][str(high.pk)]
    assert len(config["claims"]["features"]) == 2
    assert config["overlaps"]["type"] in ("Polygon", "MultiPolygon")


def test_residents_cannot_see_the_review_queue(client, resident):
    client.force_login(resident)
    assert client.get(reverse("frontend:review")).status_code == 403


def test_mediator_opens_a_round_from_the_review_queue(client, mediator):
    cluster = cluster_create()
    client.force_login(mediator)
    response = client.post(reverse("frontend:round-open", args=[cluster.pk]), {"title": "Yard"})
    negotiation_round = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("frontend:round-detail", args=[negotiation_round.pk])
    assert negotiation_round.title == "Yard" and negotiation_round.state == State.OPEN


def test_participant_sees_the_round_and_posts_a_position(client, mediator, round_):
    option = services.option_add(negotiation_round=round_, user=mediator, title="Park")
    author = _author(round_)
    client.force_login(author)
    page = client.get(reverse("frontend:round-detail", args=[round_.pk]))
    assert page.status_code == 200 and b"Park" in page.content
    assert page.context["matrix"] is None  # the consent matrix is for mediators
    url = reverse("frontend:round-position", args=[round_.pk, option.pk])
    client.post(url, {f"o{option.pk}-stance": "object", f"o{option.pk}-reason": ""})
    assert not Position.objects.exists()
    client.post(url, {f"o{option.pk}-stance": "object", f"o{option.pk}-reason": "Too dark"})
    assert Position.objects.get().reason == "Too dark"


def test_participant_adds_option_with_drawn_geometry(client, round_):
    client.force_login(_author(round_))
    geometry = '{"type":"Point","coordinates":[12.3752,51.3452]}'
    response = client.post(
        reverse("frontend:round-option-add", args=[round_.pk]),
        {"title": "Kiosk", "description": "", "geometry": geometry},
    )
    assert response.status_code == 302
    assert Option.objects.get().geom.coords == (12.3752, 51.3452)


def test_option_with_bad_geometry_is_refused_with_a_message(client, round_):
    client.force_login(_author(round_))
    response = client.post(
        reverse("frontend:round-option-add", args=[round_.pk]),
        {"title": "Far", "geometry": '{"type":"Point","coordinates":[0,0]}'},
    )
    assert response.status_code == 400
    assert response.context["option_form"].non_field_errors()
    assert not Option.objects.exists()


def test_outsider_gets_404_for_an_open_round(client, other_resident, round_):
    client.force_login(other_resident)
    assert client.get(reverse("frontend:round-detail", args=[round_.pk])).status_code == 404


def test_mediator_closes_with_outcome_and_report_is_public(client, mediator, round_):
    client.force_login(mediator)
    page = client.get(reverse("frontend:round-detail", args=[round_.pk]))
    assert page.context["matrix"] is not None and page.context["close_form"] is not None
    response = client.post(reverse("frontend:round-close", args=[round_.pk]), _close_data(round_))
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.state == State.CLOSED
    client.logout()
    report = client.get(reverse("frontend:round-report", args=[round_.pk]))
    assert report.status_code == 200
    assert b"Yard becomes a park" in report.content and b"report.css" in report.content


def test_stale_close_form_keeps_the_input_and_says_why(client, mediator, round_):
    data = _close_data(round_)
    other = UserFactory(roles=[roles.MEDIATOR])
    services.round_update(negotiation_round=round_, mediator=other, title="Renamed meanwhile")
    client.force_login(mediator)
    response = client.post(reverse("frontend:round-close", args=[round_.pk]), data)
    assert response.status_code == 409
    assert "changed by someone else" in str(response.context["close_form"].non_field_errors())
    assert response.context["close_form"]["summary"].value() == "Yard becomes a park"
    round_.refresh_from_db()
    assert round_.state == State.OPEN


def test_report_of_an_open_round_is_404(client, mediator, round_):
    client.force_login(mediator)
    assert client.get(reverse("frontend:round-report", args=[round_.pk])).status_code == 404


def test_proposal_page_shows_in_negotiation_then_the_outcome(client, mediator, round_):
    proposal = round_.claims.first()
    url = reverse("frontend:proposal-detail", args=[proposal.pk])
    assert b"In negotiation" in client.get(url).content
    client.force_login(mediator)
    client.post(reverse("frontend:round-close", args=[round_.pk]), _close_data(round_))
    client.logout()
    content = client.get(url).content.decode()
    assert "Outcome" in content and "Modified" in content and "Yard becomes a park" in content


def test_report_does_not_show_the_title_of_a_since_hidden_proposal(client, mediator, round_):
    client.force_login(mediator)
    client.post(reverse("frontend:round-close", args=[round_.pk]), _close_data(round_))
    hidden = round_.claims.first()
    hidden.status, hidden.title = "hidden", "Offensive title"
    hidden.save()
    client.logout()
    report = client.get(reverse("frontend:round-report", args=[round_.pk])).content.decode()
    assert "Offensive title" not in report and "hidden by a moderator" in report
    outcome = client.get(reverse("api:round-outcome", args=[round_.pk])).json()
    assert "Offensive title" not in str(outcome)


def test_review_queue_maps_take_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    for score in range(6):
        cluster_create(score=score)
    with django_assert_max_num_queries(5):
        clusters = selectors.review_queue()
    assert len(clusters) == 6
    assert all(len(c.map_data["claims"]["features"]) == 2 for c in clusters)


def test_round_map_data_shapes_claims_zoning_and_options(db, mediator):
    from django.contrib.gis.geos import MultiPolygon, Polygon

    from layers.models import Feature, Layer
    from proposals.models import Status
    from tests.factories import CITY_CENTRE

    from .factories import claim_add, square

    x, y = CITY_CENTRE
    zoning = Layer.objects.create(
        name="Z", slug="z", kind="zoning", state="done", source_name="z.gpkg"
    )
    far_box = Polygon.from_bbox((x + 1, y, x + 1.01, y + 0.01))
    for box, code in ((Polygon.from_bbox((x - 0.01, y - 0.01, x + 0.01, y + 0.01)), "WA"),
                      (far_box, "GE")):  # fmt: skip
        Feature.objects.create(layer=zoning, geom=MultiPolygon(box, srid=4326), zone_code=code)
    round_ = round_create(mediator=mediator)
    hidden = round_.claims.order_by("id").first()
    hidden.status = Status.HIDDEN
    hidden.save()
    joined = claim_add(round_.cluster)
    Option.objects.create(round=round_, title="With area", geom=square(), created_by=mediator)
    Option.objects.create(round=round_, title="Words only", created_by=mediator)

    data = selectors.round_map_data(round_)
    claims = data["claims"]["features"]
    assert [c["id"] for c in claims] == sorted(c["id"] for c in claims)
    assert list(claims[0]["properties"]) == [
        "id", "title", "kind", "category", "status", "in_snapshot", "in_cluster",
    ]  # fmt: skip
    by_id = {c["id"]: c["properties"] for c in claims}
    assert by_id[hidden.pk]["title"] == "" and by_id[hidden.pk]["status"] == "hidden"
    assert (by_id[joined.pk]["in_snapshot"], by_id[joined.pk]["in_cluster"]) == (False, True)
    assert by_id[hidden.pk]["in_snapshot"] is True
    [zone] = data["zoning"]["features"]
    assert zone["properties"] == {"zone": "WA", "name": ""}
    assert zone["geometry"]["type"] == "Polygon"  # cut to the claims' widened envelope
    [option] = data["options"]["features"]
    assert option["properties"] == {"id": option["id"], "title": "With area", "version": 1}

    [queued] = [c for c in selectors.review_queue() if c.pk == round_.cluster_id]
    assert [f["properties"]["zone"] for f in queued.map_data["zoning"]["features"]] == ["WA"]
    queued_claims = queued.map_data["claims"]["features"]
    assert hidden.pk not in [c["id"] for c in queued_claims]  # active claims only
    assert list(queued_claims[0]["properties"]) == ["id", "title", "kind", "category"]
