"""Demo and seed data (the generated SQLite file and uploads here are git-ignored)."""
