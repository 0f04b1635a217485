"""The panel's feedback to the agency on the quality of reports (NMS 17.2, six-monthly)."""

import datetime as dt

from sqlmodel import Session, select

from .. import audit
from ..errors import PanelAppError
from ..models import PanelFeedback
from .common import snapshot
from .permissions import Actor, require


def record_feedback(session: Session, actor: Actor, *, given_on: dt.date, summary: str) -> dict:
    require(actor, "report.write")
    if not summary.strip():
        raise PanelAppError("Write the feedback: what the panel found of the quality of the reports.")
    if given_on > dt.date.today():
        raise PanelAppError("Feedback cannot be dated in the future.")
    row = PanelFeedback(given_on=given_on, given_by=actor.display_name, summary=summary.strip())
    session.add(row)
    session.flush()
    audit.record(session, actor.username, "feedback", "panel_feedback", entity_uid=row.uid,
                 summary=f"panel feedback on the quality of reports given on {given_on.isoformat()}",
                 after=snapshot(row, "given_on", "given_by", "summary"))
    return snapshot(row, "uid", "given_on", "given_by", "summary")


def feedback_history(session: Session, actor: Actor) -> list[dict]:
    require(actor, "read")
    rows = session.exec(select(PanelFeedback).order_by(PanelFeedback.given_on.desc())).all()
    return [snapshot(r, "given_on", "given_by", "summary") for r in rows]
