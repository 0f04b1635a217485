"""The store's Alembic migrations (``versions/``, run through ``env.py``).

``HEAD_REVISION`` names the newest migration, so that opening a store already at
it needs one query and no Alembic at all (importing Alembic costs a third of a
second of every start); ``tests/core/test_lazy_start.py`` checks it against the scripts.
"""

HEAD_REVISION = "listing"
