"""Hand-written Markdown pages: ours in content/, an organization's own in its folder."""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from pathlib import Path

from markupsafe import Markup

from generator.errors import InputError, Problem, display_path
from generator.markup import escape_markdown, going_nowhere, links_going_nowhere
from generator.models.guide import Guide
from generator.read.frontmatter import FrontMatter, front_matter
from generator.read.placeholders import check_text

MAX_PAGE_BYTES = 1_000_000  # a long guide is about 50 KB; see `read_guide`


def read_guide(
    path: Path, docs_path: str, *, trusted: bool, standards: Collection[str] = (), facts: Collection[str] = ()
) -> Guide:
    """A page whose first line is its `# Title`; raises InputError if it cannot be used.

    Our own pages may use raw HTML and name the program's `facts` (`{kickoff.minutes}`: any
    other name is refused at its line); an organization's pages are its text, so raw HTML
    and braces in them are shown as text, like everything else it writes.

    A page has a size limit, as YAML files do: a 20 MB page passes every check, then keeps the
    build busy for a quarter of an hour and 3 GB of memory laying it out into the handbook."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise InputError([_too_big(shown, size)])
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise InputError(
            [Problem(shown, 0, 0, "the page is not UTF-8 text", "save it with the encoding UTF-8")]
        ) from None
    except OSError as error:
        raise InputError(
            [Problem(shown, 0, 0, f"the page cannot be read ({error.strerror})", "check the file name and folder")]
        ) from None
    meta = FrontMatter()
    if trusted:
        unknown = check_text(text, shown, facts)
        if unknown:
            raise InputError(unknown)
        meta, text = front_matter(text, shown, standards)
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("# "):
        raise InputError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    "the page does not start with a title",
                    "make the first line `# ` and the page's title, e.g. `# Confidentiality`",
                )
            ]
        )
    if not trusted:
        _check_links(text, shown)
    body = text if trusted else escape_markdown(text)
    title = first[2:].strip()
    return Guide(docs_path, title, Markup(body), shown, meta.standard, meta.editions, meta.time_for, trusted)


def _too_big(shown: str, size: int) -> Problem:
    return Problem(
        shown,
        0,
        0,
        f"the page is {size / 1e6:.1f} MB; the most Mentorbook reads for a page is {MAX_PAGE_BYTES // 1_000_000} MB, "
        "because a longer page takes many minutes to lay out in the handbook",
        "split it into several pages, or check that the right file was named",
    )


def _check_links(text: str, shown: str) -> None:
    """An organization's page may link to full addresses and to its own headings (`#goals`):
    its file is renamed in the handbook, so a relative link could only break."""
    problems = []
    for address in links_going_nowhere(text, anchors=True):
        line, column = _position(text, address)
        message, hint = going_nowhere([address])
        problems.append(Problem(shown, line, column, message, hint))
    if problems:
        raise InputError(problems)


def _position(text: str, address: str) -> tuple[int, int]:
    """Where a link's address stands in the text, 1-based: as written, or written with
    character references (`&#106;avascript:`); (0, 0) if neither is found."""
    at = text.find(address)
    if at < 0:
        written = (m for m in _DESTINATION.finditer(text) if html.unescape(m.group(1)).strip("<> ") == address)
        at = next((m.start(1) for m in written), -1)
    if at < 0:
        return 0, 0
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


_DESTINATION = re.compile(r"(?:\]\(|^ {0,3}\[[^\]\n]+\]:)[ \t]*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)", re.MULTILINE)
