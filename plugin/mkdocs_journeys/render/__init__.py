"""Rendering journeys to HTML with overridable Jinja2 templates. Knows nothing of MkDocs."""
