"""Alembic environment: the URL comes from Pantau's settings (or the caller's Config)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text

from monitor.db.models import Base
from monitor.db.session import sqlalchemy_url

MIGRATION_LOCK = 7_291_004  # advisory lock id: one migrator at a time

target_metadata = Base.metadata


def _database_url() -> str:
    url = context.config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from monitor.settings import load_settings

    settings = load_settings()
    if not settings.database_url:
        raise SystemExit("alembic: set DATABASE_URL (or use `pantau db upgrade`, which starts the embedded server)")
    return sqlalchemy_url(settings.database_url)


def run_migrations_offline() -> None:
    context.configure(url=_database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_engine(_database_url())
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
        connection.commit()
        try:
            context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
            with context.begin_transaction():
                context.run_migrations()
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK})
            connection.commit()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
