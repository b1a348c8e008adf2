"""Every text of the front matter is plain text: markup in it is escaped, never run."""

from __future__ import annotations

import pytest

from support.building import build_site, page
from journey_html import map_table, soup_of

from support.markup_pages import (
    DEPARTMENT, DEPARTMENT_PATH, IMG, JOURNEY, JOURNEY_PATH, PERSONA, PERSONA_PATH, SCRIPT, evil,
)

# Texts that the journey page itself must show (escaped, so they read back as the same text).
SHOWN_ON_JOURNEY = [
    "scenario", "goal", "expectation", "stage one", "stage two", "step one", "step two", "action", "thought",
    "touchpoint", "channel", "pain point", "aha moment", "micro moment", "backstage", "opportunity title",
    "persona name", "department name", "journey-wide opportunity",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    pages = {
        JOURNEY_PATH: page({"title": "A journey with markup in every text", "journey": JOURNEY}),
        PERSONA_PATH: page({"title": "Evil persona", "persona": PERSONA}),
        DEPARTMENT_PATH: page({"title": "Evil department", "department": DEPARTMENT}),
    }
    result = build_site(tmp_path_factory.mktemp("escaping"), pages)
    assert not result.aborted
    return result


def injected(tree) -> list[str]:
    """Elements or attributes that only unescaped payloads could have produced."""
    found = []
    for script in tree.find_all("script"):
        if "alert(1)" in script.get_text():
            found.append(str(script)[:120])
    for img in tree.find_all("img"):
        if img.get("src") == "x" or img.has_attr("onerror"):
            found.append(str(img)[:120])
    for tag in tree.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on") and "alert" in str(value):
                found.append(f"{tag.name} {name}={value}")
    return found


def test_the_journey_map_is_rendered(built):
    assert map_table(built.content(JOURNEY_PATH)) is not None


def test_no_payload_becomes_markup_in_the_journey_page(built):
    assert injected(built.content(JOURNEY_PATH)) == []


@pytest.mark.parametrize("label", SHOWN_ON_JOURNEY)
def test_each_text_is_shown_escaped_on_the_journey_page(built, label):
    text = built.content(JOURNEY_PATH).get_text()
    assert evil(label) in " ".join(text.split()), label


def test_no_payload_becomes_markup_anywhere_in_the_site(built):
    for html_file in sorted(built.site_dir.rglob("*.html")):
        assert injected(soup_of(html_file.read_text(encoding="utf-8"))) == [], html_file


def test_source_link_with_markup_is_escaped_in_its_href(built):
    content = built.content(JOURNEY_PATH)
    links = [a for a in content.find_all("a", href=True) if a["href"].startswith("https://example.org/")]
    assert len(links) == 1
    assert links[0]["href"] == f"https://example.org/?q={IMG}"


@pytest.mark.parametrize("path", [PERSONA_PATH, DEPARTMENT_PATH])
def test_persona_and_department_pages_have_no_payload_markup(built, path):
    assert injected(built.soup(path)) == []


def test_problem_panel_escapes_the_values_it_quotes(tmp_path):
    broken = page({
        "title": "Broken",
        "journey": {
            "type": SCRIPT,
            IMG: "an unknown key",
            "stages": [{"name": "Only", "steps": [{"name": "Step", "emotion": SCRIPT}]}],
        },
    })
    built = build_site(tmp_path, {"journeys/broken.md": broken})
    content = built.content("journeys/broken.md")
    panel = content.select_one("div.journeys-problems")
    assert panel is not None
    assert injected(content) == []
    assert SCRIPT in panel.get_text()
    assert IMG in panel.get_text()


def test_title_is_escaped_everywhere_on_the_page(tmp_path):
    title = evil("title")
    journey = {"stages": [{"name": "Only", "steps": [{"name": "Step", "actions": "Acts"}]}]}
    built = build_site(tmp_path, {"journeys/titled.md": page({"title": title, "journey": journey})})
    soup = built.soup("journeys/titled.md")
    assert injected(soup) == []
    content = built.content("journeys/titled.md")
    assert title in " ".join(content.select_one("h1").get_text().split())
