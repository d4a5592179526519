"""The command line: help, exit codes, scaffolding, schemas, and the live preview."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator import __version__
from generator.cli import main
from generator.commands.schema import SCHEMAS, schema_text
from tests.conftest import REPO, SHIPPED


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`mentorbook ARGS` in `cwd`, with this checkout's `generator` whatever the folder."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def test_help_is_instant_and_imports_nothing_heavy() -> None:
    code = "import sys, generator.cli as c\ntry: c.main(['--help'])\nexcept SystemExit: pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs','pydantic','weasyprint','jinja2','yaml')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "build" in out and "new-org" in out
    assert out.strip().endswith("[]")


@pytest.mark.parametrize("verb", ["init", "build", "validate", "serve", "schema", "new-org", "doctor", "results"])
def test_every_verb_has_help(verb: str) -> None:
    result = run(verb, "--help")
    assert result.returncode == 0
    assert "usage: mentorbook" in result.stdout


def test_usage_mistakes_exit_2() -> None:
    assert run().returncode == 2
    assert run("bild").returncode == 2
    assert run("build", "--colour", "red").returncode == 2
    for args in (
        ("build", "--all", "--jobs", "-1"),
        ("build", "--all", "--jobs", "two"),
        ("serve", "--port", "99999"),
        ("results",),
        ("results", "x.pdf", "--min-group", "0"),
    ):
        result = run(*args)
        assert result.returncode == 2 and "Traceback" not in result.stderr, args


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["build", "--all", "--org", "organizations/org.yaml"], "leave out --org"),
        (["build", "--jobs", "2"], "--jobs is for --all"),
        (["new-org", "!!!"], "gives no usable file name"),
        (["new-org", "   "], "gives no usable file name"),
        (["new-org", "Org"], "organizations/org.yaml already exists"),
        (["schema", "--out", "curriculum.yaml"], "cannot write into curriculum.yaml"),
    ],
)
def test_mistakes_in_the_command_exit_2(
    args: list[str], said: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"mentorbook {args[0]}: error: ") and said in err and "Traceback" not in err
    assert not (project / "site").exists()


def test_a_port_in_use_is_a_mistake_in_the_command(project: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--org", "organizations/org.yaml", "--port", str(port), cwd=project)
    assert result.returncode == 2, result.stderr
    assert f"mentorbook serve: error: cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "pages in" not in result.stderr, "the port is bound before the first build"


@pytest.mark.parametrize("args", [["validate"], ["build"], ["build", "--all"], ["serve"], ["new-org", "Acme"]])
def test_outside_a_handbook_folder_says_so_once(args: list[str], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("organizations: folder not found: this folder is not a handbook project")
    assert (
        "`cd` into it first" in result.stderr
        and "mentorbook init" in result.stderr
        and "1 problem in 1 file" in result.stderr
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_new_org_validates_as_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-org", 'Acme Health & Co: "Ünïcode"']) == 0
    profile = project / "organizations/acme-health-co-unicode.yaml"
    assert profile.is_file() and (project / "organizations/acme-health-co-unicode").is_dir()
    assert main(["validate", "--org", str(profile)]) == 0
    assert main(["new-org", 'Acme Health & Co: "Ünïcode"']) == 2
    assert "already exists" in capsys.readouterr().err


def test_init_starts_a_project_that_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "handbook", "--org", "Acme Health"]) == 0
    assert "cd handbook && mentorbook build" in capsys.readouterr().out
    root = tmp_path / "handbook"
    assert (root / "organizations/acme-health.yaml").is_file() and (root / "overrides").is_dir()
    assert (root / "schemas/organization.schema.json").is_file() and "What to edit" in (root / "README.md").read_text()
    readme = (root / "README.md").read_text()
    assert f"pip install mentorbook-{__version__}-py3-none-any.whl" in readme and "pypi.org" not in readme
    assert not (root / "curriculum.yaml").exists(), "the shipped curriculum is used, not a copy"
    monkeypatch.chdir(root)
    assert main(["validate", "-q"]) == 0  # the only profile is the default one
    assert capsys.readouterr().out == ""
    assert main(["init"]) == 2 and "already a handbook project" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["Acme\nHealth", "A" * 10_000])
def test_init_and_new_org_refuse_a_name_validate_would_refuse(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, finding 13: the name was written, and `validate` then refused the profile."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "handbook", "--org", name]) == 2
    assert "the name" in capsys.readouterr().err and not (tmp_path / "handbook").exists()
    assert main(["init", "handbook", "-q"]) == 0
    monkeypatch.chdir(tmp_path / "handbook")
    assert main(["new-org", name]) == 2
    assert sorted(p.name for p in (tmp_path / "handbook/organizations").iterdir()) == [
        "my-organization",
        "my-organization.yaml",
    ]


def test_init_can_copy_the_curriculum(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--copy-curriculum", "-q"]) == 0
    assert (tmp_path / "curriculum.yaml").read_bytes() == (SHIPPED / "curriculum.yaml").read_bytes()
    assert sorted(p.name for p in (tmp_path / "content").iterdir()) == sorted(
        p.name for p in (SHIPPED / "content").iterdir()
    )
    (tmp_path / "curriculum.yaml").write_text(
        (tmp_path / "curriculum.yaml").read_text().replace("minutes: 60", "minutes: x", 1)
    )
    assert main(["validate"]) == 1, "the project's own curriculum is the one read"


def test_several_profiles_and_no_example_ask_for_one(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "organizations/org.yaml").rename(project / "organizations/first.yaml")
    (project / "organizations/second.yaml").write_text((project / "organizations/first.yaml").read_text())
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert "choose one with --org: organizations/first.yaml, organizations/second.yaml" in err


def test_a_bug_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import generator.commands.doctor as doctor

    def broken() -> None:
        raise RuntimeError("deep inside")

    monkeypatch.setattr(doctor, "examine", broken)
    assert main(["doctor"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "this is a bug in Mentorbook; the full report is in " in err
    report = Path(err.strip().rsplit(" ", 1)[1])
    assert "RuntimeError: deep inside" in report.read_text() and "command: mentorbook doctor" in report.read_text()
    report.unlink()


def test_doctor_names_the_engine_and_the_end_of_life(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "site engine: " in out and "end of life on 5 May 2027" in out and "Pango" in out


def test_doctor_exits_0_when_only_optional_pieces_are_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.commands.doctor as doctor

    note = doctor.Finding("optional piece", False, "not installed", "`pip install it`", optional=True)
    monkeypatch.setattr(doctor, "examine", lambda: [note])
    assert main(["doctor"]) == 0
    assert "note  optional piece: not installed" in capsys.readouterr().out
    needed = doctor.Finding("PDFs", False, "WeasyPrint cannot load Pango")
    monkeypatch.setattr(doctor, "examine", lambda: [note, needed])
    assert main(["doctor"]) == 1
    assert "MISSING  PDFs: WeasyPrint cannot load Pango" in capsys.readouterr().out


def test_doctor_says_when_a_projects_schemas_are_stale(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-q"]) == 0
    assert main(["doctor"]) == 0
    assert "ok  schemas: schemas/ match Mentorbook" in capsys.readouterr().out
    (project / "schemas" / "organization.schema.json").write_text("{}\n")
    assert main(["doctor"]) == 0, "an optional piece: a note"
    out = capsys.readouterr().out
    assert "note  schemas: schemas/ are older than Mentorbook" in out and "organization.schema.json" in out
    assert "run `mentorbook schema`" in out
    assert main(["schema", "-q"]) == 0 and main(["doctor"]) == 0
    assert "ok  schemas" in capsys.readouterr().out


def test_committed_schemas_are_current() -> None:
    for name in SCHEMAS:
        assert (REPO / "schemas" / f"{name}.schema.json").read_text() == schema_text(name), "run `mentorbook schema`"


def test_shipped_files_point_editors_at_the_schemas() -> None:
    assert (
        (SHIPPED / "curriculum.yaml")
        .read_text()
        .startswith("# yaml-language-server: $schema=schemas/curriculum.schema.json")
    )
    for profile in (REPO / "organizations").glob("*.yaml"):
        assert profile.read_text().startswith("# yaml-language-server: $schema=../schemas/organization.schema.json")
    for own in (REPO / "organizations").glob("*/curriculum.yaml"):
        assert own.read_text().startswith("# yaml-language-server: $schema=../../schemas/own-curriculum.schema.json")


def test_schema_knows_the_fields() -> None:
    schema = json.loads(schema_text("organization"))
    assert schema["additionalProperties"] is False
    assert {"name", "colors", "welcome"} <= set(schema["required"])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode())


def _wait_for(predicate, seconds: float = 30) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@pytest.mark.slow
def test_serve_rebuilds_on_change_and_survives_mistakes(project: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/modules/basics/first-session.html"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "generator", "serve", "--org", "organizations/org.yaml", "--port", str(port)]
    server = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(lambda: "First session" in _get(url))
        curriculum = project / "curriculum.yaml"
        original = curriculum.read_text()
        curriculum.write_text(original.replace("minutes: 30", "minutes: thirty", 1))
        time.sleep(1.5)
        assert "First session" in _get(url), "the last good build stays on screen"
        curriculum.write_text(original.replace("title: First session", "title: Opening session"))
        assert _wait_for(lambda: "Opening session" in _get(url))
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "should be a whole number" in output
    assert output.count(f"Serving on http://127.0.0.1:{port}/\n") == 1
    assert output.index("pages in") < output.index("Serving on"), "said once the first build is there"
    assert "Traceback" not in output


def test_serve_says_there_is_no_good_build_when_there_is_none(tmp_path: Path) -> None:
    """Issue 23, finding 13: serve whose first build failed said "showing the last good build"."""
    from generator.commands.serve import _meanwhile
    from generator.write import write_manifest

    assert "no good build to show yet" in _meanwhile(tmp_path / "site")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>built</p>")
    write_manifest(tmp_path / "site", {"generator": "mentorbook", "kind": "handbook"})
    assert _meanwhile(tmp_path / "site") == "showing the last good build until this is fixed"
