"""Issue 3: generated pages and the opportunity index in the navigation; relative links;
nothing written into docs_dir."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import pytest

from support.crosslink_wiki import (
    DEPARTMENTS,
    JOURNEYS,
    PERSONAS,
    TODAY,
    build_wiki,
    check_links,
    index_src,
    link_targets,
    opportunities_of,
    out,
    resolve,
    wiki_pages,
)

PLUGIN = {"today": TODAY.isoformat()}
GENERATED_PERSONA = "personas/teenager.md"
GENERATED_DEPARTMENT = "departments/security.md"


def pages_with_missing_ids() -> dict[str, str]:
    """The small wiki, with a persona and a department that have no page."""
    journeys = copy.deepcopy(JOURNEYS)
    camping = journeys["journeys/camping.md"]["journey"]
    camping["personas"].append("teenager")
    camping["stages"][1]["steps"][1]["owner"] = "security"
    return wiki_pages(journeys)


def user_pages() -> list[str]:
    return list(wiki_pages())


def explicit_nav(paths: list[str]) -> list[dict[str, str]]:
    return [{Path(path).stem: path} for path in paths]


def nav_targets(built, src: str) -> set[Path]:
    """The pages the sidebar navigation (Material's primary nav) of a built page links to."""
    nav = built.soup(src).select_one("nav.md-nav--primary")
    assert nav is not None, f"{src}: no navigation"
    targets = set()
    for a in nav.select("a[href]"):
        target, _ = resolve(built, src, a["href"])
        assert target.is_file(), f"{src}: nav link {a['href']!r} points to {target}, not built"
        targets.add(target.resolve())
    return targets


def tree_hash(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        for path in sorted(folder.rglob("*"))
    }


def not_in_nav_warnings(built) -> list[str]:
    return [w for w in built.warnings if "nav" in w.lower()]


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_generated_pages_and_the_index_are_in_the_nav_without_explicit_nav(tmp_path, use_directory_urls):
    built = build_wiki(tmp_path, use_directory_urls, pages=pages_with_missing_ids(), plugin_config=PLUGIN)
    assert not built.aborted
    assert not not_in_nav_warnings(built), built.warnings
    wanted = {out(built, GENERATED_PERSONA), out(built, GENERATED_DEPARTMENT), out(built, index_src())}
    for src in ("index.md", "journeys/old/winter.md", GENERATED_PERSONA, index_src()):
        targets = nav_targets(built, src)
        assert wanted <= targets, src
        # the author's pages are there as well
        assert {out(built, p) for p in user_pages()} <= targets


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_explicit_nav_with_generated_index_builds_strict_without_nav_warnings(tmp_path, use_directory_urls):
    config = {
        "nav": explicit_nav(user_pages()),
        "validation": {"nav": {"omitted_files": "warn", "not_found": "warn"}},
    }
    built = build_wiki(tmp_path / "all", use_directory_urls, strict=True, plugin_config=PLUGIN, config=config)
    assert not built.aborted, built.warnings
    assert built.warnings == []
    # the index is built and linked from the maps, persona and department pages
    assert built.output_path(index_src()).is_file()
    index = out(built, index_src())
    for src in ("journeys/camping.md", PERSONAS["urban-camper"]["path"], DEPARTMENTS["marketing"]["path"]):
        assert index in {t for t, _, _ in link_targets(built, src)}, src
    check_links(built, [*JOURNEYS, index_src(), *(p["path"] for p in PERSONAS.values()),
                        *(d["path"] for d in DEPARTMENTS.values())])

    # the validation is really on: leaving one of the author's pages out of the nav warns
    config["nav"] = explicit_nav([p for p in user_pages() if p != "research.md"])
    omitted = build_wiki(tmp_path / "omitted", use_directory_urls, strict=True, plugin_config=PLUGIN, config=config)
    assert omitted.aborted
    assert any("research.md" in w for w in omitted.warnings)
    assert not any(index_src() in w for w in omitted.warnings)


def test_explicit_nav_with_generated_pages_has_no_nav_warnings(tmp_path):
    config = {"nav": explicit_nav(user_pages()), "validation": {"nav": {"omitted_files": "warn"}}}
    built = build_wiki(tmp_path, pages=pages_with_missing_ids(), plugin_config=PLUGIN, config=config)
    assert not built.aborted
    # the only warnings are the two references without a page
    assert len(built.warnings) == 2, built.warnings
    assert built.warnings_about("teenager") and built.warnings_about("security")
    assert not not_in_nav_warnings(built)
    for src in (GENERATED_PERSONA, GENERATED_DEPARTMENT, index_src()):
        assert built.output_path(src).is_file(), src
    links = {t for t, _, _ in link_targets(built, "journeys/camping.md")}
    assert out(built, GENERATED_PERSONA) in links and out(built, GENERATED_DEPARTMENT) in links
    check_links(built, ["journeys/camping.md", GENERATED_PERSONA, GENERATED_DEPARTMENT, index_src()])


def test_an_explicit_nav_may_list_the_generated_index(tmp_path):
    config = {"nav": [*explicit_nav(user_pages()), {"Improvements": index_src()}],
              "validation": {"nav": {"omitted_files": "warn", "not_found": "warn"}}}
    built = build_wiki(tmp_path, strict=True, plugin_config=PLUGIN, config=config)
    assert not built.aborted, built.warnings
    assert out(built, index_src()) in nav_targets(built, "index.md")
    nav = built.soup("index.md").select_one("nav.md-nav--primary")
    assert "Improvements" in nav.get_text(" ", strip=True)


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_links_stay_relative_with_a_site_url(tmp_path, use_directory_urls):
    built = build_wiki(tmp_path, use_directory_urls, pages=pages_with_missing_ids(), plugin_config=PLUGIN,
                       config={"site_url": "https://wiki.example.com/docs/"})
    assert not built.aborted
    checked = check_links(built, [*JOURNEYS, index_src(), GENERATED_PERSONA, GENERATED_DEPARTMENT,
                                  *(p["path"] for p in PERSONAS.values()), *(d["path"] for d in DEPARTMENTS.values())])
    assert checked >= 3 * len(opportunities_of())
    for src in (*JOURNEYS, index_src(), GENERATED_PERSONA):
        hrefs = [a["href"] for a in built.content(src).select("a[href]")]
        assert not [h for h in hrefs if h.startswith("https://wiki.example.com")], src


def test_nothing_is_written_into_docs_dir(tmp_path):
    pages = pages_with_missing_ids()
    pages["opportunities/notes.md"] = "# Notes\n\nThe folder of the index exists in the docs.\n"
    docs = tmp_path / "docs"
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    before = tree_hash(docs)
    built = build_wiki(tmp_path, pages=pages, plugin_config=PLUGIN)
    assert not built.aborted
    # the build did produce generated pages and exports...
    for src in (GENERATED_PERSONA, GENERATED_DEPARTMENT, index_src()):
        assert built.output_path(src).is_file()
    assert (built.site_dir / "opportunities" / "opportunities.json").is_file()
    # ...without touching the docs folder
    assert tree_hash(docs) == before
    assert not (docs / "opportunities" / "index.md").exists()


def test_without_generated_pages_no_link_is_broken(tmp_path):
    built = build_wiki(tmp_path, pages=pages_with_missing_ids(),
                       plugin_config={**PLUGIN, "generate_pages": False})
    assert not built.aborted
    # the references still warn...
    assert built.warnings_about("teenager") and built.warnings_about("security")
    # ...no page is made up for them, and nothing links to a page that does not exist
    assert not built.output_path(GENERATED_PERSONA).exists()
    assert not built.output_path(GENERATED_DEPARTMENT).exists()
    check_links(built, [*JOURNEYS, index_src(), *(p["path"] for p in PERSONAS.values()),
                        *(d["path"] for d in DEPARTMENTS.values())])
    # the index is not a persona or department page: it is still there
    assert built.output_path(index_src()).is_file()


@pytest.mark.parametrize("use_directory_urls", [True, False],
                         ids=["directory-urls", "file-urls"])
def test_an_author_page_at_the_url_of_the_index_wins(tmp_path, use_directory_urls):
    # opportunities.md and opportunities/index.md are both published at opportunities/
    # when use_directory_urls is on: the author's page must not be replaced
    pages = wiki_pages()
    pages["opportunities.md"] = "# How we improve\n\nWritten by the author.\n"
    built = build_wiki(tmp_path, use_directory_urls, pages=pages, plugin_config=PLUGIN)
    assert not built.aborted
    article = built.content("opportunities.md")
    assert "Written by the author." in article.get_text(" ", strip=True)
    assert article.find("h1").get_text(strip=True) == "How we improve"
    check_links(built, [*JOURNEYS, "opportunities.md"])


@pytest.mark.parametrize("use_directory_urls", [True, False],
                         ids=["directory-urls", "file-urls"])
def test_an_author_page_at_the_url_of_a_generated_page_wins(tmp_path, use_directory_urls):
    # departments/security/index.md and the page generated for the department id `security`
    # (departments/security.md) share the URL departments/security/ with use_directory_urls
    pages = pages_with_missing_ids()
    pages["departments/security/index.md"] = "# Security desk\n\nWritten by the author.\n"
    built = build_wiki(tmp_path, use_directory_urls, pages=pages, plugin_config=PLUGIN)
    assert not built.aborted
    assert built.warnings_about("security")
    article = built.content("departments/security/index.md")
    assert "Written by the author." in article.get_text(" ", strip=True)
    assert article.find("h1").get_text(strip=True) == "Security desk"
    check_links(built, [*JOURNEYS])
