"""JSON Schemas of our YAML files, for editors with the YAML language server.

The shipped YAML files start with `# yaml-language-server: $schema=...`, so VS Code and other
editors complete field names and flag mistakes as the user types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.models import Curriculum, Organization, OwnCurriculum
from generator.models.site_settings import SiteSettings

SCHEMAS: dict[str, type[BaseModel]] = {
    "curriculum": Curriculum,
    "organization": Organization,
    "own-curriculum": OwnCurriculum,  # an organization's own modules and worksheets
    "site-settings": SiteSettings,  # a project's changes to the base mkdocs.yml
}


def schema_of(name: str) -> dict[str, Any]:
    schema = SCHEMAS[name].model_json_schema()
    title = f"Mentorbook {name.replace('-', ' ')}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}


def schema_text(name: str) -> str:
    return json.dumps(schema_of(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = out / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written
