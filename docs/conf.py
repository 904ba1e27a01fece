"""Sphinx configuration: MyST Markdown, built warning-free by `make docs`."""

project = "advocacy-kit"
author = "advocacy-kit developers"
extensions = ["myst_parser"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
html_theme = "alabaster"
html_title = "advocacy-kit"
