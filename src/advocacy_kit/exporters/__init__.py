"""Built-in exporters. Each module is a plugin registered through ``register_exporters``."""

from .base import Exporter, write_atomic

__all__ = ["Exporter", "write_atomic"]
