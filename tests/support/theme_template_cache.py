"""An MkDocs hook (`hooks:` in the tests' mkdocs.yml): the theme's templates are compiled
once per test process, not once per build.

Every `mkdocs build` makes a new Jinja environment for the theme and compiles each Material
template it renders again: most of the time of building a small test site. Jinja has a hook
made for this, `Environment.bytecode_cache`; this MkDocs hook sets it on the theme's
environment in `on_env`, through MkDocs' own hooks mechanism. Nothing is patched: the
build runs as `mkdocs build` runs it, with one more hook in its config, and the journey
templates' own environment is left alone.

The compiled code is kept in memory by template name and file, and reused only while the
template's source is the same (Jinja compares a checksum of it). MkDocs sets the theme's
environment up the same way for every build, so code compiled for one build is code for
the next. tests/test_theme_template_cache.py proves a build with cached templates writes the
same bytes as one without. Builds in a subprocess compile their own.
"""

from __future__ import annotations

import sys
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Compiled template code kept in memory, by template name and file."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, Any]] = {}  # key -> (source checksum, code)
        self.reused = 0  # templates handed back compiled (the test reads it)

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, f"{name}\0{filename}", self.get_source_checksum(source))
        found = self.codes.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]
            self.reused += 1
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = (bucket.checksum, bucket.code)

    # The part of BytecodeCache's interface for caches that store bytes: not used here.
    def load_bytecode(self, bucket: Bucket) -> None:
        pass

    def dump_bytecode(self, bucket: Bucket) -> None:
        pass


# MkDocs runs a hook file as a new module for each config it loads: the compiled code lives
# on the first one loaded in this process, so every later build finds it.
_first = sys.modules.setdefault("journeys_tests_theme_template_cache", sys.modules[__name__])
COMPILED: CompiledTemplates = getattr(_first, "COMPILED", None) or CompiledTemplates()


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    if env.bytecode_cache is None:  # a theme that brings a cache of its own keeps it
        env.bytecode_cache = COMPILED
    return env
