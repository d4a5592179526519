"""Hand-written Markdown pages: ours in content/, an organization's own in its folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.errors import InputError, Problem, display_path
from generator.markup import escape_markdown

MAX_PAGE_BYTES = 1_000_000  # a long guide is about 50 KB; see `read_guide`


@dataclass(frozen=True)
class Guide:
    path: str  # in the docs folder
    title: str
    text: Markup  # Markdown written by the curriculum's authors or the organization
    origin: str  # the user's file, as messages name it


def read_guide(path: Path, docs_path: str, *, trusted: bool) -> Guide:
    """A page whose first line is its `# Title`; raises InputError if it cannot be used.

    Our own pages may use raw HTML; an organization's pages are its text, so raw HTML in
    them is shown as text, like everything else it writes.

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
    body = text if trusted else escape_markdown(text)
    return Guide(docs_path, first[2:].strip(), Markup(body), shown)


def _too_big(shown: str, size: int) -> Problem:
    return Problem(
        shown,
        0,
        0,
        f"the page is {size / 1e6:.1f} MB; the most Mentorbook reads for a page is {MAX_PAGE_BYTES // 1_000_000} MB, "
        "because a longer page takes many minutes to lay out in the handbook",
        "split it into several pages, or check that the right file was named",
    )
