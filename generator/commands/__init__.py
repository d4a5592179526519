"""Verbs beyond a single build: preview server, every organization, scaffolds, schemas."""
