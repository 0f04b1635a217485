"""What every stored record shares.

``uid`` is unique across stores, so that a chair's offline copy of a meeting
can be merged back; ``version`` is SQLAlchemy's optimistic-lock column, so an
UPDATE of a row that someone else changed since it was read fails with
``StaleDataError`` instead of overwriting their work.
"""

import uuid
from datetime import datetime, timezone

from sqlalchemy import CheckConstraint, MetaData
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

# Named constraints keep Alembic's SQLite batch migrations deterministic.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def new_uid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def one_of(column: str, values, name: str | None = None, nullable: bool = True) -> CheckConstraint:
    """A CHECK constraint that keeps ``column`` inside a closed vocabulary."""
    listed = ", ".join("'" + v + "'" for v in values)
    expr = f"{column} IN ({listed})"
    if nullable:
        expr = f"{column} IS NULL OR {expr}"
    return CheckConstraint(expr, name=name or column)


class Record(SQLModel):
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, max_length=36, unique=True, nullable=False)
    version: int = Field(default=1, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, nullable=False,
                                 sa_column_kwargs={"onupdate": utcnow})

    @declared_attr
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}
