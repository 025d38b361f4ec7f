"""Headers: the Content-Security-Policy on every page, the import map allowed by its hash, the
tile server in img-src; HSTS and the TLS redirect from the environment."""

import json
import re

from config.csp import import_map, policy, script_hash, static_prefix, tile_source


def test_every_page_has_a_policy_without_unsafe_inline_script(client, db):
    response = client.get("/")
    header = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", header).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "'nonce-" not in script_src  # the same header for everybody: pages can be shared
    import_map = re.search(r'<script type="importmap">(.*?)</script>', response.content.decode())
    assert json.loads(import_map.group(1)) == {"imports": {"stadtmacher/": "/static/frontend/"}}
    assert script_hash(import_map.group(1)) in script_src.split()
    assert "frame-ancestors 'none'" in header and "object-src 'none'" in header


def test_the_import_map_under_a_sub_path_is_allowed_by_its_own_hash():
    assert static_prefix("static/", None) == "/static/"
    assert static_prefix("static/", "/beteiligung") == "/beteiligung/static/"
    assert (
        static_prefix("https://cdn.example.org/s/", "/beteiligung") == "https://cdn.example.org/s/"
    )
    here, there = (
        policy(tile_url="", static_url=prefix)["DIRECTIVES"]["script-src"]
        for prefix in ("/static/", "/beteiligung/static/")
    )
    assert script_hash(import_map("/beteiligung/static/")) in there
    assert script_hash(import_map("/beteiligung/static/")) not in here


def test_an_import_map_the_policy_does_not_allow_is_reported(caplog, settings):
    from frontend.context_processors import _import_map

    with caplog.at_level("ERROR"):
        _import_map("/elsewhere/static/")
    assert "FORCE_SCRIPT_NAME" in caplog.text


def test_the_tile_server_may_serve_images():
    assert tile_source("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png") == [
        "https://*.tile.openstreetmap.org"
    ]
    assert tile_source("") == []
    img_src = policy(tile_url="https://tiles.example.org/{z}/{x}/{y}.png")["DIRECTIVES"]["img-src"]
    assert "https://tiles.example.org" in img_src


def test_no_template_has_an_inline_handler_or_script():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for template in [*root.glob("templates/**/*.html"), *root.glob("*/templates/**/*.html")]:
        text = template.read_text()
        assert not re.search(r"\son[a-z]+=", text), template
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in tag or tag == '<script type="importmap">', (template, tag)


def test_no_template_has_a_comment_over_several_lines():
    """`{# … #}` ends at its line: one that goes on to the next is not a comment, and the
    page shows its text (in <head>, at the top of the page)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for template in [*root.glob("templates/**/*.html"), *root.glob("*/templates/**/*.html")]:
        for number, line in enumerate(template.read_text().splitlines(), 1):
            opened, closed = line.count("{#"), line.count("#}")
            assert opened == closed, f"{template}:{number}: use {{% comment %}} for several lines"


def test_hsts_and_the_tls_redirect_come_from_the_environment(monkeypatch):
    import importlib

    import config.settings.base as base

    monkeypatch.setenv("SECURE_SSL_REDIRECT", "1")
    monkeypatch.setenv("SECURE_HSTS_SECONDS", "3600")
    monkeypatch.setenv("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.SECURE_SSL_REDIRECT is True
        assert reloaded.SECURE_HSTS_SECONDS == 3600
        assert reloaded.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    finally:
        monkeypatch.undo()
        importlib.reload(base)


def test_hsts_header_is_sent_over_https(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/accounts/login/").status_code == 301
    response = client.get("/accounts/login/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=3600"
