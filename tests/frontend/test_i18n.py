"""German is the default language and complete; English is one switch away."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"
# The scripts' text (gettext("…") in frontend/static), served by Django's JavaScriptCatalog.
JS_CATALOGUE = CATALOGUE.with_name("djangojs.po")
SCRIPTS = Path(settings.BASE_DIR) / "frontend" / "static" / "frontend"
# gettext("literal") and ngettext("literal", "literal", n) in our modules.
JS_GETTEXT = re.compile(r'\bn?gettext\(\s*"((?:[^"\\]|\\.)*)"')
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdrf]|%%|%s|%d|\{\w*\}")


def _unquote(line: str) -> str:
    text = line[line.index('"') + 1 : line.rindex('"')]
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), text)


def _new_entry() -> dict:
    return {"msgid": "", "msgid_plural": None, "msgstr": [], "flags": set()}


def _start_field(entry: dict, line: str) -> str:
    """Begin the field a `msgctxt`, `msgid`, `msgid_plural` or `msgstr[n]` line opens and
    add its first string; return the field's keyword."""
    field = line.split()[0]
    if field.startswith("msgstr"):
        entry["msgstr"].append("")
    elif field != "msgctxt":
        entry[field] = ""
    _continue_field(entry, field, line)
    return field


def _continue_field(entry: dict, field: str, line: str) -> None:
    """Add the quoted string of `line` to the open field (msgctxt is read and dropped)."""
    if field.startswith("msgstr"):
        entry["msgstr"][-1] += _unquote(line)
    elif field != "msgctxt":
        entry[field] += _unquote(line)


def read_catalogue(path: Path) -> list[dict]:
    """A tiny .po reader: one dict per live entry with msgid, msgid_plural, the msgstr
    forms (a list) and its flags. Obsolete entries (#~) and the header are left out."""
    entries, entry, field = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:  # a blank line closes the entry
            if entry and entry.get("msgid"):
                entries.append(entry)
            entry, field = None, None
            continue
        if line.startswith("#~"):
            continue
        entry = entry or _new_entry()
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith(("msgctxt", "msgid", "msgstr")):
            field = _start_field(entry, line)
        elif line.startswith('"'):
            _continue_field(entry, field, line)
    return entries


@pytest.mark.parametrize(("catalogue", "at_least"), [(CATALOGUE, 500), (JS_CATALOGUE, 50)])
def test_the_german_catalogue_has_no_untranslated_or_fuzzy_entries(catalogue, at_least):
    entries = read_catalogue(catalogue)
    assert len(entries) > at_least  # the parser read the catalogue, not an empty file
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_german_plurals_have_both_forms():
    plurals = [e for e in read_catalogue(CATALOGUE) if e["msgid_plural"]]
    assert plurals
    assert [e["msgid"] for e in plurals if len(e["msgstr"]) != 2] == []


@pytest.mark.parametrize("catalogue", [CATALOGUE, JS_CATALOGUE])
def test_german_translations_keep_every_placeholder(catalogue):
    mismatched = []
    for entry in read_catalogue(catalogue):
        sources = [entry["msgid"]] + ([entry["msgid_plural"]] if entry["msgid_plural"] else [])
        for index, translation in enumerate(entry["msgstr"]):
            source = sources[min(index, len(sources) - 1)]
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                mismatched.append(entry["msgid"])
    assert mismatched == []


def test_every_script_string_is_in_the_javascript_catalogue():
    """Fails when a module asks for text that makemessages -d djangojs has not collected."""
    asked = {
        re.sub(r"\\(.)", r"\1", match)
        for path in SCRIPTS.rglob("*.js")
        for match in JS_GETTEXT.findall(path.read_text(encoding="utf-8"))
    }
    assert len(asked) > 50  # the pattern found the calls
    assert asked - {e["msgid"] for e in read_catalogue(JS_CATALOGUE)} == set()


def test_the_reader_notices_an_empty_translation(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
        'msgid "Done"\nmsgstr "Fertig"\n\n'
        "#, fuzzy\n"
        'msgid "Sign in"\nmsgstr "Anmelden"\n\n'
        'msgid "%(n)s pin"\nmsgid_plural "%(n)s pins"\nmsgstr[0] "%(n)s Pin"\nmsgstr[1] ""\n\n'
        '#~ msgid "Gone"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    entries = {e["msgid"]: e for e in read_catalogue(po)}
    assert set(entries) == {"Done", "Sign in", "%(n)s pin"}
    assert entries["Done"]["msgstr"] == ["Fertig"]
    assert "fuzzy" in entries["Sign in"]["flags"]
    assert entries["%(n)s pin"]["msgstr"] == ["%(n)s Pin", ""]


# --- pages and API in both languages -------------------------------------------------------


def signed_in(user, **headers) -> Client:
    client = Client(headers=headers)
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_pages_speak_german_by_default(planner, mediator):
    home = Client().get("/").content.decode()
    assert '<html lang="de">' in home
    assert "Vorschläge für" in home

    planner_page = signed_in(planner).get(reverse("frontend:planner")).content.decode()
    assert "Ebene importieren" in planner_page
    assert "Import a layer" not in planner_page

    review = signed_in(mediator).get(reverse("frontend:review")).content.decode()
    assert "Prüfliste: umstrittene Cluster" in review

    clusters = signed_in(planner).get(reverse("frontend:clusters")).content.decode()
    assert "Nur umstrittene" in clusters


@pytest.mark.django_db
def test_accept_language_en_switches_the_pages_to_english(planner, mediator):
    planner_page = signed_in(planner, accept_language="en").get(reverse("frontend:planner"))
    html = planner_page.content.decode()
    assert '<html lang="en">' in html
    assert "Import a layer" in html
    assert "Ebene importieren" not in html

    review = signed_in(mediator, accept_language="en").get(reverse("frontend:review"))
    assert "Review queue: contested clusters" in review.content.decode()


@pytest.mark.django_db
def test_the_language_cookie_switches_to_english_and_back(planner):
    client = signed_in(planner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Import a layer" in client.get(reverse("frontend:planner")).content.decode()

    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    assert "Ebene importieren" in client.get(reverse("frontend:planner")).content.decode()


@pytest.mark.django_db
def test_strings_for_scripts_are_german_by_default(planner):
    client = signed_in(planner)
    html = client.get(reverse("frontend:planner")).content.decode()
    catalogue_url = reverse("javascript-catalog")
    # The catalogue (a classic script) runs before the page's modules ask it for text.
    assert html.index(f'src="{catalogue_url}"') < html.index('type="module"')
    assert "Datei wird gelesen" in client.get(catalogue_url).content.decode()
    english = signed_in(planner, accept_language="en").get(catalogue_url).content.decode()
    assert "Datei wird gelesen" not in english


@pytest.mark.django_db
def test_api_errors_follow_the_language(api):
    url = reverse("api:proposal-list")
    german = api.get(url, {"bbox": "1,2,3"}).json()
    english = api.get(url, {"bbox": "1,2,3"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert "bbox braucht 4 Zahlen" in str(german)
    assert "bbox needs 4 numbers" in str(english)
