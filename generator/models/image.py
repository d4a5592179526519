"""A checked logo or favicon (read/assets.py checks it; the site and the PDFs show it)."""

from __future__ import annotations

import base64
from dataclasses import dataclass

MEDIA_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Image:
    """A checked logo or favicon: what the site and the PDFs show (an SVG as written again)."""

    suffix: str  # ".png" or ".svg"
    data: bytes

    def data_uri(self) -> str:
        """The image inside its URL, so that a PDF needs no file from the organization's folder."""
        return f"data:{MEDIA_TYPES[self.suffix]};base64,{base64.b64encode(self.data).decode('ascii')}"
