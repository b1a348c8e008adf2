"""For site generators that run Python-Markdown extensions but not MkDocs plugins (Zensical):
the whole docs folder read once per process (wiki.py), each page's maps and cross-links
placed by the `mkdocs_journeys.markdown` extension. Imports no MkDocs."""
