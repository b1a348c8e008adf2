"""The tests' hook that compiles the theme's templates once per process
(support/theme_template_cache.py) changes no byte of what a build writes."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from support.building import REPO, THEME_TEMPLATE_CACHE


def files_of(site: Path) -> dict[str, bytes]:
    # MkDocs dates the sitemap with the day of the build; everything else is the sources'.
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file() and not path.name.startswith("sitemap.xml")}


def build_sample_with_the_hook(site_dir: Path) -> None:
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True,
                         hooks=[str(THEME_TEMPLATE_CACHE)])
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def test_a_build_from_cached_templates_writes_the_same_bytes(tmp_path, sample_wiki):
    build_sample_with_the_hook(tmp_path / "first")  # compiles what this process has not compiled yet
    cache = sys.modules["journeys_tests_theme_template_cache"].COMPILED
    compiled = dict(cache.codes)
    assert any(key.endswith("main.html") for key in compiled), "Material's templates are cached"
    build_sample_with_the_hook(tmp_path / "second")
    # a template compiled again would be stored anew: the same objects mean the code was reused
    assert all(cache.codes[key] is code for key, code in compiled.items())
    cached, plain = files_of(tmp_path / "second"), files_of(sample_wiki.site_dir)  # plain: built without the hook
    assert sorted(cached) == sorted(plain)
    assert [name for name in cached if cached[name] != plain[name]] == []
    assert sum(name.endswith(".html") for name in cached) > 20
