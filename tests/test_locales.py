"""Map and page labels in every bundled language, chosen by theme.language, each overridable."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

from conftest import build_site
from journey_html import lane_rows, map_table, text_of, visible_text
from mkdocs_journeys.render.labels import Labels
from sample_pages import journey_page, supporting_pages

LOCALES = resources.files("mkdocs_journeys.render").joinpath("locales")
# The languages the README lists, with a theme.language code Material uses for each.
LANGUAGES = {"en": "en", "zh": "zh", "zh-Hant": "zh-Hant", "ms": "ms", "id": "id", "ja": "ja", "de": "de",
             "fr": "fr", "es": "es"}
JOURNEY = "journeys/camping.md"
CJK_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def locale(name: str) -> dict:
    return yaml.safe_load(LOCALES.joinpath(f"{name}.yml").read_text(encoding="utf-8"))


ENGLISH = locale("en")


def test_every_listed_language_has_a_locale_file_and_no_other():
    assert set(Labels.available()) == set(LANGUAGES)


@pytest.mark.parametrize("name", sorted(LANGUAGES))
def test_each_locale_has_exactly_the_english_keys_as_texts(name):
    labels = locale(name)
    assert set(labels) == set(ENGLISH), set(labels) ^ set(ENGLISH)
    for key, value in labels.items():
        assert isinstance(value, str) and value.strip(), (key, value)  # no YAML booleans or nulls


@pytest.mark.parametrize("name", sorted(set(LANGUAGES) - {"en"}))
def test_each_locale_translates_the_lanes_and_headings(name):
    labels = locale(name)
    translated = [key for key in ENGLISH if key.startswith(("lane.", "status.", "index.", "problems."))
                  and labels[key] != ENGLISH[key]]
    # Lane names such as "KPI" or "Status" may read the same; most must not.
    assert len(translated) >= 25, translated


@pytest.mark.parametrize("code, name", [("zh-TW", "zh-Hant"), ("zh_HK", "zh-Hant"), ("zh-Hans", "zh"),
                                        ("ja-JP", "ja"), ("de-CH", "de"), ("fr-CA", "fr"), ("es-MX", "es"),
                                        ("id", "id"), ("pt-BR", "en")])
def test_regional_codes_choose_their_language(code, name):
    assert Labels(code)("lane.actions") == locale(name)["lane.actions"]


def lane_labels(built) -> list[str]:
    return [visible_text(row.find("th", attrs={"scope": "row"})) for _, row in lane_rows(map_table(built.content(JOURNEY)))]


@pytest.mark.parametrize("name", ["zh-Hant", "id", "ja", "de", "fr", "es"])
def test_theme_language_chooses_the_labels_of_a_built_site(tmp_path, name):
    pages = {JOURNEY: journey_page(), **supporting_pages()}
    built = build_site(tmp_path, pages, strict=True,
                       config={"theme": {"name": "material", "language": LANGUAGES[name]}})
    assert not built.aborted, built.warnings
    labels = locale(name)
    lanes = lane_labels(built)
    assert lanes and all(label in labels.values() for label in lanes), lanes
    content = built.content(JOURNEY)
    assert labels["journey_map"] in text_of(content.select_one("caption"))
    # what the completion share counts, said to screen readers once, in the row's header
    completion = content.select_one("tr.journey-map__lane--completion th")
    assert labels["completion.of_customers"] in text_of(completion.select_one(".journeys-sr-only"))
    assert labels["status.do"] in text_of(content)  # the opportunity's PDCA status
    index = built.content("opportunities/index.md")
    assert labels["index.intro"] in text_of(index)
    if name in ("zh-Hant", "ja"):
        assert all(CJK_RE.search(label) for label in lanes), lanes


def test_any_label_can_be_overridden_in_any_language(tmp_path):
    pages = {JOURNEY: journey_page(), **supporting_pages()}
    overrides = {"lane.actions": "Was die Kundin tut", "index.title": "Maßnahmen"}
    built = build_site(tmp_path, pages, strict=True, config={"theme": {"name": "material", "language": "de"}},
                       plugin_config={"today": "2026-11-22", "labels": overrides})
    assert not built.aborted, built.warnings
    lanes = lane_labels(built)
    assert lanes[0] == "Was die Kundin tut"
    assert locale("de")["lane.thoughts"] in lanes  # the others stay German
    assert "Maßnahmen" in text_of(built.soup("opportunities/index.md").select_one("title"))
