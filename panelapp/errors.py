"""Errors that the user is shown. Each message says what is wrong and where."""


class PanelAppError(Exception):
    """A refusal a user can act on; never shown as a traceback."""


class StoreError(PanelAppError):
    """The store cannot be opened or used."""


class StoreTooNew(StoreError):
    """The store was written by a newer PanelApp than this one."""


class StoreReadOnly(StoreError):
    """The store is open read-only (its file or folder cannot be written), so nothing is changed."""


class ConcurrentChange(PanelAppError):
    """Another user changed the record since it was read; the write was refused."""


class ExchangeErrors(PanelAppError):
    """An exchange document was refused; ``errors`` holds one ``PATH: message`` each."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__(f"{len(self.errors)} error(s) in the file; nothing was changed")


class FieldErrors(PanelAppError):
    """A record was refused; ``errors`` maps each field (``milestones.approved``) to what is wrong
    with it, so a form can show every message beside its own field."""

    def __init__(self, errors: dict[str, str], what: str = "record"):
        self.errors = dict(errors)
        listed = "; ".join(f"{field}: {message}" for field, message in self.errors.items())
        super().__init__(f"The {what} was not saved ({len(self.errors)} problem"
                         f"{'' if len(self.errors) == 1 else 's'}): {listed}")


class StoreBusy(StoreError):
    """Another PanelApp held the store for longer than this one would wait."""


class StoreFull(StoreError):
    """The disk (or the database server's disk) holding the store is full."""


class StoreDamaged(StoreError):
    """The store's file is damaged, or is not a PanelApp store at all."""


class StoreConflict(StoreError):
    """The database refused a write that breaks one of its rules (a duplicate, a missing link)."""


def safe_details(exc: BaseException) -> str:
    """A traceback fit for a log file: where it happened (files, lines, code) and the kinds
    of error, but not their messages, which may quote SQL, its parameters or personal data.
    A PanelAppError's message is ours and says nothing private, so it is kept."""
    import traceback
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_tb(current.__traceback__))
        said = f": {current}" if isinstance(current, PanelAppError) else ""
        parts.append(f"Traceback (most recent call last):\n{frames}{type(current).__module__}."
                     f"{type(current).__qualname__}{said}\n")
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "\nwhich happened while handling:\n".join(reversed(parts))
