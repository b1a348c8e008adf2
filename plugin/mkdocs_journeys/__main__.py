"""`python -m mkdocs_journeys`: the same command line as `mkdocs-journeys`."""

from .cli import main

raise SystemExit(main())
