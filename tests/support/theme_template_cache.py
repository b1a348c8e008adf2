"""An MkDocs hook (`hooks:` in the tests' mkdocs.yml): the theme's templates are compiled
once per test process, not once per build.

Every `mkdocs build` makes a new Jinja environment for the theme and compiles each Material
template it renders again: most of the time of building a small test site. Jinja has a hook
made for this, `Environment.bytecode_cache`; this MkDocs hook sets it on the theme's
environment in `on_env`, through MkDocs' own hooks mechanism. Nothing is patched: the
build runs as `mkdocs build` runs it, with one more hook in its config, and the journey
templates' environment keeps its own (render/environment.py).

The compiled code is kept in memory by template name and file, and reused only while the
template's source is the same (Jinja compares a checksum of it): the class the plugin keeps
its own templates' code in, across `mkdocs serve`'s rebuilds. MkDocs sets the theme's
environment up the same way for every build, so code compiled for one build is code for
the next. tests/test_theme_template_cache.py proves a build with cached templates writes the
same bytes as one without. Builds in a subprocess compile their own.
"""

from __future__ import annotations

import sys
from typing import Any

from jinja2 import Environment

from mkdocs_journeys.render.environment import CompiledTemplates

# MkDocs runs a hook file as a new module for each config it loads: the compiled code lives
# on the first one loaded in this process, so every later build finds it.
_first = sys.modules.setdefault("journeys_tests_theme_template_cache", sys.modules[__name__])
COMPILED: CompiledTemplates = getattr(_first, "COMPILED", None) or CompiledTemplates()


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    if env.bytecode_cache is None:  # a theme that brings a cache of its own keeps it
        env.bytecode_cache = COMPILED
    return env
