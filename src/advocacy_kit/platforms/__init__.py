"""Built-in platforms. Each module is a plugin registered through ``register_platforms``."""

from .base import Count, Platform, PlatformOptions, ThreadOptions

__all__ = ["Count", "Platform", "PlatformOptions", "ThreadOptions"]
