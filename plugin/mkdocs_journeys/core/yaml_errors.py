"""YAML syntax errors told in plain words, for authors who are not programmers.

PyYAML (and libyaml, in its own words) describes an error by the parser's state: "mapping
values are not allowed here", "did not find expected key". An author needs what is wrong
on which line and what to do: "put the text in quotes", "check the indentation". The
mark PyYAML gives is where the parser gave up, often the line after the mistake (a key
without its colon is found out on the next line): each explanation names the line the
author has to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

VALID_YAML = "valid YAML front matter"

_KEY_BEFORE_RE = re.compile(r"^\s*(?:-\s+)?([^\s:#'\"][^:#]*?):(?:\s|$)")
_QUOTES = "'\""
_FIELD_NAME_RE = re.compile(r"^[a-z_]+$")  # the format's keys: `name`, `pain_points`, ...


@dataclass(frozen=True)
class Explanation:
    found: str  # what is wrong, in plain words
    expected: str  # what the author should write instead
    line: int | None  # 0-based line of the YAML text to change, where known


def _line(lines: list[str], mark: yaml.Mark | None) -> str:
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    return lines[mark.line]


def _shown(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _indentation(line: int | None, found: str) -> Explanation:
    return Explanation(
        found=f"wrong indentation: {found}",
        expected=f"{VALID_YAML}: check the indentation; the keys of one mapping start in the same column, "
        "and so do the '- ' items of one list (indent with spaces, never tabs)",
        line=line,
    )


def _colon_in_text(lines: list[str], mark: yaml.Mark) -> Explanation | None:
    """`scenario: Two families: plan a weekend`: a second `: ` on a line that has a key."""
    text = _line(lines, mark)
    before = text[: mark.column]
    key = _KEY_BEFORE_RE.match(before)
    if key is None or before[key.end():].lstrip().startswith(tuple(_QUOTES)):
        return None
    name = key.group(1).strip()
    if text.lstrip().startswith("-") and not _FIELD_NAME_RE.match(name):
        # `- Relax: with the children`: a list item of text, not a key of the format.
        return Explanation(
            found="a colon followed by a space inside a list item, which YAML reads as a key",
            expected=f"{VALID_YAML}: put the text in quotes, all of it after '- '",
            line=mark.line,
        )
    return Explanation(
        found=f"a colon followed by a space inside the text of '{name}', which YAML reads as another key",
        expected=f"{VALID_YAML}: put the text in quotes, all of it after '{name}:'",
        line=mark.line,
    )


def explain(error: yaml.MarkedYAMLError, yaml_text: str) -> Explanation:
    """What an author should know about a YAML syntax error (PyYAML's or libyaml's wording)."""
    lines = yaml_text.split("\n")
    problem = error.problem or ""
    context = error.context or ""
    problem_mark, context_mark = error.problem_mark, error.context_mark
    at = problem_mark or context_mark
    line = at.line if at is not None else None

    if "could not find expected ':'" in problem and context_mark is not None:
        # Found out where the next key starts; the colon is missing on the key's own line.
        return Explanation(
            found=f"a line without the colon after its key ({_shown(_line(lines, context_mark))})",
            expected=f"{VALID_YAML}: write 'key: value', with a colon and a space after the key "
            "(or '- value' for an item of a list)",
            line=context_mark.line,
        )
    if problem.startswith("mapping values are not allowed") and problem_mark is not None:
        return _colon_in_text(lines, problem_mark) or _indentation(
            line, "this line is indented further than the line above it")
    if ("cannot start any token" in problem or "tab character" in problem) and problem_mark is not None:
        text = _line(lines, problem_mark)
        if "tab character" in problem or "\t" in text[: len(text) - len(text.lstrip())]:
            return Explanation(found="a tab in the indentation",
                               expected=f"{VALID_YAML}: indent with spaces only, never with tabs", line=line)
        character = text[problem_mark.column: problem_mark.column + 1] or "?"
        return Explanation(found=f"a text that starts with '{character}', which YAML keeps for itself",
                           expected=f"{VALID_YAML}: put the text in quotes", line=line)
    if "quoted scalar" in context and context_mark is not None:
        return Explanation(found="a quote that is opened here and never closed",
                           expected=f"{VALID_YAML}: close the quote at the end of the text, or remove it",
                           line=context_mark.line)
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        return Explanation(
            found=f"a '{bracket}' that is not closed with '{closing}'",
            expected=f"{VALID_YAML}: close it with '{closing}' on the same line, or put a text that starts "
            f"with '{bracket}' in quotes",
            line=context_mark.line if context_mark is not None else line,
        )
    if "undefined alias" in problem:
        name = _shown(_line(lines, problem_mark))
        return Explanation(found=f"a '*' that refers to no '&' anchor ({name})",
                           expected=f"{VALID_YAML}: put a text that starts with '*' in quotes", line=line)
    if problem_mark is not None and (
        "expected key" in problem or "expected '-' indicator" in problem or "expected <block end>" in problem
    ):
        before = _line(lines, problem_mark)[: problem_mark.column]
        if any(quote in before.split(":", 1)[-1] for quote in _QUOTES):
            return Explanation(
                found="more text after the closing quote of a quoted text",
                expected=f"{VALID_YAML}: quote the whole text; inside single quotes write a quote twice "
                "('It''s fine'), or use double quotes",
                line=line,
            )
        return _indentation(line, "this line does not line up with the keys or list items above it")
    described = problem or context or "invalid YAML"
    if error.context and error.problem:
        described += f" ({error.context})"
    return Explanation(found=f"invalid YAML: {described}", expected=VALID_YAML, line=line)
