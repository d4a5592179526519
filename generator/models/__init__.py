"""Frozen, typed models: the only thing code downstream of validation sees."""

from generator.models.base import Markdown
from generator.models.curriculum import Curriculum, Module, OwnCurriculum, Session
from generator.models.organization import Organization
from generator.models.worksheet import Worksheet

__all__ = ["Curriculum", "Markdown", "Module", "Organization", "OwnCurriculum", "Session", "Worksheet"]
