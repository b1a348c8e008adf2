"""Moved to core/markers.py (the markers are the core's rules, shared with the command
line); these names stay importable from here for code written against the old place."""

from ..core.markers import INDEX_MARKER, LINKS_MARKER, MAP_MARKER, is_index_page, place_in_content

__all__ = ["INDEX_MARKER", "LINKS_MARKER", "MAP_MARKER", "is_index_page", "place_in_content"]
