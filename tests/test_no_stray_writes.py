"""Nothing lost, nothing stray: a build writes only into site_dir, never into docs_dir or next
to them, even when ids, references and file names try to climb out; and two builds of the
same sources produce the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO, build_site, page
from sample_pages import journey_data, journey_page, supporting_pages

MKDOCS = Path(sys.executable).parent / "mkdocs"


def digest_except(folder: Path, skip: Path) -> dict[str, str]:
    """Every file and folder under `folder` (but not under `skip`), with the hash of its bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path == skip or skip in path.parents:
            continue
        key = str(path.relative_to(folder))
        found[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def hostile_pages(tmp_path: Path) -> dict[str, str]:
    """A wiki whose ids and file names point everywhere but into the site."""
    journey = journey_data(
        personas=["urban-camper", "../../evil", "../evil", "..", "/abs-evil", f"{tmp_path}/abs-evil",
                  "evil/../../x", "p" * 300],
        owner="../../../evil-department",
    )
    journey["stages"][0]["id"] = "/etc/evil-stage"
    journey["stages"][0]["steps"][0]["id"] = "../../evil-step"
    journey["stages"][1]["personas"] = ["../../../../evil-stage-persona"]
    journey["stages"][1]["steps"][0]["owner"] = "../evil-owner"
    journey["opportunities"] += [
        {"title": "Climb out", "id": "../x", "owner": "operations"},
        {"title": "Climb further", "id": "../../opportunities/evil", "owner": "operations"},
        {"title": "Absolute", "id": f"{tmp_path}/abs-opportunity", "owner": "operations"},
        {"title": "..", "owner": "operations"},
    ]
    journey["sources"] = ["../../../../etc/passwd", "/etc/passwd", "../mkdocs.yml", "research.md"]
    return {
        **supporting_pages(),
        "journeys/hostile.md": page({"title": "../../Hostile", "journey": journey}),
        "journeys/valid.md": journey_page(title="Valid", opportunities=[]),
        "personas/a..b.md": page({"persona": {"name": "Dots"}}),
        "personas/Bad Name.md": page({"persona": {"name": "Spaces"}}),
        "departments/!!!.md": page({"department": {"name": "Bangs"}}),
        "departments/..x.md": page({"department": {"name": "Leading dots"}}),
        "personas/" + "q" * 61 + ".md": page({"persona": {"name": "Long"}}),
    }


@pytest.mark.parametrize("strict", [False, True], ids=["non-strict", "strict"])
@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_hostile_ids_write_nothing_outside_the_site(tmp_path, strict, use_directory_urls):
    root = tmp_path / "outer" / "root"  # two folders above the site to catch "../.." escapes
    pages = hostile_pages(tmp_path)
    # the first build writes docs/ and mkdocs.yml; every build after it must change nothing but site/
    first = build_site(root, pages, strict=strict, config={"use_directory_urls": use_directory_urls})
    assert first.aborted == strict
    before = digest_except(tmp_path, skip=root / "site")
    assert "outer/root/docs/journeys/hostile.md" in before
    again = build_site(root, pages, strict=strict, config={"use_directory_urls": use_directory_urls})
    assert again.aborted == strict
    assert digest_except(tmp_path, skip=root / "site") == before
    site_files = [p for p in (root / "site").rglob("*") if p.is_file()]
    assert site_files and all(root / "site" in p.resolve().parents for p in site_files)
    assert not any("evil" in p.name for p in site_files)
    assert not any(p.name.startswith("p" * 100) for p in (root / "site").rglob("*"))
    messages = "\n".join(again.warnings)
    for value in ("../../evil", "/etc/evil-stage", "../../evil-step", "../x", "a..b.md", "Bad Name.md", "!!!.md"):
        assert value in messages, value


def test_a_build_of_the_hostile_wiki_still_builds_its_valid_pages(tmp_path):
    built = build_site(tmp_path, hostile_pages(tmp_path))
    assert not built.aborted
    assert built.content("journeys/valid.md").select_one("table.journey-map__table") is not None
    assert (built.site_dir / "opportunities" / "opportunities.json").is_file()


@pytest.mark.parametrize("folder", ["../outside", "..", "a/../../outside"])
def test_an_index_folder_outside_the_site_is_refused(tmp_path, folder):
    root = tmp_path / "root"
    built = build_site(root, supporting_pages(), plugin_config={"today": "2026-11-22", "opportunities": folder})
    assert built.aborted
    assert not (tmp_path / "outside").exists() and not (root / "outside").exists()
    assert sorted(p.name for p in root.iterdir()) == ["docs", "mkdocs.yml"]  # nothing built, nothing stray


# -- the same sources, the same bytes -------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_sample_in_process(site_dir: Path) -> None:
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir)))


def build_sample_on_the_command_line(site_dir: Path, env: dict[str, str]) -> None:
    subprocess.run([str(MKDOCS), "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)], cwd=REPO,
                   env=env, check=True, capture_output=True, timeout=600)


def test_two_builds_with_a_fixed_build_date_are_byte_identical(tmp_path, monkeypatch):
    """With SOURCE_DATE_EPOCH set (the reproducible-builds convention, which both MkDocs and the
    plugin follow), every file is identical: HTML, exports, search index, sitemap and its gzip."""
    epoch = "1795305600"  # 2026-11-22
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    build_sample_in_process(tmp_path / "one")
    build_sample_on_the_command_line(tmp_path / "two", dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert any(name.endswith(".html") for name in one)
    for name in ("opportunities/opportunities.json", "opportunities/opportunities.csv", "search/search_index.json",
                 "sitemap.xml", "sitemap.xml.gz"):
        assert name in one, name


def test_two_builds_on_the_same_day_have_identical_pages_and_exports(tmp_path, monkeypatch):
    """Without SOURCE_DATE_EPOCH, MkDocs dates the sitemap (<lastmod>, and the gzip header's
    mtime) with the day of the build: only those can differ, and only across midnight. Every
    HTML page, the exports and the search index are the same bytes."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pages = {**hostile_pages(tmp_path), "journeys/second.md": journey_page(title="Second", opportunities=[])}
    first = build_site(tmp_path, pages)
    # the second build in a process of its own: nothing it could share with the first
    subprocess.run([str(MKDOCS), "build", "-q", "-f", str(tmp_path / "mkdocs.yml"), "-d", str(tmp_path / "again")],
                   cwd=tmp_path, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True, capture_output=True,
                   timeout=600)
    one, two = tree(first.site_dir), tree(tmp_path / "again")
    assert sorted(one) == sorted(two)
    differing = [name for name in one if one[name] != two[name]]
    assert set(differing) <= {"sitemap.xml", "sitemap.xml.gz"}, differing
    for name in differing:  # across midnight: the dates, nothing else
        if name == "sitemap.xml":
            strip = lambda data: b"".join(line for line in data.splitlines() if b"<lastmod>" not in line)  # noqa: E731
            assert strip(one[name]) == strip(two[name])
    html = [name for name in one if name.endswith(".html")]
    assert len(html) >= 8 and "opportunities/opportunities.json" in one and "opportunities/opportunities.csv" in one
