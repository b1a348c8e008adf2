"""How `validate` prints problems: as the plugin logs them, as GitHub Actions annotations, or as JSON."""

from __future__ import annotations

import json
import os

from ..core.problems import Problem, Severity


def _file(problem: Problem, docs_dir: str) -> str:
    """The page's path relative to the current folder (what GitHub and editors resolve)."""
    return os.path.relpath(os.path.join(docs_dir, problem.path)).replace(os.sep, "/")


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escaping (actions/toolkit, command.ts).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, docs_dir: str) -> str:
    level = "error" if problem.severity is Severity.ERROR else "warning"
    properties = [f"file={_escape_property(_file(problem, docs_dir))}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    properties.append("title=journeys")
    return f"::{level} {','.join(properties)}::{_escape_data(problem.message)}"


def problem_record(problem: Problem, docs_dir: str) -> dict:
    return {
        "file": _file(problem, docs_dir),
        "line": problem.line,
        "field": problem.field,
        "value": problem.value,
        "expected": problem.expected,
        "severity": problem.severity.value,
        "message": problem.message,
    }


def format_problems(problems: list[Problem], style: str, docs_dir: str) -> str:
    if style == "json":
        return json.dumps([problem_record(p, docs_dir) for p in problems], ensure_ascii=False, indent=2) + "\n"
    if style == "github":
        lines = [github_annotation(p, docs_dir) for p in problems]
    else:
        lines = [p.message for p in problems]  # exactly what the plugin logs
    return "".join(line + "\n" for line in lines)


def _count(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")


def summary(problems: list[Problem], page_count: int, docs_dir: str) -> str:
    where = f"{_count(page_count, 'page')} in {os.path.relpath(docs_dir)}"
    if not problems:
        return f"{where}: no problems"
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    pages = len({p.path for p in problems})
    return (f"{where}: {_count(len(problems), 'problem')} ({_count(errors, 'error')}, "
            f"{_count(len(problems) - errors, 'warning')}) in {_count(pages, 'page')}")
