"""The MkDocs adapter: feeds pages to the core and places what it renders. Nothing else."""
