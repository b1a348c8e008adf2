"""`mkdocs-journeys import mermaid|csv FILE`: a journey page, and a persona (or department)
page for each one the map names that the wiki does not have, from a map written elsewhere.

All or nothing: every target is checked before anything is written, and nothing is ever
overwritten (exit status 2, as `new`). Where the pages go follows `new`: journeys/,
personas/ and departments/ in the docs folder of mkdocs.yml, unless told otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from ..core.frontmatter import FrontMatterError, parse_yaml, split_page
from ..core.importers import InputError, JourneyDraft, department_page, journey_page, persona_page
from ..core.importers.csv_map import read_csv_map
from ..core.importers.draft import PersonaDraft, decode_source
from ..core.importers.mermaid import read_mermaid_journey
from ..core.model import JOURNEY_TYPES
from ..core.scaffold import DEFAULT_FOLDERS
from ..core.slugs import slugify
from .project import MARKDOWN_EXTENSIONS, Project

USAGE_ERROR = 2


class Refused(Exception):
    """The import stops before writing anything; the message says why."""


def _title_from_file(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    text = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return text[:1].upper() + text[1:]


def _read_mermaid(data: bytes, args: argparse.Namespace) -> JourneyDraft:
    text = decode_source(data, args.file)
    return read_mermaid_journey(text, args.file, _title_from_file(args.file))


def _read_csv(data: bytes, args: argparse.Namespace) -> JourneyDraft:
    return read_csv_map(data, args.file, _title_from_file(args.file))


READERS: dict[str, Callable[[bytes, argparse.Namespace], JourneyDraft]] = {"mermaid": _read_mermaid, "csv": _read_csv}


def _existing_profiles(folders: list[str]) -> dict[str, dict[str, str]]:
    """The persona and department pages under the folders (read once, however big the wiki):
    kind -> id (the file's stem) -> the `name` the page gives, casefolded ("" for none)."""
    found: dict[str, dict[str, str]] = {"persona": {}, "department": {}}
    read: set[str] = set()  # the personas/ folder is usually inside the docs folder: read it once
    for root in dict.fromkeys(folders):
        if not os.path.isdir(root):
            continue
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in sorted(names):
                stem, extension = os.path.splitext(name)
                path = os.path.realpath(os.path.join(folder, name))
                if extension not in MARKDOWN_EXTENSIONS or path in read:
                    continue
                read.add(path)
                try:
                    with open(path, encoding="utf-8-sig") as file:
                        page = split_page(file.read())
                except (OSError, UnicodeDecodeError):
                    continue  # not a page the wiki could read as a persona either
                if page.kind not in found or stem in found[page.kind]:
                    continue
                try:
                    data = parse_yaml(page.yaml_text or "")
                except FrontMatterError:
                    data = None
                profile = data.get(page.kind) if isinstance(data, dict) else None
                given = profile.get("name") if isinstance(profile, dict) else None
                found[page.kind][stem] = " ".join(given.split()).casefold() if isinstance(given, str) else ""
    return found


def _match_existing(draft: JourneyDraft, kind: str, existing: dict[str, str]) -> set[str]:
    """Point the draft's personas (departments) at the wiki's pages of the same id or name;
    the ids that need no new page."""
    by_name = {name: page_id for page_id, name in existing.items() if name}
    drafts = draft.personas if kind == "persona" else draft.departments
    for item in list(drafts):
        if item.id in existing:
            continue
        page_id = by_name.get(" ".join(item.name.split()).casefold())
        if page_id is not None:
            (draft.use_persona_id if kind == "persona" else draft.use_department_id)(item.id, page_id)
            draft.notes.append(f"{item.name!r} is the wiki's {kind} {page_id!r}, which has that name")
    return set(existing)


def _planned_pages(draft: JourneyDraft, args: argparse.Namespace) -> list[tuple[str, str]]:
    """(path, text) of every page to write, or Refused."""
    project = Project.load(None, args.config_file, must_exist=False)
    folder = args.dir or os.path.join(project.docs_dir, DEFAULT_FOLDERS["journey"])
    slug = slugify(draft.title) or slugify(os.path.splitext(os.path.basename(args.file))[0])
    if not slug:
        raise Refused(f"the title {draft.title!r} has no letters or digits to make a file name from (give --title)")
    profile_folders = {
        "persona": args.personas_dir or os.path.join(project.docs_dir, DEFAULT_FOLDERS["persona"]),
        "department": getattr(args, "departments_dir", None) or os.path.join(project.docs_dir,
                                                                             DEFAULT_FOLDERS["department"]),
    }
    wiki_profiles = _existing_profiles([project.docs_dir, *profile_folders.values()]) \
        if draft.personas or draft.departments else {"persona": {}, "department": {}}
    profile_pages: list[tuple[str, str]] = []
    page_texts: dict[str, Callable[[PersonaDraft, str], str]] = {"persona": persona_page,
                                                                  "department": department_page}
    for kind, target_folder in profile_folders.items():
        existing = _match_existing(draft, kind, wiki_profiles[kind])
        drafts = draft.personas if kind == "persona" else draft.departments
        profile_pages += [(os.path.join(target_folder, f"{item.id}.md"), page_texts[kind](item, draft.source))
                          for item in drafts if item.id not in existing]
    # The journey's text is made once its personas and owners name the wiki's pages.
    pages = [(os.path.join(folder, f"{slug}.md"), journey_page(draft)), *profile_pages]
    for path, _ in pages:
        if os.path.exists(path):
            raise Refused(f"{os.path.relpath(path)} already exists; not overwriting it (choose another --title, "
                          "or --dir for another folder); nothing was written")
    return pages


def _write_all(pages: list[tuple[str, str]]) -> None:
    written: list[str] = []
    try:
        for path, text in pages:
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            with open(path, "x", encoding="utf-8") as file:  # "x": never overwrite
                file.write(text)
            written.append(path)
    except OSError as error:
        for path in written:  # all or nothing
            os.remove(path)
        reason = "it already exists" if isinstance(error, FileExistsError) else error.strerror
        raise Refused(f"{error.filename}: cannot write it ({reason}); nothing was written") from None


def run_import(args: argparse.Namespace) -> int:
    command = f"mkdocs-journeys import {args.format}"
    try:
        try:
            with open(args.file, "rb") as file:
                data = file.read()
        except OSError as error:
            raise Refused(f"{args.file}: cannot read it ({error.strerror})") from None
        draft = READERS[args.format](data, args)
        draft.source = os.path.basename(args.file)
        if args.title:
            draft.title = " ".join(args.title.split())
        draft.type = args.type
        pages = _planned_pages(draft, args)
        _write_all(pages)
    except InputError as error:
        print(f"{command}: {error.message}; nothing was written", file=sys.stderr)
        return USAGE_ERROR
    except Refused as error:
        print(f"{command}: {error}", file=sys.stderr)
        return USAGE_ERROR
    for note in draft.notes:
        print(f"note: {note}", file=sys.stderr)
    for path, _ in pages:
        print(os.path.relpath(path))
    return 0


def add_import_command(commands: argparse._SubParsersAction) -> None:
    importer = commands.add_parser(
        "import", help="write a journey page from a Mermaid journey diagram or a CSV spreadsheet",
        description="Write a journey page (and a page for each persona or department it names that the wiki "
        "does not have) from a map written elsewhere. Never overwrites a file: stops with exit status 2, "
        "writing nothing, when a page exists or the input cannot be read.")
    formats = importer.add_subparsers(dest="format", required=True, metavar="FORMAT")
    descriptions = {
        "mermaid": ("a Mermaid `journey` diagram (.mmd)",
                    "Sections become stages, tasks steps, the score 1..5 the emotion -2..2, actors personas; "
                    "title, accTitle and accDescr are kept."),
        "csv": ("a spreadsheet saved as CSV, one row per step",
                "Columns: stage, step, then any of actions, thoughts, emotion, 'emotion: <persona>', "
                "touchpoints, channel, pain points, aha moments, micro moments, backstage, owner, completion, "
                "truth, personas, stage id, step id (see the README, \"Importing maps\")."),
    }
    file_help = {"mermaid": "the diagram: a .mmd file, or a Markdown page with one ```mermaid journey block",
                 "csv": "the spreadsheet saved as CSV (UTF-8; cells separated by , or ; or tabs)"}
    title_help = {"mermaid": "the diagram's title, else its accTitle, else the file's name",
                  "csv": "the file's name"}
    for name, (what, details) in descriptions.items():
        command = formats.add_parser(name, help=f"import {what}", description=f"Import {what}. {details}")
        command.add_argument("file", metavar="FILE", help=file_help[name])
        command.add_argument("--title", help="the journey's title, which also names its file (default: "
                             f"{title_help[name]})")
        command.add_argument("--type", choices=JOURNEY_TYPES, help="the journey's type (default: none)")
        command.add_argument("--dir", metavar="DIR",
                             help="where to write the journey page (default: journeys/ in the docs folder)")
        command.add_argument("--personas-dir", metavar="DIR",
                             help="where to write new persona pages (default: personas/ in the docs folder)")
        if name == "csv":
            command.add_argument("--departments-dir", metavar="DIR", help="where to write new department "
                                 "pages for the owners (default: departments/ in the docs folder)")
        command.add_argument("-f", "--config-file", metavar="FILE", help="the MkDocs config, for its docs_dir")
        command.set_defaults(run=run_import)
