"""Checks shared by the hostile-input tests of configuration, markers and the command line:
run the real command, and prove a run wrote nothing it should not have."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import Built
from support.command_line import run_here


# Settings the interpreter reads when it starts (locale, output encoding): a run that
# sets one needs a process of its own.
INTERPRETER_SETTINGS = ("PYTHON", "LC_", "LANG")


def run_cli(*args: str | bytes, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs-journeys ...` in `cwd`, its output as text: run in this process
    (support/command_line.py), or, when the run depends on the interpreter (an argument that
    is not text, a locale or Python setting in `env`), as `python -m mkdocs_journeys` in a
    process of its own (its bytes that are not UTF-8 shown as \\udcXX surrogates, so a test
    can still read the rest)."""
    if not any(isinstance(arg, bytes) for arg in args) and not any(
            name.startswith(INTERPRETER_SETTINGS) for name in env or {}):
        return run_here(*args, cwd=cwd, env=env)
    return subprocess.run([sys.executable, "-m", "mkdocs_journeys", *args], cwd=cwd, capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=120, text=True, encoding="utf-8",
                          errors="surrogateescape")


def write_project(root: Path, pages: dict[str, str], plugin_config: dict | None = None) -> None:
    """The docs folder and a mkdocs.yml as conftest.build_site writes them, without building
    (for tests of the command line, which never needs the site)."""
    for path, text in pages.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    settings = {"site_name": "Test wiki", "docs_dir": "docs", "site_dir": "site", "theme": {"name": "material"},
                "plugins": ["search", {"journeys": plugin_config or {"today": "2026-11-22"}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")


def run_mkdocs_build(root: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` itself, in a folder holding mkdocs.yml (for what a test helper cannot
    write, such as an `!ENV` tag)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def tree(root: Path, skip: tuple[str, ...] = ("site",)) -> dict[str, bytes]:
    """Every file under root (relative path -> bytes), top-level folders in `skip` left out."""
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in skip or not path.is_file():
            continue
        files[relative.as_posix()] = path.read_bytes()
    return files


def assert_docs_as_written(built: Built, pages: dict[str, str]) -> None:
    """The docs folder holds exactly the pages the test wrote, byte for byte, and the project
    folder nothing but docs/, mkdocs.yml and the site: the build wrote nowhere else."""
    written = {f"docs/{path}": text.encode("utf-8") for path, text in pages.items()}
    found = tree(built.root, skip=("site",))
    found.pop("mkdocs.yml", None)
    assert found == written


def assert_clean_failure(result: subprocess.CompletedProcess, *named: str) -> None:
    """Exit status 2, one message naming each of `named`, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    for name in named:
        assert name in result.stderr, (name, result.stderr)
