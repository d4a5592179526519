"""In tests/plan/, `project` and `plan` are the example organization's, read and planned once per
session (tests/conftest.py), not a folder to build in."""

from __future__ import annotations

import pytest

from generator.models.project import Project
from generator.plan import Plan


@pytest.fixture(scope="session")
def project(example_project: Project) -> Project:
    return example_project


@pytest.fixture(scope="session")
def plan(example_plan: Plan) -> Plan:
    return example_plan
