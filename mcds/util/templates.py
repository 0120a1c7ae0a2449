"""The one factory of Jinja environments. HTML templates are always escaped, whatever their file name (a past
bug: select_autoescape(["html"]) did not match report.html.j2); Markdown and text templates never are."""

from __future__ import annotations

from functools import cache

import jinja2


@cache
def environment(package: str, *, html: bool, strict: bool = False, markdown: bool = False) -> jinja2.Environment:
    """The environment of the templates in `package`/templates.

    html: escape every value (for HTML pages and fragments). strict: an undefined name is an error, not an empty
    string. markdown: comments are [[# ... #]], because Markdown's attribute lists ({#anchor}) would otherwise
    open Jinja comments. Templates do not change while MCDS runs: they are not checked again for every render.
    """
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=html,
        undefined=jinja2.StrictUndefined if strict else jinja2.Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        **({"comment_start_string": "[[#", "comment_end_string": "#]]"} if markdown else {}),
    )
