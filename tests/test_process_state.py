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
