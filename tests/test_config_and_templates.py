"""Plugin options, label languages, template overrides and what a build leaves alone."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

from conftest import build_site
from journey_html import (
    lane_names,
    lane_rows,
    map_table,
    resolve_href,
    text_of,
    tree_digest,
    visible_text,
)
from sample_pages import journey_data, journey_page, other_journey_page, supporting_pages

JOURNEY = "journeys/camping.md"
TODAY = "2026-11-22"
ENGLISH_LANES = {
    "actions": "Actions", "touchpoints": "Touchpoints", "thoughts": "Thoughts", "emotion": "Emotion",
    "pain_points": "Pain points", "moments": "Moments", "backstage": "Backstage", "owner": "Owner",
    "completion": "Completion", "opportunities": "Opportunities",
}
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def site_pages(**journey_overrides) -> dict[str, str]:
    return {JOURNEY: journey_page(**journey_overrides), **supporting_pages()}


def lane_labels(table) -> dict[str, str]:
    return {lane: visible_text(row.find("th", attrs={"scope": "row"})) for lane, row in lane_rows(table)}


def locale_labels(language: str) -> dict[str, str]:
    text = resources.files("mkdocs_journeys.render").joinpath("locales", f"{language}.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {lane: data[f"lane.{lane}"] for lane in ENGLISH_LANES}


# -- lanes -----------------------------------------------------------------------------------


def test_lanes_option_shows_exactly_those_lanes_in_that_order(site):
    order = ["opportunities", "emotion", "actions", "moments"]
    built = site(site_pages(), strict=True, plugin_config={"today": TODAY, "lanes": order})
    assert not built.aborted, built.warnings
    assert lane_names(map_table(built.content(JOURNEY))) == order


def test_lanes_option_still_leaves_out_lanes_without_data(site):
    data = journey_data()
    for stage in data["stages"]:
        for step in stage["steps"]:
            step.pop("thoughts", None)
    built = site(site_pages(stages=data["stages"]), strict=True,
                 plugin_config={"today": TODAY, "lanes": ["thoughts", "completion", "actions"]})
    assert not built.aborted, built.warnings
    assert lane_names(map_table(built.content(JOURNEY))) == ["completion", "actions"]


def test_an_unknown_lane_name_makes_the_config_fail(site):
    built = site(site_pages(), plugin_config={"today": TODAY, "lanes": ["actions", "swimming"]})
    assert built.aborted
    assert any("swimming" in warning for warning in built.warnings), built.warnings
    assert not built.output_path(JOURNEY).exists()


# -- labels and languages --------------------------------------------------------------------


def test_labels_default_to_english(site):
    built = site(site_pages())
    assert lane_labels(map_table(built.content(JOURNEY))) == ENGLISH_LANES


@pytest.mark.parametrize("language", ["zh", "ms"])
def test_labels_follow_the_theme_language(site, language):
    built = site(site_pages(), config={"theme": {"name": "material", "language": language}})
    labels = lane_labels(map_table(built.content(JOURNEY)))
    assert set(labels) == set(ENGLISH_LANES)
    for lane, label in labels.items():
        assert label != ENGLISH_LANES[lane], lane
    assert labels == locale_labels(language)
    if language == "zh":
        assert all(CJK_RE.search(label) for label in labels.values()), labels


def test_a_language_without_labels_falls_back_to_english(site):
    built = site(site_pages(), config={"theme": {"name": "material", "language": "fi"}})
    assert not built.aborted
    assert lane_labels(map_table(built.content(JOURNEY))) == ENGLISH_LANES


def test_journey_language_overrides_the_site_language_for_its_map_only(site):
    pages = {
        JOURNEY: journey_page(language="zh"),
        "journeys/english.md": other_journey_page("English trip", "english-signs"),
        **supporting_pages(),
    }
    built = site(pages, strict=True)
    assert not built.aborted, built.warnings
    assert lane_labels(map_table(built.content(JOURNEY))) == locale_labels("zh")
    english = lane_labels(map_table(built.content("journeys/english.md")))
    assert english == {lane: ENGLISH_LANES[lane] for lane in english}


def test_language_option_overrides_the_theme_language(site):
    built = site(site_pages(), plugin_config={"today": TODAY, "language": "ms"})
    assert lane_labels(map_table(built.content(JOURNEY))) == locale_labels("ms")


def test_labels_option_overrides_one_label(site):
    built = site(site_pages(), plugin_config={"today": TODAY, "labels": {"lane.actions": "Customer does"}})
    labels = lane_labels(map_table(built.content(JOURNEY)))
    assert labels["actions"] == "Customer does"
    assert labels["thoughts"] == "Thoughts"


# -- template overrides from the theme's custom_dir -------------------------------------------

MATERIAL_WITH_OVERRIDES = {"theme": {"name": "material", "custom_dir": "overrides"}}


def test_a_lane_template_in_custom_dir_replaces_the_packages(site):
    override = (
        '<tr class="my-thoughts"><th scope="row">Thoughts, overridden</th>'
        '{% for stage, step in view.columns %}<td class="my-thought">{{ step.name }}: '
        '{{ step.thoughts | join(" / ") }}</td>{% endfor %}</tr>\n'
    )
    built = site(site_pages(), config=MATERIAL_WITH_OVERRIDES,
                 files={"overrides/journeys/lanes/thoughts.html": override})
    assert not built.aborted, built.warnings
    table = map_table(built.content(JOURNEY))
    rows = [row for _, row in lane_rows(table)]
    mine = [row for row in rows if "my-thoughts" in row.get("class", [])]
    assert len(mine) == 1
    assert text_of(mine[0].th) == "Thoughts, overridden"
    cells = [text_of(td) for td in mine[0].select("td.my-thought")]
    assert cells == ["Read online guides: Are these photos real?", "Find the site:"]
    # The other lanes still come from the package, in their place.
    names = lane_names(table)
    assert names.index("touchpoints") + 1 == names.index(None) and names.index(None) + 1 == names.index("emotion")


def test_the_map_template_in_custom_dir_replaces_the_packages(site):
    override = '<div class="my-map">My own map of {{ journey.title }} with {{ journey.stages | length }} stages</div>\n'
    built = site(site_pages(), config=MATERIAL_WITH_OVERRIDES, files={"overrides/journeys/map.html": override})
    assert not built.aborted, built.warnings
    content = built.content(JOURNEY)
    assert map_table(content) is None
    mine = content.select_one("div.my-map")
    assert mine is not None
    assert text_of(mine) == "My own map of Weekend camping trip with 2 stages"


def test_without_overrides_custom_dir_changes_nothing(site):
    built = site(site_pages(), config=MATERIAL_WITH_OVERRIDES, files={"overrides/main.html": '{% extends "base.html" %}\n'})
    assert lane_labels(map_table(built.content(JOURNEY)))["thoughts"] == "Thoughts"


# -- URLs and the docs folder ----------------------------------------------------------------


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "plain-urls"])
def test_every_link_the_plugin_writes_resolves(site, directory_urls):
    pages = {
        **site_pages(personas=["urban-camper", "no-page-persona"]),
        "journeys/second.md": other_journey_page("Second trip", "second-signs"),
    }
    built = site(pages, config={"use_directory_urls": directory_urls})
    assert not built.aborted
    checked = 0
    for src in (JOURNEY, "journeys/second.md", "personas/urban-camper.md", "departments/operations.md"):
        assert built.output_path(src).is_file(), src
        for block in built.content(src).select(".journeys"):
            for anchor in block.find_all("a", href=True):
                href = anchor["href"]
                assert not href.lower().startswith("javascript:")
                target = resolve_href(built, src, href.split("#")[0])
                if target is None:
                    continue
                assert target.is_file(), (src, href, target)
                if not directory_urls:
                    assert href.split("#")[0].endswith(".html") or href.startswith("#"), href
                checked += 1
    assert checked >= 6


def test_a_build_writes_nothing_into_the_docs_folder(site):
    pages = {
        **site_pages(personas=["urban-camper", "generated-persona"], owner="generated-department"),
        "journeys/broken.md": journey_page(title="Broken", type="nonsense"),
    }
    built = site(pages)
    assert not built.aborted
    expected = {path: text for path, text in pages.items()}
    digest = tree_digest(built.docs_dir)
    assert sorted(digest) == sorted(expected)
    for path, text in expected.items():
        assert (built.docs_dir / path).read_text(encoding="utf-8") == text, path


def test_docs_tree_hash_is_unchanged_by_a_second_build(tmp_path):
    pages = site_pages(personas=["urban-camper", "generated-persona"])
    build_site(tmp_path, pages)
    before = tree_digest(tmp_path / "docs")
    build_site(tmp_path, {})
    assert tree_digest(tmp_path / "docs") == before


# -- other options -----------------------------------------------------------------------------


def test_enabled_false_leaves_pages_as_plain_markdown(site):
    built = site(site_pages(type="nonsense"), plugin_config={"enabled": False})
    assert not built.aborted
    content = built.content(JOURNEY)
    assert map_table(content) is None
    assert content.select_one("div.journeys-problems") is None
    assert "Narrative." in content.get_text()


def test_an_invalid_today_option_fails_the_build(site):
    built = site(site_pages(), plugin_config={"today": "next tuesday"})
    assert built.aborted


def _opportunity_text(built) -> str:
    row = dict(lane_rows(map_table(built.content(JOURNEY))))["opportunities"]
    return text_of(row)


def test_an_open_opportunity_past_its_due_date_is_marked_overdue(tmp_path):
    # The sample opportunity is due 2026-12-15 with status `do`.
    before = build_site(tmp_path / "before", site_pages(), plugin_config={"today": "2026-12-15"})
    after = build_site(tmp_path / "after", site_pages(), plugin_config={"today": "2026-12-16"})
    assert "overdue" not in _opportunity_text(before).lower()
    assert "overdue" in _opportunity_text(after).lower()
    data = journey_data()
    data["opportunities"][0]["status"] = "done"
    done = build_site(tmp_path / "done", site_pages(opportunities=data["opportunities"]),
                      plugin_config={"today": "2026-12-16"})
    assert "overdue" not in _opportunity_text(done).lower()


def test_a_review_older_than_stale_after_days_is_flagged(tmp_path):
    # reviewed: 2026-09-01; 2026-11-22 is 82 days later.
    fresh = build_site(tmp_path / "fresh", site_pages(), plugin_config={"today": TODAY, "stale_after_days": 90})
    stale = build_site(tmp_path / "stale", site_pages(), plugin_config={"today": TODAY, "stale_after_days": 60})
    fresh_text = text_of(fresh.content(JOURNEY).select_one("section.journey-summary"))
    stale_text = text_of(stale.content(JOURNEY).select_one("section.journey-summary"))
    assert fresh_text != stale_text
    extra = stale_text.replace("2026-09-01", "")
    assert "review" in extra.lower().replace("reviewed", "")
