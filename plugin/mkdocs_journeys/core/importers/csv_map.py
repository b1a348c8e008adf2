"""A journey map kept in a spreadsheet, saved as CSV, read into a JourneyDraft.

One row per step; the first row names the columns (README, "Importing maps"):
`stage` and `step` are required, every other column is a lane of the map, and
`emotion: <persona>` columns give one emotion per persona. A blank `stage` cell continues
the stage above (merged cells are saved that way), and a row with a blank `step` cell adds
to the step above. Items of a list lane are the lines of a cell. The file may start with a
byte order mark (Excel's "CSV UTF-8") and use `,`, `;` or tabs between cells.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from ..model import EMOTION_MAX, EMOTION_MIN
from ..slugs import is_slug
from .draft import (
    InputError, JourneyDraft, NamedPages, StageDraft, StepDraft, UniqueIds, decode_source, emotion_number,
)

SOURCE_KIND = "a CSV spreadsheet"
DELIMITERS = (",", ";", "\t")

# Column name (lowercase, `_` and `-` read as spaces, a final plural `s` dropped) -> field.
COLUMNS = {
    "stage": "stage", "stage id": "stage_id", "step": "step", "step id": "step_id",
    "action": "actions", "thought": "thoughts", "pain point": "pain_points",
    "touchpoint": "touchpoints", "touch point": "touchpoints", "channel": "channel",
    "aha moment": "aha_moments", "micro moment": "micro_moments", "backstage": "backstage",
    "owner": "owner", "completion": "completion", "truth": "truth", "moment of truth": "truth",
    "emotion": "emotion", "persona": "personas",
}
# The names the README documents, for messages.
COLUMN_NAMES = ("stage", "step", "stage id", "step id", "actions", "thoughts", "emotion", "emotion: <persona>",
                "touchpoints", "channel", "pain points", "aha moments", "micro moments", "backstage", "owner",
                "completion", "truth", "personas")
LIST_FIELDS = ("actions", "thoughts", "pain_points", "touchpoints", "aha_moments", "micro_moments", "backstage")
SCALAR_FIELDS = ("channel", "owner", "completion", "truth", "emotion")
_PERSONA_EMOTION_RE = re.compile(r"^\s*emotions?\s*(?::|\(|-|–)\s*(?P<name>.+?)\s*\)?\s*$", re.I)
_BULLET_RE = re.compile(r"^(?:[-*•·]|\d+[.)])\s+")
_NUMBER_RE = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
TRUE_WORDS = ("yes", "y", "true", "x", "✓", "✔", "1")
FALSE_WORDS = ("no", "n", "false", "0", "-")


def column_key(header: str) -> str:
    words = re.sub(r"[\s_\-]+", " ", header.strip().lower()).split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


@dataclass
class _Column:
    index: int
    header: str
    field: str  # a COLUMNS value, or "persona_emotion"
    persona: str | None = None  # the persona id of an `emotion: <persona>` column


class _BrokenCsv(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line


def _records(text: str, delimiter: str):
    """(first line number, cells) of every record; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _BrokenCsv(line + 1, str(error)) from None
        yield line + 1, cells
        line = reader.line_num


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.personas = NamedPages("persona")
        self.departments = NamedPages("department")

    def error(self, line: int | None, column: str, value: object, expected: str) -> InputError:
        return InputError(self.source, line, f"column {column!r}", value, expected)

    # -- the header row -------------------------------------------------------------------

    def header(self, text: str) -> tuple[str, int, list[_Column]]:
        """The delimiter, the header's line and its columns: the first delimiter that makes
        the first row name both `stage` and `step`."""
        found: list[str] = []
        for delimiter in DELIMITERS:
            try:
                first = next(((line, cells) for line, cells in _records(text, delimiter)
                              if any(cell.strip() for cell in cells)), None)
            except _BrokenCsv:
                continue
            if first is None:
                raise InputError(self.source, None, "file", "no rows", "a header row naming the columns "
                                 "stage and step, then a row per step")
            line, cells = first
            keys = [column_key(cell) for cell in cells]
            if "stage" in keys and "step" in keys:
                return delimiter, line, self.columns(cells, line)
            if len(cells) > len(found):
                found = cells
        names = ", ".join(repr(cell.strip()) for cell in found if cell.strip()) or "no names"
        raise InputError(self.source, 1, "header row", names[:200], "the column names of the first row, with a "
                         "column 'stage' and a column 'step' (cells separated by , or ; or tabs)", described=True)

    def columns(self, cells: list[str], line: int) -> list[_Column]:
        columns: list[_Column] = []
        seen: dict[str, str] = {}
        for index, header in enumerate(cells):
            if not header.strip():
                continue
            persona = _PERSONA_EMOTION_RE.match(header)
            key = column_key(header)
            if key in COLUMNS:
                column = _Column(index, header.strip(), COLUMNS[key])
                identity = column.field
            elif persona:
                persona_id = self.personas.get(persona.group("name"))
                column = _Column(index, header.strip(), "persona_emotion", persona_id)
                identity = f"emotion:{persona_id}"
            else:
                raise InputError(self.source, line, "header row", header.strip(), "a known column name: "
                                 + ", ".join(COLUMN_NAMES) + " (rename the column, or delete it if it holds "
                                 "nothing for the map)")
            if identity in seen:
                raise InputError(self.source, line, "header row", header.strip(),
                                 f"each column once (column {seen[identity]!r} gives the same)")
            seen[identity] = header.strip()
            columns.append(column)
        return columns

    # -- cell values ----------------------------------------------------------------------

    def items(self, cell: str) -> list[str]:
        """The lines of a cell, each a list item (a leading bullet or number dropped)."""
        items = (_BULLET_RE.sub("", line.strip()) for line in cell.splitlines())
        return [" ".join(item.split()) for item in items if item.strip()]

    def number(self, cell: str, line: int, column: str, expected: str) -> float:
        text = cell.strip().replace("\u2212", "-").replace(" ", "")
        if not _NUMBER_RE.fullmatch(text):
            raise self.error(line, column, cell.strip(), expected)
        return float(text.replace(",", "."))  # 1,5 is a decimal comma (spreadsheets of ;-separated CSV)

    def emotion(self, cell: str, line: int, column: str) -> float:
        expected = f"a number from {EMOTION_MIN} (very negative) to {EMOTION_MAX} (very positive)"
        value = self.number(cell, line, column, expected)
        if not EMOTION_MIN <= value <= EMOTION_MAX:
            raise self.error(line, column, cell.strip(), expected)
        return value

    def completion(self, cell: str, line: int, column: str) -> float:
        text = cell.strip()
        expected = "a share from 0 to 1 (0.82) or a percentage (82%)"
        percent = text.endswith("%")
        value = self.number(text.removesuffix("%"), line, column, expected)
        if percent:
            value /= 100
        if not 0 <= value <= 1:
            raise self.error(line, column, text, expected)
        return value

    def truth(self, cell: str, line: int, column: str) -> bool:
        word = cell.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise self.error(line, column, cell.strip(), "yes or no (also true/false, x, 1/0)")

    # -- rows -----------------------------------------------------------------------------

    def row_values(self, cells: list[str], line: int, columns: list[_Column], width: int) -> dict:
        named = {column.index for column in columns}
        stray = next((index for index, cell in enumerate(cells) if index not in named and cell.strip()), None)
        if stray is not None:
            raise InputError(self.source, line, f"cell {stray + 1}", cells[stray].strip(),
                             f"at most {width} cells, as many as the header row has" if stray >= width else
                             f"a blank cell: column {stray + 1} has no name in the header row")
        values: dict = {}
        for column in columns:
            cell = cells[column.index] if column.index < len(cells) else ""
            if not cell.strip():
                continue
            field, name = column.field, column.header
            if field in LIST_FIELDS:
                values[field] = self.items(cell)
            elif field == "personas":
                values[field] = [self.personas.get(item) for part in self.items(cell) for item in part.split(",")
                                 if item.strip()]
            elif field == "owner":
                values[field] = self.departments.get(cell)
            elif field == "emotion":
                values[field] = self.emotion(cell, line, name)
            elif field == "persona_emotion":
                values.setdefault("persona_emotions", {})[column.persona] = self.emotion(cell, line, name)
            elif field == "completion":
                values[field] = self.completion(cell, line, name)
            elif field == "truth":
                values[field] = self.truth(cell, line, name)
            else:  # stage, step, their ids, channel: one text
                values[field] = " ".join(cell.split())
        return values


def _add_to_step(step: StepDraft, values: dict, line: int, reader: _Reader, given: dict[tuple[int, str], int]) -> None:
    """A row's values into a step (a row with a blank step cell adds to the step above)."""
    for field in LIST_FIELDS:
        getattr(step, field).extend(values.get(field, ()))
    for persona in values.get("personas", ()):
        if persona not in step.personas:
            step.personas.append(persona)
    scalars = [(field, values[field]) for field in SCALAR_FIELDS if field in values]
    scalars += [(f"emotion: {pid}", value) for pid, value in values.get("persona_emotions", {}).items()]
    for field, value in scalars:
        key = (id(step), field)
        if key in given:
            raise InputError(reader.source, line, field, emotion_number(value) if isinstance(value, float) else value,
                             f"one value per step: step {step.name!r} has its {field} on line {given[key]} already")
        given[key] = line
        if field.startswith("emotion: "):
            step.persona_emotions[field.removeprefix("emotion: ")] = value
        else:
            setattr(step, field, value)


def read_csv_map(data: bytes, source: str, title: str) -> JourneyDraft:
    """Read a spreadsheet saved as CSV; `source` names it in messages. Raises InputError."""
    reader = _Reader(source)
    text = decode_source(data, source, " (in a spreadsheet: save as \"CSV UTF-8\")")
    delimiter, header_line, columns = reader.header(text)
    width = len(next(cells for line, cells in _records(text, delimiter) if line == header_line))
    draft = JourneyDraft(title=title, source=source, source_kind=SOURCE_KIND)
    stage: StageDraft | None = None
    stage_lines: dict[int, int] = {}  # id(stage) -> the line that opened it
    # Ids from the `stage id` and `step id` columns, with their lines; the others are
    # derived from the names once all rows are read, so they never take an explicit one.
    explicit: dict[int, tuple[str, int]] = {}
    step: StepDraft | None = None
    given: dict[tuple[int, str], int] = {}
    try:
        records = [(line, cells) for line, cells in _records(text, delimiter) if line > header_line]
    except _BrokenCsv as error:
        raise InputError(source, error.line, "CSV", str(error), "CSV text: a quoted cell ends with a quote, "
                         "followed by the next cell's separator", described=True) from None
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        values = reader.row_values(cells, line, columns, width)
        stage_name, stage_id = values.pop("stage", None), values.pop("stage_id", None)
        step_name, step_id = values.pop("step", None), values.pop("step_id", None)
        current_stage_id = explicit.get(id(stage), (None,))[0] if stage is not None else None
        if stage_name is not None and (stage is None or stage_name != stage.name
                                       or (stage_id is not None and stage_id != current_stage_id)):
            stage = StageDraft(id="", name=stage_name)
            stage_lines[id(stage)] = line
            if stage_id is not None:
                explicit[id(stage)] = (stage_id, line)
            draft.stages.append(stage)
            step = None
        elif stage_name is None and stage_id is not None and (stage is None or stage_id != current_stage_id):
            raise reader.error(line, "stage", "", f"the name of the stage whose id is {stage_id!r}")
        if stage is None:
            raise reader.error(line, "stage", "", "the name of the first row's stage (a blank stage cell "
                               "continues the stage above)")
        if step_name is not None:
            step = StepDraft(id="", name=step_name, line=line)
            if step_id is not None:
                explicit[id(step)] = (step_id, line)
            stage.steps.append(step)
        elif step_id is not None:
            raise reader.error(line, "step", "", f"the name of the step whose id is {step_id!r}")
        elif not values:
            continue  # a row naming only a stage: its steps follow
        elif step is None:
            raise reader.error(line, "step", "", "the step's name (a blank step cell adds to the step above, "
                               "and there is none in this stage)")
        _add_to_step(step, values, line, reader, given)
    if not any(stage.steps for stage in draft.stages):
        raise InputError(source, header_line, "rows", "no step", "a row per step below the header row, "
                         "with the step's name in column 'step'")
    empty = next((stage for stage in draft.stages if not stage.steps), None)
    if empty is not None:
        raise reader.error(stage_lines[id(empty)], "step", "", f"at least one step in stage {empty.name!r}")
    lone_channel = next((step for step in draft.steps() if step.channel and not step.touchpoints), None)
    if lone_channel is not None:  # a channel is said of touchpoints: alone it would be lost
        raise reader.error(given[(id(lone_channel), "channel")], "touchpoints", "",
                           f"the touchpoints of step {lone_channel.name!r}, whose channel is {lone_channel.channel!r}")
    _assign_ids(draft.stages, explicit, reader)
    draft.personas, draft.departments = reader.personas.all, reader.departments.all
    _finish_emotions(draft)
    return draft


def _assign_ids(stages: list[StageDraft], explicit: dict[int, tuple[str, int]], reader: _Reader) -> None:
    """Explicit ids first (each once), then the slugs of the names, made unique."""
    stage_ids, step_ids = UniqueIds("stage"), UniqueIds("step")
    steps = [step for stage in stages for step in stage.steps]
    groups = [(stages, stage_ids, "stage id"), (steps, step_ids, "step id")]
    for items, ids, column in groups:
        for item in items:
            if id(item) not in explicit:
                continue
            item_id, line = explicit[id(item)]
            if not is_slug(item_id):
                raise reader.error(line, column, item_id, "a lowercase slug (letters, digits, '-' and '_')")
            if not ids.claim(item_id):
                raise reader.error(line, column, item_id, f"a {column} not used by another row")
            item.id = item_id
        for item in items:
            if not item.id:
                item.id = ids.new(item.name)


def _finish_emotions(draft: JourneyDraft) -> None:
    """A page gives a step one emotion or one per persona: a row with both keeps the single
    value for the personas that have no column value (what a single emotion means)."""
    persona_ids = [persona.id for persona in draft.personas]
    for stage in draft.stages:
        for step in stage.steps:
            if step.persona_emotions and step.emotion is not None:
                for persona_id in persona_ids:
                    step.persona_emotions.setdefault(persona_id, step.emotion)
                step.emotion = None
