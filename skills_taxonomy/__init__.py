"""skills_taxonomy."""
