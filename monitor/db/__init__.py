"""Database: models, sessions, the embedded server and migrations."""
