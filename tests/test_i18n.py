"""The sample wiki in two languages with mkdocs-static-i18n: English (the default) and
Chinese. Two journeys are translated (tests/sites/i18n/: an English camping trip, whose
Chinese original is the sample's, and a Chinese hotel stay), with the camping personas
and one department; every other page falls back to English as i18n's
`fallback_to_default` says. Each language gets its own maps, cross-links, persona and
department pages, index and exports, with its labels; ids are the same in both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, Built, build_site
from mkdocs_journeys.render.labels import Labels

SAMPLE = REPO / "journeys"
TRANSLATIONS = Path(__file__).resolve().parent / "sites" / "i18n"
# The sample's Chinese pages that tests/sites/i18n/ translates into English.
CHINESE_ORIGINALS = ("journeys/camping-trip.md", "personas/urban-camper.md", "personas/camper-child.md")
EN, ZH = Labels("en"), Labels("zh")


def bilingual_pages(layout: str) -> dict[str, str]:
    """The docs folder's pages in i18n's `suffix` or `folder` layout."""
    english = {p.relative_to(SAMPLE).as_posix(): p.read_text(encoding="utf-8")
               for pattern in ("*.md", "*.svg") for p in SAMPLE.rglob(pattern)}  # pages and their pictures
    chinese = {path: english.pop(path) for path in CHINESE_ORIGINALS}
    for file in TRANSLATIONS.rglob("*.md"):
        path = file.relative_to(TRANSLATIONS).as_posix()
        if path.endswith(".zh.md"):
            chinese[path.removesuffix(".zh.md") + ".md"] = file.read_text(encoding="utf-8")
        else:
            english[path] = file.read_text(encoding="utf-8")
    if layout == "suffix":
        return {**english, **{path.removesuffix(".md") + ".zh.md": text for path, text in chinese.items()}}
    return {**{f"en/{path}": text for path, text in english.items()},
            **{f"zh/{path}": text for path, text in chinese.items()}}


def build_bilingual(root: Path, layout: str, journeys_first: bool, strict: bool = True, **i18n: Any) -> Built:
    i18n_plugin = {"i18n": {"docs_structure": layout, **i18n, "languages": [
        {"locale": "en", "default": True, "name": "English"}, {"locale": "zh", "name": "中文"}]}}
    journeys = {"journeys": {"today": "2026-11-22"}}
    plugins = ["search", journeys, i18n_plugin] if journeys_first else ["search", i18n_plugin, journeys]
    built = build_site(root, bilingual_pages(layout), strict=strict, config={
        "theme": {"name": "material", "language": "en"},
        "plugins": plugins,
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables", {"toc": {"permalink": True}}],
    })
    assert not built.aborted, built.warnings
    return built


@pytest.fixture(scope="module", params=[("suffix", True), ("folder", False)], ids=["suffix", "folder"])
def bilingual(request, tmp_path_factory) -> Built:
    """Built --strict: suffix layout with journeys listed before i18n, folder layout after."""
    layout, journeys_first = request.param
    return build_bilingual(tmp_path_factory.mktemp(layout), layout, journeys_first)


def published(built: Built, language: str, url_path: str) -> Path:
    folder = built.site_dir if language == "en" else built.site_dir / language
    return folder / url_path / "index.html"


def content(built: Built, language: str, url_path: str):
    from bs4 import BeautifulSoup

    html = published(built, language, url_path).read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert article is not None
    return article


def resolves(built: Built, page: Path, href: str) -> Path:
    """The file a relative link of a page leads to."""
    target = (page.parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


def test_both_languages_build_strict_without_warnings(bilingual):
    assert bilingual.warnings == []


@pytest.mark.parametrize("language, step, labels", [("en", "Read online guides", EN), ("zh", "看线上攻略", ZH)])
def test_each_language_has_its_camping_map_with_its_labels(bilingual, language, step, labels):
    journey_map = content(bilingual, language, "journeys/camping-trip").select_one(".journey-map")
    text = journey_map.get_text(" ", strip=True)
    assert step in text
    assert labels("lane.actions") in text


@pytest.mark.parametrize("language, step", [("en", "Queue at the front desk"), ("zh", "在前台排队")])
def test_the_hotel_journey_is_translated_the_other_way(bilingual, language, step):
    assert step in content(bilingual, language, "journeys/hotel-checkout").select_one(".journey-map").get_text()


def test_an_untranslated_journey_falls_back_to_english_with_chinese_labels(bilingual):
    journey_map = content(bilingual, "zh", "journeys/car-test-drive").select_one(".journey-map")
    assert journey_map is not None
    assert ZH("lane.actions") in journey_map.get_text(" ", strip=True)


@pytest.mark.parametrize("language, name, quote", [
    ("en", "Li Wei", "put down their screens"), ("zh", "李伟", "放下屏幕")])
def test_persona_pages_are_the_translated_pages_and_link_within_their_language(bilingual, language, name, quote):
    page = published(bilingual, language, "personas/urban-camper")
    article = content(bilingual, language, "personas/urban-camper")
    assert name in article.get_text() and quote in article.get_text()
    journey_links = [a["href"] for a in article.select("a[href]") if "journeys/camping-trip/" in a["href"]]
    assert journey_links
    expected = published(bilingual, language, "journeys/camping-trip").resolve()
    assert {resolves(bilingual, page, href) for href in journey_links} == {expected}


@pytest.mark.parametrize("language, name", [("en", "Campsite operations (营地运营部)"), ("zh", "营地运营部")])
def test_department_pages_show_their_language_and_its_cross_links(bilingual, language, name):
    article = content(bilingual, language, "departments/campsite-operations")
    assert article.select_one("h1").get_text(strip=True).startswith(name)
    signage = "Clear campsite signs at both exits" if language == "en" else "在两个下路口设置醒目的营地指示牌"
    assert signage in article.get_text()


@pytest.mark.parametrize("language, labels, title", [
    ("en", EN, "Clear campsite signs at both exits"), ("zh", ZH, "在两个下路口设置醒目的营地指示牌")])
def test_each_language_has_its_index_and_exports(bilingual, language, labels, title):
    index = content(bilingual, language, "opportunities")
    assert index.select_one("h1").get_text(strip=True) == labels("index.title")
    assert index.select_one("#camping-signage") is not None and title in index.get_text()
    folder = bilingual.site_dir if language == "en" else bilingual.site_dir / language
    records = {r["id"]: r for r in json.loads((folder / "opportunities" / "opportunities.json").read_text("utf-8"))}
    assert records["camping-signage"]["title"] == title
    prefix = "" if language == "en" else "zh/"
    assert records["camping-signage"]["journey_url"] == f"{prefix}journeys/camping-trip/"
    for record in records.values():
        assert (bilingual.site_dir / record["journey_url"] / "index.html").is_file(), record["journey_url"]
    assert title in (folder / "opportunities" / "opportunities.csv").read_text("utf-8")


def test_ids_are_the_same_in_both_languages(bilingual):
    def ids(folder: Path) -> set[str]:
        return {r["id"] for r in json.loads((folder / "opportunities" / "opportunities.json").read_text("utf-8"))}

    assert ids(bilingual.site_dir) == ids(bilingual.site_dir / "zh")
    assert len(ids(bilingual.site_dir)) > 10


def test_without_fallback_a_language_has_only_its_pages_and_warnings_name_its_files(tmp_path):
    built = build_bilingual(tmp_path, "suffix", journeys_first=False, strict=False, fallback_to_default=False)
    assert published(built, "zh", "journeys/camping-trip").is_file()
    assert not published(built, "zh", "journeys/car-test-drive").exists()
    # The Chinese camping trip names personas whose pages exist only in English: generated.
    generated = content(built, "zh", "departments/marketing").get_text()
    assert "在两个下路口设置醒目的营地指示牌" not in generated  # owned by campsite operations
    assert any(w.startswith("journeys: journeys/camping-trip.zh.md:") for w in built.warnings), built.warnings
    assert not any("used twice" in w or ".en" in w for w in built.warnings)
