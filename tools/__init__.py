"""Developers' tools that do not ship with the app: the screenshots of every screen
(``panelapp-desk --screenshots DIR`` runs them from a source tree) and the meeting room
on its own, with the typing hook the crash-recovery test drives."""
