"""The journey core: model, reading and validation, cross-references. Knows nothing of MkDocs."""
