"""PDFs remembered between builds in one process, for `serve`: after an edit, only the
worksheets and handbook parts whose HTML changed (or whose images or print templates did) are
laid out again, which is most of a rebuild's time saved.

What a PDF is remembered by is a hash of everything WeasyPrint reads to make it: the HTML, the
variant and the files the fetcher may open (see Printer.resources). The same process means the
same WeasyPrint and fonts. `build` and `build --all` use no cache: each PDF is made afresh.
The pool (pool.py) asks the cache before it sends a job to a worker. A handbook part's HTML
does not hold its first page number (its footers are laid out apart, parts.py), so an edit
that adds a page to one part does not lay out every part after it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class PdfCache:
    entries: dict[str, Any] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    made: int = 0
    remembered: int = 0

    def get(self, key: str, make: Callable[[], T]) -> T:
        """What `make` returns for `key`, made only the first time."""
        self.used.add(key)
        if key in self.entries:
            self.remembered += 1
        else:
            self.made += 1
            self.entries[key] = make()
        return self.entries[key]  # type: ignore[no-any-return]

    def next_build(self) -> str:
        """Forget what the last build did not use (the cache holds one build's PDFs) and say
        what it did."""
        said = f"{self.made} PDFs laid out, {self.remembered} unchanged"
        self.entries = {key: value for key, value in self.entries.items() if key in self.used}
        self.used, self.made, self.remembered = set(), 0, 0
        return said
