"""Zensical: the sample wiki built by a real Zensical with `markdown_extensions:
[mkdocs_journeys.markdown]`, prepared as the README's "Zensical" section says (an index page
holding the marker, the exports and the plugin's assets written by the commands given there).
Its maps, cross-links and index are the HTML MkDocs' plugin makes of the same folder, every
link they hold leads to a page or file of the site, the folder is read once, and listing the
extension changes nothing in a MkDocs build."""

from __future__ import annotations

from urllib.parse import urljoin

import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from mkdocs_journeys.cli.project import page_url
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO, WarningCollector
from journey_html import icon_svg
from mkdocs_journeys.render.icons import material_icons_dir
from sample_pages import journey_page, supporting_pages
from support.sample_wiki import JOURNEYS

pytest.importorskip("zensical")

EXTENSION = "mkdocs_journeys.markdown"
ASSETS = REPO / "plugin" / "mkdocs_journeys" / "render" / "assets"
INDEX_PAGE = "---\ntitle: Opportunities\nhide: [navigation, toc]\n---\n\n<!-- journey:opportunities -->\n"
OVERVIEW_PAGE = "---\ntitle: Journey overview\nhide: [navigation, toc]\n---\n\n<!-- journey:overview -->\n"
# Where each page's journeys HTML is, and the pages compared between the generators.
FRAGMENTS = {
    **{src: "div.journeys.journey" for src in JOURNEYS},
    "personas/urban-camper.md": "div.journeys-persona",
    "personas/pelanggan-setia.md": "div.journeys-persona",
    "departments/campsite-operations.md": "div.journeys-department",
    "departments/marketing.md": "div.journeys-department",
    "opportunities/index.md": "div.journeys-index",
    "overview/index.md": "div.journeys-overview",
}


def sample_project(root: Path, extension: bool = True) -> Path:
    """The sample wiki copied into root (Zensical wants docs_dir inside the project), with
    what the README's Zensical section has the user add."""
    shutil.copytree(REPO / "journeys", root / "docs")
    (root / "docs" / "opportunities").mkdir()
    (root / "docs" / "opportunities" / "index.md").write_text(INDEX_PAGE, encoding="utf-8")
    (root / "docs" / "overview").mkdir()
    (root / "docs" / "overview" / "index.md").write_text(OVERVIEW_PAGE, encoding="utf-8")
    overrides = root / "overrides" / "assets" / "journeys"
    overrides.mkdir(parents=True)
    for asset in ASSETS.iterdir():
        shutil.copy(asset, overrides / asset.name)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir="docs", site_dir="site", strict=True,
                  extra_css=["assets/journeys/journeys.css", "assets/journeys/overview.css"], extra_javascript=["assets/journeys/journeys.js"])
    config["theme"]["custom_dir"] = "overrides"
    config["plugins"] = ["search", {"journeys": {"today": "2026-11-22"}}]
    if extension:
        config["markdown_extensions"].append({EXTENSION: {"strict": True}})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def mkdocs_build(root: Path) -> Path:
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "mkdocs-site"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    finally:
        logger.removeHandler(collector)
    assert collector.messages == []
    return root / "mkdocs-site"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = sample_project(tmp_path_factory.mktemp("zensical"))
    for kind in ("json", "csv"):  # the README's commands, before the build
        result = run([sys.executable, "-m", "mkdocs_journeys", "export", "--format", kind], root)
        assert result.returncode == 0, result.stderr
        (root / "docs" / "opportunities" / f"opportunities.{kind}").write_text(result.stdout, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def zensical_site(project) -> tuple[Path, int]:
    """Built by Zensical in a process of its own; returns the site and how often the
    extension read the docs folder."""
    driver = ("import os, sys, zensical\n"
              "from mkdocs_journeys.zensical.wiki import WIKIS\n"
              "zensical.build(os.path.abspath('mkdocs.yml'), {'clean': True, 'strict': True})\n"
              "print('readings:', WIKIS.readings)\n")
    result = run([sys.executable, "-c", driver], project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No issues found" in result.stdout + result.stderr, result.stdout + result.stderr
    readings = int(re.search(r"readings: (\d+)", result.stdout).group(1))
    return project / "site", readings


@pytest.fixture(scope="module")
def mkdocs_site(project) -> Path:
    return mkdocs_build(project)


def page_html(site: Path, src: str) -> BeautifulSoup:
    stem = src[: -len(".md")]
    path = site / (stem[: -len("index")] if stem.endswith("index") else stem + "/") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_zensical_reads_the_docs_folder_once(zensical_site):
    _, readings = zensical_site
    assert readings == 1


@pytest.mark.parametrize("src", sorted(FRAGMENTS))
def test_zensical_pages_show_what_mkdocs_shows(zensical_site, mkdocs_site, src):
    site, _ = zensical_site
    selector = FRAGMENTS[src]
    zensical, mkdocs = page_html(site, src).select_one(selector), page_html(mkdocs_site, src).select_one(selector)
    assert mkdocs is not None, f"{src}: MkDocs shows no {selector}"
    assert zensical is not None, f"{src}: Zensical shows no {selector}"
    assert zensical.select_one(".journeys-problems") is None
    # The icons are the theme's: Zensical's bundles its own (newer) copies of the same sets.
    # They are defined on the map's outermost element (style) and drawn by the stylesheet.
    drawn = [[icon_svg(e) for e in html.select(".journey-map__stage-name, .journeys-touchpoint")]
             for html in (zensical, mkdocs)]
    assert [icon is None for icon in drawn[0]] == [icon is None for icon in drawn[1]]
    assert all("<path" in icon for icon in drawn[0] if icon is not None)
    symbols = [sorted(symbol["id"] for symbol in html.select(".journeys-sprite symbol")) for html in (zensical, mkdocs)]
    assert symbols[0] == symbols[1]
    assert all(symbol.find("path") for symbol in zensical.select(".journeys-sprite symbol"))
    for html in (zensical, mkdocs):
        for sprite in html.select(".journeys-sprite"):
            sprite.decompose()
        for journey in [html, *html.select("div.journeys.journey")]:
            if "journey" in journey.get("class", []) and journey.has_attr("style"):
                del journey["style"]  # the icons' images, compared above
        # Zensical resolves the Markdown links of a page's HTML, but not an SVG's xlink:href:
        # the value x effort chart's points are compared as the list under it, which links
        # the same opportunities (README, Zensical: a known limit)
        for chart in html.select(".journeys-matrix__chart"):
            chart.decompose()
        for index in [html, *html.select("[data-journeys-data]")]:  # index-data.json is the MkDocs build's
            if index.has_attr("data-journeys-data"):
                del index["data-journeys-data"], index["data-page-size"]
        if src == "overview/index.md":  # overview.json is the MkDocs build's (README, Zensical)
            for exports in html.select(".journeys-exports"):
                exports.decompose()
        # The same target may be written two ways ("./#a" or "../page/#a" on that page)
        base = urljoin("http://site/", page_url(src))
        for link in html.select("a[href]"):
            link["href"] = urljoin(base, link["href"])
    assert re.sub(r"\n+", "\n", str(zensical)) == re.sub(r"\n+", "\n", str(mkdocs))


def test_every_link_zensical_shows_leads_somewhere(zensical_site):
    site, _ = zensical_site
    checked, broken = 0, []
    for src, selector in FRAGMENTS.items():
        page_file = site / (src[: -len("index.md")] if src.endswith("index.md") else src[: -len(".md")] + "/") / "index.html"
        for link in BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser").select(f"{selector} a[href]"):
            href = link["href"]
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                continue
            address, _, anchor = href.partition("#")
            target = (page_file.parent / unquote(address)).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{src}: {href}")
            elif anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
                broken.append(f"{src}: {href} (no such anchor)")
    assert checked > 100
    assert broken == []


def test_zensical_pages_load_the_stylesheet_and_script(zensical_site):
    site, _ = zensical_site
    html = page_html(site, "journeys/camping-trip.md")
    assert any(link["href"].endswith("assets/journeys/journeys.css") for link in html.select("link[rel=stylesheet]"))
    assert any(script["src"].endswith("assets/journeys/journeys.js") for script in html.select("script[src]"))
    assert (site / "assets" / "journeys" / "journeys.css").is_file()
    index = page_html(site, "opportunities/index.md")
    exports = [a["href"] for a in index.select(".journeys-index a[href$='.json'], .journeys-index a[href$='.csv']")]
    assert sorted(exports) == ["opportunities.csv", "opportunities.json"]
    assert (site / "opportunities" / "opportunities.json").is_file()


def test_strict_fails_the_zensical_build_on_a_problem(tmp_path):
    root = sample_project(tmp_path)
    page = root / "docs" / "journeys" / "camping-trip.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"emotion: -?\d", "emotion: 9", text, count=1), encoding="utf-8")
    result = run([sys.executable, "-m", "zensical", "build", "--clean"], root)
    assert result.returncode != 0
    assert re.search(r"journeys/camping-trip\.md:\d+: journey\.stages\[0\]\.steps\[0\]\.emotion: found 9", result.stderr)


def test_the_extension_changes_nothing_in_a_mkdocs_build(tmp_path, mkdocs_site):
    """The same project without the extension listed builds the same pages, byte for byte."""
    without = mkdocs_build(sample_project(tmp_path, extension=False))
    pages = sorted(path.relative_to(mkdocs_site) for path in mkdocs_site.rglob("*.html"))
    assert pages == sorted(path.relative_to(without) for path in without.rglob("*.html"))
    assert len(pages) > 40
    different = [str(path) for path in pages
                 if (mkdocs_site / path).read_bytes() != (without / path).read_bytes()]
    assert different == []


def render_as_zensical(root: Path, src: str) -> str:
    """One page through Python-Markdown as Zensical's renderer sets it up: its context
    extension (the page's path and URL, the site's config) first, then the site's extensions."""
    from markdown import Markdown
    from zensical.extensions.context import ContextExtension, Page

    text = (root / "docs" / src).read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    config = {"root_dir": str(root), "docs_dir": "docs", "theme": {"language": "en"},
              "theme_dirs": [str(Path(material_icons_dir()).parent)]}
    page = Page(url=src[: -len(".md")] + "/", path=src, meta={})
    md = Markdown(extensions=[ContextExtension(page=page, config=config), EXTENSION, "toc"],
                  extension_configs={EXTENSION: {"today": "2026-11-22"}})
    return md.convert(body)


def test_under_serve_an_edited_page_is_shown_with_the_folder_read_again(tmp_path):
    from mkdocs_journeys.zensical.wiki import WIKIS

    pages = {**supporting_pages(), "journeys/camping.md": journey_page()}
    for path, text in pages.items():
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    WIKIS.clear()
    before = WIKIS.readings
    first = render_as_zensical(tmp_path, "journeys/camping.md")
    assert "Read online guides" in first and 'class="journey-map__table"' in first
    # The table of contents (which Python-Markdown's toc also runs postprocessors on) holds no map.
    assert render_as_zensical(tmp_path, "personas/urban-camper.md").count('class="journeys journeys-persona"') == 1
    assert WIKIS.readings == before + 1  # two pages, one reading
    journey = tmp_path / "docs" / "journeys" / "camping.md"
    journey.write_text(journey.read_text(encoding="utf-8").replace("Read online guides", "Watch camping videos"),
                       encoding="utf-8")
    os.utime(journey, ns=(journey.stat().st_atime_ns, journey.stat().st_mtime_ns + 10**9))
    second = render_as_zensical(tmp_path, "journeys/camping.md")
    assert "Watch camping videos" in second and "Read online guides" not in second
    assert WIKIS.readings == before + 2
    WIKIS.clear()


def _mkdocs_modules_loaded_by(module: str) -> list[str]:
    check = (f"import sys, {module}\n"
             "print('\\n'.join(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.'))))\n")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_core_and_the_renderer_import_no_mkdocs():
    """What Zensical, the CLI and tests share knows nothing of MkDocs."""
    assert _mkdocs_modules_loaded_by("mkdocs_journeys.core.site_reader, mkdocs_journeys.render.renderer") == []


def test_the_extension_runs_no_mkdocs_build():
    """Zensical sites do not run MkDocs: the extension loads MkDocs' option classes (the
    plugin's options are defined once, for the build, the CLI and the extension) and its File
    (MkDocs' URL rule, asked of MkDocs), never its pages, navigation or build commands."""
    loaded = _mkdocs_modules_loaded_by("mkdocs_journeys.markdown")
    assert "mkdocs.config.config_options" in loaded  # the one definition of the options
    assert not [m for m in loaded if m.startswith(("mkdocs.structure.pages", "mkdocs.structure.nav",
                                                   "mkdocs.commands", "mkdocs.livereload"))]
