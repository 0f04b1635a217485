"""Who may do what. Every service checks this itself, whatever the screen shows.

The table is the single source: docs/permissions.md is generated from it and a
test walks every cell of it against the services.
"""

from dataclasses import dataclass

from ..enums import USER_ROLES
from ..errors import PanelAppError

ROLE_NAMES = {
    "admin": "administrator", "adviser": "panel adviser", "chair": "panel chair",
    "member": "panel member", "adm": "agency decision maker", "viewer": "viewer",
}

# action -> (what it is, in words; the roles that may do it)
PERMISSIONS: dict[str, tuple[str, frozenset[str]]] = {
    "read": ("see meetings, agendas, cases and minutes", frozenset(USER_ROLES)),
    "stats.read": ("see statistics and reports", frozenset(USER_ROLES)),
    "accounts.manage": ("create and change user accounts", frozenset({"admin"})),
    "agency.edit": ("change the agency's settings", frozenset({"admin"})),
    "records.edit": ("edit households, children and the central list", frozenset({"admin", "adviser"})),
    "meeting.plan": ("schedule, change and cancel meetings; send papers", frozenset({"admin", "adviser"})),
    "agenda.edit": ("build agendas and attach papers", frozenset({"admin", "adviser"})),
    "meeting.record": ("take attendance, declarations and recommendations at the meeting",
                       frozenset({"chair", "adviser"})),
    "minutes.draft": ("draft the minutes", frozenset({"chair", "adviser"})),
    "minutes.approve": ("approve the minutes as final, or amend final minutes", frozenset({"chair"})),
    "adm.decide": ("make agency decisions on recommendations", frozenset({"adm"})),
    "adm.notify": ("record when applicants were told of a decision", frozenset({"adm", "adviser"})),
    "audit.read": ("read and verify the audit trail", frozenset({"admin", "adviser", "adm"})),
    "exchange.import": ("import exchange files", frozenset({"admin"})),
    "exchange.export": ("export the records", frozenset({"admin", "adviser"})),
    "report.write": ("write the chair's texts and the service plan of the annual report",
                     frozenset({"chair", "adviser", "admin"})),
}


class PermissionDenied(PanelAppError):
    """The signed-in user's role may not do this."""


@dataclass(frozen=True)
class Actor:
    """The person acting: who they are and their role, as the services see them."""

    username: str
    display_name: str
    role: str

    @property
    def label(self) -> str:
        return f"{self.display_name} ({ROLE_NAMES.get(self.role, self.role)})"


SYSTEM = Actor("system", "PanelApp", "admin")


def allowed(actor: Actor, action: str) -> bool:
    return actor.role in PERMISSIONS[action][1]


def require(actor: Actor, action: str) -> None:
    if not allowed(actor, action):
        what, roles = PERMISSIONS[action]
        who = ", ".join(ROLE_NAMES[r] for r in USER_ROLES if r in roles)
        raise PermissionDenied(
            f"{actor.display_name} is signed in as {ROLE_NAMES.get(actor.role, actor.role)}, "
            f"who may not {what}; only: {who}.")


def permission_table_markdown() -> str:
    head = "| action | " + " | ".join(ROLE_NAMES[r] for r in USER_ROLES) + " |"
    rule = "| --- |" + " --- |" * len(USER_ROLES)
    rows = [f"| {what} | " + " | ".join("yes" if r in roles else "" for r in USER_ROLES) + " |"
            for what, roles in PERMISSIONS.values()]
    return "\n".join([head, rule, *rows])
