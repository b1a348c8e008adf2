"""Any theme: under MkDocs' own `mkdocs` and `readthedocs` themes, which bundle no icons and
none of Material's CSS, maps, cross-links and the index render (icons from the installed
mkdocs-material package), the plugin's stylesheet and script load, and the stylesheet gives
every Material variable it uses a fallback (Material's light-palette value).
How it looks in a browser is measured in tests/browser/test_themes.py."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from conftest import REPO, build_site
from journey_html import icon_svg
from mkdocs_journeys.render.icons import IconLibrary, material_icons_dir
from sample_pages import journey_data, journey_page, supporting_pages

STYLESHEET = REPO / "plugin" / "mkdocs_journeys" / "render" / "assets" / "journeys.css"
OTHER_THEMES = ["mkdocs", "readthedocs"]
INDEX_PAGE = "# Opportunities\n\n<!-- journey:opportunities -->\n"


def theme_dir(name: str) -> str:
    spec = importlib.util.find_spec("mkdocs.themes." + name)
    assert spec is not None and spec.submodule_search_locations
    return list(spec.submodule_search_locations)[0]


def journey_page_stage(index: int) -> dict:
    return journey_data()["stages"][index]


def wiki() -> dict[str, str]:
    return {**supporting_pages(), "journeys/camping.md": journey_page(), "opportunities.md": INDEX_PAGE}


@pytest.fixture(scope="module", params=OTHER_THEMES)
def built(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"theme-{request.param}")
    return request.param, build_site(root, wiki(), strict=True, config={"theme": {"name": request.param}})


def test_other_themes_build_strict_without_warnings(built):
    theme, site = built
    assert not site.aborted, f"{theme}: {site.warnings}"
    assert site.warnings == []


def test_other_themes_draw_the_map_with_materials_icons(built):
    theme, site = built
    html = site.soup("journeys/camping.md")
    assert html.select_one(".journeys-problems") is None, f"{theme}: the map was replaced by the problem panel"
    table = html.select_one(".journey-map__table")
    assert table is not None, f"{theme}: no map"
    stages = [th.get_text(" ", strip=True) for th in table.select(".journey-map__stage-name")]
    assert stages and "Research" in stages[0] and "Arrival" in stages[1]
    # The stage icon and the touchpoint's channel icon are Material's, defined once on the
    # map and drawn by the stylesheet before the stage's and the touchpoint's names.
    material = Path(material_icons_dir()) / "material"
    for element, name in ((table.select_one(".journey-map__stage-name"), "compass-outline"),
                          (table.select_one(".journeys-touchpoint"), "share-variant")):
        drawn = icon_svg(element)
        assert drawn is not None, f"{theme}: icon {name} missing"
        shipped = re.search(r' d="([^"]+)"', (material / f"{name}.svg").read_text(encoding="utf-8")).group(1)
        assert f' d="{shipped}"' in drawn, f"{theme}: icon {name} is not Material's"


def test_other_themes_show_cross_links_and_the_index(built):
    theme, site = built
    persona = site.soup("personas/urban-camper.md")
    assert persona.select_one(".journeys-persona") is not None, theme
    assert [a.get_text(strip=True) for a in persona.select(".journeys-persona a[href='../../journeys/camping/']")]
    department = site.soup("departments/operations.md")
    assert "Put up signs at both turn-offs" in department.select_one(".journeys-department").get_text(" ")
    index = site.soup("opportunities.md")
    rows = index.select(".journeys-index [id='signage'], .journeys-index #signage")
    assert rows, f"{theme}: the index has no row for the opportunity"
    assert (site.site_dir / "opportunities" / "opportunities.json").is_file()


def test_other_themes_load_the_plugins_stylesheet_and_script(built):
    theme, site = built
    html = site.soup("journeys/camping.md")
    styles = [link["href"] for link in html.select("link[rel=stylesheet]")]
    scripts = [script["src"] for script in html.select("script[src]")]
    assert any(href.endswith("assets/journeys/journeys.css") for href in styles), f"{theme}: {styles}"
    assert any(src.endswith("assets/journeys/journeys.js") for src in scripts), f"{theme}: {scripts}"
    assert (site.site_dir / "assets" / "journeys" / "journeys.css").read_text(encoding="utf-8") == \
        STYLESHEET.read_text(encoding="utf-8")


def test_a_custom_dir_icon_overrides_materials_and_adds_sets(site):
    compass = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M1 1h8v8H1z" id="mine"/></svg>'
    pages = {**supporting_pages(),
             "journeys/camping.md": journey_page(stages=[
                 {**journey_page_stage(0), "icon": "material/compass-outline"},
                 {**journey_page_stage(1), "icon": "camping/tent"}])}
    built = site(pages, strict=True, config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
                 files={"overrides/.icons/material/compass-outline.svg": compass,
                        "overrides/.icons/camping/tent.svg": compass.replace("mine", "tent")})
    assert built.warnings == []
    html = built.soup("journeys/camping.md")
    stages = html.select(".journey-map__stage-name")
    assert 'id="mine"' in icon_svg(stages[0])  # the custom_dir's material/compass-outline
    assert 'id="tent"' in icon_svg(stages[1])  # a set Material does not have


def test_an_unknown_icon_is_still_reported_under_another_theme(site):
    pages = {**supporting_pages(),
             "journeys/camping.md": journey_page(stages=[{**journey_page_stage(0), "icon": "material/no-such-icon"},
                                                         journey_page_stage(1)])}
    built = site(pages, config={"theme": {"name": "readthedocs"}})
    messages = built.warnings_about("material/no-such-icon")
    assert len(messages) == 1 and "journeys/camping.md" in messages[0], built.warnings


def test_the_icon_library_searches_the_theme_then_material():
    library = IconLibrary([theme_dir("mkdocs")])
    assert material_icons_dir() is not None
    assert library.svg("material/web") is not None
    assert library.svg("fontawesome/solid/tent") is not None
    assert library.svg("material/no-such-icon") is None
    # Under Material itself, its folder is searched once, not twice.
    material = str(Path(material_icons_dir()).parent)
    assert IconLibrary([material])._roots == [material_icons_dir()]

# -- the stylesheet ------------------------------------------------------------------------

MATERIAL_VAR_RE = re.compile(r"var\(\s*(--md-[\w-]+)\s*(,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)")


def material_defaults() -> dict[str, str]:
    """Material's own values of its variables (the first definition: the light palette's),
    from the stylesheet of the installed package."""
    folder = Path(material_icons_dir()).parent / "assets" / "stylesheets"
    css = "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("main.*.min.css")))
    values: dict[str, str] = {}
    for name, value in re.findall(r"(--md-[\w-]+):([^;}]+)", css):
        values.setdefault(name, value.strip())
    return values


def resolve(value: str, values: dict[str, str]) -> str:
    for _ in range(5):
        match = re.fullmatch(r"var\((--md-[\w-]+)\)", value)
        if match is None:
            break
        value = values.get(match.group(1), value)
    return value


def test_every_material_variable_in_the_stylesheet_has_a_fallback():
    css = STYLESHEET.read_text(encoding="utf-8")
    uses = MATERIAL_VAR_RE.findall(css)
    assert uses, "the stylesheet uses no Material variable: the test reads the wrong file"
    assert len(uses) == css.count("var(--md-"), "a var(--md-...) the pattern does not read"
    without = sorted({name for name, fallback, _ in uses if not fallback})
    assert without == [], f"var(--md-...) without a fallback value in {STYLESHEET.name}: {without}"


def test_the_fallbacks_are_materials_light_palette_values():
    defaults = material_defaults()
    css = STYLESHEET.read_text(encoding="utf-8")
    wrong = []
    for name, _, fallback in MATERIAL_VAR_RE.findall(css):
        if name in defaults:  # a variable Material does not define keeps a fallback of our choosing
            expected = resolve(defaults[name], defaults)
            if fallback.strip().lower() != expected.lower():
                wrong.append(f"{name}: fallback {fallback.strip()!r}, Material's {expected!r}")
    assert wrong == []


def test_rules_apply_outside_materials_typeset_content():
    """Scoped to `.md-typeset` alone, no rule would apply under another theme (the selector
    `:is(.md-typeset, body)` weighs the same, so Material's own rules still lose)."""
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.S)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]
    only_material = [s for s in selectors if re.match(r"\.md-typeset\b", s)]
    assert only_material == []
