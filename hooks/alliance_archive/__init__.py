"""Alliance Archive pipeline: raw seed texts in, statement records and Markdown pages out.

The stages read top to bottom (see :mod:`alliance_archive.pipeline`):
read (bytes to lines) → clean (line classifier) → extract (record fields) → render (Markdown pages).
Nothing in this package imports MkDocs; ``hooks/archive.py`` is the only MkDocs-aware module.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
