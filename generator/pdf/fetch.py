"""The only way WeasyPrint reads anything: files from our own folders, nothing else.

WeasyPrint's default fetcher follows any URL it meets, `file:///etc/passwd` or `http://...`,
and a PDF is built from text that users write (an image in a worksheet's Markdown) and from
templates that organizations override. So every URL goes through `ProjectFetcher`: a file
inside one of the allowed folders is served, after symlinks and `..` are resolved; everything
else (other files, http, https, ftp) is refused and the build stops with a message that names
the URL. `data:` URLs are served: they carry their own bytes, so they read nothing and reach
no one.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse


class RefusedURLError(ValueError):
    """A URL outside the project: the renderer must not read it."""

    def __init__(self, url: str) -> None:
        super().__init__(f"refused to read {url}: PDFs use only files in the project's own folders")
        self.url = url


class ProjectFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
    """With `fail_on_errors`, WeasyPrint stops the render on a refusal (or a missing file)
    instead of leaving the image out with a warning nobody reads."""

    def __init__(self, folders: Iterable[Path]) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=True)
        self.folders = tuple(folder.resolve() for folder in folders)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme.lower() == "data":
            return super().fetch(url, headers)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURLError(url)
        path = Path(url2pathname(parts.path)).resolve()  # first: neither `..` nor a symlink in a folder leads out
        if not any(path.is_relative_to(folder) for folder in self.folders):
            raise RefusedURLError(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})
