"""translation-provenance: check translated quotes against their originals."""

__version__ = "0.1.0"
