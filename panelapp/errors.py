"""Errors that the user is shown. Each message says what is wrong and where."""


class PanelAppError(Exception):
    """A refusal a user can act on; never shown as a traceback."""


class StoreError(PanelAppError):
    """The store cannot be opened or used."""


class StoreTooNew(StoreError):
    """The store was written by a newer PanelApp than this one."""


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
