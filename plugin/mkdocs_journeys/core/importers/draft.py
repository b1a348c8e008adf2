"""What an importer reads out of a map written elsewhere, before it becomes a page.

A draft holds plain texts and numbers with every id already chosen: explicit, unique and
valid, so the page written from it keeps working when a name is edited later (an
opportunity's `at` names ids, not names) and validates whatever names the source repeats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..problems import Problem, describe_value
from ..slugs import MAX_PAGE_ID_CHARS, slugify


class InputError(Exception):
    """The input cannot be read as a journey map: names the file, the line, what was found
    there and what was expected (the same form as the validator's problems)."""

    def __init__(self, source: str, line: int | None, field: str, value: Any, expected: str,
                 described: bool = False):
        self.problem = Problem(path=source, line=line, field=field,
                               value=value if described else describe_value(value), expected=expected)
        super().__init__(self.problem.message)

    @property
    def message(self) -> str:
        return self.problem.message


def decode_source(data: bytes, source: str, hint: str = "") -> str:
    """UTF-8 text (a byte order mark allowed); anything else names the first bad byte's line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(source, line, "encoding", f"the byte {data[error.start]:#04x}, which is not UTF-8",
                         "a file saved as UTF-8 text" + hint, described=True) from None


@dataclass
class StepDraft:
    id: str
    name: str
    line: int | None = None  # where the step starts in the source
    actions: list[str] = field(default_factory=list)
    thoughts: list[str] = field(default_factory=list)
    emotion: float | None = None  # every persona's emotion at the step
    persona_emotions: dict[str, float] = field(default_factory=dict)  # persona id -> emotion
    touchpoints: list[str] = field(default_factory=list)
    channel: str | None = None  # the channel of every touchpoint of the step
    pain_points: list[str] = field(default_factory=list)
    aha_moments: list[str] = field(default_factory=list)
    micro_moments: list[str] = field(default_factory=list)
    backstage: list[str] = field(default_factory=list)
    owner: str | None = None  # department id
    completion: float | None = None
    truth: bool = False
    personas: list[str] = field(default_factory=list)  # persona ids


@dataclass
class StageDraft:
    id: str
    name: str
    steps: list[StepDraft] = field(default_factory=list)


@dataclass
class PersonaDraft:
    """A persona or department named by the source: its id and the name as written there."""

    id: str
    name: str


@dataclass
class JourneyDraft:
    title: str
    source: str  # the input file's name, said in the page
    source_kind: str  # "a Mermaid journey diagram", "a CSV spreadsheet"
    stages: list[StageDraft] = field(default_factory=list)
    personas: list[PersonaDraft] = field(default_factory=list)  # in order of appearance
    departments: list[PersonaDraft] = field(default_factory=list)
    scenario: str | None = None
    accessible_title: str | None = None  # Mermaid's accTitle, when it is not the title
    type: str | None = None
    # What the source held that the page cannot keep, or where the importer chose for the
    # user (said on stderr, never silently dropped).
    notes: list[str] = field(default_factory=list)

    def steps(self) -> list[StepDraft]:
        return [step for stage in self.stages for step in stage.steps]

    def use_persona_id(self, old: str, new: str) -> None:
        """The persona `old` is the wiki's persona `new` (a page of that name exists)."""
        for step in self.steps():
            step.personas = list(dict.fromkeys(new if pid == old else pid for pid in step.personas))
            if old in step.persona_emotions:
                step.persona_emotions = {(new if pid == old else pid): value
                                         for pid, value in step.persona_emotions.items()}
        self.personas = _renamed(self.personas, old, new)

    def use_department_id(self, old: str, new: str) -> None:
        for step in self.steps():
            if step.owner == old:
                step.owner = new
        self.departments = _renamed(self.departments, old, new)


def _renamed(drafts: list[PersonaDraft], old: str, new: str) -> list[PersonaDraft]:
    """The list with `old`'s id changed to `new`, each id once (the first place kept)."""
    renamed = [PersonaDraft(new if item.id == old else item.id, item.name) for item in drafts]
    seen: set[str] = set()
    return [item for item in renamed if not (item.id in seen or seen.add(item.id))]


class UniqueIds:
    """Ids that are slugs of names, made unique in order of appearance: `name`, `name-2`,
    `name-3` (as the format derives them); `fallback` for a name with no letters or digits."""

    def __init__(self, fallback: str, max_length: int | None = None):
        self.fallback = fallback
        self.max_length = max_length
        self.taken: set[str] = set()

    def base(self, name: str) -> str:
        slug = slugify(name)
        if self.max_length is not None and len(slug) > self.max_length:
            # Cut at a word boundary where there is one, so the id still reads as the name.
            cut = slug[: self.max_length]
            slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-_")
        return slug or self.fallback

    def claim(self, item_id: str) -> bool:
        """Take an explicit id; False when it is already taken."""
        if item_id in self.taken:
            return False
        self.taken.add(item_id)
        return True

    def new(self, name: str) -> str:
        base = self.base(name)
        candidate, number = base, 1
        while candidate in self.taken:
            number += 1
            suffix = f"-{number}"
            stem = base
            if self.max_length is not None and len(stem) + len(suffix) > self.max_length:
                stem = stem[: self.max_length - len(suffix)].rstrip("-_")
            candidate = stem + suffix
        self.taken.add(candidate)
        return candidate


class NamedPages:
    """Personas (or departments) named in the source, each with an id that can name its page
    (a slug of at most 60 characters); the same name, or a name with the same slug, is the
    same persona."""

    def __init__(self, fallback: str):
        self._ids = UniqueIds(fallback, MAX_PAGE_ID_CHARS)
        self._by_key: dict[str, PersonaDraft] = {}
        self.all: list[PersonaDraft] = []

    def get(self, name: str) -> str:
        name = " ".join(name.split())
        key = slugify(name) or name.casefold()
        if key not in self._by_key:
            draft = PersonaDraft(id=self._ids.new(name), name=name)
            self._by_key[key] = draft
            self.all.append(draft)
        return self._by_key[key].id


def emotion_number(value: float) -> int | float:
    """An emotion as the page writes it: 1, not 1.0; 0.5 stays 0.5."""
    return int(value) if float(value).is_integer() else round(float(value), 3)
