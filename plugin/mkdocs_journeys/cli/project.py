"""A MkDocs project as the command line sees it, without building it: the settings of
mkdocs.yml that the journeys plugin uses, the pages of the docs folder, and the URLs MkDocs
gives them.

mkdocs.yml is read leniently (unknown tags such as `!!python/name:` become null, `!ENV`
is resolved like MkDocs does), so a pre-commit hook needs neither the site's other
plugins nor its Markdown extensions installed. The journeys plugin's own options are
validated by the plugin's option definitions (mkdocs_plugin/config.py), as the build does.
"""

from __future__ import annotations

import importlib.util
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import entry_points
from typing import Any
from urllib.parse import quote, urljoin

import pathspec
import yaml
from mkdocs.structure.files import File

from ..core.clock import BuildDateError, build_date
from ..core.problems import describe_value
from ..mkdocs_plugin.config import JourneysConfig, OptionsError, load_options
from ..render.icons import IconLibrary

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
# The Markdown extensions MkDocs builds pages from (mkdocs.utils.markdown_extensions).
MARKDOWN_EXTENSIONS = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
_SURROGATES_RE = re.compile("[\udc80-\udcff]")  # the bytes of a file name that is not UTF-8
# MkDocs never publishes these (its default `exclude_docs`).
DEFAULT_EXCLUDE = (".*", "/templates/")


class ProjectError(Exception):
    """mkdocs.yml or the docs folder cannot be used; the message says why."""


class _ConfigLoader(yaml.SafeLoader):
    pass


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`, resolved as MkDocs (pyyaml_env_tag) does."""
    default = None
    if isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        names = [loader.construct_scalar(node)]
    for name in names:
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    """Any other tag (`!!python/name:...`, `!relative`): not needed here, read as its plain value."""
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node) or None
    return None


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", _unknown_tag)


def _merge(base: dict, override: dict) -> dict:
    """MkDocs' INHERIT: mappings merge key by key, anything else is replaced."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_config_file(path: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8-sig") as file:
            data = yaml.load(file, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as error:
        raise ProjectError(f"{path}: cannot read the config file ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise ProjectError(f"{path}: the byte {error.object[error.start]:#04x} (at byte {error.start}) is not "
                           "UTF-8; expected the config file saved as UTF-8 text") from None
    except yaml.YAMLError as error:
        raise ProjectError(f"{path}: not valid YAML ({error})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProjectError(f"{path}: expected a mapping of settings such as site_name: and docs_dir:")
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        parent_path = os.path.normpath(os.path.join(os.path.dirname(path), parent))
        if parent_path in seen:
            raise ProjectError(f"{path}: INHERIT loops back to {parent_path}")
        data = _merge(read_config_file(parent_path, (*seen, path)), data)
    return data


def journeys_options(config: dict[str, Any]) -> Any:
    """The options written under `plugins: - journeys:` (a list or a mapping of plugins), as
    written: {} when there are none, whatever else was written for load_options to judge."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        options = plugins.get("journeys")
    elif isinstance(plugins, list):
        options = next((item["journeys"] for item in plugins if isinstance(item, dict) and "journeys" in item), None)
    else:
        options = None
    return {} if options is None else options


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The site-root-relative URL MkDocs publishes a file at (`a/b.md` is `a/b/`, `a/index.md`
    and `a/README.md` are `a/`, `index.md` is `./`; without directory URLs `a/b.html`), asked
    of MkDocs' own File so the two cannot disagree."""
    try:
        return File(src_path, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url
    except UnicodeEncodeError:
        # A file name that is not UTF-8 (os.listdir hands it over with surrogates): MkDocs
        # cannot quote it (its own build stops on such a file); the URL of the same name
        # with a placeholder, the name's own bytes quoted one by one, as a web server serves it.
        placeholder = File(_SURROGATES_RE.sub("\x00", src_path), src_dir=None, dest_dir="",
                           use_directory_urls=use_directory_urls).url
        return placeholder.replace("%00", "{}").format(
            *(quote(char.encode("utf-8", "surrogateescape")) for char in _SURROGATES_RE.findall(src_path)))


def theme_dirs(theme: Any, config_dir: str) -> tuple[list[str], str | None]:
    """The theme's folders, as MkDocs would search them (custom_dir first), and the name of
    a theme that is not installed (its icons cannot be checked), if any."""
    if isinstance(theme, str):
        theme = {"name": theme}
    if not isinstance(theme, dict):
        theme = {}
    dirs: list[str] = []
    custom_dir = theme.get("custom_dir")
    if isinstance(custom_dir, str):
        dirs.append(os.path.join(config_dir, custom_dir))
    name = theme.get("name")
    themes = {entry.name: entry.value for entry in entry_points(group="mkdocs.themes")}
    seen: set[str] = set()
    while isinstance(name, str) and name and name not in seen:
        seen.add(name)
        spec = importlib.util.find_spec(themes[name]) if name in themes else None
        if spec is None or spec.origin is None:
            return dirs, name
        theme_dir = os.path.dirname(spec.origin)
        dirs.append(theme_dir)
        try:
            with open(os.path.join(theme_dir, "mkdocs_theme.yml"), encoding="utf-8") as file:
                theme_config = yaml.load(file, Loader=_ConfigLoader) or {}  # noqa: S506
        except (OSError, yaml.YAMLError):
            theme_config = {}
        name = theme_config.get("extends") if isinstance(theme_config, dict) else None
    return dirs, None


# MkDocs' own settings the command line uses, and the type MkDocs requires of each.
_SETTING_TYPES = {"docs_dir": (str, "a folder name such as docs"), "site_url": (str, "a URL such as https://example.org/"),
                  "use_directory_urls": (bool, "true or false")}


def _check_types(config: dict[str, Any], config_file: str | None) -> None:
    """The settings MkDocs would refuse for their type, refused here too (a list as docs_dir
    would otherwise name a folder `['a']`)."""
    for key, (kind, expected) in _SETTING_TYPES.items():
        value = config.get(key)
        if value is not None and not isinstance(value, kind):
            raise ProjectError(f"{config_file}: `{key}`: found {describe_value(value)}; expected {expected}")


@dataclass
class Project:
    """What the journeys plugin would be given by MkDocs for this project."""

    docs_dir: str
    config_file: str | None = None
    use_directory_urls: bool = True
    site_url: str = ""
    options: JourneysConfig = field(default_factory=lambda: load_options({})[0])  # validated as the build does
    written_options: Any = field(default_factory=dict)  # the plugin's options as the config file writes them
    option_warnings: list[str] = field(default_factory=list)  # what the build would warn about them
    theme_dirs: list[str] = field(default_factory=list)
    missing_theme: str | None = None  # a theme that is not installed: its icons are not checked
    exclude: pathspec.PathSpec | None = None

    @classmethod
    def load(cls, docs_dir: str | None = None, config_file: str | None = None, must_exist: bool = True) -> Project:
        """From `config_file`, else mkdocs.yml in the current folder if there is one.
        `docs_dir` (from the command line) wins over the config's."""
        if config_file is None:
            config_file = next((name for name in CONFIG_NAMES if os.path.isfile(name)), None)
        config = read_config_file(config_file) if config_file else {}
        config_dir = os.path.dirname(os.path.abspath(config_file)) if config_file else os.getcwd()
        _check_types(config, config_file)
        if docs_dir is None:
            docs_dir = os.path.join(config_dir, config.get("docs_dir") or "docs")
        if must_exist and not os.path.isdir(docs_dir):
            raise ProjectError(f"{docs_dir}: no such docs folder")
        # MkDocs' own default theme is `mkdocs`; without any mkdocs.yml, assume Material.
        dirs, missing = theme_dirs(config.get("theme", "mkdocs" if config_file else "material"), config_dir)
        written_options = journeys_options(config)
        try:
            options, option_warnings = load_options(written_options, config_file)
        except OptionsError as error:
            where = config_file or "the plugin's defaults"
            raise ProjectError("\n".join(f"{where}: plugin journeys: {line}" for line in str(error).splitlines())) \
                from None
        exclude_lines = list(DEFAULT_EXCLUDE)
        for key in ("exclude_docs", "draft_docs"):  # neither is published by `mkdocs build`
            if isinstance(config.get(key), str):
                exclude_lines += config[key].splitlines()
        return cls(
            docs_dir=docs_dir,
            config_file=config_file,
            use_directory_urls=config.get("use_directory_urls", True) is not False,
            site_url=str(config.get("site_url") or ""),
            options=options,
            written_options=written_options,
            option_warnings=[f"{config_file}: plugin journeys: {warning}" for warning in option_warnings],
            theme_dirs=dirs,
            missing_theme=missing,
            exclude=pathspec.GitIgnoreSpec.from_lines(exclude_lines),
        )

    # -- the plugin's options -------------------------------------------------------------

    def today(self) -> date:
        try:
            return build_date(self.options.today)
        except BuildDateError as error:
            raise ProjectError(str(error)) from None

    @property
    def stale_after_days(self) -> int:
        return self.options.stale_after_days

    @property
    def index_folder(self) -> str:
        return self.options.opportunities

    @property
    def generate_pages(self) -> bool:
        return self.options.generate_pages

    def icon_library(self) -> IconLibrary | None:
        """Icons of the theme's bundled sets; None when the theme is not installed."""
        return None if self.missing_theme else IconLibrary(self.theme_dirs)

    # -- the docs folder --------------------------------------------------------------------

    def files(self) -> Iterator[tuple[str, bool]]:
        """(path relative to the docs folder, is it a page MkDocs builds) for every file, in
        MkDocs' order (folders sorted, index and README first). Hidden folders are skipped."""
        for folder, subfolders, names in os.walk(self.docs_dir, followlinks=True):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            relative = os.path.relpath(folder, self.docs_dir)
            names.sort(key=lambda name: (os.path.splitext(name)[0] not in ("index", "README"), name))
            has_index = any(os.path.splitext(name)[0] == "index" and name.endswith(MARKDOWN_EXTENSIONS)
                            for name in names)
            for name in names:
                path = name if relative == "." else posixpath.join(relative.replace(os.sep, "/"), name)
                is_page = name.endswith(MARKDOWN_EXTENSIONS)
                # MkDocs publishes index.md over a README.md in the same folder.
                if is_page and has_index and os.path.splitext(name)[0] == "README":
                    continue
                excluded = self.exclude is not None and self.exclude.match_file(path)
                yield path, is_page and not excluded

    def read_pages(self, page_paths: list[str]) -> Iterator[tuple[str, str | bytes]]:
        """The text of each page (UTF-8, a byte order mark allowed); the bytes of a page that
        is not UTF-8, which the core reports, as the plugin hands it over."""
        for path in page_paths:
            try:
                with open(os.path.join(self.docs_dir, path), "rb") as file:
                    data = file.read()
            except OSError as error:
                raise ProjectError(f"{path}: cannot read the page ({error.strerror})") from None
            try:
                yield path, data.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield path, data

    def url_for(self, known_paths: set[str]):
        """The export's URL of a page (None for a page the build would not have), as the
        plugin computes it: site-root-relative, or absolute when site_url is set."""

        def url(path: str, anchor: str | None) -> str | None:
            if path not in known_paths:
                return None
            address = page_url(path, self.use_directory_urls)
            if self.site_url:
                address = urljoin(self.site_url, address)
            return f"{address}#{anchor}" if anchor else address

        return url
