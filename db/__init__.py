"""The database: SQLAlchemy models, the engine and its sessions, Alembic migrations."""
