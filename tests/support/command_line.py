"""The command line (`mkdocs-journeys`) run in the test process: its main(), as
`python -m mkdocs_journeys` calls it, without starting an interpreter and importing the
package again for each run (half a second of CPU each, a few hundred runs in the suite).

Tests of what only a real process shows (the installed script, `python -m`, arguments that
are not UTF-8, the interpreter's locale and output encoding, memory limits) start one.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path

from mkdocs_journeys.cli import main


def _text(captured: io.StringIO) -> str:
    # what a finished process's output reads as in text mode (universal newlines)
    return captured.getvalue().replace("\r\n", "\n").replace("\r", "\n")


def run_here(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs-journeys *args` in `cwd`, with `env` added to the environment for the run:
    its exit status and output as a finished process would give them."""
    out, err = io.StringIO(), io.StringIO()
    saved_environment, saved_folder = dict(os.environ), os.getcwd()
    os.environ.update(env or {})
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as exit_:  # argparse: --help (0) and usage errors (2)
                status = 0 if exit_.code is None else exit_.code if isinstance(exit_.code, int) else 1
    finally:
        os.chdir(saved_folder)
        os.environ.clear()
        os.environ.update(saved_environment)
    return subprocess.CompletedProcess(["mkdocs-journeys", *args], status, _text(out), _text(err))
