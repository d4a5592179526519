"""The wheel carries the shipped curriculum, guides, base mkdocs.yml, theme overrides and
instruments as `generator/shipped/`. In the repository they sit at its top level, where the
design card puts them; generator/read/layout.py's `shipped_root()` finds them in either place.
Everything else about the package is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED_NAMES = ("curriculum.yaml", "instruments.yaml", "content", "mkdocs.yml", "overrides")  # read/layout.py's


class BuildWithShipped(build_py):
    """build_py, then the shipped files copied into the package (not for an editable install:
    it reads them from the checkout)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "generator" / "shipped"
        target.mkdir(parents=True, exist_ok=True)
        for name in SHIPPED_NAMES:
            source = HERE / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            else:
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithShipped})
