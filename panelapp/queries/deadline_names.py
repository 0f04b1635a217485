"""The deadlines with the name of what each concerns (a household's applicants, a child, a
member, an item's household and children), for the roles that may see cases by name."""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from ..models import AgendaItem, Child, Household, PanelMember
from ..rules.clocks import Deadline
from ..services.permissions import Actor, allowed
from . import may_read
from .deadlines import deadlines_due


@dataclass(frozen=True)
class NamedDeadline(Deadline):
    name: str = ""  # whom it concerns, by name; empty for a meeting or when names may not be shown


def named_deadlines(session: Session, actor: Actor, on: dt.date) -> list[NamedDeadline]:
    may_read(actor)
    due = deadlines_due(session, actor, on)
    names: dict[tuple[str, str], str] = {}
    if allowed(actor, "read"):
        names |= {("household", h.ref): h.display_name for h in session.exec(select(Household)).all()}
        names |= {("child", ref): name for ref, name in session.exec(select(Child.ref, Child.name)).all()}
        names |= {("member", ref): name for ref, name in session.exec(select(PanelMember.ref, PanelMember.name))}
        items = {d.subject for d in due if d.kind == "item"}
        if items:
            for item in session.exec(select(AgendaItem).where(AgendaItem.ref.in_(items))).all():
                about = [link.household.display_name for link in item.household_links]
                about += [link.child.name for link in item.child_links]
                names[("item", item.ref)] = "; ".join(about)
    fields = Deadline.__dataclass_fields__
    return [NamedDeadline(**{f: getattr(d, f) for f in fields}, name=names.get((d.kind, d.subject), ""))
            for d in due]
