"""Two builds into one output folder, in two real processes: the second waits for the first
instead of sweeping away the staging folder it is building in."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.build import build
from tests.conftest import REPO

pytestmark = pytest.mark.slow  # lays out PDFs or builds whole sites: not in `make test-fast`

ORG = ["--org", "organizations/org.yaml"]

# The first build, slowed down inside its staging folder until the second has had every
# chance to get in its way: it waits for the second to say that it waits, or 8 seconds.
SLOW_FIRST = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import generator.build as b

    real = b.site_builder

    def slow(engine, root):
        build_site = real(engine, root)

        def wrapped(*args, **kwargs):
            Path("first-is-staging").touch()
            deadline = time.monotonic() + 8
            second = Path("second.err")
            while time.monotonic() < deadline and "waiting" not in (second.read_text() if second.exists() else ""):
                time.sleep(0.05)
            return build_site(*args, **kwargs)

        return wrapped

    b.site_builder = slow
    from generator.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _start(project: Path, args: list[str], name: str, code: str | None = None) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "generator"]
    with (project / f"{name}.out").open("wb") as out, (project / f"{name}.err").open("wb") as err:
        return subprocess.Popen([*command, *args], cwd=project, stdout=out, stderr=err, env=_env())


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO)}


def _wait_for(path: Path, first: subprocess.Popen[bytes]) -> None:
    import time

    deadline = time.monotonic() + 60
    while not path.exists():
        assert first.poll() is None, (path.parent / "first.err").read_text()
        assert time.monotonic() < deadline, "the first build never reached its staging folder"
        time.sleep(0.05)


def _both(project: Path, first_args: list[str], second_args: list[str]) -> tuple[str, str]:
    """Run the slowed first build, start the second once the first is staging; both outputs."""
    first = _start(project, first_args, "first", SLOW_FIRST)
    _wait_for(project / "first-is-staging", first)
    second = _start(project, second_args, "second")
    assert (first.wait(timeout=120), second.wait(timeout=120)) == (0, 0), _outputs(project)
    return _outputs(project)


def _outputs(project: Path) -> tuple[str, str]:
    return tuple(  # type: ignore[return-value]
        (project / f"{name}.out").read_text() + (project / f"{name}.err").read_text() for name in ("first", "second")
    )


@pytest.mark.parametrize("second", [["--force"], []], ids=["forced", "up-to-date check"])
def test_a_second_build_into_the_same_folder_waits_for_the_first(project: Path, second: list[str]) -> None:
    build(project, project / "organizations/org.yaml")
    first_out, second_out = _both(project, ["build", *ORG, "--force"], ["build", *ORG, *second])
    assert "built" in first_out, first_out
    assert "problem" not in first_out + second_out
    assert "another build into site/ is running; waiting for it to finish" in second_out
    assert (project / "site" / "index.html").is_file()
    assert not list(project.glob(".site.building-*"))


def test_build_all_waits_for_a_build_into_one_of_its_folders(project: Path) -> None:
    first_out, second_out = _both(project, ["build", *ORG, "--out", "sites/org"], ["build", "--all", "--jobs", "1"])
    assert "problem" not in first_out + second_out
    assert "waiting for it to finish" in second_out
    assert "built 1 of 1 organizations" in second_out
    assert (project / "sites" / "org" / "index.html").is_file()


def test_a_killed_builds_staging_folder_is_swept(project: Path) -> None:
    leftover = project / ".site.building-killed"
    (leftover / "docs").mkdir(parents=True)
    build(project, project / "organizations/org.yaml")
    assert not leftover.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="no flock, no uid")
def test_the_lock_folder_is_the_users_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 23, finding 13: the lock folder had one fixed name in the shared temporary folder,
    which another local user could make first. It is now named after the user, made 0700, and
    refused when it is a link or open to others."""
    import os

    from generator.errors import InputError
    from generator.write import lock_file, output_lock

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    lock = lock_file(tmp_path / "site")
    assert lock.parent == tmp_path / f"mentorbook-locks-{os.getuid()}"
    assert lock.parent.stat().st_mode & 0o777 == 0o700
    lock.parent.chmod(0o777)  # as another user's folder would be to us: writable by others
    with pytest.raises(InputError, match="not a folder of this user's alone"), output_lock(tmp_path / "site"):
        pass
    lock.parent.rmdir()
    (tmp_path / "elsewhere").mkdir()
    lock.parent.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InputError, match="not a folder of this user's alone"), output_lock(tmp_path / "site"):
        pass
