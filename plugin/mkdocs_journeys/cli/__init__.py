"""`mkdocs-journeys`: validate, scaffold and export a journey wiki without building it.

Built on the same core as the MkDocs plugin (core.site_reader), so `validate` reports
exactly the problems, with exactly the messages, that `mkdocs build` logs, and on the
plugin's option definitions (mkdocs_plugin/config.py).

Exit status: 0 when all is well, 1 when `validate` finds problems (errors or warnings,
as `mkdocs build --strict` fails on either), 2 for a usage error (no docs folder, an
existing file `new` would overwrite, a broken mkdocs.yml, a plugin option or an
environment variable the build would refuse).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
from collections.abc import Sequence
from typing import NamedTuple

from .. import __version__
from ..core.site_index import Site, generated_page_path
from ..core.site_reader import cross_reference, read_pages
from .cache import StoredCache, cache_path, fingerprint
from .importers import add_import_command
from .output import format_problems, summary
from .project import Project, ProjectError

USAGE_ERROR = 2


class UsageError(Exception):
    """The command cannot do what was asked; the message says why (exit status 2)."""


class LoadedWiki(NamedTuple):
    site: Site
    published: set[str]  # the files the build would publish: the docs folder's and the generated pages
    page_count: int  # the pages read


def load_site(project: Project, use_cache: bool = True) -> LoadedWiki:
    """Every page read and cross-referenced as the plugin does it (unchanged pages taken
    from the cache of the last run)."""
    files = list(project.files())
    pages = [path for path, is_page in files if is_page]
    icons = project.icon_library()
    today, index_folder = project.today(), project.index_folder  # a bad option fails before any reading
    stored_at = cache_path(project.docs_dir) if use_cache else None
    cache = StoredCache(stored_at, fingerprint(project.theme_dirs, icons is not None)) if stored_at else None
    read = read_pages(project.read_pages(pages), icons.exists if icons else None, cache.documents if cache else None)
    if cache is not None:
        cache.save(pages)
    # format 2: the site-wide custom lanes a step may fill, as the plugin's `custom_lanes` option declares them
    custom_lanes = [lane_id for lane_id, _ in project.options.custom_lanes]
    site = cross_reference(read, [path for path, _ in files], today, project.stale_after_days, index_folder,
                           custom_lanes=custom_lanes)
    published = {path for path, _ in files}
    if site.index_path:
        published.add(site.index_path)
    if project.generate_pages:
        published.update(generated_page_path("personas", pid) for pid in site.missing_personas)
        published.update(generated_page_path("departments", did) for did in site.missing_departments)
    return LoadedWiki(site, published, len(pages))


def validate(args: argparse.Namespace) -> int:
    project = Project.load(args.docs_dir, args.config_file)
    if project.missing_theme:
        print(f"note: the theme {project.missing_theme!r} is not installed here, so stage icons are checked "
              "for their form only", file=sys.stderr)
    wiki = load_site(project, use_cache=not args.no_cache)
    problems = wiki.site.problems()
    for warning in project.option_warnings:  # warnings `mkdocs build --strict` stops on
        print(f"warning: {warning}", file=sys.stderr)
    # JSON stays valid UTF-8 (a file name that is not shows as a \udcXX escape); text and
    # annotations give such a name's own bytes, so an editor opens the file.
    write_stdout(format_problems(problems, args.format, project.docs_dir),
                 "backslashreplace" if args.format == "json" else "surrogateescape")
    print(summary(problems, wiki.page_count, project.docs_dir), file=sys.stderr)
    return 1 if problems or project.option_warnings else 0


def export(args: argparse.Namespace) -> int:
    from ..core.exports import opportunity_records, to_csv, to_json

    project = Project.load(args.docs_dir, args.config_file)
    for warning in project.option_warnings:
        print(f"warning: {warning}", file=sys.stderr)
    wiki = load_site(project, use_cache=not args.no_cache)
    records = opportunity_records(wiki.site, project.url_for(wiki.published))
    text = to_json(records) if args.format == "json" else to_csv(records)
    write_stdout(text, "backslashreplace")
    return 0


def write_stdout(text: str, errors: str) -> None:
    """UTF-8 whatever the terminal's encoding; `errors` for file names that are not UTF-8."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (a caller's StringIO): it takes text, not bytes
        sys.stdout.write(text.encode("utf-8", errors).decode("utf-8", "replace"))
    else:
        buffer.write(text.encode("utf-8", errors))
    sys.stdout.flush()


def new(args: argparse.Namespace) -> int:
    from ..core.scaffold import DEFAULT_FOLDERS, new_page

    try:
        file_name, text = new_page(args.kind, args.name)
    except ValueError as error:
        raise UsageError(str(error)) from None
    folder = args.dir
    if folder is None:
        project = Project.load(None, args.config_file, must_exist=False)
        folder = os.path.join(project.docs_dir, DEFAULT_FOLDERS[args.kind])
    path = write_new_file(folder, file_name, text)
    write_stdout(os.path.relpath(path) + "\n", "surrogateescape")  # --dir may name bytes that are not UTF-8
    return 0


def write_new_file(folder: str, file_name: str, text: str) -> str:
    """Write folder/file_name, making the folder; never overwrite. On any failure, UsageError,
    and whatever this made (the file, the folders) is removed again."""
    made: list[str] = []  # the folders this call created, outermost first
    missing, parent = [], os.path.abspath(folder)
    while not os.path.lexists(parent) and os.path.dirname(parent) != parent:
        missing.append(parent)
        parent = os.path.dirname(parent)
    path = os.path.join(folder, file_name)
    try:
        for each in reversed(missing):
            os.mkdir(each)
            made.append(each)
        if not os.path.isdir(folder):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        with open(path, "x", encoding="utf-8") as file:  # "x": never overwrite
            try:
                file.write(text)
            except BaseException:
                file.close()
                os.remove(path)
                raise
    except FileExistsError:
        raise UsageError(f"{path} already exists; not overwriting it "
                         "(choose another name, or --dir for another folder)") from None
    except OSError as error:
        for each in reversed(made):
            with contextlib.suppress(OSError):
                os.rmdir(each)
        raise UsageError(f"cannot write {path}: {error.strerror or error} "
                         "(--dir must name a folder that exists or can be made)") from None
    return path


def schema(args: argparse.Namespace) -> int:
    from ..core.schema import front_matter_schema

    print(json.dumps(front_matter_schema(), ensure_ascii=False, indent=2))
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="mkdocs-journeys",
        description="Validate, scaffold and export a customer-journey wiki written for the mkdocs-journeys plugin.",
    )
    main_parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_project(command: argparse.ArgumentParser) -> None:
        command.add_argument("docs_dir", nargs="?", metavar="DOCS_DIR",
                             help="the docs folder (default: docs_dir of mkdocs.yml, else docs)")
        command.add_argument("-f", "--config-file", metavar="FILE",
                             help="the MkDocs config (default: mkdocs.yml in the current folder, if any)")
        command.add_argument("--no-cache", action="store_true",
                             help="read every page afresh (by default, pages unchanged since the last run are "
                             "taken from a cache in the user's cache folder)")

    check = commands.add_parser("validate", help="check every page with the plugin's rules",
                                description="Check every page of the docs folder with the plugin's rules. "
                                "Exits 1 if there is any problem (error or warning), as `mkdocs build --strict` fails.")
    with_project(check)
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text: one message per line (default); github: GitHub Actions annotations; "
                       "json: a list of problems")
    check.set_defaults(run=validate)

    scaffold = commands.add_parser("new", help="write a new page to start from",
                                   description="Write a new, well-commented page. Never overwrites a file.")
    scaffold.add_argument("kind", choices=("journey", "persona", "department"))
    scaffold.add_argument("name", metavar="NAME", help="the page's title; its file name is the slug of it")
    scaffold.add_argument("--dir", metavar="DIR",
                          help="where to write it (default: journeys/, personas/ or departments/ in the docs folder)")
    scaffold.add_argument("-f", "--config-file", metavar="FILE", help="the MkDocs config, for its docs_dir")
    scaffold.set_defaults(run=new)

    exports = commands.add_parser("export", help="print the opportunity records, as the build exports them",
                                  description="Print the records of opportunities.json or opportunities.csv "
                                  "without building the site.")
    with_project(exports)
    exports.add_argument("--format", choices=("json", "csv"), default="json")
    exports.set_defaults(run=export)

    schemas = commands.add_parser("schema", help="print the JSON Schema of the front matter",
                                  description="Print a JSON Schema (draft-07) of the front matter of journey, "
                                  "persona and department pages.")
    schemas.set_defaults(run=schema)
    add_import_command(commands)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (ProjectError, UsageError) as error:
        print(f"mkdocs-journeys {args.command}: {error}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:  # e.g. `mkdocs-journeys export | head`
        sys.stderr.close()
        return 0
