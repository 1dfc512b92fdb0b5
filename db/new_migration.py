"""Write a new migration from the difference between db/models.py and a scratch database.

    .venv/bin/python -m db.new_migration "add callback outcomes"

Read what it wrote in db/migrations/versions/ before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from db.engine import make_engine
from db.migrate import alembic_config, run_migrations


def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'scratch.sqlite3'}")
        run_migrations(engine, "head")
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
