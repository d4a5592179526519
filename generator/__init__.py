"""Mentorbook: a mentoring curriculum in YAML -> an organization's mentoring handbook."""

__version__ = "0.1.0"
