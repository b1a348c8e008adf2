"""Where the plugin's own build time goes, phase by phase (for the benchmark).

Always logged at debug level; written as JSON to the file named by the environment
variable MKDOCS_JOURNEYS_TIMINGS when it is set.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

PHASES = ("read_validate", "cross_reference", "render_maps", "generated_pages", "exports")
ENV_VAR = "MKDOCS_JOURNEYS_TIMINGS"


class PhaseTimer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start

    def report(self, log: logging.Logger | logging.LoggerAdapter, journeys: int) -> None:
        figures = {name: round(self.seconds.get(name, 0.0), 4) for name in PHASES}
        log.debug("timings (s): %s for %d journeys", figures, journeys)
        path = os.environ.get(ENV_VAR)
        if path:
            try:
                with open(path, "w", encoding="utf-8") as file:
                    json.dump({"journeys": journeys, "seconds": figures}, file)
            except OSError as error:  # a figure for the benchmark is not worth failing a build for
                log.warning("the environment variable %s names %r, which cannot be written (%s); "
                            "it must name a file to write the timings to", ENV_VAR, path, error.strerror or error)
