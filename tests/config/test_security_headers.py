"""Headers: the Content-Security-Policy on every page, its nonce on the import map, the tile
server in img-src; HSTS and the TLS redirect from the environment."""

import re

from config.csp import policy, tile_source


def test_every_page_has_a_policy_without_unsafe_inline_script(client, db):
    response = client.get("/")
    header = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", header).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    nonce = re.search(r"'nonce-([^']+)'", script_src).group(1)
    assert f'<script type="importmap" nonce="{nonce}">' in response.content.decode()
    assert "frame-ancestors 'none'" in header and "object-src 'none'" in header


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
            assert "src=" in tag or "nonce=" in tag, (template, tag)


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
