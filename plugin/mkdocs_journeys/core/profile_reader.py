"""Read and validate persona and department pages (their id is the file's stem)."""

from __future__ import annotations

import posixpath

from .fields import FieldReader
from .frontmatter import LineDict
from .model import SEGMENTS, Department, Persona
from .slugs import MAX_PAGE_ID_CHARS, is_slug, slugify

PERSONA_KEYS = ("name", "role", "segment", "quote", "goals", "needs", "frustrations", "channels")
DEPARTMENT_KEYS = ("name", "lead", "contact")


def page_id(path: str, reader: FieldReader, kind: str) -> str | None:
    """A persona's or department's id: its file's stem, which must be a lowercase slug."""
    name = posixpath.basename(path)
    stem = name.rpartition(".")[0] or name  # "...md" is ".." + ".md" (splitext keeps leading dots)
    if is_slug(stem) and len(stem) <= MAX_PAGE_ID_CHARS:
        return stem
    slug = slugify(stem)[:MAX_PAGE_ID_CHARS].strip("-_")
    hint = f", e.g. '{slug}.md'" if slug else ""
    reader.report(kind, name, f"a file name that is a lowercase slug of at most {MAX_PAGE_ID_CHARS} characters "
                  f"(the {kind}'s id){hint}", None)
    return None


def read_persona(data: LineDict, reader: FieldReader) -> Persona | None:
    reader.check_keys(data, PERSONA_KEYS, "persona")
    persona_id = page_id(reader.path, reader, "persona")
    persona = Persona(
        id=persona_id or "",
        path=reader.path,
        name=reader.text(data, "name", "persona.name"),
        role=reader.text(data, "role", "persona.role"),
        segment=reader.choice(data, "segment", "persona.segment", SEGMENTS),
        quote=reader.text(data, "quote", "persona.quote"),
        goals=reader.texts(data, "goals", "persona.goals"),
        needs=reader.texts(data, "needs", "persona.needs"),
        frustrations=reader.texts(data, "frustrations", "persona.frustrations"),
        channels=reader.texts(data, "channels", "persona.channels"),
    )
    return persona if persona_id else None


def read_department(data: LineDict, reader: FieldReader) -> Department | None:
    reader.check_keys(data, DEPARTMENT_KEYS, "department")
    department_id = page_id(reader.path, reader, "department")
    department = Department(
        id=department_id or "",
        path=reader.path,
        name=reader.text(data, "name", "department.name"),
        lead=reader.text(data, "lead", "department.lead"),
        contact=reader.text(data, "contact", "department.contact"),
    )
    return department if department_id else None
