"""A Mermaid `journey` diagram read into a JourneyDraft: sections become stages, tasks
steps, the score 1..5 the emotion -2..2, actors personas.

The grammar followed is Mermaid's own (packages/mermaid/src/diagrams/user-journey/parser/
journey.jison and journeyDb.js, with what mermaid does to any diagram text first:
preprocess.ts, frontmatter.ts, utils.encodeEntities):

- keywords in any case; `%%` lines are comments, `%%{...}%%` directives are ignored, `#`
  ends a line's text (a comment) except in `accTitle`/`accDescr`; `#name;` and `#123;` are
  entity codes (`#35;` is a `#`);
- a `---` front matter block before `journey` may give the `title`; a `title` statement wins;
- `accTitle: text`, `accDescr: text` or `accDescr { several lines }`;
- `section Name`; a task is `Task name: score: actor, actor` (actors optional; text after
  a third `:` is ignored, as Mermaid does); `<br>` in a name is a line break, other HTML
  (Mermaid renders it) is dropped to plain text.

Mermaid draws consecutive tasks of the same section name as one section and does not
draw a section without tasks: the stages are read the same way. Where Mermaid draws
nonsense rather than complain (a score that is not a number or outside 1..5, which it
plots off the scale), the import stops with the line and the value instead.
"""

from __future__ import annotations

import html
import re
import textwrap

from ..frontmatter import FrontMatterError, parse_yaml
from .draft import InputError, JourneyDraft, NamedPages, StageDraft, StepDraft, UniqueIds

SOURCE_KIND = "a Mermaid journey diagram"
TASK_SYNTAX = "`Task name: score: actor, actor`"
SCORE_MIN, SCORE_MAX = 1, 5

# Mermaid's directive pattern (diagram-api/regexes.ts): `%%{init: {...}}%%`, over several lines too.
_DIRECTIVE_RE = re.compile(r"%%\{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!\}%%).|\n)*))?\s*(?:\}%%)?", re.I)
_ENTITY_RE = re.compile(r"#(\w+);", re.A)
_PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")
_LINE_BREAK_RE = re.compile(r"</?br\s*/?>", re.I)  # Mermaid's lineBreakRegex, and </br>
_UNSAFE_ELEMENT_RE = re.compile(r"<(script|style|iframe|object)\b.*?(</\1\s*>|$)", re.I | re.S)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_JOURNEY_RE = re.compile(r"journey(?=\s|$)", re.I)
_TITLE_RE = re.compile(r"title\s+(.*)$", re.I | re.S)
_ACC_TITLE_RE = re.compile(r"accTitle\s*:\s*(.*)$", re.I | re.S)
_ACC_DESCR_RE = re.compile(r"accDescr\s*:\s*(.*)$", re.I | re.S)
_ACC_DESCR_BLOCK_RE = re.compile(r"accDescr\s*\{", re.I)
_SECTION_RE = re.compile(r"section\s+(.*)$", re.I | re.S)
_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# A Markdown code fence: ```mermaid, ~~~mermaid, ```mermaid-example (Mermaid's own docs).
_FENCE_RE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)")


class _Entities:
    """Mermaid replaces `#quot;`, `#35;`, ... before parsing, so the `#` in them is no comment."""

    def __init__(self) -> None:
        self.decoded: list[str] = []

    def hide(self, text: str) -> str:
        def placeholder(match: re.Match) -> str:
            code = match.group(1)
            self.decoded.append(html.unescape(f"&#{code};" if code.isdigit() else f"&{code};"))
            return f"\ue000{len(self.decoded) - 1}\ue001"

        return _ENTITY_RE.sub(placeholder, text)

    def restore(self, text: str) -> str:
        def decoded(match: re.Match) -> str:
            index = int(match.group(1))  # the input's own private-use characters are left alone
            return self.decoded[index] if index < len(self.decoded) else match.group(0)

        return _PLACEHOLDER_RE.sub(decoded, text)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.entities = _Entities()
        self.front_matter_title: str | None = None
        self.title: str | None = None
        self.acc_title: str | None = None
        self.acc_descr: str | None = None
        self.started = False
        self.section: str | None = None
        self.section_line: int | None = None
        # (section, section line, task name, line, score, actors)
        self.tasks: list[tuple[str | None, int | None, str, int, float, list[str]]] = []
        self.notes: list[str] = []
        self.noted_markup = False

    def error(self, line: int | None, field: str, value: object, expected: str) -> InputError:
        return InputError(self.source, line, field, value, expected)

    def text(self, raw: str) -> str:
        """A name or title as Mermaid shows it, as plain text: `<br>` a space, other HTML
        tags dropped (Mermaid renders `<b>` as bold and removes `<script>` with its
        content), entities decoded, spaces collapsed."""
        text = _LINE_BREAK_RE.sub(" ", self.entities.restore(raw))
        stripped = _TAG_RE.sub("", _UNSAFE_ELEMENT_RE.sub("", text))
        if stripped != text and not self.noted_markup:
            self.noted_markup = True
            self.notes.append(f"{self.source}: HTML markup in names was dropped: the page's texts are plain text")
        return " ".join(html.unescape(stripped).split())

    # -- what Mermaid does before its parser sees the text --------------------------------

    def blank_out(self, text: str, start: int, end: int) -> str:
        """Remove text[start:end] but keep its line breaks, so line numbers stay right."""
        return text[:start] + "\n" * text.count("\n", start, end) + text[end:]

    def preprocess(self, text: str) -> list[str]:
        text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
        lines = text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and lines[first].strip() == "---":
            closing = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "---"), None)
            if closing is None:
                raise self.error(first + 1, "front matter", "'---' with no closing '---'",
                                 "a front matter block closed by a line '---' before `journey`")
            self.read_front_matter(textwrap.dedent("\n".join(lines[first + 1:closing])), first + 2)
            lines[first:closing + 1] = [""] * (closing + 1 - first)
            text = "\n".join(lines)
        position = 0
        while (match := _DIRECTIVE_RE.search(text, position)) is not None:
            if not match.group(0).rstrip().endswith("}%%") and match.group(4) is not None:
                line = text.count("\n", 0, match.start()) + 1
                raise self.error(line, "directive", match.group(0).split("\n")[0],
                                 "a directive closed by `}%%`, such as %%{init: {'theme': 'forest'}}%%")
            text = self.blank_out(text, match.start(), match.end())
            position = match.start()
        return self.entities.hide(text).split("\n")

    def read_front_matter(self, yaml_text: str, first_line: int) -> None:
        try:  # the pages' own guarded reader: no alias bombs, no absurd nesting
            data = parse_yaml(yaml_text + "\n", first_line)
        except FrontMatterError as error:
            raise InputError(self.source, error.line or first_line, "front matter", error.message,
                             "valid YAML between the two '---' lines", described=True) from None
        if isinstance(data, dict) and data.get("title") not in (None, ""):
            self.front_matter_title = " ".join(str(data["title"]).split())

    # -- statements ---------------------------------------------------------------------

    def parse(self, text: str) -> None:
        lines = self.preprocess(text)
        index = 0
        while index < len(lines):
            number = index + 1
            line = lines[index].strip()
            index += 1
            block = _ACC_DESCR_BLOCK_RE.match(line)
            if block and self.started:
                rest = line[block.end():]
                collected = []
                start_line = number
                while "}" not in rest:
                    collected.append(rest)
                    if index >= len(lines):
                        raise self.error(start_line, "accDescr", "'accDescr {' with no closing '}'",
                                         "a description closed by '}'")
                    rest = lines[index]
                    index += 1
                inside, _, after = rest.partition("}")
                collected.append(inside)
                # Mermaid's setAccDescription drops the indentation of continued lines.
                self.acc_descr = re.sub(r"\n\s+", "\n", self.entities.restore("\n".join(collected)).strip()) or None
                # Mermaid reads on right after the brace; `index` is now the brace's line number.
                self.statement(after.strip(), index)
                continue
            self.statement(line, number)
        if not self.started:
            raise self.error(None, "diagram", "no `journey` line", "a Mermaid journey diagram: its first "
                             "statement is `journey`")

    def statement(self, line: str, number: int) -> None:
        if not line or line.startswith("%%"):
            return
        if not self.started:
            match = _JOURNEY_RE.match(line)
            if match is None:
                kind = line.split()[0]
                raise self.error(number, "diagram type", self.entities.restore(kind),
                                 "`journey`: this importer reads Mermaid journey diagrams only")
            self.started = True
            self.statement(line[match.end():].strip(), number)
            return
        acc = _ACC_TITLE_RE.match(line) or _ACC_DESCR_RE.match(line)
        if acc:
            value = " ".join(self.entities.restore(acc.group(1)).split())
            if acc.re is _ACC_TITLE_RE:
                self.acc_title = value or None
            else:
                self.acc_descr = value or None
            return
        line, hash_sign, comment = line.partition("#")  # the rest of the line is a comment
        if hash_sign and line.strip() and comment.strip():
            self.notes.append(f"{self.source}:{number}: read {('#' + comment).strip()!r} as a comment, as Mermaid "
                              "does (write #35; for a # in a name)")
        line = re.split(r"\s%%", line, maxsplit=1)[0].strip()
        if not line:
            return
        title = _TITLE_RE.match(line)
        if title:
            self.title = self.text(title.group(1)) or self.title
            return
        section = _SECTION_RE.match(line)
        if section:
            self.section, self.section_line = self.text(section.group(1)), number
            return
        self.task(line, number)

    def task(self, line: str, number: int) -> None:
        name, colon, data = line.partition(":")
        name = self.text(name)
        if not colon:
            raise self.error(number, "task", self.text(line), f"a task written {TASK_SYNTAX}")
        if not name:
            raise self.error(number, "task", self.text(line), f"a task name before the ':' ({TASK_SYNTAX})")
        pieces = data.split(":")
        score_text = self.entities.restore(pieces[0]).strip()
        field = f"score of task {name!r}"
        if not _NUMBER_RE.fullmatch(score_text):
            raise self.error(number, field, score_text, f"a number from {SCORE_MIN} to {SCORE_MAX} ({TASK_SYNTAX})")
        score = float(score_text)
        if not SCORE_MIN <= score <= SCORE_MAX:
            raise self.error(number, field, score_text, f"a number from {SCORE_MIN} to {SCORE_MAX} "
                             "(5 very positive, 1 very negative)")
        actors = [self.text(actor) for actor in pieces[1].split(",")] if len(pieces) > 1 else []
        if len(pieces) > 2 and ":".join(pieces[2:]).strip():
            self.notes.append(f"{self.source}:{number}: ignored {':'.join(pieces[2:]).strip()!r} after the "
                              "actors of the task (Mermaid ignores it too)")
        self.tasks.append((self.section, self.section_line, name, number, score, [a for a in actors if a]))


def _is_journey(lines: list[str]) -> bool:
    """Whether a diagram's first statement (after front matter, directives and comments) is `journey`."""
    in_front_matter = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped == "---" and (in_front_matter or not any(previous.strip() for previous in lines[:index])):
            in_front_matter = not in_front_matter
        elif stripped and not in_front_matter and not stripped.startswith("%%"):
            return _JOURNEY_RE.match(stripped) is not None
    return False


def journey_block(text: str, source: str) -> str:
    """The diagram of a Markdown page's one ```mermaid block that holds a journey, as the
    text of the whole page with every other line blank (so line numbers stay the page's);
    a text with no ```mermaid block is returned as it is."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, int]] = []  # (first line index inside, index of the closing fence)
    index = 0
    while index < len(lines):
        opening = _FENCE_RE.match(lines[index])
        index += 1
        if opening is None:
            continue
        fence = opening.group("fence")
        start = index
        while index < len(lines) and not lines[index].strip().startswith(fence):
            index += 1
        if opening.group("info").lower().startswith("mermaid"):
            blocks.append((start, index))
        index += 1
    if not blocks:
        return text
    journeys = [(start, end) for start, end in blocks if _is_journey(lines[start:end])]
    if len(journeys) != 1:
        found = "no journey diagram" if not journeys else \
            f"{len(journeys)} journey diagrams (lines {', '.join(str(start) for start, _ in journeys)})"
        raise InputError(source, None, "```mermaid blocks", found, "one ```mermaid block holding a journey "
                         "diagram (copy the one to import into a .mmd file)", described=True)
    start, end = journeys[0]
    return "\n".join(line if start <= number < end else "" for number, line in enumerate(lines))


def read_mermaid_journey(text: str, source: str, fallback_title: str) -> JourneyDraft:
    """Read a diagram's text, or the Markdown page that holds it in a ```mermaid block;
    `source` names it in messages, `fallback_title` is the title of a diagram that has
    neither `title` nor `accTitle`. Raises InputError."""
    reader = _Reader(source)
    reader.parse(journey_block(text, source))
    if not reader.tasks:
        raise reader.error(None, "tasks", "none", f"at least one task written {TASK_SYNTAX}: a journey "
                           "map needs at least one step")
    title = reader.title or reader.front_matter_title or reader.acc_title or fallback_title
    draft = JourneyDraft(title=title, source=source, source_kind=SOURCE_KIND, scenario=reader.acc_descr,
                         accessible_title=reader.acc_title if reader.acc_title not in (None, title) else None,
                         notes=reader.notes)
    personas = NamedPages("persona")
    for _, _, _, _, _, actors in reader.tasks:
        for actor in actors:
            personas.get(actor)
    draft.personas = personas.all
    several = len(draft.personas) > 1
    stage_ids, step_ids = UniqueIds("stage"), UniqueIds("step")
    stage, stage_section = None, None
    for section, section_line, name, line, score, actors in reader.tasks:
        if stage is None or section != stage_section:
            stage_name = section or title
            if section is None:
                draft.notes.append(f"{source}:{line}: tasks before any `section` form a stage named after "
                                   f"the journey, {stage_name!r}")
            stage = StageDraft(id=stage_ids.new(stage_name), name=stage_name)
            stage_section = section
            draft.stages.append(stage)
        step = StepDraft(id=step_ids.new(name), name=name, line=line)
        emotion = score - 3
        actor_ids = list(dict.fromkeys(personas.get(actor) for actor in actors))
        if several and actor_ids:
            # One curve per persona: each actor of the task feels the task's score.
            step.persona_emotions = {actor_id: emotion for actor_id in actor_ids}
            step.personas = actor_ids
        else:
            step.emotion = emotion
        stage.steps.append(step)
    return draft
