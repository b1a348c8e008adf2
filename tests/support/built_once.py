"""A site built once for the whole test run, whichever pytest-xdist worker asks first: the
others wait for it and read the same output. For sites no test writes into."""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import shutil
from pathlib import Path
from typing import Callable

import pytest

from .building import Built


def run_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's temporary root: under pytest-xdist, the folder all workers' own folders sit in."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Built]) -> Built:
    """build(folder) run once for the run under a file lock, in run_root/name; the Built it
    returned is kept beside the folder (name.json) for the workers that come later."""
    root = run_root(tmp_path_factory)
    folder, record = root / name, root / f"{name}.json"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not record.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a build cut short left
            folder.mkdir()
            built = build(folder)
            fields = {key: str(value) if isinstance(value, Path) else value
                      for key, value in dataclasses.asdict(built).items()}
            record.write_text(json.dumps(fields), encoding="utf-8")
    fields = json.loads(record.read_text(encoding="utf-8"))
    return Built(**{key: Path(value) if key in ("root", "site_dir", "docs_dir") else value
                    for key, value in fields.items()})
