"""The built-in outlet registry: one TOML file per news outlet, read by ``provenance.sources``.

The folder lives at the top of the repository and is installed as the import package
``provenance.outlet_sources`` (``package-dir`` in pyproject.toml), so ``importlib.resources``
finds the files in an editable install and in a built wheel alike. This file only makes the folder
an importable package; it holds no code.
"""
