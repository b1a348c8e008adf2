"""mkdocs-journeys: customer-journey pages as swimlane maps in a cross-linked MkDocs wiki.

Layout:
- `core/`: the model, reading and validating front matter, the cross-reference index;
- `render/`: HTML from Jinja2 templates (overridable by name), labels, icons, CSS and JS;
- `mkdocs_plugin/`: the thin MkDocs adapter (the `journeys` entry point, for MkDocs and ProperDocs);
- `markdown.py` and `zensical/`: the Python-Markdown extension that Zensical runs.
`core` and `render` never import MkDocs, so a CLI or another site generator can use them.
"""

__version__ = "0.1.0"
