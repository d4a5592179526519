"""MkDocs hooks: titles reach Material's templates as HTML, and leave them as safe HTML.

MkDocs' titles (the site name, the navigation's titles, a page's first heading) are HTML: the
theme prints them as they are, so Mentorbook gives them escaped (mkdocs.py, render.py). Where the
theme wants a title as plain text, in `<title>` and in labels, it prints `title | striptags`;
Jinja's `striptags` removes tags and then decodes character references, so `&lt;/title&gt;`
came out as a live `</title>` and a title could end `<title>` and start a script. Here
`striptags` still turns HTML into its text, and gives that text escaped, ready to print into
HTML: one filter for every template that uses it, Material's and ours (`| e` after it changes
nothing, as the text is marked safe).

Its templates are compiled once a process (`_Compiled`). `on_post_page` (and `on_post_template`, for 404.html) mends what Material's templates get wrong for the Nu and axe checks
(theme_fixes.py), so that no copy of Material's templates is shipped.

The in-process build adds this module to its plugins as MkDocs adds a file listed under
`hooks:` (mkdocs.py); configurations written for other tools list this file there.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from generator.site.theme_fixes import mend, text_of


class _Compiled(BytecodeCache):
    """The theme's templates compiled once in a process: MkDocs makes a new environment for
    every build, which compiled Material's 40 templates again after each edit under serve (a
    third of a second). Jinja checks each template's source against what it was compiled from."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    env.filters["striptags"] = text_of
    env.bytecode_cache = _COMPILED
    return env


def on_post_page(output: str, page: Any, config: Any) -> str:
    return mend(output, config["site_name"])


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The theme's own pages (404.html), which MkDocs renders without `on_post_page`."""
    return mend(output_content, config["site_name"]) if template_name.endswith(".html") else output_content
