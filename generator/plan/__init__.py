"""Planning, pure: Project -> every document a build makes, as typed values."""
