"""The pages an import writes: a journey page from a JourneyDraft, and a persona or
department page for each one the source names that the wiki does not have yet.

The YAML is written by hand, not dumped, so it reads like a page an author wrote (block
lists, short flow lists of ids, comments saying where it came from); every scalar goes
through `yaml_text`, which quotes whatever YAML would read back differently.
"""

from __future__ import annotations

import re

from ..scaffold import yaml_text as _quoted_where_needed
from .draft import JourneyDraft, PersonaDraft, StepDraft, emotion_number

# What YAML may not hold even inside quotes (its printable set excludes these): DEL, the C1
# controls but NEL, and U+FFFE/U+FFFF. JSON-style quoting leaves them raw; they are escaped.
_NOT_YAML_PRINTABLE_RE = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")

# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS) of what means markup
# inside a line (these texts never start one); & < > become entities.
_MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#!])")


def yaml_text(text: str) -> str:
    """A text as a YAML scalar that reads back as exactly that text, whatever it holds
    (a spreadsheet cell may hold any character)."""
    quoted = _quoted_where_needed(text)
    return _NOT_YAML_PRINTABLE_RE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", quoted)


def _comment_text(text: str) -> str:
    """A file name as it can stand in a YAML comment: one line of printable characters."""
    return " ".join(_NOT_YAML_PRINTABLE_RE.sub("", "".join(c if c.isprintable() else " " for c in text)).split())


def markdown_text(text: str) -> str:
    """Plain text as Markdown that renders as exactly that text (no markup, no HTML)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL_RE.sub(r"\\\1", text)


def _ids(ids: list[str]) -> str:
    return "[" + ", ".join(yaml_text(item) for item in ids) + "]"


def _texts(lines: list[str], key: str, texts: list[str], indent: str) -> None:
    """A text lane: one text as a plain value, several as a block list."""
    if not texts:
        return
    if len(texts) == 1:
        lines.append(f"{indent}{key}: {yaml_text(texts[0])}")
        return
    lines.append(f"{indent}{key}:")
    lines.extend(f"{indent}  - {yaml_text(text)}" for text in texts)


def _number(value: float) -> str:
    return str(emotion_number(value))


def _step_lines(step: StepDraft, indent: str) -> list[str]:
    lines = [f"{indent}- name: {yaml_text(step.name)}", f"{indent}  id: {yaml_text(step.id)}"]
    inner = indent + "  "
    _texts(lines, "actions", step.actions, inner)
    _texts(lines, "thoughts", step.thoughts, inner)
    if step.persona_emotions:
        pairs = ", ".join(f"{yaml_text(pid)}: {_number(value)}" for pid, value in step.persona_emotions.items())
        lines.append(f"{inner}emotion: {{{pairs}}}")
    elif step.emotion is not None:
        lines.append(f"{inner}emotion: {_number(step.emotion)}")
    if step.touchpoints:
        lines.append(f"{inner}touchpoints:")
        for name in step.touchpoints:
            lines.append(f"{inner}  - name: {yaml_text(name)}")
            if step.channel:
                lines.append(f"{inner}    channel: {yaml_text(step.channel)}")
    _texts(lines, "pain_points", step.pain_points, inner)
    moments = [("aha", text) for text in step.aha_moments] + [("micro", text) for text in step.micro_moments]
    if moments:
        lines.append(f"{inner}moments:")
        for kind, text in moments:
            lines += [f"{inner}  - kind: {kind}", f"{inner}    text: {yaml_text(text)}"]
    _texts(lines, "backstage", step.backstage, inner)
    if step.owner:
        lines.append(f"{inner}owner: {yaml_text(step.owner)}")
    if step.completion is not None:
        lines.append(f"{inner}completion: {round(step.completion, 4):g}")
    if step.truth:
        lines.append(f"{inner}truth: true")
    if step.personas:
        lines.append(f"{inner}personas: {_ids(step.personas)}")
    return lines


def journey_page(draft: JourneyDraft) -> str:
    """The text of the journey page (front matter and a short Markdown body)."""
    lines = [
        "---",
        f"# Imported from {_comment_text(draft.source)} ({draft.source_kind}) by mkdocs-journeys import.",
        "# Stage and step ids are explicit: renaming a stage or step keeps every link to it working.",
        f"title: {yaml_text(draft.title)}",
        "journey:",
    ]
    if draft.type:
        lines.append(f"  type: {draft.type}")
    if draft.personas:
        lines.append(f"  personas: {_ids([persona.id for persona in draft.personas])}")
    if draft.scenario:
        lines.append(f"  scenario: {yaml_text(draft.scenario)}")
    lines.append("  stages:")
    for stage in draft.stages:
        lines += [f"    - name: {yaml_text(stage.name)}", f"      id: {yaml_text(stage.id)}", "      steps:"]
        for step in stage.steps:
            lines += _step_lines(step, "        ")
    lines.append("---")
    body = [f"This map was imported from {markdown_text(draft.source)}, {draft.source_kind}."]
    if draft.accessible_title:
        body.append(f"The diagram's accessible title: {markdown_text(draft.accessible_title)}")
    return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


def persona_page(persona: PersonaDraft, source: str) -> str:
    return (
        "---\n"
        f"# Written by mkdocs-journeys import for a persona named in {_comment_text(source)}:\n"
        "# fill in role, segment, quote, goals, needs, frustrations and channels.\n"
        f"title: {yaml_text(persona.name)}\n"
        "persona:\n"
        f"  name: {yaml_text(persona.name)}\n"
        "---\n\n"
        f"Named in {markdown_text(source)}. Describe this persona: their situation, habits and what "
        "matters to them. The journeys they walk are added below by the wiki.\n"
    )


def department_page(department: PersonaDraft, source: str) -> str:
    return (
        "---\n"
        f"# Written by mkdocs-journeys import for a department named in {_comment_text(source)}:\n"
        "# fill in its lead and contact.\n"
        f"title: {yaml_text(department.name)}\n"
        "department:\n"
        f"  name: {yaml_text(department.name)}\n"
        "---\n\n"
        f"Named in {markdown_text(source)}. What this department does for customers; the steps it "
        "owns are added below by the wiki.\n"
    )
