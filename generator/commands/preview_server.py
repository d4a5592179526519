"""What only the preview adds to MkDocs' server: a script in every page it serves (not in the
built site, which stays byte for byte what `build` makes) that shows "updating…" beside the
link of each PDF still being laid out, and what changed since the last build, for its line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from generator.jinja import TEMPLATES
from generator.pdf.__main__ import STATUS

# Shows "updating…" beside the PDFs still being laid out (the script says how).
SCRIPT = (TEMPLATES / "preview-status.js").read_text(encoding="utf-8").replace("STATUS", STATUS)


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, with SCRIPT after its own in every HTML page, that can bind
    its port before the first build (`listen`): MkDocs' binds only once `serve` is called."""

    def listen(self) -> str:
        """Bind and listen now; requests wait in the socket's queue until `serve`. The address."""
        self.server_bind()
        self.server_activate()
        self.server_bind = self.server_activate = lambda: None  # type: ignore[method-assign]  # serve calls them
        host, port = self.socket.getsockname()[:2]
        return f"http://{host}:{port}/"

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return b"%b<script>%b</script>%b" % (content[:end], SCRIPT.encode(), content[end:])


def snapshot(paths: Iterable[Path]) -> dict[Path, tuple[int, int]]:
    """Every watched file's modification time and size: a few milliseconds for a project."""
    files: dict[Path, tuple[int, int]] = {}
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path] if path.is_file() else []:
            try:
                stat = file.stat()
            except OSError:
                continue
            if file.is_file():
                files[file] = (stat.st_mtime_ns, stat.st_size)
    return files


def what_changed(before: dict[Path, tuple[int, int]], after: dict[Path, tuple[int, int]], root: Path) -> str:
    """`curriculum.yaml changed`, `3 files changed` (the start of a rebuild's line), or "" if none."""
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    if not changed:
        return ""
    if len(changed) > 2:
        return f"{len(changed)} files changed"
    return " and ".join(str(p.relative_to(root)) if p.is_relative_to(root) else p.name for p in changed) + " changed"
