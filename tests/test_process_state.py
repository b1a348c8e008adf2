"""A build leaves the process as it found it: the garbage collector's state (the plugin
reads without automatic collections and restores what it found), nothing frozen."""

from __future__ import annotations

import gc

import pytest

from conftest import build_site
from sample_pages import journey_page, supporting_pages


@pytest.mark.parametrize("enabled", [True, False])
def test_a_build_restores_the_collector_state_it_found(tmp_path, enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        built = build_site(tmp_path, {"journeys/camping.md": journey_page(), **supporting_pages()})
        assert built.content("journeys/camping.md").select(".journey-map")
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_a_build_that_fails_while_pages_are_written_leaves_nothing_frozen(tmp_path):
    # The plugin freezes what it read until the build ends: a build stopped half-way by
    # another plugin (here a hook) must unfreeze it too.
    hook = ("import gc\n"
            "def on_page_context(context, page, config, nav):\n"
            "    raise RuntimeError(f'a hook fails, {gc.get_freeze_count()} objects frozen')\n")
    with pytest.raises(RuntimeError, match=r"a hook fails, [1-9]\d* objects frozen"):
        build_site(tmp_path, {"journeys/camping.md": journey_page(), **supporting_pages()},
                   config={"hooks": ["failing_hook.py"]}, files={"failing_hook.py": hook})
    assert gc.get_freeze_count() == 0


def test_objects_frozen_by_someone_else_stay_frozen_after_a_build(tmp_path):
    # Frozen before the build (by the application running MkDocs): the plugin leaves the
    # collector's permanent generation alone, neither adding to it nor emptying it.
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        built = build_site(tmp_path, {"journeys/camping.md": journey_page(), **supporting_pages()})
        assert built.content("journeys/camping.md").select(".journey-map")
        # (frozen objects freed by their last reference leave the count: it can only fall)
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_every_page_is_handed_on_with_the_collector_as_found(tmp_path):
    # The plugin renders what a page shows with automatic collections paused; the plugins
    # and hooks that see the page after it find the collector as it was.
    hook = ("import gc\n"
            "SEEN = []\n"
            "def on_page_context(context, page, config, nav):\n"
            "    SEEN.append((page.file.src_uri, gc.isenabled()))\n"
            "def on_post_build(config):\n"
            "    assert SEEN and all(enabled for _, enabled in SEEN), SEEN\n"
            "    (Path(config.site_dir) / 'gc-seen.txt').write_text(repr(SEEN))\n"
            "from pathlib import Path\n")
    built = build_site(tmp_path, {"journeys/camping.md": journey_page(), **supporting_pages()},
                       config={"hooks": ["gc_hook.py"]}, files={"gc_hook.py": hook})
    seen = (built.site_dir / "gc-seen.txt").read_text()
    assert "journeys/camping.md" in seen and "False" not in seen
    assert gc.isenabled()


def test_a_finished_build_leaves_no_journey_model_behind(tmp_path):
    # The plugin lets go of what it read, and of MkDocs' files and their pages, when the
    # build ends: kept by the plugin, which outlives the build, they would live on until the
    # interpreter shuts down, and freeing them then is far slower than with the build's
    # other garbage.
    from mkdocs.structure.pages import Page

    from mkdocs_journeys.core.model import Journey

    path = "journeys/released-when-the-build-ends.md"  # no other test's journey
    built = build_site(tmp_path, {path: journey_page(), **supporting_pages()})
    assert built.content(path).select(".journey-map")
    gc.collect()
    alive = gc.get_objects()
    assert not [thing for thing in alive if isinstance(thing, Journey) and thing.path == path]
    assert not [thing for thing in alive if isinstance(thing, Page) and thing.file.src_uri == path]
