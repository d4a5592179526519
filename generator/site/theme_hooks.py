"""MkDocs hooks: titles reach Material's templates as HTML, and leave them as safe HTML.

MkDocs' titles (the site name, the navigation's titles, a page's first heading) are HTML: the
theme prints them as they are, so Mentorbook gives them escaped (mkdocs.py, render.py). Where the
theme wants a title as plain text, in `<title>` and in labels, it prints `title | striptags`;
Jinja's `striptags` removes tags and then decodes character references, so `&lt;/title&gt;`
came out as a live `</title>` and a title could end `<title>` and start a script. Here
`striptags` still turns HTML into its text, and gives that text escaped, ready to print into
HTML: one filter for every template that uses it, Material's and ours (`| e` after it changes
nothing, as the text is marked safe).

The in-process build adds this module to its plugins as MkDocs adds a file listed under
`hooks:` (mkdocs.py); configurations written for other tools list this file there.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape


def text_of(value: Any) -> Markup:
    """HTML -> its text without tags, escaped for HTML (Jinja's `striptags`, printable)."""
    return escape(Markup(str(value)).striptags())


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    env.filters["striptags"] = text_of
    return env
