"""A MkDocs plugin, added in code by mcds.portal.site, that gives each page its "Date modified"."""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin


class DatesPlugin(BasePlugin):  # type: ignore[type-arg]
    """Sets page.update_date (the theme's "Date modified" line and sitemap.xml's lastmod) from source dates."""

    def __init__(self, dates: dict[str, str]) -> None:
        super().__init__()
        self.load_config({})
        self.dates = dates

    def on_pre_page(self, page: Any, /, *, config: Any, files: Any) -> Any:
        page.update_date = self.dates[page.file.src_uri]
        return page
