"""Icons from Material's bundled sets (Material, FontAwesome, Octicons, Simple Icons) and
the theme's own `.icons` folders (a custom_dir's icons, which may override Material's).

Looked up as files `<dir>/.icons/<name>.svg`, the same place Material's
`:material-compass-outline:` shortcodes come from. Material's folder is found through the
installed mkdocs-material package whatever the site's theme, so the `mkdocs` and
`readthedocs` themes, which bundle no icons, draw the same maps. Plain files: no MkDocs needed.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable
from functools import cache
from ..core.slugs import is_icon_name  # the one icon-name rule

# Known touchpoint channels and the Material icon drawn for each.
CHANNEL_ICONS = {
    "web": "material/web",
    "app": "material/cellphone",
    "phone": "material/phone",
    "email": "material/email-outline",
    "social": "material/share-variant",
    "in-person": "material/account-tie-voice",
    "chat": "material/chat-outline",
    "mail": "material/mailbox",
    "store": "material/storefront-outline",
    "partner": "material/handshake-outline",
}

# Aha-moments light up; micro-moments are fleeting.
MOMENT_ICONS = {"aha": "material/lightbulb-on-outline", "micro": "material/timer-sand"}

_DATA_URI_ESCAPES = str.maketrans({c: f"%{ord(c):02X}" for c in "%#<>\"'&;\n\r\t"})
_SVG_OPEN_RE = re.compile(r"<svg\b")
_SVG_PARTS_RE = re.compile(r"<svg\b[^>]*?\bviewBox=\"([^\"]+)\"[^>]*>(.*)</svg>\s*$", re.S)


@cache
def material_icons_dir() -> str | None:
    """The `.icons` folder of the installed mkdocs-material package (a dependency of this
    one), or None if it is missing. Found by the package's location, without importing it."""
    try:
        spec = importlib.util.find_spec("material")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        icons = os.path.join(location, "templates", ".icons")
        if os.path.isdir(icons):
            return icons
    return None


def icon_roots(theme_dirs: Iterable[str]) -> list[str]:
    """The `.icons` folders searched, in order: the theme's (custom_dir first, as MkDocs
    orders theme.dirs), then Material's, unless the theme is Material itself."""
    roots = [os.path.join(d, ".icons") for d in theme_dirs if os.path.isdir(os.path.join(d, ".icons"))]
    material = material_icons_dir()
    if material is not None and not any(os.path.samefile(material, root) for root in roots):
        roots.append(material)
    return roots


class IconLibrary:
    """Finds icon SVGs in the `.icons` folders of the given theme folders, then in
    Material's (first match wins)."""

    def __init__(self, theme_dirs: Iterable[str]):
        self._roots = icon_roots(theme_dirs)
        self._cache: dict[str, str | None] = {}
        self._mask_urls: dict[str, str | None] = {}

    def exists(self, name: str) -> bool:
        return self.svg(name) is not None

    def svg(self, name: str) -> str | None:
        """The icon's SVG markup, marked as decorative, or None if no theme folder has it."""
        if name in self._cache:
            return self._cache[name]
        markup = None
        if is_icon_name(name):
            for root in self._roots:
                path = os.path.join(root, *name.split("/")) + ".svg"
                if os.path.isfile(path):
                    with open(path, encoding="utf-8") as file:
                        markup = _SVG_OPEN_RE.sub('<svg aria-hidden="true" focusable="false"', file.read().strip(), count=1)
                    break
        self._cache[name] = markup
        return markup

    def symbol_parts(self, name: str) -> tuple[str, str] | None:
        """The icon's viewBox and inner markup, to define it once as a <symbol>."""
        svg = self.svg(name)
        match = _SVG_PARTS_RE.match(svg) if svg else None
        return (match.group(1), match.group(2)) if match else None

    def mask_url(self, name: str) -> str | None:
        """The icon as a CSS url() of a data URI, for a mask painted in the text's colour
        (no element in the page: a map draws the same few icons a hundred times)."""
        if name in self._mask_urls:
            return self._mask_urls[name]
        parts = self.symbol_parts(name)
        url = None
        if parts is not None:
            svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{parts[0]}">{parts[1]}</svg>'
            # quoted with ', inside a style="..." attribute: what a data URI, the quotes and
            # HTML may not hold is escaped (spaces stay: a third of an icon's bytes)
            url = f"url('data:image/svg+xml,{svg.translate(_DATA_URI_ESCAPES)}')"
        self._mask_urls[name] = url
        return url

    def channel_svg(self, channel: str | None) -> str | None:
        if not channel:
            return None
        name = CHANNEL_ICONS.get(channel.strip().lower())
        return self.svg(name) if name else None


def channel_icon_name(channel: str | None) -> str | None:
    return CHANNEL_ICONS.get(channel.strip().lower()) if channel else None


class IconSprite:
    """The icons of one map, each defined once and drawn with <use>: a map may show the
    same channel icon dozens of times, and each Material icon is about a kilobyte."""

    def __init__(self, library: IconLibrary | None, prefix: str = "jm-icon-"):
        self.library = library
        self.prefix = prefix
        self.used: dict[str, tuple[str, str]] = {}  # icon name -> (viewBox, inner markup)
        self.masks: dict[str, tuple[str, str]] = {}  # icon name -> (CSS variable, its url())

    def use(self, name: str | None) -> str:
        if not name or self.library is None:
            return ""
        parts = self.used.get(name) or self.library.symbol_parts(name)
        if parts is None:
            return ""
        self.used[name] = parts
        # xlink:href, not href: Material's instant navigation rewrites every [href] element's
        # .href, which throws on <use> (read-only) and stops the page from being swapped in.
        # No viewBox here: the <symbol>'s own scales the icon into the box the stylesheet sets.
        return f'<svg class="journeys-icon" aria-hidden="true"><use xlink:href="#{self.prefix}{name.replace("/", "--")}"/></svg>'

    def prepare_masks(self, names: Iterable[str | None]) -> None:
        """The icons a map draws as masks, known before its first tag is written: their
        images are defined once, on the map's outermost element."""
        if self.library is None:
            return
        for name in names:
            if name and name not in self.masks:
                url = self.library.mask_url(name)
                if url is not None:
                    self.masks[name] = (f"--ji{len(self.masks)}", url)

    def mask_style(self, name: str | None) -> str:
        """The style attribute that draws a prepared icon before an element's text
        (journeys.css paints it from --journeys-icon), or nothing."""
        found = self.masks.get(name) if name else None
        return f' style="--journeys-icon:var({found[0]})"' if found else ""

    def mask_definitions(self) -> str:
        return ";".join(f"{variable}:{url}" for variable, url in self.masks.values())

    def symbols(self) -> str:
        if not self.used:
            return ""
        defined = "".join(
            f'<symbol id="{self.prefix}{name.replace("/", "--")}" viewBox="{view_box}">{inner}</symbol>'
            for name, (view_box, inner) in self.used.items()
        )
        return (f'<svg class="journeys-sprite" aria-hidden="true" width="0" height="0" '
                f'style="position:absolute;overflow:hidden">{defined}</svg>')
